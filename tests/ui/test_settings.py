"""Settings: declared once over QSettings, edited in the dialog (Ctrl+,), theme applied, passphrase changed."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvass_app.store import keys
from canvass_app.ui import settings
from canvass_app.ui.context import AppContext
from canvass_app.ui.dialogs.settings_dialog import SettingsDialog
from canvass_app.ui.i18n import apply_theme, install_translations
from canvass_app.ui.main_window import MainWindow

TEST_PASSPHRASE = "correct horse battery"  # tests/conftest.py sets it for the store fixture


@pytest.fixture(autouse=True)
def _clean_settings(qapp: QApplication) -> Iterator[None]:
    for setting in settings.ALL:
        setting.reset()
    yield
    for setting in settings.ALL:
        setting.reset()
    apply_theme("system")
    install_translations()  # the dialog applies a language at once: back to the default one


def test_every_setting_has_its_default_until_set() -> None:
    assert [s.get() for s in settings.ALL] == [s.default for s in settings.ALL]
    settings.SYNC_INTERVAL_MINUTES.set(30)
    settings.THEME.set("dark")
    assert settings.SYNC_INTERVAL_MINUTES.get() == 30
    assert QSettings().value("ui/theme") == "dark"


def test_bad_stored_values_read_as_the_default_and_bad_writes_are_refused() -> None:
    QSettings().setValue("ui/theme", "purple")
    QSettings().setValue("sync/interval_minutes", "soon")
    QSettings().setValue("walklist/page_size", 3)
    assert settings.THEME.get() == "system"
    assert settings.SYNC_INTERVAL_MINUTES.get() == 15
    assert settings.WALKLIST_PAGE_SIZE.get() == "letter"
    QSettings().setValue("sync/interval_minutes", "45")  # what an INI file hands back
    assert settings.SYNC_INTERVAL_MINUTES.get() == 45
    with pytest.raises(ValueError, match="ui/language"):
        settings.LANGUAGE.set("fr")
    with pytest.raises(ValueError, match="interval"):
        settings.SYNC_INTERVAL_MINUTES.set(-5)


def _open(qtbot: QtBot, ctx: AppContext) -> tuple[MainWindow, SettingsDialog]:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SettingsDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SettingsDialog)
    return window, dialog


def test_the_dialog_opens_with_ctrl_comma_and_stores_what_was_chosen(qtbot: QtBot, ctx: AppContext) -> None:
    _window, dialog = _open(qtbot, ctx)
    assert dialog.theme.currentData() == "system"
    dialog.server_url.setText(" https://canvass.example.org ")
    dialog.interval.setValue(0)
    assert dialog.interval.text() == "Only when I press Sync now"
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("a4"))
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    with qtbot.waitSignal(dialog.applied) as applied:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert set(applied.args[0]) == {s.key for s in settings.ALL}
    assert settings.SERVER_URL.get() == "https://canvass.example.org"
    assert settings.SYNC_INTERVAL_MINUTES.get() == 0
    assert settings.WALKLIST_PAGE_SIZE.get() == "a4"
    assert settings.LANGUAGE.get() == "es"
    assert settings.THEME.get() == "dark"
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 60  # the dark theme is on


def test_cancel_changes_nothing(qtbot: QtBot, ctx: AppContext) -> None:
    _window, dialog = _open(qtbot, ctx)
    dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
    dialog.reject()
    assert settings.THEME.get() == "system"


def test_change_passphrase_refuses_a_wrong_one_and_rewraps_the_key(qtbot: QtBot, ctx: AppContext) -> None:
    _window, dialog = _open(qtbot, ctx)
    assert ctx.store.key_kind == "passphrase"
    wrap = ctx.store.data_dir / keys.WRAP_FILE
    before = wrap.read_text()
    qtbot.keyClicks(dialog.old_pass, "not the passphrase")
    qtbot.keyClicks(dialog.new_pass, "a brand new secret")
    qtbot.keyClicks(dialog.again_pass, "a brand new secret")
    dialog.change_button.click()
    qtbot.waitUntil(lambda: "wrong" in dialog.pass_status.text(), timeout=20000)
    assert wrap.read_text() == before
    dialog.old_pass.setText(TEST_PASSPHRASE)
    dialog.change_button.click()
    qtbot.waitUntil(lambda: "changed" in dialog.pass_status.text(), timeout=20000)
    wrapped = json.loads(wrap.read_text())
    with pytest.raises(keys.WrongPassphrase):
        keys.unwrap_key(wrapped, TEST_PASSPHRASE)
    assert len(keys.unwrap_key(wrapped, "a brand new secret")) == 32


def test_the_walk_list_paper_setting_is_the_turfs_page_default(qtbot: QtBot, ctx: AppContext) -> None:
    from canvass_app.ui.pages.turfs import TurfsPage

    settings.WALKLIST_PAGE_SIZE.set("a4")
    page = TurfsPage(ctx)
    qtbot.addWidget(page)
    assert page.page_size.currentData() == "a4"
    ctx.runner.wait(30000)
