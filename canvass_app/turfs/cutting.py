"""Turfs: cutting a county into walkable turfs with stable list numbers; assignment, check-out and return.

On an enrolled device (`me`: the signed-in member) turfs travel: list numbers take the device's own prefix
("T3-0001", unique in the county), and every cut, assignment, return and deletion queues its op in the same
transaction. An install that is not enrolled numbers turfs "T-0042" and assigns them to free-text names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, distinct, func, select, update
from sqlalchemy.orm import Session

from canvass_app.store import outbox
from canvass_app.store.database import cache_size
from canvass_app.store.models import (
    ContactAttempt,
    County,
    Household,
    Precinct,
    Setting,
    Turf,
    TurfAssignment,
    TurfLine,
    Voter,
    utcnow,
)
from canvass_app.turfs.members import MemberError, find_member
from canvass_app.turfs.walk_order import (
    Door,
    assign_lines,
    eligible_voter,
    number_new_turfs,
    order_street,
    order_streets,
    select_doors,
)
from canvass_protocol import roles, wire

HOUSEHOLD = cast(Table, Household.__table__)
BULK_CACHE_KIB = 64 * 1024  # page cache while a whole county is cut

LAST_NUMBER_KEY = "turfs.last_list_number"
LAST_CUT_KEY = "turfs.last_cut_id"
BLOCK = 100  # house numbers 100-199 are one block: a long street is split at block boundaries when it can be


class TurfError(Exception):
    """A turf operation that cannot be done; the message is for people."""


@dataclass(frozen=True)
class Me:
    """The signed-in member of an enrolled device, as turfs need them (from the sync identity)."""

    member_id: int
    role: str
    list_prefix: str  # this device's series of list numbers, e.g. "T3-"


def _may(me: Me | None, op_type: str, doing: str) -> None:
    """Refuse here what the server would refuse (`forbidden_role`): the role table decides."""
    if me is not None and roles.may_send(me.role, op_type) is None:
        raise TurfError(f"A {me.role.replace('_', ' ')} cannot {doing}; ask your county lead.")


@dataclass(frozen=True)
class TurfSummary:
    """One turf as the list, the CLI and the GUI show it."""

    id: int
    list_number: str
    name: str
    county: str
    state: str
    precinct: str
    doors: int
    people: int
    assignee: str | None
    status: str  # available, assigned, checked out, returned
    both_sides_ascending: bool
    cut_id: int | None = None  # shared by the turfs of one cut; None for turfs cut before cuts were numbered
    mine: bool = False  # held by this device's member, as the server says ("My turfs")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def find_county(session: Session, name: str, state: str | None = None) -> County:
    """The county called `name` (case-insensitive; `state` narrows it down); TurfError when none or several."""
    query = select(County).where(func.lower(County.name) == name.strip().lower())
    if state:
        query = query.where(func.upper(County.state) == state.strip().upper())
    found = session.scalars(query).all()
    if not found:
        raise TurfError(f"There is no county named {name!r} in the store; import a voter file first.")
    if len(found) > 1:
        states = ", ".join(c.state for c in found)
        raise TurfError(f"{len(found)} counties are named {name!r} (states {states}); say which state.")
    return found[0]


def _next_list_numbers(session: Session, count: int, me: Me | None = None) -> list[str]:
    """Reserve `count` new list numbers ("T-0042", or the enrolled device's "T3-0042"); numbers are never
    reused, even after a turf is deleted."""
    prefix = me.list_prefix if me is not None and me.list_prefix else "T-"
    key = LAST_NUMBER_KEY if prefix == "T-" else f"{LAST_NUMBER_KEY}:{prefix}"
    setting = session.get(Setting, key)
    existing = session.scalars(select(Turf.list_number).where(Turf.list_number.startswith(prefix))).all()
    highest = max((int(n[len(prefix):]) for n in existing if n[len(prefix):].isdigit()), default=0)
    last = max(highest, int(setting.value) if setting else 0)
    session.merge(Setting(key=key, value=last + count))
    return [f"{prefix}{n:04d}" for n in range(last + 1, last + count + 1)]


def _county_ref(session: Session, county_id: int) -> dict[str, str]:
    county = session.get_one(County, county_id)
    return {"name": county.name, "state": county.state}


def _cut_ops(session: Session, turf_ids: Collection[int]) -> None:
    """Queue a `turf_cut` op for each of these turfs: its walk-ordered lines with the voters' state ids."""
    lines: dict[int, list[tuple[int, str]]] = {tid: [] for tid in turf_ids}
    for tid, line, sid in session.execute(
            select(TurfLine.turf_id, TurfLine.line, Voter.state_voter_id).join(Voter, Voter.id == TurfLine.voter_id)
            .where(TurfLine.turf_id.in_(list(turf_ids))).order_by(TurfLine.turf_id, TurfLine.line)):
        lines[tid].append((line, sid))
    rows = session.execute(select(Turf, Precinct.code).outerjoin(Precinct, Precinct.id == Turf.precinct_id)
                           .where(Turf.id.in_(list(turf_ids))).order_by(Turf.list_number)).all()
    for turf, code in rows:
        if len(lines[turf.id]) > wire.MAX_TURF_LINES:
            raise TurfError(f"{turf.list_number} would hold {len(lines[turf.id]):,} voters; a turf that syncs holds "
                            f"at most {wire.MAX_TURF_LINES:,}: cut by doors instead. Nothing was cut.")
        outbox.enqueue(session, "turf_cut", {
            "county": _county_ref(session, turf.county_id), "list_number": turf.list_number, "name": turf.name,
            "precinct_code": code, "both_sides_ascending": turf.both_sides_ascending,
            "lines": [list(pair) for pair in lines[turf.id]], "created_at": turf.created_at.isoformat()})


def publish_local_turfs(session: Session, me: Me) -> tuple[int, list[str]]:
    """On enrolling: the turfs cut on this computer before it had a server travel too, under the list numbers
    already printed on their sheets. Returns (turfs queued, list numbers too large to sync: cut them again by
    doors). A number another device already holds comes back from the server as `list_number_taken`."""
    if roles.may_send(me.role, "turf_cut") is None:
        return 0, []
    sizes = dict(session.execute(select(TurfLine.turf_id, func.count()).group_by(TurfLine.turf_id)).all())
    turfs = session.execute(select(Turf.id, Turf.list_number).order_by(Turf.list_number)).all()
    fits = [tid for tid, _ in turfs if sizes.get(tid, 0) <= wire.MAX_TURF_LINES]
    _cut_ops(session, fits)
    return len(fits), [number for tid, number in turfs if sizes.get(tid, 0) > wire.MAX_TURF_LINES]


def _next_cut_id(session: Session) -> int:
    """A new cut number, shared by the turfs of one cut; like list numbers, never reused."""
    setting = session.get(Setting, LAST_CUT_KEY)
    highest = session.scalar(select(func.max(Turf.cut_id))) or 0
    cut_id = max(highest, int(setting.value) if setting else 0) + 1
    session.merge(Setting(key=LAST_CUT_KEY, value=cut_id))
    return cut_id


def _free_doors(session: Session, county_id: int, household_ids: Iterable[int] | None = None, *,
                precinct_id: int | None = None) -> list[Door]:
    """Households of the county (of one precinct, if given) not yet in a turf with at least one voter to knock."""
    where = [Household.county_id == county_id, Household.turf_id.is_(None)]
    if precinct_id is not None:
        where.append(Household.precinct_id == precinct_id)
    if household_ids is not None:  # a few chosen households: probe their voters
        has_voter = select(Voter.id).where(Voter.household_id == Household.id, eligible_voter()).exists()
        return select_doors(session, *where, Household.id.in_(list(household_ids)), has_voter)
    # The whole county: its knockable voters' households found once (an EXISTS per household took 12 s at 1M).
    knocked = select(Voter.household_id).where(Voter.county_id == county_id, eligible_voter())
    return select_doors(session, *where, Household.id.in_(knocked))


def _walk_streets(doors: Iterable[Door]) -> list[list[Door]]:
    """Doors grouped into streets, streets in walking sequence, each street in walk order."""
    streets: dict[str, list[Door]] = {}
    for d in doors:
        streets.setdefault(d.street_key, []).append(d)
    for key, ds in streets.items():
        streets[key] = order_street(ds)
    return [streets[k] for k in order_streets(streets)]


def _split_street(street: list[Door], target: int) -> list[list[Door]]:
    """A long street cut into house-number ranges of about `target` doors, both sides together.

    Whole blocks stay together when they fit; a block longer than a turf is split between house numbers, never
    inside one building.
    """
    if len(street) <= target * 5 // 4:
        return [street]
    numbered = sorted((d for d in street if d.house_number_int is not None),
                      key=lambda d: (d.house_number_int or 0, d.unit_sort, d.household_id))
    blocks: list[list[Door]] = []
    for d in numbered:
        if blocks and (blocks[-1][0].house_number_int or 0) // BLOCK == (d.house_number_int or 0) // BLOCK:
            blocks[-1].append(d)
        else:
            blocks.append([d])
    pieces: list[list[Door]] = []
    for block in blocks:
        if len(block) <= target:
            pieces.append(block)
            continue
        piece: list[Door] = []
        for d in block:  # split only where the house number changes
            if len(piece) >= target and d.house_number_int != piece[-1].house_number_int:
                pieces.append(piece)
                piece = []
            piece.append(d)
        pieces.append(piece)
    ranges: list[list[Door]] = []
    for piece in pieces:
        if ranges and len(ranges[-1]) + len(piece) <= target:
            ranges[-1].extend(piece)
        else:
            ranges.append(list(piece))
    unnumbered = [d for d in street if d.house_number_int is None]
    if unnumbered:
        ranges.append(unnumbered)
    return ranges


def _street_span(doors: Sequence[Door]) -> str:
    numbers = [d.house_number_int for d in doors if d.house_number_int is not None]
    label = doors[0].street_label
    return f"{label} {min(numbers)}–{max(numbers)}" if numbers else label


def _turf_name(precinct: str, doors: Sequence[Door]) -> str:
    streets: list[list[Door]] = []
    for d in doors:
        if streets and streets[-1][0].street_key == d.street_key:
            streets[-1].append(d)
        else:
            streets.append([d])
    first = _street_span(streets[0])
    more = f" +{len(streets) - 1} more" if len(streets) > 1 else ""
    prefix = f"Pct {precinct}: " if precinct else ""
    return (prefix + first + more)[:120]


def _create(session: Session, county_id: int, precinct_id: int | None, name: str, list_number: str,
            household_ids: Sequence[int], *, both_sides_ascending: bool = False, me: Me | None = None) -> Turf:
    turf = Turf(county_id=county_id, precinct_id=precinct_id, name=name, list_number=list_number,
                both_sides_ascending=both_sides_ascending, cut_id=_next_cut_id(session), created_at=utcnow())
    session.add(turf)
    session.flush()
    _move_households(session, [(hid, turf.id) for hid in household_ids])
    assign_lines(session, turf.id)
    if me is not None:
        _cut_ops(session, [turf.id])
    return turf


def _move_households(session: Session, moves: Iterable[tuple[int, int]]) -> None:
    """Put households in turfs: (household id, turf id) pairs, written with Core executemany.

    In household order (and, for a whole cut, with room in the cache): each page of the household table is
    read, decrypted and written once, not once for each of its households (1M voters: 14.5 s -> 2 s).
    """
    session.execute(update(HOUSEHOLD).where(HOUSEHOLD.c.id == bindparam("hid")).values(turf_id=bindparam("tid")),
                    [{"hid": hid, "tid": tid} for hid, tid in sorted(moves)])


def _precinct_ids(session: Session, county_id: int) -> dict[str, int]:
    return dict(session.execute(
        select(Precinct.code, Precinct.id).where(Precinct.county_id == county_id)).all())


def _create_many(session: Session, county_id: int, planned: Sequence[tuple[str, str, list[Door]]],
                 me: Me | None = None) -> dict[int, tuple[int, int]]:
    """Turfs (precinct code, name, doors) cut in one go, households and line numbers included.

    Returns the new turfs' ids with their door and people counts.
    """
    if not planned:
        return {}
    pids = _precinct_ids(session, county_id)
    cut_id = _next_cut_id(session)
    numbers = _next_list_numbers(session, len(planned), me)
    turfs = [Turf(county_id=county_id, precinct_id=pids.get(code), name=name, list_number=number, cut_id=cut_id,
                  created_at=utcnow()) for (code, name, _doors), number in zip(planned, numbers, strict=True)]
    session.add_all(turfs)
    session.flush()
    _move_households(session, [(d.household_id, t.id) for t, (_c, _n, ds) in zip(turfs, planned, strict=True)
                                for d in ds])
    made = number_new_turfs(session, county_id, {t.id: ds for t, (_c, _n, ds) in zip(turfs, planned, strict=True)})
    if me is not None:
        _cut_ops(session, [t.id for t in turfs])
    return made


def _free_doors_by_precinct(session: Session, county_id: int, precinct_id: int | None = None
                            ) -> dict[str, list[Door]]:
    by_precinct: dict[str, list[Door]] = {}
    for d in _free_doors(session, county_id, precinct_id=precinct_id):
        by_precinct.setdefault(d.precinct, []).append(d)
    return by_precinct


Plan = list[tuple[str, str, list[Door]]]  # (precinct code, turf name, doors) of each turf to make


def _plan_by_precinct(by_precinct: dict[str, list[Door]]) -> Plan:
    return [(code, f"Precinct {code}" if code else "No precinct", by_precinct[code]) for code in sorted(by_precinct)]


def _plan_by_doors(by_precinct: dict[str, list[Door]], doors: int) -> Plan:
    planned: list[tuple[str, list[Door]]] = []
    for code in sorted(by_precinct):
        current: list[Door] = []
        for street in _walk_streets(by_precinct[code]):
            for piece in _split_street(street, doors):
                if current and len(current) + len(piece) > doors * 6 // 5:
                    planned.append((code, current))
                    current = []
                current = current + piece
                if len(current) >= doors:
                    planned.append((code, current))
                    current = []
        if current:
            planned.append((code, current))
    return [(code, _turf_name(code, ds), ds) for code, ds in planned]


def _plural(n: int, word: str) -> str:
    """"1 turf", "2,515 doors"."""
    return f"{n:,} {word if n == 1 else word + 's'}"


@dataclass(frozen=True)
class CutReport:
    """What one cut made: its turfs, their doors and voters, and what the user should know about it."""

    county: str
    state: str
    cut_id: int | None  # None when nothing was cut
    turfs: list[TurfSummary]
    doors: int
    voters: int  # voters to knock (not do-not-contact, deceased or inactive)
    warnings: list[str] = field(default_factory=list)

    @property
    def headline(self) -> str:
        """"Cut 41 turfs (2,515 doors, 5,000 voters) in Wake: T-0001–T-0041." for a status bar or the CLI."""
        if not self.turfs:
            return f"Nothing to cut in {self.county}: every household with voters to knock is already in a turf."
        span = self.turfs[0].list_number
        if len(self.turfs) > 1:
            span += f"–{self.turfs[-1].list_number}"
        return (f"Cut {_plural(len(self.turfs), 'turf')} ({_plural(self.doors, 'door')}, "
                f"{_plural(self.voters, 'voter')}) in {self.county}: {span}.")

    def as_dict(self) -> dict[str, Any]:
        return {"county": self.county, "state": self.state, "cut_id": self.cut_id, "doors": self.doors,
                "voters": self.voters, "warnings": list(self.warnings), "headline": self.headline,
                "turfs": [t.as_dict() for t in self.turfs]}


def _cut_warnings(by_precinct: dict[str, list[Door]], *, by_doors: bool) -> list[str]:
    total = sum(len(ds) for ds in by_precinct.values())
    no_code = len(by_precinct.get("", []))
    if not total or not no_code:
        return []
    if no_code == total:
        if by_doors:
            return ["No door has a precinct code: the turfs were cut by street alone and may cross precinct lines."]
        return [f"Every door landed in one turf ({_plural(total, 'door')}) because the county has no precinct "
                "codes: delete this cut and cut by doors instead, or re-import with the precinct code column "
                "mapped."]
    where = "one \"No precinct\" turf" if not by_doors else "turfs of their own (\"No precinct\")"
    return [f"{_plural(no_code, 'door')} {'has' if no_code == 1 else 'have'} no precinct: they were cut into "
            f"{where}."]


def _cut(session: Session, county_id: int, by_precinct: dict[str, list[Door]], doors: int | None,
         me: Me | None = None) -> CutReport:
    planned = _plan_by_doors(by_precinct, doors) if doors is not None else _plan_by_precinct(by_precinct)
    made = _create_many(session, county_id, planned, me)
    turfs = list_turfs(session, county_id=county_id, counts=made, turf_ids=made)
    county = session.get_one(County, county_id)
    return CutReport(county=county.name, state=county.state, cut_id=turfs[0].cut_id if turfs else None,
                     turfs=turfs, doors=sum(t.doors for t in turfs), voters=sum(t.people for t in turfs),
                     warnings=_cut_warnings(by_precinct, by_doors=doors is not None))


def cut_county(session: Session, county_id: int, *, doors: int | None = None, me: Me | None = None) -> CutReport:
    """Cut the county's households not yet in a turf: one turf per precinct, or (doors=N) turfs of about N doors
    within precincts, keeping streets and blocks together. Returns the report of what the cut made."""
    _may(me, "turf_cut", "cut turfs")
    if doors is not None and doors < 1:
        raise TurfError("The number of doors per turf must be at least 1.")
    with cache_size(session.connection(), BULK_CACHE_KIB):
        return _cut(session, county_id, _free_doors_by_precinct(session, county_id), doors, me)


def cut_by_precinct(session: Session, county_id: int, *, me: Me | None = None) -> list[TurfSummary]:
    """One turf per precinct from the households not yet in a turf; returns the new turfs."""
    return cut_county(session, county_id, me=me).turfs


def cut_by_doors(session: Session, county_id: int, doors: int, *, me: Me | None = None) -> list[TurfSummary]:
    """Turfs of about `doors` doors each, within precincts, keeping streets and blocks together."""
    return cut_county(session, county_id, doors=doors, me=me).turfs


def cut_by_hand(session: Session, county_id: int, *, household_ids: Iterable[int] = (),
                streets: Iterable[str] = (), name: str = "", both_sides_ascending: bool = False,
                me: Me | None = None) -> TurfSummary:
    """One turf from chosen households and/or whole streets (street keys such as "N MAIN ST").

    Households already in a turf, or with no voter to knock, are refused with the reason; nothing is changed then.
    """
    _may(me, "turf_cut", "cut turfs")
    wanted = set(household_ids)
    keys = {s.strip().upper() for s in streets if s.strip()}
    if keys:
        found_keys = set(session.scalars(select(Household.street_key).distinct().where(
            Household.county_id == county_id, Household.street_key.in_(keys))))
        if keys - found_keys:
            raise TurfError(f"No such street in this county: {', '.join(sorted(keys - found_keys))}.")
        wanted |= set(session.scalars(select(Household.id).where(
            Household.county_id == county_id, Household.street_key.in_(keys), Household.turf_id.is_(None))))
    if not wanted:
        raise TurfError("Choose at least one household or street for the turf.")
    taken = session.execute(
        select(Household.id, Turf.list_number).join(Turf, Turf.id == Household.turf_id)
        .where(Household.id.in_(wanted))).all()
    if taken:
        hid, number = taken[0]
        raise TurfError(f"{len(taken)} of the chosen households are already in a turf (household {hid} is in "
                        f"{number}); nothing was cut.")
    free = _free_doors(session, county_id, wanted)
    if not free:
        raise TurfError("None of the chosen households has a voter to knock; nothing was cut.")
    precincts = sorted({d.precinct for d in free})
    ordered = [d for street in _walk_streets(free) for d in street]
    number = _next_list_numbers(session, 1, me)[0]
    pid = _precinct_ids(session, county_id).get(precincts[0]) if len(precincts) == 1 else None
    turf = _create(session, county_id, pid, name or _turf_name(precincts[0] if pid else "", ordered), number,
                   [d.household_id for d in ordered], both_sides_ascending=both_sides_ascending, me=me)
    return summary(session, turf.list_number)


def free_streets(session: Session, county_id: int) -> list[tuple[str, int]]:
    """Streets with doors still to cut (in no turf, someone to knock) and how many: the hand-cut choices."""
    # From the voters to their households, not a per-household EXISTS probe: 1.6 s instead of 12 s at 1M voters.
    rows = session.execute(
        select(Household.street_key, func.count(func.distinct(Household.id)))
        .select_from(Voter).join(Household, Household.id == Voter.household_id)
        .where(Voter.county_id == county_id, Household.turf_id.is_(None), eligible_voter())
        .group_by(Household.street_key).order_by(Household.street_key))
    return [(key, int(n)) for key, n in rows if key]


def _open_assignment(session: Session, turf_id: int) -> TurfAssignment | None:
    return session.scalar(select(TurfAssignment).where(
        TurfAssignment.turf_id == turf_id, TurfAssignment.returned_at.is_(None)))


def _turf_counts(session: Session, turf_ids: Collection[int] | None = None) -> dict[int, tuple[int, int]]:
    """Doors and people (knockable voters) of every turf (or of these turfs)."""
    where = Household.turf_id.is_not(None) if turf_ids is None else Household.turf_id.in_(list(turf_ids))
    with cache_size(session.connection(), BULK_CACHE_KIB):  # a cut county's voters: 11 s -> 2.3 s at 1M
        rows = session.execute(
            select(Household.turf_id, func.count(distinct(Household.id)), func.count(Voter.id))
            .join(Voter, Voter.household_id == Household.id)
            .where(where, eligible_voter())
            .group_by(Household.turf_id)).all()
    return {tid: (d, p) for tid, d, p in rows if tid is not None}


def list_turfs(session: Session, *, county_id: int | None = None,
               counts: dict[int, tuple[int, int]] | None = None,
               turf_ids: Collection[int] | None = None) -> list[TurfSummary]:
    """Every turf (of one county, if given; only these turfs, if given) with door and people counts, assignee,
    status and cut number.

    counts: the doors and people of the turfs that matter to the caller, when it knows them already (a cut).
    """
    if counts is None:
        counts = _turf_counts(session, turf_ids)
    latest = select(TurfAssignment.turf_id, func.max(TurfAssignment.id).label("aid")).group_by(
        TurfAssignment.turf_id).subquery()
    query = (
        select(Turf, County.name, County.state, Precinct.code, TurfAssignment)
        .join(County, County.id == Turf.county_id)
        .outerjoin(Precinct, Precinct.id == Turf.precinct_id)
        .outerjoin(latest, latest.c.turf_id == Turf.id)
        .outerjoin(TurfAssignment, TurfAssignment.id == latest.c.aid)
        .order_by(Turf.list_number)
    )
    if county_id is not None:
        query = query.where(Turf.county_id == county_id)
    if turf_ids is not None:
        query = query.where(Turf.id.in_(list(turf_ids)))
    out = []
    for turf, county, state, precinct, a in session.execute(query):
        if a is None:
            status, who = "available", None
        elif a.returned_at is not None:
            status, who = "returned", None
        else:
            status, who = ("checked out" if a.checked_out_at else "assigned"), a.canvasser
        doors, people = counts.get(turf.id, (0, 0))
        out.append(TurfSummary(id=turf.id, list_number=turf.list_number, name=turf.name, county=county,
                               state=state, precinct=precinct or "", doors=doors, people=people, assignee=who,
                               status=status, both_sides_ascending=turf.both_sides_ascending,
                               cut_id=turf.cut_id, mine=turf.mine))
    return out


def get_turf(session: Session, list_number: str) -> Turf:
    """The turf with this list number; TurfError when there is none."""
    turf = session.scalar(select(Turf).where(Turf.list_number == list_number.strip().upper()))
    if turf is None:
        raise TurfError(f"There is no turf with list number {list_number!r}.")
    return turf


def summary(session: Session, list_number: str) -> TurfSummary:
    turf = get_turf(session, list_number)
    return list_turfs(session, turf_ids=[turf.id])[0]


def my_turfs(session: Session) -> list[TurfSummary]:
    """The turfs this device's member holds, as the server last said: the Walk page's "My turfs"."""
    ids = session.scalars(select(Turf.id).where(Turf.mine.is_(True))).all()
    return list_turfs(session, turf_ids=ids) if ids else []


def _assign_op(session: Session, turf: Turf, action: str, member_id: int | None, at: dt.datetime) -> None:
    outbox.enqueue(session, "turf_assign", {
        "county": _county_ref(session, turf.county_id), "list_number": turf.list_number, "action": action,
        "member_id": member_id, "at": at.isoformat()})


def assign(session: Session, list_number: str, canvasser: str, *, me: Me | None = None) -> TurfSummary:
    """Give the turf to `canvasser`: on an enrolled device a member of the county (name or member id, from the
    pulled member list; the assignment travels), else a free-text name. Refused while someone else has it
    checked out, unless it travels (the server then moves it)."""
    canvasser = canvasser.strip()
    if not canvasser:
        raise TurfError("Say who the turf is assigned to.")
    if me is not None and roles.may_send(me.role, "turf_assign") != "all":  # "own": only return their own
        raise TurfError(f"A {me.role.replace('_', ' ')} cannot assign turfs; ask your county lead.")
    turf = get_turf(session, list_number)
    held = _open_assignment(session, turf.id)
    if me is None:
        if held is not None and held.checked_out_at is not None:
            raise TurfError(f"{turf.list_number} is checked out to {held.canvasser}; it must be returned first.")
        if held is not None:  # assigned but never left the office: the new assignment replaces it
            session.execute(delete(TurfAssignment).where(TurfAssignment.id == held.id))
            session.flush()
        session.add(TurfAssignment(turf_id=turf.id, canvasser=canvasser))
        session.flush()
        return summary(session, turf.list_number)
    try:
        member = find_member(session, canvasser)
    except MemberError as exc:
        raise TurfError(str(exc)) from None
    now = utcnow()
    if held is not None:
        held.returned_at = now
        session.flush()
    session.add(TurfAssignment(turf_id=turf.id, canvasser=member.name, member_id=member.id))
    turf.mine = member.id == me.member_id
    _assign_op(session, turf, "assign", member.id, now)
    session.flush()
    return summary(session, turf.list_number)


def check_out(session: Session, list_number: str, canvasser: str | None = None,
              at: dt.datetime | None = None, *, me: Me | None = None) -> TurfSummary:
    """Hand the turf's sheets to its assignee (assigning it first when `canvasser` is given and it is free).
    Checking out is this device's bookkeeping; only the assignment travels."""
    turf = get_turf(session, list_number)
    held = _open_assignment(session, turf.id)
    if held is None:
        if not canvasser:
            raise TurfError(f"{turf.list_number} is not assigned to anyone; say who checks it out.")
        assign(session, turf.list_number, canvasser, me=me)
        held = _open_assignment(session, turf.id)
        assert held is not None
    elif held.checked_out_at is not None:
        raise TurfError(f"{turf.list_number} is already checked out to {held.canvasser}.")
    elif canvasser and canvasser.strip() not in (held.canvasser, str(held.member_id)):
        raise TurfError(f"{turf.list_number} is assigned to {held.canvasser}, not {canvasser.strip()}; "
                        "reassign it first.")
    held.checked_out_at = at or utcnow()
    session.flush()
    return summary(session, turf.list_number)


def return_turf(session: Session, list_number: str, at: dt.datetime | None = None, *,
                me: Me | None = None) -> TurfSummary:
    """Take the turf back from whoever has it (on an install that is not enrolled: checked out); it is free to
    assign again. On an enrolled device the return travels; a canvasser returns only a turf they hold."""
    turf = get_turf(session, list_number)
    held = _open_assignment(session, turf.id)
    if me is None and (held is None or held.checked_out_at is None):
        raise TurfError(f"{turf.list_number} is not checked out, so it cannot be returned.")
    if held is None:
        raise TurfError(f"{turf.list_number} is not assigned to anyone, so it cannot be returned.")
    if me is not None and roles.may_send(me.role, "turf_assign") == "own" and held.member_id != me.member_id:
        raise TurfError(f"{turf.list_number} is not yours to return; ask your county lead.")
    when = at or utcnow()
    held.returned_at = when
    if me is not None:
        turf.mine = False
        _assign_op(session, turf, "return", None, when)
    session.flush()
    return summary(session, turf.list_number)


@dataclass(frozen=True)
class TurfInUse:
    """Why a turf is not deleted without force: contact results recorded on it, or a canvasser holding it."""

    list_number: str
    name: str
    results: int
    checked_out_to: str | None

    @property
    def reason(self) -> str:
        """"T-0003 (Precinct 01) has 12 contact results on it and is checked out to Ana"."""
        parts = []
        if self.results:
            parts.append(f"has {_plural(self.results, 'contact result')} on it")
        if self.checked_out_to:
            parts.append(f"is checked out to {self.checked_out_to}")
        return f"{self.list_number} ({self.name}) {' and '.join(parts)}"


class TurfInUseError(TurfError):
    """A delete refused because turfs have results or are checked out; nothing was changed. Retry with force."""

    def __init__(self, blockers: Sequence[TurfInUse]) -> None:
        self.blockers = list(blockers)
        super().__init__("; ".join(b.reason for b in self.blockers) + ". Nothing was deleted. Deleting anyway keeps "
                         "the contact results (with their voters) and takes checked-out turfs back.")


@dataclass(frozen=True)
class DeleteReport:
    """What a delete did: the turfs as they were, the doors freed, the results kept, the checkouts ended."""

    deleted: list[TurfSummary]
    doors_freed: int
    results_kept: int  # contact results that were on the deleted turfs: kept, with their voters, no longer on a turf
    taken_back: list[str] = field(default_factory=list)  # "T-0004 from Ana": checkouts ended by the delete

    @property
    def headline(self) -> str:
        if not self.deleted:
            return "No turf to delete."
        numbers = ", ".join(t.list_number for t in self.deleted[:5]) + (", …" if len(self.deleted) > 5 else "")
        text = (f"Deleted {_plural(len(self.deleted), 'turf')} ({numbers}): {_plural(self.doors_freed, 'door')} "
                f"{'is' if self.doors_freed == 1 else 'are'} free to cut again.")
        if self.results_kept:
            text += f" {_plural(self.results_kept, 'contact result')} stay with their voters."
        if self.taken_back:
            text += f" Taken back: {', '.join(self.taken_back)}."
        return text

    def as_dict(self) -> dict[str, Any]:
        return {"deleted": [t.as_dict() for t in self.deleted], "doors_freed": self.doors_freed,
                "results_kept": self.results_kept, "taken_back": list(self.taken_back), "headline": self.headline}


def _delete(session: Session, turfs: Sequence[Turf], *, force: bool, me: Me | None = None) -> DeleteReport:
    """Delete these turfs in the caller's transaction: households freed, lines and assignments gone; on an
    enrolled device a `turf_delete` op each (the server frees them too).

    Contact results are never deleted: the store's foreign key leaves them on their voter with no turf.
    """
    _may(me, "turf_delete", "delete turfs")
    ids = [t.id for t in turfs]
    if not ids:
        return DeleteReport(deleted=[], doors_freed=0, results_kept=0)
    before = list_turfs(session, turf_ids=ids)
    results = dict(session.execute(
        select(ContactAttempt.turf_id, func.count()).where(ContactAttempt.turf_id.in_(ids))
        .group_by(ContactAttempt.turf_id)).all())
    held = {a.turf_id: a for a in session.scalars(select(TurfAssignment).where(
        TurfAssignment.turf_id.in_(ids), TurfAssignment.returned_at.is_(None), TurfAssignment.checked_out_at.is_not(
            None)))}
    blockers = [TurfInUse(list_number=t.list_number, name=t.name, results=results.get(t.id, 0),
                          checked_out_to=held[t.id].canvasser if t.id in held else None)
                for t in before if results.get(t.id) or t.id in held]
    if blockers and not force:
        raise TurfInUseError(blockers)
    by_id = {t.id: t for t in turfs}
    taken_back = [f"{by_id[tid].list_number} from {a.canvasser}" for tid, a in sorted(held.items())]
    if me is not None:
        now = utcnow()
        for turf in turfs:
            outbox.enqueue(session, "turf_delete", {"county": _county_ref(session, turf.county_id),
                                                    "list_number": turf.list_number, "at": now.isoformat()})
    remove_local(session, ids)
    return DeleteReport(deleted=before, doors_freed=sum(t.doors for t in before),
                        results_kept=sum(results.values()), taken_back=taken_back)


def remove_local(session: Session, turf_ids: Sequence[int]) -> None:
    """Remove turfs from this store only (no op): households freed, lines and assignments gone, contact results
    kept on their voters (the foreign key sets their turf to NULL)."""
    session.execute(update(Household).where(Household.turf_id.in_(turf_ids)).values(turf_id=None),
                    execution_options={"synchronize_session": False})
    session.execute(delete(TurfLine).where(TurfLine.turf_id.in_(turf_ids)),
                    execution_options={"synchronize_session": False})
    session.execute(delete(TurfAssignment).where(TurfAssignment.turf_id.in_(turf_ids)),
                    execution_options={"synchronize_session": False})
    session.execute(delete(Turf).where(Turf.id.in_(turf_ids)), execution_options={"synchronize_session": False})
    session.flush()
    session.expire_all()  # households, assignments and results loaded earlier no longer name these turfs


def delete_turfs(session: Session, list_numbers: Sequence[str], *, force: bool = False,
                 me: Me | None = None) -> DeleteReport:
    """Delete the turfs with these list numbers: their households are free to cut again, their lines and
    assignments go. Refused with TurfInUseError (nothing changed) when one has contact results or is checked out,
    unless force. List numbers are never reused."""
    wanted = list(dict.fromkeys(n.strip().upper() for n in list_numbers if n.strip()))
    if not wanted:
        raise TurfError("Name at least one turf (its list number) to delete.")
    found = {t.list_number: t for t in session.scalars(select(Turf).where(Turf.list_number.in_(wanted)))}
    missing = [n for n in wanted if n not in found]
    if missing:
        raise TurfError(f"There is no turf with list number {', '.join(missing)}; nothing was deleted.")
    return _delete(session, [found[n] for n in wanted], force=force, me=me)


def delete_cut(session: Session, cut_id: int, *, force: bool = False, me: Me | None = None) -> DeleteReport:
    """Delete every turf one cut made (the cut number `turfs list` shows); same rules as delete_turfs."""
    turfs = list(session.scalars(select(Turf).where(Turf.cut_id == cut_id).order_by(Turf.list_number)))
    if not turfs:
        raise TurfError(f"There is no cut {cut_id} (or its turfs are already deleted); the turf list shows each "
                        "turf's cut.")
    return _delete(session, turfs, force=force, me=me)


@dataclass(frozen=True)
class RecutReport:
    """A precinct re-cut: the turfs deleted, then the cut of its free doors."""

    precinct: str
    deleted: DeleteReport
    cut: CutReport

    @property
    def headline(self) -> str:
        gone = ", ".join(t.list_number for t in self.deleted.deleted) or "no turf"
        return f"Precinct {self.precinct}: deleted {gone}. {self.cut.headline}"

    def as_dict(self) -> dict[str, Any]:
        return {"precinct": self.precinct, "deleted": self.deleted.as_dict(), "cut": self.cut.as_dict(),
                "headline": self.headline}


def recut_precinct(session: Session, county_id: int, precinct: str, *, doors: int | None = None,
                   force: bool = False, me: Me | None = None) -> RecutReport:
    """Delete the precinct's turfs and cut its doors again: one turf, or (doors=N) turfs of about N doors.

    Refused (nothing changed) when a turf of the precinct also holds doors of another precinct (delete it by list
    number first), and, unless force, when one has contact results or is checked out.
    """
    if doors is not None and doors < 1:
        raise TurfError("The number of doors per turf must be at least 1.")
    code = precinct.strip()
    pids = _precinct_ids(session, county_id)
    pid = pids.get(code) or next((i for c, i in pids.items() if c.casefold() == code.casefold()), None)
    county = session.get_one(County, county_id)
    if not code or pid is None:
        raise TurfError(f"{county.name} has no precinct {precinct!r}.")
    code = next(c for c, i in pids.items() if i == pid)
    holding = select(Household.turf_id).where(Household.precinct_id == pid, Household.turf_id.is_not(None))
    turfs = list(session.scalars(select(Turf).where(
        Turf.county_id == county_id, (Turf.precinct_id == pid) | Turf.id.in_(holding)).order_by(Turf.list_number)))
    if turfs:
        mixed = session.scalar(
            select(Turf.list_number).join(Household, Household.turf_id == Turf.id)
            .where(Turf.id.in_([t.id for t in turfs]),
                   Household.precinct_id.is_(None) | (Household.precinct_id != pid)).limit(1))
        if mixed is not None:
            raise TurfError(f"{mixed} also holds doors outside precinct {code}; delete it by list number first. "
                            "Nothing was changed.")
    _may(me, "turf_cut", "cut turfs")
    deleted = _delete(session, turfs, force=force, me=me)
    with cache_size(session.connection(), BULK_CACHE_KIB):
        cut = _cut(session, county_id, _free_doors_by_precinct(session, county_id, pid), doors, me)
    return RecutReport(precinct=code, deleted=deleted, cut=cut)
