"""The FastAPI application: one router per resource, structured errors, nothing kept between requests."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from canvass_protocol import wire
from canvass_server import rollup_queue
from canvass_server.api import ballots, batches, changes, devices, enrollment, errors, members, meta
from canvass_server.api.batches import known_tokens
from canvass_server.api.meta import DatabaseCheck, FastHealth
from canvass_server.config import Settings
from canvass_server.db import Database
from canvass_server.keys import ServerKeyPair, load
from canvass_server.limits import BodyLimits, FailedBatches, GuardedHttpToolsProtocol

ROUTERS = (meta.router, enrollment.router, devices.router, members.router, batches.router, changes.router,
           ballots.router)


def create_app(settings: Settings | None = None, key: ServerKeyPair | None = None) -> FastAPI:
    """One app instance; it keeps nothing between requests but an engine, a key and settings."""
    settings = settings or Settings()
    key = key or load(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        """On PostgreSQL, the rollups' background drain (canvass_server.rollup_queue) for the process's life, unless
        CANVASS_ROLLUP_DRAIN_SECONDS is 0 (`canvass-server drain` does it); SQLite counts them in each push's
        transaction."""
        if not app.state.db.is_postgres or not settings.rollup_drain_seconds:
            yield
            return
        stop = asyncio.Event()
        drains = asyncio.create_task(rollup_queue.keep_draining(app.state.db, settings.rollup_drain_seconds, stop))
        try:
            yield
        finally:
            stop.set()
            await drains

    app = FastAPI(title="Canvass sync server", version=str(wire.PROTOCOL_VERSION), lifespan=lifespan,
                  description="Device enrollment, encrypted batch ingest and paged pull. See docs/sync-protocol.md.")
    app.state.db = Database.connect(settings.database_url, pool_size=settings.db_pool_size,
                                    prepared=settings.db_prepared_statements)
    app.state.settings, app.state.key = settings, key
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
    from canvass_server.console.web import build as build_console  # the HQ console (docs/console.md)
    app.mount("/console", build_console(app.state))
    app.state.failed_batches = FailedBatches()
    app.state.known_tokens = known_tokens()
    app.state.database_check = DatabaseCheck()
    # Batches applied at once in this process; the others wait their turn on the event loop, not in threads that
    # would fight over the GIL and queue on the county's version counter in the database.
    app.state.ingest_slots = asyncio.Semaphore(settings.ingest_concurrency)
    app.add_middleware(BodyLimits, max_bytes=settings.max_request_bytes, max_batch_bytes=settings.max_batch_bytes,
                       body_seconds=settings.body_timeout_seconds, failed=app.state.failed_batches, settings=settings)
    app.add_middleware(FastHealth, state=app.state)  # added last: runs first
    return app


def factory() -> FastAPI:
    """For `uvicorn --factory canvass_server.app:factory` (settings from the environment)."""
    settings = Settings()
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    GuardedHttpToolsProtocol.header_timeout = settings.header_timeout_seconds  # `serve` runs uvicorn with it
    return create_app(settings)
