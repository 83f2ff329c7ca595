"""Stream a voted file row by row as VotedRows or Rejections (row and reason), in its detected layout."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from canvass_formats.voted.layouts import VOTED_LAYOUTS, VotedFileError, column_map, guess_layout
from canvass_formats.voted.status import (
    BALLOT_ACCEPTED,
    BALLOT_REQUESTED,
    did_not_vote,
    is_accepted,
    iso_date,
    vote_method,
)
from canvass_formats.voterfile.detect import SAMPLE_BYTES, detect_delimiter, detect_encoding, looks_binary
from canvass_formats.voterfile.records import Rejection

csv.field_size_limit(1 << 20)


@dataclass(frozen=True, slots=True)
class VotedRow:
    """What one row says of one voter in one election (dates as ISO text; election None when the file names none).

    voted: the ballot counts (an accepted mail or one-stop ballot, a history row). ballot_status, for mail ballots
    only: "requested" (not back), "accepted", or the state's status word for a problem ("WITNESS INFO
    INCOMPLETE"). requested_on orders one voter's repeated requests: the latest request is the voter's ballot.
    """

    row: int
    state_voter_id: str
    election: str | None
    voted: bool
    voted_on: str | None
    method: str | None
    ballot_status: str | None
    requested_on: str | None


class VotedFileReader:
    """A voted file opened for reading: its layout, encoding, delimiter and headers; iterate it for rows."""

    def __init__(self, path: Path | str, *, layout: str = "auto"):
        if layout not in (*VOTED_LAYOUTS, "auto"):
            raise VotedFileError(f"unknown layout {layout!r}: use auto, {', '.join(VOTED_LAYOUTS)}")
        self.path = Path(path)
        try:
            with open(self.path, "rb") as f:
                sample = f.read(SAMPLE_BYTES)
        except OSError as exc:
            raise VotedFileError(f"{self.path}: cannot read the file ({exc.strerror or exc})") from exc
        if not sample.strip():
            raise VotedFileError(f"{self.path}: the file is empty")
        if looks_binary(sample):
            raise VotedFileError(f"{self.path}: the file is binary (expected CSV or tab-delimited text; unzip a "
                                 ".zip download first)")
        self.encoding = detect_encoding(sample)
        lines = sample.decode(self.encoding, errors="replace").splitlines()
        self.delimiter = detect_delimiter(lines[0] if lines else "")
        self.headers = [h.strip() for h in next(csv.reader(io.StringIO(lines[0]), delimiter=self.delimiter), [])]
        self.layout = guess_layout(self.headers) if layout == "auto" else layout
        try:
            self.columns = column_map(self.layout, self.headers)
        except VotedFileError as exc:
            raise VotedFileError(f"{self.path}: {exc}") from None
        self.id_column = self.columns.get("ncid", self.columns.get("voter_id", 0))
        self._parse = {"nc-absentee": self._absentee, "ncvhis": self._history, "generic": self._generic}[self.layout]

    def __iter__(self) -> Iterator[VotedRow | Rejection]:
        errors = "strict" if self.encoding == "latin-1" else "replace"
        with open(self.path, encoding=self.encoding, errors=errors, newline="") as text:
            reader = csv.reader(text, delimiter=self.delimiter)
            next(reader, None)
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    yield Rejection(reader.line_num, f"malformed row: {exc}")
                    continue
                item = self.item(reader.line_num, row)
                if item is not None:
                    yield item

    def item(self, line: int, row: list[str]) -> VotedRow | Rejection | None:
        """What one record of the file (as the csv module reads it, ending on file line `line`) says; None for a
        blank row, which is not counted."""
        if not row or (len(row) == 1 and not row[0].strip()):
            return None
        ncols, id_col = len(self.headers), self.id_column
        if len(row) != ncols:
            return Rejection(line, f"wrong column count: expected {ncols} fields, found {len(row)}",
                             row[id_col].strip()[:40] if id_col < len(row) else "")
        sid = row[id_col].strip()
        if not sid:
            return Rejection(line, "no voter id")
        try:
            return self._parse(line, sid, row)
        except ValueError as exc:
            return Rejection(line, str(exc), sid[:40])

    def _date(self, row: list[str], what: str) -> str | None:
        """The column's date as ISO text, None when blank or absent; ValueError naming the column otherwise."""
        col = self.columns.get(what)
        if col is None:
            return None
        try:
            return iso_date(row[col])
        except ValueError:
            raise ValueError(f"{self.headers[col]} is not a date: {row[col].strip()[:20]!r}") from None

    def _text(self, row: list[str], what: str) -> str:
        col = self.columns.get(what)
        return row[col].strip().upper() if col is not None else ""

    def _absentee(self, line: int, sid: str, row: list[str]) -> VotedRow:
        req_type = self._text(row, "ballot_req_type")
        status = " ".join(self._text(row, "ballot_rtn_status").split())
        election = self._date(row, "election_dt")
        requested = self._date(row, "ballot_req_dt")
        returned = self._date(row, "ballot_rtn_dt")
        sent = self._date(row, "ballot_send_dt")
        if "ONE" in req_type:  # ONE-STOP: early voting in person
            voted = is_accepted(status)
            return VotedRow(line, sid, election, voted, (returned or sent or requested) if voted else None,
                            "early" if voted else None, None, requested)
        if "MAIL" not in req_type and req_type:
            raise ValueError(f"unknown ballot_req_type {req_type[:20]!r} (expected MAIL or ONE-STOP)")
        if is_accepted(status):
            return VotedRow(line, sid, election, True, returned, "mail", BALLOT_ACCEPTED, requested)
        return VotedRow(line, sid, election, False, None, None, status or BALLOT_REQUESTED, requested)

    def _history(self, line: int, sid: str, row: list[str]) -> VotedRow:
        election = self._date(row, "election_lbl")
        if election is None:
            raise ValueError("no election_lbl")
        method_text = self._text(row, "voting_method")
        if did_not_vote(method_text):
            return VotedRow(line, sid, election, False, None, None, None, None)
        method = vote_method(method_text)
        return VotedRow(line, sid, election, True, election, method,
                        BALLOT_ACCEPTED if method == "mail" else None, None)

    def _generic(self, line: int, sid: str, row: list[str]) -> VotedRow:
        """A row says the voter voted (on its date, by its method), unless a status column says otherwise."""
        when = self._date(row, "date")
        election = self._date(row, "election")
        method = vote_method(self._text(row, "method")) if "method" in self.columns else None
        status = " ".join(self._text(row, "status").split())
        if status and not is_accepted(status) and status not in ("VOTED", "COUNTED", "RETURNED"):
            open_ballot = status in ("REQUESTED", "SENT", "ISSUED", "MAILED", "OUTSTANDING")
            return VotedRow(line, sid, election, False, None, None, BALLOT_REQUESTED if open_ballot else status, None)
        return VotedRow(line, sid, election, True, when, method,
                        BALLOT_ACCEPTED if method == "mail" else None, None)
