"""A fault-injecting HTTP/1.1 TCP proxy for the end-to-end sync tests: one exchange per client connection.

For every connection it picks a fault (by a seeded random draw, or a fixed mode) and then:

- ``pass``: forward the request, relay the whole answer;
- ``refuse``: reset the connection as soon as it is accepted (nothing read);
- ``reset_before``: read the request, then reset: the server never sees it;
- ``reset_after``: forward the request, wait for the server's whole answer (the server has committed),
  then reset instead of relaying it: the acknowledgement is lost;
- ``truncate``: relay only the first part of the answer, then close;
- ``delay``: wait `delay` seconds, then behave like ``pass``.

The proxy asks the server to close after each answer (``Connection: close``) and closes the client side
too, so one connection carries exactly one exchange and every exchange gets its own draw.
"""

from __future__ import annotations

import random
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

FAULTS = ("refuse", "reset_before", "reset_after", "truncate")


@dataclass
class FaultPlan:
    """What to do to each exchange: `mode` forces one; otherwise `fail_rate` of them get a random fault."""

    mode: str | None = None
    fail_rate: float = 0.0
    faults: tuple[str, ...] = FAULTS
    delay: float = 0.0
    seed: int = 1
    rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def draw(self) -> str:
        if self.mode is not None:
            return self.mode
        if self.rng.random() < self.fail_rate:
            return self.rng.choice(self.faults)
        return "delay" if self.delay else "pass"


def _reset(sock: socket.socket) -> None:
    """Close with RST (SO_LINGER 0), like a dropped link, rather than a polite FIN."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    sock.close()


def _read_request(sock: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        body += chunk
    lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body


class FaultProxy:
    """Listens on a loopback port and forwards to `upstream` (host, port) under a `FaultPlan`."""

    def __init__(self, upstream: tuple[str, int], plan: FaultPlan | None = None) -> None:
        self.upstream = upstream
        self.plan = plan or FaultPlan()
        self.counts: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(256)
        self.port = int(self._listener.getsockname()[1])
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._accept_loop, name="faultproxy", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set_plan(self, plan: FaultPlan) -> None:
        with self._lock:
            self.plan = plan

    def heal(self) -> None:
        self.set_plan(FaultPlan())

    def close(self) -> None:
        self._stopped.set()
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
        except OSError:
            pass
        self._listener.close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _accept_loop(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                fault = self.plan.draw()
                delay = self.plan.delay
                self.counts[fault] += 1
            threading.Thread(target=self._exchange, args=(client, fault, delay), daemon=True).start()

    def _exchange(self, client: socket.socket, fault: str, delay: float) -> None:
        try:
            if fault == "refuse":
                _reset(client)
                return
            client.settimeout(30)
            request = _read_request(client)
            if request is None or fault == "reset_before":
                _reset(client)
                return
            if fault == "delay":
                time.sleep(delay)
            try:
                upstream = socket.create_connection(self.upstream, timeout=60)
            except OSError:  # the server is down: the client sees a reset, as on a real network
                _reset(client)
                return
            with upstream:
                upstream.sendall(request)
                answer = b""
                while chunk := upstream.recv(65536):
                    answer += chunk
            if fault == "reset_after":
                _reset(client)
                return
            if fault == "truncate":
                client.sendall(answer[: max(1, len(answer) * 2 // 3)])
                client.close()
                return
            client.sendall(answer)
            client.close()
        except OSError:
            _reset(client)
