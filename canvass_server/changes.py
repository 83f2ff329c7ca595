"""GET /v1/changes: paged, per-scope cursors over (version, id); the device sees only its own county's data."""

from __future__ import annotations

import base64
import json
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from canvass_protocol import wire
from canvass_server import versions
from canvass_server.devices import device_status
from canvass_server.errors import ApiError
from canvass_server.models import (
    County,
    Device,
    Household,
    PolicyBrief,
    PolicyVote,
    SecuredRight,
    SurveyQuestion,
    Turf,
    Voter,
)

# The columns sent are the wire models' fields (canvass_protocol.wire), named alike on the server's tables.
HOUSEHOLD_FIELDS = wire.item_fields("households")
VOTER_FIELDS = tuple(f for f in wire.item_fields("voters") if f != "household_key")
BRIEF_FIELDS = tuple(f for f in wire.item_fields("briefs") if f not in ("version", "updated_at", "tally"))


def encode_cursor(scope: str, epoch: int, version: int, row_id: int) -> str:
    raw = json.dumps({"s": scope, "e": epoch, "v": version, "i": row_id}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, scope: str) -> tuple[int, int, int] | None:
    """(epoch, version, id), or None when the cursor is not one this server gave for this scope."""
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if data["s"] != scope:
            return None
        return int(data["e"]), int(data["v"]), int(data["i"])
    except (ValueError, KeyError, TypeError):
        return None


def _pick(row: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: getattr(row, f) for f in fields}


def changes(session: Session, device: Device, scope: str, cursor: str | None, page_size: int) -> wire.ChangesPage:
    county = session.get_one(County, device.county_id)
    if scope == "device":
        status = device_status(device, county).model_dump(mode="json")
        return wire.ChangesPage(scope=scope, items=[status], cursor="device", has_more=False)
    if device.status != "active":
        raise ApiError(403, wire.ErrorCode.DEVICE_REVOKED, "This device has been revoked: wipe local voter data.",
                       detail={"wipe": True})
    tables: dict[str, tuple[Any, str, Any]] = {
        "households": (Household, f"households:{county.id}", Household.county_id == county.id),
        "voters": (Voter, f"voters:{county.id}", Voter.county_id == county.id),
        "assignments": (Turf, f"assignments:{county.id}", Turf.county_id == county.id),
        "rights": (SecuredRight, "rights", None),
        "briefs": (PolicyBrief, "briefs", None),
        "surveys": (SurveyQuestion, "surveys", None),
    }
    if scope not in tables:
        raise ApiError(400, wire.ErrorCode.INVALID_SCOPE, f"scope must be one of {', '.join(wire.SCOPES)}")
    model, key, where = tables[scope]
    epoch, top = versions.current(session, key)
    position = decode_cursor(cursor, scope) if cursor else (epoch, 0, 0)
    # A cursor from another epoch, a future version (a restored database) or garbage: start the scope again.
    refetch = position is None or position[0] != epoch or position[1] > top
    _, after_version, after_id = (epoch, 0, 0) if refetch or position is None else position
    stmt = select(model).where(
        or_(model.version > after_version, and_(model.version == after_version, model.id > after_id))
    )
    if where is not None:
        stmt = stmt.where(where)
    rows = session.scalars(stmt.order_by(model.version, model.id).limit(page_size + 1)).all()
    has_more = len(rows) > page_size
    rows = rows[:page_size]
    items = _render(session, scope, device, rows)
    last = rows[-1] if rows else None
    next_cursor = encode_cursor(scope, epoch, last.version, last.id) if last else encode_cursor(
        scope, epoch, after_version, after_id)
    return wire.ChangesPage(scope=scope, items=items, cursor=next_cursor, has_more=has_more, refetch=refetch)


def _render(session: Session, scope: str, device: Device, rows: Any) -> list[dict[str, Any]]:
    if scope == "households":
        return [_pick(h, HOUSEHOLD_FIELDS) for h in rows]
    if scope == "voters":
        keys = dict(session.execute(select(Household.id, Household.key).where(
            Household.id.in_({v.household_id for v in rows if v.household_id}))).all())
        return [_pick(v, VOTER_FIELDS) | {"household_key": keys.get(v.household_id)} for v in rows]
    if scope == "assignments":
        return [{"list_number": t.list_number, "name": t.name, "canvasser": t.canvasser,
                 "mine": bool(t.canvasser) and t.canvasser.casefold() == device.label.casefold(),
                 "checked_out_at": t.checked_out_at.isoformat() if t.checked_out_at else None,
                 "returned_at": t.returned_at.isoformat() if t.returned_at else None} for t in rows]
    if scope == "rights":
        return [{"slug": r.slug, "title": r.title, "text": r.text, "sort_order": r.sort_order} for r in rows]
    if scope == "briefs":
        return _briefs(session, rows)
    return [{"key": q.key, "text": q.text, "kind": q.kind, "sort_order": q.sort_order, "active": q.active,
             "options": q.options} for q in rows]


def _briefs(session: Session, rows: Any) -> list[dict[str, Any]]:
    """Briefs (BriefDoc wire form) with tallies. The charter rule: a brief that declares a conflict with a
    Secured Right is never served as adopted, whatever the database says."""
    tallies: dict[tuple[str, str], int] = {}
    for slug, choice, n in session.execute(
        select(PolicyVote.brief_slug, PolicyVote.choice, func.count())
        .where(PolicyVote.brief_slug.in_({b.slug for b in rows}))
        .group_by(PolicyVote.brief_slug, PolicyVote.choice)
    ):
        tallies[(slug, choice)] = n
    items = []
    for brief in rows:
        item = _pick(brief, BRIEF_FIELDS)
        if brief.conflicts and item["status"] == "adopted":
            item["status"] = "proposed"
        item["version"] = brief.revision
        item["updated_at"] = brief.updated_at.isoformat() if brief.updated_at else None
        item["tally"] = {c: tallies.get((brief.slug, c), 0) for c in ("support", "oppose", "abstain")}
        items.append(item)
    return items
