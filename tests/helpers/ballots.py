"""Ballot test helpers: a pulled ballot item (scope `ballots`) as the server sends it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from canvass_protocol import wire


def ballot_item(ballot_id: int = 7, slug: str = "free-school-meals", *, status: str = "open",
                closes: dt.datetime | None = None, result: dict[str, Any] | None = None) -> dict[str, Any]:
    now = dt.datetime.now(dt.UTC)
    return wire.BallotItem(
        id=ballot_id, brief_slug=slug, title=slug.replace("-", " ").capitalize(), scope="county",
        opens_at=(now - dt.timedelta(days=1)).isoformat(),
        closes_at=(closes or now + dt.timedelta(days=2, hours=3)).isoformat(), quorum=0.25, threshold=0.5,
        status=status, electorate=3,  # type: ignore[arg-type]
        result=wire.BallotResult.model_validate(result) if result else None,
    ).model_dump(mode="json")
