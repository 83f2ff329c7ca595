"""One sync run: push every pending op (sealed batches, retried with backoff), then pull every scope.

`sync(store)` is what "Sync now", the timer, the watchdog and `canvass-app sync` all call. It never raises for
network trouble: it returns a `SyncReport` saying what happened in plain words.

Only the server can order a wipe: whatever says "revoked" (a 403, the device status) makes the syncer ask
`GET /v1/device` with a fresh nonce, and the device wipes only on a notice signed by the server key pinned at
enrollment, for this device, answering that nonce. Anything else is an error to retry.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy.exc import OperationalError

from canvass_app.store.database import Store
from canvass_app.store.models import Setting, SyncBatch, utcnow
from canvass_app.sync import batches, identity, kept, pull
from canvass_app.sync.backoff import Backoff
from canvass_app.sync.transport import Refused, Revoked, SyncHttp, SyncHttpError, Transient, UnsafeServer
from canvass_protocol import trust

log = logging.getLogger(__name__)
LAST_SETTING = "sync.last"
MAX_PAGES = 100_000  # per scope per run
_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


@dataclass
class SyncOptions:
    attempts: int = 3  # tries per batch within one run before giving up until the next run
    limits: batches.Limits = field(default_factory=batches.Limits)
    backoff: Backoff = field(default_factory=lambda: Backoff(base=1.0, cap=30.0))
    pull: bool = True
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], dt.datetime] = utcnow  # the device clock (headers, timestamps); never trusted by the server


@dataclass
class SyncReport:
    ok: bool = False
    drained: bool = False
    batches: int = 0
    applied: int = 0
    duplicates: int = 0
    rejected: int = 0
    pulled: dict[str, int] = field(default_factory=dict)
    pending: int = 0
    error: str | None = None
    error_kind: str | None = None  # network, refused, revoked, not_enrolled, busy
    retry_after: float | None = None
    wiped: bool = False
    finished_at: str = ""

    def line(self) -> str:
        if self.wiped:
            return f"This device was revoked by the server: local voter data was wiped. {self.error or ''}".strip()
        if self.ok:
            pulled = sum(self.pulled.values())
            return (f"synced: {self.applied} applied, {self.duplicates} already there, {self.rejected} rejected "
                    f"in {self.batches} batch(es); {pulled} item(s) pulled; queue empty")
        return f"sync incomplete: {self.error}; {self.pending} op(s) still waiting"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _lock_for(store: Store) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(str(store.data_dir.resolve()), threading.Lock())


def sync(store: Store, *, options: SyncOptions | None = None, http: SyncHttp | None = None) -> SyncReport:
    """Push then pull. Only one run per data dir at a time in a process; a second caller gets error_kind busy."""
    options = options or SyncOptions()
    lock = _lock_for(store)
    if not lock.acquire(blocking=False):
        report = SyncReport(error="a sync is already running", error_kind="busy")
        return _finish(store, report, options, save=False)
    try:
        return _sync_locked(store, options, http)
    finally:
        lock.release()


def _sync_locked(store: Store, options: SyncOptions, http: SyncHttp | None) -> SyncReport:
    report = SyncReport()
    kept.deliver(store)  # a revoked device's unsynced ops, in case it was reinstated
    ident = identity.load(store)
    if ident is None:
        report.error, report.error_kind = "this device is not enrolled: enroll it with a server first", "not_enrolled"
        return _finish(store, report, options)
    own_http = http is None
    try:
        client = http or SyncHttp(ident.server_url, ident.token, ca_file=ident.ca_file or None)
    except UnsafeServer as exc:
        report.error, report.error_kind = str(exc), "refused"
        return _finish(store, report, options)
    try:
        if _push(store, ident, client, options, report) and options.pull:
            _pull(store, ident, client, report)
    except Revoked as exc:
        _revoked(store, ident, client, report, exc.message)
    except OperationalError as exc:  # another process (the app and the CLI at once) holds the store's write lock
        log.warning("local store busy during sync: %s", type(exc).__name__)
        report.error, report.error_kind = "the local store was busy; the next sync will carry on", "busy"
    finally:
        if own_http:
            client.close()
    return _finish(store, report, options)


def _push(store: Store, ident: identity.Identity, client: SyncHttp, options: SyncOptions,
          report: SyncReport) -> bool:
    """Send batches oldest first until the queue is empty; False (the reason in the report) when it stops early.

    While one batch travels, the next is frozen and sealed (pipelining); only one is ever on the wire, and the
    next is sent only after the previous answer is stored.
    """
    limits = options.limits
    tries_left = options.attempts
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="canvass-push") as wire_thread:
        while True:
            with store.session() as session:
                batch = batches.freeze(session, ident, limits=limits, clock=options.clock)
                if batch is None:
                    return True
                batch_id, sealed = batch.id, batch.sealed
            travelling = wire_thread.submit(client.push, batch_id, sealed)
            with store.session() as session:
                batches.freeze_ahead(session, ident, limits=limits, clock=options.clock)
            try:
                answer = travelling.result()
            except Transient as exc:
                tries_left -= 1
                delay = options.backoff.next_delay(exc.retry_after)
                with store.session() as session:
                    batches.record_failure(session, batch_id, exc.message,
                                           options.clock() + dt.timedelta(seconds=delay))
                # A server that answers its health check yet keeps failing on this batch fails on one of its ops:
                # split the batch to find it, never send the same bytes forever (see after_server_error).
                split = None
                if (exc.status or 0) >= 500 and client.probe():
                    with store.session() as session:
                        split = batches.after_server_error(session, batch_id, exc.message)
                if split is not None:
                    limits = batches.Limits(split, limits.max_bytes) if split else options.limits
                    report.rejected += split == 0
                    tries_left = options.attempts
                    continue
                if tries_left <= 0:
                    report.error, report.error_kind, report.retry_after = exc.message, "network", exc.retry_after
                    return False
                options.sleep(delay)
                continue
            except Revoked:
                raise
            except Refused as exc:
                with store.session() as session:
                    if exc.status == 413 and limits.max_ops > 1:  # too big for this server: split and go on
                        batches.unfreeze_all(session, ident.device_id)
                        limits = batches.Limits(max(1, limits.max_ops // 4), max(1024, limits.max_bytes // 4))
                        continue
                    batches.record_failure(session, batch_id, f"{exc.code}: {exc.message}", None)
                report.error, report.error_kind = _refusal_words(exc), "refused"
                return False
            with store.session() as session:
                batches.hold_write_lock(session)
                row = session.get(SyncBatch, batch_id)
                if row is None or row.status != "open":
                    continue  # another process settled it meanwhile
                try:
                    synced, rejected = batches.record_answer(session, row, answer, clock=options.clock)
                except batches.AnswerMismatch as exc:
                    report.error, report.error_kind = str(exc), "refused"
                    return False
            options.backoff.reset()
            tries_left = options.attempts
            report.batches += 1
            report.applied += sum(r.status == "applied" for r in answer.results)
            report.duplicates += sum(r.status == "duplicate" for r in answer.results)
            report.rejected += rejected
            log.info("batch %s acknowledged: %d synced, %d rejected", batch_id, synced, rejected)


def _refusal_words(exc: SyncHttpError) -> str:
    if exc.code == "unknown_server_key":
        return "the server's key changed since this device enrolled; enroll the device again"
    if exc.code == "unauthorized":
        return "the server no longer knows this device's token; enroll the device again"
    if exc.code == "seq_gap":
        return f"the server is missing earlier changes from this device ({exc.message})"
    return f"the server refused the batch: {exc.message}"


def _pull(store: Store, ident: identity.Identity, client: SyncHttp, report: SyncReport) -> None:
    try:
        status = client.device()
        if status.status == "revoked" or status.wipe:
            raise Revoked("the server revoked this device", status=403, code="device_revoked")
        for scope in pull.scopes_for(status.role):
            report.pulled[scope] = 0
            for number in range(MAX_PAGES):
                with store.session() as session:
                    cursor = pull.get_cursor(session, scope)
                page = client.changes(scope, cursor)
                if page.refetch and number > 0:  # a server that restarts a scope on every page would loop forever
                    raise Refused(f"the server keeps restarting the {scope} list; try again later", code="refetch_loop")
                with store.session() as session:
                    batches.hold_write_lock(session)
                    county = pull.local_county(session, status.county.name, status.county.state)
                    report.pulled[scope] += pull.apply_page(session, county, page)
                if not page.has_more:
                    break
        with store.session() as session:
            pull.after_pull(session, status.role)
    except Revoked:
        raise
    except SyncHttpError as exc:
        report.error = f"pull stopped: {exc.message}"
        report.error_kind = "network" if isinstance(exc, Transient) else "refused"
    except ValueError as exc:  # a page that is not of its scope's shape: nothing of it was applied
        report.error = f"pull stopped: the server sent data this version cannot read ({exc})"
        report.error_kind = "refused"


def _revoked(store: Store, ident: identity.Identity, client: SyncHttp, report: SyncReport, message: str) -> None:
    """Something said this device is revoked: wipe if the server's signed notice confirms it, else retry later."""
    nonce = secrets.token_urlsafe(24)
    try:
        notice = client.device(nonce).notice
    except SyncHttpError as exc:
        log.info("revocation not confirmed: %s", type(exc).__name__)
        notice = None
    if trust.notice_is_genuine(notice, ident.server_signing_key, ident.device_id, nonce):
        _wipe(store, ident, report, message)
        return
    log.warning("a revocation without a valid signed notice: nothing wiped")
    report.error = ("the server's answer said this device was revoked, without the server's signed notice: nothing "
                    "was wiped; the next sync tries again")
    report.error_kind = "network"


def _wipe(store: Store, ident: identity.Identity, report: SyncReport, message: str) -> None:
    with store.session() as session:
        batches.hold_write_lock(session)
        kept_ops = kept.keep_unsynced(session, ident)
        removed = pull.wipe_voter_data(session, message)
    identity.forget(store)
    report.wiped = True
    report.error, report.error_kind = "this device was revoked: its local voter data was wiped", "revoked"
    if kept_ops:
        report.error += f"; {kept_ops} unsynced change(s) kept sealed for the server"
    log.warning("device revoked: wiped %s, kept %d sealed op(s)", removed, kept_ops)


def _finish(store: Store, report: SyncReport, options: SyncOptions, *, save: bool = True) -> SyncReport:
    with store.session() as session:
        if save:
            batches.hold_write_lock(session)  # the last-sync row is read, then written: another process may too
        state = batches.queue_state(session)
        report.pending = state.pending
        report.drained = state.pending == 0
        report.ok = report.drained and report.error is None
        now = options.clock()
        report.finished_at = now.isoformat()
        if save:
            row = session.get(Setting, LAST_SETTING)
            last = dict(row.value) if row is not None and isinstance(row.value, dict) else {}
            last.update(at=report.finished_at, ok=report.ok, error=report.error, error_kind=report.error_kind)
            if report.ok:
                last["success_at"] = report.finished_at
            if row is None:
                session.add(Setting(key=LAST_SETTING, value=last))
            else:
                row.value = last
    return report
