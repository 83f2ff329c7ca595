"""Election day in the window: the Walk page shows where the person in focus votes and takes a ride request typed
at the door (the keys go into the form, not to the result keys); the Election Day page shows progress per turf and
county with its chart, and a county lead marks rides arranged and done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.polling_files import write_simple_csv
from helpers.turf_fixtures import H, P, make_county
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from canvass_app.contacts.attempts import Survey, log_contact
from canvass_app.gotv.polling import import_polling_places
from canvass_app.gotv.rides import request_ride
from canvass_app.store.models import ContactAttempt, OutboxOp, RideRequest, Turf, Voted, Voter
from canvass_app.turfs.cutting import cut_by_precinct
from canvass_app.ui.context import AppContext
from canvass_app.ui.pages.gotv import GotvPage
from canvass_app.ui.pages.walk import WalkPage

HOMES = [H(n, "Oak St", [P(f"A{n}", "Lee"), P(f"B{n}", "Lee")], precinct=pc)
         for pc, numbers in (("01", (1, 3, 5)), ("02", (2, 4))) for n in numbers]


@pytest.fixture
def county(ctx: AppContext, tmp_path: Path) -> int:
    """Two precinct turfs, phones, polling places from the simple CSV; returns the county's id."""
    write_simple_csv(tmp_path / "places.csv")
    with ctx.store.session() as s:
        c = make_county(s, HOMES, name="Durham")
        for v in s.scalars(select(Voter)):
            v.phone = "919-555-0100"
        cut_by_precinct(s, c.id)
        import_polling_places(s, tmp_path / "places.csv", county_id=c.id)
        ctx.county_id = c.id
        return c.id


@pytest.fixture
def walk(ctx: AppContext, county: int, qtbot: QtBot) -> Iterator[WalkPage]:
    page = WalkPage(ctx)
    page.confirm_marks = False
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: page.turf_box.count() > 1, timeout=10000)
    with ctx.store.session() as s:
        page.choose_turf(s.scalars(select(Turf.id).order_by(Turf.list_number)).first() or 0)
    qtbot.waitUntil(lambda: bool(page.doors) and page.idle(), timeout=10000)
    yield page
    ctx.runner.wait(10000)


def test_walk_page_shows_the_polling_place_and_takes_a_ride(walk: WalkPage, ctx: AppContext, qtbot: QtBot) -> None:
    box = walk.gotv
    qtbot.waitUntil(lambda: "Shepard Middle School" in box.places.text(), timeout=10000)
    assert "6:30 AM - 7:30 PM" in box.places.text()
    assert "Early voting" in box.places.text() and "Southwest Branch Library" in box.places.text()
    qtbot.mouseClick(box.ride_button, Qt.MouseButton.LeftButton)
    assert box.form.isVisible() and box.from_address.text() == "1 OAK ST"
    assert box.phone.text() == "919-555-0100"  # the voter's phone, to confirm at the door
    box.phone.clear()
    qtbot.keyClicks(box.phone, "(919) 555-0123")  # digits 1-5 are support keys elsewhere on the page
    box.passengers.setValue(3)
    qtbot.keyClicks(box.note, "wheelchair, call ahead")  # C, H, R ... are result keys elsewhere
    qtbot.mouseClick(box.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Ride requested" in box.message.text(), timeout=10000)
    walk.grab().save("/tmp/wt16-walk.png")
    with ctx.store.session() as s:
        rides = s.scalars(select(RideRequest)).all()
        assert [(r.phone, r.passengers, r.pickup_address, r.note, r.status) for r in rides] == [
            ("+19195550123", 3, "1 OAK ST", "wheelchair, call ahead", "requested")]
        op = s.scalars(select(OutboxOp).where(OutboxOp.op_type == "ride_request")).one()
        assert op.payload["phone"] == "+19195550123" and "requested_by" not in op.payload
        assert dt.datetime.fromisoformat(op.payload["pickup_at"]).utcoffset() is not None
        assert s.scalars(select(ContactAttempt)).all() == []  # nothing typed went to the result keys

    box.phone.clear()
    qtbot.keyClicks(box.phone, "555-01")
    qtbot.mouseClick(box.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not saved" in box.message.text(), timeout=10000)
    assert "not a valid phone number" in box.message.text()
    with ctx.store.session() as s:
        assert len(s.scalars(select(RideRequest)).all()) == 1


def _election_day(ctx: AppContext) -> None:
    """Supporters (support 1) at every A voter, two of them voted; a ride asked for one."""
    now = dt.datetime.now(dt.UTC)
    with ctx.store.session() as s:
        voters = s.scalars(select(Voter).where(Voter.first_name.like("A%")).order_by(Voter.id)).all()
        for v in voters:
            log_contact(s, v.id, "C", Survey(support=1), at=now - dt.timedelta(days=3))
        for v in voters[:2]:
            s.add(Voted(voter_id=v.id, election="2026-11-03", county_id=v.county_id, voted=True))
        request_ride(s, voters[3].id, pickup_at=now.astimezone(), pickup_address="2 Oak St", passengers=2,
                     phone="919 555 0199")


def test_election_day_page_progress_and_rides(ctx: AppContext, county: int, qtbot: QtBot) -> None:
    _election_day(ctx)
    ctx.role = "county_lead"
    page = GotvPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitUntil(lambda: page.ride_table.rowCount() == 1, timeout=10000)
    assert page.current is not None
    assert page.current.county_figures.as_dict() == {"supporters": 5, "voted": 2, "left_to_chase": 3}
    table = [[page.turfs.item(r, c).text() for c in range(5)] for r in range(page.turfs.rowCount())]
    assert [row[2:] for row in table] == [["3", "2", "1"], ["2", "0", "2"]]  # precinct 01's turf, then 02's
    assert [(b.supporters, b.voted) for b in page.chart.bars] == [(5, 2), (3, 2), (2, 0)]
    assert "2</b> of 5 supporters have voted" in page.summary.text()
    assert page.ride_table.rowCount() == 1 and page.ride_table.item(0, 4).text() == "+19195550199"
    assert not page.ride_buttons["arranged"].isEnabled()  # nothing selected yet
    page.ride_table.selectRow(0)
    assert page.ride_buttons["arranged"].isEnabled() and not page.ride_buttons["done"].isEnabled()
    qtbot.mouseClick(page.ride_buttons["arranged"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.ride_table.item(0, 5).text() == "arranged", timeout=10000)
    assert page.ride_buttons["done"].isEnabled()  # the selection stays on the ride
    qtbot.mouseClick(page.ride_buttons["done"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.ride_table.item(0, 5).text() == "done", timeout=10000)
    page.grab().save("/tmp/wt16-gotv.png")
    with ctx.store.session() as s:
        assert s.scalars(select(RideRequest.status)).one() == "done"
        updates = s.scalars(select(OutboxOp.payload).where(OutboxOp.op_type == "ride_update")).all()
        assert [u["status"] for u in updates] == ["arranged", "done"]


def test_a_canvasser_sees_rides_but_cannot_arrange_them(ctx: AppContext, county: int, qtbot: QtBot) -> None:
    _election_day(ctx)
    ctx.role = "canvasser"
    page = GotvPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.ride_table.rowCount() == 1, timeout=10000)
    page.ride_table.selectRow(0)
    assert not any(b.isVisibleTo(page) or b.isEnabled() for b in page.ride_buttons.values())
    assert "county lead" in page.ride_note.text()
