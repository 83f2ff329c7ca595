"""What the Sync page, the status bar and `canvass-app status` show: queue, last sync, device, server."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from canvass_app.store.database import Store
from canvass_app.store.models import Setting
from canvass_app.sync import batches, identity
from canvass_app.sync.pull import WIPE_SETTING
from canvass_app.sync.rejections import Rejection, list_rejections, unseen_count
from canvass_app.sync.syncer import LAST_SETTING


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    device_id: str | None
    server_url: str | None
    county: str | None
    pending: int
    oldest_pending_at: str | None
    oldest_pending_age_s: float | None
    rejected: int
    unseen: int  # refused ops the person has not marked seen: the status bar never says "all sent" over them
    synced: int
    last_sync_at: str | None
    last_success_at: str | None
    last_error: str | None
    wiped: dict[str, Any] | None
    rejected_ops: list[Rejection] = field(default_factory=list)  # the most recent, newest first

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def line(self) -> str:
        if self.wiped and not self.enrolled:
            return f"device revoked and wiped at {self.wiped.get('at')}; enroll again to sync"
        who = f"device {self.device_id} on {self.server_url}" if self.enrolled else "not enrolled"
        age = f", oldest {describe_age(self.oldest_pending_age_s)} old" if self.oldest_pending_age_s else ""
        last = f"last sync {self.last_success_at}" if self.last_success_at else "never synced"
        unseen = f" ({self.unseen} not seen yet)" if self.unseen else ""
        return f"{self.pending} op(s) pending{age}; {self.rejected} rejected{unseen}; {last}; {who}"


def describe_age(seconds: float | None) -> str:
    """'45 s', '12 min', '3 h', '2 days'."""
    if seconds is None:
        return "-"
    if seconds < 90:
        return f"{int(seconds)} s"
    if seconds < 90 * 60:
        return f"{int(seconds // 60)} min"
    if seconds < 48 * 3600:
        return f"{int(seconds // 3600)} h"
    return f"{int(seconds // 86400)} days"


def sync_status(store: Store, *, now: dt.datetime | None = None, rejected_limit: int = 50,
                language: str = "en") -> SyncStatus:
    now = now or dt.datetime.now(dt.UTC)
    try:
        ident = identity.load(store)
    except identity.IdentityError:
        ident = None
    with store.session() as session:
        queue = batches.queue_state(session)
        last_row = session.get(Setting, LAST_SETTING)
        last = last_row.value if last_row is not None and isinstance(last_row.value, dict) else {}
        wiped_row = session.get(Setting, WIPE_SETTING)
        rejected = list_rejections(session, language=language, limit=rejected_limit)
        unseen = unseen_count(session)
    oldest = queue.oldest_pending_at
    return SyncStatus(
        enrolled=ident is not None,
        device_id=ident.device_id if ident else None,
        server_url=ident.server_url if ident else None,
        county=f"{ident.county_name} {ident.county_state}".strip() if ident else None,
        pending=queue.pending,
        oldest_pending_at=oldest.isoformat() if oldest else None,
        oldest_pending_age_s=max(0.0, (now - oldest).total_seconds()) if oldest else None,
        rejected=queue.rejected,
        unseen=unseen,
        synced=queue.synced,
        last_sync_at=last.get("at"),
        last_success_at=last.get("success_at"),
        last_error=None if last.get("ok") else last.get("error"),
        wiped=wiped_row.value if wiped_row is not None and isinstance(wiped_row.value, dict) else None,
        rejected_ops=rejected,
    )
