"""The PostgreSQL path of `import-voted` (voted_copy: the file COPYed and classified in SQL) reads every messy file
exactly as the reader does: the same good rows, the same rejections with row and reason, the same counts; and a
whole import gives the same summary on PostgreSQL as on SQLite (where the reader is the path)."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import astuple
from pathlib import Path
from typing import Any

import pytest
from helpers.pg import PgCluster
from helpers.server import seed_county
from helpers.voted_files import write_messy
from sqlalchemy import select, text

from canvass_formats.voted import VotedFileReader, VotedRow
from canvass_formats.voterfile.records import Rejection
from canvass_server import db as dbmod
from canvass_server import voted_copy, voted_import
from canvass_server.models import Voted, Voter
from canvass_server.voted_import import import_voted

pytestmark = pytest.mark.postgres

FILES = {  # name: (layout, line ends, encoding)
    "nc-absentee": ("nc-absentee", "\n", "utf-8"),
    "nc-absentee-crlf-latin1": ("nc-absentee", "\r\n", "latin-1"),
    "ncvhis": ("ncvhis", "\n", "utf-8"),
    "generic": ("generic", "\n", "utf-8"),
    "generic-status-crlf": ("generic-status", "\r\n", "utf-8"),
    "generic-status-latin1": ("generic-status", "\n", "latin-1"),
    "generic-one-column": ("generic-one-column", "\n", "utf-8"),
}


@pytest.fixture
def pg(pg_cluster: PgCluster) -> Iterator[dbmod.Database]:
    database = dbmod.Database.connect(pg_cluster.reset())
    yield database
    database.dispose()


def _messy(tmp_path: Path, name: str, ids: list[str]) -> Path:
    layout, newline, encoding = FILES[name]
    path = tmp_path / f"{name}.csv"
    write_messy(path, layout, ids, newline=newline, encoding=encoding)
    return path


@pytest.mark.parametrize("chunk", [300, 4096, voted_copy.CHUNK_BYTES])
@pytest.mark.parametrize("name", list(FILES))
def test_the_sql_path_reads_a_messy_file_as_the_reader_does(pg: dbmod.Database, tmp_path: Path, name: str,
                                                            chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voted_copy, "CHUNK_BYTES", chunk)
    ids = seed_county(pg, "Durham", "NC", voters=120)
    path = _messy(tmp_path, name, ids)
    reader = VotedFileReader(path)
    expected = list(reader)
    good = [r for r in expected if isinstance(r, VotedRow)]
    bad = [r for r in expected if isinstance(r, Rejection)]
    with pg.session() as s:
        loaded = voted_copy.read(s, reader)
        s.execute(text("SET LOCAL enable_nestloop = off"))
        rows = s.execute(text(  # each row's meaning, as the reader made it
            "SELECT l.row, l.sid, m.election, m.voted, m.voted_on, m.method, m.ballot_status, m.requested_on, "
            f"l.reason FROM ({voted_copy.rows(reader)}) l LEFT JOIN vl_means m ON m.m = l.m "
            "AND m.election IS NOT DISTINCT FROM l.election ORDER BY row"), {"space": voted_copy.SPACE}).all()
        s.rollback()
    assert [tuple(r)[:8] for r in rows if r.reason is None] == [astuple(r) for r in good]
    assert sorted([Rejection(r.row, r.reason, r.sid[:40]) for r in rows if r.reason] + loaded.rejections,
                  key=lambda r: r.row) == bad
    assert (loaded.rows, loaded.rejected) == (len(expected), len(bad))
    assert loaded.elections == Counter(r.election for r in good)
    assert loaded.latest == max((r.voted_on for r in good if r.voted_on), default="")
    if chunk < voted_copy.CHUNK_BYTES:  # (in one chunk the whole file goes through the reader: it has stray quotes)
        # Both ways were taken: most rows COPYed and classified in SQL, the lines COPY reads differently by the reader.
        assert loaded.copied > len(expected) // 2
        assert loaded.rejections and len(loaded.rejections) < len(bad)
    assert reader.layout == FILES[name][0].removesuffix("-status").removesuffix("-one-column")


def test_a_field_over_the_csv_modules_limit_is_rejected_as_the_reader_does(pg: dbmod.Database,
                                                                           tmp_path: Path) -> None:
    path = tmp_path / "early.csv"
    path.write_text("Voter ID,Date Voted,Method\nDU000001,2026-10-20,Early\nDU000002,2026-10-20," + "E" * (1 << 20)
                    + "x\nDU000003,2026-10-21,Mail\n")
    reader = VotedFileReader(path)
    with pg.session() as s:
        loaded = voted_copy.read(s, reader)
        s.rollback()
    assert loaded.rejections == [r for r in reader if isinstance(r, Rejection)]
    assert [p.reason for p in loaded.rejections] == ["malformed row: field larger than field limit (1048576)"]
    assert (loaded.rows, loaded.rejected) == (3, 1)


def test_a_clean_file_is_one_copy_and_a_refused_line_keeps_the_lines_before_it(
        pg: dbmod.Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = seed_county(pg, "Durham", "NC", voters=60)
    lines = [f"{sid},2026-10-20,Early" for sid in ids]
    path = tmp_path / "early.csv"
    path.write_text("Voter ID,Date Voted,Method\n" + "\n".join(lines) + "\n")
    with monkeypatch.context() as m, pg.session() as s:
        m.setattr(voted_copy._Copier, "_lines", None)  # not chunk by chunk
        loaded = voted_copy.read(s, VotedFileReader(path))
        s.rollback()
    assert (loaded.copied, loaded.rows, loaded.rejected) == (60, 60, 0)
    lines[30] += ",ragged"  # file line 32
    path.write_text("Voter ID,Date Voted,Method\n" + "\n".join(lines) + "\n")
    with pg.session() as s:
        loaded = voted_copy.read(s, VotedFileReader(path))
        s.rollback()
    assert loaded.copied == 30  # file lines 2-31; the rest of the chunk went through the reader
    assert loaded.rejections == [Rejection(32, "wrong column count: expected 3 fields, found 4", ids[30])]
    assert (loaded.rows, loaded.rejected) == (60, 1)


@pytest.fixture
def sqlite(sqlite_template: Path, tmp_path: Path) -> Iterator[dbmod.Database]:
    shutil.copyfile(sqlite_template, tmp_path / "server.db")
    database = dbmod.Database.connect(f"sqlite:///{tmp_path / 'server.db'}")
    yield database
    database.dispose()


def _import(database: dbmod.Database, path: Path) -> tuple[dict[str, Any], dict[str, tuple[Any, ...]]]:
    with database.session() as s:
        out = import_voted(s, path, county="Durham", state="NC").as_dict()
    with database.session() as s:
        voted = {sid: tuple(r) for sid, *r in s.execute(
            select(Voter.state_voter_id, Voted.election, Voted.voted, Voted.voted_on, Voted.vote_method,
                   Voted.ballot_status).join(Voted, Voted.voter_id == Voter.id))}
    del out["seconds"]
    return out, voted


@pytest.mark.parametrize("key_bits", [voted_import.KEY_BITS, 0])  # each voter's winner by an integer, an array
@pytest.mark.parametrize("name", ["nc-absentee", "ncvhis", "generic-status-latin1"])
def test_an_import_sums_up_the_same_on_postgresql_as_on_sqlite(pg: dbmod.Database, sqlite: dbmod.Database,
                                                               tmp_path: Path, name: str, key_bits: int,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voted_import, "KEY_BITS", key_bits)
    ids = seed_county(pg, "Durham", "NC", voters=120)
    assert seed_county(sqlite, "Durham", "NC", voters=120) == ids
    path = _messy(tmp_path, name, ids)
    on_pg, on_sqlite = _import(pg, path), _import(sqlite, path)
    assert on_pg == on_sqlite
    summary, voted = on_pg
    assert summary["rejected"] and summary["unmatched"] and summary["changed"] == len(voted) > 0
    again = _import(pg, path)
    assert again[0]["changed"] == 0 and again[1] == voted


def test_each_row_of_an_id_no_voter_has_is_reported_on_its_own(pg: dbmod.Database, sqlite: dbmod.Database,
                                                               tmp_path: Path) -> None:
    ids = seed_county(pg, "Durham", "NC", voters=20)
    assert seed_county(sqlite, "Durham", "NC", voters=20) == ids
    path = tmp_path / "early.csv"  # ZZ1 three times, ZZ2 twice, between the county's voters' rows (one repeated)
    lines = [f"{sid},2026-10-2{n % 3},Early" for n, sid in enumerate(
        [ids[0], "ZZ1", ids[1], "ZZ2", "ZZ1", ids[1], "ZZ1", "ZZ2", ids[2], "ZZ3"])]
    path.write_text("Voter ID,Date Voted,Method\n" + "\n".join(lines) + "\n")
    on_pg, on_sqlite = _import(pg, path), _import(sqlite, path)
    assert on_pg == on_sqlite
    summary = on_pg[0]
    assert (summary["unmatched"], summary["matched"]) == (6, 4)
    assert [(p["row"], p["voter_id"]) for p in summary["problems"]] == [
        (3, "ZZ1"), (5, "ZZ2"), (6, "ZZ1"), (8, "ZZ1"), (9, "ZZ2"), (11, "ZZ3")]
