"""The main window: navigation between the pages, the status bar, menus, and the window's remembered geometry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
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
    QWidget,
)

from canvass_app import __version__
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import translate
from canvass_app.ui.pages.briefs import BriefsPage
from canvass_app.ui.pages.contacts import ContactsPage
from canvass_app.ui.pages.sync import SyncPage
from canvass_app.ui.pages.turfs import TurfsPage
from canvass_app.ui.pages.walk import WalkPage


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    make: Callable[[AppContext], QWidget]


PAGES: list[PageSpec] = [
    PageSpec("contacts", QT_TRANSLATE_NOOP("MainWindow", "Contacts"), ContactsPage),
    PageSpec("walk", QT_TRANSLATE_NOOP("MainWindow", "Walk"), WalkPage),
    PageSpec("turfs", QT_TRANSLATE_NOOP("MainWindow", "Turfs && Walk Lists"), TurfsPage),
    PageSpec("briefs", QT_TRANSLATE_NOOP("MainWindow", "Policy Briefs"), BriefsPage),
    PageSpec("sync", QT_TRANSLATE_NOOP("MainWindow", "Sync"), SyncPage),
]


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(f"Canvass — {ctx.county}" if ctx.county else "Canvass")
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
            title = translate("MainWindow", spec.title).replace("&&", "&")
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(f"{title} (Ctrl+{index + 1})")
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
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
        file_menu = self.menuBar().addMenu(translate("MainWindow", "&File"))
        self.file_menu = file_menu
        import_action = QAction(translate("MainWindow", "&Import voter file…"), self)
        import_action.setShortcut(QKeySequence("Ctrl+I"))
        import_action.triggered.connect(self.import_voter_file)
        file_menu.addAction(import_action)
        settings_action = QAction(translate("MainWindow", "&Settings…"), self)
        settings_action.setShortcut(QKeySequence("Ctrl+,"))
        settings_action.triggered.connect(self.show_settings)
        file_menu.addAction(settings_action)
        quit_action = QAction(translate("MainWindow", "&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = self.menuBar().addMenu(translate("MainWindow", "&Go"))
        for index, spec in enumerate(PAGES):
            action = QAction(translate("MainWindow", spec.title), self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        about = QAction(translate("MainWindow", "&About Canvass"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        none_loaded = translate("MainWindow", "none loaded")
        self.county_label = QLabel(translate("MainWindow", "County: {0}").format(self.ctx.county or none_loaded))
        data_dir = self.ctx.store.data_dir
        short = str(data_dir) if len(str(data_dir)) <= 40 else f"…/{data_dir.parent.name}/{data_dir.name}"
        self.data_dir_label = QLabel(translate("MainWindow", "Data: {0}").format(short))  # never widens the window
        self.data_dir_label.setToolTip(str(data_dir))
        self.sync_label = QLabel(translate("MainWindow", "Sync: {0}").format(translate("MainWindow", "not connected")))
        for label in (self.county_label, self.data_dir_label, self.sync_label):
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

    def set_sync_state(self, text: str) -> None:
        self.sync_label.setText(translate("MainWindow", "Sync: {0}").format(text))

    def _county_changed(self, county: str) -> None:
        self.ctx.county = county
        self.county_label.setText(translate("MainWindow", "County: {0}").format(county))
        self.setWindowTitle(f"Canvass — {county}")

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
        else:
            self.resize(1200, 780)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        self.ctx.runner.wait(10000)
        super().closeEvent(event)
