"""The Settings dialog: server, automatic sync, walk-list paper, language, theme, and the store's passphrase."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from canvass_app.store import keys
from canvass_app.ui import settings
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import apply_theme, install_translations, translate


def _combo(name: str, items: list[tuple[str, str]], current: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for value, label in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class SettingsDialog(QDialog):
    """Changes are stored when the person presses OK; the theme and the language show at once."""

    applied = Signal(list)  # the keys of the settings that changed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(translate("Settings", "Settings"))
        layout = QVBoxLayout(self)

        sync = QGroupBox(translate("Settings", "Sync"))
        sync_form = QFormLayout(sync)
        self.server_url = QLineEdit(settings.SERVER_URL.get())
        self.server_url.setPlaceholderText("https://canvass.example.org")
        self.server_url.setAccessibleName(translate("Settings", "Server address"))
        self.interval = QSpinBox()
        self.interval.setRange(settings.SYNC_INTERVAL_MINUTES.minimum or 0,
                               settings.SYNC_INTERVAL_MINUTES.maximum or 1440)
        self.interval.setSpecialValueText(translate("Settings", "Only when I press Sync now"))
        self.interval.setSuffix(translate("Settings", " min"))
        self.interval.setValue(settings.SYNC_INTERVAL_MINUTES.get())
        self.interval.setAccessibleName(translate("Settings", "Automatic sync interval in minutes"))
        sync_form.addRow(translate("Settings", "Ser&ver address:"), self.server_url)
        sync_form.addRow(translate("Settings", "Sync &automatically every:"), self.interval)
        layout.addWidget(sync)

        look = QGroupBox(translate("Settings", "Appearance and printing"))
        look_form = QFormLayout(look)
        self.page_size = _combo(translate("Settings", "Walk-list paper size"), [
            ("letter", translate("Settings", "US Letter")), ("a4", translate("Settings", "A4"))],
            settings.WALKLIST_PAGE_SIZE.get())
        self.language = _combo(translate("Settings", "Language"), [
            ("system", translate("Settings", "Follow the system")), ("en", "English"), ("es", "Español")],
            settings.LANGUAGE.get())
        self.theme = _combo(translate("Settings", "Theme"), [
            ("system", translate("Settings", "Follow the system")), ("light", translate("Settings", "Light")),
            ("dark", translate("Settings", "Dark"))], settings.THEME.get())
        look_form.addRow(translate("Settings", "Walk-list &paper:"), self.page_size)
        look_form.addRow(translate("Settings", "&Language:"), self.language)
        look_form.addRow(translate("Settings", "&Theme:"), self.theme)
        layout.addWidget(look)

        layout.addWidget(self._passphrase_group())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _passphrase_group(self) -> QGroupBox:
        group = QGroupBox(translate("Settings", "Passphrase"))
        form = QFormLayout(group)
        self.old_pass, self.new_pass, self.again_pass = (
            QLineEdit(echoMode=QLineEdit.EchoMode.Password) for _ in range(3))
        for edit, name in ((self.old_pass, translate("Settings", "Current passphrase")),
                           (self.new_pass, translate("Settings", "New passphrase")),
                           (self.again_pass, translate("Settings", "Repeat the new passphrase"))):
            edit.setAccessibleName(name)
        self.change_button = QPushButton(translate("Settings", "&Change passphrase"))
        self.change_button.clicked.connect(self.change_passphrase)
        self.pass_status = QLabel()
        self.pass_status.setWordWrap(True)
        if self.ctx.store.key_kind != "passphrase":
            note = QLabel(translate("Settings", "This device's key is kept in the system keychain: there is no "
                                                "passphrase to change."))
            note.setWordWrap(True)
            form.addRow(note)
            return group
        form.addRow(translate("Settings", "C&urrent:"), self.old_pass)
        form.addRow(translate("Settings", "&New (8+ characters):"), self.new_pass)
        form.addRow(translate("Settings", "&Repeat new:"), self.again_pass)
        form.addRow("", self.change_button)
        form.addRow(self.pass_status)
        return group

    def change_passphrase(self) -> None:
        old, new = self.old_pass.text(), self.new_pass.text()
        if len(new) < keys.MIN_PASSPHRASE:
            self.pass_status.setText(translate("Settings", "The new passphrase needs at least 8 characters."))
            return
        if new != self.again_pass.text():
            self.pass_status.setText(translate("Settings", "The two new passphrases differ."))
            return
        self.change_button.setEnabled(False)
        self.pass_status.setText(translate("Settings", "Changing…"))
        data_dir = self.ctx.store.data_dir

        def done(_: object) -> None:
            for edit in (self.old_pass, self.new_pass, self.again_pass):
                edit.clear()
            self.change_button.setEnabled(True)
            self.pass_status.setText(translate("Settings", "Passphrase changed. Use the new one from now on."))

        def failed(exc: BaseException) -> None:
            self.change_button.setEnabled(True)
            wrong = isinstance(exc, keys.WrongPassphrase)
            self.pass_status.setText(translate("Settings", "The current passphrase is wrong; nothing was changed.")
                                     if wrong else str(exc))

        self.ctx.runner.run(lambda _control: keys.change_passphrase(data_dir, old, new), on_done=done,
                            on_error=failed, db=False)

    def accept(self) -> None:
        changed: list[str] = []
        values: list[tuple[settings.Setting[str] | settings.Setting[int], str | int]] = [
            (settings.SERVER_URL, self.server_url.text().strip()),
            (settings.SYNC_INTERVAL_MINUTES, self.interval.value()),
            (settings.WALKLIST_PAGE_SIZE, str(self.page_size.currentData())),
            (settings.LANGUAGE, str(self.language.currentData())),
            (settings.THEME, str(self.theme.currentData())),
        ]
        for setting, value in values:
            if setting.get() != value:
                setting.set(value)  # type: ignore[arg-type]
                changed.append(setting.key)
        if settings.THEME.key in changed:
            apply_theme(settings.THEME.get())
        if settings.LANGUAGE.key in changed:
            install_translations(settings.LANGUAGE.get())  # every open window retranslates (LanguageChange)
        self.applied.emit(changed)
        super().accept()
