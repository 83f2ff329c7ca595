"""GET /v1/ballots/{id}/receipts: after close, every receipt under the choice it was cast for (no names)."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from canvass_protocol import wire
from canvass_server import ballots as service
from canvass_server.api.deps import ERRORS, CallerDep, RowId, SessionDep
from canvass_server.errors import ApiError
from canvass_server.models import Ballot

router = APIRouter(tags=["ballots"], responses=ERRORS)


@router.get("/v1/ballots/{ballot_id}/receipts", response_model=wire.BallotReceipts)
def ballot_receipts(ballot_id: RowId, session: SessionDep, caller: CallerDep) -> wire.BallotReceipts:
    """404 for a ballot that does not cover the caller's county (or district); 409 `ballot_open` until it closes."""
    ballot = session.scalar(select(Ballot).where(Ballot.id == ballot_id, service.covers(caller)))
    if ballot is None:
        raise ApiError(404, wire.ErrorCode.NOT_FOUND, f"No ballot {ballot_id} covers this device's county.")
    try:
        return service.receipts(session, ballot)
    except service.BallotError as exc:
        raise ApiError(409, wire.ErrorCode.BALLOT_OPEN, str(exc),
                       detail={"closes_at": ballot.closes_at.isoformat()}) from exc
