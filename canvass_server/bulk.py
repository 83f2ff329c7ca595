"""Bulk row writes for ingest: COPY on PostgreSQL (several times faster than a multi-row INSERT), else executemany."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Table, insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session


def write_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows (all with the same keys) in the session's transaction. A row the database refuses raises
    SQLAlchemy's exception for it (IntegrityError, DataError, ...), as INSERT does."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), rows)
        return
    import psycopg
    from psycopg.types.json import Json

    columns = list(rows[0])
    json_cols = {c for c in columns if isinstance(table.c[c].type, JSON)}
    statement = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([Json(row[c]) if c in json_cols and row[c] is not None else row[c] for c in columns])
    except psycopg.Error as exc:  # the raw driver's error, wrapped as SQLAlchemy wraps it for execute()
        raise DBAPIError.instance(statement, None, exc, psycopg.Error, dialect=connection.dialect) from exc
