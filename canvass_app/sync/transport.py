"""The HTTP side of sync (httpx): enroll, push one sealed batch, pull one page, device status, a light probe.

Every failure becomes one of three exceptions, so the callers decide by kind, not by status code:
`Transient` (try again later: network errors, a certificate that does not verify, 5xx, 429, a body cut short),
`Refused` (the server said no and will say no again) and `Revoked` (a 403 saying this device is revoked: a claim
anyone in the middle could make; only a signed notice (canvass_protocol.trust) makes the device wipe).

Plain `http://` is refused except to this computer (loopback); certificates are checked against the system's
store, or only against the CA file the county lead handed out.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import ssl
from typing import Any
from urllib.parse import urlsplit

import httpx
from pydantic import ValidationError

from canvass_app.sync.backoff import parse_retry_after
from canvass_protocol import trust, wire

log = logging.getLogger(__name__)
USER_AGENT = "canvass-app-sync/1"
TIMEOUT = httpx.Timeout(30.0, connect=5.0)
RETRYABLE_CODES = {wire.ErrorCode.BATCH_IN_PROGRESS.value, wire.ErrorCode.RATE_LIMITED.value}


class SyncHttpError(Exception):
    """Base of the sync transport errors; `message` is in plain words."""

    def __init__(self, message: str, *, status: int | None = None, code: str | None = None,
                 detail: dict[str, Any] | None = None, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.detail = detail or {}
        self.retry_after = retry_after


class Transient(SyncHttpError):
    """Worth trying again later with the same bytes."""


class Refused(SyncHttpError):
    """The server refused the request; sending it again unchanged will not help."""


class Revoked(Refused):
    """A 403 saying this device is revoked. Not proof: the syncer asks for the signed notice before any wipe."""


class UnsafeServer(ValueError):
    """A server address the device will not talk to (not https, and not this computer); the message says why."""


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> str:
    """`url` without trailing slashes, if it is https:// or http:// to a loopback address; else UnsafeServer."""
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeServer(f"{url!r} is not a server address: give it as https://host[:port]")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise UnsafeServer(f"{url} is plain http: the server must be reached over https:// (plain http only "
                           f"works for a server on this computer)")
    return url


def tls_context(ca_file: str | None = None) -> ssl.SSLContext:
    """Certificates checked against the system's store, or, given the lead's CA file, against it alone."""
    try:
        return ssl.create_default_context(cafile=ca_file) if ca_file else ssl.create_default_context()
    except (OSError, ssl.SSLError) as exc:
        raise UnsafeServer(f"the CA file {ca_file} cannot be read as PEM certificates: {exc}") from exc


def _error(response: httpx.Response) -> SyncHttpError:
    status = response.status_code
    retry_after = parse_retry_after(response.headers.get("Retry-After"))
    try:
        body = wire.ErrorBody.model_validate(response.json())
        code, message, detail = body.code.value, body.message, body.detail
    except (ValueError, ValidationError):
        code, message, detail = None, f"the server answered HTTP {status}", None
    kwargs: dict[str, Any] = {"status": status, "code": code, "detail": detail, "retry_after": retry_after}
    if code == wire.ErrorCode.DEVICE_REVOKED.value and status == 403:
        return Revoked(message, **kwargs)
    if status >= 500 or status in (408, 425, 429) or code in RETRYABLE_CODES:
        return Transient(message, **kwargs)
    return Refused(message, **kwargs)


def _cert_failure(exc: BaseException | None) -> bool:
    while exc is not None:
        if isinstance(exc, ssl.SSLCertVerificationError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


class SyncHttp:
    """One server, one token; a thin wrapper over an httpx.Client. UnsafeServer for an address or CA file it
    will not use."""

    def __init__(self, base_url: str, token: str | None = None, *, ca_file: str | None = None,
                 timeout: httpx.Timeout = TIMEOUT, client: httpx.Client | None = None) -> None:
        self.base_url = check_url(base_url)
        self.token = token
        self._client = client or httpx.Client(timeout=timeout, headers={"User-Agent": USER_AGENT},
                                              verify=tls_context(ca_file))

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> SyncHttp:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return headers | (extra or {})

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._client.request(method, self.base_url + path, **kwargs)
        except httpx.TimeoutException as exc:
            raise Transient("the server did not answer in time") from exc
        except httpx.TransportError as exc:  # the exception class goes to the log, not to people
            log.info("sync transport error: %s", type(exc).__name__)
            if _cert_failure(exc):
                raise Transient("the server's certificate is not trusted (someone may be in the middle, or the "
                                "CA file is wrong)") from exc
            raise Transient("cannot reach the server") from exc
        if response.status_code >= 400:
            raise _error(response)
        return response

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        try:
            return response.json()
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:  # a body cut short on the way
            raise Transient("the server's answer arrived incomplete") from exc

    def probe(self) -> bool:
        """True when the server answers its health check (a cheap GET, no token)."""
        try:
            self._send("GET", "/health", timeout=5.0)
        except SyncHttpError:
            return False
        return True

    def enroll(self, code: str, public_key_b64: str, label: str = "") -> wire.EnrollResponse:
        """Spend `code` (which is not sent: its hash and a proof are) on this key; the answer, not yet checked."""
        request = trust.enroll_request(code, public_key_b64, label)
        response = self._send("POST", "/v1/enroll", json=request.model_dump())
        return self._model(wire.EnrollResponse, response)

    def push(self, batch_id: str, sealed: bytes) -> wire.BatchAnswer:
        """POST the sealed bytes; the 2xx answer, validated. The same bytes may be sent any number of times."""
        headers = self._headers({wire.IDEMPOTENCY_HEADER: batch_id, "Content-Type": wire.BATCH_CONTENT_TYPE})
        response = self._send("POST", "/v1/batches", content=sealed, headers=headers)
        return self._model(wire.BatchAnswer, response)

    def changes(self, scope: str, cursor: str | None) -> wire.ChangesPage:
        params = {"scope": scope} | ({"cursor": cursor} if cursor else {})
        response = self._send("GET", "/v1/changes", params=params, headers=self._headers())
        return self._model(wire.ChangesPage, response)

    def device(self, nonce: str | None = None) -> wire.DeviceStatus:
        """This device's status; asked with a `nonce`, a revoked device's answer carries the signed notice."""
        params = {"nonce": nonce} if nonce else {}
        return self._model(wire.DeviceStatus, self._send("GET", "/v1/device", params=params,
                                                         headers=self._headers()))

    def ballot_receipts(self, ballot_id: int) -> wire.BallotReceipts:
        """A closed ballot's published receipts (Refused with code `ballot_open` while it is open)."""
        response = self._send("GET", f"/v1/ballots/{ballot_id}/receipts", headers=self._headers())
        return self._model(wire.BallotReceipts, response)

    def _model(self, model: type[Any], response: httpx.Response) -> Any:
        data = self._json(response)
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise Transient(f"the server's answer is not a valid {model.__name__}") from exc
