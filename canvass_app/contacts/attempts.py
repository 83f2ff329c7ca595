"""Logging door results: one contact row and its outbox op per call, undo by correcting entry, current results.

What a correction means. Contact rows are append-only. A row whose `corrects_id` is set is a *retraction* of the
row it points at (undo): it carries a copy of that row's result code (the column is required) but is never a
result itself. A row is *effective* when no row corrects it and it corrects nothing. A voter's *current result*
is their latest effective row (by `created_at`, then id: ids are UUIDv7, so time-ordered). To change a result,
undo it and log the new one. To change the answers given with a result (support, survey, note), `amend_contact`
writes both at once: the retraction of the old row and a new row with the same result and the corrected answers,
which supersedes it. The server applies the same rule to the rows it receives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, select
from sqlalchemy.orm import Session, aliased
from uuid6 import uuid7

from canvass_app.store import outbox
from canvass_app.store.models import ContactAttempt, County, Household, ResultCode, Turf, Voter, utcnow
from canvass_app.turfs.walk_order import eligible_voter
from canvass_protocol.wire import NOTE_MAX

SOURCES = ("walk", "cli", "paper")
# Results that also change the voter record (and tell the server with a voter_correction op).
VOTER_FLAGS = {"DNC": "do_not_contact", "D": "deceased"}


class ContactError(Exception):
    """A contact that cannot be logged or undone; the message is for people. Nothing was written."""


@dataclass(frozen=True)
class Survey:
    """The standard survey's answers for one voter at the door; every field optional."""

    support: int | None = None
    top_issue: str | None = None
    volunteer_interest: bool | None = None
    preferred_language: str | None = None
    needs_ride: bool | None = None
    answers: dict[str, Any] | None = None  # further survey questions, by question key

    def columns(self, note: str | None) -> dict[str, Any]:
        """The contact row's columns for these answers and a note, checked first (ContactError when wrong)."""
        self.check()
        if note is not None and len(note) > NOTE_MAX:
            raise ContactError(f"The note is longer than {NOTE_MAX} characters.")
        return {"support": self.support, "top_issue": self.top_issue, "volunteer_interest": self.volunteer_interest,
                "preferred_language": self.preferred_language, "needs_ride": self.needs_ride,
                "answers": self.answers or None, "note": note or None}

    def check(self) -> None:
        if self.support is not None and not 1 <= self.support <= 5:
            raise ContactError(f"Support must be 1 to 5, not {self.support}.")
        if self.top_issue is not None and len(self.top_issue) > 40:
            raise ContactError("The top issue must be at most 40 characters.")
        if self.preferred_language is not None and len(self.preferred_language) > 10:
            raise ContactError("The preferred language must be a short code such as 'en' or 'es'.")


@dataclass(frozen=True)
class Undone:
    """What an undo retracted: the retracted contact, the correcting row, and whose door it was."""

    contact_id: str
    correction_id: str
    voter_id: int
    household_id: int | None
    result: str


def _result_codes(session: Session) -> list[ResultCode]:
    return list(session.scalars(select(ResultCode).order_by(ResultCode.sort_order)))


def resolve_result(session: Session, code: str) -> ResultCode:
    """The result code named by its abbreviation or its name, in any case ("nh", "Not Home")."""
    wanted = " ".join(code.split()).casefold()
    codes = _result_codes(session)
    for rc in codes:
        if wanted in (rc.code.casefold(), rc.name.casefold()):
            return rc
    known = ", ".join(f"{rc.code} ({rc.name})" for rc in codes)
    raise ContactError(f"Unknown result code {code!r}; use one of {known}.")


def find_voter(session: Session, state_voter_id: str) -> Voter:
    """The voter with this state voter id (any county; it must be unambiguous)."""
    found = session.scalars(select(Voter).where(Voter.state_voter_id == state_voter_id.strip())).all()
    if not found:
        raise ContactError(f"There is no voter with id {state_voter_id!r} in the store.")
    if len(found) > 1:
        raise ContactError(f"{len(found)} voters in different counties have id {state_voter_id!r}.")
    return found[0]


def _county_ref(session: Session, county_id: int) -> dict[str, str]:
    county = session.get(County, county_id)
    assert county is not None
    return {"name": county.name, "state": county.state}


def _aware(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _iso(when: dt.datetime) -> str:
    return _aware(when).isoformat()


def _payload(session: Session, row: ContactAttempt, voter: Voter, code: str) -> dict[str, Any]:
    list_number = session.scalar(select(Turf.list_number).where(Turf.id == row.turf_id)) if row.turf_id else None
    return {
        "id": row.id, "county": _county_ref(session, voter.county_id), "state_voter_id": voter.state_voter_id,
        "result": code, "support": row.support, "top_issue": row.top_issue,
        "volunteer_interest": row.volunteer_interest, "preferred_language": row.preferred_language,
        "needs_ride": row.needs_ride, "answers": row.answers, "note": row.note, "list_number": list_number,
        "corrects_id": row.corrects_id, "source": row.source, "created_at": _iso(row.created_at),
    }


def _set_voter_flag(session: Session, voter: Voter, field: str, value: bool) -> None:
    if getattr(voter, field) == value:
        return
    setattr(voter, field, value)
    outbox.enqueue(session, "voter_correction", {
        "county": _county_ref(session, voter.county_id), "state_voter_id": voter.state_voter_id,
        "fields": {field: value},
    })


def log_contact(
    session: Session,
    voter_id: int,
    result: str,
    survey: Survey | None = None,
    *,
    note: str | None = None,
    canvasser: str | None = None,
    turf_id: int | None = None,
    source: str = "walk",
    at: dt.datetime | None = None,
) -> str:
    """Write one contact and its `contact_attempt` outbox op in the caller's transaction; returns the contact id.

    `result` is an abbreviation or a name, any case. `canvasser` is the signed-in person's name (sync.whoami), kept
    on the local row only: no op names a person, the server records the sending device's member. `turf_id`
    defaults to the turf of the voter's household.
    Do Not Contact and Deceased also mark the voter and enqueue a `voter_correction`. Voters already marked Do
    Not Contact or Deceased are refused. The caller's unit of work commits; confirm to people only after it has.
    """
    answers = (survey or Survey()).columns(note)
    if source not in SOURCES:
        raise ContactError(f"Unknown contact source {source!r}.")
    rc = resolve_result(session, result)
    voter = session.get(Voter, voter_id)
    if voter is None:
        raise ContactError(f"There is no voter #{voter_id}.")
    if voter.do_not_contact or voter.deceased:
        mark = "Do Not Contact" if voter.do_not_contact else "Deceased"
        raise ContactError(f"{voter.full_name} ({voter.state_voter_id}) is marked {mark}; no contact is logged.")
    if turf_id is None and voter.household_id is not None:
        turf_id = session.scalar(select(Household.turf_id).where(Household.id == voter.household_id))
    row = ContactAttempt(
        id=str(uuid7()), voter_id=voter.id, household_id=voter.household_id, turf_id=turf_id,
        result_code_id=rc.id, **answers, canvasser=canvasser, source=source, created_at=at or utcnow(),
    )
    session.add(row)
    session.flush()
    outbox.enqueue(session, "contact_attempt", _payload(session, row, voter, rc.code))
    if rc.code in VOTER_FLAGS:
        _set_voter_flag(session, voter, VOTER_FLAGS[rc.code], True)
    return row.id


def log_household(
    session: Session,
    household_id: int,
    result: str = "NH",
    *,
    canvasser: str | None = None,
    turf_id: int | None = None,
    source: str = "walk",
    since: dt.datetime | None = None,
    details: Mapping[int, tuple[Survey, str | None]] | None = None,
) -> list[str]:
    """The same result (by default Not Home) for every knockable voter at the door not yet logged; the new ids.

    *Already logged* is decided on the effective current result (undone and amended rows do not count): a voter is
    left alone when their current result was written at or after `since` (the page passes the moment the turf was
    opened, so "Nobody home" after someone answered never overwrites them), or when it is final (Moved, Hostile,
    Wrong address ...: not to be knocked again) whenever it was written. Without `since` any current result counts.
    `details` gives answers and a note already typed for some of them ({voter id: (survey, note)}), kept on their
    rows. Raises ContactError, writing nothing, when nobody is left to log.
    """
    voters = session.scalars(
        select(Voter.id).where(Voter.household_id == household_id, eligible_voter()).order_by(Voter.id)
    ).all()
    if not voters:
        raise ContactError("Nobody at this door can be knocked (Do Not Contact, deceased or inactive).")
    current = current_results(session, voters)

    def logged(vid: int) -> bool:
        cur = current.get(vid)
        return cur is not None and (cur.final or since is None or _aware(cur.at) >= _aware(since))

    open_ = [vid for vid in voters if not logged(vid)]
    if not open_:
        raise ContactError("Everyone at this door already has a result; nothing was logged.")
    at = utcnow()
    details = details or {}
    out = []
    for vid in open_:
        survey, note = details.get(vid, (None, None))
        out.append(log_contact(session, vid, result, survey, note=note, canvasser=canvasser, turf_id=turf_id,
                               source=source, at=at))
    return out


# what counts -------------------------------------------------------------------------------------------------

def effective() -> ColumnElement[bool]:
    """SQL condition for a contact row that is a result: not a retraction, and not retracted.

    `corrects_id IS NULL` is kept off ix_contact_corrects (the `|| ''`): nearly every row has no correction, so
    SQLite must find a voter's rows by ix_contact_voter_time rather than scan every uncorrected row.
    """
    later = aliased(ContactAttempt)
    return and_(ContactAttempt.corrects_id.concat("").is_(None),
                ~exists().where(later.corrects_id == ContactAttempt.id))


def current_contacts() -> Select[Any]:
    """A subquery-ready select of every voter's current contact: columns of contact_attempt plus `code`."""
    ranked = (
        select(
            ContactAttempt.id, ContactAttempt.voter_id, ContactAttempt.result_code_id, ContactAttempt.support,
            ContactAttempt.created_at,
            func.row_number().over(
                partition_by=ContactAttempt.voter_id,
                order_by=(ContactAttempt.created_at.desc(), ContactAttempt.id.desc()),
            ).label("rank"),
        )
        .where(effective())
        .subquery("ranked")
    )
    return (
        select(ranked.c.id, ranked.c.voter_id, ranked.c.result_code_id, ranked.c.support, ranked.c.created_at,
               ResultCode.code)
        .join(ResultCode, ResultCode.id == ranked.c.result_code_id)
        .where(ranked.c.rank == 1)
    )


@dataclass(frozen=True)
class Current:
    """A voter's current result."""

    contact_id: str
    code: str
    name: str
    support: int | None
    final: bool
    at: dt.datetime


def current_results(session: Session, voter_ids: Iterable[int]) -> dict[int, Current]:
    """The current result of each voter that has one (voters with none are absent)."""
    ids = list(set(voter_ids))
    out: dict[int, Current] = {}
    for i in range(0, len(ids), 900):
        rows = session.execute(
            select(ContactAttempt, ResultCode)
            .join(ResultCode, ResultCode.id == ContactAttempt.result_code_id)
            .where(ContactAttempt.voter_id.in_(ids[i:i + 900]), effective())
            .order_by(ContactAttempt.created_at, ContactAttempt.id)
        ).all()
        for ca, rc in rows:  # ascending: the last one seen per voter wins
            out[ca.voter_id] = Current(contact_id=ca.id, code=rc.code, name=rc.name, support=ca.support,
                                       final=rc.final, at=ca.created_at)
    return out


def _retracted(session: Session, row: ContactAttempt) -> bool:
    return session.scalar(select(ContactAttempt.id).where(ContactAttempt.corrects_id == row.id)) is not None


def _voter_and_code(session: Session, row: ContactAttempt) -> tuple[Voter, ResultCode]:
    voter = session.get(Voter, row.voter_id)
    rc = session.get(ResultCode, row.result_code_id)
    assert voter is not None
    assert rc is not None
    return voter, rc


def _add(session: Session, row: ContactAttempt, voter: Voter, rc: ResultCode, **columns: Any) -> ContactAttempt:
    """A new row about the same knock as `row` (voter, door, turf, result, source), written with its outbox op."""
    new = ContactAttempt(id=str(uuid7()), voter_id=row.voter_id, household_id=row.household_id, turf_id=row.turf_id,
                         result_code_id=row.result_code_id, source=row.source, **columns)
    session.add(new)
    session.flush()
    outbox.enqueue(session, "contact_attempt", _payload(session, new, voter, rc.code))
    return new


# undo --------------------------------------------------------------------------------------------------------

def undo_contact(session: Session, contact_id: str, *, canvasser: str | None = None) -> Undone:
    """Retract one contact with a correcting entry (never a deletion), and its Do Not Contact/Deceased mark.

    The voter's flag is cleared again only when no other effective contact still sets it.
    """
    row = session.get(ContactAttempt, contact_id)
    if row is None:
        raise ContactError(f"There is no contact {contact_id!r}.")
    if row.corrects_id is not None:
        raise ContactError("That entry is itself an undo; log the result again instead.")
    if _retracted(session, row):
        raise ContactError("That contact was already undone.")
    voter, rc = _voter_and_code(session, row)
    fix = _add(session, row, voter, rc, canvasser=canvasser or row.canvasser, corrects_id=row.id,
               created_at=utcnow())
    if rc.code in VOTER_FLAGS:
        still = session.scalar(
            select(func.count()).select_from(ContactAttempt)
            .join(ResultCode, ResultCode.id == ContactAttempt.result_code_id)
            .where(ContactAttempt.voter_id == voter.id, ResultCode.code == rc.code, effective())
        )
        if not still:
            _set_voter_flag(session, voter, VOTER_FLAGS[rc.code], False)
    return Undone(contact_id=row.id, correction_id=fix.id, voter_id=row.voter_id, household_id=row.household_id,
                  result=rc.code)


def undo_last(session: Session, *, canvasser: str | None = None, turf_id: int | None = None,
              source: str | None = None) -> Undone | None:
    """Retract the latest effective contact (of this canvasser, turf and source when given); None when none."""
    query = select(ContactAttempt.id).where(effective())
    if canvasser is not None:
        query = query.where(ContactAttempt.canvasser == canvasser)
    if turf_id is not None:
        query = query.where(ContactAttempt.turf_id == turf_id)
    if source is not None:
        query = query.where(ContactAttempt.source == source)
    last = session.scalar(query.order_by(ContactAttempt.created_at.desc(), ContactAttempt.id.desc()).limit(1))
    return None if last is None else undo_contact(session, last, canvasser=canvasser)


def undo_contacts(session: Session, contact_ids: Sequence[str], *, canvasser: str | None = None) -> list[Undone]:
    """Retract several contacts at once (a whole-household result is undone as one action)."""
    return [undo_contact(session, cid, canvasser=canvasser) for cid in contact_ids]


# corrections of the answers --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Amended:
    """An amendment: the row it superseded, the retraction of that row and the new row now in force."""

    replaced_id: str
    correction_id: str
    contact_id: str


def amend_contact(session: Session, contact_id: str, survey: Survey | None = None, *, note: str | None = None,
                  canvasser: str | None = None) -> Amended:
    """Replace the answers (survey, support, note) given with a contact, keeping its result; nothing is overwritten.

    Writes, in the caller's transaction, a retraction of `contact_id` (a row pointing at it) and a new row with the
    same voter, result, turf, source and time of the knock carrying the full new answers, each with its
    `contact_attempt` outbox op. The new row is the voter's result from then on; undoing it leaves no result (as
    undoing the original would have). The result's marks on the voter (Do Not Contact, Deceased) are unchanged.
    Only an effective contact can be amended.
    """
    answers = (survey or Survey()).columns(note)
    row = session.get(ContactAttempt, contact_id)
    if row is None:
        raise ContactError(f"There is no contact {contact_id!r}.")
    if row.corrects_id is not None or _retracted(session, row):
        raise ContactError("That contact was undone or already corrected; log the result again instead.")
    voter, rc = _voter_and_code(session, row)
    who = canvasser or row.canvasser
    fix = _add(session, row, voter, rc, canvasser=who, corrects_id=row.id, created_at=utcnow())
    new = _add(session, row, voter, rc, **answers, canvasser=who, created_at=row.created_at)
    return Amended(replaced_id=row.id, correction_id=fix.id, contact_id=new.id)
