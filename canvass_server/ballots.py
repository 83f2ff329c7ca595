"""Ballots: a proposed brief put to the active members of a scope; votes, tallies, receipts, adoption."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from canvass_protocol import wire
from canvass_server.authz import Caller
from canvass_server.outcome import Outcome


def apply_votes(session: Session, caller: Caller, items: list[tuple[wire.Op, Any]], out: Outcome) -> None:
    """TODO(issue 14): the caller's member's votes, in seq order."""
    for op, _ in items:
        out.reject(op, wire.OpRejection.UNKNOWN_OP_TYPE, "not implemented yet")
