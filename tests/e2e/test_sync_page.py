"""The Sync page and its controller against the real server: enroll from the form, Sync now, status bar, wipe."""

from __future__ import annotations

import os
import platform
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from sync_harness import Server, log_contacts, pending  # noqa: E402

from canvass_app.store.database import Store  # noqa: E402
from canvass_app.ui.context import AppContext  # noqa: E402
from canvass_app.ui.main_window import MainWindow  # noqa: E402
from canvass_app.ui.tasks import TaskRunner  # noqa: E402

SHOTS = os.environ.get("CANVASS_SCREENSHOTS")  # a directory: save a picture of the page there


@pytest.fixture
def window(qtbot: object, make_store: Callable[[str], Store], tmp_path: Path) -> Iterator[MainWindow]:
    QCoreApplication.setOrganizationName("CanvassTests")
    QCoreApplication.setApplicationName("CanvassTests")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    ctx = AppContext(store=make_store("gui"), runner=TaskRunner(), county="Wake, NC")
    win = MainWindow(ctx)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    yield win
    win.pages["sync"].controller.stop()  # type: ignore[attr-defined]
    ctx.runner.wait(30000)


def test_enroll_sync_now_and_the_status_bar(qtbot: object, window: MainWindow, server: Server) -> None:
    voters = server.seed_voters(20)
    page = window.show_page("sync")
    store = window.ctx.store
    bot = qtbot  # type: ignore[assignment]
    bot.waitUntil(lambda: "not connected" in window.sync_label.text(), timeout=30000)
    assert page.enroll_box.title() == "Connect this device to a server"
    log_contacts(store, voters[:6] + ["NOSUCH01"])
    page.url_edit.setText(server.url)
    page.code_edit.setText(server.code())
    page.enroll_button.click()
    # Enrolling starts a sync by itself: everything is sent, the rejection is listed with its reason.
    bot.waitUntil(lambda: server.contacts() == 6 and pending(store) == 0, timeout=30000)
    # The window acts for the member the code was made for (named by this machine at enrollment) at once.
    assert window.user_label.text() == f"Signed in: {platform.node()[:120]} (county lead)"
    assert (window.ctx.role, window.ctx.me is not None) == ("county_lead", True)
    bot.waitUntil(lambda: page.rejected_table.rowCount() == 1, timeout=30000)
    assert "not in the server's list" in page.rejected_table.item(0, 4).text()
    bot.waitUntil(lambda: "1 not accepted" in window.sync_label.text(), timeout=30000)
    assert "all sent" not in window.sync_label.text()  # never over a refusal nobody has seen
    assert page.pending_label.text() == "nothing"
    assert "ago" in page.last_sync_label.text()
    assert server.url in page.device_label.text()
    log_contacts(store, voters[6:10])
    page.controller.refresh()
    bot.waitUntil(lambda: page.pending_label.text() == "4 change(s)", timeout=30000)
    page.sync_button.click()
    bot.waitUntil(lambda: server.contacts() == 10 and page.pending_label.text() == "nothing", timeout=30000)
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(SHOTS) / "sync-page.png"))
    server.revoke(page.controller.status.device_id)
    page.sync_button.click()
    bot.waitUntil(lambda: page.wiped_label.isVisible(), timeout=30000)
    assert "revoked" in window.sync_label.text()
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / "sync-page-wiped.png"))


def test_offline_server_is_shown_in_plain_words(qtbot: object, window: MainWindow, server: Server) -> None:
    page = window.show_page("sync")
    bot = qtbot  # type: ignore[assignment]
    page.url_edit.setText(server.url)
    page.code_edit.setText(server.code())
    page.enroll_button.click()
    bot.waitUntil(lambda: page.controller.status is not None and page.controller.status.enrolled, timeout=20000)
    server.seed_voters(4)
    log_contacts(window.ctx.store, ["WA000000", "WA000001"])
    server.stop()
    page.sync_button.click()
    bot.waitUntil(lambda: "cannot reach the server" in page.error_label.text(), timeout=30000)
    bot.waitUntil(lambda: "offline" in window.sync_label.text(), timeout=30000)
    assert "2 waiting" in window.sync_label.text()
    assert page.pending_label.text() == "2 change(s)"
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / "sync-page-offline.png"))


def test_a_change_made_in_the_window_is_sent_soon_without_sync_now(qtbot: object, window: MainWindow,
                                                                   server: Server) -> None:
    voters = server.seed_voters(3)
    page = window.show_page("sync")
    bot = qtbot  # type: ignore[assignment]
    page.url_edit.setText(server.url)
    page.code_edit.setText(server.code())
    page.enroll_button.click()
    bot.waitUntil(lambda: page.controller.status is not None and page.controller.status.enrolled
                  and not page.controller.scheduler.running, timeout=30000)
    scheduler = page.controller.scheduler
    scheduler.change_delay, scheduler.interval, scheduler.watchdog_after = 0.2, 3600, 3600  # only the change sends
    log_contacts(window.ctx.store, voters)
    window.ctx.events.data_changed.emit("contacts")  # what a page says after logging a result
    bot.waitUntil(lambda: server.contacts() == 3 and pending(window.ctx.store) == 0, timeout=15000)
