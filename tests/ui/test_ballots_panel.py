"""The ballots panel driven like a member would: an open ballot with time left, a vote and its change, a vote the
server refused, a closed ballot's result and the receipt check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.ballots import ballot_item
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update
from sqlalchemy.orm import Session

from canvass_app.ballots.listing import apply_pulled_ballots
from canvass_app.ballots.receipts import VERIFIED
from canvass_app.ballots.votes import cast_vote
from canvass_app.store.models import Ballot, OutboxOp
from canvass_app.ui.context import AppContext
from canvass_app.ui.widgets.ballots_panel import BallotsPanel, time_left

RESULT = {"electorate": 3, "votes": 3, "support": 2, "oppose": 1, "abstain": 0, "quorum_met": True, "passed": True}
SHOTS = Path("/tmp/shots")


@pytest.fixture
def panel(qtbot: QtBot, ctx: AppContext) -> Iterator[BallotsPanel]:
    with ctx.store.session() as s:
        apply_pulled_ballots(s, None, [ballot_item(3, "community-solar"), ballot_item(  # type: ignore[arg-type]
            4, "clean-slate", status="closed", closes=dt.datetime.now(dt.UTC) - dt.timedelta(days=1))], False)
        cast_vote_before_close(s)
    widget = BallotsPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(620, 420)
    widget.show()
    yield widget
    ctx.runner.wait()


def cast_vote_before_close(session: Session) -> None:
    """A vote on ballot 4 cast while it was open; the pulled result and the check come afterwards."""
    session.execute(update(Ballot).where(Ballot.id == 4).values(
        status="open", closes_at=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)))
    cast_vote(session, 4, "support")
    session.execute(update(Ballot).where(Ballot.id == 4).values(
        status="closed", result=RESULT, closes_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=1)))


def shown(qtbot: QtBot, panel: BallotsPanel, slug: str | None = None) -> None:
    loads = panel.loads
    panel.show_brief(slug)
    qtbot.waitUntil(lambda: panel.loads > loads)


def test_open_ballot_vote_and_change(qtbot: QtBot, panel: BallotsPanel, ctx: AppContext) -> None:
    shown(qtbot, panel, "community-solar")
    card = panel.cards[3]
    assert list(panel.cards) == [3]
    assert "2 days 2 h left" in card.heading.text() or "2 days 3 h left" in card.heading.text()
    assert card.mine.text() == "You have not voted."
    qtbot.mouseClick(card.buttons["abstain"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Your vote: Abstain" in panel.cards[3].mine.text())
    assert panel.cards[3].buttons["abstain"].isDefault()
    qtbot.mouseClick(panel.cards[3].buttons["support"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Your vote: Support" in panel.cards[3].mine.text())
    SHOTS.mkdir(exist_ok=True)
    panel.grab().save(str(SHOTS / "ballots_panel_open.png"))


def test_a_refused_vote_is_shown_as_not_counted(qtbot: QtBot, panel: BallotsPanel, ctx: AppContext) -> None:
    with ctx.store.session() as s:
        vote = cast_vote(s, 3, "oppose")
        s.execute(update(OutboxOp).where(OutboxOp.seq == vote.outbox_seq).values(
            status="rejected", reject_reason="not_in_electorate: you are not in the electorate of ballot 3"))
    shown(qtbot, panel, "community-solar")
    text = panel.cards[3].mine.text()
    assert "not accepted by the server" in text and "not counted" in text


def test_closed_ballot_shows_its_result_and_the_receipt_check(qtbot: QtBot, panel: BallotsPanel,
                                                              ctx: AppContext) -> None:
    shown(qtbot, panel)
    assert list(panel.cards) == [3, 4]  # open first, then closed
    card = panel.cards[4]
    assert "Passed" in card.heading.text() and "2 support · 1 oppose · 0 abstain" in card.heading.text()
    assert not card.buttons
    assert card.receipt.text() == "Receipt not checked yet."
    assert card.check_button.isVisibleTo(panel)
    with ctx.store.session() as s:
        s.execute(update(Ballot).where(Ballot.id == 4).values(receipt_check=VERIFIED))
    shown(qtbot, panel)
    assert "your vote is counted under your choice" in panel.cards[4].receipt.text()
    SHOTS.mkdir(exist_ok=True)
    panel.grab().save(str(SHOTS / "ballots_panel_all.png"))


def test_receipt_check_offline_says_why(qtbot: QtBot, panel: BallotsPanel) -> None:
    shown(qtbot, panel)
    qtbot.mouseClick(panel.cards[4].check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not enrolled" in panel.status.text())
    assert panel.status.isVisible()


def test_time_left_words() -> None:
    now = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
    assert time_left(now + dt.timedelta(days=3, hours=4, minutes=5), now) == "3 days 4 h left"
    assert time_left(now + dt.timedelta(hours=5, minutes=20), now) == "5 h 20 min left"
    assert time_left(now + dt.timedelta(seconds=30), now) == "1 min left"
