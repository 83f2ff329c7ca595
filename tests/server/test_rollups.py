"""The rollups ingest keeps (canvass_server.rollups) stay exact: after random batches of results, undos, amends,
corrections of corrections and a re-cut turf, every rollup table equals a rebuild from scratch, and the console's
(turf pages included) and `stats`' figures equal a count of the effective rows made here in plain Python."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest
from helpers.server import Device, migrate, seed_county
from sqlalchemy import select
from sqlalchemy.orm import Session

from canvass_protocol import wire
from canvass_server import rollups
from canvass_server.console import canvassers, figures
from canvass_server.db import Database
from canvass_server.models import ContactAttempt, County, Turf, TurfLine, Voter, utcnow
from canvass_server.rollup_models import RollupVoterLatest
from canvass_server.stats import county_stats

NOTES = [None, "", "  Great chat ", "Great chat", "dog", "call after 6"]
RESULTS = ["C", "NH", "NH", "R", "H", "DNC", "M", "CB"]


def snapshot(session: Session) -> dict[str, set[tuple[Any, ...]]]:
    """Every rollup table's rows, leaving out rows whose counts have all fallen back to 0 (a rebuild has none);
    tables without counts (a voter's latest result) whole."""
    out: dict[str, set[tuple[Any, ...]]] = {}
    for model in rollups.ALL:
        table = model.__table__
        counts = [c for c in ("n", "doors", "reached") if c in table.c]
        rows = session.execute(select(table)).mappings().all()
        out[table.name] = {tuple(round(v, 3) if isinstance(v, float) else v for v in r.values()) for r in rows
                           if model.__tablename__ == "rollup_turf" or not counts or any(r[c] for c in counts)}
    return out


def _push(dev: Device, items: list[tuple[str, dict[str, Any]]]) -> None:
    r = dev.push(*items)
    assert r.status_code == 200, r.text
    assert wire.BatchAnswer.model_validate(r.json()).rejected == 0, r.text


def _random_batches(rng: random.Random, devices: list[tuple[Device, list[str]]], rounds: int) -> None:
    sent: list[str] = []
    for _ in range(rounds):
        for dev, voters in devices:
            items: list[tuple[str, dict[str, Any]]] = []
            for _ in range(rng.randrange(1, 9)):
                roll = rng.random()
                if roll < 0.15 and sent:  # an undo or amend of an older row (another device's too)
                    target = rng.choice(sent)
                    extra: dict[str, Any] = {"corrects_id": target}
                elif roll < 0.2 and items:  # undone before it was even synced: the same batch
                    extra = {"corrects_id": rng.choice(items)[1]["id"]}
                else:
                    extra = {}
                day, hour = rng.randrange(1, 4), rng.randrange(8, 20)
                zone = rng.choice(["+00:00", "-04:00", ""])
                created = rng.choice([f"2026-05-0{day}T{hour:02d}:{rng.randrange(60):02d}:00{zone}", "soon"])
                result = rng.choice(RESULTS)
                item = dev.contact(rng.choice(voters), result, support=rng.choice([None, 1, 3, 5]),
                                   note=rng.choice(NOTES), created_at=created, **extra)
                items.append(item)
                sent.append(item[1]["id"])
            _push(dev, items)


def _by_hand(session: Session) -> dict[str, Any]:
    """The figures counted from the contact rows in Python: effective = corrects nothing, corrected by nothing."""
    rows = session.execute(select(ContactAttempt)).scalars().all()
    corrected = {r.corrects_id for r in rows if r.corrects_id}
    good = [r for r in rows if r.corrects_id is None and r.id not in corrected]
    names = dict(session.execute(select(County.id, County.name)).all())
    counties: dict[str, dict[str, Any]] = {}
    for r in good:
        c = counties.setdefault(names[r.county_id], {"results": Counter(), "doors": set()})
        c["results"][r.result] += 1
        if r.household_id is not None:
            c["doors"].add(r.household_id)
    members: dict[int, dict[str, Any]] = {}
    for r in good:
        m = members.setdefault(r.member_id, {"n": 0, "doors": set(), "notes": Counter(), "days": {}})
        m["n"] += 1
        when = rollups.moment(r.created_at)
        if when is not None:
            m["days"].setdefault(r.created_at[:10], []).append(when)
        m["doors"].add(r.household_id)
        if (r.note or "").strip(" "):
            m["notes"][r.note.strip(" ")] += 1
    reached = {r.household_id for r in good}
    turfs, pages = {}, {}
    midnight = utcnow().replace(hour=0, minute=0, second=0, microsecond=0)
    for turf in session.scalars(select(Turf).where(Turf.deleted.is_(False))):
        homes = set(session.scalars(select(Voter.household_id).join(TurfLine, TurfLine.voter_id == Voter.id)
                                    .where(TurfLine.turf_id == turf.id)))
        turfs[turf.id] = (len(homes), len(homes & reached))
        voters = set(session.scalars(select(TurfLine.voter_id).where(TurfLine.turf_id == turf.id)))
        mine = [r for r in good if r.voter_id in voters]
        pages[turf.id] = {"results": dict(sorted(Counter(r.result for r in mine).items())),
                          "support": dict(sorted(Counter(r.support for r in mine if r.support).items())),
                          "per_day": sorted(Counter(r.created_at[:10] for r in mine).items()),
                          "doors": len({r.household_id for r in mine if r.household_id is not None}),
                          "active": len({r.member_id for r in mine if r.member_id and r.received_at >= midnight})}
    latest = {}
    for r in sorted(good, key=lambda r: (r.received_at, r.id)):  # the last one received (then by id) wins
        latest[r.voter_id] = r.result
    return {"counties": counties, "members": members, "turfs": turfs, "pages": pages, "latest": latest}


def test_rollups_equal_a_rebuild_and_a_count_by_hand(make_device: Any, database: Database) -> None:
    rng = random.Random(18)
    wake = seed_county(database, "Wake", voters=40)
    durham = seed_county(database, "Durham", voters=12)
    lead, other = make_device(role="county_lead", label="A"), make_device(role="county_lead", label="B")
    far = make_device("Durham", role="county_lead")
    prefix = lead.list_prefix
    _push(lead, [("turf_cut", {"county": lead.county, "list_number": f"{prefix}{n:04d}", "name": "Main St",
                               "lines": [[k + 1, sid] for k, sid in enumerate(part)],
                               "created_at": "2026-05-01T09:00:00+00:00"})
                 for n, part in ((1, wake[:16]), (2, wake[10:30]))])
    devices = [(lead, wake), (other, wake), (far, durham)]
    _random_batches(rng, devices, rounds=6)
    # A re-cut turf (its doors change), then more results.
    _push(lead, [("turf_cut", {"county": lead.county, "list_number": f"{prefix}0002", "name": "Main St",
                               "lines": [[k + 1, sid] for k, sid in enumerate(wake[20:40])],
                               "created_at": "2026-05-02T09:00:00+00:00"})])
    _random_batches(rng, devices, rounds=6)

    with database.session() as s:
        kept = snapshot(s)
        hand = _by_hand(s)
        stats = {r["county"]: r for r in county_stats(s)}
        for name, c in hand["counties"].items():
            assert stats[name]["results"] == dict(sorted(c["results"].items()))
            assert (stats[name]["contact_attempts"], stats[name]["doors"]) == (c["results"].total(), len(c["doors"]))
        nation = figures.figures(s, None)
        assert nation.attempts == sum(c["results"].total() for c in hand["counties"].values())
        assert nation.doors == sum(len(c["doors"]) for c in hand["counties"].values())
        assert {r["id"]: (r["doors"], r["reached"]) for r in figures.turf_rows(s, None)} == hand["turfs"]
        for turf_id, page in hand["pages"].items():  # the turf page
            f = figures.turf_figures(s, turf_id)
            assert (f.results, f.support, f.per_day, f.doors, f.active_today) == (
                page["results"], page["support"], page["per_day"], page["doors"], page["active"])
        assert sum(len(p["results"]) for p in hand["pages"].values()) > 5
        assert dict(s.execute(select(RollupVoterLatest.voter_id, RollupVoterLatest.result)).all()) == (
            hand["latest"])
        people = {r.member_id: r for r in canvassers.canvasser_rows(s, None)}
        assert {m: (r.attempts, r.doors) for m, r in people.items()} == {
            m: (h["n"], len(h["doors"])) for m, h in hand["members"].items()}
        for m, h in hand["members"].items():  # hours: first to last result of each day, added up
            hours = sum((max(w) - min(w)).total_seconds() for w in h["days"].values()) / 3600
            assert people[m].hours == pytest.approx(hours)
        for m, h in hand["members"].items():
            repeated = sorted(f"the same note {n} times: “{t[:40]}”" for t, n in h["notes"].items() if n >= 3)
            assert sorted(f for f in people[m].flags if f.startswith("the same note")) == repeated
        rollups.rebuild(s)
        assert snapshot(s) == kept
        assert sum(len(rows) for rows in kept.values()) > 100
    migrate(database, "0011")  # migration 0012's backfill makes its tables as ingest kept them
    migrate(database, "head")
    with database.session() as s:
        assert snapshot(s) == kept
