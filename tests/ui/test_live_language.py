"""A language chosen in Settings applies at once on the Policy Briefs page (with its ballots) and the Sync page: their
fixed texts, the brief in the reader, the list's statuses, counts and the server's reasons, and back again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.live_server import Server, running_server
from helpers.turf_fixtures import H, P, make_county
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from canvass_app.ballots.votes import cast_vote
from canvass_app.contacts.attempts import log_contact
from canvass_app.store.models import Ballot, Voter
from canvass_app.ui import settings
from canvass_app.ui.context import AppContext
from canvass_app.ui.dialogs.settings_dialog import SettingsDialog
from canvass_app.ui.i18n import install_translations
from canvass_app.ui.main_window import MainWindow
from canvass_app.ui.pages.briefs import BriefsPage
from canvass_app.ui.pages.sync import SyncPage

SHOTS = Path("/tmp/shots")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    with running_server(tmp_path / "server") as srv:
        yield srv


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[MainWindow]:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 860)
    win.show()
    yield win
    settings.LANGUAGE.reset()
    install_translations("en")
    win.pages["sync"].controller.stop()  # type: ignore[attr-defined]
    ctx.runner.wait(30000)


def choose_language(qtbot: QtBot, window: MainWindow, code: str) -> None:
    """Through the real Settings dialog, as a person would; Qt posts the change to every window."""
    dialog = SettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData(code))
    dialog.accept()
    QCoreApplication.processEvents()


def column(table: QTableWidget, col: int) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]  # type: ignore[union-attr]


def header(table: QTableWidget) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]


def shoot(window: MainWindow, name: str) -> None:
    QCoreApplication.processEvents()  # cards added to a shown panel are shown by a queued call
    SHOTS.mkdir(exist_ok=True)
    assert window.grab().save(str(SHOTS / f"{name}.png"))


def test_briefs_and_sync_pages_follow_the_language_without_a_restart(
        qtbot: QtBot, window: MainWindow, server: Server) -> None:
    store = window.ctx.store
    with store.session() as s:  # one voter the server does not know, a vote on a ballot it does not have
        make_county(s, [H(1, "Main St", [P("Ben", "Ruiz")])])
        ben = s.scalars(select(Voter)).one()
        now = dt.datetime.now(dt.UTC)
        s.add(Ballot(id=7, brief_slug="universal-pre-k", title="Universal pre-K", scope="county", status="open",
                     opens_at=now - dt.timedelta(hours=1), closes_at=now + dt.timedelta(days=1), quorum=0.5,
                     threshold=0.5, electorate=1200))
        ben_id = ben.id
    with store.session() as s:
        log_contact(s, ben_id, "NH")
        cast_vote(s, 7, "support")

    sync = window.show_page("sync")
    assert isinstance(sync, SyncPage)
    sync.url_edit.setText(server.url)
    sync.code_edit.setText(server.code(role="county_lead"))
    sync.enroll_button.click()
    qtbot.waitUntil(lambda: sync.rejected_table.rowCount() == 2, timeout=30000)
    reasons = column(sync.rejected_table, 4)
    assert "the voter is not in the server's list for this county" in reasons

    briefs = window.show_page("briefs")
    assert isinstance(briefs, BriefsPage)
    qtbot.waitUntil(lambda: briefs.results.count() == 11, timeout=20000)
    assert briefs.result_count.text() == "11 briefs"
    briefs.open("universal-pre-k")
    qtbot.waitUntil(lambda: 7 in briefs.ballots.cards, timeout=20000)
    assert "Talking points" in briefs.reader.toPlainText()
    assert "Adopted" in briefs.reader.toPlainText() or "Proposed" in briefs.reader.toPlainText()
    english_heading = briefs.ballots.cards[7].heading.text()

    choose_language(qtbot, window, "es")
    assert window.current_page_key() == "briefs"  # the same page, no restart
    assert briefs.categories.item(0).text() == "Todas las propuestas"
    assert briefs.doorstep.text() == "En la puerta: solo puntos clave"
    assert briefs.tabs.tabText(0) != "Briefs"
    assert briefs.ballots.title() == "Votaciones"
    qtbot.waitUntil(lambda: briefs.current is not None and briefs.current.language == "es", timeout=20000)
    reader = briefs.reader.toPlainText()
    assert "Puntos clave" in reader  # the brief in the language in force, its metadata too
    assert "versión" in reader
    assert "Talking points" not in reader and "Proposed" not in reader and "Adopted" not in reader
    qtbot.waitUntil(lambda: briefs.result_count.text() == "11 propuestas", timeout=20000)
    qtbot.waitUntil(lambda: 7 in briefs.ballots.cards and briefs.ballots.cards[7].heading.text() != english_heading,
                    timeout=20000)
    assert "Support" not in [b.text() for b in briefs.ballots.cards[7].buttons.values()]
    shoot(window, "live-language-briefs-es")

    window.show_page("sync")
    assert sync.sync_button.text() == "Sincronizar ahora"
    assert header(sync.rejected_table)[0] == "Cuándo"
    qtbot.waitUntil(lambda: "el votante no está en la lista del servidor para este condado"
                    in column(sync.rejected_table, 4), timeout=20000)
    assert "contacto" in column(sync.rejected_table, 1)
    assert sync.online_label.text() != "online"
    assert "líder de condado" in sync.enroll_result.text()
    shoot(window, "live-language-sync-es")

    choose_language(qtbot, window, "en")
    assert sync.sync_button.text() == "Sync now"
    assert header(sync.rejected_table)[0] == "When"
    qtbot.waitUntil(lambda: "the voter is not in the server's list for this county"
                    in column(sync.rejected_table, 4), timeout=20000)
    qtbot.waitUntil(lambda: briefs.current is not None and briefs.current.language == "en", timeout=20000)
    assert "Talking points" in briefs.reader.toPlainText()
    assert briefs.categories.item(0).text() == "All briefs"
    qtbot.waitUntil(lambda: briefs.result_count.text() == "11 briefs", timeout=20000)
    qtbot.waitUntil(lambda: 7 in briefs.ballots.cards
                    and briefs.ballots.cards[7].buttons["support"].text() == "Support", timeout=20000)
