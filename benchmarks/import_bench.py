"""Import benchmark: a generated N-row voter file into a fresh encrypted store, against sqlite3's .import.

Run: .venv/bin/python benchmarks/import_bench.py [--rows 1000000] [--keep DIR]
Prints the import time (households and search index included), its ratio to the `sqlite3` command-line
tool's `.import` of the same file into a bare table measured in this run, peak RSS of the importing process
(and of the process reading the file for it), and the time of the first search page for name prefixes over
the imported county.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FIRST = [
    "JAMES", "MARY", "ROBERT", "PATRICIA", "JOHN", "JENNIFER", "MICHAEL", "LINDA", "DAVID", "ELIZABETH",
    "WILLIAM", "BARBARA", "RICHARD", "SUSAN", "JOSEPH", "JESSICA", "THOMAS", "SARAH", "CHARLES", "KAREN",
    "JOSE", "MARIA", "LUIS", "ANA", "WEI", "MEI", "AHMED", "FATIMA"
]
LAST = [
    "SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS", "RODRIGUEZ", "MARTINEZ",
    "HERNANDEZ", "LOPEZ", "GONZALEZ", "WILSON", "ANDERSON", "THOMAS", "TAYLOR", "MOORE", "JACKSON",
    "MARTIN", "LEE", "PEREZ", "THOMPSON", "WHITE", "HARRIS", "SANCHEZ", "CLARK", "RAMIREZ", "LEWIS",
    "ROBINSON", "WALKER", "YOUNG", "ALLEN", "KING", "WRIGHT", "SCOTT", "TORRES", "NGUYEN", "HILL", "FLORES"
]
STREETS = [
    "MAIN", "OAK", "PINE", "MAPLE", "CEDAR", "ELM", "WASHINGTON", "LAKE", "HILL", "PARK", "WALNUT",
    "SUNSET", "RIDGE", "CHURCH", "MILL", "SPRING", "HIGHLAND", "FOREST", "MEADOW", "RIVER"
]
TYPES = ("ST", "AVE", "RD", "DR", "LN", "CT", "BLVD", "WAY", "PL", "CIR")
HEADER = ["Voter ID", "Registration Number", "First Name", "Middle Name", "Last Name", "Residential Address",
          "City", "Zip", "Phone", "Birth Year", "Party", "Gender", "Precinct"]


def generate(path: Path, rows: int, seed: int = 7) -> None:
    """A generic CSV of `rows` voters, about two per household, streets shared across precincts."""
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(rows):
            h = i // 2
            street = f"{('', 'N ', 'S ', 'E ', 'W ')[h % 5]}{STREETS[h % 20]} {h % 997} {TYPES[h % 10]}"
            unit = f" APT {h % 40 + 1}" if h % 5 == 0 else ""
            address = f"{h % 3000 + 1}{'B' if h % 97 == 0 else ''} {street}{unit}"
            phone = f"919555{i % 10000:04d}" if i % 3 else ""
            w.writerow([f"NC{i:09d}", f"{i:08d}", rng.choice(FIRST), rng.choice("ABCDEFG"), rng.choice(LAST),
                        address, "RALEIGH", f"276{h % 100:02d}", phone, 1930 + i % 75,
                        rng.choice(("DEM", "REP", "UNA", "LIB")), rng.choice("MFU"), f"P{h % 200:03d}"])


def sqlite_import_seconds(csv_path: Path, work: Path) -> float:
    """The anchor: the sqlite3 CLI's .import of the same file into a bare table."""
    db = work / "anchor.db"
    script = f".mode csv\n.import '{csv_path}' bare\n"
    started = time.perf_counter()
    subprocess.run(["sqlite3", str(db)], input=script.encode(), check=True)
    return time.perf_counter() - started


def run_import(data_dir: Path, csv_path: Path, floor: bool = False) -> dict[str, float | int | str]:
    """Import in this (child) process and report its own peak RSS.

    floor: a diagnostic, not the product: the same import with the search index and the secondary-index
    rebuild switched off, to show what reading the file and inserting the rows cost by themselves.
    """
    os.environ.setdefault("CANVASS_PASSPHRASE", "benchmark passphrase")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    from canvass_app.store.database import open_store
    from canvass_app.voters import importer
    from canvass_app.voters.importer import import_voter_file
    from canvass_app.voters.search import search_voters

    if floor:
        importer._Job.index_added = lambda self, at_least=1: None  # type: ignore[method-assign]
        importer._Job.finish = lambda self: None  # type: ignore[method-assign]

    store = open_store(data_dir)
    started = time.perf_counter()
    with store.session() as s:
        result = import_voter_file(s, csv_path, county="Bench", state="NC")
    seconds = time.perf_counter() - started
    own, reading = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    rss_mb = own.ru_maxrss / 1024
    reader_rss_mb = reading.ru_maxrss / 1024  # the reading process, if any
    searches: dict[str, float] = {}
    for query in () if floor else ("s", "smi", "mar", "joh", "9195", "919555", "nc00", "NC0000123", "12 main"):
        with store.session() as s:
            t0 = time.perf_counter()
            page = search_voters(s, query, limit=25)
            searches[query] = (time.perf_counter() - t0) * 1000
            assert page.voters, query
    store.close()
    return {"seconds": seconds, "rss_mb": rss_mb, "reader_rss_mb": reader_rss_mb, "added": result.added,
            "cpu_s": own.ru_utime + own.ru_stime, "reader_cpu_s": reading.ru_utime + reading.ru_stime,
            "households": result.households,
            "rejected": result.rejected, "search_ms_max": max(searches.values(), default=0.0),
            "search_ms": json.dumps({k: round(v, 1) for k, v in searches.items()})}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--keep", type=Path, help="work directory to keep (default: a temp dir, removed)")
    ap.add_argument("--floor", action="store_true",
                    help="also time the import without search index and secondary indexes (a diagnostic)")
    ap.add_argument("--child", nargs=2, metavar=("DATA_DIR", "CSV"), help=argparse.SUPPRESS)
    ap.add_argument("--child-floor", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_import(Path(args.child[0]), Path(args.child[1]), floor=args.child_floor)))
        return 0
    if shutil.which("sqlite3") is None:
        print("The sqlite3 command-line tool is missing: install it with `sudo apt-get install sqlite3`.")
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="import-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        csv_path = work / "voters.csv"
        t0 = time.perf_counter()
        generate(csv_path, args.rows)
        print(f"generated {args.rows} rows ({csv_path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t0:.1f}s")
        anchor = sqlite_import_seconds(csv_path, work)

        def child(*extra: str) -> dict[str, Any]:
            shutil.rmtree(work / "store", ignore_errors=True)  # a fresh store each time, --keep or not
            out = subprocess.run([sys.executable, __file__, "--child", str(work / "store"), str(csv_path), *extra],
                                 check=True, capture_output=True, text=True)
            return dict(json.loads(out.stdout.strip().splitlines()[-1]))

        r = child()
        ratio = r["seconds"] / anchor
        print(f"sqlite3 .import: {anchor:.2f}s (machine load {os.getloadavg()[0]:.1f})")
        print(f"canvass import:  {r['seconds']:.2f}s ({r['added']} voters, {r['households']} households, "
              f"{r['rejected']} rejected)  ratio {ratio:.1f}x (target <= 4x)")
        print(f"CPU time of the importing process {r['cpu_s']:.0f} s, of its reading process {r['reader_cpu_s']:.0f} s "
              "(wall time on a shared machine is at least the larger)")
        print(f"peak RSS of the importing process: {r['rss_mb']:.0f} MB (target <= 300 MB), "
              f"of its reading process: {r['reader_rss_mb']:.0f} MB")
        print(f"search first page (25): max {r['search_ms_max']:.1f} ms (target < 50 ms) {r['search_ms']}")
        if args.floor:
            f = child("--child-floor")
            print(f"diagnostic, without search index and secondary indexes: {f['seconds']:.2f}s "
                  f"({f['seconds'] / anchor:.1f}x)")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
