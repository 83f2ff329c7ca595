"""Contacts benchmark on a big county: opening the Contacts page, a search keystroke, logging a contact.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/contacts_bench.py [--voters 1000000] [--keep DIR]
     [--no-filters]
The county is written by the import benchmark's generator and the real importer (`--keep DIR` reuses it, also the
store that `import_bench.py --keep DIR` leaves, which has no turfs), then
given `--contacts` logged results (Core executemany, as if the campaign were under way). Each figure is reported
with its ratio to a bare measurement on the same store in the same run: `count(*)` over the voters (page open,
filters), a bare FTS5 MATCH of 200 rowids (search), one INSERT + COMMIT (logging).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CANVASS_PASSPHRASE", "benchmark passphrase")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
sys.path.insert(0, str(Path(__file__).parent))

from sqlalchemy import func, select, text  # noqa: E402

from canvass_app.store.database import Store, open_store  # noqa: E402


def build(data_dir: Path, voters: int) -> Store:
    store = open_store(data_dir)
    from canvass_app.store.models import Voter

    with store.session() as s:
        have = s.scalar(select(func.count()).select_from(Voter)) or 0
    if have >= voters:
        print(f"reusing the county in {data_dir}: {have} voters")
        return store
    import import_bench

    from canvass_app.turfs.cutting import cut_by_precinct
    from canvass_app.voters.importer import import_voter_file

    csv_path = data_dir.parent / "voters.csv"
    t0 = time.perf_counter()
    import_bench.generate(csv_path, voters)
    with store.session() as s:
        import_voter_file(s, csv_path, county="Bench", state="NC")
    with store.session() as s:
        cut_by_precinct(s, 1)
    csv_path.unlink()
    print(f"built the county ({voters} voters, turfs by precinct) in {time.perf_counter() - t0:.0f}s")
    return store


def seed_contacts(store: Store, wanted: int) -> None:
    """Give `wanted` random voters a logged result (one Core executemany; no outbox ops: bench data only)."""
    import datetime as dt
    import random

    from uuid6 import uuid7

    from canvass_app.store.models import ContactAttempt, ResultCode, Voter

    with store.session() as s:
        have = s.scalar(select(func.count()).select_from(ContactAttempt)) or 0
        if have >= wanted:
            return
        codes = dict(s.execute(select(ResultCode.code, ResultCode.id)).all())
        top = s.scalar(select(func.max(Voter.id))) or 0
        rng = random.Random(11)
        picked = rng.sample(range(1, top + 1), min(wanted - have, top))
        start = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
        rows = [{"id": str(uuid7()), "voter_id": vid, "result_code_id": codes[rng.choice(("NH", "NH", "C", "R", "CB"))],
                 "support": rng.choice((None, 1, 2, 3, 4, 5)), "source": "walk",
                 "created_at": start + dt.timedelta(seconds=i)} for i, vid in enumerate(picked)]
        s.execute(ContactAttempt.__table__.insert(), rows)
    print(f"seeded {len(rows)} logged contacts")


def timed(fn: object, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append((time.perf_counter() - t0) * 1000)
    return out


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--voters", type=int, default=1_000_000)
    ap.add_argument("--contacts", type=int, default=100_000, help="logged results to seed (default 100,000)")
    ap.add_argument("--keep", type=Path, help="work directory to keep and reuse (default: a temp dir)")
    ap.add_argument("--no-filters", action="store_true",
                    help="skip the filter and sort changes (their exact counts take minutes at 5.5M voters)")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="contacts-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    store = build(work / "store", args.voters)
    seed_contacts(store, args.contacts)

    from PySide6.QtWidgets import QApplication

    from canvass_app.contacts.attempts import log_contact
    from canvass_app.contacts.voter_query import VoterFilter
    from canvass_app.store.models import Voter
    from canvass_app.ui.context import AppContext
    from canvass_app.ui.pages.contacts import ContactsPage
    from canvass_app.ui.tasks import TaskRunner
    from canvass_app.voters.search import match_expression

    app = QApplication.instance() or QApplication([])
    ctx = AppContext(store=store, runner=TaskRunner(), county="Bench, NC")

    def wait_first(page: ContactsPage, f: VoterFilter | None = None) -> None:
        """Until the model shows `f` (or anything, on open) with its first page in."""
        model = page.model
        while not (model._pages.get(0) is not None and (f is None or model.filter == f)
                   and not page.count_label.text().startswith(("Loading", "Searching"))):
            app.processEvents()
            time.sleep(0.0002)

    def wait_counted(page: ContactsPage) -> None:
        while getattr(page.model, "counting", False) or page.count_label.text().startswith(("Loading",
                                                                                             "Searching")):
            app.processEvents()
            time.sleep(0.0002)

    def count_anchor() -> None:
        with store.engine.connect() as c:
            c.execute(text("SELECT count(*) FROM voter")).scalar()

    # 1. opening the page: construct it and wait for the first page, then for the exact count
    anchor_open = median(timed(count_anchor, 5))
    opens, counted = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        page = ContactsPage(ctx)
        wait_first(page)
        opens.append((time.perf_counter() - t0) * 1000)
        wait_counted(page)
        counted.append((time.perf_counter() - t0) * 1000)
        ctx.runner.wait()
        app.processEvents()
    rows = page.model.rowCount()

    def apply(f: VoterFilter) -> tuple[float, float]:
        """A filter change (keystroke, box, sort) to its first page, and to its settled row count."""
        t0 = time.perf_counter()
        page.model.set_filter(f)
        page.count_label.setText("Searching…")
        wait_first(page, f)
        first = (time.perf_counter() - t0) * 1000
        wait_counted(page)
        total = (time.perf_counter() - t0) * 1000
        ctx.runner.wait()
        app.processEvents()
        return first, total

    # 2. a search keystroke to the first page (the debounce delay is deliberate and left out)
    words = ["s", "sm", "smi", "smit", "smith", "smith j", "smith jo", "joh", "john", "main", "main st", "919555",
             "9195551234", "NC00001234", "12 main", "garc", "maria"]

    def fts_anchor(word: str) -> float:
        expression = match_expression(word)
        t0 = time.perf_counter()
        with store.engine.connect() as c:
            c.execute(text("SELECT rowid FROM voter_fts WHERE voter_fts MATCH :m LIMIT 200"), {"m": expression}).all()
        return (time.perf_counter() - t0) * 1000

    keystrokes, anchors, worst = [], [], ("", 0.0)
    per_word: dict[str, list[float]] = {}
    for word in words * 2:
        anchors.append(fts_anchor(word))
        ms, _ = apply(VoterFilter(search=word))
        keystrokes.append(ms)
        per_word.setdefault(word, []).append(ms)
        if ms > worst[1]:
            worst = (word, ms)

    # 2b. filters and sorts (a box changed, no debounce): first page and settled count, worst of two
    with store.session() as s:
        from canvass_app.store.models import Precinct, Turf
        turf_id = s.scalar(select(Turf.id).order_by(Turf.id).limit(1))
        precinct_id = s.scalar(select(Precinct.id).order_by(Precinct.id).limit(1))
    scenarios: list[tuple[str, VoterFilter]] = [
        ("everyone (reset)", VoterFilter()),
        ("party REP", VoterFilter(party="REP")),
        ("not contacted", VoterFilter(contacted=False)),
        ("contacted", VoterFilter(contacted=True)),
        ("last result NH", VoterFilter(last_result="NH")),
        ("support 5", VoterFilter(support=5)),
        ("precinct", VoterFilter(precinct_id=precinct_id)),
        ("sort by address", VoterFilter(sort="address")),
        ("party REP, by address", VoterFilter(party="REP", sort="address")),
        ("not contacted, by address", VoterFilter(contacted=False, sort="address")),
        ("one turf, by address", VoterFilter(turf_id=turf_id, sort="address")),
        ("'smith' + party REP", VoterFilter(search="smith", party="REP")),
        ("'joh' + not contacted", VoterFilter(search="joh", contacted=False)),
        ("'main st', by address", VoterFilter(search="main st", sort="address")),
        ("'smith jo', by address", VoterFilter(search="smith jo", sort="address")),
    ]
    filter_figures = []
    for label, f in [] if args.no_filters else scenarios:
        runs = []
        for _ in range(2):
            runs.append(apply(f))
            n = page.model.rowCount()
            apply(VoterFilter(search="zzzz"))  # away and back, so the second run is a real change too
        filter_figures.append((label, max(r[0] for r in runs), max(r[1] for r in runs), n))

    # 3. logging a contact end to end (service + commit, as the CLI and the Walk page's task do)
    with store.session() as s:
        voter_ids = list(s.scalars(select(Voter.id).order_by(Voter.id).limit(60)))
    with store.engine.begin() as c:
        c.execute(text("CREATE TABLE IF NOT EXISTS bench_anchor (id INTEGER PRIMARY KEY, v TEXT)"))

    def insert_anchor() -> None:
        with store.engine.begin() as c:
            c.execute(text("INSERT INTO bench_anchor (v) VALUES ('x')"))

    anchor_log = median(timed(insert_anchor, 30))
    it = iter(voter_ids)

    def log_one() -> None:
        with store.session() as s:
            log_contact(s, next(it), "NH", source="cli")

    logs = timed(log_one, 50)

    print(f"county: {rows} voters")
    print(f"open Contacts page to first page: median {median(opens):.0f} ms (target < 1000 ms), to exact count "
          f"median {median(counted):.0f} ms; anchor count(*) {anchor_open:.0f} ms; ratio first page "
          f"{median(opens) / anchor_open:.1f}x")
    print(f"search keystroke -> first page: median {median(keystrokes):.1f} ms, p95 "
          f"{sorted(keystrokes)[int(len(keystrokes) * 0.95) - 1]:.1f} ms, worst {worst[1]:.1f} ms ({worst[0]!r}) "
          f"(target < 50 ms); anchor bare MATCH median {median(anchors):.1f} ms; ratio "
          f"{median(keystrokes) / median(anchors):.1f}x")
    print("  per word (worst of 2): " + ", ".join(f"{w!r} {max(v):.1f}" for w, v in per_word.items()))
    print("filter/sort change -> first page / settled count (worst of 2), rows:")
    for label, first, total, n in filter_figures:
        print(f"  {label:28s} {first:7.1f} ms / {total:7.1f} ms  ({n:,} rows; first page {first / anchor_open:.1f}x "
              f"count(*))")
    print(f"log a contact (service + commit): median {median(logs):.1f} ms, p95 "
          f"{sorted(logs)[int(len(logs) * 0.95) - 1]:.1f} ms (target < 50 ms); anchor INSERT+COMMIT "
          f"{anchor_log:.1f} ms; ratio {median(logs) / anchor_log:.1f}x")
    ctx.runner.wait()
    store.close()
    sys.stdout.flush()
    os._exit(0)  # skip PySide's teardown of the page at interpreter exit (it can crash after the figures)


if __name__ == "__main__":
    raise SystemExit(main())
