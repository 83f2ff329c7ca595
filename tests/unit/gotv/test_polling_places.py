"""Polling places offline: a generated statewide VIP 5 feed (folder and zip) and a simple CSV, imported through the
command line, checked against the feed's truth; bad rows named by file, row and reason; re-imports change nothing;
a feed that cannot be used changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.polling_files import write_simple_csv, write_vip_feed, zip_feed
from helpers.turf_fixtures import H, P, make_county
from sqlalchemy import select

from canvass_app.cli.main import main
from canvass_app.store.database import Store
from canvass_app.store.models import PollingPlace, Voter


@pytest.fixture
def voters(store: Store) -> dict[str, str]:
    """Durham, NC with precincts 01, 02, 03 and 05 (none in the feed); returns {precinct: a voter's id}."""
    homes = [H(n, "Oak St", [P(f"A{n}", "Lee")], precinct=pc) for n, pc in ((1, "01"), (2, "02"), (3, "03"), (4, "05"))]
    with store.session() as s:
        make_county(s, homes, name="Durham")
        rows = s.execute(select(Voter.state_voter_id, Voter.household_id).order_by(Voter.id)).all()
    return dict(zip(("01", "02", "03", "05"), (sid for sid, _ in rows), strict=True))


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    capsys.readouterr()
    assert main([*argv, "--json"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def _places(store: Store) -> list[tuple[object, ...]]:
    with store.session() as s:
        return [tuple(r) for r in s.execute(select(PollingPlace.precinct_code, PollingPlace.kind, PollingPlace.name,
                                                   PollingPlace.address, PollingPlace.hours).order_by(PollingPlace.id))]


def _triples(places: list[dict]) -> list[tuple[str, str, str | None]]:  # type: ignore[type-arg]
    return [(p["name"], p["address"], p["hours"]) for p in places]


@pytest.mark.parametrize("packed", [False, True], ids=["folder", "zip"])
def test_a_vip_feed_gives_each_voter_their_places(voters: dict[str, str], store: Store, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str], packed: bool) -> None:
    truth = write_vip_feed(tmp_path / "feed")
    source = zip_feed(tmp_path / "feed", tmp_path / "vip.zip") if packed else tmp_path / "feed"
    out = _run(capsys, "polling-places", "import", str(source))
    assert out["layout"] == "vip5" and out["changed"] is True
    assert out["precincts"] == 3  # 01-03 of Durham's locality: Elsewhere's 01 is not read, 04 is a bad row
    assert out["matched"] == 3 and out["unmatched"] == []
    assert out["without_location"] == truth.without_location
    bad = {(Path(p["file"].split(":")[-1]).name, p["row"]) for p in out["problems"]}
    assert bad == set(truth.bad_rows)
    reasons = " ".join(p["reason"] for p in out["problems"])
    assert "pl99 has no address" in reasons and "pl77" in reasons
    for precinct, sid in voters.items():
        got = _run(capsys, "polling-place", sid)
        assert got["precinct"] == precinct
        assert _triples(got["election_day"]) == truth.election_day.get(precinct, [])
        assert _triples(got["early_vote"]) == truth.early_vote  # county-wide, from locality.txt
        assert _triples(got["drop_box"]) == truth.drop_box
    assert "Other County School" not in json.dumps(_places(store))


def test_reimporting_the_same_feed_changes_nothing(voters: dict[str, str], store: Store, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    write_vip_feed(tmp_path / "feed")
    _run(capsys, "polling-places", "import", str(tmp_path / "feed"))
    with store.session() as s:
        before = [(p.id, p.precinct_code, p.name) for p in s.scalars(select(PollingPlace).order_by(PollingPlace.id))]
    again = _run(capsys, "polling-places", "import", str(tmp_path / "feed" / "polling_location.txt"))
    assert again["changed"] is False
    with store.session() as s:
        after = [(p.id, p.precinct_code, p.name) for p in s.scalars(select(PollingPlace).order_by(PollingPlace.id))]
    assert after == before  # same rows, same ids: nothing was rewritten


def test_a_simple_csv_replaces_the_feed(voters: dict[str, str], store: Store, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    write_vip_feed(tmp_path / "feed")
    _run(capsys, "polling-places", "import", str(tmp_path / "feed"))
    write_simple_csv(tmp_path / "places.csv")
    out = _run(capsys, "polling-places", "import", str(tmp_path / "places.csv"))
    assert out["layout"] == "csv" and out["rejected"] == 1
    assert out["problems"][0]["row"] == 5 and "no address" in out["problems"][0]["reason"]
    one = _run(capsys, "polling-place", voters["01"])
    assert _triples(one["election_day"]) == [("Shepard Middle School", "2401 Dakota St, Durham, NC 27707",
                                              "6:30 AM - 7:30 PM")]
    assert _triples(one["early_vote"]) == [("Southwest Branch Library", "3605 Shannon Rd, Durham, NC 27707",
                                            "Oct 15 - Nov 1, 8 AM - 7:30 PM")]
    assert one["drop_box"] == []  # the feed's places are gone: the CSV is the county's truth now
    two = _run(capsys, "polling-place", voters["02"])
    assert two["election_day"][0]["hours"] is None  # blank hours stay blank
    capsys.readouterr()
    assert main(["polling-place", voters["05"]]) == 0
    assert "Southwest Branch Library" in capsys.readouterr().out  # no own place, the county-wide one still shows


def test_an_unusable_feed_changes_nothing(voters: dict[str, str], store: Store, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    write_vip_feed(tmp_path / "feed")
    _run(capsys, "polling-places", "import", str(tmp_path / "feed"))
    before = _places(store)
    (tmp_path / "half").mkdir()
    (tmp_path / "half" / "polling_location.txt").write_text((tmp_path / "feed" / "polling_location.txt").read_text())
    assert main(["polling-places", "import", str(tmp_path / "half")]) == 2
    assert "no precinct.txt" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("precinct,name,address,hours\n01,Hall,,\n,Hall,1 Main St,\n", encoding="utf-8")
    assert main(["polling-places", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "no usable polling place" in err and "row 2" in err
    assert _places(store) == before


def test_a_voter_without_any_place_is_told_so(voters: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["polling-place", voters["01"]]) == 0
    assert "no polling place known" in capsys.readouterr().out
    assert main(["polling-place", "NOPE"]) == 2


def test_the_chase_walk_list_prints_each_doors_polling_place(store: Store, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    from canvass_app.contacts.attempts import Survey, log_contact
    from canvass_app.turfs import cutting

    homes = [H(n, "Elm St", [P(f"E{n}", "Diaz")], precinct=pc) for n, pc in ((1, "01"), (3, "01"), (5, "02"))]
    with store.session() as s:
        c = make_county(s, homes, name="Durham")
        for v in s.scalars(select(Voter)):
            log_contact(s, v.id, "C", Survey(support=1))
        cutting.cut_county(s, c.id)
    write_simple_csv(tmp_path / "places.csv")
    _run(capsys, "polling-places", "import", str(tmp_path / "places.csv"))
    chase = _run(capsys, "gotv", "chase", "--out", str(tmp_path / "chase.pdf"))
    assert len(chase["lines"]) == 3
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "chase.pdf").pages)
    assert "1 · vote at Shepard Middle School" in text and "5 · vote at Lakewood Elementary" in text
    assert "Polling places:" in text and "2401 Dakota St, Durham, NC 27707 — 6:30 AM - 7:30 PM" in text
    assert "2520 Vesson Ave, Durham, NC 27707 — hours not given" in text
