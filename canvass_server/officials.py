"""Importing officials and their votes from an Open States folder: people, bills, roll calls, each person's vote.

Everything is keyed by its Open Civic Data id, so importing the same session again updates it: officials and bills
take the new names, parties and districts, and each roll call in the files gets exactly the votes the files give it
(its old rows are replaced). On PostgreSQL a vote file is COPYed as it is and resolved in SQL (officials_copy), and
people, bills and roll calls are upserted in one statement a table; otherwise, or when COPY cannot read the file as
the csv module does, row by row and written in one bulk write. A bad row is skipped and reported with its file, row
and reason; the rest is imported.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, text, update
from sqlalchemy.orm import Session

from canvass_formats import openstates as osf
from canvass_server import officials_copy, versions
from canvass_server.bulk import write_rows
from canvass_server.models import utcnow
from canvass_server.officials_models import Bill, Official, OfficialVote, VoteEvent
from canvass_server.outcome import among

PULL_KEY = "scorecards"  # scope `scorecards`: one row per official, its version bumped when its card changes


@dataclass
class ImportResult:
    people: int = 0  # people read from the people files
    unlisted: int = 0  # officials known only from roll calls (not in any people file), new in this import
    bills: int = 0
    vote_events: int = 0
    votes: int = 0
    problems: list[osf.Problem] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"people": self.people, "unlisted_voters": self.unlisted, "bills": self.bills,
                "vote_events": self.vote_events, "votes": self.votes,
                "problems": [{"file": p.file, "row": p.row, "reason": p.reason} for p in self.problems]}


def import_dir(session: Session, directory: Path) -> ImportResult:
    """Import every Open States file under `directory`. Raises OpenStatesError for a folder or file that is not
    Open States data at all (nothing is imported then: the caller's transaction rolls back)."""
    files = osf.find_files(directory)
    res = ImportResult()
    people = _take(res, (p for path in files.people for p in osf.read_people(path)))
    res.people = len({p.id for p in people})
    ids = _upsert_officials(session, people)
    chambers: dict[str, str] = {}
    for path in files.organizations:
        chambers.update(osf.read_organizations(path))
    bills = _take(res, (b for path in files.bills for b in osf.read_bills(path)))
    bill_ids = _upsert_bills(session, bills)
    res.bills = len(bills)
    events = _take(res, (e for path in files.votes for e in osf.read_vote_events(path, chambers)))
    events = _known_bills(session, res, events, bill_ids)
    event_ids = _upsert_events(session, events, bill_ids)
    res.vote_events = len(events)
    for path in files.vote_people:
        _import_votes(session, res, path, event_ids, ids)
    return res


def _take(res: ImportResult, items: Iterable[Any]) -> list[Any]:
    """The good items, in order; the problems go to the result. A later row with the same id replaces an earlier."""
    good: dict[str, Any] = {}
    for item in items:
        if isinstance(item, osf.Problem):
            res.problems.append(item)
        else:
            good[item.id] = item
    return list(good.values())


def _existing(session: Session, model: Any, ocd_ids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for where in among(session, model.ocd_id, ocd_ids):
        found.update(dict(session.execute(select(model.ocd_id, model.id).where(where)).all()))
    return found


def _upsert(session: Session, model: Any, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert new rows and update known ones by ocd_id; returns ocd_id -> id for all of them."""
    if not rows:
        return {}
    if session.get_bind().dialect.name == "postgresql":
        return _upsert_json(session, model.__table__, rows)
    known = _existing(session, model, [r["ocd_id"] for r in rows])
    new = [r for r in rows if r["ocd_id"] not in known]
    old = [{f"b_{k}": v for k, v in r.items()} | {"b_id": known[r["ocd_id"]]} for r in rows if r["ocd_id"] in known]
    table = model.__table__
    if new:
        session.execute(insert(table), new)
    if old:
        values: dict[str, Any] = {k: bindparam(f"b_{k}") for k in rows[0] if k != "ocd_id"}
        session.execute(update(table).where(table.c.id == bindparam("b_id")).values(**values), old)
    return known | (_existing(session, model, [r["ocd_id"] for r in new]) if new else {})


def _upsert_json(session: Session, table: Any, rows: list[dict[str, Any]]) -> dict[str, int]:
    """_upsert on PostgreSQL: one statement, the rows one JSON parameter (2,000 roll calls took a tenth of a second
    as an executemany, an update and a select back; as arrays, the driver's adapting them was most of the time)."""
    columns = ", ".join(rows[0])
    updates = ", ".join(f"{c} = excluded.{c}" for c in rows[0] if c != "ocd_id")
    return dict(session.execute(
        text(f"INSERT INTO {table.name} ({columns}) SELECT {columns} FROM json_populate_recordset(NULL::{table.name}, "
             f"CAST(:rows AS json)) ON CONFLICT (ocd_id) DO UPDATE SET {updates} RETURNING ocd_id, id"),
        {"rows": json.dumps(rows, default=dt.datetime.isoformat)}).all())


def _upsert_officials(session: Session, people: list[osf.Person]) -> dict[str, int]:
    """The people files' officials (they are `listed`); returns ocd_id -> id for every official known."""
    version = versions.bump(session, PULL_KEY)
    now = utcnow()
    _upsert(session, Official, [{"ocd_id": p.id, "name": p.name, "party": p.party, "chamber": p.chamber,
                                 "district": p.district, "listed": True, "updated_at": now, "version": version}
                                for p in people])
    return dict(session.execute(select(Official.ocd_id, Official.id)).all())


def _upsert_bills(session: Session, bills: list[osf.Bill]) -> dict[str, int]:
    return _upsert(session, Bill, [{"ocd_id": b.id, "identifier": b.identifier, "session": b.session,
                                    "title": b.title, "jurisdiction": b.jurisdiction, "chamber": b.chamber}
                                   for b in bills])


def _known_bills(session: Session, res: ImportResult, events: list[osf.VoteEvent], bill_ids: dict[str, int]
                 ) -> list[osf.VoteEvent]:
    """Roll calls whose bill is in the files or imported before; the others are reported and skipped."""
    wanted = sorted({e.bill_id for e in events if e.bill_id and e.bill_id not in bill_ids})
    bill_ids.update(_existing(session, Bill, wanted))
    keep = []
    for e in events:
        if e.bill_id and e.bill_id not in bill_ids:
            res.problems.append(osf.Problem("*_votes.csv", 0, f"roll call {e.id}: its bill {e.bill_id} is in no "
                                                              "_bills.csv and was never imported; skipped"))
        else:
            keep.append(e)
    return keep


def _upsert_events(session: Session, events: list[osf.VoteEvent], bill_ids: dict[str, int]) -> dict[str, int]:
    found = _upsert(session, VoteEvent, [
        {"ocd_id": e.id, "bill_id": bill_ids.get(e.bill_id or ""), "motion_text": e.motion_text,
         "start_date": e.start_date, "result": e.result, "session": e.session, "chamber": e.chamber}
        for e in events])
    return found


def _import_votes(session: Session, res: ImportResult, path: Path, event_ids: dict[str, int],
                  official_ids: dict[str, int]) -> None:
    """One _vote_people.csv: each roll call of the file gets exactly the file's votes (old rows replaced)."""
    loaded = officials_copy.load(session, path, event_ids) if session.get_bind().dialect.name == "postgresql" \
        else None
    if loaded is not None:
        if _write_plain(session, res, loaded, official_ids):
            return
        officials_copy.resolve(session, loaded)
        res.problems += officials_copy.read_problems(session, path.name)
        new = officials_copy.unlisted(session)
        if new:
            official_ids.update(_add_unlisted(session, new))
            res.unlisted += len(new)
        needed = officials_copy.names_needed(session)
        by_name = _unique_names(session) if needed else {}
        written, voters, problems = officials_copy.write_votes(
            session, path.name, {n: by_name[n.casefold()] for n in needed if n.casefold() in by_name})
        res.problems += problems
        res.votes += written
        _bump(session, voters)
        return
    items: list[osf.PersonVote] = []
    for item in osf.read_person_votes(path):
        if isinstance(item, osf.Problem):
            res.problems.append(item)
        else:
            items.append(item)
    unlisted = {v.voter_id: v.voter_name or v.voter_id for v in items
                if v.voter_id and v.voter_id not in official_ids and v.vote_event_id in event_ids}
    if unlisted:
        official_ids.update(_add_unlisted(session, unlisted))
        res.unlisted += len(unlisted)
    by_name = _unique_names(session) if any(not v.voter_id for v in items) else {}
    rows: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    unknown_events: Counter[str] = Counter()
    for row, vote_event, option, voter_name, voter_id in items:
        event = event_ids.get(vote_event)
        if event is None:
            unknown_events[vote_event] += 1
            continue
        official = official_ids.get(voter_id) if voter_id else by_name.get(voter_name.casefold())
        if official is None:
            res.problems.append(osf.Problem(path.name, row, f"voter {voter_name!r} has no voter_id and no one in "
                                                            "the people files has that name"))
        elif (event, official) in seen:
            res.problems.append(osf.Problem(path.name, row, f"a second vote by {voter_name!r} in roll call "
                                                            f"{vote_event}; the first is kept"))
        else:
            seen.add((event, official))
            rows.append({"vote_event_id": event, "official_id": official, "option": option[:30]})
    for event_id, n in sorted(unknown_events.items()):
        res.problems.append(osf.Problem(path.name, 0, f"{n} vote(s) in roll call {event_id}, which is in no "
                                                      "_votes.csv (or was skipped); not imported"))
    touched = sorted({r["vote_event_id"] for r in rows})
    for where in among(session, OfficialVote.vote_event_id, touched):
        session.execute(delete(OfficialVote).where(where))
    write_rows(session, OfficialVote.__table__, rows)  # type: ignore[arg-type]
    res.votes += len(rows)
    _bump(session, sorted({r["official_id"] for r in rows}))


def _write_plain(session: Session, res: ImportResult, loaded: officials_copy.Loaded,
                 official_ids: dict[str, int]) -> bool:
    """The usual file, whose every row has a roll call of the import, an option and a voter_id that is a plain
    Open Civic Data id: its unlisted voters added and its votes written in one INSERT, without a look at each row
    first. False, with nothing changed, for any other file: then its rows are resolved one by one in SQL."""
    options, given = officials_copy.survey(session, loaded)
    stored = {o: o.strip().lower()[:30] for o in options}  # as read_person_votes makes it (and the column holds)
    if not all(stored.values()) or not all(v.startswith("ocd-person/") and v == v.strip() for v in given):
        return False
    session.execute(text("SAVEPOINT vp_plain"))
    new = sorted(v for v in given if v not in official_ids)
    added = _add_unlisted(session, officials_copy.names(session, loaded, new)) if new else {}
    if officials_copy.write_plain(session, loaded, stored) != loaded.rows:
        session.execute(text("ROLLBACK TO SAVEPOINT vp_plain"))
        return False
    session.execute(text("RELEASE SAVEPOINT vp_plain"))
    officials_copy.done(session)
    official_ids.update(added)
    res.unlisted += len(added)
    res.votes += loaded.rows
    _bump(session, sorted(official_ids[v] for v in given))
    return True


def _bump(session: Session, voters: list[int]) -> None:
    """The officials who voted get a new version: their cards are sent again."""
    version = versions.bump(session, PULL_KEY)
    for where in among(session, Official.id, voters):
        session.execute(update(Official).where(where).values(version=version))


def _unique_names(session: Session) -> dict[str, int]:
    """Listed officials by name (case-folded), for vote rows without a voter_id: only names nobody shares."""
    names: dict[str, list[int]] = {}
    for oid, name in session.execute(select(Official.id, Official.name).where(Official.listed.is_(True))):
        names.setdefault(name.casefold(), []).append(oid)
    return {name: ids[0] for name, ids in names.items() if len(ids) == 1}


def _add_unlisted(session: Session, voters: dict[str, str]) -> dict[str, int]:
    version, now = versions.bump(session, PULL_KEY), utcnow()
    return _upsert(session, Official, [{"ocd_id": vid, "name": name[:200], "party": None, "chamber": None,
                                        "district": None, "listed": False, "updated_at": now, "version": version}
                                       for vid, name in voters.items()])

