"""A throwaway election-weekend cluster on loopback: N `canvass-server serve` nodes behind nginx, PgBouncer in
front of a fresh PostgreSQL, the schema made and a server key shared by every node.

    make cluster [NODES=2 WORKERS=1]              # or: python tools/cluster.py --nodes 2 --workers 1
    # prints the load balancer's URL and the database URLs, then runs until Ctrl-C and removes everything

Used by benchmarks/load_open.py (`--nodes`) and tests/cluster. Needs Debian's postgresql, nginx (nginx-light)
and pgbouncer (tools/system-deps.sh installs them). The configuration mirrors deploy/ (see docs/deploy.md):
round robin over the nodes, a POST that fails on one node before an answer is retried on the next (safe: a batch
is idempotent by its id and bytes), PgBouncer in transaction mode with prepared statements off in the nodes
(`--pool-mode session` keeps them on, to compare), and the console's rollups counted by one `canvass-server drain`
process, not by the nodes (CANVASS_ROLLUP_DRAIN_SECONDS=0 in them; `--drain-in-nodes` to compare).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric import x25519

_DEBIAN = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
PG_BIN = Path(os.environ.get("CANVASS_PG_BIN") or (_DEBIAN[-1].parent if _DEBIAN else "/usr/lib/postgresql/15/bin"))
AS_ROOT = os.geteuid() == 0
AS_POSTGRES = ["runuser", "-u", "postgres", "--"] if AS_ROOT else []  # initdb and pgbouncer refuse root


class ClusterError(Exception):
    """A part of the cluster is missing or did not start; the message says which and why."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tool(name: str) -> str:
    for candidate in (PG_BIN / name, Path("/usr/sbin") / name):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise ClusterError(f"{name} is not installed (run tools/system-deps.sh, or apt-get install "
                           f"{ {'nginx': 'nginx-light'}.get(name, name) })")
    return found


def missing_tools() -> list[str]:
    """The programs the cluster needs that this machine lacks (empty when it can start)."""
    missing = []
    for name in ("initdb", "pg_ctl", "pgbouncer", "nginx"):
        try:
            tool(name)
        except ClusterError:
            missing.append(name)
    return missing


def _wait_port(port: int, what: str, proc: subprocess.Popen[bytes] | None = None, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        if proc is not None and proc.poll() is not None:
            raise ClusterError(f"{what} exited with {proc.returncode}")
        time.sleep(0.05)
    raise ClusterError(f"{what} did not listen on port {port} within {seconds:.0f} s")


@contextmanager
def postgres(tmp: Path, *, durable: bool = True, max_connections: int = 200) -> Iterator[tuple[str, int]]:
    """A fresh PostgreSQL cluster with database `canvass`; yields (direct URL, port). `durable`: fsync on."""
    data = tmp / "pg"
    subprocess.run([*AS_POSTGRES, tool("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--no-instructions", *([] if durable else ["--no-sync"])], check=True, capture_output=True)
    port = free_port()
    opts = (f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c max_connections={max_connections} "
            "-c shared_buffers=128MB")
    if not durable:
        opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    subprocess.run([*AS_POSTGRES, tool("pg_ctl"), "-D", str(data), "-o", opts, "-l", str(tmp / "pg.log"), "-w",
                    "start"], check=True, capture_output=True)
    try:
        subprocess.run([*AS_POSTGRES, str(PG_BIN / "createdb") if (PG_BIN / "createdb").exists() else "createdb",
                        "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "canvass"], check=True,
                       capture_output=True)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/canvass", port
    finally:
        subprocess.run([*AS_POSTGRES, tool("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True)


PGBOUNCER_INI = """\
[databases]
canvass = host=127.0.0.1 port={pg_port} dbname=canvass user=postgres

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = trust
auth_file = {dir}/userlist.txt
pool_mode = {mode}
default_pool_size = {pool}
max_client_conn = 2000
server_reset_query = {reset}
ignore_startup_parameters = extra_float_digits,options
logfile = {dir}/pgbouncer.log
pidfile = {dir}/pgbouncer.pid
"""


@contextmanager
def pgbouncer(tmp: Path, pg_port: int, *, pool: int = 20, mode: str = "transaction") -> Iterator[str]:
    """PgBouncer in front of the cluster (`mode`: its pool_mode); yields the URL the nodes use."""
    folder = tmp / "pgbouncer"
    folder.mkdir()
    port = free_port()
    (folder / "userlist.txt").write_text('"postgres" ""\n')
    # Session mode hands a server connection to the next client as the last left it: drop its prepared statements.
    reset = "DISCARD ALL" if mode == "session" else ""
    ini = PGBOUNCER_INI.format(pg_port=pg_port, port=port, dir=folder, pool=pool, mode=mode, reset=reset)
    (folder / "pgbouncer.ini").write_text(ini)
    if AS_ROOT:
        for path in (folder, *folder.iterdir()):
            shutil.chown(path, "postgres")
    proc = subprocess.Popen([*AS_POSTGRES, tool("pgbouncer"), str(folder / "pgbouncer.ini")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_port(port, "pgbouncer", proc)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/canvass"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


NGINX_CONF = """\
daemon off;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 8192; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream canvass {{
{servers}
        keepalive 128;
        keepalive_timeout 4s;            # below the nodes' CANVASS_KEEP_ALIVE_SECONDS (5)
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 5m;         # a little above CANVASS_MAX_BATCH_BYTES
        location / {{
            proxy_pass http://canvass;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            add_header X-Canvass-Node $upstream_addr always;   # which node answered (several on a retry)
            # A node that dies before answering: the request goes to the next one. Safe for POST /v1/batches (a
            # batch is applied once by its id and bytes, a replay gets the stored answer) and for enrollment (a
            # code is used once; a retry of a committed enrollment is refused, and the device asks for a new code).
            proxy_next_upstream error timeout http_502 http_503 non_idempotent;
            proxy_next_upstream_tries 3;
            proxy_connect_timeout 2s;
            proxy_read_timeout 120s;
        }}
    }}
}}
"""


@contextmanager
def nginx(tmp: Path, ports: list[int]) -> Iterator[str]:
    """nginx on loopback, round robin over the nodes' ports; yields its URL."""
    folder = tmp / "nginx"
    folder.mkdir()
    folder.chmod(0o777)  # its workers run as nobody when started by root
    port = free_port()
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=2s;" for p in ports)
    (folder / "nginx.conf").write_text(NGINX_CONF.format(dir=folder, port=port, servers=servers))
    proc = subprocess.Popen([tool("nginx"), "-c", str(folder / "nginx.conf"), "-p", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_port(port, "nginx", proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@dataclass
class Node:
    port: int
    proc: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """The whole node (uvicorn's supervisor and its workers): it runs in a process group of its own."""
        os.killpg(self.proc.pid, sig)
        self.proc.wait(timeout=30)


@dataclass
class Cluster:
    url: str  # what devices use: the load balancer (or the only node, without one)
    database_url: str  # PostgreSQL itself, for admin commands and checks
    node_database_url: str  # what the nodes use (PgBouncer, or PostgreSQL itself)
    server_key: str  # CANVASS_SERVER_PRIVATE_KEY of every node
    nodes: list[Node] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    helpers: dict[str, int] = field(default_factory=dict)  # "postgres", "pgbouncer", "nginx": their main pids
    drainer: subprocess.Popen[bytes] | None = None  # `canvass-server drain`, unless the nodes drain

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time used so far by the nodes (every worker) and the drain process ("api"), PostgreSQL (every
        backend) and the proxies."""
        servers = [*(n.proc for n in self.nodes), *([self.drainer] if self.drainer else [])]
        nodes = sum(tree_cpu(proc.pid) for proc in servers if proc.poll() is None)
        proxies = sum(tree_cpu(pid) for name, pid in self.helpers.items() if name != "postgres")
        return {"api": nodes, "postgres": tree_cpu(self.helpers["postgres"]), "proxies": proxies}


def tree_cpu(pid: int) -> float:
    """User + system CPU seconds of a process and all its descendants (Linux /proc), live ones only."""
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        total += times.get(p, 0.0)
        todo += children.get(p, [])
    return total


def server_key_text() -> str:
    from canvass_server.keys import ServerKeyPair

    return ServerKeyPair.of(x25519.X25519PrivateKey.generate()).secret_text()


def wait_healthy(base: str, proc: subprocess.Popen[bytes] | None = None, seconds: float = 60, *,
                 verify: ssl.SSLContext | bool = True, log: Path | None = None) -> None:
    """Wait until `base`/health answers 200 (listening is not serving). ClusterError if `proc` exits first or
    `seconds` pass; the message ends with the tail of `log` when given."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise ClusterError(f"the server at {base} exited with {proc.returncode}{_tail(log)}")
        try:
            if httpx.get(base + "/health", timeout=2, verify=verify).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise ClusterError(f"the server at {base} did not answer /health within {seconds:.0f} s{_tail(log)}")


def _tail(log: Path | None) -> str:
    return f"; {log}:\n{log.read_text(errors='replace')[-2000:]}" if log is not None and log.exists() else ""


def start_node(env: dict[str, str], workers: int, port: int | None = None) -> Node:
    port = port or free_port()
    proc = subprocess.Popen([sys.executable, "-m", "canvass_server.cli", "serve", "--host", "127.0.0.1",
                             "--port", str(port), "--workers", str(workers), "--log-level", "warning"],
                            env=env, start_new_session=True, stdout=subprocess.DEVNULL)
    node = Node(port, proc)
    wait_healthy(node.url, proc)
    return node


@contextmanager
def cluster(nodes: int = 2, workers: int = 1, *, balancer: bool = True, pooler: bool = True,
            durable: bool = True, pool: int = 20, pool_mode: str = "transaction", drain_process: bool = True,
            env: dict[str, str] | None = None) -> Iterator[Cluster]:
    """Start everything, yield the Cluster, stop and remove everything. `balancer=False` needs nodes=1.
    `pool_mode`: PgBouncer's; in `session` mode the nodes keep psycopg's prepared statements (docs/deploy.md).
    `drain_process`: the rollups counted by one `canvass-server drain` (as deploy/ does), not in the nodes."""
    if not balancer and nodes != 1:
        raise ClusterError("without a load balancer there can be one node only")
    tmp = Path(tempfile.mkdtemp(prefix="canvass-cluster-"))
    if AS_ROOT:
        shutil.chown(tmp, "postgres")
    try:
        with postgres(tmp, durable=durable) as (direct, pg_port):
            key = server_key_text()
            base = {**os.environ, "CANVASS_SERVER_PRIVATE_KEY": key, **(env or {})}
            subprocess.run([sys.executable, "-m", "canvass_server.cli", "init", "--database", direct],
                           env=base, check=True, capture_output=True)
            with pgbouncer(tmp, pg_port, pool=pool, mode=pool_mode) if pooler else _given(direct) as node_db:
                node_env = {**base, "CANVASS_DATABASE_URL": node_db}
                if pooler and pool_mode != "session":
                    node_env["CANVASS_DB_PREPARED_STATEMENTS"] = "false"  # transaction pooling (docs/deploy.md)
                started: list[Node] = []
                drainer = None
                try:
                    if drain_process:
                        with open(tmp / "drain.log", "wb") as log:
                            drainer = subprocess.Popen([sys.executable, "-m", "canvass_server.cli", "drain"],
                                                       env=node_env, start_new_session=True,
                                                       stdout=subprocess.DEVNULL, stderr=log)
                        node_env = {**node_env, "CANVASS_ROLLUP_DRAIN_SECONDS": "0"}
                    for _ in range(nodes):
                        started.append(start_node(node_env, workers))
                    if drainer is not None and drainer.poll() is not None:
                        raise ClusterError(f"canvass-server drain exited with {drainer.returncode}"
                                           f"{_tail(tmp / 'drain.log')}")
                    with nginx(tmp, [n.port for n in started]) if balancer else _given(started[0].url) as url:
                        helpers = {"postgres": int((tmp / "pg" / "postmaster.pid").read_text().split()[0])}
                        for name in ("pgbouncer", "nginx"):
                            pidfile = tmp / name / f"{name}.pid"
                            if pidfile.exists():
                                helpers[name] = int(pidfile.read_text().split()[0])
                        yield Cluster(url, direct, node_db, key, started, node_env, helpers, drainer)
                finally:
                    for node in started:
                        if node.proc.poll() is None:
                            node.kill(signal.SIGTERM)
                    if drainer is not None:
                        drainer.terminate()
                        drainer.wait(timeout=30)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@contextmanager
def _given(value: str) -> Iterator[str]:
    yield value


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=2)
    ap.add_argument("--workers", type=int, default=1, help="uvicorn workers per node")
    ap.add_argument("--pool", type=int, default=20, help="PgBouncer server connections (default_pool_size)")
    ap.add_argument("--pool-mode", choices=["transaction", "session"], default="transaction",
                    help="PgBouncer's pool_mode (session: the nodes keep prepared statements; docs/deploy.md)")
    ap.add_argument("--drain-in-nodes", action="store_true",
                    help="each node counts the rollups itself, no `canvass-server drain` process (to compare)")
    args = ap.parse_args()
    missing = missing_tools()
    if missing:
        print(f"cluster: missing {', '.join(missing)}: run tools/system-deps.sh", file=sys.stderr)
        return 2
    with cluster(args.nodes, args.workers, pool=args.pool, pool_mode=args.pool_mode,
                 drain_process=not args.drain_in_nodes) as c:
        print(f"load balancer (nginx): {c.url}")
        for node in c.nodes:
            print(f"  node: {node.url}  (pid {node.proc.pid})")
        if c.drainer is not None:
            print(f"  rollups' drain: canvass-server drain (pid {c.drainer.pid})")
        print(f"nodes' database (PgBouncer, {args.pool_mode} pooling): {c.node_database_url}")
        print(f"PostgreSQL itself (admin commands): {c.database_url}")
        print(f"server keys: CANVASS_SERVER_PRIVATE_KEY='{' '.join(c.server_key.split())}'")
        print("Ctrl-C stops and removes everything.", flush=True)
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    return 0


if __name__ == "__main__":
    sys.exit(main())
