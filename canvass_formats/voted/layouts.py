"""Voted-file layouts: NCSBE's absentee file and voter history (ncvhis), and a generic CSV whose headers we detect."""

from __future__ import annotations

from canvass_formats.voterfile.fields import guess_field, normalize_header

VOTED_LAYOUTS = ("nc-absentee", "ncvhis", "generic")

# NCSBE absentee_*.csv (comma-separated, quoted, header row): one row per ballot request. The columns we read.
ABSENTEE_SIGNATURE = frozenset({"ncid", "ballot_req_type", "ballot_rtn_status"})
ABSENTEE_COLUMNS = ("ncid", "election_dt", "ballot_req_type", "ballot_req_dt", "ballot_send_dt", "ballot_rtn_dt",
                    "ballot_rtn_status")
# NCSBE ncvhis (tab-delimited, header row): one row per voter per election voted in.
NCVHIS_SIGNATURE = frozenset({"ncid", "election_lbl", "voting_method"})
NCVHIS_COLUMNS = ("ncid", "election_lbl", "voting_method")

# Generic files: normalised header -> what the column holds.
GENERIC_HEADERS: dict[str, str] = {
    **dict.fromkeys(("ncid", "voter id", "voterid", "state voter id", "voter id number", "sos voterid", "vuid",
                     "voter reg num", "registration number", "reg num", "id", "voter number"), "voter_id"),
    **dict.fromkeys(("date", "voted", "voted date", "vote date", "date voted", "voted on", "ballot rtn dt",
                     "return date", "returned", "ballot returned", "date returned", "ballot received"), "date"),
    **dict.fromkeys(("method", "vote method", "voting method", "vote type", "voted method", "how voted",
                     "ballot type", "ballot req type"), "method"),
    **dict.fromkeys(("election", "election date", "election dt", "election lbl", "election day"), "election"),
    **dict.fromkeys(("status", "ballot status", "ballot rtn status", "return status"), "status"),
}


class VotedFileError(Exception):
    """The file cannot be imported at all; the message names the file and the reason, for people."""


def guess_layout(headers: list[str]) -> str:
    lowered = {h.strip().lower() for h in headers}
    if lowered >= ABSENTEE_SIGNATURE:
        return "nc-absentee"
    if lowered >= NCVHIS_SIGNATURE:
        return "ncvhis"
    return "generic"


def column_map(layout: str, headers: list[str]) -> dict[str, int]:
    """What -> column index: for NC layouts their column names, for generic files voter_id, date, method,
    election, status (those found). Raises VotedFileError when a layout's required columns are missing."""
    index = {h.strip().lower(): i for i, h in enumerate(headers)}
    if layout in ("nc-absentee", "ncvhis"):
        needed = ABSENTEE_COLUMNS if layout == "nc-absentee" else NCVHIS_COLUMNS
        required = ABSENTEE_SIGNATURE if layout == "nc-absentee" else NCVHIS_SIGNATURE
        missing = sorted(required - index.keys())
        if missing:
            raise VotedFileError(f"not an {layout} file: the header lacks {', '.join(missing)}")
        return {c: index[c] for c in needed if c in index}
    found: dict[str, int] = {}
    for i, h in enumerate(headers):
        what = GENERIC_HEADERS.get(normalize_header(h))
        if what is None and guess_field(h) in ("state_voter_id", "registration_number"):
            what = "voter_id"
        if what is not None and what not in found:
            found[what] = i
    if "voter_id" not in found:
        shown = ", ".join(headers[:12]) + (", ..." if len(headers) > 12 else "")
        raise VotedFileError(f"no voter id column among the headers ({shown}): name it \u201cvoter_id\u201d or "
                             "\u201cncid\u201d")
    return found
