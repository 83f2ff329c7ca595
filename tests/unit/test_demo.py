"""The demo county: deterministic, realistic, loaded through the real importer, and never on disk in plaintext."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from canvass_app import demo
from canvass_app.store.database import Store, open_store
from canvass_app.store.models import Household, Voter


def test_same_seed_same_rows_other_seed_other_rows() -> None:
    first = list(demo.demo_rows(800, seed=3))
    assert first == list(demo.demo_rows(800, seed=3))
    assert first != list(demo.demo_rows(800, seed=4))
    assert len(first) == 800
    assert len({row[0] for row in first}) == 800  # voter ids unique


def test_rows_look_like_a_real_county() -> None:
    rows = list(demo.demo_rows(5000, seed=7))
    header = demo.HEADER
    col = {name: header.index(name) for name in header}
    streets = {(r[col["Pre Direction"]], r[col["Street Name"]], r[col["Street Type"]]) for r in rows}
    assert 90 <= len(streets) <= 110
    numbers = [int(re.match(r"\d+", r[col["House Number"]]).group()) for r in rows]  # type: ignore[union-attr]
    assert any(n % 2 for n in numbers) and any(n % 2 == 0 for n in numbers)
    assert sum(1 for r in rows if r[col["Unit"]]) > 100  # apartment buildings with units
    assert len({r[col["Precinct"]] for r in rows}) == 6
    parties = Counter(r[col["Party"]] for r in rows)
    assert {"DEM", "REP", "UNA"} <= set(parties)
    spanish = sum(1 for r in rows if r[col["Language"]] == "es")
    assert 0.05 < spanish / len(rows) < 0.3
    years = [int(r[col["Birth Year"]]) for r in rows]
    assert min(years) <= 1945 and max(years) >= 2000


def load(store: Store) -> dict[str, object]:
    summary = demo.build_demo(store, voters=1500, seed=11)
    with store.session() as session:
        voters = session.execute(
            select(Voter.state_voter_id, Voter.first_name, Voter.last_name, Voter.res_street_name)
            .order_by(Voter.state_voter_id)
        ).all()
        sizes = Counter(session.scalars(select(Voter.household_id)).all())
    return {"summary": summary, "voters": voters, "sizes": sizes}


def test_demo_store_is_deterministic_and_has_households(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CANVASS_PASSPHRASE", "demo passphrase")
    a = open_store(tmp_path / "a")
    b = open_store(tmp_path / "b")
    first, second = load(a), load(b)
    assert first["voters"] == second["voters"]
    assert first["summary"] == second["summary"]
    summary = first["summary"]
    assert isinstance(summary, demo.DemoSummary)
    assert summary.voters == 1500
    assert 600 <= summary.households <= 900
    assert summary.turfs > 0
    assert summary.briefs >= 6
    sizes: Counter[int] = first["sizes"]  # type: ignore[assignment]
    assert max(sizes.values()) >= 3  # multi-voter households
    with a.session() as session:
        assert session.scalar(select(func.count()).select_from(Household).where(Household.unit.is_not(None))) > 10
    a.close()
    b.close()


def test_no_voter_name_readable_in_any_file_of_the_data_dir(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """What `strings` would find in the data dir, while the app still has the store open (WAL not yet merged)."""
    data_dir = tmp_path / "data"
    env = dict(os.environ, CANVASS_PASSPHRASE="demo passphrase", CANVASS_DATA_DIR=str(data_dir))
    subprocess.run([sys.executable, "-m", "canvass_app", "demo-data", "--voters", "1200"], env=env, check=True,
                   capture_output=True)
    monkeypatch.setenv("CANVASS_PASSPHRASE", "demo passphrase")
    store = open_store(data_dir)
    with store.session() as session:  # a write keeps fresh pages in the WAL
        voter = session.scalars(select(Voter).limit(1)).one()
        voter.first_name = "Zebulonia"
        names = {n for row in session.execute(select(Voter.first_name, Voter.last_name)).all() for n in row
                 if len(n) >= 6}
    printable = re.compile(rb"[\x20-\x7e]{4,}")
    found = set()
    for path in data_dir.rglob("*"):
        if path.is_file():
            text = b"\n".join(printable.findall(path.read_bytes())).decode()
            found |= {name for name in names if name in text}
    store.close()
    assert len(names) > 50
    assert found == set()


def test_demo_data_command_prints_a_summary(tmp_path: Path) -> None:
    env = dict(os.environ, CANVASS_PASSPHRASE="demo passphrase")
    out = subprocess.run(
        [sys.executable, "-m", "canvass_app", "demo-data", "--voters", "600", "--seed", "5",
         "--data-dir", str(tmp_path / "d")], env=env, check=True, capture_output=True, text=True).stdout
    assert re.search(r"600 voters in \d+ households on \d+ streets", out)
