"""The console's rollups off the push's hot path: a push queues the ids of the contact rows it writes
(`rollup_pending`, in its own transaction), and a drain counts what is queued, many batches at once, with
`rollups.contacts_added` over the union of their rows, deleting from the queue what it counts in the same
transaction.

Who drains: a background task in every server process (`keep_draining`, every CANVASS_ROLLUP_DRAIN_SECONDS, up to
8x that while little is queued: `next_wait`), or, with that setting 0 in the nodes, one `canvass-server drain`
process for the deployment (the same loop, off the nodes' interpreters), and every reader of the rollups before
it reads (the console's pages, `canvass-server stats`: `drain_all`), so what a lead sees is exact. On SQLite,
ingest drains at the end of each push's transaction (one writer at a time anyway).

Exactly once: a drain holds the rollups' lock (`rollups.hold`: a PostgreSQL advisory lock, to commit), so drains
run one at a time over the whole database (a correction may name a row of another county), and a row leaves the
queue in the transaction that counts it. Pushes go on committing meanwhile; their rows are queued, and every query
of the rollups leaves queued rows out (`rollups.counted`), so a drain counts exactly the rows it took off the queue
against exactly the rows counted before it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session

from canvass_server import rollups
from canvass_server.db import Database
from canvass_server.models import ContactAttempt
from canvass_server.outcome import among
from canvass_server.rollup_models import RollupPending

log = logging.getLogger(__name__)
DRAIN_LIMIT = 5000  # contact rows a drain counts in one transaction (~250 pushes of 20 ops)
DRAIN_BATCH = 500  # rows below which the background drain waits longer next time (next_wait)
BACKOFF = 8  # the background drain's longest pause, in CANVASS_ROLLUP_DRAIN_SECONDS
_QUEUE: Table = RollupPending.__table__  # type: ignore[assignment]
_ROWS = select(*rollups.COLUMNS, ContactAttempt.corrects_id)


def enqueue(session: Session, contact_ids: Sequence[str]) -> None:
    """Queue contact rows written in this transaction for the rollups (the fast path queues its rows in its
    recording statement, canvass_server.record)."""
    if contact_ids:
        session.execute(insert(_QUEUE), [{"contact_id": i} for i in contact_ids])


def drain(session: Session, *, limit: int | None = DRAIN_LIMIT, upto: int | None = None) -> int:
    """Count the oldest queued rows (at most `limit`; of those queued as `upto` or before, if given) in the
    caller's transaction, which holds `rollups.hold()`; returns how many."""
    oldest = select(_QUEUE.c.seq).order_by(_QUEUE.c.seq)
    if upto is not None:
        oldest = oldest.where(_QUEUE.c.seq <= upto)
    if limit is not None:
        oldest = oldest.limit(limit)
    ids = list(session.scalars(delete(_QUEUE).where(_QUEUE.c.seq.in_(oldest.scalar_subquery()))
                               .returning(_QUEUE.c.contact_id)))
    rows: list[Any] = []
    for where in among(session, ContactAttempt.id, sorted(ids)):
        rows += session.execute(_ROWS.where(where)).mappings().all()
    rollups.contacts_added(session, rows)
    return len(ids)


_NEWEST = select(func.max(_QUEUE.c.seq))


def newest(database: Database) -> int | None:
    """The newest queued row's seq, None when nothing is queued. On PostgreSQL one statement outside any
    transaction (no BEGIN or COMMIT): what an idle drain costs."""
    if not database.is_postgres:  # SQLite: every connection's BEGIN takes the write lock (db.py); keep to one
        with database.session() as session:
            return session.scalar(_NEWEST)
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        return conn.scalar(_NEWEST)


def drain_all(database: Database, *, wait: bool = True) -> int:
    """Count every row queued when called, in transactions of DRAIN_LIMIT rows at most; returns how many. While
    another drain runs: wait for it, or (wait=False, the background task) leave it the work and return."""
    upto = newest(database)
    if upto is None:  # nothing queued: every row committed so far is counted (and committed)
        return 0
    counted = 0
    while True:
        with database.session() as session:
            if not rollups.hold(session, wait=wait):
                return counted
            n = drain(session, upto=upto)
        counted += n
        if n < DRAIN_LIMIT:
            return counted


def next_wait(wait: float, counted: int, every: float) -> float:
    """The background drain's next pause after one that counted `counted` rows: `every` while drains find
    DRAIN_BATCH rows or more, else twice the last pause, up to BACKOFF times `every`. A drain's fixed cost (its
    lock and some twenty statements, however few rows) is so shared by at least ~DRAIN_BATCH rows when pushes are
    few, and an idle server drains (one statement) every BACKOFF * `every` seconds; readers drain before they
    read, so what they see is exact whatever the pause."""
    return every if counted >= DRAIN_BATCH else min(wait * 2, every * BACKOFF)


async def keep_draining(database: Database, every: float, stop: asyncio.Event) -> None:
    """A server process's background drain: every `every` seconds at most (`next_wait`) until `stop` is set (a
    drain under way finishes first)."""
    failing = False
    wait = every
    while True:
        try:
            await asyncio.wait_for(stop.wait(), wait)
            return
        except TimeoutError:
            pass
        try:
            counted = await asyncio.to_thread(drain_all, database, wait=False)
            wait = next_wait(wait, counted, every)
            failing = False
        except Exception:  # the database away, say: the next round tries again, and readers drain anyway
            if not failing:  # once, not four times a second
                log.exception("counting the queued contacts into the rollups failed (retrying)")
            failing = True
