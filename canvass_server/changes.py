"""GET /v1/changes: paged, per-scope cursors over (version, id) (`voted`: (version, voter_id)), each scope as far
as the caller's role reaches (canvass_protocol.roles.PULL): the whole county, only the member's own turfs and their
voters, or refused."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from canvass_protocol import roles, wire
from canvass_server import ballots, candidates, rides, scorecards, versions
from canvass_server.authz import Caller
from canvass_server.candidates_models import Candidate
from canvass_server.devices import device_status
from canvass_server.errors import ApiError
from canvass_server.models import (
    Ballot,
    ContactAttempt,
    Household,
    Member,
    PolicyBrief,
    RideRequest,
    SecuredRight,
    SurveyQuestion,
    Turf,
    TurfAssignment,
    TurfLine,
    Voted,
    Voter,
)
from canvass_server.officials_models import Official
from canvass_server.turfs import scope_key as turfs_key

# The columns sent are the wire models' fields (canvass_protocol.wire), named alike on the server's tables.
HOUSEHOLD_FIELDS = wire.item_fields("households")
VOTER_FIELDS = tuple(f for f in wire.item_fields("voters") if f != "household_key")
VOTED_FIELDS = tuple(f for f in wire.item_fields("voted") if f != "state_voter_id")
BRIEF_FIELDS = tuple(f for f in wire.item_fields("briefs") if f not in ("version", "updated_at"))
MEMBER_FIELDS = wire.item_fields("members")
TURFS_PER_PAGE = 20  # a turf carries up to wire.MAX_TURF_LINES lines: pages of turfs stay a few MB at most

Render = Callable[[Session, Caller, Any], list[dict[str, Any]]]


@dataclass(frozen=True)
class Feed:
    """What one scope sends a caller: rows of `model` (with `version` and a column `row`, `id` unless named, unique
    within a version) matching `where`, versioned under `key`, rendered by `render`. `fingerprint` names the
    caller's reach: when it changes the scope starts again."""

    model: Any
    key: str
    where: Any
    render: Render
    fingerprint: str = ""
    page_size: int | None = None
    first_id: int | str = 0  # below every row id: 0, or "" for tables keyed by a UUID (contacts)
    row: str = "id"


def encode_cursor(scope: str, epoch: int, version: int, row_id: int | str, fingerprint: str = "") -> str:
    data: dict[str, Any] = {"s": scope, "e": epoch, "v": version, "i": row_id}
    if fingerprint:
        data["f"] = fingerprint
    raw = json.dumps(data, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, scope: str, fingerprint: str = "") -> tuple[int, int, int | str] | None:
    """(epoch, version, id), or None when the cursor is not one this server gave for this scope and reach."""
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if data["s"] != scope or data.get("f", "") != fingerprint:
            return None
        row_id = data["i"]
        return int(data["e"]), int(data["v"]), row_id if isinstance(row_id, str) else int(row_id)
    except (ValueError, KeyError, TypeError):
        return None


def _pick(row: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: getattr(row, f) for f in fields}


# ---- what each scope sends ----------------------------------------------------------------------------------


def _held_turfs(caller: Caller) -> Any:
    return select(Turf.id).where(Turf.county_id == caller.county.id, Turf.member_id == caller.member.id,
                                 Turf.deleted.is_(False))


def _held_fingerprint(session: Session, caller: Caller) -> str:
    """The turfs the member holds now and their versions: a new turf, or one re-cut, restarts their voters."""
    held = session.execute(select(Turf.id, Turf.version).where(Turf.id.in_(_held_turfs(caller))).order_by(Turf.id))
    text = ",".join(f"{tid}:{version}" for tid, version in held)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _held_voters(caller: Caller) -> Any:
    return select(TurfLine.voter_id).where(TurfLine.turf_id.in_(_held_turfs(caller)))


def households(session: Session, caller: Caller, reach: roles.Reach) -> Feed:
    where = Household.county_id == caller.county.id
    if reach == "own":
        homes = select(Voter.household_id).where(Voter.id.in_(_held_voters(caller)))
        return Feed(Household, f"households:{caller.county.id}", and_(where, Household.id.in_(homes)),
                    _render_households, _held_fingerprint(session, caller))
    return Feed(Household, f"households:{caller.county.id}", where, _render_households)


def voters(session: Session, caller: Caller, reach: roles.Reach) -> Feed:
    where = Voter.county_id == caller.county.id
    if reach == "own":
        return Feed(Voter, f"voters:{caller.county.id}", and_(where, Voter.id.in_(_held_voters(caller))),
                    _render_voters, _held_fingerprint(session, caller))
    return Feed(Voter, f"voters:{caller.county.id}", where, _render_voters)


def voted(session: Session, caller: Caller, reach: roles.Reach) -> Feed:
    """Who has voted (GOTV): its own scope, so that a voted file never rewrites a voter row. A canvasser gets the
    rows of the voters on their turfs, restarted like `voters` when the turfs they hold change. Rows have no id
    (migration 0018): within a version they page by voter (an import writes one election's rows, one version)."""
    where = Voted.county_id == caller.county.id
    if reach == "own":
        return Feed(Voted, f"voted:{caller.county.id}", and_(where, Voted.voter_id.in_(_held_voters(caller))),
                    _render_voted, _held_fingerprint(session, caller), row="voter_id")
    return Feed(Voted, f"voted:{caller.county.id}", where, _render_voted, row="voter_id")


def turfs(session: Session, caller: Caller, reach: roles.Reach) -> Feed:
    where = Turf.county_id == caller.county.id
    if reach == "own":  # the turfs they hold, and those they held: sent (as deleted) when they change hands
        ever = select(TurfAssignment.turf_id).where(TurfAssignment.member_id == caller.member.id)
        where = and_(where, or_(Turf.member_id == caller.member.id, Turf.id.in_(ever)))
    return Feed(Turf, turfs_key(caller.county.id), where, _render_turfs, page_size=TURFS_PER_PAGE)


def contacts(session: Session, caller: Caller, reach: roles.Reach) -> Feed:
    where = ContactAttempt.county_id == caller.county.id
    if reach == "own":
        return Feed(ContactAttempt, f"contacts:{caller.county.id}",
                    and_(where, ContactAttempt.voter_id.in_(_held_voters(caller))), _render_contacts,
                    _held_fingerprint(session, caller), first_id="")
    return Feed(ContactAttempt, f"contacts:{caller.county.id}", where, _render_contacts, first_id="")


def members(session: Session, caller: Caller, reach: roles.Reach) -> Feed:
    return Feed(Member, f"members:{caller.county.id}", Member.county_id == caller.county.id,
                lambda _s, _c, rows: [_pick(m, MEMBER_FIELDS) for m in rows])


def rights(session: Session, caller: Caller, reach: roles.Reach) -> Feed:
    return Feed(SecuredRight, "rights", None, lambda _s, _c, rows: [
        {"slug": r.slug, "title": r.title, "text": r.text, "sort_order": r.sort_order} for r in rows])


def briefs(session: Session, caller: Caller, reach: roles.Reach) -> Feed:
    return Feed(PolicyBrief, "briefs", None, _render_briefs)


def surveys(session: Session, caller: Caller, reach: roles.Reach) -> Feed:
    return Feed(SurveyQuestion, "surveys", None, lambda _s, _c, rows: [
        {"key": q.key, "text": q.text, "kind": q.kind, "sort_order": q.sort_order, "active": q.active,
         "options": q.options} for q in rows])


def ballots_feed(session: Session, caller: Caller, reach: roles.Reach) -> Feed:
    ballots.finalise_due(session)  # the results of ballots past their closing time go out in this very pull
    return Feed(Ballot, ballots.PULL_KEY, ballots.covers(caller), ballots.pull_items)


def scorecards_feed(session: Session, caller: Caller, reach: roles.Reach) -> Feed:
    return Feed(Official, scorecards.PULL_KEY, None, scorecards.pull_items)


def candidates_feed(session: Session, caller: Caller, reach: roles.Reach) -> Feed:
    ballots.finalise_due(session)  # a recall or endorsement past its closing time changes its candidate first
    return Feed(Candidate, candidates.PULL_KEY, None, candidates.pull_items, candidates.fingerprint(session, caller))


def rides_feed(session: Session, caller: Caller, reach: roles.Reach) -> Feed:
    return Feed(RideRequest, rides.scope_key(caller.county.id), RideRequest.county_id == caller.county.id,
                rides.pull_items, first_id="")


# Every scope but `device`, which answers even a revoked device. A new scope is one function and one entry here.
FEEDS: dict[str, Callable[[Session, Caller, roles.Reach], Feed]] = {
    "households": households,
    "voters": voters,
    "voted": voted,
    "turfs": turfs,
    "contacts": contacts,
    "members": members,
    "rights": rights,
    "briefs": briefs,
    "surveys": surveys,
    "ballots": ballots_feed,
    "scorecards": scorecards_feed,
    "candidates": candidates_feed,
    "rides": rides_feed,
}


def changes(session: Session, caller: Caller, scope: str, cursor: str | None, page_size: int) -> wire.ChangesPage:
    """One page of `scope` after `cursor` for this caller; 400 for an unknown scope, 403 for one the role may not
    pull (or any but `device` once the device is revoked)."""
    if scope != "device" and scope not in FEEDS:
        raise ApiError(400, wire.ErrorCode.INVALID_SCOPE, f"scope must be one of {', '.join(wire.SCOPES)}")
    reach = roles.may_pull(caller.role, scope)
    if reach is None:
        raise ApiError(403, wire.ErrorCode.FORBIDDEN, f"a {caller.role} may not pull {scope}")
    if scope == "device":
        status = device_status(caller.device, caller.county, caller.member).model_dump(mode="json")
        return wire.ChangesPage(scope=scope, items=[status], cursor="device", has_more=False)
    if caller.device.status != "active":
        raise ApiError(403, wire.ErrorCode.DEVICE_REVOKED, "This device has been revoked: wipe local voter data.",
                       detail={"wipe": True})
    feed = FEEDS[scope](session, caller, reach)
    return _page(session, caller, scope, feed, cursor, min(page_size, feed.page_size or page_size))


def _page(session: Session, caller: Caller, scope: str, feed: Feed, cursor: str | None, size: int
          ) -> wire.ChangesPage:
    model, row = feed.model, getattr(feed.model, feed.row)
    epoch, top = versions.current(session, feed.key)
    start: tuple[int, int, int | str] = (epoch, 0, feed.first_id)
    position = decode_cursor(cursor, scope, feed.fingerprint) if cursor else start
    # A cursor from another epoch or reach, a future version (a restored database) or garbage: start again.
    refetch = (position is None or position[0] != epoch or position[1] > top
               or type(position[2]) is not type(feed.first_id))
    _, after_version, after_id = start if refetch or position is None else position
    stmt = select(model).where(
        or_(model.version > after_version, and_(model.version == after_version, row > after_id)))
    if feed.where is not None:
        stmt = stmt.where(feed.where)
    rows = session.scalars(stmt.order_by(model.version, row).limit(size + 1)).all()
    has_more = len(rows) > size
    rows = rows[:size]
    last = rows[-1] if rows else None
    next_cursor = encode_cursor(scope, epoch, last.version if last else after_version,
                                getattr(last, feed.row) if last else after_id, feed.fingerprint)
    return wire.ChangesPage(scope=scope, items=feed.render(session, caller, rows), cursor=next_cursor,
                            has_more=has_more, refetch=refetch)


def _render_households(session: Session, caller: Caller, rows: Any) -> list[dict[str, Any]]:
    return [_pick(h, HOUSEHOLD_FIELDS) for h in rows]


def _render_voters(session: Session, caller: Caller, rows: Any) -> list[dict[str, Any]]:
    keys = dict(session.execute(select(Household.id, Household.key).where(
        Household.id.in_({v.household_id for v in rows if v.household_id}))).all())
    return [_pick(v, VOTER_FIELDS) | {"household_key": keys.get(v.household_id)} for v in rows]


def _render_voted(session: Session, caller: Caller, rows: Any) -> list[dict[str, Any]]:
    ids = dict(session.execute(select(Voter.id, Voter.state_voter_id).where(
        Voter.id.in_({r.voter_id for r in rows}))).all())
    return [_pick(r, VOTED_FIELDS) | {"state_voter_id": ids[r.voter_id]} for r in rows]


def _render_turfs(session: Session, caller: Caller, rows: Any) -> list[dict[str, Any]]:
    """Turfs with their lines and holder. A turf deleted, or (for "own" reach) no longer the member's, is sent
    as deleted, without lines: the device removes it."""
    me = caller.member.id
    own = roles.may_pull(caller.role, "turfs") == "own"
    live = [t.id for t in rows if not t.deleted and (not own or t.member_id == me)]
    lines: dict[int, list[tuple[int, str]]] = {tid: [] for tid in live}
    if live:
        for tid, line, sid in session.execute(
                select(TurfLine.turf_id, TurfLine.line, Voter.state_voter_id)
                .join(Voter, Voter.id == TurfLine.voter_id)
                .where(TurfLine.turf_id.in_(live)).order_by(TurfLine.turf_id, TurfLine.line)):
            lines[tid].append((line, sid))
    holders = {t.member_id for t in rows if t.member_id is not None}
    names = dict(session.execute(select(Member.id, Member.name).where(Member.id.in_(holders))).all())
    items = []
    for t in rows:
        gone = t.id not in lines
        items.append({"list_number": t.list_number, "name": t.name, "precinct_code": t.precinct_code,
                      "both_sides_ascending": t.both_sides_ascending, "lines": lines.get(t.id, []),
                      "member_id": None if gone else t.member_id,
                      "member_name": None if gone else names.get(t.member_id or 0),
                      "mine": not gone and t.member_id == me,
                      "checked_out_at": t.checked_out_at.isoformat() if t.checked_out_at and not gone else None,
                      "deleted": gone})
    return items


CONTACT_FIELDS = tuple(f for f in wire.item_fields("contacts") if f != "state_voter_id")


def _render_contacts(session: Session, caller: Caller, rows: Any) -> list[dict[str, Any]]:
    ids = dict(session.execute(select(Voter.id, Voter.state_voter_id).where(
        Voter.id.in_({c.voter_id for c in rows}))).all())
    return [_pick(c, CONTACT_FIELDS) | {"state_voter_id": ids[c.voter_id]} for c in rows]


def _render_briefs(session: Session, caller: Caller, rows: Any) -> list[dict[str, Any]]:
    """Briefs (BriefDoc wire form). The charter rule: a brief that declares a conflict with a Secured Right is
    never served as adopted, whatever the database says."""
    items = []
    for brief in rows:
        item = _pick(brief, BRIEF_FIELDS)
        if brief.conflicts and item["status"] == "adopted":
            item["status"] = "proposed"
        item["version"] = brief.revision
        item["updated_at"] = brief.updated_at.isoformat() if brief.updated_at else None
        items.append(item)
    return items
