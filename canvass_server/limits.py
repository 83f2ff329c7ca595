"""Limits checked before any work: request body size and upload time (an ASGI middleware), failed batches per
device (they count against the rate limit), and the HTTP protocol that closes connections whose headers dawdle."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from canvass_protocol import wire
from canvass_server.config import Settings
from canvass_server.devices import token_hash
from canvass_server.errors import ApiError

BATCHES_PATH = "/v1/batches"  # reads its own (large) body, after checking the token: see api/batches.py
WINDOW_SECONDS = 60.0
MAX_HEADER_BYTES = 16 * 1024  # a request's line and headers, together
KEPT_FAILURES = 10_000  # per device: enough for any budget (Settings.failed_batches_per_minute <= 10,000)
Scope = dict[str, Any]
Receive = Any
Send = Any


def too_large(limit: int) -> ApiError:
    return ApiError(413, wire.ErrorCode.PAYLOAD_TOO_LARGE, f"request bodies here are limited to {limit} bytes")


def too_slow() -> ApiError:
    return ApiError(408, wire.ErrorCode.BAD_REQUEST, "the request body arrived too slowly",
                    headers={"Connection": "close"})


def header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def declared_length(scope: Scope) -> int | None:
    """The request's Content-Length; 0 when it has neither that nor Transfer-Encoding (then it has no body, RFC
    9112 section 6.3); None when it is chunked or the length is not a number."""
    chunked = False
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            return int(value) if value.isdigit() else None
        chunked = chunked or name == b"transfer-encoding"
    return None if chunked else 0


async def read_body(receive: Receive, limit: int, seconds: float) -> bytes:
    """The whole request body, refused (ApiError 413 / 408) past `limit` bytes or after `seconds`."""
    chunks, size = [], 0
    try:
        async with asyncio.timeout(seconds):
            while True:
                message = await receive()
                if message["type"] != "http.request":  # the client went away
                    raise too_slow()
                size += len(message.get("body", b""))
                if size > limit:
                    raise too_large(limit)
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    return b"".join(chunks)
    except TimeoutError:
        raise too_slow() from None


class BodyLimits:
    """ASGI middleware: a declared Content-Length over the limit is refused before a byte is read; every other
    body is read here, bounded in size and time, and handed to the app whole. /v1/batches only gets the
    Content-Length check: its route checks the token, then reads the body with the same bounds. And a device over
    its budget of failed batches (`failed`) is answered 429 here, its body unread, before the app or its database
    does any work for it: a rogue device's flood costs little more than its connections."""

    def __init__(self, app: Any, *, max_bytes: int, max_batch_bytes: int, body_seconds: float,
                 failed: FailedBatches | None = None, settings: Settings | None = None) -> None:
        self.app, self.max_bytes, self.max_batch_bytes = app, max_bytes, max_batch_bytes
        self.body_seconds, self.failed, self.settings = body_seconds, failed, settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        batches = scope["path"] == BATCHES_PATH
        limit = self.max_batch_bytes if batches else self.max_bytes
        declared = declared_length(scope)
        try:
            if declared is not None and declared > limit:
                raise too_large(limit)
            if batches and self.failed is not None and self.settings is not None:
                self.failed.refuse_over_budget(header(scope, b"authorization"), self.settings)
            if not batches and declared != 0:
                body = await read_body(receive, limit, self.body_seconds)
                receive = _replay(body, receive)
        except ApiError as exc:
            await _answer(send, exc)
            return
        await self.app(scope, receive, send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return dict(await receive())  # after the body: only a disconnect can come
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


async def _answer(send: Send, exc: ApiError) -> None:
    body = wire.canonical_json(exc.body())
    extra = [(k.lower().encode(), v.encode()) for k, v in (exc.headers or {}).items() if k.lower() != "connection"]
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close"), *extra]
    await send({"type": "http.response.start", "status": exc.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class FailedBatches:
    """Failed batches per device in the last minute, in this process: they count against the rate limit, so a
    device that keeps sending bad batches is refused before its next one is read. A device is known here by its
    bearer token (its SHA-256, as the device table keeps it), so that one over its budget is refused without asking
    the database who it is; only tokens that passed the token check are ever added. The refusals count too, so a
    flooding device stays refused; only its last KEPT_FAILURES are kept, whatever the flood's rate."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._times: dict[str, deque[float]] = {}

    def add(self, authorization: str | None) -> None:
        with self._lock:
            self._times.setdefault(token_hash(authorization), deque(maxlen=KEPT_FAILURES)).append(time.monotonic())

    def refuse_over_budget(self, authorization: str | None, settings: Settings) -> None:
        """ApiError 429 (counted too) when the device behind `authorization` has had its fill of failed batches
        this minute: `failed_batches_per_minute`, and never more than `rate_limit_per_minute`."""
        if self.recent(authorization) >= min(settings.rate_limit_per_minute, settings.failed_batches_per_minute):
            self.add(authorization)
            raise ApiError(429, wire.ErrorCode.RATE_LIMITED, "Too many failed batches from this device; slow down.",
                           headers={"Retry-After": "30"})

    def recent(self, authorization: str | None) -> int:
        key, cutoff = token_hash(authorization), time.monotonic() - WINDOW_SECONDS
        with self._lock:
            times = self._times.get(key)
            while times and times[0] < cutoff:
                times.popleft()
            if times is not None and not times:
                del self._times[key]
            return len(times or ())


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol (about twice as fast as its h11 one), and a connection whose request line and
    headers are not complete within `header_timeout` seconds of it opening (or of its previous answer), or that
    sends more than MAX_HEADER_BYTES before they are, is closed: drip-fed headers cannot hold connections."""

    header_timeout = 10.0
    _header_timer: asyncio.TimerHandle | None = None
    _header_bytes = 0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_header_timer()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._header_timer is not None:  # the head is still incomplete after this data was parsed
            self._header_bytes += len(data)
            if self._header_bytes > MAX_HEADER_BYTES and not self.transport.is_closing():
                self._cancel_header_timer()
                self.transport.close()

    def on_headers_complete(self) -> None:
        self._cancel_header_timer()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)

    def _arm_header_timer(self) -> None:
        self._cancel_header_timer()
        self._header_bytes = 0
        self._header_timer = self.loop.call_later(self.header_timeout, self._too_slow)

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _too_slow(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.transport.close()
