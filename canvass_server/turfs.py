"""Turfs that travel: a county lead's cut (turf_cut), hand-outs and returns (turf_assign), deletions (turf_delete),
and which voters a member may reach through the turfs they hold or have held."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from canvass_protocol import wire
from canvass_server.authz import Caller
from canvass_server.outcome import Outcome

Item = tuple[wire.Op, Any]


def apply_turf_ops(session: Session, caller: Caller, cuts: list[Item], assigns: list[Item], deletes: list[Item],
                   out: Outcome) -> None:
    """TODO(issue 14): apply cuts, then assignments, then deletions, in seq order within each."""
    for op, _ in [*cuts, *assigns, *deletes]:
        out.reject(op, wire.OpRejection.UNKNOWN_OP_TYPE, "not implemented yet")


def voters_ever_held(session: Session, member_id: int, voter_ids: set[int]) -> set[int]:
    """Of `voter_ids`, those on a turf the member holds or has held. TODO(issue 14)."""
    return set()
