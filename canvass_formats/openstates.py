"""Open States bulk data (no database): a session's bills, roll calls and each legislator's vote, and the people.

A session's CSVs are read in Open States' own layout and column names (`{ST}_{session}_bills.csv`: id, identifier,
title, session_identifier, ...; `_votes.csv`: id, motion_text, start_date, result, organization_id, bill_id, ...;
`_vote_people.csv`: vote_event_id, option, voter_name, voter_id; `_organizations.csv`: id, classification), the
people from Open States' people CSV (id, name, current_party, current_district, current_chamber) or its YAML files
(id, name, party, roles). Open Civic Data identifiers are kept exactly as given. A bad row is not fatal: it comes
out as a `Problem` naming the file, the row (the header is row 1, as a spreadsheet shows it) and the reason.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

# What each `option` of a person's vote counts as on a scorecard: yes and no are votes cast; absent, excused and
# "not voting" are absences; anything else (abstain, other, paired, present, ...) is "other".
ABSENT_OPTIONS = frozenset({"absent", "excused", "not voting"})
CAST_OPTIONS = ("yes", "no")
SESSION_SUFFIXES = ("_bills.csv", "_votes.csv", "_vote_people.csv", "_organizations.csv")


def option_kind(option: str) -> str:
    """"yes", "no", "absent" or "other" for an Open States vote option (any case)."""
    value = option.strip().lower()
    if value in CAST_OPTIONS:
        return value
    return "absent" if value in ABSENT_OPTIONS else "other"


class OpenStatesError(ValueError):
    """A file or folder that cannot be read as Open States data at all; the message is for people."""


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    row: int
    reason: str

    def line(self) -> str:
        return f"{self.file} row {self.row}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    party: str | None
    chamber: str | None  # upper, lower, legislature (unicameral)
    district: str | None


@dataclass(frozen=True, slots=True)
class Bill:
    id: str
    identifier: str
    title: str
    session: str
    jurisdiction: str | None
    chamber: str | None


@dataclass(frozen=True, slots=True)
class VoteEvent:
    id: str
    bill_id: str | None
    motion_text: str
    start_date: str  # as given: 2025-03-04, or with a time
    result: str
    session: str | None
    chamber: str | None  # from the organization, when the session's organizations file says


class PersonVote(NamedTuple):
    """One legislator's vote in one roll call (a tuple: a session has hundreds of thousands)."""

    row: int
    vote_event_id: str
    option: str
    voter_name: str
    voter_id: str


@dataclass
class SessionFiles:
    """Every Open States file under a folder (an unpacked session zip keeps them under ST/session/)."""

    bills: list[Path] = field(default_factory=list)
    votes: list[Path] = field(default_factory=list)
    vote_people: list[Path] = field(default_factory=list)
    organizations: list[Path] = field(default_factory=list)
    people: list[Path] = field(default_factory=list)


def find_files(directory: Path) -> SessionFiles:
    """The session and people files under `directory`; raises OpenStatesError when there are none."""
    if not directory.is_dir():
        raise OpenStatesError(f"{directory} is not a folder")
    found = SessionFiles()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        name = path.name.lower()
        if name.endswith("_vote_people.csv"):
            found.vote_people.append(path)
        elif name.endswith("_votes.csv"):
            found.votes.append(path)
        elif name.endswith("_bills.csv"):
            found.bills.append(path)
        elif name.endswith("_organizations.csv"):
            found.organizations.append(path)
        elif name.endswith((".yml", ".yaml")) or (name.endswith(".csv") and _is_people_csv(path)):
            found.people.append(path)
    if not (found.bills or found.votes or found.vote_people or found.people):
        raise OpenStatesError(f"{directory}: no Open States files (*_bills.csv, *_votes.csv, *_vote_people.csv, "
                              "a people CSV or people YAML files)")
    return found


def _is_people_csv(path: Path) -> bool:
    if "_bill_" in path.name or "_vote_" in path.name:
        return False  # the session's other files (actions, sponsorships, sources, counts)
    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            header = {h.strip() for h in next(csv.reader(f), [])}
    except (OSError, UnicodeDecodeError):
        return False
    return {"id", "name"} <= header


def _rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, int], list[str]]]:
    """(row number, column index, values) of each record; raises OpenStatesError for a file without the columns."""
    try:
        f = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise OpenStatesError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    with f:
        reader = csv.reader(f)
        try:
            header = [h.strip() for h in next(reader, [])]
            index = {name: i for i, name in enumerate(header)}
            missing = [c for c in required if c not in index]
            if missing:
                raise OpenStatesError(f"{path.name}: no column {', '.join(missing)} (found: {', '.join(header)})")
            for n, values in enumerate(reader, start=2):
                if len(values) < len(header):
                    values = values + [""] * (len(header) - len(values))
                yield n, index, values
        except (UnicodeDecodeError, csv.Error) as exc:
            raise OpenStatesError(f"{path.name}: not a readable UTF-8 CSV ({exc})") from exc


def _get(values: list[str], index: dict[str, int], *names: str) -> str:
    """The first of `names` that the file has and is filled in, stripped; "" when none."""
    for name in names:
        i = index.get(name)
        if i is not None and values[i].strip():
            return values[i].strip()
    return ""


def _date_ok(text: str) -> bool:
    try:
        dt.date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


def read_bills(path: Path) -> Iterator[Bill | Problem]:
    for n, ix, v in _rows(path, ("id", "identifier", "session_identifier")):
        bill_id, identifier, session = _get(v, ix, "id"), _get(v, ix, "identifier"), _get(v, ix, "session_identifier")
        if not bill_id.startswith("ocd-bill/"):
            yield Problem(path.name, n, f"id {bill_id!r} is not an Open Civic Data bill id (ocd-bill/...)")
        elif not identifier or not session:
            yield Problem(path.name, n, "no identifier or session_identifier")
        else:
            yield Bill(bill_id, identifier, _get(v, ix, "title"), session, _get(v, ix, "jurisdiction") or None,
                       _get(v, ix, "organization_classification") or None)


def read_organizations(path: Path) -> dict[str, str]:
    """organization id -> classification (upper, lower, legislature): the chamber a roll call was taken in."""
    return {_get(v, ix, "id"): _get(v, ix, "classification") for _, ix, v in _rows(path, ("id", "classification"))}


def read_vote_events(path: Path, chambers: dict[str, str] | None = None) -> Iterator[VoteEvent | Problem]:
    for n, ix, v in _rows(path, ("id", "bill_id", "motion_text", "start_date", "result")):
        vote_id, when = _get(v, ix, "id"), _get(v, ix, "start_date")
        if not vote_id.startswith("ocd-vote/"):
            yield Problem(path.name, n, f"id {vote_id!r} is not an Open Civic Data vote id (ocd-vote/...)")
        elif not _date_ok(when):
            yield Problem(path.name, n, f"start_date {when!r} is not a date (YYYY-MM-DD)")
        else:
            org = _get(v, ix, "organization_id")
            yield VoteEvent(vote_id, _get(v, ix, "bill_id") or None, _get(v, ix, "motion_text"), when,
                            _get(v, ix, "result"), _get(v, ix, "session_identifier") or None,
                            (chambers or {}).get(org) or None)


def read_person_votes(path: Path) -> Iterator[PersonVote | Problem]:
    """Each row as a PersonVote (option in lower case), or a Problem. The columns are found once: a session has
    hundreds of thousands of rows, and this loop is most of an import's time."""
    columns = ("vote_event_id", "option", "voter_name", "voter_id")
    a = b = c = d = -1
    for n, ix, v in _rows(path, columns):
        if a < 0:
            a, b, c, d = (ix[col] for col in columns)
        event, option, voter_name, voter_id = v[a].strip(), v[b].strip(), v[c].strip(), v[d].strip()
        if event and option and voter_id.startswith("ocd-person/"):
            yield PersonVote(n, event, option.lower(), voter_name, voter_id)  # the usual row, checked first
        elif not event:
            yield Problem(path.name, n, "no vote_event_id")
        elif not option:
            yield Problem(path.name, n, "no option (yes, no, absent, other, ...)")
        elif voter_id:
            yield Problem(path.name, n, f"voter_id {voter_id!r} is not an Open Civic Data person id")
        elif not voter_name:
            yield Problem(path.name, n, "neither voter_id nor voter_name")
        else:
            yield PersonVote(n, event, option.lower(), voter_name, voter_id)


def read_people(path: Path) -> Iterator[Person | Problem]:
    """People from an Open States people CSV, or from one person's YAML file."""
    if path.suffix.lower() in (".yml", ".yaml"):
        yield _person_from_yaml(path)
        return
    for n, ix, v in _rows(path, ("id", "name")):
        person = _person(_get(v, ix, "id"), _get(v, ix, "name"), _get(v, ix, "current_party", "party"),
                         _get(v, ix, "current_chamber", "chamber"), _get(v, ix, "current_district", "district"))
        yield person if isinstance(person, Person) else Problem(path.name, n, person)


def _person(pid: str, name: str, party: str, chamber: str, district: str) -> Person | str:
    if not pid.startswith("ocd-person/"):
        return f"id {pid!r} is not an Open Civic Data person id (ocd-person/...)"
    if not name:
        return "no name"
    return Person(pid, name, party or None, chamber or None, district or None)


def _current(entries: Any) -> dict[str, Any]:
    """The entry still running (no end_date), else the one that ended last: a person whose district changed has
    the old role ended and the new one open."""
    items = [e for e in entries or [] if isinstance(e, dict)]
    if not items:
        return {}
    return max(items, key=lambda e: (not e.get("end_date"), str(e.get("end_date") or ""),
                                     str(e.get("start_date") or "")))


def _person_from_yaml(path: Path) -> Person | Problem:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return Problem(path.name, 1, f"not readable YAML ({exc})")
    if not isinstance(data, dict):
        return Problem(path.name, 1, "not an Open States person (a mapping with id and name)")
    role = _current(data.get("roles"))
    party = _current(data.get("party"))
    person = _person(str(data.get("id") or ""), str(data.get("name") or "").strip(), str(party.get("name") or ""),
                     str(role.get("type") or ""), str(role.get("district") or ""))
    return person if isinstance(person, Person) else Problem(path.name, 1, person)
