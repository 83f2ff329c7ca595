"""Backoff with jitter and Retry-After, and the scheduler's decisions: connection, timer, Sync now, watchdog."""

from __future__ import annotations

import datetime as dt
import random

from canvass_app.sync.backoff import Backoff, parse_retry_after
from canvass_app.sync.scheduler import Scheduler, Trigger


def test_backoff_grows_to_its_cap_with_full_jitter() -> None:
    backoff = Backoff(base=1.0, cap=60.0, rng=random.Random(4))
    ceilings, delays = [], []
    for _ in range(10):
        ceilings.append(backoff.ceiling())
        delays.append(backoff.next_delay())
    assert ceilings == [1, 2, 4, 8, 16, 32, 60, 60, 60, 60]
    assert all(0 <= d <= c for d, c in zip(delays, ceilings, strict=True))
    assert len({round(d, 6) for d in delays}) == 10  # jittered, not lock-step
    backoff.reset()
    assert backoff.ceiling() == 1


def test_retry_after_is_a_floor() -> None:
    backoff = Backoff(base=1.0, cap=5.0, rng=random.Random(1))
    assert backoff.next_delay(retry_after=30) == 30
    assert backoff.failures == 1


def test_retry_after_header_forms() -> None:
    now = dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.UTC)
    assert parse_retry_after("30") == 30.0
    assert parse_retry_after("Fri, 01 May 2026 12:01:00 GMT", now) == 60.0
    assert parse_retry_after("Fri, 01 May 2026 11:00:00 GMT", now) == 0.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None


def _scheduler() -> Scheduler:
    return Scheduler(interval=300, watchdog_after=900, change_delay=5,
                     backoff=Backoff(base=10, cap=100, rng=random.Random(2)))


def test_sync_now_always_starts_unless_one_is_running() -> None:
    s = _scheduler()
    s.set_online(False, 0)
    assert s.should_start(Trigger.SYNC_NOW, 0)
    s.started(0)
    assert not s.should_start(Trigger.SYNC_NOW, 1)


def test_offline_holds_everything_but_sync_now_and_the_watchdog() -> None:
    s = _scheduler()
    s.set_online(False, 0)
    assert not s.should_start(Trigger.TIMER, 1000, pending=5)
    assert not s.should_start(Trigger.CHANGE, 1000, pending=5)
    assert s.should_start(Trigger.WATCHDOG, 1000, pending=5)  # never tried: the watchdog insists


def test_a_failure_backs_off_and_the_connection_coming_back_clears_it() -> None:
    s = _scheduler()
    s.set_online(True, 0)
    s.started(0)
    s.finished(1, ok=False, error="cannot reach the server")
    wait = s.seconds_until_next(1)
    assert 0 <= wait <= 10
    s.started(1 + wait)
    s.finished(2 + wait, ok=False, error="again", retry_after=50)
    assert s.seconds_until_next(2 + wait) >= 50
    assert not s.should_start(Trigger.TIMER, 3 + wait, pending=3)
    assert s.set_online(False, 4 + wait) is False
    assert s.set_online(True, 5 + wait) is True  # came back
    assert s.should_start(Trigger.CONNECTION, 5 + wait, pending=3)
    assert s.should_start(Trigger.TIMER, 5 + wait, pending=3)
    assert s.backoff.failures == 0


def test_timer_runs_with_pending_ops_or_after_the_interval() -> None:
    s = _scheduler()
    s.set_online(True, 0)
    s.started(0)
    s.finished(1, ok=True)
    assert not s.should_start(Trigger.TIMER, 100, pending=0)
    assert s.should_start(Trigger.TIMER, 100, pending=2)
    assert s.should_start(Trigger.TIMER, 301, pending=0)  # the periodic pull


def test_changes_are_gathered_for_a_few_seconds() -> None:
    s = _scheduler()
    s.set_online(True, 0)
    s.started(0)
    s.finished(0.5, ok=True)
    assert not s.should_start(Trigger.CHANGE, 2, pending=1)
    assert s.should_start(Trigger.CHANGE, 6, pending=1)


def test_watchdog_restarts_a_queue_untried_for_too_long() -> None:
    s = _scheduler()
    s.set_online(True, 0)
    s.started(0)
    s.finished(1, ok=False, error="x", retry_after=5000)
    assert not s.should_start(Trigger.WATCHDOG, 500, pending=4)
    assert not s.should_start(Trigger.WATCHDOG, 1000, pending=0)
    assert s.should_start(Trigger.WATCHDOG, 1000, pending=4)
