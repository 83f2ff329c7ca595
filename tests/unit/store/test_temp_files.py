"""Temporary files of the store: spilled to disk for big sorts, and only ever encrypted there."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import text

from canvass_app.store import temp_files
from canvass_app.store.database import Store
from canvass_app.store.temp_files import BLOCK, EncryptedTempFile

MARKER = b"Quackenbush"


@pytest.fixture
def raw_temp_files(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The bytes on disk of every encrypted temp file, read just before it is closed."""
    seen: list[bytes] = []
    close = EncryptedTempFile.close

    def keep_then_close(self: EncryptedTempFile) -> None:
        fd = self._file.fileno()
        seen.append(os.pread(fd, os.fstat(fd).st_size, 0))
        close(self)

    monkeypatch.setattr(EncryptedTempFile, "close", keep_then_close)
    return seen


def test_a_big_index_build_spills_encrypted_and_builds_the_same_index(
        store: Store, raw_temp_files: list[bytes]) -> None:
    rng = random.Random(3)
    with store.session() as session:
        assert session.scalar(text("PRAGMA temp_store")) == 1  # FILE: through the encrypting VFS
        session.execute(text("CREATE TABLE big (id INTEGER PRIMARY KEY, name TEXT)"))
        session.execute(text("INSERT INTO big (id, name) VALUES (:i, :n)"),
                        [{"i": i, "n": f"{MARKER.decode()} {rng.randrange(10**9):09d}"} for i in range(80_000)])
        session.execute(text("PRAGMA cache_size = -256"))  # sort runs of SQLite's minimum (250 pages), ~1 MB
        session.execute(text("CREATE INDEX ix_big_name ON big (name)"))
        session.execute(text("PRAGMA cache_size = -8000"))
        by_index = session.execute(text("SELECT id FROM big INDEXED BY ix_big_name ORDER BY name")).scalars().all()
        by_table = session.execute(text("SELECT id FROM big NOT INDEXED ORDER BY name")).scalars().all()
        assert session.scalar(text("PRAGMA integrity_check")) == "ok"
    assert by_index == by_table and len(by_index) == 80_000
    spilled = [raw for raw in raw_temp_files if raw]
    assert sum(map(len, spilled)) > 2_000_000  # the sort's ~2.3 MB of keys went to disk in runs ...
    assert not any(MARKER in raw for raw in spilled)  # ... and none of it readable there


def test_encrypted_temp_file_reads_back_what_was_written_anywhere(tmp_path: os.PathLike[str]) -> None:
    rng = random.Random(5)
    f = EncryptedTempFile(str(tmp_path))
    model = bytearray()
    for _ in range(400):
        op = rng.random()
        if op < 0.6:  # writes of any length at any offset, holes included
            offset = rng.randrange(0, 6 * BLOCK)
            data = MARKER * rng.randrange(1, 3 * BLOCK // len(MARKER))
            f.write(data, offset)
            if len(model) < offset + len(data):
                model.extend(bytes(offset + len(data) - len(model)))
            model[offset:offset + len(data)] = data
        elif op < 0.9:
            offset, amount = rng.randrange(0, 7 * BLOCK), rng.randrange(1, 2 * BLOCK)
            data, short = f.read(amount, offset)
            expected = bytes(model[offset:offset + amount])
            assert short == (len(expected) < amount)
            assert data == expected + bytes(amount - len(expected))
        else:  # truncate, then what grows again past the cut reads as zeros
            size = rng.randrange(0, len(model) + 1)
            f.truncate(size)
            del model[size:]
        assert f.size == len(model)
    fd = f._file.fileno()
    raw = os.pread(fd, os.fstat(fd).st_size, 0)
    f.close()
    assert MARKER not in raw


def test_install_is_idempotent() -> None:
    assert temp_files.install() is temp_files.install()


def test_a_process_that_exits_with_a_temp_file_open_exits_cleanly(tmp_path: os.PathLike[str]) -> None:
    """A connection left in a transaction with a spilled temp table is closed by the interpreter's last garbage
    collection, after the module's own objects: SQLite must still find the VFS's callbacks (it crashed once)."""
    script = textwrap.dedent("""
        import sys
        from sqlalchemy import text
        from canvass_app.store.database import open_store
        conn = open_store(sys.argv[1], key=b"k" * 32).engine.connect()
        conn.execute(text("CREATE TEMP TABLE t(x)"))
        conn.execute(text("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 200000) "
                          "INSERT INTO t SELECT hex(randomblob(40)) FROM c"))
        print("left open", flush=True)
    """)
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout.strip()) == (0, "left open"), done.stderr[-2000:]
