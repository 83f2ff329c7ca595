"""Reading where people vote (no database): the Voting Information Project's CSV feed (VIP 5.x) and a simple CSV.

**VIP 5 CSV** (a folder or a .zip of `.txt` files, comma-separated UTF-8 with a header row, as the VIP
specification names them):

- `polling_location.txt`: `id`, `name`, `address_line` or the structured address (`structured_line_1` …
  `structured_line_3`, `structured_city`, `structured_state`, `structured_zip`), `directions`, `hours` (free text),
  `hours_open_id`, `is_drop_box`, `is_early_voting`, … A location is an early-voting site when `is_early_voting`
  is true, a drop box when `is_drop_box` is true, else an election-day polling place. One without any address is
  left out (the specification says to ignore it) and reported.
- `precinct.txt`: `id`, `name`, `number`, `locality_id`, `polling_location_ids` (space-separated ids of
  polling_location.txt). A precinct is matched to the voter file's precinct code by `number`, else by `name`.
- `locality.txt` (optional): `id`, `name`, `polling_location_ids`: sites serving the whole locality (county-wide
  early voting, drop boxes). When given, only the precincts of the county's locality are read.
- `schedule.txt` (optional): `hours_open_id`, `start_date`, `end_date`, `start_time`, `end_time`: the hours of a
  location whose `hours` is blank.

**Simple CSV**: a header `precinct,name,address,hours` (any order, any case; `kind` optional: election_day,
early_vote, drop_box); `precinct` `*` means every precinct of the county.

Rows that cannot be used come back as Problems (file, row, reason); the rest is a PollingFeed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("election_day", "early_vote", "drop_box")
ALL_PRECINCTS = "*"
_TRUE, _FALSE = {"true", "1", "yes", "y", "t"}, {"false", "0", "no", "n", "f", ""}
_KIND_WORDS = {"election_day": "election_day", "election day": "election_day", "polling": "election_day",
               "early_vote": "early_vote", "early vote": "early_vote", "early": "early_vote",
               "drop_box": "drop_box", "drop box": "drop_box", "": "election_day"}


class PollingFileError(ValueError):
    """The feed or file cannot be read at all (missing file or column, not a CSV): nothing is imported."""


@dataclass(frozen=True)
class Problem:
    file: str
    row: int  # the line of the file (the header is line 1)
    reason: str


@dataclass(frozen=True)
class Site:
    """A place to vote, for the precincts it serves: `precincts` holds (number, name) pairs of the feed, or
    (ALL_PRECINCTS, None) for the whole county."""

    kind: str
    name: str
    address: str
    hours: str | None
    directions: str | None
    precincts: tuple[tuple[str, str | None], ...]


@dataclass
class PollingFeed:
    layout: str  # vip5 or csv
    sites: list[Site] = field(default_factory=list)
    rows: int = 0
    precincts: list[tuple[str, str | None]] = field(default_factory=list)  # (number, name) of the county's
    without_location: list[str] = field(default_factory=list)  # precincts naming no polling location
    problems: list[Problem] = field(default_factory=list)


def read_polling_places(path: Path | str, *, county: str | None = None) -> PollingFeed:
    """Read a VIP 5 feed (folder, .zip, or its polling_location.txt) or a simple CSV.

    `county` picks the county's locality in a statewide feed's locality.txt. Raises PollingFileError."""
    path = Path(path)
    if not path.exists():
        raise PollingFileError(f"{path} does not exist")
    if path.is_dir() or zipfile.is_zipfile(path):
        return _Vip(_files(path)).read(county)
    if path.name.lower() == "polling_location.txt":
        return _Vip(_files(path.parent)).read(county)
    return _read_simple(path)


def _files(path: Path) -> dict[str, tuple[str, str]]:
    """{file name in lower case: (name to report, text)} of the feed's .txt files (in a folder, or anywhere in a
    zip)."""
    found: dict[str, tuple[str, str]] = {}
    try:
        if path.is_dir():
            for f in path.iterdir():
                if f.suffix.lower() in (".txt", ".csv") and f.is_file():
                    found[f.stem.lower() + ".txt"] = (str(f), _decode(f.read_bytes(), str(f)))
        else:
            with zipfile.ZipFile(path) as z:
                for info in z.infolist():
                    name = info.filename.rsplit("/", 1)[-1]
                    if name.lower().endswith(".txt") and not info.is_dir():
                        found[name.lower()] = (f"{path}:{info.filename}", _decode(z.read(info), name))
    except (OSError, zipfile.BadZipFile) as exc:
        raise PollingFileError(f"cannot read {path}: {exc}") from exc
    return found


def _decode(data: bytes, name: str) -> str:
    if b"\0" in data[:4096]:
        raise PollingFileError(f"{name} is not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # older county exports


def _rows(name: str, text: str, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, {column: stripped value}) for each data row; PollingFileError if a required column is missing."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise PollingFileError(f"{name} is empty") from None
    except csv.Error as exc:
        raise PollingFileError(f"{name}: {exc}") from exc
    missing = [c for c in required if c not in header]
    if missing:
        raise PollingFileError(f"{name} has no {', '.join(missing)} column (it has: {', '.join(header)})")
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            yield reader.line_num, {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
    except csv.Error as exc:
        raise PollingFileError(f"{name}, line {reader.line_num}: {exc}") from exc


def _flag(value: str) -> bool | None:
    v = value.strip().lower()
    return True if v in _TRUE else False if v in _FALSE else None


def _time(value: str) -> str:
    """"07:00:00-05:00" -> "07:00" (local time, as the feed gives it); ValueError when it is not a time."""
    return dt.time.fromisoformat(value.strip()[:8]).strftime("%H:%M")


class _Vip:
    def __init__(self, files: dict[str, tuple[str, str]]) -> None:
        for needed in ("polling_location.txt", "precinct.txt"):
            if needed not in files:
                raise PollingFileError(f"not a VIP 5 feed: no {needed} (found: {', '.join(sorted(files)) or 'none'})")
        self.files = files
        self.feed = PollingFeed(layout="vip5")

    def _problem(self, file: str, row: int, reason: str) -> None:
        self.feed.problems.append(Problem(self.files[file][0], row, reason))

    def _read(self, file: str, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
        name, text = self.files[file]
        for line, row in _rows(name, text, required):
            self.feed.rows += 1
            yield line, row

    def read(self, county: str | None) -> PollingFeed:
        hours = self._schedules() if "schedule.txt" in self.files else {}
        locations = self._locations(hours)
        locality, wide = self._locality(county)
        served: dict[str, list[tuple[str, str | None]]] = {lid: [] for lid in locations}
        for lid in wide:
            served[lid].append((ALL_PRECINCTS, None))
        for line, row in self._read("precinct.txt", ("id", "name", "polling_location_ids")):
            if locality is not None and row.get("locality_id", "") != locality:
                continue  # another county's precinct: not this import's business
            if not row["id"] or not (row["name"] or row.get("number")):
                self._problem("precinct.txt", line, "a precinct needs an id and a name or number")
                continue
            ids = row["polling_location_ids"].split()
            unknown = [i for i in ids if i not in locations]
            if unknown:
                self._problem("precinct.txt", line, f"precinct {row['id']} names polling location(s) "
                                                    f"{', '.join(unknown)}, which polling_location.txt does not have")
                continue
            key = (row.get("number") or row["name"], row["name"] or None)
            self.feed.precincts.append(key)
            if not ids:
                self.feed.without_location.append(row["name"] or row.get("number", ""))
            for lid in ids:
                served[lid].append(key)
        for lid, site in locations.items():
            if served[lid]:
                self.feed.sites.append(Site(site.kind, site.name, site.address, site.hours, site.directions,
                                            tuple(dict.fromkeys(served[lid]))))
        return self.feed

    def _schedules(self) -> dict[str, str]:
        """hours_open_id -> "2026-10-16 to 2026-11-01 08:00–19:30; 2026-11-03 06:30–19:30"."""
        spans: dict[str, list[str]] = {}
        for line, row in self._read("schedule.txt", ("hours_open_id",)):
            try:
                times = (f"{_time(row['start_time'])}–{_time(row['end_time'])}"
                         if row.get("start_time") and row.get("end_time") else "")
                start, end = (dt.date.fromisoformat(d) if d else None
                              for d in (row.get("start_date", ""), row.get("end_date", "")))
            except ValueError:
                self._problem("schedule.txt", line, "start/end dates (YYYY-MM-DD) or times (HH:MM:SS) not readable")
                continue
            days = (f"{start} to {end}" if start and end and start != end else str(start or end or ""))
            text = " ".join(p for p in (days, times) if p)
            if row.get("is_only_by_appointment", "").lower() == "true":
                text += " (by appointment)"
            if text:
                spans.setdefault(row["hours_open_id"], []).append(text)
        return {k: "; ".join(v) for k, v in spans.items()}

    def _locations(self, hours: dict[str, str]) -> dict[str, Site]:
        out: dict[str, Site] = {}
        for line, row in self._read("polling_location.txt", ("id",)):
            lid = row["id"]
            structured = ", ".join(p for p in (
                row.get("structured_line_1"), row.get("structured_line_2"), row.get("structured_line_3"),
                " ".join(p for p in (row.get("structured_city"), row.get("structured_state"),
                                     row.get("structured_zip")) if p)) if p)
            address = structured if row.get("structured_line_1") else row.get("address_line", "")
            early, drop = _flag(row.get("is_early_voting", "")), _flag(row.get("is_drop_box", ""))
            if not lid:
                self._problem("polling_location.txt", line, "no id")
            elif lid in out:
                self._problem("polling_location.txt", line, f"id {lid} appears twice")
            elif not address:
                self._problem("polling_location.txt", line,
                              f"polling location {lid} has no address (neither address_line nor structured_line_1)")
            elif early is None or drop is None:
                self._problem("polling_location.txt", line,
                              f"polling location {lid}: is_early_voting and is_drop_box must be true or false")
            else:
                kind = "drop_box" if drop else "early_vote" if early else "election_day"
                out[lid] = Site(kind, row.get("name") or address.split(",")[0], address,
                                row.get("hours") or hours.get(row.get("hours_open_id", "")) or None,
                                row.get("directions") or None, ())
        return out

    def _locality(self, county: str | None) -> tuple[str | None, list[str]]:
        """The county's locality id (None: read every precinct) and the polling locations serving all of it."""
        if "locality.txt" not in self.files:
            return None, []
        rows = list(self._read("locality.txt", ("id", "name")))

        def plain(name: str) -> str:
            return name.casefold().removesuffix(" county").strip()

        mine = [r for _, r in rows if county and plain(r["name"]) == plain(county)]
        if not mine and len(rows) == 1:
            mine = [rows[0][1]]
        if not mine:
            raise PollingFileError(f"locality.txt names no locality {county!r} (it has: "
                                   f"{', '.join(r['name'] for _, r in rows[:10])})")
        wide = mine[0].get("polling_location_ids", "").split()
        return mine[0]["id"], wide


def _read_simple(path: Path) -> PollingFeed:
    """The simple CSV: precinct,name,address,hours[,kind]."""
    name = str(path)
    try:
        text = _decode(path.read_bytes(), name)
    except OSError as exc:
        raise PollingFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    feed = PollingFeed(layout="csv")
    by_place: dict[tuple[str, str, str, str | None], list[tuple[str, str | None]]] = {}
    for line, row in _rows(name, text, ("precinct", "name", "address", "hours")):
        feed.rows += 1
        kind = _KIND_WORDS.get(row.get("kind", "").lower())
        if not row["precinct"]:
            feed.problems.append(Problem(name, line, "no precinct"))
        elif not row["address"]:
            feed.problems.append(Problem(name, line, f"precinct {row['precinct']}: no address"))
        elif kind is None:
            feed.problems.append(Problem(name, line, f"kind must be one of {', '.join(KINDS)}, not "
                                                     f"{row['kind']!r}"))
        else:
            key = (kind, row["name"] or row["address"].split(",")[0], row["address"], row["hours"] or None)
            by_place.setdefault(key, []).append((row["precinct"], None))
    feed.precincts = list(dict.fromkeys(p for served in by_place.values() for p in served if p[0] != ALL_PRECINCTS))
    feed.sites = [Site(kind, site_name, address, hours, None, tuple(dict.fromkeys(served)))
                  for (kind, site_name, address, hours), served in by_place.items()]
    return feed
