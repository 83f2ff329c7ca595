"""Runs sync off the GUI thread when the scheduler says so: reachability, a server probe, a timer, a watchdog.

The decisions live in `canvass_app.sync.scheduler` (pure Python); this object only feeds it Qt's events and
runs the work on the task runner's network pool, so the app stays usable while a sync is under way.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from canvass_app.sync import identity, whoami
from canvass_app.sync.enroll import Enrolled, enroll
from canvass_app.sync.rejections import mark_seen
from canvass_app.sync.scheduler import Scheduler, Trigger
from canvass_app.sync.status import SyncStatus, describe_age, sync_status
from canvass_app.sync.syncer import SyncOptions, SyncReport, sync
from canvass_app.sync.transport import SyncHttp
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import resolve_language, translate

log = logging.getLogger(__name__)


class SyncController(QObject):
    """Owns the scheduler; emits the status after every change so the page and the status bar can show it."""

    status_changed = Signal(object)  # SyncStatus
    report_ready = Signal(object)  # SyncReport
    online_changed = Signal(object)  # True, False or None (unknown)
    busy_changed = Signal(bool)
    bar_text = Signal(str)  # the status bar's words

    def __init__(self, ctx: AppContext, *, tick_ms: int = 30_000, scheduler: Scheduler | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scheduler = scheduler or Scheduler()
        self.status: SyncStatus | None = None
        self._probing = False
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)
        # A local change sends soon after (the scheduler's change delay); owned here, so it dies with the controller.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(lambda: self.request(Trigger.CHANGE))
        self._reachability: Any = None
        ctx.events.data_changed.connect(self._local_change)

    # lifecycle ------------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Begin watching: Qt's reachability where the platform offers it, the periodic tick, a first look."""
        self._watch_reachability()
        self._timer.start()
        self.refresh()
        QTimer.singleShot(0, self, self.tick)

    def stop(self) -> None:
        self._timer.stop()
        self._soon.stop()

    def _watch_reachability(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if not QNetworkInformation.loadDefaultBackend():
                return
            info = QNetworkInformation.instance()
        except (ImportError, RuntimeError):
            return
        if info is None:
            return
        self._reachability = info
        info.reachabilityChanged.connect(self._reachability_changed)
        self._reachability_changed(info.reachability())

    def _reachability_changed(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        r = QNetworkInformation.Reachability
        if reachability == r.Disconnected:
            self._set_online(False)
        elif reachability == r.Online:
            self.tick()  # the platform says online: the probe confirms the server itself answers

    # triggers -------------------------------------------------------------------------------------------------
    def tick(self) -> None:
        """Timer: probe the server, then let the scheduler decide (timer, watchdog, a connection that returned)."""
        if self._probing or self.scheduler.running:
            return
        try:
            ident = identity.load(self.ctx.store)
        except identity.IdentityError:
            ident = None
        if ident is None:
            self.refresh()
            return
        self._probing = True
        url, ca_file = ident.server_url, ident.ca_file or None

        def probe(_control: Any) -> bool:
            with SyncHttp(url, ca_file=ca_file) as http:
                return http.probe()

        self.ctx.runner.run(probe, on_done=self._probed, on_error=lambda _e: self._probed(False), db=False)

    def _probed(self, online: bool) -> None:
        self._probing = False
        came_back = self._set_online(bool(online))
        pending = self.status.pending if self.status else 0
        now = time.monotonic()
        for trigger in ((Trigger.CONNECTION,) if came_back else ()) + (Trigger.TIMER, Trigger.WATCHDOG):
            if self.scheduler.should_start(trigger, now, pending=pending):
                self._start(trigger)
                return
        self.refresh()

    def _set_online(self, online: bool | None) -> bool:
        before = self.scheduler.online
        came_back = self.scheduler.set_online(online, time.monotonic())
        if online != before:
            self.online_changed.emit(online)
            self._emit_bar()
        return came_back

    def _local_change(self, what: str) -> None:
        """Pages changed something that queues outbox ops: show the new count, and send it soon."""
        if what not in ("contacts", "briefs", "turfs"):
            return
        self.refresh()
        self._soon.start(int(self.scheduler.change_delay * 1000))

    def sync_now(self) -> bool:
        """The person pressed "Sync now": start unless a sync is already running."""
        return self.request(Trigger.SYNC_NOW)

    def request(self, trigger: Trigger) -> bool:
        if trigger is not Trigger.SYNC_NOW and self.status is not None and not self.status.enrolled:
            return False  # nothing to do automatically before enrollment
        pending = self.status.pending if self.status else 1
        if not self.scheduler.should_start(trigger, time.monotonic(), pending=pending):
            return False
        self._start(trigger)
        return True

    # work -----------------------------------------------------------------------------------------------------
    def _start(self, trigger: Trigger) -> None:
        self.scheduler.started(time.monotonic())
        self.busy_changed.emit(True)
        self._emit_bar()
        store = self.ctx.store
        log.info("sync started (%s)", trigger.value)
        self.ctx.runner.run(lambda _c: sync(store, options=SyncOptions(attempts=2)), on_done=self._finished,
                            on_error=self._crashed, db=False)

    def _finished(self, report: SyncReport) -> None:
        self.scheduler.finished(time.monotonic(), ok=report.ok, error=report.error, retry_after=report.retry_after)
        if report.error_kind == "network":
            self._set_online(False)
        elif report.error_kind is None:
            self._set_online(True)
        self.busy_changed.emit(False)
        self.report_ready.emit(report)
        if report.wiped:
            wiped = translate("SyncController", "This device was revoked: its voter data was wiped.")
            self.ctx.events.status_message.emit(wiped)
        if sum(report.pulled.values()) or report.wiped or report.rejected:  # pages mark what was refused
            self.ctx.events.data_changed.emit("sync")
        self.refresh()

    def _crashed(self, exc: BaseException) -> None:
        self.scheduler.finished(time.monotonic(), ok=False, error=str(exc))
        self.busy_changed.emit(False)
        self.refresh()

    def enroll(self, server_url: str, code: str, *, on_done: Any, on_error: Any) -> None:
        """Enroll off the GUI thread; on_done(Enrolled) or on_error(exception) come back on the GUI thread."""
        store = self.ctx.store

        def done(result: Enrolled) -> None:
            on_done(result)
            self.ctx.sign_in(whoami.Person(result.member_name, result.role, result.member_id, result.list_prefix))
            self.refresh()
            self.request(Trigger.SYNC_NOW)

        self.ctx.runner.run(lambda _c: enroll(store, server_url, code), on_done=done, on_error=on_error, db=False)

    def refresh(self) -> None:
        """Reload the status (a short database read on the database worker) and tell the page and status bar."""
        store, language = self.ctx.store, resolve_language()
        self.ctx.runner.run(lambda _c: sync_status(store, language=language), on_done=self._status_loaded, db=True)

    def mark_seen(self, seqs: Sequence[int]) -> None:
        """The person saw these refused changes: they stop counting in the status bar."""
        store, wanted = self.ctx.store, list(seqs)

        def task(_control: Any) -> int:
            with store.session() as session:
                return mark_seen(session, wanted)

        self.ctx.runner.run(task, on_done=lambda _n: self.refresh(), db=True)

    def _status_loaded(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)
        self._emit_bar()

    def bar_words(self) -> str:
        """"online · all sent", "offline · 3 waiting · 2 not accepted": never "all sent" over an unseen refusal."""
        status = self.status
        unseen = status.unseen if status is not None else 0
        if status is not None and not status.enrolled:
            where = (translate("SyncController", "revoked, data wiped") if status.wiped
                     else translate("SyncController", "not connected"))
            parts = [where]
        else:
            if self.scheduler.running:
                where = translate("SyncController", "syncing…")
            else:
                where = {
                    True: translate("SyncController", "online"),
                    False: translate("SyncController", "offline"),
                    None: translate("SyncController", "checking"),
                }[self.scheduler.online]
            parts = [where]
            if status is not None and status.pending:
                parts.append(translate("SyncController", "{0} waiting").format(status.pending))
            elif status is not None and not unseen and not self.scheduler.running:
                parts.append(translate("SyncController", "all sent"))
        if unseen:
            parts.append(translate("SyncController", "{0} not accepted").format(unseen))
        return " · ".join(parts)

    def bar_tooltip(self) -> str:
        status = self.status
        if status is None:
            return ""
        lines = []
        if status.pending:
            age = describe_age(status.oldest_pending_age_s)
            lines.append(translate("SyncController", "Oldest waiting change: {0} old").format(age))
        if status.unseen:
            lines.append(translate("SyncController", "{0} change(s) the server did not accept: click to see them")
                         .format(status.unseen))
        return "\n".join(lines)

    def _emit_bar(self) -> None:
        self.bar_text.emit(self.bar_words())
