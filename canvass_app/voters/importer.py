"""Import a county's voter file into the store: one transaction, bulk Core inserts, households, updates.

The file is read (parsed, validated, households numbered) by import_reading, in a second process when it is
big; this module writes what it reads.

A re-import of the same county is an update keyed by the state voter id: changed voters are updated, new
ones added, voters missing from the file marked inactive (never deleted), and contact history left alone.

Before anything is kept the caller can see what the import would do (`confirm`, or a dry run that always
answers no): added, updated, unchanged, to be marked inactive, and the doors that would leave turfs. What an
import changed is recorded so that the last import can be undone (import_journal).
"""

from __future__ import annotations

import csv
import os
import tempfile
import time
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any, cast

from sqlalchemy import Connection, Table, bindparam, func, insert, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from canvass_app.paths import private_dir
from canvass_app.store.database import cache_size
from canvass_app.store.models import County, Household, Precinct, Setting, Voter, utcnow
from canvass_app.voters import import_journal, mappings, search
from canvass_app.voters.reading import HOUSEHOLD_COLUMNS, VOTER_COLUMNS, Chunk, FreshIds, ReadSpec, read_chunks
from canvass_formats.voterfile import Rejection, VoterFileError, iter_voter_rows
from canvass_formats.voterfile.address import KEY_VERSION, canonical_key, canonical_street
from canvass_formats.voterfile.layouts import check_mapping

INACTIVATE_LIMIT = 0.05  # marking more of a county's active voters inactive than this needs an explicit yes
IMPORT_CACHE_KIB = 64 * 1024  # a 1M-row import peaks near 220 MB RSS (and its reading process near 130)
INDEX_SORT_CACHE_KIB = 16 * 1024
# FTS5 settings while an import fills the search index: a bigger buffer of pending terms (flushed as a
# segment when full or at the end of each statement; 1 MiB by default) and no incremental merging on the way
# (crisis merges still bound the segment count). A 1M-voter build in one statement went from 10.0 to 7.3 s.
# The buffer is 24 MiB, not 32: statements of 150,000 voters and more fill it, and at 32 MiB the importing
# process peaked at 256 MB for 1M rows (236 MB at 24 MiB). Crisis merges wait for 64 segments at a level, not
# 16: a 2M-voter build in 40 statements went from 21.9 to 17.5 s of CPU, leaving 39 segments; search's worst
# first page stayed under 6 ms.
FTS_IMPORT_SETTINGS = {"hashsize": 24 << 20, "automerge": 0, "crisismerge": 64}
FTS_BATCH = 150_000  # the fewest voters added to the search index in a statement while the writer waits
FTS_DEFAULTS = {"hashsize": 1 << 20, "automerge": 4, "crisismerge": 16}
_FTS_CONFIG = "INSERT INTO voter_fts(voter_fts, rank) VALUES (?, ?)"
CANCEL_CHECK_OPS = 100_000  # SQLite steps between two looks at cancel() (well under a millisecond)
BYTES_PER_ROW_GUESS = 200  # for deciding whether to rebuild indexes; ncvoter rows are longer, so errs low
VOTER = cast(Table, Voter.__table__)
HOUSEHOLD = cast(Table, Household.__table__)
PRECINCT = cast(Table, Precinct.__table__)
SETTING = cast(Table, Setting.__table__)
KEY_VERSION_SETTING = "household_key_version:"  # + county id: the key rule the county's households are stored by

# Voter columns an import writes -> the file fields they come from; on update a column is written only
# when the file carries one of its fields, so a file without phones never erases phones already stored.
_ADDRESS_FIELDS = ("res_address", "res_house_number", "res_street_name")
_SOURCES: dict[str, tuple[str, ...]] = {
    "registration_number": ("registration_number",),
    "first_name": ("first_name",),
    "middle_name": ("middle_name",),
    "last_name": ("last_name",),
    "suffix": ("suffix",),
    "birth_year": ("birth_year", "birth_date"),
    "sex": ("sex",),
    "party": ("party",),
    "phone": ("phone",),
    "email": ("email",),
    "language": ("language",),
    **dict.fromkeys((
        "res_address", "res_house_number", "res_pre_dir", "res_street_name", "res_street_type",
        "res_post_dir", "res_unit", "household_id"), _ADDRESS_FIELDS),
    "res_city": ("res_city",),
    "res_state": ("res_state",),
    "res_zip": ("res_zip",),
    "mail_address1": ("mail_address1",),
    "mail_address2": ("mail_address2", "mail_address3", "mail_address4"),
    "mail_city": ("mail_city",),
    "mail_state": ("mail_state",),
    "mail_zip": ("mail_zip",),
    "precinct_id": ("precinct",),
    "registration_status": ("registration_status",),
}


def _positional_insert(conn: Connection, table: Table, columns: tuple[str, ...]) -> str:
    """An INSERT of table's columns in this order, for executemany of plain tuples.

    Nullable columns take NULLIF(?, ''): rows bind '' for a missing value, because the driver binds None
    several times slower than a string (it looks for an adapter first), which was most of an insert's cost.
    """
    quote = conn.dialect.identifier_preparer.quote
    marks = ", ".join("NULLIF(?, '')" if table.c[c].nullable else "?" for c in columns)
    return f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) VALUES ({marks})"


class ImportCancelled(Exception):
    """The user cancelled; the caller's transaction rolls back and the store is as it was."""


class ImportDeclined(Exception):
    """The summary was not confirmed (or this was a dry run): the caller's transaction rolls back.

    `result` is what the import would have done.
    """

    def __init__(self, result: ImportResult):
        super().__init__(f"import not confirmed; nothing was changed ({result.summary()})")
        self.result = result


@dataclass(frozen=True)
class ImportProgress:
    rows: int
    bytes_read: int
    total_bytes: int
    elapsed: float

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def fraction(self) -> float:
        return min(1.0, self.bytes_read / self.total_bytes) if self.total_bytes else 1.0


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    inactivated: int
    rejected: int
    households: int  # households of the county's active voters after the import (0 in a summary before it)
    layout: str
    rejects_path: Path | None
    county_id: int
    rows: int
    seconds: float
    unchanged: int = 0
    county: str = ""
    state: str = ""
    new_county: bool = False
    active_before: int = 0  # the county's active voters before the import
    turfs_affected: int = 0  # turfs that would lose doors
    doors_leaving_turfs: int = 0
    turfs_emptied: int = 0  # turfs left with no door at all
    dry_run: bool = False  # a summary of what the import would do; nothing was kept

    @property
    def inactivated_share(self) -> float:
        """The part of the county's active voters this import marks inactive (0..1)."""
        return self.inactivated / self.active_before if self.active_before else 0.0

    @property
    def needs_yes(self) -> bool:
        """Whether this import marks more than INACTIVATE_LIMIT of the county's active voters inactive."""
        return self.inactivated_share > INACTIVATE_LIMIT

    def summary(self) -> str:
        rejects = str(self.rejects_path) if self.rejects_path else "none"
        return (f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}, inactivated "
                f"{self.inactivated}, rejected {self.rejected}, households {self.households}, layout {self.layout}, "
                f"rejects file {rejects}")

    def changes(self, *, done: bool = False) -> str:
        """The summary a person confirms (or, done, reads afterwards): what changes, and what it does to turfs."""
        where = f"{self.county}, {self.state}" + (" (a new county)" if self.new_county else "")
        text = (f"{where}: {self.added:,} added, {self.updated:,} updated, {self.unchanged:,} unchanged, "
                f"{self.inactivated:,} {'marked' if done else 'to be marked'} inactive")
        if self.active_before:
            text += f" ({self.inactivated_share:.0%} of {self.active_before:,} active)"
        return text + f", {self.rejected:,} rejected; {self.turfs_text()}"

    def turfs_text(self) -> str:
        if not self.turfs_affected:
            return "no turf loses doors"
        empty = f" ({self.turfs_emptied:,} left empty)" if self.turfs_emptied else ""
        return f"{self.turfs_affected:,} turfs lose {self.doors_leaving_turfs:,} doors{empty}"


class _Rejects:
    """The rejects CSV, opened at the first rejection and streamed to (never held in memory); only counted when
    `write` is False (a dry run)."""

    def __init__(self, path: Path | None, source: Path, *, write: bool = True):
        self.path = path
        self.source = source
        self.write = write
        self.count = 0
        self._file: IO[str] | None = None
        self._writer: Any = None

    def add(self, rejection: Rejection) -> None:
        if not self.write:
            self.count += 1
            return
        if self._file is None:
            if self.path is None:
                self.path = _default_rejects_path(self.source)
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # plaintext voter data: ours only
            self._file = open(fd, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by close()
            self._writer = csv.writer(self._file)
            self._writer.writerow(["row", "voter_id", "reason"])
        self._writer.writerow([rejection.row, rejection.voter_id, rejection.reason])
        self.count += 1

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def private_rejects_path(data_dir: Path, source: Path) -> Path:
    """Where the app puts a voter file's rejected rows (plaintext voter data): this account's private directory
    beside the store (0700), which a remote wipe removes."""
    return private_dir(data_dir) / "rejects" / f"{source.stem}.rejects-{time.strftime('%Y%m%d-%H%M%S')}.csv"


def _default_rejects_path(source: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    candidate = source.with_name(f"{source.stem}.rejects-{stamp}.csv")
    try:
        candidate.touch(mode=0o600)
        return candidate
    except OSError:
        return Path(tempfile.mkdtemp(prefix="canvass-rejects-")) / candidate.name  # a 0700 directory


def _county_id(conn: Connection, name: str, state: str) -> tuple[int, bool]:
    """The county's id, and whether it was made just now."""
    # A no-op write first: the driver opens the transaction (and takes SQLite's write lock) only at a
    # write, and every read below must already be inside the one transaction of the import.
    conn.execute(text("UPDATE county SET name = name WHERE id = -1"))
    found = conn.scalar(select(County.id).where(func.lower(County.name) == name.lower(), County.state == state))
    if found is not None:
        return int(found), False
    return int(conn.execute(insert(County).values(name=name, state=state, created_at=utcnow())
                            .returning(County.id)).scalar_one()), True


def import_voter_file(
    session: Session,
    path: Path | str,
    *,
    county: str,
    state: str,
    layout: str = "auto",
    mapping: dict[str, str] | None = None,
    progress: Callable[[ImportProgress], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    rejects_path: Path | None = None,
    confirm: Callable[[ImportResult], bool] | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Import one county's voter file in the caller's transaction and return what changed.

    Raises VoterFileError (nothing changed: the caller's session rolls back) when the file is not a voter
    file or its mapping lacks a required field, and ImportCancelled when cancel() answers True. Bad rows go to
    the rejects CSV, not into the store.

    confirm: asked with the summary (ImportResult; households 0) once every change is written but before the
    import finishes; a False answer raises ImportDeclined, carrying the summary, for the caller's transaction
    to roll back. dry_run: the summary only, as a confirm that always answers no (no rejects file is written,
    and the index and search-index rebuilds are skipped).
    """
    started = time.monotonic()
    path = Path(path)
    county, state = county.strip(), state.strip().upper()
    if not county or len(state) != 2:
        raise VoterFileError(f"{path}: give the county name and the two-letter state (got {county!r}, {state!r})")
    reader = iter_voter_rows(path, layout=layout, mapping=mapping)
    if mapping is None and reader.layout == "generic":
        saved = mappings.saved_mapping(session, reader.header_signature)
        if saved:
            reader.set_mapping(saved)
    reader.check()
    if reader.layout == "generic":
        problems = check_mapping(reader.mapping).errors
        if problems:
            raise VoterFileError(f"{path}: cannot import with this column mapping: {'; '.join(problems)}")
    if dry_run:
        confirm = _never
    conn = session.connection()
    county_id, county_created = _county_id(conn, county, state)
    has_turfs = not county_created and import_journal.county_has_turfs(conn, county_id)
    doors_before = import_journal.turf_doors(conn, county_id) if has_turfs else {}
    active_before = 0 if county_created else import_journal.active_voters(conn, county_id)
    with cache_size(conn, IMPORT_CACHE_KIB):  # random index inserts and the index builds need the room
        job = _Job(conn, county_id, reader.mapping.values(), file_bytes=reader.total_bytes, journal=not dry_run)
        rejects = _Rejects(rejects_path, path, write=not dry_run)
        # Every header, the unmapped ones as "": a reading process must not guess what the mapping left out.
        spec = ReadSpec(path, reader.layout, {**dict.fromkeys(reader.headers, ""), **reader.mapping}, county_id,
                        job.updated_at, job.fresh_ids())
        rows = 0
        # Cancel also stops a long statement (a search-index batch, an index build) in the middle: SQLite asks
        # this handler every CANCEL_CHECK_OPS virtual-machine steps, and a true answer interrupts the statement.
        raw = conn.connection.dbapi_connection
        if cancel is not None and raw is not None:
            raw.set_progress_handler(lambda: bool(cancel()), CANCEL_CHECK_OPS)
        try:
            try:
                # The search index is built while the writer would wait for the reading process, the rest of
                # it at the end in one statement (fewer, bigger segments: a fifth less work than in batches).
                idle = None if dry_run else (lambda: job.index_added(at_least=FTS_BATCH))
                for chunk in read_chunks(reader, spec, when_idle=idle):
                    if cancel is not None and cancel():
                        raise ImportCancelled(f"{path}: import cancelled; nothing was changed")
                    for rejection in chunk.rejections:
                        rejects.add(rejection)
                    job.apply(chunk)
                    rows += chunk.rows
                    if progress is not None:
                        progress(ImportProgress(rows, chunk.bytes_read, reader.total_bytes, time.monotonic() - started))
            finally:
                rejects.close()
            if job.added + job.updated + job.unchanged == 0:
                raise VoterFileError(
                    f"{path}: no valid voter rows ({rejects.count} rejected"
                    f"{', see ' + str(rejects.path) if rejects.path else ''}); nothing was changed")
            inactivated = job.inactivate_missing()
            lost: dict[int, int] = {}
            doors_after: dict[int, int] = {}
            if confirm is not None and has_turfs:
                doors_after = import_journal.turf_doors(conn, county_id)
                lost = {t: n - doors_after.get(t, 0) for t, n in doors_before.items() if doors_after.get(t, 0) < n}
            plan = ImportResult(
                added=job.added, updated=job.updated, inactivated=inactivated, rejected=rejects.count,
                households=0, layout=reader.layout, rejects_path=None, county_id=county_id, rows=rows,
                seconds=time.monotonic() - started, unchanged=job.unchanged, county=county, state=state,
                new_county=county_created, active_before=active_before, turfs_affected=len(lost),
                doors_leaving_turfs=sum(lost.values()),
                turfs_emptied=sum(1 for t in lost if not doors_after.get(t)), dry_run=dry_run)
            if confirm is not None and not confirm(plan):
                raise ImportDeclined(plan)
            job.finish()  # index builds and the search index need the big cache as much as the inserts
        except OperationalError as exc:
            if cancel is not None and cancel():
                raise ImportCancelled(f"{path}: import cancelled; nothing was changed") from exc
            raise
        finally:
            if cancel is not None and raw is not None:
                raw.set_progress_handler(None, 0)
    if reader.layout == "generic":
        mappings.save_mapping(session, reader.header_signature, reader.mapping)
    import_journal.save(session, {
        "file": path.name, "county": county, "state": state, "county_id": county_id, "at": job.now.isoformat(),
        "county_created": county_created, "added": job.added, "updated": job.updated, "inactivated": inactivated,
        "voters": [job.max_voter_before + 1, job.next_voter - 1],
        "households": [job.first_household, job.next_household - 1], "precincts": job.precincts_created,
        "columns": job.update_columns})
    households = job.households_created if job.new_county else conn.scalar(
        select(func.count(func.distinct(VOTER.c.household_id)))
        .where(VOTER.c.county_id == county_id, VOTER.c.active.is_(True))) or 0
    return replace(plan, households=int(households), rejects_path=rejects.path if rejects.count else None,
                   seconds=time.monotonic() - started)


def _never(_plan: ImportResult) -> bool:
    return False


class _Job:
    """The state of one import: id counters, household and precinct lookups, and what was seen."""

    def __init__(self, conn: Connection, county_id: int, mapped_fields: Iterable[str], *, file_bytes: int = 0,
                 journal: bool = True):
        self.conn = conn
        self.journal = journal
        self.county_id = county_id
        mapped = set(mapped_fields)
        self.update_columns = [c for c, src in _SOURCES.items() if mapped.intersection(src)]
        self.update_indexes = [VOTER_COLUMNS.index(c) for c in self.update_columns]
        self.now = utcnow()
        self.added = self.updated = self.unchanged = 0
        self.max_voter_before = conn.scalar(select(func.max(VOTER.c.id))) or 0
        self.next_voter = self.max_voter_before + 1
        self.next_household = (conn.scalar(select(func.max(HOUSEHOLD.c.id))) or 0) + 1
        self.first_household = self.next_household
        self.precincts_created: list[int] = []
        if journal:
            import_journal.start(conn)
        self.households_created = 0
        self.existing = conn.scalar(select(VOTER.c.id).where(VOTER.c.county_id == county_id).limit(1)) is not None
        # A county with no voters and no households yet: its households after the import are the ones made.
        self.new_county = not self.existing and conn.scalar(
            select(HOUSEHOLD.c.id).where(HOUSEHOLD.c.county_id == county_id).limit(1)) is None
        self._rekey_households()
        # The household id of each household number the reading side gave out (see import_reading).
        self.household_ids = array("q")
        self.precincts: dict[str, int] = dict(
            conn.execute(select(PRECINCT.c.code, PRECINCT.c.id).where(PRECINCT.c.county_id == county_id)).all())
        if self.existing:
            for table in ("import_seen", "import_changed"):
                conn.execute(text(f"CREATE TEMP TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY)"))
                conn.execute(text(f"DELETE FROM temp.{table}"))
        # The search index is filled in bulk, many voters a statement: a trigger per row makes FTS5 flush
        # its pending terms at every statement, which is ten times slower. Dropping triggers and changing the
        # index's settings are part of the one transaction, so a killed import leaves them as they were.
        self.triggers = conn.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'voter' "
            "AND name LIKE 'voter_fts_%'")).all()
        for name, _sql in self.triggers:
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
        self.search_indexed_to = self.next_voter  # added voters from this id on are not in the index yet
        self.fts_settings: dict[str, Any] = {}
        if self.triggers:
            self.fts_settings = dict(conn.exec_driver_sql("SELECT k, v FROM voter_fts_config").all())
            for key, value in FTS_IMPORT_SETTINGS.items():
                conn.exec_driver_sql(_FTS_CONFIG, (key, value))
        # Secondary indexes are cheaper built once, sorted, than updated row by row at random places, when
        # the file is big next to what the tables hold. Unique constraints (the lookups of re-import and
        # households) stay. Like the triggers, the drop is part of the one transaction.
        self.indexes: list[tuple[str, str]] = []
        if self.max_voter_before <= 2 * (file_bytes // BYTES_PER_ROW_GUESS):
            self.indexes = [(name, sql) for name, sql in conn.execute(text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND tbl_name IN ('voter', 'household')"))]
            for name, _sql in self.indexes:
                conn.exec_driver_sql(f'DROP INDEX "{name}"')
        self.voter_insert = _positional_insert(conn, VOTER, VOTER_COLUMNS)
        self.household_insert = _positional_insert(conn, HOUSEHOLD, HOUSEHOLD_COLUMNS)
        self.precinct_insert = _positional_insert(conn, PRECINCT, ("id", "county_id", "code", "name"))
        to_db = VOTER.c.updated_at.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        self.updated_at = to_db(self.now) if to_db else self.now

    def fresh_ids(self) -> FreshIds | None:
        """The first free ids, for the reading side to give out itself, when every household of the file is new
        (the county holds no voters and no households yet); else None, and ids are given out here."""
        if not self.new_county:
            return None
        next_precinct = (self.conn.scalar(select(func.max(PRECINCT.c.id))) or 0) + 1
        return FreshIds(self.next_voter, self.next_household, next_precinct, dict(self.precincts))

    def _rekey_households(self) -> None:
        """Give the county's households today's key and street spelling when they were stored by an older rule.

        A re-import then finds each door under its key, however the new file spells it: its voters keep their
        household, turf and walk-list line. Two stored households that are one door by today's rule keep the
        older one's key (the lower id); the file's voters of that door join it, and the other is left empty.
        """
        name = f"{KEY_VERSION_SETTING}{self.county_id}"
        if self.conn.scalar(select(SETTING.c.value).where(SETTING.c.key == name)) == KEY_VERSION:
            return
        h = HOUSEHOLD.c
        rows = [] if self.new_county else self.conn.execute(
            select(h.id, h.key, h.pre_dir, h.street_name, h.street_type, h.post_dir)
            .where(h.county_id == self.county_id).order_by(h.id)).all()
        new_keys = [canonical_key(row.key) for row in rows]
        taken = {key for row, key in zip(rows, new_keys, strict=True) if key == row.key}
        changes = []
        for row, key in zip(rows, new_keys, strict=True):
            street, street_type = canonical_street(row.street_name, row.street_type)
            if key != row.key and key not in taken:
                taken.add(key)
            else:
                key = row.key
            if key != row.key or (street, street_type) != (row.street_name, row.street_type):
                street_key = " ".join(p for p in (row.pre_dir, street, street_type, row.post_dir) if p)
                changes.append({"b_id": row.id, "key": key, "street_name": street, "street_type": street_type,
                                "street_key": street_key[:120]})
        if changes:
            self.conn.execute(update(HOUSEHOLD).where(h.id == bindparam("b_id")), changes)
        self.conn.execute(SETTING.delete().where(SETTING.c.key == name))
        self.conn.execute(insert(SETTING).values(key=name, value=KEY_VERSION))

    def _precinct(self, code: str, names: dict[str, str]) -> int | str:
        """The id of the county's precinct with this code ('' for none), adding it when new."""
        if not code:
            return ""
        pid = self.precincts.get(code)
        if pid is None:
            pid = self.conn.execute(insert(PRECINCT).values(
                county_id=self.county_id, code=code, name=names.get(code) or None)
                .returning(PRECINCT.c.id)).scalar_one()
            self.precincts[code] = pid
            self.precincts_created.append(pid)
        return pid

    def _add_households(self, chunk: Chunk) -> None:
        """Give the chunk's newly numbered households their ids: the stored household at the same key, else new."""
        if not chunk.households:
            return
        found: dict[str, int] = {}
        if not self.new_county:
            keys = [h[1] for h in chunk.households]
            found = dict(self.conn.execute(
                select(HOUSEHOLD.c.key, HOUSEHOLD.c.id)
                .where(HOUSEHOLD.c.county_id == self.county_id, HOUSEHOLD.c.key.in_(keys))).all())
        new = []
        for household, code in zip(chunk.households, chunk.household_precincts, strict=True):
            hid = found.get(household[1])
            if hid is None:
                hid = self.next_household
                self.next_household += 1
                new.append((*household, self._precinct(code, chunk.precinct_names), hid))
            self.household_ids.append(hid)
        if new:
            self.conn.exec_driver_sql(self.household_insert, new)
            self.households_created += len(new)

    def apply(self, chunk: Chunk) -> None:
        """Write one chunk: new precincts and households first, then new voters, then changed ones."""
        if chunk.ready:
            self._insert_ready(chunk)
            return
        if not chunk.voters:
            return
        self._add_households(chunk)
        existing: dict[str, tuple[Any, ...]] = {}
        cols = self.update_columns
        if self.existing:
            stmt = (select(VOTER.c.state_voter_id, VOTER.c.id, VOTER.c.active, *(VOTER.c[c] for c in cols))
                    .where(VOTER.c.county_id == self.county_id,
                           VOTER.c.state_voter_id.in_([v[0] for v in chunk.voters])))
            existing = {row[0]: tuple(row[1:]) for row in self.conn.execute(stmt)}
        household_ids, precincts = self.household_ids, self.precincts
        inserts: list[tuple[Any, ...]] = []
        updates: list[dict[str, Any]] = []
        previous: list[tuple[Any, ...]] = []
        seen: list[dict[str, Any]] = []
        for voter, code, number in zip(chunk.voters, chunk.precincts, chunk.household_numbers, strict=True):
            pid = (precincts.get(code) or self._precinct(code, chunk.precinct_names)) if code else ""
            hid = household_ids[number] if number >= 0 else ""
            old = existing.get(voter[0]) if existing else None
            if old is None:
                inserts.append((*voter, hid, pid, self.next_voter))
                self.next_voter += 1
                continue
            seen.append({"id": old[0]})
            full = (*voter, hid, pid)
            new = tuple(full[i] for i in self.update_indexes)
            if old[1] and new == tuple("" if v is None else v for v in old[2:]):
                self.unchanged += 1
                continue
            changed = {c: None if v == "" else v for c, v in zip(cols, new, strict=True)}
            changed.update(b_id=old[0], active=True, updated_at=self.now)
            updates.append(changed)
            previous.append(old)
        if inserts:
            self.conn.exec_driver_sql(self.voter_insert, inserts)
            self.added += len(inserts)
        if updates:
            self.conn.execute(update(VOTER).where(VOTER.c.id == bindparam("b_id")), updates)
            self.conn.execute(text("INSERT OR IGNORE INTO temp.import_changed (id) VALUES (:b_id)"), updates)
            self.updated += len(updates)
            if self.journal:
                import_journal.record_updates(self.conn, previous)
        if seen:
            self.conn.execute(text("INSERT OR IGNORE INTO temp.import_seen (id) VALUES (:id)"), seen)

    def _insert_ready(self, chunk: Chunk) -> None:
        """Write a chunk whose rows came with their ids (a county with nothing in it yet: everything is new)."""
        if chunk.new_precincts:
            self.conn.exec_driver_sql(self.precinct_insert, chunk.new_precincts)
            self.precincts_created.extend(p[0] for p in chunk.new_precincts)
        if chunk.households:
            self.conn.exec_driver_sql(self.household_insert, chunk.households)
            self.households_created += len(chunk.households)
            self.next_household += len(chunk.households)
        if chunk.voters:
            self.conn.exec_driver_sql(self.voter_insert, chunk.voters)
            self.added += len(chunk.voters)
            self.next_voter += len(chunk.voters)

    def inactivate_missing(self) -> int:
        """Mark inactive the county's voters that were there before and are not in this file."""
        if not self.existing:
            return 0
        seen = select(text("id")).select_from(text("temp.import_seen"))
        if self.journal:
            import_journal.record_inactivated(
                self.conn, "county_id = :c AND active = 1 AND id <= :m AND id NOT IN (SELECT id FROM temp.import_seen)",
                {"c": self.county_id, "m": self.max_voter_before})
        result = self.conn.execute(
            update(VOTER)
            .where(VOTER.c.county_id == self.county_id, VOTER.c.active.is_(True),
                   VOTER.c.id <= self.max_voter_before, VOTER.c.id.not_in(seen))
            .values(active=False, updated_at=self.now))
        return int(result.rowcount or 0)

    def index_added(self, *, at_least: int = 1) -> None:
        """Add the voters inserted since the last call to the search index, once there are at least at_least.

        Called between chunks: while the reading process is busy, SQLite builds the index here.
        """
        if self.triggers and self.next_voter - self.search_indexed_to >= at_least:
            self.conn.exec_driver_sql(search.reindex_sql("v.id >= ? AND v.id < ?"),
                                      (self.search_indexed_to, self.next_voter))
            self.search_indexed_to = self.next_voter

    def finish(self) -> None:
        """Put back the secondary indexes, index the added and changed voters for search, restore triggers."""
        if self.indexes:
            # CREATE INDEX sorts runs of the cache size in memory and merges them from temp files, which
            # store.temp_files keeps encrypted on disk: the build's memory is this cache and one run, whatever
            # the county's size (with temp files in memory SQLite never spills: every key of a 5.5M-voter index
            # was held in RAM, and the importing process peaked at 517 MB).
            with cache_size(self.conn, INDEX_SORT_CACHE_KIB):
                for _name, sql in self.indexes:
                    self.conn.exec_driver_sql(sql)
        if not self.triggers:
            return
        if self.existing:
            self.conn.exec_driver_sql("DELETE FROM voter_fts WHERE rowid IN (SELECT id FROM temp.import_changed)")
            self.conn.exec_driver_sql(search.reindex_sql("v.id IN (SELECT id FROM temp.import_changed)"))
            for table in ("import_seen", "import_changed"):
                self.conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{table}")
        self.index_added()
        for key, value in FTS_DEFAULTS.items():
            self.conn.exec_driver_sql(_FTS_CONFIG, (key, int(self.fts_settings.get(key, value))))
        for _name, sql in self.triggers:
            self.conn.exec_driver_sql(sql)
