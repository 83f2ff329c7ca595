"""Households stay put when files spell addresses several ways: counts equal the truth, and a re-import of the
county spelled differently keeps each voter's household, turf and walk-list line."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.address_variants import FORMS, residents, write_voter_file
from sqlalchemy import delete, func, select, text, update

from canvass_app.store.database import Store
from canvass_app.store.models import Household, Setting, TurfLine, Voter
from canvass_app.turfs.cutting import cut_county
from canvass_app.turfs.walk_order import walk_lines
from canvass_app.voters.importer import import_voter_file


def _import(store: Store, path: Path, form: str) -> int:
    with store.session() as s:
        layout = "generic" if form.startswith("generic") else form
        result = import_voter_file(s, path, county="Alachua" if form == "florida" else "Wake",
                                   state="FL" if form == "florida" else "NC", layout=layout,
                                   rejects_path=path.with_suffix(".rejects.csv"))
        assert result.rejected == 0
        return result.households


def _places(store: Store) -> dict[str, tuple[int | None, int | None, int | None]]:
    """Each voter's (household, turf, walk-list line)."""
    with store.session() as s:
        lines = dict(s.execute(select(TurfLine.voter_id, TurfLine.line)).all())
        return {vid: (hid, turf, lines.get(voter)) for vid, voter, hid, turf in s.execute(
            select(Voter.state_voter_id, Voter.id, Voter.household_id, Household.turf_id)
            .outerjoin(Household, Household.id == Voter.household_id))}


def _cut_and_print(store: Store) -> None:
    with store.session() as s:
        report = cut_county(s, 1)
        for turf in report.turfs:
            walk_lines(s, turf.id)


@pytest.mark.parametrize("form", FORMS)
def test_a_file_spelling_each_door_several_ways_makes_one_household_per_door(store: Store, tmp_path: Path,
                                                                            form: str) -> None:
    people = residents(seed=5, doors=150)
    path = tmp_path / f"voters-{form}.txt"
    write_voter_file(path, form, people, seed=1)
    assert _import(store, path, form) == len({p.door for p in people})


@pytest.mark.parametrize(("first", "update_form"), [("ncvoter", "ncvoter"), ("florida", "florida"),
                                                     ("generic", "generic_split"), ("generic_split", "generic")])
def test_a_respelled_update_keeps_households_turfs_and_lines(store: Store, tmp_path: Path, first: str,
                                                             update_form: str) -> None:
    people = residents(seed=8, doors=120)
    write_voter_file(first_file := tmp_path / "first.txt", first, people, seed=2)
    doors = len({p.door for p in people})
    assert _import(store, first_file, first) == doors
    _cut_and_print(store)
    before = _places(store)
    assert all(turf is not None and line is not None for _h, turf, line in before.values())

    write_voter_file(update := tmp_path / "update.txt", update_form, people, seed=3)
    assert update.read_bytes() != first_file.read_bytes()
    assert _import(store, update, update_form) == doors
    _cut_and_print(store)
    assert _places(store) == before


def test_households_stored_by_the_old_key_rule_are_found_again(store: Store, tmp_path: Path) -> None:
    people = residents(seed=11, doors=80)
    write_voter_file(path := tmp_path / "voters.txt", "ncvoter", people, seed=4)
    _import(store, path, "ncvoter")
    _cut_and_print(store)
    before = _places(store)
    with store.session() as s:  # what the store held before KEY_VERSION 2: "#4" and "UNIT 4" kept apart
        s.execute(update(Household).values(key=func.replace(Household.key, "|APT ", "|#")))
        s.execute(delete(Setting))
    write_voter_file(path, "ncvoter", people, seed=5)
    _import(store, path, "ncvoter")
    assert _places(store) == before
    with store.session() as s:
        assert s.scalar(text("SELECT count(*) FROM household WHERE key LIKE '%|#%'")) == 0
