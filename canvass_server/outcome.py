"""What applying one batch's ops decided, op by op; and the one way to ask the database about many ids at once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import BigInteger, String, any_
from sqlalchemy import cast as cast_
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from canvass_protocol import wire

CHUNK = 900  # stays under SQLite's bound-parameter limit


@dataclass
class Outcome:
    results: dict[str, wire.OpResult] = field(default_factory=dict)

    def reject(self, op: wire.Op, code: wire.OpRejection, reason: str) -> None:
        self.results[op.op_id] = wire.OpResult(op_id=op.op_id, seq=op.seq, status="rejected", code=code,
                                               reason=reason)

    def ok(self, op: wire.Op, status: str = "applied") -> None:
        self.results[op.op_id] = wire.OpResult(op_id=op.op_id, seq=op.seq, status=status)  # type: ignore[arg-type]


def chunks(values: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(values), CHUNK):
        yield values[i : i + CHUNK]


def among(session: Session, column: Any, values: list[str] | list[int]) -> Iterable[Any]:
    """`column IN values`: on PostgreSQL one array parameter (no long query text to parse), else chunked IN;
    nothing for no values (an empty array's type cannot be told from its values)."""
    if not values:
        return
    if session.get_bind().dialect.name == "postgresql":
        kind = BigInteger if isinstance(values[0], int) else String
        yield column == any_(cast_(values, ARRAY(kind)))
        return
    for chunk in chunks(values):
        yield column.in_(chunk)
