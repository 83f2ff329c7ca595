"""Retry delays: capped exponential backoff with full jitter, and the server's Retry-After when it gives one."""

from __future__ import annotations

import datetime as dt
import email.utils
import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """The delay before try number `failures + 1`; `reset()` after a success.

    Full jitter (a uniform draw in [0, min(cap, base * 2**failures)]) spreads many devices that lost the
    server at the same moment, so they do not all come back in the same second. Retry-After is a floor.
    """

    base: float = 2.0
    cap: float = 300.0
    failures: int = 0
    rng: random.Random = field(default_factory=random.Random, repr=False)

    def ceiling(self) -> float:
        return min(self.cap, self.base * (2 ** min(self.failures, 30)))

    def next_delay(self, retry_after: float | None = None) -> float:
        """Count one more failure and return how long to wait before the next try, in seconds."""
        delay = self.rng.uniform(0, self.ceiling())
        self.failures += 1
        if retry_after is not None:
            delay = max(delay, retry_after)
        return delay

    def reset(self) -> None:
        self.failures = 0


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())
