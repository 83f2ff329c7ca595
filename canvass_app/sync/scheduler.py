"""When to sync: connection returns, a timer, "Sync now", and a watchdog for a queue nobody has tried for too long.

Pure logic with an injected clock (monotonic seconds), so the Qt controller, a headless loop and the tests all
drive the same decisions. The scheduler never syncs by itself: callers ask `should_start` and report back.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from enum import StrEnum

from canvass_app.sync.backoff import Backoff


class Trigger(StrEnum):
    CONNECTION = "connection"  # the network (or the server probe) came back
    TIMER = "timer"  # the periodic tick
    SYNC_NOW = "sync_now"  # the person asked
    WATCHDOG = "watchdog"  # a non-empty queue nobody has tried for too long
    CHANGE = "change"  # a local change was just queued


@dataclass
class Scheduler:
    """Decides whether a sync should start now; holds the backoff state between tries."""

    interval: float = 300.0  # timer: a sync at least this often while there is anything to do
    watchdog_after: float = 900.0  # a pending queue untried this long is tried whatever the backoff says
    change_delay: float = 5.0  # gather a burst of door knocks into one batch
    backoff: Backoff = field(default_factory=Backoff)
    online: bool | None = None  # None: the platform cannot tell
    running: bool = False
    last_try: float | None = None
    last_success: float | None = None
    last_error: str | None = None
    not_before: float = 0.0  # backoff: no automatic try before this moment
    rng: random.Random = field(default_factory=random.Random, repr=False)

    def should_start(self, trigger: Trigger, now: float, *, pending: int = 0) -> bool:
        """True when a sync should start now for this trigger."""
        if self.running:
            return False
        if trigger is Trigger.SYNC_NOW:
            return True
        if self.online is False and trigger is not Trigger.WATCHDOG:
            return False
        if trigger is Trigger.WATCHDOG:
            return pending > 0 and (self.last_try is None or now - self.last_try >= self.watchdog_after)
        if trigger is Trigger.CONNECTION:
            return True  # a returning network clears the wait: the failure was most likely the network
        if now < self.not_before:
            return False
        if trigger is Trigger.CHANGE:
            return self.last_try is None or now - self.last_try >= self.change_delay
        # TIMER: anything waiting, a failed last try whose backoff has run out, or the periodic pull.
        if pending > 0 or self.last_error is not None:
            return True
        return self.last_try is None or now - self.last_try >= self.interval

    def set_online(self, online: bool | None, now: float) -> bool:
        """Record reachability; True when it just came back (the caller then asks with CONNECTION)."""
        came_back = online is True and self.online is False
        self.online = online
        if came_back:
            self.not_before = now
            self.backoff.reset()
        return came_back

    def started(self, now: float) -> None:
        self.running = True
        self.last_try = now

    def finished(self, now: float, *, ok: bool, error: str | None = None, retry_after: float | None = None) -> None:
        """Report the outcome; a failure pushes the next automatic try out by the backoff (or Retry-After)."""
        self.running = False
        if ok:
            self.last_success = now
            self.last_error = None
            self.backoff.reset()
            self.not_before = now
        else:
            self.last_error = error or "sync failed"
            self.not_before = now + self.backoff.next_delay(retry_after)

    def seconds_until_next(self, now: float) -> float:
        return max(0.0, self.not_before - now)
