"""POST /v1/batches: a sealed, signed batch in; per-op results out, committed before the answer is sent."""

from __future__ import annotations

from typing import Any

import orjson
from cachetools import TTLCache
from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from canvass_protocol import wire
from canvass_server.api.deps import ERRORS
from canvass_server.config import Settings
from canvass_server.db import Database
from canvass_server.devices import authenticate, token_hash
from canvass_server.errors import ApiError
from canvass_server.ingest import ingest_batch
from canvass_server.keys import ServerKeyPair
from canvass_server.limits import FailedBatches, read_body

router = APIRouter(tags=["sync"], responses=ERRORS)
_TEXT_OR_NULL = {"anyOf": [{"type": "string"}, {"type": "null"}]}
BATCH_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {wire.BATCH_CONTENT_TYPE: {"schema": {"type": "string", "format": "binary"}}},
    },
    # The route reads these two headers itself (FastAPI's parsing of header parameters cost more than the reading).
    "parameters": [{"name": name, "in": "header", "required": False, "schema": {**_TEXT_OR_NULL, "title": title}}
                   for name, title in (("authorization", "Authorization"),
                                       (wire.IDEMPOTENCY_HEADER, wire.IDEMPOTENCY_HEADER))],
}


KNOWN_SECONDS = 300.0  # longer than a device waits between syncs (2 minutes), so its next sync is a hit


def known_tokens() -> TTLCache[str, bool]:
    """Hashes of tokens found active lately, in this process: a device syncing again soon skips a database round
    trip before its body is read. Only a guard: the ingest transaction authenticates again, under the device's
    lock, so a device revoked meanwhile is still refused (after its body is read)."""
    return TTLCache(maxsize=100_000, ttl=KNOWN_SECONDS)


def _authenticate(database: Database, authorization: str | None) -> None:
    """401 / 403 unless the token is an active device's, in a short session of its own."""
    with database.session() as session:
        authenticate(session, authorization)


async def _check_token(request: Request, database: Database, authorization: str | None) -> None:
    known: TTLCache[str, bool] = request.app.state.known_tokens
    key = token_hash(authorization)
    if key not in known:
        await run_in_threadpool(_authenticate, database, authorization)
        known[key] = True


@router.post("/v1/batches", response_model=wire.BatchAnswer, openapi_extra=BATCH_BODY)
async def batches(request: Request) -> Response:
    # The headers, and the app's database, settings and key straight from app.state as deps.py's dependencies read
    # them: on the busiest route FastAPI's solving of parameters and dependencies cost more than what they do.
    authorization = request.headers.get("authorization")
    idempotency_key = request.headers.get(wire.IDEMPOTENCY_HEADER)
    state = request.app.state
    database: Database = state.db
    settings: Settings = state.settings
    key: ServerKeyPair = state.key
    # A device over its budget of failed batches was answered 429 before it got here (limits.BodyLimits); the
    # token is checked before the body is read, and the body read before any database transaction opens, so a
    # slow upload never holds a connection or a row lock.
    await _check_token(request, database, authorization)
    failed: FailedBatches = request.app.state.failed_batches
    try:
        body = await read_body(request.receive, settings.max_batch_bytes, settings.body_timeout_seconds)
        async with request.app.state.ingest_slots:
            answer, replayed = await run_in_threadpool(
                ingest_batch, database, settings=settings, key=key, authorization=authorization,
                idempotency_key=idempotency_key, body=body, failures=failed.recent(authorization))
    except ApiError:
        failed.add(authorization)
        request.app.state.known_tokens.pop(token_hash(authorization), None)  # revoked, perhaps: ask again
        raise
    # A replay is not a failure: it is what an honest device does after a lost answer (exactly-once rests on it),
    # and it is answered from the stored answer before anything is opened; the rate limit bounds a flood of them.
    return Response(orjson.dumps(answer), media_type="application/json",
                    headers={"Canvass-Replayed": "1" if replayed else "0"})

