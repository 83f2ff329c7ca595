"""Import a county's voter file into the store: one transaction, bulk Core inserts, households, updates.

A re-import of the same county is an update keyed by the state voter id: changed voters are updated, new
ones added, voters missing from the file marked inactive (never deleted), and contact history left alone.
"""

from __future__ import annotations

import csv
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, Any, cast

from sqlalchemy import Connection, Table, bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from canvass_app import import_mappings, search
from canvass_app.models import County, Household, Precinct, Voter, utcnow
from canvass_app.voterfile import Rejection, VoterFileError, VoterRecord, iter_voter_rows

CHUNK = 5000
IMPORT_CACHE_KIB = 64 * 1024  # with the duplicate-id hashes, a 1M-row import peaks near 245 MB RSS
INDEX_SORT_CACHE_KIB = 16 * 1024
FTS_IMPORT_HASHSIZE = 8 << 20
FTS_DEFAULT_HASHSIZE = 1 << 20
_FTS_CONFIG = "INSERT INTO voter_fts(voter_fts, rank) VALUES (?, ?)"
BYTES_PER_ROW_GUESS = 200  # for deciding whether to rebuild indexes; ncvoter rows are longer, so errs low
VOTER = cast(Table, Voter.__table__)
HOUSEHOLD = cast(Table, Household.__table__)
PRECINCT = cast(Table, Precinct.__table__)

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


# Columns of the bulk inserts, in the order the row tuples are built.
_VOTER_INSERT_COLUMNS = (
    "id", "state_voter_id", "county_id", "active", "do_not_contact", "deceased", "updated_at",
    "registration_number", "first_name", "middle_name", "last_name", "suffix", "birth_year", "sex", "party",
    "phone", "email", "language", "res_address", "res_house_number", "res_pre_dir", "res_street_name",
    "res_street_type", "res_post_dir", "res_unit", "household_id", "res_city", "res_state", "res_zip",
    "mail_address1", "mail_address2", "mail_city", "mail_state", "mail_zip", "precinct_id",
    "registration_status",
)
_FIRST_VALUE = 7  # the columns from here on come from the file (_Job._values)
_HOUSEHOLD_COLUMNS = (
    "id", "county_id", "key", "house_number", "house_number_int", "pre_dir", "street_name", "street_type",
    "post_dir", "unit", "unit_sort", "city", "zip", "street_key", "side", "precinct_id",
)


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
    households: int  # households of the county's active voters after the import
    layout: str
    rejects_path: Path | None
    county_id: int
    rows: int
    seconds: float

    def summary(self) -> str:
        rejects = str(self.rejects_path) if self.rejects_path else "none"
        return (f"added {self.added}, updated {self.updated}, inactivated {self.inactivated}, "
                f"rejected {self.rejected}, households {self.households}, layout {self.layout}, "
                f"rejects file {rejects}")


class _Rejects:
    """The rejects CSV, opened at the first rejection and streamed to (never held in memory)."""

    def __init__(self, path: Path | None, source: Path):
        self.path = path
        self.source = source
        self.count = 0
        self._file: IO[str] | None = None
        self._writer: Any = None

    def add(self, rejection: Rejection) -> None:
        if self._file is None:
            if self.path is None:
                self.path = _default_rejects_path(self.source)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = open(self.path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by close()
            self._writer = csv.writer(self._file)
            self._writer.writerow(["row", "voter_id", "reason"])
        self._writer.writerow([rejection.row, rejection.voter_id, rejection.reason])
        self.count += 1

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def _default_rejects_path(source: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    candidate = source.with_name(f"{source.stem}.rejects-{stamp}.csv")
    try:
        candidate.touch()
        return candidate
    except OSError:
        return Path(tempfile.gettempdir()) / candidate.name


def _chunks(items: Iterable[VoterRecord | Rejection], size: int) -> Iterator[list[VoterRecord | Rejection]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _county_id(conn: Connection, name: str, state: str) -> int:
    # A no-op write first: the driver opens the transaction (and takes SQLite's write lock) only at a
    # write, and every read below must already be inside the one transaction of the import.
    conn.execute(text("UPDATE county SET name = name WHERE id = -1"))
    found = conn.scalar(select(County.id).where(func.lower(County.name) == name.lower(), County.state == state))
    if found is not None:
        return int(found)
    return int(conn.execute(insert(County).values(name=name, state=state, created_at=utcnow())
                            .returning(County.id)).scalar_one())


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
) -> ImportResult:
    """Import one county's voter file in the caller's transaction and return what changed.

    Raises VoterFileError (nothing changed: the caller's session rolls back) when the file is not a voter
    file, and ImportCancelled when cancel() answers True. Bad rows go to the rejects CSV, not into the store.
    """
    started = time.monotonic()
    path = Path(path)
    county, state = county.strip(), state.strip().upper()
    if not county or len(state) != 2:
        raise VoterFileError(f"{path}: give the county name and the two-letter state (got {county!r}, {state!r})")
    reader = iter_voter_rows(path, layout=layout, mapping=mapping)
    if mapping is None and reader.layout == "generic":
        saved = import_mappings.saved_mapping(session, reader.header_signature)
        if saved:
            reader.set_mapping(saved)
    reader.check()
    conn = session.connection()
    county_id = _county_id(conn, county, state)
    cache_before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")  # random index inserts need the room
    job = _Job(conn, county_id, reader.mapping.values(), file_bytes=reader.total_bytes)
    rejects = _Rejects(rejects_path, path)
    rows = 0
    try:
        try:
            for chunk in _chunks(reader, CHUNK):
                if cancel is not None and cancel():
                    raise ImportCancelled(f"{path}: import cancelled; nothing was changed")
                records = []
                for item in chunk:
                    if isinstance(item, Rejection):
                        rejects.add(item)
                    else:
                        records.append(item)
                job.apply(records)
                rows += len(chunk)
                if progress is not None:
                    progress(ImportProgress(rows, reader.bytes_read, reader.total_bytes, time.monotonic() - started))
        finally:
            rejects.close()
        if job.added + job.updated + job.unchanged == 0:
            raise VoterFileError(
                f"{path}: no valid voter rows ({rejects.count} rejected"
                f"{', see ' + str(rejects.path) if rejects.path else ''}); nothing was changed")
        inactivated = job.inactivate_missing()
        job.finish()  # index builds and the search index need the big cache as much as the inserts
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache_before or -2000)}")
    if reader.layout == "generic":
        import_mappings.save_mapping(session, reader.header_signature, reader.mapping)
    households = job.households_created if job.new_county else conn.scalar(
        select(func.count(func.distinct(VOTER.c.household_id)))
        .where(VOTER.c.county_id == county_id, VOTER.c.active.is_(True))) or 0
    return ImportResult(
        added=job.added, updated=job.updated, inactivated=inactivated, rejected=rejects.count,
        households=int(households), layout=reader.layout, rejects_path=rejects.path if rejects.count else None,
        county_id=county_id, rows=rows, seconds=time.monotonic() - started)


class _Job:
    """The state of one import: id counters, household and precinct lookups, and what was seen."""

    def __init__(self, conn: Connection, county_id: int, mapped_fields: Iterable[str], *, file_bytes: int = 0):
        self.conn = conn
        self.county_id = county_id
        mapped = set(mapped_fields)
        self.update_columns = [c for c, src in _SOURCES.items() if mapped.intersection(src)]
        self.now = utcnow()
        self.added = self.updated = self.unchanged = 0
        self.max_voter_before = conn.scalar(select(func.max(VOTER.c.id))) or 0
        self.next_voter = self.max_voter_before + 1
        self.next_household = (conn.scalar(select(func.max(HOUSEHOLD.c.id))) or 0) + 1
        self.households_created = 0
        self.existing = conn.scalar(select(VOTER.c.id).where(VOTER.c.county_id == county_id).limit(1)) is not None
        # A county with no voters and no households yet: its households after the import are the ones made.
        self.new_county = not self.existing and conn.scalar(
            select(HOUSEHOLD.c.id).where(HOUSEHOLD.c.county_id == county_id).limit(1)) is None
        # Household ids of keys seen lately: files usually list a household's voters together. The full
        # key -> id map lives in the household table, not in memory (a big county has ~500k households).
        self.households: dict[str, int] = {}
        self.precincts: dict[str, int] = dict(
            conn.execute(select(PRECINCT.c.code, PRECINCT.c.id).where(PRECINCT.c.county_id == county_id)).all())
        if self.existing:
            for table in ("import_seen", "import_changed"):
                conn.execute(text(f"CREATE TEMP TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY)"))
                conn.execute(text(f"DELETE FROM temp.{table}"))
        # The search index is filled in bulk at the end: a trigger per row makes FTS5 flush its pending
        # terms at every statement, which is ten times slower. Dropping triggers here is part of the one
        # transaction, so a killed import leaves them in place.
        self.triggers = conn.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'voter' "
            "AND name LIKE 'voter_fts_%'")).all()
        for name, _sql in self.triggers:
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
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
        self.voter_insert = _positional_insert(conn, VOTER, _VOTER_INSERT_COLUMNS)
        self.household_insert = _positional_insert(conn, HOUSEHOLD, _HOUSEHOLD_COLUMNS)
        self.update_indexes = [_VOTER_INSERT_COLUMNS.index(c) - _FIRST_VALUE for c in self.update_columns]
        to_db = VOTER.c.updated_at.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        self.updated_at = to_db(self.now) if to_db else self.now

    def _precinct(self, rec: VoterRecord) -> int | None:
        if not rec.precinct:
            return None
        pid = self.precincts.get(rec.precinct)
        if pid is None:
            pid = self.conn.execute(insert(PRECINCT).values(
                county_id=self.county_id, code=rec.precinct, name=rec.precinct_name)
                .returning(PRECINCT.c.id)).scalar_one()
            self.precincts[rec.precinct] = pid
        return pid

    def _households(self, records: list[VoterRecord], precincts: list[int | None]) -> list[int | None]:
        """The household id of each record, adding the households not in the store yet."""
        if len(self.households) > 50_000:
            self.households.clear()
        keys: list[str | None] = []
        wanted: dict[str, int] = {}  # key -> index of its first record in this chunk
        for i, rec in enumerate(records):
            a = rec.address
            if not a.street_name and not a.house_number:
                keys.append(None)
                continue
            key = a.household_key(rec.res_zip)[:200]
            keys.append(key)
            if key not in self.households:
                wanted.setdefault(key, i)
        if wanted:
            found = self.conn.execute(
                select(HOUSEHOLD.c.key, HOUSEHOLD.c.id)
                .where(HOUSEHOLD.c.county_id == self.county_id, HOUSEHOLD.c.key.in_(list(wanted)))).all()
            self.households.update((k, v) for k, v in found)
            new = []
            for key, i in wanted.items():
                if key in self.households:
                    continue
                rec, a = records[i], records[i].address
                hid = self.households[key] = self.next_household
                self.next_household += 1
                number = "" if a.house_number_int is None else a.house_number_int  # '' is NULL (see _positional_insert)
                new.append((hid, self.county_id, key, a.house_number or "", number, a.pre_dir or "", a.street_name,
                            a.street_type or "", a.post_dir or "", a.unit or "", a.unit_sort or "", rec.res_city or "",
                            rec.res_zip or "", a.street_key[:120], a.side, precincts[i] or ""))
            if new:
                self.conn.exec_driver_sql(self.household_insert, new)
                self.households_created += len(new)
        return [self.households[k] if k is not None else None for k in keys]

    def _values(self, rec: VoterRecord, household_id: int | None, precinct_id: int | None) -> tuple[Any, ...]:
        """The file's columns of one voter, in the order of _VOTER_INSERT_COLUMNS[_FIRST_VALUE:]."""
        a = rec.address
        return (
            rec.registration_number, rec.first_name, rec.middle_name, rec.last_name, rec.suffix, rec.birth_year,
            rec.sex, rec.party, rec.phone, rec.email, rec.language, rec.res_address, a.house_number, a.pre_dir,
            a.street_name or None, a.street_type, a.post_dir, a.unit, household_id, rec.res_city, rec.res_state,
            rec.res_zip, rec.mail_address1, rec.mail_address2, rec.mail_city, rec.mail_state, rec.mail_zip,
            precinct_id, rec.registration_status,
        )

    @staticmethod
    def _insert_values(rec: VoterRecord, household_id: int | None, precinct_id: int | None) -> tuple[Any, ...]:
        """_values with '' for None (NULL through the insert's NULLIF; ids and years are never 0)."""
        a = rec.address
        return (
            rec.registration_number or "", rec.first_name, rec.middle_name or "", rec.last_name, rec.suffix or "",
            rec.birth_year or "", rec.sex or "", rec.party or "", rec.phone or "", rec.email or "",
            rec.language or "", rec.res_address or "", a.house_number or "", a.pre_dir or "", a.street_name,
            a.street_type or "", a.post_dir or "", a.unit or "", household_id or "", rec.res_city or "",
            rec.res_state or "", rec.res_zip or "", rec.mail_address1 or "", rec.mail_address2 or "",
            rec.mail_city or "", rec.mail_state or "", rec.mail_zip or "", precinct_id or "",
            rec.registration_status,
        )

    def apply(self, records: list[VoterRecord]) -> None:
        """Write one chunk: new precincts and households first, then new voters, then changed ones."""
        if not records:
            return
        existing: dict[str, tuple[Any, ...]] = {}
        cols = self.update_columns
        if self.existing:
            stmt = (select(VOTER.c.state_voter_id, VOTER.c.id, VOTER.c.active, *(VOTER.c[c] for c in cols))
                    .where(VOTER.c.county_id == self.county_id,
                           VOTER.c.state_voter_id.in_([r.state_voter_id for r in records])))
            existing = {row[0]: tuple(row[1:]) for row in self.conn.execute(stmt)}
        precincts = [self._precinct(rec) for rec in records]
        households = self._households(records, precincts)
        inserts: list[tuple[Any, ...]] = []
        updates: list[dict[str, Any]] = []
        seen: list[dict[str, Any]] = []
        fixed = (self.county_id, 1, 0, 0, self.updated_at)  # county_id, active, do_not_contact, deceased, updated_at
        for rec, precinct_id, household_id in zip(records, precincts, households, strict=True):
            old = existing.get(rec.state_voter_id) if existing else None
            if old is None:
                inserts.append((self.next_voter, rec.state_voter_id, *fixed, *self._insert_values(
                    rec, household_id, precinct_id)))
                self.next_voter += 1
                continue
            values = self._values(rec, household_id, precinct_id)
            seen.append({"id": old[0]})
            new = tuple(values[i] for i in self.update_indexes)
            if old[1] and new == old[2:]:
                self.unchanged += 1
                continue
            changed = dict(zip(cols, new, strict=True))
            changed.update(b_id=old[0], active=True, updated_at=self.now)
            updates.append(changed)
        if inserts:
            self.conn.exec_driver_sql(self.voter_insert, inserts)
            self.added += len(inserts)
        if updates:
            self.conn.execute(update(VOTER).where(VOTER.c.id == bindparam("b_id")), updates)
            self.conn.execute(text("INSERT OR IGNORE INTO temp.import_changed (id) VALUES (:b_id)"), updates)
            self.updated += len(updates)
        if seen:
            self.conn.execute(text("INSERT OR IGNORE INTO temp.import_seen (id) VALUES (:id)"), seen)

    def inactivate_missing(self) -> int:
        """Mark inactive the county's voters that were there before and are not in this file."""
        if not self.existing:
            return 0
        seen = select(text("id")).select_from(text("temp.import_seen"))
        result = self.conn.execute(
            update(VOTER)
            .where(VOTER.c.county_id == self.county_id, VOTER.c.active.is_(True),
                   VOTER.c.id <= self.max_voter_before, VOTER.c.id.not_in(seen))
            .values(active=False, updated_at=self.now))
        return int(result.rowcount or 0)

    def finish(self) -> None:
        """Put back the secondary indexes, index the added and changed voters for search, restore triggers."""
        if self.indexes:
            # CREATE INDEX sorts in memory up to the cache size on top of the cache itself; a small cache
            # here keeps the import's peak memory down (the sort spills to temp files) at little cost.
            self.conn.exec_driver_sql(f"PRAGMA cache_size = -{INDEX_SORT_CACHE_KIB}")
            for _name, sql in self.indexes:
                self.conn.exec_driver_sql(sql)
            self.conn.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
        if not self.triggers:
            return
        if self.existing:
            self.conn.exec_driver_sql("DELETE FROM voter_fts WHERE rowid IN (SELECT id FROM temp.import_changed)")
            self.conn.exec_driver_sql(search.reindex_sql("v.id IN (SELECT id FROM temp.import_changed)"))
            for table in ("import_seen", "import_changed"):
                self.conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{table}")
        # FTS5 flushes its in-memory terms to a new segment at every `hashsize` bytes (1 MiB by default) and
        # merges segments as they pile up; a bigger buffer for the one bulk statement merges less.
        hashsize = self.conn.exec_driver_sql("SELECT v FROM voter_fts_config WHERE k = 'hashsize'").scalar()
        self.conn.exec_driver_sql(_FTS_CONFIG, ("hashsize", FTS_IMPORT_HASHSIZE))
        self.conn.exec_driver_sql(search.reindex_sql("v.id > ?"), (self.max_voter_before,))
        self.conn.exec_driver_sql(_FTS_CONFIG, ("hashsize", int(hashsize or FTS_DEFAULT_HASHSIZE)))
        for _name, sql in self.triggers:
            self.conn.exec_driver_sql(sql)
