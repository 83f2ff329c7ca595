"""Property: whatever a row holds, reading yields exactly one voter or one rejection with a reason for it."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvass_formats.voterfile import Rejection, VoterRecord, iter_voter_rows
from canvass_formats.voterfile.records import RowError, build_record

HEADER = ["Voter ID", "First Name", "Last Name", "Address", "Zip", "Birth Year", "Date of Birth", "Phone"]
text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\",;\t#/-"),
               max_size=25)
plausible = st.sampled_from(["", "V1", "V2", "12 Main St", "27601", "2760", "1970", "19x0", "1999-02-03",
                             "31/31/1999", "919-555-1234", "*", " "])
field = st.one_of(text, plausible)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(field, min_size=len(HEADER) - 2, max_size=len(HEADER) + 1), min_size=1, max_size=12))
def test_every_row_becomes_a_voter_or_a_rejection(rows: list[list[str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "v.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(HEADER)
            w.writerow(["V0", "Ann", "Lee", "1 Elm St", "27601", "", "", ""])  # keeps the file a voter file
            w.writerows(rows)
        items = list(iter_voter_rows(path))
    expected = 1 + sum(1 for r in rows if any(c.strip() for c in r) or len(r) > 1)
    assert len(items) == expected
    ids: set[str] = set()
    for item in items:
        assert isinstance(item, VoterRecord | Rejection)
        if isinstance(item, Rejection):
            assert item.reason
            assert item.row >= 2
        else:
            assert item.state_voter_id.strip()
            assert item.state_voter_id not in ids
            ids.add(item.state_voter_id)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["state_voter_id", "first_name", "last_name", "res_address", "res_zip",
                                        "birth_year", "birth_date", "phone", "sex", "registration_status",
                                        "res_house_number", "res_street_name", "res_unit", "mail_zip"]), field))
def test_build_record_raises_only_row_errors(fields: dict[str, str]) -> None:
    try:
        record = build_record(fields, 2)
    except RowError as exc:
        reason = str(exc)
        assert reason, "a rejection always says why"
        return
    assert record.state_voter_id
    assert record.birth_year is None or 1880 <= record.birth_year <= 2100
    assert record.res_zip is None or len(record.res_zip) in (5, 10)
