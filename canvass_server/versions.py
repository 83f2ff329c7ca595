"""Per-scope change versions: one bump per scope per transaction; the counter row lock orders commits."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from canvass_server.models import ChangeCounter


def insert_ignore(session: Session, table: Any) -> Any:
    """An INSERT that skips rows whose unique keys exist (ON CONFLICT DO NOTHING) on either database."""
    dialect = session.get_bind().dialect.name
    stmt = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    return stmt.on_conflict_do_nothing()


def bump(session: Session, scope_key: str) -> int:
    """The version every row this transaction changes in `scope_key` gets (the same for the whole transaction).

    The UPDATE holds the counter row's lock until commit, so a reader that sees version N has also seen every
    version below N: cursors never skip a row committed late.
    """
    cache: dict[str, int] = session.info.setdefault("versions", {})
    if scope_key in cache:
        return cache[scope_key]
    table = cast(Table, ChangeCounter.__table__)
    upsert = postgresql.insert(table) if session.get_bind().dialect.name == "postgresql" else sqlite.insert(table)
    value = session.execute(  # one statement: the first change of a scope creates its counter at 1
        upsert.values(scope_key=scope_key, value=1, epoch=1)
        .on_conflict_do_update(index_elements=[table.c.scope_key], set_={"value": table.c.value + 1})
        .returning(table.c.value)
    ).scalar_one()
    cache[scope_key] = value
    return value


def current(session: Session, scope_key: str) -> tuple[int, int]:
    """(epoch, value) of a scope; (1, 0) when nothing was ever written in it."""
    row = session.execute(
        select(ChangeCounter.epoch, ChangeCounter.value).where(ChangeCounter.scope_key == scope_key)
    ).first()
    return (row[0], row[1]) if row else (1, 0)
