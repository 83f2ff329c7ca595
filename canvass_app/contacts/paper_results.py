"""Results typed back from paper walk lists: list number, line number, result code, optional support and note.

Each good row is applied whole (its contact and outbox op in one savepoint); each bad row is reported with its
row number in the file and the reason, and changes nothing. A row identical to one already entered from paper
(same voter, turf, result, support and note) is skipped and reported, so entering a file twice is harmless.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from canvass_app.contacts.attempts import ContactError, Survey, effective, log_contact, resolve_result
from canvass_app.store.models import ContactAttempt
from canvass_app.store.outbox import OpPayloadError
from canvass_app.turfs.walk_order import voter_for_line
from canvass_protocol import wire

HEADER_NAMES = {
    "list": {"list", "list number", "list_number", "listnumber", "list no", "turf", "list #"},
    "line": {"line", "line number", "line_number", "linenumber", "line no", "line #", "#"},
    "result": {"result", "result code", "result_code", "code"},
    "support": {"support", "support level", "support_level"},
    "note": {"note", "notes", "comment"},
}


@dataclass(frozen=True)
class RowProblem:
    row: int  # the row's line number in the file (the header is row 1)
    reason: str

    def line(self, path: Path) -> str:
        return f"{path.name} row {self.row}: {self.reason}"


@dataclass
class PaperOutcome:
    applied: list[str] = field(default_factory=list)  # contact ids
    skipped: list[RowProblem] = field(default_factory=list)  # already entered
    problems: list[RowProblem] = field(default_factory=list)
    rows: int = 0

    def summary(self, path: Path) -> str:
        parts = [f"Entered {len(self.applied)} of {self.rows} results from {path.name}"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} already entered")
        if self.problems:
            parts.append(f"{len(self.problems)} rows refused")
        return "; ".join(parts) + "."


def _columns(first: list[str]) -> tuple[dict[str, int], bool]:
    """Column positions by role, and whether the first row was a header."""
    names = [" ".join(c.strip().lower().split()) for c in first]
    if len(names) >= 2 and names[1].isdigit():
        return {"list": 0, "line": 1, "result": 2, "support": 3, "note": 4}, False
    found: dict[str, int] = {}
    for i, name in enumerate(names):
        for role, aliases in HEADER_NAMES.items():
            if name in aliases and role not in found:
                found[role] = i
    missing = [r for r in ("list", "line", "result") if r not in found]
    if missing:
        raise ContactError(f"row 1: the header must name the columns list number, line number and result "
                           f"(missing: {', '.join(missing)}).")
    return found, True


def _printable(cell: str) -> bool:
    try:
        wire.note_text(cell)  # the server takes tabs and line breaks in a note, no other control character
    except ValueError:
        return False
    return True


def _cell(row: list[str], cols: dict[str, int], role: str) -> str:
    i = cols.get(role)
    return row[i].strip() if i is not None and i < len(row) else ""


def _already_entered(session: Session, voter_id: int, turf_id: int, result_id: int, support: int | None,
                     note: str | None) -> bool:
    return session.scalar(
        select(ContactAttempt.id).where(
            ContactAttempt.voter_id == voter_id, ContactAttempt.turf_id == turf_id,
            ContactAttempt.result_code_id == result_id, ContactAttempt.source == "paper",
            ContactAttempt.support.is_(None) if support is None else ContactAttempt.support == support,
            ContactAttempt.note.is_(None) if not note else ContactAttempt.note == note, effective(),
        ).limit(1)
    ) is not None


def _apply_row(session: Session, row: list[str], cols: dict[str, int], canvasser: str | None,
               outcome: PaperOutcome, number: int, seen: set[tuple[str, int]]) -> None:
    list_number = _cell(row, cols, "list").upper()
    line_text, code, support_text = _cell(row, cols, "line"), _cell(row, cols, "result"), _cell(row, cols, "support")
    note = _cell(row, cols, "note") or None
    if any(not _printable(cell) for cell in row):
        raise ContactError("the row holds control characters (such as NUL); remove them and enter the row again")
    if not list_number:
        raise ContactError("the list number is empty")
    if not line_text.isdigit():
        raise ContactError(f"the line number {line_text!r} is not a whole number")
    if not code:
        raise ContactError("the result code is empty")
    support = None
    if support_text:
        if support_text not in {"1", "2", "3", "4", "5"}:
            raise ContactError(f"support {support_text!r} is not 1 to 5")
        support = int(support_text)
    rc = resolve_result(session, code)
    ref = voter_for_line(session, list_number, int(line_text))
    if ref is None:
        raise ContactError(f"walk list {list_number} has no line {int(line_text)}")
    if (ref.list_number, ref.line) in seen:
        raise ContactError(f"{ref.list_number} line {ref.line} appears twice in this file")
    seen.add((ref.list_number, ref.line))
    if _already_entered(session, ref.voter_id, ref.turf_id, rc.id, support, note):
        outcome.skipped.append(RowProblem(number, f"{ref.list_number} line {ref.line} ({ref.name}) was already "
                                                  "entered with this result; skipped"))
        return
    with session.begin_nested():  # the row's contact, voter mark and outbox ops land together or not at all
        outcome.applied.append(log_contact(session, ref.voter_id, rc.code, Survey(support=support), note=note,
                                           canvasser=canvasser, turf_id=ref.turf_id, source="paper"))


def enter_results(session: Session, csv_path: Path | str, *, canvasser: str | None = None) -> PaperOutcome:
    """Apply every good row of the CSV file; report the others by row number and reason.

    Raises ContactError (nothing applied) when the file cannot be read or its header is not understood.
    """
    path = Path(csv_path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.reader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ContactError(f"{path}: cannot be read as a UTF-8 CSV file ({exc}).") from exc
    outcome = PaperOutcome()
    rows_numbered = [(i, r) for i, r in enumerate(rows, start=1) if any(c.strip() for c in r)]
    if not rows_numbered:
        raise ContactError(f"{path}: the file has no rows.")
    try:
        cols, has_header = _columns(rows_numbered[0][1])
    except ContactError as exc:
        raise ContactError(f"{path.name} {exc}") from exc
    seen: set[tuple[str, int]] = set()
    for number, row in rows_numbered[1:] if has_header else rows_numbered:
        outcome.rows += 1
        try:
            _apply_row(session, row, cols, canvasser, outcome, number, seen)
        except (ContactError, OpPayloadError) as exc:  # OpPayloadError: an op the server could not take
            outcome.problems.append(RowProblem(number, str(exc).rstrip(".")))
    return outcome
