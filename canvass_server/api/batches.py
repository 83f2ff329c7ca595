"""POST /v1/batches: a sealed, signed batch in; per-op results out, committed before the answer is sent."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from canvass_protocol import wire
from canvass_server.api.deps import ERRORS, DatabaseDep, KeyDep, SettingsDep
from canvass_server.db import Database
from canvass_server.devices import authenticate
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


def _device_of(database: Database, authorization: str | None) -> str:
    """The active device behind the token (401 / 403 otherwise), in a short session of its own."""
    with database.session() as session:
        return authenticate(session, authorization).id


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
    failed: FailedBatches = request.app.state.failed_batches
    await run_in_threadpool(_device_of, database, authorization)
    try:
        body = await read_body(request.receive, settings.max_batch_bytes, settings.body_timeout_seconds)
        answer, replayed = await run_in_threadpool(
            ingest_batch, database, settings=settings, key=key, authorization=authorization,
            idempotency_key=idempotency_key, body=body, failures=failed.recent(authorization))
    except ApiError:
        failed.add(authorization)
        raise
    if replayed:  # no work for the device, some for the server: a flood of replays spends the same budget
        failed.add(authorization)
    return JSONResponse(answer, headers={"Canvass-Replayed": "1" if replayed else "0"})

