"""Brief search speed: FTS5 search with highlight() and snippet() against a LIKE scan, in the same store.

The anchor, measured in the same run on the same encrypted store: `LIKE '%word%'` over titles, summaries,
bodies and talking points (what a search without the index would do), returning ids only, so the anchor does
less work per match than the real search. The store holds the bundled briefs plus N synthetic copies.

    .venv/bin/python benchmarks/briefs_search_bench.py [--copies 2000] [--rounds 20]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("CANVASS_PASSPHRASE", "benchmark passphrase")

from sqlalchemy import text  # noqa: E402

from canvass_app.briefs.library import BUNDLED_CONTENT_DIR, apply_content  # noqa: E402
from canvass_app.briefs.search import search_briefs  # noqa: E402
from canvass_app.store.database import open_store  # noqa: E402
from canvass_formats.briefs_content import load_content_dir  # noqa: E402

QUERIES = ["insulin", "rent", "apprentice wage", "court order", "teachers", "solar land", "zzzz"]
LIKE_SQL = text(
    "SELECT id FROM policy_brief WHERE title LIKE :p OR summary LIKE :p OR body_md LIKE :p "
    "OR talking_points LIKE :p"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    rights, briefs = load_content_dir(BUNDLED_CONTENT_DIR)
    synthetic = [
        dataclasses.replace(b, slug=f"{b.slug}-{n}", title=f"{b.title} ({n})")
        for n in range(args.copies // len(briefs) + 1) for b in briefs
    ][: args.copies]
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(tmp)
        with store.session() as s:
            apply_content(s, rights, briefs + synthetic)
        fts, like = [], []
        with store.session() as s:
            for _ in range(args.rounds):
                for q in QUERIES:
                    t0 = time.perf_counter()
                    hits = search_briefs(s, q, limit=50)
                    t1 = time.perf_counter()
                    words = q.split()
                    ids = set.intersection(*[
                        {r[0] for r in s.execute(LIKE_SQL, {"p": f"%{w}%"})} for w in words
                    ])
                    t2 = time.perf_counter()
                    fts.append(t1 - t0)
                    like.append(t2 - t1)
                    assert (not hits) == (not ids), q
        store.close()
    n = len(briefs) + len(synthetic)
    f_med, l_med = statistics.median(fts) * 1000, statistics.median(like) * 1000
    print(f"briefs in store: {n}; queries: {len(fts)}")
    print(f"FTS5 search (highlight + snippet, top 50): median {f_med:.2f} ms, p95 "
          f"{sorted(fts)[int(len(fts) * 0.95)] * 1000:.2f} ms")
    print(f"anchor LIKE scan (ids only):               median {l_med:.2f} ms")
    print(f"ratio FTS/LIKE: {f_med / l_med:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
