"""`canvass-server serve`'s HTTP protocol (httptools, guarded): a connection whose request head dawdles or grows
past 16 KiB is closed, an honest request on the same server is answered, and GET /health answers ahead of the
framework with the route's JSON."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cluster import free_port, wait_healthy

from canvass_protocol import wire


@pytest.fixture
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[int]:
    """`serve` on loopback with a 1 s header timeout (or the test's `header_timeout` mark's)."""
    mark = request.node.get_closest_marker("header_timeout")
    seconds = mark.args[0] if mark else 1
    env = {**os.environ, "CANVASS_SERVER_HOME": str(tmp_path), "CANVASS_HEADER_TIMEOUT_SECONDS": str(seconds)}
    env.pop("CANVASS_DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "canvass_server.cli", "init"], env=env, check=True, capture_output=True)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "canvass_server.cli", "serve", "--port", str(port),
                             "--log-level", "warning"], env=env, stderr=subprocess.DEVNULL)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", proc)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _closed_within(sock: socket.socket, seconds: float) -> float | None:
    """Seconds until the server closed the connection (None if it did not within `seconds`)."""
    start = time.monotonic()
    sock.settimeout(seconds)
    try:
        while sock.recv(4096):
            pass
    except TimeoutError:
        return None
    except ConnectionResetError:
        pass
    return time.monotonic() - start


def test_a_dawdling_head_is_closed_after_the_header_timeout(served: int) -> None:
    with socket.create_connection(("127.0.0.1", served)) as s:
        s.sendall(b"POST /v1/enroll HTTP/1.1\r\nHost: x\r\n")
        took = _closed_within(s, 5)
    assert took is not None and took < 3
    assert httpx.get(f"http://127.0.0.1:{served}/health").status_code == 200


@pytest.mark.header_timeout(60)
def test_a_head_past_16_kib_is_closed_at_once(served: int) -> None:
    with socket.create_connection(("127.0.0.1", served)) as s:
        try:
            s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
            for _ in range(20):
                s.sendall(b"X-Filler: " + b"a" * 1000 + b"\r\n")
        except (BrokenPipeError, ConnectionResetError):
            return  # closed while the head was still coming: at once
        took = _closed_within(s, 30)
    assert took is not None  # closed for its size: the header timeout (60 s) is far off


def test_an_honest_keep_alive_connection_is_served_again_and_again(served: int) -> None:
    with httpx.Client(base_url=f"http://127.0.0.1:{served}") as client:
        for _ in range(3):
            r = client.get("/health")
            assert r.status_code == 200
            assert wire.Health.model_validate(r.json()).database == "sqlite"
            assert r.headers["content-type"] == "application/json"
            time.sleep(0.6)  # idle, but less than the header timeout each time


def test_a_big_header_block_that_ends_in_time_is_served(served: int) -> None:
    r = httpx.get(f"http://127.0.0.1:{served}/health", headers={f"X-F{i}": "a" * 500 for i in range(20)})
    assert r.status_code == 200
