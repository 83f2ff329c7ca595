"""The Contacts page: paged model (model tester), search as you type, filters, walk-order sort, household panel."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import insert, select

from canvass_app.contacts import voter_query
from canvass_app.contacts.attempts import Survey, log_contact
from canvass_app.contacts.voter_query import VoterFilter, voter_page
from canvass_app.store.models import County, Household, Precinct, TurfLine, Voter
from canvass_app.turfs.cutting import cut_by_precinct
from canvass_app.ui.context import AppContext
from canvass_app.ui.models.voter_table_model import PAGE_SIZE
from canvass_app.ui.pages.contacts import ContactsPage

LAST = ["Smith", "Jones", "García", "Nguyen", "Okafor", "Brown", "Lee"]
N_HOUSES = 260  # two voters each: more rows than two pages


def build_county(ctx: AppContext) -> None:
    with ctx.store.session() as s:
        county = County(name="Wake", state="NC")
        s.add(county)
        s.flush()
        p1, p2 = Precinct(county_id=county.id, code="01"), Precinct(county_id=county.id, code="02")
        s.add_all([p1, p2])
        s.flush()
        houses = [{"id": i + 1, "county_id": county.id, "key": f"{i}", "house_number": str(100 + i),
                   "house_number_int": 100 + i, "street_name": "OAK" if i < 130 else "ELM", "street_type": "ST",
                   "street_key": "OAK ST" if i < 130 else "ELM ST", "side": "O" if i % 2 else "E",
                   "precinct_id": p1.id if i < 130 else p2.id} for i in range(N_HOUSES)]
        s.execute(insert(Household), houses)
        voters = []
        for h in houses:
            for _j in range(2):
                n = len(voters)
                voters.append({
                    "county_id": county.id, "state_voter_id": f"V{n:05d}", "first_name": f"Pat{n}",
                    "last_name": LAST[n % len(LAST)], "party": "DEM" if n % 3 == 0 else "REP",
                    "language": "es" if n % 5 == 0 else "en", "household_id": h["id"], "precinct_id": h["precinct_id"],
                    "res_address": f"{h['house_number']} {h['street_key']}", "birth_year": 1960 + n % 40,
                    "do_not_contact": n == 7, "phone": f"919555{n:04d}",
                })
        s.execute(insert(Voter), voters)
        cut_by_precinct(s, county.id)
        log_contact(s, 1, "C", Survey(support=1), note="Wants to volunteer")
        log_contact(s, 2, "NH")
        log_contact(s, 3, "NH")


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot) -> Iterator[ContactsPage]:
    build_county(ctx)
    with qtbot.waitSignal(ctx.runner.busy_changed, timeout=10000, raising=False):
        p = ContactsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1280, 760)
    p.show()
    qtbot.waitUntil(lambda: p.model.rowCount() == 2 * N_HOUSES, timeout=10000)
    ctx.runner.wait(10000)
    qtbot.waitUntil(lambda: p.filters["party"].count() > 1, timeout=10000)
    yield p
    ctx.runner.wait(10000)


def wait_count(qtbot: QtBot, page: ContactsPage, expected: int) -> None:
    qtbot.waitUntil(lambda: page.model.rowCount() == expected and page.model.filter == page.current_filter(),
                    timeout=10000)


def test_opens_with_every_voter_and_only_one_page_in_memory(page: ContactsPage) -> None:
    assert page.model.rowCount() == 520
    assert page.model.cached_rows == PAGE_SIZE
    assert page.count_label.text() == "520 voters"
    assert page.model.data(page.model.index(0, 0)) == "Pat103 Brown"


def test_rows_beyond_the_first_page_arrive_by_signal(page: ContactsPage, ctx: AppContext, qtbot: QtBot) -> None:
    last = page.model.index(519, 0)
    assert page.model.data(last) == "…"  # not fetched yet: asked for, shown as pending
    with qtbot.waitSignal(page.model.dataChanged, timeout=10000):
        pass
    assert page.model.data(last) not in ("…", None)


def test_model_tester(page: ContactsPage, ctx: AppContext, qtmodeltester: object) -> None:
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    ctx.runner.wait(10000)


def test_search_as_you_type_is_debounced_into_one_query(page: ContactsPage, qtbot: QtBot) -> None:
    qtbot.keyClicks(page.search, "garc")
    wait_count(qtbot, page, 74)  # García: every seventh voter
    assert all("García" in (page.model.data(page.model.index(r, 0)) or "") for r in range(10))
    page.search.clear()
    qtbot.keyClicks(page.search, "9195550007")  # the phone number of the Do Not Contact voter
    wait_count(qtbot, page, 1)
    assert page.model.data(page.model.index(0, 0)).endswith("— Do Not Contact")


def choose(page: ContactsPage, key: str, value: object) -> None:
    box = page.filters[key]
    box.setCurrentIndex(box.findData(value))


def test_filters_narrow_in_sql(page: ContactsPage, qtbot: QtBot) -> None:
    choose(page, "contacted", True)
    wait_count(qtbot, page, 3)
    choose(page, "last_result", "NH")
    wait_count(qtbot, page, 2)
    page.clear_filters()
    wait_count(qtbot, page, 520)
    choose(page, "support", 1)
    wait_count(qtbot, page, 1)
    page.clear_filters()
    choose(page, "contacted", False)
    wait_count(qtbot, page, 517)
    page.clear_filters()
    choose(page, "language", "es")
    choose(page, "party", "DEM")
    wait_count(qtbot, page, 35)
    page.clear_filters()
    choose(page, "precinct_id", 2)
    wait_count(qtbot, page, 260)


def test_address_sort_follows_the_walk_list_within_a_turf(page: ContactsPage, ctx: AppContext,
                                                          qtbot: QtBot) -> None:
    choose(page, "turf_id", 1)
    page.sort.setCurrentIndex(page.sort.findData("address"))
    wait_count(qtbot, page, 260)  # turf 1 = precinct 01 (the Do Not Contact voter is listed last)
    with ctx.store.session() as s:
        walk = [v for (v,) in s.execute(select(TurfLine.voter_id).where(TurfLine.turf_id == 1)
                                         .order_by(TurfLine.line).limit(20))]
    shown = [page.model.data(page.model.index(r, 0), 0x0100) for r in range(20)]
    assert shown == walk


def test_a_big_search_is_capped_in_index_order_until_narrowed(page: ContactsPage, qtbot: QtBot,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voter_query, "SEARCH_CAP", 20)
    qtbot.keyClicks(page.search, "pat5")  # Pat5, Pat50-59, Pat500-519: 31 matches
    wait_count(qtbot, page, 20)
    assert page.model.capped
    assert page.count_label.text() == "20+ voters match: type more to narrow"
    ids = [page.model.data(page.model.index(r, 0), 0x0100) for r in range(20)]
    assert ids == sorted(ids)  # the search index's order (voter ids), not sorted by name
    assert ids[0] == 6  # Pat5 is the sixth voter
    qtbot.keyClicks(page.search, "1")  # Pat51, Pat510-519: 11 matches, sorted by name again
    wait_count(qtbot, page, 11)
    assert not page.model.capped
    assert page.count_label.text() == "11 voters match"
    names = [page.model.voter_at(r) for r in range(11)]
    keys = [(v.name.split()[-1], v.name.split()[0]) for v in names if v is not None]
    assert len(keys) == 11 and keys == sorted(keys)


def test_a_long_list_shows_its_first_page_then_counts_exactly(page: ContactsPage, ctx: AppContext, qtbot: QtBot,
                                                              qtmodeltester: object,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voter_query, "QUICK_COUNT", 50)
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]  # keeps checking the inserts below
    counts: list[int] = []
    page.model.loaded.connect(counts.append)
    choose(page, "party", "REP")
    page.sort.setCurrentIndex(page.sort.findData("address"))
    wait_count(qtbot, page, 346)
    assert counts[-2:] == [51, 346]  # first page with a quick count, then the exact count appended rows
    assert not page.model.counting
    assert page.count_label.text() == "346 voters match"
    # the county-wide walk order with a filter is the unfiltered walk order, filtered
    with ctx.store.session() as s:
        walk = [r.id for r in voter_page(s, VoterFilter(sort="address"), 0, 1000) if r.party == "REP"]
    qtbot.waitUntil(lambda: page.model.voter_at(PAGE_SIZE * 3 + 45) is not None, timeout=10000)
    shown = [page.model.data(page.model.index(r, 0), 0x0100) for r in range(40)]
    assert shown == walk[:40]
    last = page.model.voter_at(345)
    assert last is not None and last.id == walk[345]
    ctx.runner.wait(10000)


def test_a_slow_quick_count_gives_way_to_the_first_page(page: ContactsPage, ctx: AppContext, qtbot: QtBot,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voter_query, "QUICK_COUNT_MS", 0)  # every quick count runs out of time at once
    monkeypatch.setattr(voter_query, "PROGRESS_STEPS", 1)
    counts: list[int] = []
    page.model.loaded.connect(counts.append)
    choose(page, "contacted", False)
    wait_count(qtbot, page, 517)
    assert counts[-2:] == [PAGE_SIZE, 517]  # the first page stood in for the count until the exact one came
    assert page.count_label.text() == "517 voters match"
    ctx.runner.wait(10000)


def test_a_slow_search_count_shows_the_index_order_then_caps(page: ContactsPage, ctx: AppContext, qtbot: QtBot,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voter_query, "QUICK_COUNT_MS", 0)  # the capped count of every search runs out of time
    monkeypatch.setattr(voter_query, "PROGRESS_STEPS", 1)
    monkeypatch.setattr(voter_query, "SEARCH_CAP", 150)
    counts: list[int] = []
    page.model.loaded.connect(counts.append)
    choose(page, "party", "REP")
    wait_count(qtbot, page, 346)
    qtbot.keyClicks(page.search, "pat")  # all 346 REP voters match: more than the cap
    wait_count(qtbot, page, 150)
    qtbot.waitUntil(lambda: not page.model.counting, timeout=10000)
    assert counts[-2:] == [PAGE_SIZE, 150]  # the first page in the index's order, then the capped count
    assert page.model.capped
    assert page.count_label.text() == "150+ voters match: type more to narrow"
    ids = [page.model.data(page.model.index(r, 0), 0x0100) for r in range(PAGE_SIZE)]
    assert ids == sorted(ids)
    ctx.runner.wait(10000)


def test_detail_panel_shows_household_and_history(page: ContactsPage, qtbot: QtBot) -> None:
    qtbot.keyClicks(page.search, "Pat0")
    wait_count(qtbot, page, 1)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: "Wants to volunteer" in page.detail.toHtml(), timeout=10000)
    text = page.detail.toPlainText()
    assert "Pat0 Smith" in text
    assert "Pat1 Jones" in text  # the other member of the household
    assert "Canvassed" in text
    assert "Not Home" in text
    assert page.detail.isVisible()
    shot = page.grab().toImage()  # what a person sees: the page drawn, the panel on it
    assert shot.width() >= 1000 and shot.height() >= 700
    panel = page.detail.grab().toImage()
    assert len({panel.pixel(x, y) for x in range(0, panel.width(), 7) for y in range(0, panel.height(), 7)}) > 2
