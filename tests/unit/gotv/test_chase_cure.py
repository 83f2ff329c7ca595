"""Chase and cure lists against a truth computed here from what the test wrote; the chase PDF; the Walk page."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest
from helpers.turf_fixtures import H, P, make_county
from helpers.voted_files import write_absentee
from pypdf import PdfReader
from sqlalchemy import select

from canvass_app.cli.main import main
from canvass_app.contacts.attempts import Survey, log_contact
from canvass_app.contacts.walk_doors import walk_doors
from canvass_app.store.database import Store
from canvass_app.store.models import Turf, Voter
from canvass_app.turfs import cutting
from canvass_app.turfs.walk_order import walk_lines

NOW = dt.datetime.now(dt.UTC)


@pytest.fixture
def county(store: Store, tmp_path: Path) -> dict[str, object]:
    """Two precinct turfs; support answers (some changed later), final results today and yesterday; a DNC voter;
    an absentee file. Returns the truth: who each turf's chase list holds, in walk order."""
    rng = random.Random(3)
    homes = [H(n, st, [P(f"A{n}", "Lee"), P(f"B{n}", "Kim", dnc=n == 5)], precinct=pc)
             for pc, st in (("01", "Oak St"), ("02", "Elm St")) for n in range(1, 31)]
    with store.session() as s:
        c = make_county(s, homes, name="Durham")
        cutting.cut_county(s, c.id)
        voters = s.scalars(select(Voter).order_by(Voter.id)).all()
        support: dict[int, int] = {}
        final_today: set[int] = set()
        for v in voters:
            if v.do_not_contact or rng.random() < 0.2:
                continue
            first = rng.randint(1, 5)
            log_contact(s, v.id, "C", Survey(support=first), at=NOW - dt.timedelta(days=20))
            support[v.id] = first
            roll = rng.random()
            if roll < 0.2:  # changed their mind since
                support[v.id] = rng.randint(1, 5)
                log_contact(s, v.id, "C", Survey(support=support[v.id]), at=NOW - dt.timedelta(days=2))
            elif roll < 0.3:  # a later visit without a support answer keeps the answer given
                log_contact(s, v.id, "NH", at=NOW - dt.timedelta(days=1))
            elif roll < 0.4:
                log_contact(s, v.id, "WA", at=NOW - dt.timedelta(minutes=5))
                final_today.add(v.id)
            elif roll < 0.45:  # final, but yesterday: still chased today
                log_contact(s, v.id, "WA", at=NOW - dt.timedelta(days=1))
        ids = [v.state_voter_id for v in voters]
        sid_of = {v.id: v.state_voter_id for v in voters}
        turfs = {t.list_number: t.id for t in s.scalars(select(Turf))}
        walked = {n: walk_lines(s, tid) for n, tid in turfs.items()}
        walks = {n: [ln.voter_id for ln in lines] for n, lines in walked.items()}
        printed = {sid_of[ln.voter_id]: (ln.line, ln.name, ln.street_label)
                   for lines in walked.values() for ln in lines}
    gen = write_absentee(tmp_path / "absentee.csv", ids, seed=11)
    assert main(["voted", "import", str(tmp_path / "absentee.csv")]) == 0
    voted = {sid for sid, status in gen.truth.items() if status == "voted"}
    truth = {n: [sid_of[vid] for vid in walk if 1 <= support.get(vid, 0) <= 2 and vid not in final_today
                 and sid_of[vid] not in voted] for n, walk in walks.items()}
    return {"truth": truth, "gen": gen, "turfs": turfs, "voted": voted, "printed": printed}


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_chase_per_turf_and_county_matches_the_truth(county: dict, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[type-arg]
    truth = county["truth"]
    capsys.readouterr()
    for number, expected in truth.items():
        out = _json(capsys, "gotv", "chase", "--turf", number)
        assert [ln["state_voter_id"] for ln in out["lines"]] == expected
        assert all(ln["support"] in (1, 2) and ln["list_number"] == number for ln in out["lines"])
        assert out["election"] == "2026-11-03"
        for ln in out["lines"]:  # as the walk list prints them: line, name, street
            line, name, street = county["printed"][ln["state_voter_id"]]
            assert (ln["line"], ln["name"]) == (line, name) and street in ln["address"]
    whole = _json(capsys, "gotv", "chase")
    assert [ln["state_voter_id"] for ln in whole["lines"]] == [sid for n in sorted(truth) for sid in truth[n]]
    assert whole["voted"] > 0 and whole["contacted_today"] > 0


def test_another_support_rule(county: dict, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[type-arg]
    capsys.readouterr()
    out = _json(capsys, "gotv", "chase", "--support", "4-5")
    assert out["lines"] and all(ln["support"] in (4, 5) for ln in out["lines"])
    with pytest.raises(SystemExit):
        main(["gotv", "chase", "--support", "0-9"])
    assert "support runs from 1 (strong support) to 5 (strong oppose)" in capsys.readouterr().err


def test_support_1_is_chased_and_support_5_is_not(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    """The field's scale (VAN's voter ID): 1 = strong support … 5 = strong oppose, logged through the CLI."""
    with store.session() as s:
        make_county(s, [H(1, "Oak St", [P("Ann", "Lee"), P("Bob", "Lee")]), H(2, "Oak St", [P("Cy", "Kim")])],
                    name="Durham")
        ann, bob, cy = (v.state_voter_id for v in s.scalars(select(Voter).order_by(Voter.id)))
    store.close()
    for sid, support in ((ann, "1"), (bob, "5"), (cy, "2")):
        assert main(["log-contact", sid, "--result", "C", "--support", support]) == 0
    capsys.readouterr()
    out = _json(capsys, "gotv", "chase")
    assert [(ln["state_voter_id"], ln["support"]) for ln in out["lines"]] == [(ann, 1), (cy, 2)]
    assert out["supporters"] == 2
    assert [ln["state_voter_id"] for ln in _json(capsys, "gotv", "chase", "--support", "5")["lines"]] == [bob]


def test_cure_lists_problems_in_plain_words(county: dict, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[type-arg]
    truth = county["gen"].truth
    capsys.readouterr()
    out = _json(capsys, "gotv", "cure")
    got = {c["state_voter_id"]: c["ballot_status"] for c in out["voters"]}
    assert got == {sid: s for sid, s in truth.items() if s != "voted"}
    assert out["needs_cure"] == sum(1 for s in got.values() if s != "requested")
    kinds = [c["kind"] for c in out["voters"]]
    assert kinds == sorted(kinds, key=lambda k: k != "needs_cure")  # problems first
    witness = next((c for c in out["voters"] if c["ballot_status"] == "WITNESS INFO INCOMPLETE"), None)
    if witness:
        assert witness["problem"] == "The witness's information on the return envelope is incomplete."
    cancelled = next(c for c in out["voters"] if c["ballot_status"] == "CANCELLED")
    assert "request a new ballot" in cancelled["problem"]


def test_chase_pdf_and_walk_page_mark_who_voted(county: dict, store: Store, tmp_path: Path,  # type: ignore[type-arg]
                                               capsys: pytest.CaptureFixture[str]) -> None:
    number = sorted(county["truth"])[0]
    assert main(["gotv", "chase", "--turf", number, "--out", str(tmp_path / "chase.pdf")]) == 0
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "chase.pdf").pages)
    assert "Election day chase" in text
    with store.session() as s:
        names = {v.state_voter_id: v.full_name for v in s.scalars(select(Voter))}
        doors = walk_doors(s, county["turfs"][number])
    for sid in county["truth"][number]:
        assert names[sid] in text
    marked = {v.state_voter_id for d in doors for v in d.voters if v.skip == "Voted"}
    in_turf = {v.state_voter_id for d in doors for v in d.voters}
    assert marked == county["voted"] & in_turf - {v.state_voter_id for d in doors for v in d.voters
                                                  if v.skip not in (None, "Voted")}
