"""The first-run wizard: try the demo county, connect to an organisation, or work offline from a voter file.

It runs when the data dir has no store yet. It chooses the passphrase where no system keychain exists, creates
the encrypted store, and for "Connect" spends the enrollment code at the server (off the GUI thread) before it
closes, so a wrong code or address is said on the page and can be corrected.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from canvass_app.store import keys
from canvass_app.store.database import Store, StoreError, open_store
from canvass_app.sync import whoami
from canvass_app.sync.enroll import Enrolled, enroll
from canvass_app.ui import settings
from canvass_app.ui.context import AppContext
from canvass_app.ui.dialogs.import_dialog import ImportDialog
from canvass_app.ui.i18n import translate
from canvass_app.ui.tasks import TaskRunner

DEMO, CONNECT, OFFLINE = "demo", "connect", "offline"
PAGE_CHOICE, PAGE_PASSPHRASE, PAGE_CONNECT = 0, 1, 2


@dataclass
class FirstRun:
    """What the wizard decided: the store it created, the choice, and the enrollment when there was one."""

    store: Store
    choice: str
    enrolled: Enrolled | None = None


def needs_first_run(data_dir: Path) -> bool:
    """True when data_dir holds no store yet (no key has ever been made for it)."""
    return not (data_dir / keys.KEYSTORE_FILE).exists()


def needs_passphrase() -> bool:
    """The store key will be wrapped by a passphrase: no keychain, and none given in the environment."""
    return not keys.keyring_works() and not os.environ.get(keys.PASSPHRASE_ENV)


class ChoicePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("FirstRun", "Welcome to Canvass"))
        self.setSubTitle(translate("FirstRun", "How do you want to start? You can change this later."))
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        self.buttons: dict[str, QRadioButton] = {}
        for key, label, help_text in (
            (DEMO, translate("FirstRun", "Try the &demo county"),
             translate("FirstRun", "A made-up county with voters, turfs and briefs, to learn the app safely.")),
            (CONNECT, translate("FirstRun", "&Connect to my organisation"),
             translate("FirstRun", "Use the server address and the enrollment code your county lead gave you.")),
            (OFFLINE, translate("FirstRun", "Work &offline"),
             translate("FirstRun", "Import a voter file from this computer; connect to a server later if you "
                                   "want.")),
        ):
            button = QRadioButton(label)
            button.setObjectName(f"choice_{key}")
            button.setAccessibleDescription(help_text)
            note = QLabel(help_text)
            note.setWordWrap(True)
            note.setIndent(24)
            note.setBuddy(button)
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
            layout.addWidget(note)
        self.buttons[DEMO].setChecked(True)
        # Offline, nobody enrolls this device: the name the doors logged here are signed with.
        self.name = QLineEdit(whoami.default_name())
        self.name.setMaxLength(120)
        self.name.setAccessibleName(translate("FirstRun", "Your name"))
        self.name.setToolTip(translate("FirstRun", "The doors you log on this computer are signed with it. Once "
                                                   "you connect to a server, your member name is used instead."))
        self.name_row = QWidget()
        row = QFormLayout(self.name_row)
        row.setContentsMargins(24, 0, 0, 0)
        row.addRow(translate("FirstRun", "Your &name:"), self.name)
        layout.addWidget(self.name_row)
        self.group.buttonToggled.connect(lambda *_: self._choice_changed())
        self.name.textChanged.connect(lambda _t: self.completeChanged.emit())
        self._choice_changed()
        layout.addStretch(1)

    def _choice_changed(self) -> None:
        self.name_row.setVisible(self.choice() != CONNECT)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.choice() == CONNECT or bool(self.name.text().strip())

    def choice(self) -> str:
        return next(key for key, button in self.buttons.items() if button.isChecked())

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        if needs_passphrase():
            return PAGE_PASSPHRASE
        return PAGE_CONNECT if self.choice() == CONNECT else -1


class PassphrasePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("FirstRun", "Protect this device's data"))
        self.setSubTitle(translate(
            "FirstRun", "This computer has no system keychain, so a passphrase protects the encrypted data. "
                        "You will type it each time Canvass starts. It cannot be recovered if forgotten."))
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.again = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(translate("FirstRun", "Passphrase"))
        self.again.setAccessibleName(translate("FirstRun", "Repeat the passphrase"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(translate("FirstRun", "&Passphrase (8+ characters):"), self.first)
        form.addRow(translate("FirstRun", "&Repeat it:"), self.again)
        form.addRow(self.problem)
        for edit in (self.first, self.again):
            edit.textChanged.connect(self._changed)

    def _problem(self) -> str:
        if len(self.first.text()) < keys.MIN_PASSPHRASE:
            return translate("FirstRun", "The passphrase needs at least 8 characters.")
        if self.again.text() != self.first.text():
            return translate("FirstRun", "The two passphrases differ.")
        return ""

    def _changed(self) -> None:
        self.problem.setText(self._problem() if self.again.text() else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return not self._problem()

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        return PAGE_CONNECT if wizard.choice_page.choice() == CONNECT else -1


class ConnectPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("FirstRun", "Connect to your organisation"))
        self.setSubTitle(translate(
            "FirstRun", "Your county lead gives you the server address and a one-time enrollment code."))
        self.url = QLineEdit(settings.SERVER_URL.get())
        self.url.setPlaceholderText("https://canvass.example.org")
        self.code = QLineEdit()
        self.code.setPlaceholderText(translate("FirstRun", "enrollment code"))
        self.url.setAccessibleName(translate("FirstRun", "Server address"))
        self.code.setAccessibleName(translate("FirstRun", "Enrollment code"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(translate("FirstRun", "Connecting"))
        self.busy.hide()
        form = QFormLayout(self)
        form.addRow(translate("FirstRun", "&Server address:"), self.url)
        form.addRow(translate("FirstRun", "&Enrollment code:"), self.code)
        form.addRow(self.busy)
        form.addRow(self.status)
        for edit in (self.url, self.code):
            edit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return bool(self.url.text().strip() and self.code.text().strip())

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        return -1


class FirstRunWizard(QWizard):
    """Ends accepted with `self.result_` set (store created, enrolled when connecting), or rejected (nothing)."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.result_: FirstRun | None = None
        self.runner = TaskRunner(self)
        self._enrolling = False
        self.setWindowTitle(translate("FirstRun", "Canvass — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.choice_page = ChoicePage()
        self.passphrase_page = PassphrasePage()
        self.connect_page = ConnectPage()
        self.setPage(PAGE_CHOICE, self.choice_page)
        self.setPage(PAGE_PASSPHRASE, self.passphrase_page)
        self.setPage(PAGE_CONNECT, self.connect_page)
        self.setStartId(PAGE_CHOICE)
        self.resize(640, 460)

    # QWizard.done() validates the last page again when the wizard is accepted: this must then be a no-op.
    def _open_store(self) -> Store:
        if self.result_ is not None:
            return self.result_.store
        passphrase = self.passphrase_page.first.text()
        return open_store(self.data_dir, prompt=lambda _new: passphrase or None)

    def validateCurrentPage(self) -> bool:  # noqa: N802 (Qt override)
        if not super().validateCurrentPage():
            return False
        if self.currentPage().nextId() != -1:
            return True
        choice = self.choice_page.choice()
        try:
            store = self._open_store()
        except StoreError as exc:
            self._say(str(exc))
            return False
        if self.result_ is None or self.result_.choice != choice:
            self.result_ = FirstRun(store=store, choice=choice)
        if choice != CONNECT:
            with store.session() as session:
                whoami.set_local_name(session, self.choice_page.name.text())
            return True
        if self.result_.enrolled is not None:
            return True
        if not self._enrolling:
            self._start_enrollment(store)
        return False  # the wizard closes when the server has answered yes

    def _say(self, text: str) -> None:
        label = self.connect_page.status if self.currentPage() is self.connect_page else None
        if label is not None:
            label.setText(text)
        else:
            self.currentPage().setSubTitle(text)

    def _start_enrollment(self, store: Store) -> None:
        url, code = self.connect_page.url.text().strip(), self.connect_page.code.text().strip()
        self._enrolling = True
        self.connect_page.busy.show()
        self.connect_page.status.setText(translate("FirstRun", "Connecting to {0}…").format(url))
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)

        def done(enrolled: Enrolled) -> None:
            self._enrolling = False
            self.connect_page.busy.hide()
            assert self.result_ is not None
            self.result_.enrolled = enrolled
            settings.SERVER_URL.set(url)
            self.accept()

        def failed(exc: BaseException) -> None:
            self._enrolling = False
            self.connect_page.busy.hide()
            self.connect_page.status.setText(str(exc))
            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)

        self.runner.run(lambda _control: enroll(store, url, code), on_done=done, on_error=failed, db=False)

    def reject(self) -> None:
        if self._enrolling:
            return  # let the server answer first: a spent code must not be lost
        if self.result_ is not None:
            self.result_.store.close()
            self.result_ = None
        super().reject()


def run_first_run(data_dir: Path) -> FirstRun | None:
    """Show the wizard modally; the FirstRun when the person finished it, None when they cancelled."""
    wizard = FirstRunWizard(data_dir)
    wizard.exec()
    return wizard.result_ if wizard.result() == QDialog.DialogCode.Accepted.value else None


def after_first_run(window: QWidget, ctx: AppContext, first: FirstRun) -> None:
    """Once the main window shows: "Work offline" goes straight to the voter-file import."""
    if first.choice != OFFLINE:
        return
    dialog = ImportDialog(ctx, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
