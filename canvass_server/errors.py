"""Structured API errors: an HTTP status, a wire.ErrorCode, a message for people and optional detail."""

from __future__ import annotations

from typing import Any

from canvass_protocol.wire import ErrorBody, ErrorCode


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: ErrorCode,
        message: str,
        detail: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail
        self.headers = headers

    def body(self) -> dict[str, Any]:
        return ErrorBody(code=self.code, message=self.message, detail=self.detail).model_dump(mode="json")


STATUS_FOR_ENVELOPE = {
    "malformed_batch": 400,
    "unsupported_version": 400,
    "bad_signature": 401,
    "bad_envelope": 400,
    "payload_too_large": 413,
}
