"""Search as you type over the FTS5 index: prefixes, phones, ids, diacritics, paging, kept in step with changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import VOTERFILES
from sqlalchemy import delete, select, update

from canvass_app.store.database import Store
from canvass_app.store.models import Voter
from canvass_app.voters.importer import import_voter_file
from canvass_app.voters.search import match_expression, search_voters

FIX = VOTERFILES


@pytest.fixture
def county(store: Store) -> int:
    with store.session() as s:
        return import_voter_file(s, FIX / "generic_onestring.csv", county="Wake", state="NC").county_id


def _ids(store: Store, query: str, **kw: object) -> list[str]:
    with store.session() as s:
        return [h.state_voter_id for h in search_voters(s, query, **kw).voters]  # type: ignore[arg-type]


@pytest.mark.parametrize(("query", "expected"), [
    ("smi", ["V001", "V002"]),
    ("sm", ["V001", "V002"]),
    ("ann smi", ["V001"]),
    ("SMITH ann", ["V001"]),
    ("jose", ["V004"]),
    ("núñ", ["V004"]),
    ("nunez", ["V004"]),
    ("919555", ["V001", "V004"]),
    ("555-12", ["V001"]),
    ("(919) 555-0000", ["V004"]),
    ("V00", ["V001", "V002", "V003", "V004", "V005"]),
    ("v003", ["V003"]),
    ("oak ave", ["V003", "V004"]),
    ("27603", ["V005"]),
    ("zzz", []),
])
def test_prefix_search(store: Store, county: int, query: str, expected: list[str]) -> None:
    assert _ids(store, query, county_id=county) == expected


def test_operators_typed_by_people_are_plain_text(store: Store, county: int) -> None:
    assert match_expression('smith" OR * NEAR(') == '"smith"* "or"* "near"*'
    assert match_expression(" -- ") is None
    assert _ids(store, 'smi"') == ["V001", "V002"]


def test_every_query_is_words_the_index_can_answer(store: Store, county: int) -> None:
    # The index keeps no positions (detail=none): a quoted word the tokenizer splits in two would be a phrase
    # query and fail, so words split where the tokenizer splits ("_" included).
    assert match_expression("smi_ann") == '"smi"* "ann"*'
    for query in ("smi_ann", "o'brien", "núñez²", "__", "x\u0301y", "12½ main", "ǅ", "a\u200db"):
        with store.session() as s:
            search_voters(s, query)
    assert _ids(store, "smi_ann") == ["V001"]


def test_empty_query_pages_everyone(store: Store, county: int) -> None:
    with store.session() as s:
        first = search_voters(s, "", limit=2)
        second = search_voters(s, "", limit=2, offset=2)
        last = search_voters(s, "", limit=2, offset=4)
    assert [h.state_voter_id for h in first.voters] == ["V001", "V002"]
    assert first.has_more
    assert [h.state_voter_id for h in second.voters] == ["V003", "V004"]
    assert [h.state_voter_id for h in last.voters] == ["V005"]
    assert not last.has_more
    assert first.voters[0].name == "Ann Q Smith"
    assert first.voters[0].phone == "9195551234"


def test_index_follows_later_changes(store: Store, county: int) -> None:
    with store.session() as s:
        s.execute(update(Voter).where(Voter.state_voter_id == "V003").values(last_name="Okafor", phone="3365550101"))
    assert _ids(store, "jones") == []
    assert _ids(store, "okaf") == ["V003"]
    assert _ids(store, "336555") == ["V003"]
    with store.session() as s:
        voter = s.scalars(select(Voter).where(Voter.state_voter_id == "V005")).one()
        voter.first_name = "Delphine"
    assert _ids(store, "delph") == ["V005"]
    with store.session() as s:
        s.add(Voter(county_id=county, state_voter_id="V900", first_name="Zed", last_name="Added"))
    assert _ids(store, "zed add") == ["V900"]
    with store.session() as s:
        s.execute(delete(Voter).where(Voter.state_voter_id == "V900"))
    assert _ids(store, "zed") == []


def test_reimport_keeps_index_in_step_and_hides_inactive(store: Store, county: int, tmp_path: Path) -> None:
    lines = (FIX / "generic_onestring.csv").read_text(encoding="utf-8").splitlines()
    changed = [line.replace("Jones", "Jonas") for line in lines if not line.startswith("V005")]
    path = tmp_path / "again.csv"
    path.write_text("\n".join(changed) + "\nV006,Eve,,Lee,1 Elm St,Raleigh,NC,27601,,,,F,P01\n", encoding="utf-8")
    with store.session() as s:
        result = import_voter_file(s, path, county="Wake", state="NC")
    assert (result.added, result.updated, result.inactivated) == (1, 1, 1)
    assert _ids(store, "jonas") == ["V003"]
    assert _ids(store, "jones") == []
    assert _ids(store, "lee") == ["V006"]
    assert _ids(store, "lee", include_inactive=True) == ["V005", "V006"]
    # The triggers are back after the import: a later edit is indexed again.
    with store.session() as s:
        s.execute(update(Voter).where(Voter.state_voter_id == "V006").values(last_name="Quintero"))
    assert _ids(store, "quin") == ["V006"]


def test_county_filter(store: Store, county: int) -> None:
    with store.session() as s:
        other = import_voter_file(s, FIX / "generic_split.tsv", county="Durham", state="NC").county_id
    assert _ids(store, "adams", county_id=county) == []
    assert _ids(store, "adams", county_id=other) == ["R1", "R2"]
