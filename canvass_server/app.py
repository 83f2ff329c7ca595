"""The FastAPI application: thin routes over the services, one transaction per request, structured errors."""

from __future__ import annotations

import logging
import os
from typing import Annotated, Any

from fastapi import FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from canvass_app.sync import wire
from canvass_server import devices
from canvass_server.changes import changes
from canvass_server.config import Settings
from canvass_server.db import Database
from canvass_server.errors import ApiError
from canvass_server.ingest import ingest
from canvass_server.keys import ServerKeyPair, load
from canvass_server.models import County

log = logging.getLogger(__name__)
E = wire.ErrorCode
ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": wire.ErrorBody} for s in (400, 401, 403, 409, 410, 413, 422, 429)
}
BATCH_BODY = {
    "requestBody": {
        "required": True,
        "content": {wire.BATCH_CONTENT_TYPE: {"schema": {"type": "string", "format": "binary"}}},
    }
}


def create_app(settings: Settings | None = None, key: ServerKeyPair | None = None) -> FastAPI:
    """One app instance; it keeps nothing between requests but an engine, a key and settings."""
    settings = settings or Settings.from_env()
    key = key or load(settings)
    db = Database.connect(settings.database_url)
    app = FastAPI(title="Canvass sync server", version=str(wire.PROTOCOL_VERSION),
                  description="Device enrollment, encrypted batch ingest and paged pull. See docs/sync-protocol.md.")
    app.state.db, app.state.settings, app.state.key = db, settings, key
    _handlers(app)

    @app.get("/health", response_model=wire.Health, tags=["meta"])
    def health() -> wire.Health:
        with db.unit() as session:
            session.execute(text("SELECT 1"))
        return wire.Health(status="ok", database=db.engine.dialect.name)

    @app.get("/v1/server-key", response_model=wire.ServerKey, tags=["keys"])
    def server_key() -> wire.ServerKey:
        return key.wire()

    @app.post("/v1/enroll", response_model=wire.EnrollResponse, status_code=201, responses=ERRORS,
              tags=["devices"])
    def enroll(request: wire.EnrollRequest) -> wire.EnrollResponse:
        with db.unit() as session:
            device, county, token = devices.enroll(session, request)
            ref = wire.CountyRef(name=county.name, state=county.state)
            log.info("device %s enrolled (%s)", device.id, device.role)
            return wire.EnrollResponse(device_id=device.id, token=token, county=ref, role=device.role,
                                       server_key=key.wire())

    @app.post("/v1/enrollment-codes", response_model=wire.EnrollmentCodeResponse, status_code=201,
              responses=ERRORS, tags=["devices"])
    def enrollment_code(
        request: wire.EnrollmentCodeRequest, authorization: Annotated[str | None, Header()] = None
    ) -> wire.EnrollmentCodeResponse:
        with db.unit() as session:
            device = devices.authenticate(session, authorization)
            own = session.get_one(County, device.county_id)
            same = request.county.name.casefold() == own.name.casefold() and request.county.state == own.state
            if device.role == "canvasser" or (device.role == "county_lead" and (not same or request.role == "admin")):
                raise ApiError(403, E.FORBIDDEN, "County leads make codes for their own county, below admin.")
            new = devices.make_enrollment_code(session, county=request.county.name, state=request.county.state,
                                               role=request.role, hours=request.expires_hours)
            return wire.EnrollmentCodeResponse(code=new.code, county=wire.CountyRef(name=new.county,
                                               state=new.state), role=new.role,
                                               expires_at=new.expires_at.isoformat())

    @app.post("/v1/batches", response_model=wire.BatchAnswer, responses=ERRORS, openapi_extra=BATCH_BODY,
              tags=["sync"])
    async def batches(
        request: Request,
        authorization: Annotated[str | None, Header()] = None,
        idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
    ) -> JSONResponse:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > settings.max_batch_bytes:
            raise ApiError(413, E.PAYLOAD_TOO_LARGE, f"batches are limited to {settings.max_batch_bytes} bytes")
        chunks, size = [], 0
        async for chunk in request.stream():  # bounded even without a Content-Length
            size += len(chunk)
            if size > settings.max_batch_bytes:
                raise ApiError(413, E.PAYLOAD_TOO_LARGE, f"batches are limited to {settings.max_batch_bytes} bytes")
            chunks.append(chunk)
        body = b"".join(chunks)

        def run() -> tuple[dict[str, Any], bool]:
            with db.unit() as session:  # commits before the answer is sent
                return ingest(session, settings=settings, key=key, authorization=authorization,
                              idempotency_key=idempotency_key, body=body)

        answer, replayed = await run_in_threadpool(run)
        return JSONResponse(answer, headers={"Canvass-Replayed": "1" if replayed else "0"})

    @app.get("/v1/changes", response_model=wire.ChangesPage, responses=ERRORS, tags=["sync"])
    def get_changes(
        scope: Annotated[str, Query(max_length=20)],
        cursor: Annotated[str | None, Query(max_length=200)] = None,
        authorization: Annotated[str | None, Header()] = None,
    ) -> wire.ChangesPage:
        with db.unit() as session:
            device = devices.authenticate(session, authorization, allow_revoked=True)
            return changes(session, device, scope, cursor, settings.page_size)

    @app.get("/v1/device", response_model=wire.DeviceStatus, responses=ERRORS, tags=["devices"])
    def device_status(authorization: Annotated[str | None, Header()] = None) -> wire.DeviceStatus:
        with db.unit() as session:
            device = devices.authenticate(session, authorization, allow_revoked=True)
            return devices.device_status(device, session.get_one(County, device.county_id))

    return app


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = sorted({".".join(str(p) for p in e.get("loc", ())) for e in exc.errors()})
        err = ApiError(400, E.BAD_REQUEST, "The request is not valid.", detail={"fields": fields[:20]})
        return JSONResponse(err.body(), status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = E.NOT_FOUND if exc.status_code == 404 else E.BAD_REQUEST
        err = ApiError(exc.status_code, code, str(exc.detail))
        return JSONResponse(err.body(), status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def crash(_request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error: %s", type(exc).__name__)  # never the message: it may hold personal data
        err = ApiError(500, E.INTERNAL, "Internal server error.")
        return JSONResponse(err.body(), status_code=500)


def factory() -> FastAPI:
    """For `uvicorn --factory canvass_server.app:factory` (settings from the environment)."""
    level = os.environ.get("CANVASS_LOG_LEVEL", "info").upper()
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return create_app()
