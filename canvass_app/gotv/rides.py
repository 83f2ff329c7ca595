"""Rides to the polls: a canvasser records a request at the door (when, from where, how many, a phone to call); it
is stored here and queued as a `ride_request` op. A county lead's device pulls every request of the county (scope
`rides`) and marks them arranged, done or cancelled (`ride_update` ops; the server refuses them from anyone else).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canvass_app.store import outbox
from canvass_app.store.models import County, RideRequest, Voter, full_name, utcnow
from canvass_protocol import wire

STATUSES = wire.RIDE_STATUSES
NEXT_STATUSES = {"requested": ("arranged", "cancelled"), "arranged": ("done", "cancelled"), "done": (),
                 "cancelled": ()}
REGION = "US"  # phone numbers typed without a country code are read as this country's


class RideError(ValueError):
    """A ride request or change that cannot be made, with the reason for people."""


@dataclass(frozen=True)
class Ride:
    id: str
    state_voter_id: str
    voter_name: str
    pickup_at: str
    pickup_address: str
    passengers: int
    phone: str
    note: str | None
    status: str
    requested_by: str | None
    updated_by: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _ride(r: RideRequest) -> Ride:
    return Ride(id=r.id, state_voter_id=r.state_voter_id, voter_name=r.voter_name, pickup_at=r.pickup_at,
                pickup_address=r.pickup_address, passengers=r.passengers, phone=r.phone, note=r.note,
                status=r.status, requested_by=r.requested_by, updated_by=r.updated_by)


def _county_ref(session: Session, county_id: int) -> dict[str, str]:
    county = session.get(County, county_id)
    assert county is not None
    return {"name": county.name, "state": county.state}


def request_ride(session: Session, voter_id: int, *, pickup_at: dt.datetime, pickup_address: str, passengers: int,
                 phone: str, note: str | None = None, requested_by: str | None = None) -> Ride:
    """Record a ride request for the voter (the store's id) and queue its op, in the caller's transaction.

    `phone` is what was typed; it is checked and kept in E.164 form. Raises RideError with the reason."""
    voter = session.get(Voter, voter_id)
    if voter is None:
        raise RideError(f"There is no voter #{voter_id}.")
    if pickup_at.tzinfo is None:
        raise RideError("The pick-up time needs a time zone.")
    if not 1 <= passengers <= wire.MAX_PASSENGERS:
        raise RideError(f"A ride takes 1 to {wire.MAX_PASSENGERS} people, not {passengers}.")
    address = " ".join(pickup_address.split())
    if not address:
        raise RideError("Say where to pick them up.")
    try:
        e164 = wire.normal_phone(phone.strip(), REGION)
    except ValueError:
        raise RideError(f"{phone.strip() or 'An empty phone'!s} is not a valid phone number.") from None
    row = RideRequest(id=str(uuid.uuid4()), county_id=voter.county_id, state_voter_id=voter.state_voter_id,
                      voter_name=full_name(voter.first_name, voter.middle_name, voter.last_name, voter.suffix),
                      pickup_at=pickup_at.isoformat(timespec="minutes"), pickup_address=address[:200],
                      passengers=passengers, phone=e164, note=(note or "").strip() or None, status="requested",
                      requested_by=requested_by, requested_at=utcnow())
    session.add(row)
    session.flush()
    try:
        outbox.enqueue(session, "ride_request", {
            "id": row.id, "county": _county_ref(session, voter.county_id), "state_voter_id": voter.state_voter_id,
            "pickup_at": row.pickup_at, "pickup_address": row.pickup_address, "passengers": passengers,
            "phone": e164, "note": row.note, "created_at": row.requested_at.isoformat()})
    except outbox.OpPayloadError as exc:
        raise RideError(str(exc)) from exc
    return _ride(row)


def set_ride_status(session: Session, ride_id: str, status: str, *, by: str | None = None) -> Ride:
    """Mark a ride arranged, done or cancelled here and queue the `ride_update` op (county leads only: the server
    refuses it from a canvasser's device)."""
    row = session.get(RideRequest, ride_id)
    if row is None:
        raise RideError(f"There is no ride request {ride_id}.")
    if status not in NEXT_STATUSES.get(row.status, ()):
        raise RideError(f"A ride that is {row.status} cannot be marked {status}.")
    row.status, row.updated_by, row.updated_at = status, by, utcnow()
    outbox.enqueue(session, "ride_update", {"id": row.id, "county": _county_ref(session, row.county_id),
                                            "status": status, "at": row.updated_at.isoformat()})
    return _ride(row)


def list_rides(session: Session, county_id: int | None = None) -> list[Ride]:
    """The rides of a county (or every county), by pick-up time."""
    query = select(RideRequest).order_by(RideRequest.pickup_at, RideRequest.voter_name)
    if county_id is not None:
        query = query.where(RideRequest.county_id == county_id)
    return [_ride(r) for r in session.scalars(query)]


def ride_counts(session: Session, county_id: int | None = None) -> dict[str, int]:
    """{status: rides}, every status present."""
    query = select(RideRequest.status, func.count()).group_by(RideRequest.status)
    if county_id is not None:
        query = query.where(RideRequest.county_id == county_id)
    return dict.fromkeys(STATUSES, 0) | {s: int(n) for s, n in session.execute(query)}


def _when(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def apply_pulled_rides(session: Session, county: County, items: list[dict[str, Any]], refetch: bool) -> int:
    """The server's ride requests (scope `rides`) as upserts by id: the server's status and names win."""
    for item in items:
        row = session.get(RideRequest, item["id"])
        if row is None:
            row = RideRequest(id=item["id"], county_id=county.id)
            session.add(row)
        row.state_voter_id, row.voter_name = item["state_voter_id"], item.get("voter_name") or ""
        row.pickup_at, row.pickup_address = item["pickup_at"], item["pickup_address"]
        row.passengers, row.phone, row.note = int(item.get("passengers") or 1), item["phone"], item.get("note")
        row.status, row.requested_by = item["status"], item.get("requested_by")
        row.requested_at = _when(item.get("requested_at")) or utcnow()
        row.updated_by, row.updated_at = item.get("updated_by"), _when(item.get("updated_at"))
    session.flush()
    return len(items)
