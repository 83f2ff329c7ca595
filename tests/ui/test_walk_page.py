"""The Walk page driven by the keyboard only: ten doors, queued keys, undo, Do Not Contact skipped, the door model."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from canvass_app.contacts import current_results
from canvass_app.models import ContactAttempt, County, Household, OutboxOp, Precinct, Voter
from canvass_app.turfs import cut_by_precinct
from canvass_app.ui.context import AppContext
from canvass_app.ui.pages.walk import WalkPage

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
    # Door 1: Ann says support 4 (2 keys), Bob is out (1 key). Door 2: Cy refuses; Dee (Do Not Contact) skipped.
    # Doors 3-10: nobody home (A), a conversation with support 2, a come-back, and Gus/Hal at door 5.
    keys(qtbot, page, "4CN" "R" "A" "5C" "2CN" "B" "A" "A" "1C" "A")
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
    keys(qtbot, page, "CN" "A")
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
    assert page.current_voter().name == "Bob Lee"  # type: ignore[union-attr]
    assert "Ann Lee — DO NOT CONTACT, skip" in page.people.item(0).text()
    with ctx.store.session() as s:
        assert s.scalar(select(Voter.do_not_contact).where(Voter.first_name == "Ann")) is True


def test_every_action_shows_its_shortcut_in_its_tooltip(page: WalkPage) -> None:
    for name, action in page.actions_by_name.items():
        key = action.shortcut().toString()
        assert key, name
        assert key in action.toolTip(), (name, action.toolTip())
    assert "[N]" in page.result_buttons["NH"].text()


def test_door_model_passes_the_model_tester(page: WalkPage, qtmodeltester: object) -> None:
    qtmodeltester.check(page.door_model)  # type: ignore[attr-defined]


def test_screenshot(page: WalkPage, qtbot: QtBot) -> None:
    keys(qtbot, page, "4CN")
    page.grab().save("/tmp/walk.png")


def test_a_canvassers_one_assigned_turf_opens_by_itself(ctx: AppContext, qtbot: QtBot) -> None:
    from canvass_app import turfs

    build_street(ctx)
    with ctx.store.session() as s:
        turfs.assign(s, "T-0001", ctx.user)
    p = WalkPage(ctx)
    qtbot.addWidget(p)
    qtbot.waitUntil(lambda: bool(p.doors) and p.idle(), timeout=10000)
    assert not p.all_turfs.isChecked()
    assert p.turf_id is not None
    assert p.turf_box.currentData() == p.turf_id
