"""The Walk page driven by the keyboard only: ten doors, queued keys, undo, Do Not Contact skipped, the door model."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from canvass_app.contacts.attempts import current_results
from canvass_app.store.models import ContactAttempt, County, Household, OutboxOp, Precinct, Voter
from canvass_app.turfs.cutting import cut_by_precinct
from canvass_app.ui.context import AppContext
from canvass_app.ui.pages.walk import RESULT_KEYS, WalkPage
from canvass_protocol import wire

# (house number, [(first, last, do not contact)]) on one street: walk order is odd up, then even down.
HOUSES = [
    (1, [("Ann", "Lee", False), ("Bob", "Lee", False)]),
    (3, [("Cy", "Ng", False), ("Dee", "Ng", True)]),
    (5, [("Eve", "Ortiz", False)]),
    (7, [("Fay", "Park", False)]),
    (9, [("Gus", "Quinn", False), ("Hal", "Quinn", False)]),
    (11, [("Ida", "Ruiz", False)]),
    (12, [("Jo", "Sato", False)]),
    (10, [("Kim", "Tran", False)]),
    (8, [("Lou", "Usher", False)]),
    (6, [("Max", "Vega", False)]),
    (4, [("Ned", "Wong", False)]),
]


def build_street(ctx: AppContext) -> None:
    with ctx.store.session() as s:
        county = County(name="Wake", state="NC")
        s.add(county)
        s.flush()
        precinct = Precinct(county_id=county.id, code="01")
        s.add(precinct)
        s.flush()
        for n, people in HOUSES:
            h = Household(county_id=county.id, key=f"{n}|MAIN ST", house_number=str(n), house_number_int=n,
                          street_name="MAIN", street_type="ST", street_key="MAIN ST", side="O" if n % 2 else "E",
                          precinct_id=precinct.id)
            s.add(h)
            s.flush()
            for first, last, dnc in people:
                s.add(Voter(county_id=county.id, state_voter_id=f"V-{first}", first_name=first, last_name=last,
                            precinct_id=precinct.id, household_id=h.id, do_not_contact=dnc, birth_year=1970,
                            party="UNA", language="en"))
        s.flush()
        cut_by_precinct(s, county.id)


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot) -> Iterator[WalkPage]:
    build_street(ctx)
    p = WalkPage(ctx)
    p.confirm_marks = False
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    p.setFocus()
    qtbot.waitUntil(lambda: p.turf_box.count() > 1, timeout=10000)
    p.choose_turf(1)
    qtbot.waitUntil(lambda: bool(p.doors) and p.idle(), timeout=10000)
    yield p
    ctx.runner.wait(10000)


def keys(qtbot: QtBot, page: WalkPage, text: str) -> None:
    """Type at the page as fast as the keyboard allows (no waiting between keys), then wait for the writes."""
    special = {"<": Qt.Key.Key_PageUp, ">": Qt.Key.Key_PageDown}
    if not page.isActiveWindow():  # after a question: the offscreen platform gives activation back late
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
    for ch in text:
        if ch in special:
            qtbot.keyClick(page, special[ch])
        else:
            qtbot.keyClick(page, ch)
    qtbot.waitUntil(page.idle, timeout=20000)


def results(ctx: AppContext) -> dict[str, str]:
    with ctx.store.session() as s:
        ids = dict(s.execute(select(Voter.id, Voter.first_name)).all())
        return {ids[vid]: cur.code for vid, cur in current_results(s, ids).items()}


def test_ten_doors_with_the_keyboard_only(page: WalkPage, ctx: AppContext, qtbot: QtBot) -> None:
    assert page.door is not None
    assert page.door.address == "1 MAIN ST"
    # Door 1: Ann says support 4 (2 keys), Bob is out (N: Ann is logged, so the key is for the next person).
    # Door 2: Cy refuses; Dee (Do Not Contact) skipped. Then nobody home (A moves on by itself), a conversation with
    # support 5, Gus/Hal at door 5, a come-back... The page stays at a door after a person's result (answers may
    # follow), so > (PgDn) moves on.
    keys(qtbot, page, "4CN>" "R>" "A" "5C>" "2CN>" "B>" "A" "A" "1C>" "A")
    assert results(ctx) == {
        "Ann": "C", "Bob": "NH", "Cy": "R", "Eve": "NH", "Fay": "C", "Gus": "C", "Hal": "NH", "Ida": "CB",
        "Jo": "NH", "Kim": "NH", "Lou": "C", "Max": "NH",
    }
    assert page.door is not None
    assert page.door.address == "4 MAIN ST"  # the eleventh door is next
    with ctx.store.session() as s:
        rows = {(r.support, r.source, r.canvasser, r.turf_id) for r in s.scalars(
            select(ContactAttempt).where(ContactAttempt.support.is_not(None)))}
        assert rows == {(4, "walk", ctx.user, 1), (5, "walk", ctx.user, 1), (2, "walk", ctx.user, 1),
                        (1, "walk", ctx.user, 1)}
        assert s.scalar(select(ContactAttempt.id).join(Voter).where(Voter.first_name == "Dee")) is None
        n_contacts = len(s.scalars(select(ContactAttempt.id)).all())
        n_ops = len(s.scalars(select(OutboxOp.seq).where(OutboxOp.op_type == "contact_attempt")).all())
    assert n_contacts == n_ops == 12
    assert page.progress is not None
    assert (page.progress.doors_done, page.progress.doors_total) == (10, 11)
    assert "10 of 11 doors" in page.progress_label.text()


def test_do_not_contact_voters_are_shown_and_skipped(page: WalkPage, qtbot: QtBot) -> None:
    keys(qtbot, page, ">")
    assert page.door is not None
    assert page.door.address == "3 MAIN ST"
    texts = [page.people.item(i).text() for i in range(page.people.count())]
    assert any("Dee Ng — DO NOT CONTACT, skip" in t for t in texts)
    assert page.current_voter() is not None
    assert page.current_voter().name == "Cy Ng"  # type: ignore[union-attr]
    keys(qtbot, page, "q")  # a key with no action does nothing
    page.move_person(1)  # Down never lands on Dee
    assert page.current_voter().name == "Cy Ng"  # type: ignore[union-attr]


def test_undo_is_a_correction_and_returns_to_the_door(page: WalkPage, ctx: AppContext, qtbot: QtBot) -> None:
    keys(qtbot, page, "CN>" "A")
    assert page.door is not None
    assert page.door.address == "5 MAIN ST"
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undoes door 2's nobody-home
    qtbot.waitUntil(page.idle, timeout=10000)
    assert page.door.address == "3 MAIN ST"
    assert results(ctx) == {"Ann": "C", "Bob": "NH"}
    keys(qtbot, page, "C")
    assert results(ctx) == {"Ann": "C", "Bob": "NH", "Cy": "C"}
    with ctx.store.session() as s:
        corrections = s.scalars(select(ContactAttempt).where(ContactAttempt.corrects_id.is_not(None))).all()
        assert len(corrections) == 1  # one undo row; the original is kept
        assert len(s.scalars(select(ContactAttempt.id)).all()) == 5


def test_marking_do_not_contact_updates_the_voter_and_skips_them(page: WalkPage, ctx: AppContext,
                                                                  qtbot: QtBot) -> None:
    keys(qtbot, page, "X")  # Ann: Do Not Contact (confirmation switched off in tests)
    assert page.door is not None
    assert page.door.address == "1 MAIN ST"
    assert page.current_voter().name == "Ann Lee"  # type: ignore[union-attr]  # a note about why may follow
    assert "Ann Lee — DO NOT CONTACT, skip" in page.people.item(0).text()
    keys(qtbot, page, "N")  # Ann is logged: the key is for the next person
    assert page.current_voter().name == "Bob Lee"  # type: ignore[union-attr]
    assert results(ctx) == {"Ann": "DNC", "Bob": "NH"}
    with ctx.store.session() as s:
        assert s.scalar(select(Voter.do_not_contact).where(Voter.first_name == "Ann")) is True


def current_rows(ctx: AppContext) -> dict[str, ContactAttempt]:
    with ctx.store.session() as s:
        ids = dict(s.execute(select(Voter.id, Voter.first_name)).all())
        current = current_results(s, ids)
        rows = {ids[vid]: s.get(ContactAttempt, cur.contact_id) for vid, cur in current.items()}
        s.expunge_all()
    return {k: v for k, v in rows.items() if v is not None}


def answer_dialog(qtbot: QtBot, button: str) -> list[str]:
    """Click `button` on the next question the page asks (polling until it is shown); returns its text."""
    asked: list[str] = []
    timer = QTimer()
    timer.setInterval(20)

    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            timer.stop()
            asked.append(box.text())
            [b] = [b for b in box.buttons() if b.text() == button]
            b.click()

    timer.timeout.connect(click)
    timer.start()
    asked_timer.append(timer)  # keep the timer alive while it waits
    return asked


asked_timer: list[QTimer] = []


def test_answers_given_after_the_result_correct_that_contact(page: WalkPage, ctx: AppContext, qtbot: QtBot) -> None:
    keys(qtbot, page, "C")  # Ann answered: the result is saved at once ...
    assert results(ctx) == {"Ann": "C"}
    assert page.current_voter().name == "Ann Lee"  # type: ignore[union-attr]  # ... and the page stays with her
    keys(qtbot, page, "4V")  # then she says support 4 and she would volunteer
    line = page.panel.top_issue.lineEdit()
    assert line is not None
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(line, "Cats")  # her own words; no letter of it logs a result
    qtbot.keyClick(line, Qt.Key.Key_Return)
    keys(qtbot, page, "E")
    assert page.panel.note.hasFocus()
    qtbot.keyClicks(page.panel.note, "Dog in yard")
    qtbot.keyClick(page.panel.note, Qt.Key.Key_Return)
    qtbot.waitUntil(page.idle, timeout=10000)
    ann = current_rows(ctx)["Ann"]
    assert (ann.support, ann.volunteer_interest, ann.top_issue, ann.note) == (4, True, "Cats", "Dog in yard")
    assert set(results(ctx)) == {"Ann"}  # Bob: nothing, whatever was typed
    with ctx.store.session() as s:
        rows = s.scalars(select(ContactAttempt).order_by(ContactAttempt.id)).all()
        retracted = {r.corrects_id for r in rows if r.corrects_id}
        in_force = [r for r in rows if r.corrects_id is None and r.id not in retracted]
        assert [r.id for r in in_force] == [ann.id]  # every earlier version is retracted, none overwritten
        assert len(rows) == 1 + 2 * len(retracted)
        n_ops = len(s.scalars(select(OutboxOp.seq).where(OutboxOp.op_type == "contact_attempt")).all())
    assert n_ops == len(rows)
    assert "corrected" in page.status.text()
    keys(qtbot, page, "N")  # the next result is for the next person
    assert results(ctx) == {"Ann": "C", "Bob": "NH"}
    assert current_rows(ctx)["Ann"].note == "Dog in yard"


def test_answers_typed_before_a_result_follow_the_person_and_are_never_dropped_silently(
        page: WalkPage, ctx: AppContext, qtbot: QtBot) -> None:
    keys(qtbot, page, "2")  # Ann: support 2, no result yet
    page.move_person(1)
    keys(qtbot, page, "5")  # Bob: support 5
    page.move_person(-1)
    qtbot.waitUntil(page.idle)
    assert page.panel.answers().support == 2  # Ann's answers came back with her
    asked = answer_dialog(qtbot, "Stay")
    keys(qtbot, page, ">")
    assert asked
    assert "Ann Lee: support 2" in asked[0]
    assert "Bob Lee: support 5" in asked[0]
    assert page.door is not None
    assert page.door.address == "1 MAIN ST"  # stayed
    keys(qtbot, page, "C")  # Ann's 2 goes with her result
    assert current_rows(ctx)["Ann"].support == 2
    asked = answer_dialog(qtbot, "Drop them and leave")
    keys(qtbot, page, ">")
    assert "Bob Lee: support 5" in asked[0]
    assert "Ann" not in asked[0]
    assert page.door.address == "3 MAIN ST"
    assert "Dropped" in page.status.text()
    assert "Bob Lee" in page.status.text()


def test_nobody_home_leaves_people_already_logged(page: WalkPage, ctx: AppContext, qtbot: QtBot) -> None:
    keys(qtbot, page, "R")  # Ann refuses at the door; then nobody else answers
    keys(qtbot, page, "A")
    assert results(ctx) == {"Ann": "R", "Bob": "NH"}
    assert page.door is not None
    assert page.door.address == "3 MAIN ST"  # the door is finished: on to the next
    keys(qtbot, page, "<A")  # back at door 1: nobody left to log, nothing written
    assert results(ctx) == {"Ann": "R", "Bob": "NH"}
    with ctx.store.session() as s:
        assert len(s.scalars(select(ContactAttempt.id)).all()) == 2


def test_letter_keys_go_to_the_text_box_in_focus(page: WalkPage, ctx: AppContext, qtbot: QtBot) -> None:
    for box in (page.panel.note, page.panel.top_issue.lineEdit()):
        assert box is not None
        box.setFocus()
        qtbot.waitUntil(box.hasFocus)
        qtbot.keyClicks(box, "Cats and dogs HXDRNA 12345 tv")
        assert "Typing into" in page.keys_state.text()
        qtbot.waitUntil(page.idle)
        assert results(ctx) == {}
        assert box.text().startswith("Cats and dogs")
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        assert not box.hasFocus()
    page.panel.language.setFocus()  # a list box: letters pick from it (keyboard search), they never log
    qtbot.waitUntil(page.panel.language.hasFocus)
    qtbot.keyClicks(page.panel.language, "CatsHXDRNA")  # (a space would open its list)
    qtbot.waitUntil(page.idle)
    assert results(ctx) == {}
    qtbot.keyClick(page.panel.language, Qt.Key.Key_Escape)
    assert "Keys log results" in page.keys_state.text()
    keys(qtbot, page, "C")  # from the page, the letter logs again (with the answers typed)
    assert results(ctx) == {"Ann": "C"}
    ann = current_rows(ctx)["Ann"]
    assert ann.note == "Cats and dogs HXDRNA 12345 tv"


@pytest.mark.parametrize(("key", "code"), [("H", "H"), ("X", "DNC"), ("D", "D")])
def test_hostile_do_not_contact_and_deceased_ask_first(page: WalkPage, ctx: AppContext, qtbot: QtBot, key: str,
                                                        code: str) -> None:
    page.confirm_marks = True
    asked = answer_dialog(qtbot, "Cancel")
    keys(qtbot, page, key)
    assert "Ann Lee" in asked[0]
    assert results(ctx) == {}
    assert "Not logged" in page.status.text()
    answer_dialog(qtbot, {"H": "Log Hostile", "DNC": "Log Do Not Contact", "D": "Log Deceased"}[code])
    keys(qtbot, page, key)
    assert results(ctx) == {"Ann": code}


ARROWS = {"Right": "→", "Left": "←", "Up": "↑", "Down": "↓"}


def test_every_shortcut_is_shown_on_the_page(page: WalkPage) -> None:
    widgets = [*page.findChildren(QLabel), *page.findChildren(QAbstractButton)]
    shown = " ".join(w.text() for w in widgets if w.isVisible())
    shown = re.sub(r"<[^>]*>", " ", shown)
    tokens = set(re.findall(r"[\w+]+|[←→↑↓]", shown))
    tokens |= {str(n) for n in range(1, 6)} if "1–5" in shown else set()
    missing = []
    for name, action in page.actions_by_name.items():
        key = action.shortcut().toString()
        if ARROWS.get(key, key) not in tokens:
            missing.append((name, key))
    assert not missing, missing
    assert "[N]" in page.result_buttons["NH"].text()
    assert "[V]" in page.panel.volunteer.text()


def test_no_rate_per_hour_before_five_minutes_on_the_turf(page: WalkPage, qtbot: QtBot) -> None:
    keys(qtbot, page, "C")
    text = page.progress_label.text()
    assert "—" in text
    assert not re.search(r"\d\s*contacts/h", text), text
    page.started_at -= dt.timedelta(minutes=30)
    page._show_progress()
    assert re.search(r"2\.0 contacts/h", page.progress_label.text()), page.progress_label.text()


def test_every_action_shows_its_shortcut_in_its_tooltip(page: WalkPage) -> None:
    for name, action in page.actions_by_name.items():
        key = action.shortcut().toString()
        assert key, name
        assert key in action.toolTip(), (name, action.toolTip())
    assert "[N]" in page.result_buttons["NH"].text()


def test_the_support_buttons_read_the_fields_way(page: WalkPage) -> None:
    """1 = strong support … 5 = strong oppose (VAN's voter ID scale), on each button and beside them."""
    tips = [b.toolTip() for b in page.panel.support_buttons]
    assert tips[0].startswith("Strong support") and tips[1].startswith("Lean support")
    assert tips[3].startswith("Lean oppose") and tips[4].startswith("Strong oppose")
    assert page.panel.support_hint.text() == "1 strong support … 5 strong oppose"


def test_door_model_passes_the_model_tester(page: WalkPage, qtmodeltester: object) -> None:
    qtmodeltester.check(page.door_model)  # type: ignore[attr-defined]


def test_screenshot(page: WalkPage, qtbot: QtBot, tmp_path: Path) -> None:
    keys(qtbot, page, "4CN>" "R>" "A" "5C")
    page.panel.note.setFocus()
    qtbot.keyClicks(page.panel.note, "Wants a yard sign")
    qtbot.keyClick(page.panel.note, Qt.Key.Key_Return)
    qtbot.waitUntil(page.idle)
    out = tmp_path / "walk.png"
    assert page.grab().save(str(out))
    assert out.stat().st_size > 10_000


def test_a_canvassers_one_assigned_turf_opens_by_itself(ctx: AppContext, qtbot: QtBot) -> None:
    from canvass_app.turfs import cutting

    build_street(ctx)
    with ctx.store.session() as s:
        cutting.assign(s, "T-0001", ctx.user)
    p = WalkPage(ctx)
    qtbot.addWidget(p)
    qtbot.waitUntil(lambda: bool(p.doors) and p.idle(), timeout=10000)
    assert not p.all_turfs.isChecked()
    assert p.turf_id is not None
    assert p.turf_box.currentData() == p.turf_id


def test_every_result_code_of_the_protocol_has_a_key_and_no_other() -> None:
    codes = [code for code, _key, _label in RESULT_KEYS]
    keys = [key for _code, key, _label in RESULT_KEYS]
    assert sorted(codes) == sorted(wire.RESULT_CODES)
    assert len(set(keys)) == len(keys)
