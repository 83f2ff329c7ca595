"""A hostile server on loopback for the end-to-end tests: a real HTTP(S) server in a thread that answers whatever the
test's function says (a captive portal, a relay that rewrites answers), and test certificates made with
`cryptography`."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # with the query string
    headers: dict[str, str]
    body: bytes


Answer = tuple[int, dict[str, str], bytes]
Handler = Callable[[Request], Answer]


def relay(upstream: str, rewrite: Callable[[Request, httpx.Response], bytes] | None = None) -> Handler:
    """A handler that forwards every request to `upstream` and may rewrite the answer's body."""

    def handle(request: Request) -> Answer:
        headers = {k: v for k, v in request.headers.items() if k.lower() not in ("host", "content-length")}
        r = httpx.request(request.method, upstream + request.path, headers=headers, content=request.body)
        body = rewrite(request, r) if rewrite else r.content
        return r.status_code, {"Content-Type": r.headers.get("Content-Type", "application/json")}, body

    return handle


class FakeServer:
    """`with FakeServer(handler) as fake:` serves on fake.url (https when given a cert and key) until the end."""

    def __init__(self, handler: Handler, tls: tuple[Path, Path] | None = None) -> None:
        answer = handler

        class _Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                request = Request(self.command, self.path, dict(self.headers.items()), self.rfile.read(length))
                status, headers, body = answer(request)
                self.send_response(status)
                for name, value in {**headers, "Content-Length": str(len(body))}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _any

            def log_message(self, *_: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        if tls is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(tls[0]), str(tls[1]))
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.scheme = "https" if tls else "http"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> FakeServer:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _write(path: Path, cert: x509.Certificate, key: ec.EllipticCurvePrivateKey) -> tuple[Path, Path]:
    path.mkdir(parents=True, exist_ok=True)
    (path / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (path / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                     serialization.NoEncryption()))
    return path / "cert.pem", path / "key.pem"


def _cert(subject: str, key: ec.EllipticCurvePrivateKey, issuer: tuple[x509.Name, ec.EllipticCurvePrivateKey] | None,
          *, ca: bool) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    issuer_name, issuer_key = issuer or (name, key)
    now = dt.datetime.now(dt.UTC)
    builder = (x509.CertificateBuilder().subject_name(name).issuer_name(issuer_name).public_key(key.public_key())
               .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(hours=1))
               .not_valid_after(now + dt.timedelta(days=2))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False,
            key_encipherment=False, data_encipherment=False, key_agreement=False, encipher_only=False,
            decipher_only=False), critical=True)
    else:
        builder = builder.add_extension(x509.SubjectAlternativeName(
            [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


@dataclass(frozen=True)
class Certs:
    ca: Path  # the county lead's CA certificate (what `enroll --ca` is given)
    server: tuple[Path, Path]  # cert and key for 127.0.0.1, signed by that CA
    mitm: tuple[Path, Path]  # a self-signed cert and key for 127.0.0.1: what someone in the middle shows


def make_certs(where: Path) -> Certs:
    ca_key, server_key, mitm_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    ca_cert = _cert("Canvass Test County CA", ca_key, None, ca=True)
    ca_path, _ = _write(where / "ca", ca_cert, ca_key)
    server = _write(where / "server", _cert("127.0.0.1", server_key, (ca_cert.subject, ca_key), ca=False),
                    server_key)
    mitm = _write(where / "mitm", _cert("127.0.0.1", mitm_key, None, ca=False), mitm_key)
    return Certs(ca_path, server, mitm)
