"""The Candidates page: pulled scorecards in a table sorted by clicking a header (in SQL), searched as you type,
and the selected official's score explained vote by vote with bill and date."""

from __future__ import annotations

from typing import Any

from helpers.scorecard_items import pull_cards
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from canvass_app.ui.context import AppContext
from canvass_app.ui.main_window import PAGES
from canvass_app.ui.models.scorecard_table_model import COLUMNS
from canvass_app.ui.pages.candidates import CandidatesPage


def middle_of(header: QHeaderView, section: int) -> QPoint:
    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def names(page: CandidatesPage) -> list[str]:
    return [page.model.row(r).name for r in range(page.model.rowCount())]


def test_candidates_page_sorts_searches_and_explains(qtbot: QtBot, ctx: AppContext, qtmodeltester: Any):
    pull_cards(ctx.store)
    page = CandidatesPage(ctx)
    qtbot.addWidget(page)
    page.resize(900, 650)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    qtmodeltester.check(page.model)
    assert names(page) == ["Alice Alvarez", "Bob Brown", "Carmen Cruz"]
    detail = page.detail.toPlainText()
    for words in ("Alice Alvarez — 75%", "2 aligned, 1 against, 1 absent, 0 other", "2025-03-05", "HB 7",
                  "Clean Water", "aligned ×2"):
        assert words in detail, words
    page.grab().save("/tmp/shots/candidates_page.png")

    score = [k for k, _ in COLUMNS].index("score")
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle_of(header, score))
    qtbot.waitUntil(lambda: names(page)[0] == "Bob Brown")
    assert names(page) == ["Bob Brown", "Alice Alvarez", "Carmen Cruz"]  # ascending score, no score last
    assert page.detail.toPlainText().startswith("Alice Alvarez")  # the selection stays with the person

    qtbot.keyClicks(page.search, "carm")
    qtbot.waitUntil(lambda: names(page) == ["Carmen Cruz"])
    assert "No vote of this official is linked" in page.detail.toPlainText()
    page.search.setText("nobody")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.detail.toPlainText() == "No official matches the search."


def test_an_empty_device_says_where_scorecards_come_from(qtbot: QtBot, ctx: AppContext):
    page = CandidatesPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: "arrive with a sync" in page.detail.toPlainText())
    assert [p.key for p in PAGES][-2:] == ["candidates", "sync"]
