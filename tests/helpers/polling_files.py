"""Generated Voting Information Project feeds (VIP 5 CSV) and simple polling-place CSVs, with the truth they hold.

The feed is statewide like a real one: two localities (the test county and another whose precinct numbers repeat
ours), quoted fields with commas and quotes, a location with no hours, one with hours only in schedule.txt,
county-wide early-voting sites and a drop box on the locality, a precinct that names no location, and two bad rows
(a location without any address, a precinct naming a location the feed does not have).
"""

from __future__ import annotations

import csv
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

PL_HEADER = ["id", "name", "address_line", "structured_line_1", "structured_line_2", "structured_city",
             "structured_state", "structured_zip", "directions", "hours", "photo_uri", "hours_open_id",
             "is_drop_box", "is_early_voting", "latitude", "longitude", "latlng_source"]
PRECINCT_HEADER = ["id", "ballot_style_id", "electoral_district_ids", "external_identifier_type",
                   "external_identifier_othertype", "external_identifier_value", "is_mail_only", "locality_id",
                   "name", "number", "polling_location_ids", "precinct_split_name", "spatial_boundary_id", "ward"]


@dataclass
class FeedTruth:
    """What the feed says each precinct code of the test county gets: (name, address, hours) per kind."""

    election_day: dict[str, list[tuple[str, str, str | None]]] = field(default_factory=dict)
    early_vote: list[tuple[str, str, str | None]] = field(default_factory=list)  # county-wide
    drop_box: list[tuple[str, str, str | None]] = field(default_factory=list)
    without_location: list[str] = field(default_factory=list)
    bad_rows: list[tuple[str, int]] = field(default_factory=list)  # (file name, line)


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, quoting=csv.QUOTE_MINIMAL)
        w.writeheader()
        for row in rows:
            w.writerow({k: row.get(k, "") for k in header})


def write_vip_feed(folder: Path, *, county: str = "Durham") -> FeedTruth:
    """Write a VIP 5 CSV feed into `folder` (made if absent); precinct numbers 01-03 are the county's."""
    folder.mkdir(parents=True, exist_ok=True)
    truth = FeedTruth()
    locations = [
        {"id": "pl01", "name": 'Hillside High School, "Gym B"', "structured_line_1": "3727 Fayetteville St",
         "structured_city": "Durham", "structured_state": "NC", "structured_zip": "27707",
         "directions": "Enter from the back lot", "hours": "6:30 AM - 7:30 PM", "is_early_voting": "false",
         "is_drop_box": "false"},
        {"id": "pl02", "name": "Lakewood Elementary", "address_line": "2520 Vesson Ave, Durham, NC 27707",
         "is_early_voting": "false", "is_drop_box": "false"},  # no hours at all
        {"id": "ev01", "name": "Durham County Main Library", "structured_line_1": "300 N Roxboro St",
         "structured_city": "Durham", "structured_state": "NC", "structured_zip": "27701", "hours_open_id": "ho1",
         "is_early_voting": "true", "is_drop_box": "false"},
        {"id": "db01", "name": "Board of Elections drop box", "address_line": "201 N Roxboro St, Durham, NC 27701",
         "hours": "24 hours", "is_drop_box": "true", "is_early_voting": "false"},
        {"id": "pl99", "name": "No Address Church", "is_early_voting": "false"},  # bad: no address
        {"id": "ot01", "name": "Other County School", "address_line": "1 Main St, Elsewhere, NC 27000",
         "hours": "6:30 AM - 7:30 PM", "is_early_voting": "false"},
    ]
    truth.bad_rows.append(("polling_location.txt", 6))
    _write(folder / "polling_location.txt", PL_HEADER, locations)
    _write(folder / "schedule.txt",
           ["id", "start_time", "end_time", "is_only_by_appointment", "is_or_by_appointment",
            "is_subject_to_change", "start_date", "end_date", "hours_open_id"],
           [{"id": "s1", "start_time": "08:00:00-04:00", "end_time": "19:30:00-04:00", "start_date": "2026-10-15",
             "end_date": "2026-10-31", "hours_open_id": "ho1"},
            {"id": "s2", "start_time": "08:00:00-04:00", "end_time": "15:00:00-04:00", "start_date": "2026-11-01",
             "end_date": "2026-11-01", "hours_open_id": "ho1"}])
    ev_hours = "2026-10-15 to 2026-10-31 08:00–19:30; 2026-11-01 08:00–15:00"
    _write(folder / "locality.txt",
           ["id", "election_administration_id", "external_identifier_type", "external_identifier_othertype",
            "external_identifier_value", "is_mail_only", "name", "polling_location_ids", "state_id", "type",
            "other_type"],
           [{"id": "loc32", "name": f"{county.upper()} COUNTY", "polling_location_ids": "ev01 db01",
             "state_id": "st37", "type": "county"},
            {"id": "loc99", "name": "ELSEWHERE COUNTY", "polling_location_ids": "", "state_id": "st37",
             "type": "county"}])
    _write(folder / "precinct.txt", PRECINCT_HEADER, [
        {"id": "pre1", "locality_id": "loc32", "name": "01 - EAST DURHAM", "number": "01",
         "polling_location_ids": "pl01", "is_mail_only": "false"},
        {"id": "pre2", "locality_id": "loc32", "name": "02 - LAKEWOOD", "number": "02",
         "polling_location_ids": "pl02"},
        {"id": "pre3", "locality_id": "loc32", "name": "03 - WALLTOWN", "number": "03",
         "polling_location_ids": ""},  # no location of its own
        {"id": "pre4", "locality_id": "loc32", "name": "04 - GHOST", "number": "04",
         "polling_location_ids": "pl77"},  # bad: pl77 is nowhere
        {"id": "pre9", "locality_id": "loc99", "name": "01 - ELSEWHERE", "number": "01",
         "polling_location_ids": "ot01"},  # another county's 01
    ])
    truth.bad_rows.append(("precinct.txt", 5))
    truth.election_day = {
        "01": [('Hillside High School, "Gym B"', "3727 Fayetteville St, Durham NC 27707", "6:30 AM - 7:30 PM")],
        "02": [("Lakewood Elementary", "2520 Vesson Ave, Durham, NC 27707", None)],
        "03": [],
    }
    truth.early_vote = [("Durham County Main Library", "300 N Roxboro St, Durham NC 27701", ev_hours)]
    truth.drop_box = [("Board of Elections drop box", "201 N Roxboro St, Durham, NC 27701", "24 hours")]
    truth.without_location = ["03 - WALLTOWN"]
    return truth


def zip_feed(folder: Path, out: Path) -> Path:
    """The feed's files in a zip, inside a subfolder as state exports have them."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(folder.iterdir()):
            z.write(f, f"vipfeed-37/{f.name}")
    return out


def write_simple_csv(path: Path) -> None:
    """precinct,name,address,hours (+ kind), quoted addresses, a blank hours cell, a county-wide early site and a
    bad row (no address) on line 5."""
    path.write_text(
        'Precinct,Name,Address,Hours,Kind\n'
        '01,"Shepard Middle School","2401 Dakota St, Durham, NC 27707","6:30 AM - 7:30 PM",election_day\n'
        '02,"Lakewood Elementary","2520 Vesson Ave, Durham, NC 27707",,\n'
        '*,"Southwest Branch Library","3605 Shannon Rd, Durham, NC 27707","Oct 15 - Nov 1, 8 AM - 7:30 PM",early\n'
        '03,"Nowhere Hall",,"7 AM",\n',
        encoding="utf-8")
