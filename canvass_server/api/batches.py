"""POST /v1/batches: a sealed, signed batch in; per-op results out, committed before the answer is sent."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from canvass_protocol import wire
from canvass_server.api.deps import ERRORS, KeyDep, SessionDep, SettingsDep
from canvass_server.errors import ApiError
from canvass_server.ingest import ingest

router = APIRouter(tags=["sync"], responses=ERRORS)
BATCH_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {wire.BATCH_CONTENT_TYPE: {"schema": {"type": "string", "format": "binary"}}},
    }
}


async def read_bounded(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it passes `limit` bytes (with or without a Content-Length)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, wire.ErrorCode.PAYLOAD_TOO_LARGE, f"batches are limited to {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, wire.ErrorCode.PAYLOAD_TOO_LARGE, f"batches are limited to {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post("/v1/batches", response_model=wire.BatchAnswer, openapi_extra=BATCH_BODY)
async def batches(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    key: KeyDep,
    authorization: Annotated[str | None, Header()] = None,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
) -> JSONResponse:
    # The body is read before any database work, so a slow upload never holds a connection or a row lock.
    # The device is authenticated inside ingest: it row-locks the device for the whole transaction.
    body = await read_bounded(request, settings.max_batch_bytes)
    answer, replayed = await run_in_threadpool(
        ingest, session, settings=settings, key=key, authorization=authorization,
        idempotency_key=idempotency_key, body=body)
    return JSONResponse(answer, headers={"Canvass-Replayed": "1" if replayed else "0"})
