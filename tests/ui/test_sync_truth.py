"""Sync that tells the truth, against the real server: "not connected" before enrolling, a refused contact and a
refused vote shown where they were made with the server's reason, counted in the status bar until marked seen."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.live_server import Server, running_server
from helpers.turf_fixtures import H, P, make_county
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from canvass_app.ballots.votes import cast_vote
from canvass_app.contacts.attempts import log_contact
from canvass_app.store.models import Ballot, Voter
from canvass_app.ui.context import AppContext
from canvass_app.ui.main_window import MainWindow
from canvass_app.ui.pages.briefs import BriefsPage
from canvass_app.ui.pages.contacts import ContactsPage
from canvass_app.ui.pages.sync import SyncPage

SHOTS = Path(os.environ.get("CANVASS_SCREENSHOTS", "/tmp/shots"))


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
    win.pages["sync"].controller.stop()  # type: ignore[attr-defined]
    ctx.runner.wait(30000)


def _cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


def _shot(window: MainWindow, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / f"{name}.png"))


def test_refused_changes_are_shown_where_they_were_made_and_counted_until_seen(
        qtbot: QtBot, window: MainWindow, server: Server) -> None:
    store = window.ctx.store
    sync_page = window.show_page("sync")
    assert isinstance(sync_page, SyncPage)
    qtbot.waitUntil(lambda: sync_page.online_label.text() == "not connected", timeout=20000)
    assert "not connected" in window.sync_label.text()
    _shot(window, "sync-truth-not-connected")

    known = server.seed_voters(4)[0]
    with store.session() as s:  # the same county here, one voter the server knows and one it does not
        make_county(s, [H(1, "Main St", [P("Ana", "Soto"), P("Ben", "Ruiz")])])
        ana, ben = s.scalars(select(Voter).order_by(Voter.first_name)).all()
        ana.state_voter_id = known
        ana_id, ben_id = ana.id, ben.id
        now = dt.datetime.now(dt.UTC)  # a ballot this device received once, which the server no longer has
        s.add(Ballot(id=7, brief_slug="community-solar", title="Community solar", scope="county", status="open",
                     opens_at=now - dt.timedelta(hours=1), closes_at=now + dt.timedelta(days=1), quorum=0.5,
                     threshold=0.5, electorate=10))
    with store.session() as s:
        log_contact(s, ana_id, "C")
        log_contact(s, ben_id, "NH")
        cast_vote(s, 7, "support")

    sync_page.url_edit.setText(server.url)
    sync_page.code_edit.setText(server.code(role="county_lead"))
    sync_page.enroll_button.click()  # enrolling syncs at once: Ben's contact and the vote are refused
    qtbot.waitUntil(lambda: "2 not accepted" in window.sync_label.text(), timeout=30000)
    qtbot.waitUntil(lambda: sync_page.controller.status is not None and sync_page.controller.status.pending == 0,
                    timeout=30000)
    assert "all sent" not in window.sync_label.text()
    assert server.contacts() == 1

    contacts = window.show_page("contacts")
    assert isinstance(contacts, ContactsPage)
    contacts.show_detail(ben_id)
    qtbot.waitUntil(lambda: "not accepted by the server" in contacts.detail.toPlainText(), timeout=20000)
    assert "the voter is not in the server's list for this county" in contacts.detail.toPlainText()
    _shot(window, "sync-truth-contacts")
    contacts.show_detail(ana_id)
    qtbot.waitUntil(lambda: "Canvassed" in contacts.detail.toPlainText(), timeout=20000)
    assert "not accepted" not in contacts.detail.toPlainText()

    briefs = window.show_page("briefs")
    assert isinstance(briefs, BriefsPage)
    briefs.open("community-solar")
    qtbot.waitUntil(lambda: 7 in briefs.ballots.cards, timeout=20000)
    mine = briefs.ballots.cards[7].mine.text()
    assert "Your vote: Support — not accepted by the server: the ballot is not open in this county" in mine
    _shot(window, "sync-truth-briefs")

    window.sync_label.click()  # the status bar leads to the list, newest first
    assert window.current_page_key() == "sync"
    table = sync_page.rejected_table
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=20000)
    rows = [[_cell(table, r, c).text() for c in range(1, 5)] for r in range(2)]
    assert rows[0] == ["vote", "Community solar", "unknown_ballot", "the ballot is not open in this county"]
    assert rows[1][:3] == ["contact", "Ben Ruiz", "unknown_voter"]
    assert "not in the server's list" in rows[1][3]
    assert _cell(table, 0, 0).font().bold()
    assert sync_page.seen_button.isEnabled()
    _shot(window, "sync-truth-sync-page")

    sync_page.seen_button.click()
    qtbot.waitUntil(lambda: "all sent" in window.sync_label.text(), timeout=20000)
    assert "not accepted" not in window.sync_label.text()
    assert not sync_page.seen_button.isEnabled()
    assert not _cell(table, 0, 0).font().bold()  # still listed for the record
    contacts.show_detail(ben_id)  # seen, but the contact still says it was refused
    qtbot.waitUntil(lambda: "not accepted by the server" in contacts.detail.toPlainText(), timeout=20000)
    _shot(window, "sync-truth-seen")
