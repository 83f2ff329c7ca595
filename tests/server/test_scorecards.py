"""Scorecards: roll calls linked to adopted briefs (all of a bill's, or one motion's, repeated motions included),
scores against a truth computed from the generated files alone, the Secured Right weight, the refusals, and the
`scorecards` pull scope that carries each card with its votes explained."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from helpers.openstates_files import Generated, generate, truth

from canvass_protocol import wire
from canvass_server import versions
from canvass_server.authz import Caller
from canvass_server.changes import changes
from canvass_server.db import Database
from canvass_server.models import County, Member, PolicyBrief
from canvass_server.models import Device as DeviceRow
from canvass_server.scorecards import WEIGHT_SECURED_RIGHT


def add_brief(database: Database, slug: str, status: str = "adopted", protects: list[str] | None = None) -> None:
    with database.session() as s:
        s.add(PolicyBrief(slug=slug, title=slug.replace("-", " ").title(), category="economy", status=status,
                          protects=protects or [], conflicts=[], version=versions.bump(s, "briefs")))


@pytest.fixture
def state(cli: Any, database: Database, tmp_path: Path) -> Generated:
    gen = generate(tmp_path, people=30, bills=10, seed=5)
    assert cli("officials", "import", str(tmp_path))[0] == 0
    add_brief(database, "fair-wages")
    add_brief(database, "clean-water", protects=["water"])
    add_brief(database, "toll-roads", status="proposed")
    return gen


def repeated_motion(gen: Generated) -> tuple[str, str]:
    """A bill with the same motion voted more than once, and that motion."""
    for bill in gen.bills:
        motions = Counter(e["motion_text"] for e in gen.events if e["bill_id"] == bill["id"])
        for motion, n in motions.items():
            if n > 1:
                return bill["identifier"], motion
    raise AssertionError("the generated session has no repeated motion")


def shown(cli: Any, *extra: str) -> dict[str, dict[str, Any]]:
    code, out, err = cli("scorecards", "show", "--json", *extra)
    assert code == 0, err
    return {c["id"]: c for c in json.loads(out)}


def test_scores_match_a_truth_computed_from_the_files(cli: Any, state: Generated):
    bill, motion = repeated_motion(state)
    other = next(b["identifier"] for b in state.bills if b["identifier"] != bill)
    water = next(b["identifier"] for b in state.bills if b["identifier"] not in (bill, other))
    links = [(bill, motion, "yes", 1), (other, None, "no", 1), (water, None, "yes", WEIGHT_SECURED_RIGHT)]
    for ident, mot, aligned, _ in links:
        brief = "clean-water" if ident == water else "fair-wages"
        argv = ["scorecards", "link", brief, "--bill", ident, "--session", "2025", "--aligned", aligned]
        code, out, err = cli(*argv, *(["--motion", mot.upper()] if mot else []))
        assert code == 0, err
    expected = truth(state, links)
    cards = shown(cli)
    assert set(cards) == set(expected)
    for pid, want in expected.items():
        got = cards[pid]
        assert {k: got[k] for k in ("name", "aligned", "against", "absent", "other")} == {
            k: want[k] for k in ("name", "aligned", "against", "absent", "other")}, pid
        assert got["score"] == pytest.approx(want["score"]) if want["score"] is not None else got["score"] is None
    assert sum(c["absent"] for c in cards.values()) > 0 and sum(c["other"] for c in cards.values()) > 0
    # the weight matters: the same links unweighted would give other scores
    unweighted = truth(state, [(i, m, a, 1) for i, m, a, _ in links])
    assert any(unweighted[p]["score"] != expected[p]["score"] for p in expected)


def test_linking_again_updates_and_the_chamber_filter(cli: Any, state: Generated):
    bill = state.bills[0]["identifier"]
    assert cli("scorecards", "link", "fair-wages", "--bill", bill, "--session", "2025", "--aligned", "yes")[0] == 0
    assert cli("scorecards", "link", "fair-wages", "--bill", bill.replace(" ", ""), "--session", "2025",
               "--aligned", "no")[0] == 0
    expected = truth(state, [(bill, None, "no", 1)])
    cards = shown(cli)
    assert {p: (c["aligned"], c["against"]) for p, c in cards.items()} == {
        p: (t["aligned"], t["against"]) for p, t in expected.items()}
    upper = shown(cli, "--chamber", "senate")
    assert set(upper) == {p["id"] for p in state.people if p["chamber"] == "upper"}
    code, out, _ = cli("scorecards", "show")
    assert code == 0 and "aligned" in out and f"{len(state.people)} official(s)" in out


@pytest.mark.parametrize(("argv", "message"), [
    (["toll-roads", "--bill", "SB 1"], "only a brief the members adopted"),
    (["no-such-brief", "--bill", "SB 1"], "no brief 'no-such-brief'"),
    (["fair-wages", "--bill", "HB 999"], "no bill 'HB 999' in session '2025'"),
    (["fair-wages", "--bill", "SB 1", "--motion", "Veto Override"], "with the motion 'Veto Override'; its motions"),
])
def test_refusals_say_why(cli: Any, state: Generated, argv: list[str], message: str):
    code, out, err = cli("scorecards", "link", *argv, "--session", "2025", "--aligned", "yes")
    assert code == 2
    assert message in err and "Traceback" not in err


def pull(database: Database, role: str, cursor: str | None = None) -> tuple[list[dict[str, Any]], str]:
    """Every page of the `scorecards` scope as a device of this role gets it (through changes.changes, the
    function behind GET /v1/changes), each item checked against the wire model."""
    caller = Caller(device=DeviceRow(status="active"), member=Member(id=1, role=role, name="M"),
                    county=County(id=1, name="Wake", state="NC"))
    items: list[dict[str, Any]] = []
    while True:
        with database.session() as s:
            page = changes(s, caller, "scorecards", cursor, 7)
        items += page.typed_items()
        cursor = page.cursor
        if not page.has_more:
            return items, cursor


def test_the_scorecards_scope_reaches_every_role_with_each_vote_explained(cli: Any, state: Generated,
                                                                          database: Database):
    bill = state.bills[1]["identifier"]
    assert cli("scorecards", "link", "clean-water", "--bill", bill, "--session", "2025", "--aligned", "yes")[0] == 0
    expected = truth(state, [(bill, None, "yes", WEIGHT_SECURED_RIGHT)])
    events = {e["id"]: e for e in state.events}
    for role in wire.ROLES:
        items, cursor = pull(database, role)
        assert {i["id"] for i in items} == {p["id"] for p in state.people}
        for item in items:
            want = expected[item["id"]]
            assert (item["aligned"], item["against"], item["absent"], item["other"]) == (
                want["aligned"], want["against"], want["absent"], want["other"])
            assert item["score"] == pytest.approx(want["score"]) if want["score"] is not None else True
            mine = [v for v in state.votes if v["voter_id"] == item["id"] and
                    events[v["vote_event_id"]]["bill_id"] == state.bills[1]["id"]]
            assert sorted((v["date"], v["option"]) for v in item["votes"]) == sorted(
                (events[v["vote_event_id"]]["start_date"], v["option"]) for v in mine)
            assert all(v["bill"] == bill and v["brief_title"] == "Clean Water" and v["weight"] == 2
                       for v in item["votes"])
        assert pull(database, role, cursor)[0] == []
    # a new link changes the cards of those who voted: they come again after the cursor
    assert cli("scorecards", "link", "fair-wages", "--bill", state.bills[2]["identifier"], "--session", "2025",
               "--aligned", "no")[0] == 0
    again, _ = pull(database, "volunteer", cursor)
    assert again and all(any(v["brief_slug"] == "fair-wages" for v in i["votes"]) for i in again)
