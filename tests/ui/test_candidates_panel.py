"""The Candidates page's "Our candidates" tab: each candidate with status, the promises set beside the votes (a
broken promise said plainly, vote by vote), and Sign recall petition, which queues exactly one signature and is
offered only where the petition is open to the member."""

from __future__ import annotations

from typing import Any

from helpers.candidate_items import pull_candidates
from helpers.scorecard_items import pull_cards
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from canvass_app.store.models import OutboxOp
from canvass_app.ui.context import AppContext
from canvass_app.ui.pages.candidates import CandidatesPage


def select_candidate(qtbot: QtBot, page: CandidatesPage, name: str) -> None:
    panel = page.candidates
    row = [panel.model.row(r).name for r in range(panel.model.rowCount())].index(name)
    panel.table.selectRow(row)
    qtbot.waitUntil(lambda: panel.detail.toPlainText().startswith(name))


def queued(ctx: AppContext) -> int:
    with ctx.store.session() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.op_type == "petition_sign"))
                   or 0)


def test_candidates_show_promises_against_votes_and_sign_the_petition(qtbot: QtBot, ctx: AppContext,
                                                                      qtmodeltester: Any) -> None:
    pull_cards(ctx.store)
    pull_candidates(ctx.store)
    page = CandidatesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 760)
    page.show()
    page.tabs.setCurrentWidget(page.candidates)
    panel = page.candidates
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    qtmodeltester.check(panel.model)
    assert page.tabs.tabText(1) == "Our candidates"
    select_candidate(qtbot, page, "Alice Alvarez")
    text = panel.detail.toPlainText()
    for words in ("Alice Alvarez — NC House, district 12 (endorsed)", "2 vote(s) went against what this candidate "
                  "promised", "Promised to support Fair Wages", "Promised to oppose Clean Water",
                  "Broke the promise: promised to support Fair Wages, voted no.",
                  "Broke the promise: promised to oppose Clean Water, voted yes.", "Kept the promise",
                  "Did not vote yes or no", "3 of 10 signatures"):
        assert words in text, words
    assert panel.model.data(panel.model.index(0, 4)) == "2"  # promises broken, in the table
    page.grab().save("/tmp/wt17-candidates.png")

    assert panel.sign_button.isEnabled()
    with qtbot.waitSignal(panel.signed, timeout=10000):
        panel.sign_button.click()
    qtbot.waitUntil(lambda: "sent at the next sync" in panel.detail.toPlainText())
    assert not panel.sign_button.isEnabled()  # once
    assert "signed" in panel.model.data(panel.model.index(0, 5))
    assert queued(ctx) == 1
    page.grab().save("/tmp/wt17-candidates-signed.png")

    select_candidate(qtbot, page, "Nia Newcomer")  # in vetting: no petition, no record
    assert not panel.sign_button.isEnabled()
    assert "No voting record on this device" in panel.detail.toPlainText()
    select_candidate(qtbot, page, "Bob Brown")  # another district's
    assert not panel.sign_button.isEnabled()
    assert "Members of the candidate's district sign this petition." in panel.detail.toPlainText()
    assert queued(ctx) == 1
