"""Scorecards as the server sends them (scope `scorecards`), applied through the real pull path into a store."""

from __future__ import annotations

from typing import Any

from canvass_app.store.database import Store
from canvass_app.sync.pull import apply_page, local_county
from canvass_protocol import wire


def vote(date: str, bill: str, option: str, counts_as: str, brief: str = "Fair Wages", weight: int = 1,
         aligned: str = "yes") -> dict[str, Any]:
    return {"brief_slug": brief.lower().replace(" ", "-"), "brief_title": brief, "bill": bill, "session": "2025",
            "bill_title": f"An act on {bill}", "motion": "Third Reading", "date": date, "option": option,
            "aligned_option": aligned, "counts_as": counts_as, "weight": weight}


CARDS: list[dict[str, Any]] = [
    {"id": "ocd-person/aaaa", "name": "Alice Alvarez", "party": "Democratic", "chamber": "lower", "district": "12",
     "aligned": 2, "against": 1, "absent": 1, "other": 0, "score": 0.75,
     "votes": [vote("2025-02-01", "HB 1", "yes", "aligned"), vote("2025-03-05", "HB 7", "no", "against"),
               vote("2025-04-10", "SB 3", "yes", "aligned", "Clean Water", 2),
               vote("2025-05-01", "HB 9", "absent", "absent")]},
    {"id": "ocd-person/bbbb", "name": "Bob Brown", "party": "Republican", "chamber": "upper", "district": "12",
     "aligned": 0, "against": 2, "absent": 0, "other": 1, "score": 0.0,
     "votes": [vote("2025-02-01", "HB 1", "no", "against"), vote("2025-03-05", "HB 7", "yes", "against", aligned="no"),
               vote("2025-04-10", "SB 3", "paired", "other", "Clean Water", 2)]},
    {"id": "ocd-person/cccc", "name": "Carmen Cruz", "party": "Independent", "chamber": "lower", "district": "3",
     "aligned": 0, "against": 0, "absent": 0, "other": 0, "score": None, "votes": []},
]


def pull_cards(store: Store, cards: list[dict[str, Any]] | None = None) -> None:
    page = wire.ChangesPage(scope="scorecards", items=cards or CARDS, cursor="c1", has_more=False)
    with store.session() as session:
        apply_page(session, local_county(session, "Wake", "NC"), page)
