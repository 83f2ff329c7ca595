"""POST /v1/batches: a sealed, signed batch in; per-op results out, committed before the answer is sent."""

from __future__ import annotations

from typing import Annotated, Any

from cachetools import TTLCache
from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from canvass_protocol import wire
from canvass_server.api.deps import ERRORS, DatabaseDep, KeyDep, SettingsDep
from canvass_server.db import Database
from canvass_server.devices import authenticate, token_hash
from canvass_server.errors import ApiError
from canvass_server.ingest import ingest_batch
from canvass_server.limits import FailedBatches, read_body

router = APIRouter(tags=["sync"], responses=ERRORS)
BATCH_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {wire.BATCH_CONTENT_TYPE: {"schema": {"type": "string", "format": "binary"}}},
    }
}


KNOWN_SECONDS = 300.0  # longer than a device waits between syncs (2 minutes), so its next sync is a hit


def known_tokens() -> TTLCache[str, str]:
    """Tokens (their hashes) found active lately, in this process, with their device: a device syncing again soon
    skips a database round trip before its body is read. Only a guard: the ingest transaction authenticates again,
    under the device's lock, so a device revoked meanwhile is still refused (after its body is read)."""
    return TTLCache(maxsize=100_000, ttl=KNOWN_SECONDS)


def _device_of(database: Database, authorization: str | None) -> str:
    """The active device behind the token (401 / 403 otherwise), in a short session of its own."""
    with database.session() as session:
        return authenticate(session, authorization).id


async def _known_device(request: Request, database: Database, authorization: str | None) -> str:
    known: TTLCache[str, str] = request.app.state.known_tokens
    key = token_hash(authorization)
    device_id = known.get(key)
    if device_id is None:
        device_id = await run_in_threadpool(_device_of, database, authorization)
        known[key] = device_id
    return device_id


@router.post("/v1/batches", response_model=wire.BatchAnswer, openapi_extra=BATCH_BODY)
async def batches(
    request: Request,
    database: DatabaseDep,
    settings: SettingsDep,
    key: KeyDep,
    authorization: Annotated[str | None, Header()] = None,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
) -> JSONResponse:
    # A device over its budget of failed batches was answered 429 before it got here (limits.BodyLimits); the
    # token is checked before the body is read, and the body read before any database transaction opens, so a
    # slow upload never holds a connection or a row lock.
    await _known_device(request, database, authorization)
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
    return JSONResponse(answer, headers={"Canvass-Replayed": "1" if replayed else "0"})

