"""Headless automatic sync: a background thread that probes the server and syncs when the scheduler says so.

The desktop app drives the same `Scheduler` from Qt timers and reachability signals (ui/sync_controller.py);
this loop is for `canvass-app sync --watch`-style use and the end-to-end tests (a day offline, then the server
comes back and everything arrives with nobody pressing anything).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from canvass_app.store.database import Store
from canvass_app.sync import batches, identity
from canvass_app.sync.scheduler import Scheduler, Trigger
from canvass_app.sync.syncer import SyncOptions, SyncReport, sync
from canvass_app.sync.transport import SyncHttp

log = logging.getLogger(__name__)


class AutoSync:
    """Every `tick` seconds: probe the server (reachability), then ask the scheduler about timer and watchdog."""

    def __init__(self, store: Store, *, scheduler: Scheduler | None = None, tick: float = 1.0,
                 options: SyncOptions | None = None,
                 on_report: Callable[[SyncReport], None] | None = None) -> None:
        self.store = store
        self.scheduler = scheduler or Scheduler()
        self.tick = tick
        self.options = options or SyncOptions(attempts=1)
        self.on_report = on_report
        self.reports: list[SyncReport] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="canvass-autosync", daemon=True)

    def start(self) -> AutoSync:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=60)

    def _pending(self) -> int:
        with self.store.session() as session:
            return batches.queue_state(session).pending

    def _probe(self) -> bool | None:
        ident = identity.load(self.store)
        if ident is None:
            return None
        with SyncHttp(ident.server_url, ca_file=ident.ca_file or None) as http:
            return http.probe()

    def step(self) -> SyncReport | None:
        """One tick of the loop: returns the report when a sync ran."""
        now = time.monotonic()
        came_back = self.scheduler.set_online(self._probe(), now)
        pending = self._pending()
        for trigger in (Trigger.CONNECTION if came_back else None, Trigger.TIMER, Trigger.WATCHDOG):
            if trigger is not None and self.scheduler.should_start(trigger, now, pending=pending):
                self.scheduler.started(now)
                report = sync(self.store, options=self.options)
                self.scheduler.finished(time.monotonic(), ok=report.ok, error=report.error,
                                        retry_after=report.retry_after)
                self.reports.append(report)
                if self.on_report is not None:
                    self.on_report(report)
                return report
        return None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.step()
            except Exception as exc:  # the loop must outlive any one bad try; the report path carries the words
                log.error("automatic sync step failed: %s", type(exc).__name__)  # the message may name a voter
            self._stop.wait(self.tick)
