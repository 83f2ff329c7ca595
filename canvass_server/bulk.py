"""Bulk row writes for ingest: COPY on PostgreSQL (several times faster than a multi-row INSERT), else executemany."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Table, insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session


def _copy(connection: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """COPY rows into `table`; a row the database refuses raises SQLAlchemy's exception for it, as INSERT does."""
    import psycopg

    statement = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    except psycopg.Error as exc:  # the raw driver's error, wrapped as SQLAlchemy wraps it for execute()
        raise DBAPIError.instance(statement, None, exc, psycopg.Error, dialect=connection.dialect) from exc


def write_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows (all with the same keys) in the session's transaction. A row the database refuses raises
    SQLAlchemy's exception for it (IntegrityError, DataError, ...), as INSERT does."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), rows)
        return
    from psycopg.types.json import Json

    columns = list(rows[0])
    json_cols = {c for c in columns if isinstance(table.c[c].type, JSON)}
    _copy(connection, table, columns,
          ([Json(row[c]) if c in json_cols and row[c] is not None else row[c] for c in columns] for row in rows))


def write_tuples(session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert rows given as tuples in `columns`' order (no JSON columns), the cheapest way for a big load."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    _copy(connection, table, columns, rows)
