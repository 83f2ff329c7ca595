"""What a voted file's words mean: ballot return statuses in plain words, vote methods, dates, election day."""

from __future__ import annotations

import datetime as dt
import functools

from canvass_formats import QT_TRANSLATE_NOOP

# A mail ballot's status as stored: requested and not back yet, accepted, or else the state's own status word
# (upper case), which is a problem the voter can often fix ("cure") before the deadline.
BALLOT_REQUESTED = "requested"
BALLOT_ACCEPTED = "accepted"

# NCSBE ballot_rtn_status values other than ACCEPTED, in plain words for the volunteer who calls the voter.
PROBLEMS: dict[str, str] = {
    "WITNESS INFO INCOMPLETE": QT_TRANSLATE_NOOP(
        "Cure", "The witness's information on the return envelope is incomplete."),
    "WITNESS OR ASSISTANT SIGNATURE MISSING": QT_TRANSLATE_NOOP(
        "Cure", "The witness's or assistant's signature is missing on the return envelope."),
    "WITNESS OR ASSISTANT ADDRESS MISSING": QT_TRANSLATE_NOOP(
        "Cure", "The witness's or assistant's address is missing on the return envelope."),
    "ASSISTANT INFO INCOMPLETE": QT_TRANSLATE_NOOP(
        "Cure", "The assistant's information on the return envelope is incomplete."),
    "VOTER SIGNATURE MISSING": QT_TRANSLATE_NOOP("Cure", "The voter did not sign the return envelope."),
    "SIGNATURE DIFFERENT": QT_TRANSLATE_NOOP(
        "Cure", "The signature on the envelope does not match the one on file."),
    "NOT PROPERLY NOTARIZED": QT_TRANSLATE_NOOP("Cure", "The return envelope was not properly notarized."),
    "PENDING CURE": QT_TRANSLATE_NOOP(
        "Cure", "The ballot has a problem; the county has asked the voter to fix it (cure pending)."),
    "ID REQUIRED": QT_TRANSLATE_NOOP("Cure", "The voter must send a copy of a photo ID for the ballot to count."),
    "ENVELOPE NOT SEALED": QT_TRANSLATE_NOOP("Cure", "The return envelope was not sealed."),
    "BALLOT NOT ENCLOSED": QT_TRANSLATE_NOOP("Cure", "The return envelope came back without the ballot."),
    "WRONG VOTER": QT_TRANSLATE_NOOP("Cure", "The ballot came back in another voter's envelope."),
    "SPOILED": QT_TRANSLATE_NOOP(
        "Cure", "The ballot was spoiled: the voter needs a new ballot, or can vote in person."),
    "RETURNED UNDELIVERABLE": QT_TRANSLATE_NOOP(
        "Cure", "The post office could not deliver the ballot: check the mailing address and request a new one."),
    "CANCELLED": QT_TRANSLATE_NOOP(
        "Cure", "The ballot request was cancelled: the voter can request a new ballot or vote in person."),
    "NOT VOTED": QT_TRANSLATE_NOOP("Cure", "The ballot was not voted: the voter can request a new one or vote in "
                                           "person."),
    "CONFLICT": QT_TRANSLATE_NOOP("Cure", "The county has two ballots for this voter and must sort it out."),
    "E-TRANSMISSION FAILURE": QT_TRANSLATE_NOOP("Cure", "The ballot could not be sent electronically."),
}
REQUESTED_TEXT = QT_TRANSLATE_NOOP("Cure", "Mail ballot requested, not returned yet.")
OTHER_PROBLEM = QT_TRANSLATE_NOOP("Cure", "Returned with the status \u201c{0}\u201d: ask the county board what the "
                                          "voter must do.")

DATE_FORMATS = ("%m/%d/%Y", "%Y-%m-%d", "%Y%m%d", "%m/%d/%y", "%m-%d-%Y", "%Y/%m/%d")


def is_accepted(status: str) -> bool:
    """ACCEPTED and "ACCEPTED - CURED" both count the ballot."""
    return status.startswith("ACCEPTED")


def needs_cure(ballot_status: str | None) -> bool:
    """A mail ballot that is back with a problem (any status but accepted), as stored."""
    return ballot_status not in (None, "", BALLOT_REQUESTED, BALLOT_ACCEPTED)


def problem_text(ballot_status: str) -> str:
    """The untranslated plain words for a stored ballot status (translate them with the context "Cure")."""
    if ballot_status == BALLOT_REQUESTED:
        return REQUESTED_TEXT
    return PROBLEMS.get(ballot_status, OTHER_PROBLEM)


def vote_method(text: str) -> str:
    """A file's voting method in our words: mail, early (in person before election day), election_day,
    provisional or other. NC writes "ABSENTEE BY MAIL", "ABSENTEE ONESTOP", "ABSENTEE CURBSIDE", "IN-PERSON"."""
    t = text.strip().upper().replace("-", " ").replace("_", " ")
    if not t:
        return "other"
    if "ONESTOP" in t or "ONE STOP" in t or "EARLY" in t or t in ("EV", "ABSENTEE CURBSIDE"):
        return "early"
    if "MAIL" in t or t in ("MB", "A", "ABSENTEE", "ABS", "VBM"):
        return "mail"
    if "PROVISIONAL" in t or t == "PV":
        return "provisional"
    if "PERSON" in t or "ELECTION DAY" in t or "POLL" in t or "CURBSIDE" in t or t in ("PP", "E", "ED", "ELECTION"):
        return "election_day"
    return "other"


def did_not_vote(method_text: str) -> bool:
    """ncvhis-style rows that record an eligible voter who did not vote."""
    t = method_text.strip().upper()
    return "DID NOT VOTE" in t or t in ("NOT VOTED", "NO VOTE")


def parse_date(text: str) -> dt.date | None:
    """A date in any of the formats state files use; None when blank; ValueError when it is not a date."""
    text = text.strip()
    if not text:
        return None
    text = text.split(" ")[0]  # "11/03/2026 GENERAL", "2026-10-21 00:00:00"
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


@functools.lru_cache(maxsize=4096)
def iso_date(text: str) -> str | None:
    """parse_date as ISO text ("2026-10-21"), remembered: a file has a few hundred distinct dates in a million rows,
    and strptime is most of a row's cost."""
    day = parse_date(text)
    return day.isoformat() if day else None


def general_election_day(year: int) -> dt.date:
    """The Tuesday after the first Monday in November: the election a file means when it names none."""
    first = dt.date(year, 11, 1)
    monday = first + dt.timedelta(days=(0 - first.weekday()) % 7)
    return monday + dt.timedelta(days=1)
