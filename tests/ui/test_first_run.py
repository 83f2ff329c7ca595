"""The first-run wizard: each start creates the encrypted store with the chosen passphrase, enrollment is real."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.live_server import Server, running_server
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from canvass_app.store import keys
from canvass_app.store.database import StoreError, open_store
from canvass_app.ui import settings
from canvass_app.ui.context import AppContext
from canvass_app.ui.dialogs import first_run
from canvass_app.ui.dialogs.first_run import CONNECT, DEMO, OFFLINE, FirstRunWizard
from canvass_app.ui.tasks import TaskRunner

PASSPHRASE = "a long enough secret"


@pytest.fixture
def new_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("CANVASS_PASSPHRASE", raising=False)  # no keychain (fail backend), no env: ask
    return tmp_path / "fresh"


def _wizard(qtbot: QtBot, data_dir: Path) -> FirstRunWizard:
    wizard = FirstRunWizard(data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _choose(qtbot: QtBot, wizard: FirstRunWizard, choice: str) -> None:
    button = wizard.choice_page.buttons[choice]  # by keyboard, as a person without a mouse would
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert wizard.choice_page.choice() == choice
    wizard.next()


def _passphrase(qtbot: QtBot, wizard: FirstRunWizard, text: str, again: str) -> None:
    page = wizard.passphrase_page
    assert wizard.currentPage() is page
    page.first.clear()
    page.again.clear()
    qtbot.keyClicks(page.first, text)
    qtbot.keyClicks(page.again, again)


def _finish(wizard: FirstRunWizard) -> None:
    button = wizard.button(QWizard.WizardButton.FinishButton)
    assert button.isVisible()
    assert button.isEnabled()
    button.click()


def test_a_new_data_dir_needs_the_wizard_and_an_existing_store_does_not(new_dir: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert first_run.needs_first_run(new_dir)
    assert first_run.needs_passphrase()
    monkeypatch.setenv("CANVASS_PASSPHRASE", PASSPHRASE)
    open_store(new_dir).close()
    assert not first_run.needs_first_run(new_dir)


def test_demo_start_sets_the_passphrase_that_then_opens_the_store(qtbot: QtBot, new_dir: Path) -> None:
    wizard = _wizard(qtbot, new_dir)
    _choose(qtbot, wizard, DEMO)
    _passphrase(qtbot, wizard, "short", "short")
    assert not wizard.passphrase_page.isComplete()
    _passphrase(qtbot, wizard, PASSPHRASE, PASSPHRASE + "x")
    assert not wizard.passphrase_page.isComplete()
    assert "differ" in wizard.passphrase_page.problem.text()
    _passphrase(qtbot, wizard, PASSPHRASE, PASSPHRASE)
    assert wizard.passphrase_page.isComplete()
    _finish(wizard)
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted.value)
    assert wizard.result_ is not None
    assert wizard.result_.choice == DEMO
    assert wizard.result_.store.key_kind == "passphrase"
    wizard.result_.store.close()
    with pytest.raises(StoreError):
        open_store(new_dir, prompt=lambda _new: "not the passphrase")
    open_store(new_dir, prompt=lambda _new: PASSPHRASE).close()


def test_cancel_leaves_nothing_behind(qtbot: QtBot, new_dir: Path) -> None:
    wizard = _wizard(qtbot, new_dir)
    _choose(qtbot, wizard, OFFLINE)
    wizard.reject()
    assert wizard.result_ is None
    assert first_run.needs_first_run(new_dir)


def test_offline_start_opens_the_voter_file_import(qtbot: QtBot, new_dir: Path) -> None:
    wizard = _wizard(qtbot, new_dir)
    _choose(qtbot, wizard, OFFLINE)
    _passphrase(qtbot, wizard, PASSPHRASE, PASSPHRASE)
    _finish(wizard)
    qtbot.waitUntil(lambda: wizard.result_ is not None and wizard.result() == QWizard.DialogCode.Accepted.value)
    first = wizard.result_
    assert first is not None
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    ctx = AppContext(store=first.store, runner=TaskRunner())
    try:
        first_run.after_first_run(window, ctx, first)
        from canvass_app.ui.dialogs.import_dialog import ImportDialog

        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog) and w.isVisible()]
        assert len(dialogs) == 1
        dialogs[0].reject()
    finally:
        ctx.runner.wait(30000)
        first.store.close()


def test_connect_with_a_bad_address_says_why_and_stays_open(qtbot: QtBot, new_dir: Path) -> None:
    wizard = _wizard(qtbot, new_dir)
    _choose(qtbot, wizard, CONNECT)
    _passphrase(qtbot, wizard, PASSPHRASE, PASSPHRASE)
    wizard.next()
    page = wizard.connect_page
    assert wizard.currentPage() is page
    assert not page.isComplete()
    qtbot.keyClicks(page.url, "not a url")
    qtbot.keyClicks(page.code, "ABC-123")
    assert page.isComplete()
    _finish(wizard)  # starts the enrollment off the GUI thread
    qtbot.waitUntil(lambda: "not a server address" in page.status.text(), timeout=20000)
    assert wizard.isVisible()
    assert wizard.result_ is not None
    assert wizard.result_.enrolled is None
    wizard.runner.wait(20000)
    wizard.result_.store.close()


@pytest.fixture
def real_server(tmp_path: Path) -> Iterator[Server]:
    """The real sync server (the e2e suite's launcher, helpers.live_server) on loopback, over SQLite."""
    with running_server(tmp_path / "server") as server:
        yield server


def test_connect_enrolls_this_device_with_the_real_server(qtbot: QtBot, new_dir: Path, real_server: Server) -> None:
    wizard = _wizard(qtbot, new_dir)
    _choose(qtbot, wizard, CONNECT)
    _passphrase(qtbot, wizard, PASSPHRASE, PASSPHRASE)
    wizard.next()
    qtbot.keyClicks(wizard.connect_page.url, real_server.url)
    qtbot.keyClicks(wizard.connect_page.code, real_server.code())
    _finish(wizard)
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted.value, timeout=30000)
    first = wizard.result_
    assert first is not None
    assert first.enrolled is not None
    assert first.enrolled.county == "Wake"
    assert first.enrolled.server_url == real_server.url
    assert settings.SERVER_URL.get() == real_server.url
    from canvass_app.sync import identity

    assert identity.load(first.store) is not None
    first.store.close()
    assert (new_dir / keys.KEYSTORE_FILE).exists()
