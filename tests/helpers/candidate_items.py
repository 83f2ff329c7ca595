"""Candidates as the server sends them (scope `candidates`), applied through the real pull path into a store."""

from __future__ import annotations

from typing import Any

from canvass_app.store.database import Store
from canvass_app.sync.pull import apply_page, local_county
from canvass_protocol import wire


def candidate(cid: int, name: str, *, official_id: str | None = None, status: str = "endorsed",
              district: str = "12", mine: bool = True, answers: dict[str, str] | None = None,
              petition: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    questionnaire = [{"brief_slug": slug, "brief_title": slug.replace("-", " ").title(), "answer": answer,
                      "comment": ""} for slug, answer in (answers or {}).items()]
    return wire.CandidateItem.model_validate({
        "id": cid, "name": name, "official_id": official_id, "office": "NC House", "state": "NC", "chamber": "lower",
        "district": district, "status": status, "questionnaire": questionnaire,
        "petition": {"round": 1, "open": status == "endorsed", "signatures": 3, "needed": 10, "receipts": []}
        | (petition or {}), "in_my_district": mine, **extra}).model_dump(mode="json")


CANDIDATES: list[dict[str, Any]] = [
    candidate(1, "Alice Alvarez", official_id="ocd-person/aaaa",
              answers={"fair-wages": "support", "clean-water": "oppose"}),
    candidate(2, "Nia Newcomer", status="vetting", answers={"fair-wages": "support"}),
    candidate(3, "Bob Brown", official_id="ocd-person/bbbb", district="40", mine=False,
              answers={"fair-wages": "support"}),
]


def pull_candidates(store: Store, items: list[dict[str, Any]] | None = None) -> None:
    page = wire.ChangesPage(scope="candidates", items=CANDIDATES if items is None else items, cursor="c1",
                            has_more=False)
    with store.session() as session:
        apply_page(session, local_county(session, "Wake", "NC"), page)
