"""What a voted-file import did (one result for the app and the server), and the reading loop both share."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from canvass_formats.voted.reader import VotedFileReader, VotedRow
from canvass_formats.voted.status import general_election_day
from canvass_formats.voterfile.records import Rejection

MAX_REPORTED = 1000  # rows listed by row and reason; the counts cover them all


@dataclass
class VotedImportResult:
    """What an import did. `voted`, `requested_not_returned` and `needs_cure` count the file's voters by their
    status after the import; `changed` how many voters' statuses it changed (0 when the file was already in)."""

    file: str
    layout: str
    county: str
    state: str
    election: str = ""
    rows: int = 0
    matched: int = 0
    voters: int = 0
    voted: int = 0
    requested_not_returned: int = 0
    needs_cure: int = 0
    unmatched: int = 0
    rejected: int = 0
    other_elections: int = 0
    changed: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)  # {"row", "voter_id", "reason"}, first 1000
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def problem(self, row: int, voter_id: str, reason: str) -> None:
        if len(self.problems) < MAX_REPORTED:
            self.problems.append({"row": row, "voter_id": voter_id, "reason": reason})

    def summary(self) -> str:
        return (f"{self.rows:,} rows for the election of {self.election}: {self.matched:,} matched "
                f"({self.voters:,} voters), {self.voted:,} voted, {self.requested_not_returned:,} mail ballots not "
                f"returned, {self.needs_cure:,} to cure; {self.unmatched:,} unmatched, {self.rejected:,} rejected; "
                f"{self.changed:,} voters changed")

    def report(self, shown: int = 10) -> str:
        """summary() and the first `shown` problems, one a line: what both command lines print."""
        return self.summary() + "".join(f"\n  row {p['row']}: {p['reason']}" for p in self.problems[:shown])


class VotedRows:
    """Reads a voted file into a result: the good rows come out in chunks; rows, rejections and the elections
    the rows name are counted on the way, so that the election can be chosen once the file is read."""

    def __init__(self, reader: VotedFileReader, result: VotedImportResult):
        self.reader = reader
        self.result = result
        self.elections: Counter[str | None] = Counter()  # rows per election named (None: the row names none)
        self.latest: str = ""  # the latest voted_on of any row

    def chunks(self, size: int) -> Iterator[list[VotedRow]]:
        result, elections = self.result, self.elections
        chunk: list[VotedRow] = []
        latest = ""
        for item in self.reader:
            result.rows += 1
            if isinstance(item, Rejection):
                result.rejected += 1
                result.problem(item.row, item.voter_id, item.reason)
                continue
            elections[item.election] += 1
            if item.voted_on and item.voted_on > latest:
                latest = item.voted_on
            chunk.append(item)
            if len(chunk) >= size:
                yield chunk
                chunk = []
        self.latest = latest
        if chunk:
            yield chunk

    def choose_election(self, given: dt.date | None) -> str:
        """The election: as given; else the latest the file names; else election day of the year of its latest
        date (this year's when it has none). Sets the result's election and rows of other elections."""
        named = [e for e in self.elections if e]
        if given is not None:
            election = given.isoformat()
        elif named:
            election = max(named)
        else:
            year = int(self.latest[:4]) if self.latest else dt.date.today().year
            election = general_election_day(year).isoformat()
        self.result.election = election
        self.result.other_elections = sum(n for e, n in self.elections.items() if e and e != election)
        return election

    def finish(self, unmatched: list[tuple[int, str]], unmatched_count: int) -> None:
        """Counts the unmatched rows of the election (the first of them listed by row) and the matched ones."""
        res = self.result
        res.problems += [{"row": row, "voter_id": sid, "reason": f"no voter with id {sid} in {res.county}, {res.state}"}
                         for row, sid in unmatched]
        res.problems = sorted(res.problems, key=lambda p: int(p["row"]))[:MAX_REPORTED]
        res.unmatched = unmatched_count
        res.matched = res.rows - res.rejected - res.other_elections - res.unmatched
