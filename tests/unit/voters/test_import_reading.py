"""A big file is read in a second process: the store ends up exactly as when the file is read in-process."""

from __future__ import annotations

import csv
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import VOTERFILES
from sqlalchemy import text

from canvass_app.store.database import Store, open_store
from canvass_app.voters import importer, reading
from canvass_app.voters.importer import import_voter_file
from canvass_app.voters.reading import ReadSpec
from canvass_app.voters.search import search_voters
from canvass_formats.voterfile import VoterFileError

FIX = VOTERFILES


def _write(path: Path, rows: int, *, start: int = 0, street: str = "Main St") -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Voter ID", "First Name", "Last Name", "Address", "Zip", "Precinct", "Birth Year"])
        for i in range(start, start + rows):
            year = "19x0" if i % 97 == 5 else str(1950 + i % 50)  # some rows are rejected
            w.writerow([f"R{i % 1900 if i % 211 == 7 else i}", "Ann", f"Smith{i}", f"{i // 3 + 1} {street}",
                        "27601", f"P{i % 4}", year])  # duplicate ids, three voters a household
    return path


def _state(data_dir: Path, files: list[Path], tmp: Path) -> tuple[object, ...]:
    """Import the files in turn into a fresh store; what the store then holds, ids included."""
    store = open_store(data_dir)
    try:
        summaries = []
        for n, path in enumerate(files):
            with store.session() as s:
                r = import_voter_file(s, path, county="Wake", state="NC", rejects_path=tmp / f"{data_dir.name}{n}.csv")
            summaries.append((r.added, r.updated, r.inactivated, r.rejected, r.households, r.rows))
            rejects = tmp / f"{data_dir.name}{n}.csv"
            summaries.append(rejects.read_text() if rejects.exists() else "")
        with store.session() as s:
            voters = s.execute(text("SELECT * FROM voter ORDER BY id")).all()
            households = s.execute(text("SELECT * FROM household ORDER BY id")).all()
            precincts = s.execute(text("SELECT * FROM precinct ORDER BY id")).all()
            hits = [v.state_voter_id for v in search_voters(s, "smith1", limit=500).voters]
        return summaries, [v[:-2] for v in voters], households, precincts, hits  # not updated_at, lat/lon
    finally:
        store.close()


def test_reading_process_gives_the_same_store(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _write(tmp_path / "first.csv", 12_000)
    newer = _write(tmp_path / "newer.csv", 9_000, start=4_000, street="Oak Ave")  # updates, adds, inactivates
    in_process = _state(tmp_path / "a", [first, newer], tmp_path)
    monkeypatch.setattr(reading, "PROCESS_MIN_BYTES", 0)
    monkeypatch.setattr(importer, "FTS_BATCH", 1000)  # the search index is built in several statements
    in_reader = _state(tmp_path / "b", [first, newer], tmp_path)
    assert in_reader[0] == in_process[0]
    seen: set[str] = set()
    rejected = 0
    for i in range(12_000):  # what _write wrote: a bad year, or an id seen on an earlier good row
        voter_id = f"R{i % 1900 if i % 211 == 7 else i}"
        if i % 97 == 5 or voter_id in seen:
            rejected += 1
        else:
            seen.add(voter_id)
    assert in_reader[0][0][:4] == (12_000 - rejected, 0, 0, rejected)
    assert in_reader[1:] == in_process[1:]
    assert len(in_reader[4]) > 100


def test_search_index_settings_come_back_after_a_batched_build(store: Store, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "FTS_BATCH", 2)
    with store.session() as s:
        import_voter_file(s, FIX / "generic_onestring.csv", county="Wake", state="NC",
                          rejects_path=tmp_path / "r.csv")
    with store.session() as s:
        settings = dict(s.execute(text("SELECT k, v FROM voter_fts_config")).all())
        ids = s.execute(text("SELECT state_voter_id FROM voter")).scalars().all()
        assert len(ids) == 5
        for voter_id in ids:  # every voter is in the search index, each batch of two included
            assert [v.state_voter_id for v in search_voters(s, voter_id).voters] == [voter_id]
        triggers = s.execute(text("SELECT count(*) FROM sqlite_master WHERE name LIKE 'voter_fts_a%'")).scalar()
    assert settings.get("automerge", 4) == 4 and settings.get("hashsize", 1 << 20) == 1 << 20
    assert settings.get("crisismerge", 16) == 16
    assert triggers == 3


def test_an_error_in_the_reading_process_reaches_the_importer(tmp_path: Path) -> None:
    spec = ReadSpec(tmp_path / "gone.csv", "generic", {"Voter ID": "state_voter_id"}, 1, "2026-01-01 00:00:00")
    with pytest.raises(VoterFileError, match="gone.csv"):
        list(reading.read_in_process(spec))


def test_a_program_read_from_stdin_imports_in_one_process(data_dir: Path, tmp_path: Path) -> None:
    """A spawned process cannot import a main module read from stdin: the file is then read in-process."""
    voters = _write(tmp_path / "voters.csv", 3_000)
    script = (
        "from canvass_app.voters import reading\n"
        "from canvass_app.voters.importer import import_voter_file\n"
        "from canvass_app.store.database import open_store\n"
        "reading.PROCESS_MIN_BYTES = 0\n"
        f"store = open_store({str(data_dir)!r})\n"
        "with store.session() as s:\n"
        f"    print(import_voter_file(s, {str(voters)!r}, county='Wake', state='NC').added)\n"
    )
    done = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=120,
                          env=os.environ.copy())
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[-1]) > 2_900
    assert "reading the file in this process instead" in done.stderr


def test_cancel_stops_the_reading_process(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "PROCESS_MIN_BYTES", 0)
    voters = _write(tmp_path / "voters.csv", 30_000)
    chunks: list[int] = []
    with pytest.raises(importer.ImportCancelled), store.session() as s:
        import_voter_file(s, voters, county="Wake", state="NC", rejects_path=tmp_path / "r.csv",
                          progress=lambda p: chunks.append(p.rows), cancel=lambda: len(chunks) >= 1)
    assert chunks == [5_000]
    assert multiprocessing.active_children() == []  # the reader was stopped and joined
    with store.session() as s:
        assert s.execute(text("SELECT count(*) FROM voter")).scalar() == 0


@pytest.mark.parametrize("fixture", ["ncvoter92.txt", "ALA_20261101.txt", "generic_split.tsv",
                                     "generic_latin1_semicolon.csv", "generic_bad_rows.csv"])
def test_every_layout_reads_the_same_in_a_reading_process(data_dir: Path, tmp_path: Path, fixture: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    in_process = _state(tmp_path / "a", [FIX / fixture], tmp_path)
    monkeypatch.setattr(reading, "PROCESS_MIN_BYTES", 0)
    assert _state(tmp_path / "b", [FIX / fixture], tmp_path) == in_process
    assert in_process[1]  # voters were imported


@pytest.mark.parametrize("fixture", ["ncvoter92.txt", "ALA_20261101.txt", "generic_bad_rows.csv"])
def test_rows_given_their_ids_while_read_make_the_same_store(data_dir: Path, tmp_path: Path, fixture: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Into a new county the reading side gives out voter, household and precinct ids; the writer's own
    numbering (what every re-import does) gives the same store, a re-import included."""
    path = tmp_path / "second.csv"
    _write(path, 3_000)
    ready = _state(tmp_path / "a", [FIX / fixture, path], tmp_path)
    monkeypatch.setattr(importer._Job, "fresh_ids", lambda self: None)
    assert _state(tmp_path / "b", [FIX / fixture, path], tmp_path) == ready
    assert ready[1] and ready[2]


def test_the_search_index_is_built_while_the_writer_waits_and_misses_no_voter(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "PROCESS_MIN_BYTES", 0)
    monkeypatch.setattr(importer, "FTS_BATCH", 1)
    built: list[int] = []
    index_added = importer._Job.index_added

    def spy(job: importer._Job, *, at_least: int = 1) -> None:
        before = job.search_indexed_to
        index_added(job, at_least=at_least)
        built.append(job.search_indexed_to - before)

    monkeypatch.setattr(importer._Job, "index_added", spy)
    voters = _write(tmp_path / "voters.csv", 40_000)
    with store.session() as s:
        added = import_voter_file(s, voters, county="Wake", state="NC", rejects_path=tmp_path / "r.csv").added
    assert len([n for n in built if n]) >= 2  # some while reading, the rest at the end
    assert sum(built) == added
    with store.session() as s:  # every voter id starts with R: each voter is in the index once
        found = s.execute(text("SELECT rowid FROM voter_fts WHERE voter_fts MATCH '\"r\"*' ORDER BY rowid")).scalars()
        assert list(found) == s.execute(text("SELECT id FROM voter ORDER BY id")).scalars().all()
