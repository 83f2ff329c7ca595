"""A full offline day: contacts logged with the server down arrive by themselves once it is back."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from sync_harness import Server, contact, pending

from canvass_app.store import outbox
from canvass_app.store.database import Store
from canvass_app.sync.autosync import AutoSync
from canvass_app.sync.backoff import Backoff
from canvass_app.sync.enroll import enroll
from canvass_app.sync.scheduler import Scheduler


def _wait_for(condition: Callable[[], bool], limit: float = 90.0) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def test_a_day_offline_then_everything_arrives_without_a_click(server: Server,
                                                               make_store: Callable[[str], Store]) -> None:
    voters = server.seed_voters(300)
    store = make_store("offline")
    enroll(store, server.url, server.code())
    server.stop()
    scheduler = Scheduler(interval=3600, watchdog_after=2.0, backoff=Backoff(base=0.2, cap=1.0))
    loop = AutoSync(store, scheduler=scheduler, tick=0.2).start()
    try:
        morning = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
        for hour in range(10):  # a day of doors, logged hour by hour while the server is unreachable
            with store.session() as s:
                for voter in voters[hour * 30 : (hour + 1) * 30]:
                    when = morning + dt.timedelta(hours=hour)
                    outbox.enqueue(s, "contact_attempt", contact(voter, created_at=when.isoformat()))
        assert _wait_for(lambda: any(r.error_kind == "network" for r in loop.reports))
        assert pending(store) == 300 and scheduler.online is False
        server.start()
        assert _wait_for(lambda: server.contacts() == 300 and pending(store) == 0)
    finally:
        loop.stop()
    assert server.distinct_ops() == 300
    assert loop.reports[-1].ok
