"""Reading who has voted (no database): NC absentee and ncvhis files and generic CSV, row by row, with plain words."""

from canvass_formats.voted.layouts import VOTED_LAYOUTS, VotedFileError
from canvass_formats.voted.reader import VotedFileReader, VotedRow
from canvass_formats.voted.result import MAX_REPORTED, VotedImportResult, VotedRows
from canvass_formats.voted.status import (
    BALLOT_ACCEPTED,
    BALLOT_REQUESTED,
    general_election_day,
    needs_cure,
    problem_text,
)

__all__ = [
    "BALLOT_ACCEPTED",
    "BALLOT_REQUESTED",
    "MAX_REPORTED",
    "VOTED_LAYOUTS",
    "VotedFileError",
    "VotedFileReader",
    "VotedImportResult",
    "VotedRow",
    "VotedRows",
    "general_election_day",
    "needs_cure",
    "problem_text",
]
