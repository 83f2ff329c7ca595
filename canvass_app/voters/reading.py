"""The reading half of an import: a voter file turned into chunks of rows ready to insert, with no database.

Reading (CSV, validation, address parsing, household keys) is Python work; writing is SQLite's. A big file
is read in a second process so the two run on two cores: SQLite's calls release the GIL, but a thread would
not do, because a writer that gives the GIL up at every row and waits to get it back is slower than one
doing both jobs alone.

Households are numbered here in the order they first appear in the file (by a 64-bit hash of the key, as
duplicate voter ids are found); the writer maps those numbers to household ids. Into a county that holds no
voters and no households yet (every household is new), the ids themselves are given out here (FreshIds): the
rows come ready to insert and the writer, which bounds a big import's time, only hands them to SQLite.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import pickle
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import Any

from canvass_formats.voterfile import Rejection, VoterFileReader, VoterRecord, iter_voter_rows
from canvass_formats.voterfile.hashnumbers import HashNumbers

log = logging.getLogger(__name__)

CHUNK = 5000
PROCESS_MIN_BYTES = 16 << 20  # below this (about 80,000 rows) starting a process costs more than it saves
_QUEUE_CHUNKS = 16  # reading goes on through the writer's search-index batch (a second or two)

# Voter columns in the order of a prepared row; household_id, precinct_id and id are appended by the writer
# (by the reader, in a ready Chunk).
VOTER_COLUMNS = (
    "state_voter_id", "county_id", "active", "do_not_contact", "deceased", "updated_at",
    "registration_number", "first_name", "middle_name", "last_name", "suffix", "birth_year", "sex", "party",
    "phone", "email", "language", "res_address", "res_house_number", "res_pre_dir", "res_street_name",
    "res_street_type", "res_post_dir", "res_unit", "res_city", "res_state", "res_zip",
    "mail_address1", "mail_address2", "mail_city", "mail_state", "mail_zip", "registration_status",
    "household_id", "precinct_id", "id",
)
# Household columns in the order of a prepared household; precinct_id and id are appended likewise.
HOUSEHOLD_COLUMNS = (
    "county_id", "key", "house_number", "house_number_int", "pre_dir", "street_name", "street_type",
    "post_dir", "unit", "unit_sort", "city", "zip", "street_key", "side", "precinct_id", "id",
)


@dataclass(frozen=True)
class FreshIds:
    """The first free ids of the store, for an import into a county with no voters and no households yet."""

    voter: int
    household: int
    precinct: int
    precincts: dict[str, int]  # the county's precincts already stored: code -> id


@dataclass(frozen=True)
class ReadSpec:
    """What a reading process needs to read the file exactly as the importer's own reader would."""

    path: Path
    layout: str
    mapping: dict[str, str]
    county_id: int
    updated_at: Any  # the voters' updated_at, already in the form the driver binds
    ids: FreshIds | None = None  # given: rows come with their ids (Chunk.ready)


@dataclass
class Chunk:
    """Up to CHUNK rows of the file: the voters, their precincts and households, and the rejected rows.

    A missing value is '' (the writer's inserts turn '' into NULL: the driver binds None slowly). A ready chunk
    (ReadSpec.ids given) holds complete rows: voters up to id, households up to id, the new precincts (id,
    county_id, code, name); precincts, household_numbers and household_precincts stay empty.
    """

    voters: list[tuple[Any, ...]] = field(default_factory=list)  # VOTER_COLUMNS up to registration_status
    precincts: list[str] = field(default_factory=list)  # each voter's precinct code, or ''
    household_numbers: list[int] = field(default_factory=list)  # each voter's household number, or -1
    households: list[tuple[Any, ...]] = field(default_factory=list)  # those first seen in this chunk, in order
    household_precincts: list[str] = field(default_factory=list)
    precinct_names: dict[str, str] = field(default_factory=dict)
    new_precincts: list[tuple[int, int, str, str]] = field(default_factory=list)
    ready: bool = False
    rejections: list[Rejection] = field(default_factory=list)
    rows: int = 0
    bytes_read: int = 0


def prepare_chunks(reader: VoterFileReader, spec: ReadSpec) -> Iterator[Chunk]:
    """Stream the reader's records as Chunks (ready ones, with their ids, when spec.ids is given)."""
    numbers = HashNumbers()  # hash of a household key -> its number
    it = iter(reader)
    county_id, ids = spec.county_id, spec.ids
    fixed = (county_id, 1, 0, 0, spec.updated_at)  # county_id, active, do_not_contact, deceased, updated_at
    next_voter = ids.voter if ids else 0
    first_household = ids.household if ids else 0
    next_precinct = ids.precinct if ids else 0
    precinct_ids = dict(ids.precincts) if ids else {}
    while items := list(islice(it, CHUNK)):
        chunk = Chunk(rows=len(items), bytes_read=reader.bytes_read, ready=ids is not None)
        voters, precincts, household_numbers = chunk.voters, chunk.precincts, chunk.household_numbers
        for rec in items:
            if not isinstance(rec, VoterRecord):
                chunk.rejections.append(rec)
                continue
            a = rec.address
            precinct = rec.precinct or ""
            pid: int | str = ""
            if precinct:
                if precinct not in chunk.precinct_names:
                    chunk.precinct_names[precinct] = rec.precinct_name or ""
                if ids is not None:
                    pid = precinct_ids.get(precinct, 0)
                    if not pid:
                        pid = precinct_ids[precinct] = next_precinct
                        next_precinct += 1
                        chunk.new_precincts.append((pid, county_id, precinct, rec.precinct_name or ""))
            number = -1
            if a.street_name or a.house_number:
                key = a.household_key(rec.res_zip)[:200]
                number, new = numbers.number(hash(key))
                if new:
                    house_int = "" if a.house_number_int is None else a.house_number_int
                    household = (
                        county_id, key, a.house_number or "", house_int, a.pre_dir or "", a.street_name,
                        a.street_type or "", a.post_dir or "", a.unit or "", a.unit_sort or "", rec.res_city or "",
                        rec.res_zip or "", a.street_key[:120], a.side)
                    if ids is None:
                        chunk.households.append(household)
                        chunk.household_precincts.append(precinct)
                    else:
                        chunk.households.append((*household, pid, first_household + number))
            voter = (
                rec.state_voter_id, *fixed, rec.registration_number or "", rec.first_name, rec.middle_name or "",
                rec.last_name, rec.suffix or "", rec.birth_year or "", rec.sex or "", rec.party or "",
                rec.phone or "", rec.email or "", rec.language or "", rec.res_address or "", a.house_number or "",
                a.pre_dir or "", a.street_name, a.street_type or "", a.post_dir or "", a.unit or "",
                rec.res_city or "", rec.res_state or "", rec.res_zip or "", rec.mail_address1 or "",
                rec.mail_address2 or "", rec.mail_city or "", rec.mail_state or "", rec.mail_zip or "",
                rec.registration_status)
            if ids is None:
                voters.append(voter)
                precincts.append(precinct)
                household_numbers.append(number)
            else:
                voters.append((*voter, "" if number < 0 else first_household + number, pid, next_voter))
                next_voter += 1
        yield chunk


class ReaderDidNotStart(RuntimeError):
    """The reading process ended before it sent anything (it could not start: see read_chunks)."""


def read_chunks(reader: VoterFileReader, spec: ReadSpec, *, when_idle: Callable[[], None] | None = None
                ) -> Iterator[Chunk]:
    """The file's Chunks: read here for a small file, in a second process for a big one.

    when_idle: called whenever the reading process has not sent the next Chunk yet (other work for the writer
    then costs it no time).

    A spawned process first imports the program's main module again; when that cannot work (a script read
    from stdin, a main module without the `if __name__ == "__main__"` guard), the file is read here instead.
    """
    if reader.total_bytes < PROCESS_MIN_BYTES:
        yield from prepare_chunks(reader, spec)
        return
    chunks = read_in_process(spec, when_idle=when_idle)
    try:
        first = next(chunks)
    except StopIteration:
        return
    except ReaderDidNotStart as exc:
        log.warning("%s; reading the file in this process instead", exc)
        yield from prepare_chunks(reader, spec)
        return
    yield first
    yield from chunks


def read_in_process(spec: ReadSpec, *, when_idle: Callable[[], None] | None = None) -> Iterator[Chunk]:
    """The file's Chunks as a spawned reading process sends them; its errors are raised here.

    when_idle: called, once the first Chunk is in, each time the next one is not there yet.
    """
    # spawn, not fork: the app has Qt and worker threads, and a forked copy of their locks can deadlock.
    ctx = multiprocessing.get_context("spawn")
    receiving, sending = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_read_process, args=(spec, sending), name="canvass-import-reader", daemon=True)
    process.start()
    sending.close()  # the reading process holds the only sending end: its end of file means it has stopped
    finished = started = False
    try:
        while True:
            if started and when_idle is not None and not receiving.poll():
                when_idle()
            try:
                kind, value = receiving.recv()
            except EOFError:
                process.join(timeout=5)
                if not started:
                    raise ReaderDidNotStart(f"the reading process could not start (exit code {process.exitcode})"
                                            ) from None
                raise RuntimeError(f"{spec.path}: the reading process stopped (exit code {process.exitcode}); "
                                   "nothing was changed") from None
            started = True
            if kind == "error":
                raise value
            if kind == "end":
                finished = True
                break
            yield value
    finally:
        receiving.close()  # a reading process still sending gets a broken pipe and stops
        process.join(timeout=10 if finished else 0.5)
        if process.is_alive():
            process.terminate()
            process.join()


def _read_process(spec: ReadSpec, sending: Any) -> None:
    """The reading process: send each Chunk, then ("end", None) or ("error", exception).

    A thread sends while the main thread reads on, up to _QUEUE_CHUNKS ahead, so that reading goes on while the
    importer is busy with one long statement. When the importer is gone (killed), sending breaks the pipe
    and this process ends.
    """
    gc.disable()  # the rows are plain tuples and strings, never cycles: the collector only burns time here
    # Chunks wait pickled (about 1 MB each, against 8 MB as tuples and strings): what recv() on the other end reads.
    ahead: queue.Queue[bytes | None] = queue.Queue(maxsize=_QUEUE_CHUNKS)
    broken = threading.Event()

    def send() -> None:
        while (item := ahead.get()) is not None:
            try:
                sending.send_bytes(item)
            except Exception:  # noqa: BLE001 - a broken pipe: nobody is reading any more
                broken.set()
                return

    sender = threading.Thread(target=send, name="import-sender", daemon=True)
    sender.start()

    def put(item: tuple[str, Any]) -> None:
        data = bytes(ForkingPickler.dumps(item))
        while not broken.is_set():
            try:
                ahead.put(data, timeout=0.5)
                return
            except queue.Full:
                continue
        raise SystemExit(1)

    try:
        reader = iter_voter_rows(spec.path, layout=spec.layout, mapping=spec.mapping)
        for chunk in prepare_chunks(reader, spec):
            put(("chunk", chunk))
        put(("end", None))
    except Exception as exc:  # noqa: BLE001 - every failure goes back to the importer, which reports it
        try:
            put(("error", exc))
        except pickle.PicklingError:
            put(("error", RuntimeError(f"{spec.path}: {exc}")))
    if not broken.is_set():
        ahead.put(None)
        sender.join()
