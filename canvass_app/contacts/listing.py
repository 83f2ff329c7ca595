"""Listing and exporting logged contacts (by voter, by turf list number), a turf's progress figures, and every
turf's in one query."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session, aliased

from canvass_app.contacts.attempts import ContactError, effective
from canvass_app.store.models import ContactAttempt, Household, ResultCode, Turf, Voter, utcnow
from canvass_app.turfs.walk_order import turf_doors
from canvass_protocol.wire import SUPPORTERS


@dataclass(frozen=True)
class ContactRecord:
    """One logged row as people read it; `undone` says a later entry retracted it."""

    id: str
    created_at: str
    state_voter_id: str
    voter: str
    result: str
    result_name: str
    support: int | None
    top_issue: str | None
    volunteer_interest: bool | None
    preferred_language: str | None
    needs_ride: bool | None
    answers: dict[str, Any] | None
    note: str | None
    canvasser: str | None
    list_number: str | None
    source: str
    corrects_id: str | None
    undone: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


CSV_FIELDS = [f.name for f in fields(ContactRecord)]


def _aware(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def list_contacts(session: Session, *, state_voter_id: str | None = None, voter_id: int | None = None,
                  list_number: str | None = None) -> list[ContactRecord]:
    """Every logged row (retractions included, marked), oldest first, narrowed by voter and/or turf."""
    undoer = aliased(ContactAttempt)
    query = (
        select(ContactAttempt, ResultCode, Voter, Turf.list_number, undoer.id)
        .join(ResultCode, ResultCode.id == ContactAttempt.result_code_id)
        .join(Voter, Voter.id == ContactAttempt.voter_id)
        .outerjoin(Turf, Turf.id == ContactAttempt.turf_id)
        .outerjoin(undoer, undoer.corrects_id == ContactAttempt.id)
        .order_by(ContactAttempt.created_at, ContactAttempt.id)
    )
    if state_voter_id is not None:
        if not session.scalar(select(Voter.id).where(Voter.state_voter_id == state_voter_id.strip())):
            raise ContactError(f"There is no voter with id {state_voter_id!r} in the store.")
        query = query.where(Voter.state_voter_id == state_voter_id.strip())
    if voter_id is not None:
        query = query.where(Voter.id == voter_id)
    if list_number is not None:
        number = list_number.strip().upper()
        if not session.scalar(select(Turf.id).where(Turf.list_number == number)):
            raise ContactError(f"There is no turf with list number {list_number!r}.")
        query = query.where(Turf.list_number == number)
    return [
        ContactRecord(
            id=ca.id, created_at=_aware(ca.created_at).isoformat(timespec="seconds"),
            state_voter_id=v.state_voter_id, voter=v.full_name, result=rc.code, result_name=rc.name,
            support=ca.support, top_issue=ca.top_issue, volunteer_interest=ca.volunteer_interest,
            preferred_language=ca.preferred_language, needs_ride=ca.needs_ride, answers=ca.answers,
            note=ca.note, canvasser=ca.canvasser, list_number=number_, source=ca.source,
            corrects_id=ca.corrects_id, undone=undone_by is not None,
        )
        for ca, rc, v, number_, undone_by in session.execute(query)
    ]


def write_csv(records: list[ContactRecord], path: Path) -> None:
    """The records as CSV (UTF-8 with a header row); answers as JSON text."""
    import json

    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for r in records:
            row = r.as_dict()
            row["answers"] = json.dumps(r.answers, ensure_ascii=False) if r.answers else ""
            writer.writerow({k: ("" if v is None else v) for k, v in row.items()})


@dataclass(frozen=True)
class TurfProgress:
    """How far a turf is walked. Attempts are effective logged results; contacts are conversations (results
    that spoke with the voter); rates are per hour over `since` (or the first attempt) until now."""

    doors_total: int
    doors_done: int
    attempts: int
    contacts: int
    first_at: dt.datetime | None
    last_at: dt.datetime | None
    hours: float
    attempts_per_hour: float
    contacts_per_hour: float
    doors_per_hour: float


def turf_progress(session: Session, turf_id: int, *, since: dt.datetime | None = None,
                  now: dt.datetime | None = None) -> TurfProgress:
    """Doors done of total (a door is done once any voter there has a current result on this turf) and rates."""
    doors = turf_doors(session, turf_id)
    door_ids = {d.household_id for d in doors}
    on_turf = [ContactAttempt.turf_id == turf_id, effective()]
    done = set(session.scalars(select(ContactAttempt.household_id).distinct().where(*on_turf)))
    window = list(on_turf)
    if since is not None:
        window.append(ContactAttempt.created_at >= since)
    attempts, contacts, first, last, doors_window = session.execute(
        select(func.count(), func.count().filter(ResultCode.is_contact.is_(True)), func.min(ContactAttempt.created_at),
               func.max(ContactAttempt.created_at), func.count(distinct(ContactAttempt.household_id)))
        .join(ResultCode, ResultCode.id == ContactAttempt.result_code_id)
        .where(*window)
    ).one()
    start = since or first
    now = now or utcnow()
    hours = max((_aware(now) - _aware(start)).total_seconds() / 3600, 1 / 60) if start else 0.0

    def rate(n: int) -> float:
        return round(n / hours, 1) if hours else 0.0

    return TurfProgress(
        doors_total=len(door_ids), doors_done=len(done & door_ids), attempts=attempts, contacts=contacts,
        first_at=first, last_at=last, hours=round(hours, 3), attempts_per_hour=rate(attempts),
        contacts_per_hour=rate(contacts), doors_per_hour=rate(doors_window),
    )


@dataclass(frozen=True)
class TurfFigures:
    """A turf's walk so far, counted from effective results logged on it: doors knocked (of the turf's doors
    now), people contacted (spoken with), and supporters (people whose latest stated support is 1 or 2:
    strong or lean support)."""

    knocked: int = 0
    contacted: int = 0
    supporters: int = 0


def turfs_figures(session: Session, *, county_id: int | None = None) -> dict[int, TurfFigures]:
    """Every turf's figures (of one county, if given), keyed by turf id, in one query; a turf not walked yet has
    zeros."""
    on_turf = [ContactAttempt.turf_id.is_not(None), effective()]
    walked = (
        select(ContactAttempt.turf_id,
               func.count(distinct(ContactAttempt.household_id)).label("knocked"),
               func.count(distinct(ContactAttempt.voter_id)).filter(ResultCode.is_contact.is_(True))
               .label("contacted"))
        .join(ResultCode, ResultCode.id == ContactAttempt.result_code_id)
        .join(Household, Household.id == ContactAttempt.household_id)
        .where(*on_turf, Household.turf_id == ContactAttempt.turf_id)  # doors still in the turf
        .group_by(ContactAttempt.turf_id)
        .subquery("walked")
    )
    stated = (
        select(ContactAttempt.turf_id, ContactAttempt.support,
               func.row_number().over(partition_by=ContactAttempt.voter_id,
                                      order_by=(ContactAttempt.created_at.desc(), ContactAttempt.id.desc()))
               .label("rank"))
        .where(*on_turf, ContactAttempt.support.is_not(None))
        .subquery("stated")
    )
    supporters = (
        select(stated.c.turf_id, func.count().label("supporters"))
        .where(stated.c.rank == 1, stated.c.support.between(*SUPPORTERS))
        .group_by(stated.c.turf_id)
        .subquery("supporters")
    )
    query = (
        select(Turf.id, func.coalesce(walked.c.knocked, 0), func.coalesce(walked.c.contacted, 0),
               func.coalesce(supporters.c.supporters, 0))
        .outerjoin(walked, walked.c.turf_id == Turf.id)
        .outerjoin(supporters, supporters.c.turf_id == Turf.id)
    )
    if county_id is not None:
        query = query.where(Turf.county_id == county_id)
    return {tid: TurfFigures(knocked, contacted, backers)
            for tid, knocked, contacted, backers in session.execute(query)}
