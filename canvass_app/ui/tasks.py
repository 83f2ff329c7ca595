"""The one task runner: work runs off the GUI thread, results come back to the GUI thread by signal.

Database work is serialised on one worker thread (SQLite allows one writer); network work runs on its own pool
beside it. Tasks never touch widgets: they get a `TaskControl` to report progress and see cancellation.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task by `TaskControl.check()` once the person pressed Cancel."""


class TaskControl:
    """Handed to a task: report progress, and ask whether the person cancelled."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, message: str = "") -> None:
        self._signals.progress.emit(done, total, message)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)  # the exception
    progress = Signal(int, int, str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskControl], Any], signals: _Signals, control: TaskControl) -> None:
        super().__init__()
        self.fn, self.signals, self.control = fn, signals, control
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.control)
        except Exception as exc:
            if not isinstance(exc, Cancelled):
                # The type and the place, never the message: it may name a voter (the person sees it, the log not).
                where = traceback.extract_tb(exc.__traceback__)[-1]
                log.error("task failed: %s at %s:%d", type(exc).__name__, Path(where.filename).name, where.lineno)
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs callables off the GUI thread. `db=True` (the default) serialises with all other database work."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)
        self._net_pool = QThreadPool(self)
        self._net_pool.setMaxThreadCount(2)
        self._live: set[_Signals] = set()

    def run(
        self,
        fn: Callable[[TaskControl], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        db: bool = True,
    ) -> TaskControl:
        signals = _Signals()
        control = TaskControl(signals)
        self._live.add(signals)  # keep the signal object alive until the task reports back

        def finished(_: object) -> None:
            self._live.discard(signals)
            self.busy_changed.emit(bool(self._live))

        if on_done is not None:
            signals.done.connect(on_done)
        if on_error is not None:
            signals.failed.connect(on_error)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        signals.done.connect(finished)
        signals.failed.connect(finished)
        self.busy_changed.emit(True)
        (self._db_pool if db else self._net_pool).start(_Runnable(fn, signals, control))
        return control

    def wait(self, msecs: int = 30000) -> bool:
        """Block until queued work is done (tests and shutdown)."""
        return self._db_pool.waitForDone(msecs) and self._net_pool.waitForDone(msecs)
