"""The Policy Briefs page driven like a volunteer would: browse, search as you type, doorstep mode, vote."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.ballots import ballot_item
from helpers.printing import print_to_file
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from canvass_app.ballots.listing import apply_pulled_ballots
from canvass_app.store.models import OutboxOp
from canvass_app.ui.context import AppContext
from canvass_app.ui.pages.briefs import DOORSTEP, FONT_PT, KEY_ROLE, BriefsPage
from canvass_app.ui.widgets.rich_text_delegate import HTML_ROLE

CONFLICTING = "public-space-face-recognition"


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> Iterator[BriefsPage]:
    FONT_PT.reset()
    DOORSTEP.reset()
    ctx.user = "Ana Ruiz"
    widget = BriefsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()  # page shortcuts need the active window, as for a person
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    qtbot.waitUntil(lambda: widget.results.count() == 11)
    yield widget
    ctx.runner.wait()
    QApplication.processEvents()  # answers of the last tasks reach the page while it still exists


def slugs(page: BriefsPage) -> list[str]:
    return [page.results.item(i).data(KEY_ROLE)[0] for i in range(page.results.count())]


def open_row(qtbot: QtBot, page: BriefsPage, slug: str) -> None:
    row = slugs(page).index(slug)
    rect = page.results.visualItemRect(page.results.item(row))
    qtbot.mouseClick(page.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.current is not None and page.current.slug == slug)


def test_first_run_shows_bundled_briefs_and_categories_filter(qtbot: QtBot, page: BriefsPage) -> None:
    assert page.result_count.text() == "11 briefs"
    health = next(i for i in range(page.categories.count()) if page.categories.item(i).text() == "Healthcare")
    page.categories.setCurrentRow(health)
    qtbot.waitUntil(lambda: page.results.count() == 2)
    assert set(slugs(page)) == {"medicine-cost-cap", "crisis-response-teams"}


def test_search_as_you_type_highlights_matches(qtbot: QtBot, page: BriefsPage) -> None:
    qtbot.keyClicks(page.search, "insul")
    qtbot.waitUntil(lambda: page.result_count.text().endswith("matches"))
    assert slugs(page)[0] == "medicine-cost-cap"
    assert "background-color:#ffe58a" in page.results.item(0).data(HTML_ROLE)
    open_row(qtbot, page, "medicine-cost-cap")
    assert "Insulin" in page.reader.toPlainText()
    assert page.highlighted_count() >= 3  # the words searched for are marked in the reader too
    page.search.clear()
    qtbot.waitUntil(lambda: page.results.count() == 11)
    qtbot.keyClicks(page.search, "zzzqqq")
    qtbot.waitUntil(lambda: page.result_count.text().startswith("No brief matches"))
    assert page.results.count() == 0


def test_doorstep_mode_shows_only_talking_points(qtbot: QtBot, page: BriefsPage) -> None:
    open_row(qtbot, page, "universal-pre-k")
    assert "Common questions" in page.reader.toPlainText()
    qtbot.keyClick(page, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Common questions" not in page.reader.toPlainText())
    text = page.reader.toPlainText()
    assert page.doorstep.isChecked()
    assert "Talking points" in text
    assert page.current is not None
    assert all(point in text for point in page.current.talking_points)
    assert "Quality standards" not in text
    page.doorstep.click()
    qtbot.waitUntil(lambda: "Common questions" in page.reader.toPlainText())


def test_font_size_keys(qtbot: QtBot, page: BriefsPage) -> None:
    open_row(qtbot, page, "clean-slate")
    qtbot.keyClick(page, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.current is not None and "font-size:13pt" in page.current.html)
    assert FONT_PT.get() == 13
    qtbot.keyClick(page, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.current is not None and "font-size:12pt" in page.current.html)


def test_the_ballot_on_a_proposal_takes_a_vote_and_a_change(qtbot: QtBot, page: BriefsPage, ctx: AppContext) -> None:
    with ctx.store.session() as s:
        apply_pulled_ballots(s, None, [ballot_item(3, "community-solar")], False)  # type: ignore[arg-type]
    open_row(qtbot, page, "community-solar")
    qtbot.waitUntil(lambda: 3 in page.ballots.cards and page.ballots.isVisible())
    card = page.ballots.cards[3]
    assert "left" in card.heading.text()
    qtbot.keyClicks(card.comment, "Include co-ops")
    qtbot.mouseClick(card.buttons["support"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Your vote: Support" in page.ballots.cards[3].mine.text())
    assert "Include co-ops" in page.ballots.cards[3].mine.text()
    qtbot.mouseClick(page.ballots.cards[3].buttons["oppose"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Your vote: Oppose" in page.ballots.cards[3].mine.text())
    ctx.runner.wait()
    with ctx.store.session() as s:
        ops = s.scalars(select(OutboxOp).where(OutboxOp.op_type == "ballot_vote").order_by(OutboxOp.seq)).all()
    assert [(o.payload["ballot_id"], o.payload["choice"]) for o in ops] == [(3, "support"), (3, "oppose")]
    assert ops[0].payload["comment"] == "Include co-ops"


def test_a_brief_without_a_ballot_shows_no_ballots(qtbot: QtBot, page: BriefsPage) -> None:
    loads = page.ballots.loads
    open_row(qtbot, page, "clean-slate")
    qtbot.waitUntil(lambda: page.ballots.loads > loads)
    assert not page.ballots.isVisible()


def test_conflict_is_shown_in_the_reader_and_in_the_rights(qtbot: QtBot, page: BriefsPage) -> None:
    open_row(qtbot, page, CONFLICTING)
    text = page.reader.toPlainText()
    assert "Charter conflict" in text
    assert "never adopted" in text
    page.tabs.setCurrentIndex(1)
    privacy = next(
        page.rights_tree.topLevelItem(i) for i in range(page.rights_tree.topLevelItemCount())
        if page.rights_tree.topLevelItem(i).text(0) == "Privacy"
    )
    assert isinstance(privacy, QTreeWidgetItem)
    page.rights_tree.setCurrentItem(privacy)
    assert "Proposals that would conflict with it" in page.reader.toPlainText()
    child = privacy.child(0)
    assert child.text(0).startswith("⚠ conflicts:")
    page.rights_tree.setCurrentItem(privacy)
    learning = next(
        page.rights_tree.topLevelItem(i) for i in range(page.rights_tree.topLevelItemCount())
        if page.rights_tree.topLevelItem(i).text(0) == "Learning through life"
    )
    first = learning.child(0)
    page.rights_tree.setCurrentItem(first)
    qtbot.waitUntil(lambda: page.current is not None and page.current.title == first.text(0))


def test_bookmark_and_bookmarked_category(qtbot: QtBot, page: BriefsPage) -> None:
    open_row(qtbot, page, "home-weatherization")
    qtbot.keyClick(page, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.current is not None and page.current.bookmarked)
    assert page.bookmark.text().startswith("★")
    page.categories.setCurrentRow(1)  # ★ Bookmarked
    qtbot.waitUntil(lambda: slugs(page) == ["home-weatherization"])


def test_spanish_language_switch(qtbot: QtBot, page: BriefsPage) -> None:
    open_row(qtbot, page, "universal-pre-k")
    page.language_box.setCurrentIndex(page.language_box.findData("es"))
    qtbot.waitUntil(lambda: page.current is not None and page.current.language == "es")
    assert "Puntos clave" in page.reader.toPlainText()
    qtbot.waitUntil(lambda: "Prekínder gratuito para todos los niños de cuatro años"
                    in [page.results.item(i).text() for i in range(page.results.count())])
    assert page.results.count() == 11  # untranslated briefs stay listed, in English


def pdf_text(path: Path) -> str:
    """The PDF's text with whitespace collapsed (titles may wrap)."""
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))


def ctrl_click(qtbot: QtBot, page: BriefsPage, slug: str) -> None:
    rect = page.results.visualItemRect(page.results.item(slugs(page).index(slug)))
    qtbot.mouseClick(page.results.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     rect.center())


def status_messages(ctx: AppContext) -> list[str]:
    messages: list[str] = []
    ctx.events.status_message.connect(messages.append)
    return messages


def test_handout_buttons_need_a_brief(qtbot: QtBot, page: BriefsPage) -> None:
    assert not page.print_button.isEnabled()
    assert not page.save_handout_button.isEnabled()
    open_row(qtbot, page, "clean-slate")
    assert page.print_button.isEnabled()
    assert page.save_handout_button.isEnabled()


def test_save_handout_as_pdf_writes_the_selected_briefs(qtbot: QtBot, page: BriefsPage, ctx: AppContext,
                                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "chosen" / "handout.pdf"
    out.parent.mkdir()
    asked: list[str] = []

    def choose_file(_parent: object, caption: str, *_args: object) -> tuple[str, str]:
        asked.append(caption)
        return str(out), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose_file)
    messages = status_messages(ctx)
    open_row(qtbot, page, "universal-pre-k")
    ctrl_click(qtbot, page, "clean-slate")
    assert len(page.results.selectedItems()) == 2
    qtbot.mouseClick(page.save_handout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    assert messages[-1].startswith(f"Handout saved to {out}"), messages  # not "Policy briefs: <error>"
    assert asked == ["Save handout"]
    text = pdf_text(out)
    first = text.index("Free Pre-K for Every Four-Year-Old")
    assert first < text.index("Clean Slate - Sealing Old Records After a Sentence Is Served")


def test_save_handout_cancelled_writes_nothing(qtbot: QtBot, page: BriefsPage, ctx: AppContext,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: ("", ""))
    messages = status_messages(ctx)
    open_row(qtbot, page, "clean-slate")
    qtbot.mouseClick(page.save_handout_button, Qt.MouseButton.LeftButton)
    ctx.runner.wait()
    QApplication.processEvents()
    assert messages == []  # neither "saved" nor a failure: nothing was written


def test_print_handout_sends_every_page_to_the_chosen_printer(qtbot: QtBot, page: BriefsPage, ctx: AppContext,
                                                              tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    printed = tmp_path / "printed.pdf"
    print_to_file(monkeypatch, printed)
    messages = status_messages(ctx)
    open_row(qtbot, page, "universal-pre-k")
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    pages = len(PdfReader(printed).pages) if printed.exists() else 0
    assert messages[-1] == f"Sent the handout ({pages} pages) to the printer", messages
    assert pages >= 1
    assert all(p.images for p in PdfReader(printed).pages)  # each printed page carries the drawn handout page
