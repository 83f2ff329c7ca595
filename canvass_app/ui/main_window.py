"""The main window: navigation between the pages, the county chooser, the status bar, menus, and geometry.

The current county is chosen in the county box above the page list (every county in the store, remembered in settings);
pages follow `ctx.events.county_changed`. A language chosen in Settings applies at once (QEvent.LanguageChange).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from canvass_app import __version__
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.ui import settings
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import LiveTexts, translate
from canvass_app.ui.pages.briefs import BriefsPage
from canvass_app.ui.pages.candidates import CandidatesPage
from canvass_app.ui.pages.contacts import ContactsPage
from canvass_app.ui.pages.gotv import GotvPage
from canvass_app.ui.pages.sync import SyncPage
from canvass_app.ui.pages.turfs import TurfsPage
from canvass_app.ui.pages.walk import WalkPage
from canvass_app.ui.roles import ROLE_NAMES, may_import
from canvass_app.ui.tasks import TaskControl
from canvass_app.voters.counties import CountyChoice, list_counties, pick_county


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    make: Callable[[AppContext], QWidget]


PAGES: list[PageSpec] = [
    PageSpec("contacts", QT_TRANSLATE_NOOP("MainWindow", "Contacts"), ContactsPage),
    PageSpec("walk", QT_TRANSLATE_NOOP("MainWindow", "Walk"), WalkPage),
    PageSpec("turfs", QT_TRANSLATE_NOOP("MainWindow", "Turfs && Walk Lists"), TurfsPage),
    PageSpec("gotv", QT_TRANSLATE_NOOP("MainWindow", "Election Day"), GotvPage),
    PageSpec("briefs", QT_TRANSLATE_NOOP("MainWindow", "Policy Briefs"), BriefsPage),
    PageSpec("candidates", QT_TRANSLATE_NOOP("MainWindow", "Candidates"), CandidatesPage),
    PageSpec("sync", QT_TRANSLATE_NOOP("MainWindow", "Sync"), SyncPage),
]


def _with_key(key: str, title: str) -> str:
    return f"{title.replace('&&', '&')} ({key})"


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.texts = LiveTexts("MainWindow")
        self.setWindowTitle(f"Canvass — {ctx.county_label}" if ctx.county else "Canvass")
        self.nav = QListWidget()
        self.nav.setAccessibleName(translate("MainWindow", "Pages"))
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet("QListWidget::item { padding: 9px 6px; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for index, spec in enumerate(PAGES):
            page = spec.make(ctx)
            page.setObjectName(f"page_{spec.key}")
            self.pages[spec.key] = page
            # A page wider or taller than a small laptop's screen scrolls instead of growing the window past it.
            scroll = QScrollArea(widgetResizable=True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(page)
            self.stack.addWidget(scroll)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.texts.bind(item.setText, spec.title, lambda title: title.replace("&&", "&"))
            self.texts.bind(item.setToolTip, spec.title, partial(_with_key, f"Ctrl+{index + 1}"))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        layout = QHBoxLayout(central)
        left = QVBoxLayout()
        left.addLayout(self._build_county_box())
        left.addWidget(self.nav, 1)
        layout.addLayout(left)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
        self.ctx.events.data_changed.connect(self._data_changed)
        self.load_counties()
        self.nav.setCurrentRow(0)
        self._restore_geometry()

    # navigation ---------------------------------------------------------------------------------------------
    def show_page(self, key: str) -> QWidget:
        keys = [spec.key for spec in PAGES]
        self.nav.setCurrentRow(keys.index(key))
        return self.pages[key]

    def current_page_key(self) -> str:
        return PAGES[self.stack.currentIndex()].key

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("")
        self.texts.bind(file_menu.setTitle, QT_TRANSLATE_NOOP("MainWindow", "&File"))
        self.file_menu = file_menu
        import_action = QAction(self)
        self.texts.bind(import_action.setText, QT_TRANSLATE_NOOP("MainWindow", "&Import voter file…"))
        import_action.setShortcut(QKeySequence("Ctrl+I"))
        import_action.triggered.connect(self.import_voter_file)
        file_menu.addAction(import_action)
        self.import_action = import_action
        settings_action = QAction(self)
        self.texts.bind(settings_action.setText, QT_TRANSLATE_NOOP("MainWindow", "&Settings…"))
        settings_action.setShortcut(QKeySequence("Ctrl+,"))
        settings_action.triggered.connect(self.show_settings)
        file_menu.addAction(settings_action)
        quit_action = QAction(self)
        self.texts.bind(quit_action.setText, QT_TRANSLATE_NOOP("MainWindow", "&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = self.menuBar().addMenu("")
        self.texts.bind(go_menu.setTitle, QT_TRANSLATE_NOOP("MainWindow", "&Go"))
        for index, spec in enumerate(PAGES):
            action = QAction(self)
            self.texts.bind(action.setText, spec.title)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu("")
        self.texts.bind(help_menu.setTitle, QT_TRANSLATE_NOOP("MainWindow", "&Help"))
        about = QAction(self)
        self.texts.bind(about.setText, QT_TRANSLATE_NOOP("MainWindow", "&About Canvass"))
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _signed_in(self) -> None:
        """Who acts from this window, and what their role lets the window offer (canvass_protocol.roles)."""
        role = translate("Roles", ROLE_NAMES.get(self.ctx.role, self.ctx.role))
        self.user_label.setText(translate("MainWindow", "Signed in: {0} ({1})").format(self.ctx.user, role))
        self.import_action.setVisible(may_import(self.ctx.role))
        self.import_action.setEnabled(may_import(self.ctx.role))

    def _build_status_bar(self) -> None:
        none_loaded = translate("MainWindow", "none loaded")
        self.county_label = QLabel(translate("MainWindow", "County: {0}").format(self.ctx.county_label or none_loaded))
        data_dir = self.ctx.store.data_dir  # shown short: never widens the window
        self.data_dir_label = QLabel(translate("MainWindow", "Data: {0}").format(self._short_data_dir()))
        self.data_dir_label.setToolTip(str(data_dir))
        self.sync_label = QToolButton()  # a click opens the Sync page, where refused changes are listed
        self.sync_label.setAutoRaise(True)
        self.sync_label.setText(translate("MainWindow", "Sync: {0}").format(translate("MainWindow", "not connected")))
        self.sync_label.clicked.connect(lambda: self.show_page("sync"))
        self.user_label = QLabel()
        self._signed_in()
        self.ctx.events.signed_in.connect(self._signed_in)
        for label in (self.user_label, self.county_label, self.data_dir_label, self.sync_label):
            label.setAccessibleName(label.text().split(":")[0])
            self.statusBar().addPermanentWidget(label)
        self.busy = QProgressBar()  # a quiet "working…" while any task runs off the GUI thread
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setAccessibleName(translate("MainWindow", "Working"))
        self.busy.hide()
        self.statusBar().addWidget(self.busy)
        self.ctx.runner.busy_changed.connect(self.busy.setVisible)
        self.ctx.events.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.ctx.events.county_changed.connect(self._county_changed)

    def _short_data_dir(self) -> str:
        data_dir = self.ctx.store.data_dir
        return str(data_dir) if len(str(data_dir)) <= 40 else f"…/{data_dir.parent.name}/{data_dir.name}"

    def set_sync_state(self, text: str) -> None:
        self.sync_label.setText(translate("MainWindow", "Sync: {0}").format(text))

    # the current county --------------------------------------------------------------------------------------
    def _build_county_box(self) -> QVBoxLayout:
        """The county chooser above the page list: every county in the store; each page shows the one chosen."""
        self.county_box = QComboBox()
        self.county_box.setFixedWidth(self.nav.width())
        self.county_box.activated.connect(self._county_chosen)
        self.county_box_label = QLabel()
        self.county_box_label.setBuddy(self.county_box)
        self._retranslate_county()
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(self.county_box_label)
        box.addWidget(self.county_box)
        return box

    def _retranslate_county(self) -> None:
        self.county_box_label.setText(translate("MainWindow", "C&ounty"))
        self.county_box.setAccessibleName(translate("MainWindow", "County"))
        self.county_box.setToolTip(translate("MainWindow", "The county every page shows"))
        self.county_box.setPlaceholderText(translate("MainWindow", "No county yet: import a voter file"))
        if hasattr(self, "county_label"):
            none_loaded = translate("MainWindow", "none loaded")
            self.county_label.setText(translate("MainWindow", "County: {0}").format(
                self.ctx.county_label or none_loaded))

    def _data_changed(self, what: str) -> None:
        if what in ("voters", "sync"):  # an import or a pull may have brought a county
            self.load_counties()

    def load_counties(self) -> None:
        """List the store's counties in the box and keep (or, when it is gone or none was chosen, pick) one."""
        store = self.ctx.store

        def work(_control: TaskControl) -> list[CountyChoice]:
            with store.session() as session:
                return list_counties(session)

        self.ctx.runner.run(work, on_done=self._fill_counties)

    def _fill_counties(self, counties: list[CountyChoice]) -> None:
        self.county_box.clear()
        for county in counties:
            self.county_box.addItem(county.label, county)
        self._retranslate_county()
        self.ctx.set_county(pick_county(counties, self.ctx.county))
        self._show_county()

    def _county_chosen(self, index: int) -> None:
        choice = self.county_box.itemData(index)
        if isinstance(choice, CountyChoice):
            self.ctx.set_county(choice)

    def _county_changed(self, key: str) -> None:
        if key:
            settings.COUNTY.set(key)  # the next start opens on it
        self._show_county()

    def _show_county(self) -> None:
        index = next((i for i in range(self.county_box.count())
                      if self.county_box.itemData(i).key == self.ctx.county), -1)
        self.county_box.setCurrentIndex(index)
        self.setWindowTitle(f"Canvass — {self.ctx.county_label}" if self.ctx.county else "Canvass")
        self._retranslate_county()

    def import_voter_file(self) -> None:
        """File > Import voter file…: the Turfs & Walk Lists page owns the import dialog."""
        turfs = self.show_page("turfs")
        assert isinstance(turfs, TurfsPage)
        turfs.open_import_dialog()

    def about_text(self) -> str:
        where = (translate("MainWindow", "the system keychain") if self.ctx.store.key_kind == "keyring"
                 else translate("MainWindow", "a passphrase"))
        return (
            f"<h3>Canvass {__version__}</h3><p>"
            + translate("MainWindow", "Offline field canvassing for volunteer alliances.") + "</p><p>"
            + translate("MainWindow", "Data directory: {0}").format(self.ctx.store.data_dir) + "<br>"
            + translate("MainWindow", "Everything on disk is encrypted (key in {0}).").format(where) + "</p>"
        )

    def show_settings(self) -> QWidget:
        from canvass_app.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(self, translate("MainWindow", "About Canvass"), self.about_text())

    # geometry -----------------------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            return
        # First start: most of the screen, up to 1360x860 (a 1366x768 laptop shows the Contacts table's columns).
        screen = self.screen().availableGeometry()
        self.resize(min(1360, screen.width()), min(860, screen.height()))

    # language -----------------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:  # the pages retranslate themselves on the same event
            self.texts.retranslate()
            self._retranslate_county()
            self._signed_in()
            self.data_dir_label.setText(translate("MainWindow", "Data: {0}").format(self._short_data_dir()))
            self.busy.setAccessibleName(translate("MainWindow", "Working"))
            self.nav.setAccessibleName(translate("MainWindow", "Pages"))
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        self.ctx.runner.wait(10000)
        super().closeEvent(event)
