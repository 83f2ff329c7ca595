"""Exception handlers: every failure answers a structured wire.ErrorBody, and never leaks personal data."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from canvass_protocol import wire
from canvass_server.errors import ApiError

log = logging.getLogger(__name__)
E = wire.ErrorCode


def install(app: FastAPI) -> None:
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
