"""Household key benchmark: precision and recall over tests/data/address_pairs.csv, ours against usaddress.

Run: .venv/bin/python benchmarks/bench_households.py [--show N]   (usaddress comes with the `bench` extra)
A pair is predicted "same door" when both addresses get one household key. Ours reads each row as the importer
does (canvass_formats' build_record); the anchor parses the same text with usaddress (the field's CRF parser)
and feeds its labelled parts to the same key (from_parts), so the two differ only in the parsing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import usaddress

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from helpers.address_variants import read_pairs, record  # noqa: E402

from canvass_formats.voterfile.address import from_parts  # noqa: E402
from canvass_formats.voterfile.records import parse_zip  # noqa: E402

_NAME = ("StreetNamePreModifier", "StreetNamePreType", "StreetName", "USPSBoxGroupType", "USPSBoxGroupID",
         "USPSBoxType", "USPSBoxID")
_UNIT = ("BuildingName", "SubaddressType", "SubaddressIdentifier", "OccupancyType", "OccupancyIdentifier")


def ours(form: str, address: str, address2: str, zip_code: str) -> str:
    rec = record(form, address, address2, zip_code)
    return rec.address.household_key(rec.res_zip)


def with_usaddress(form: str, address: str, address2: str, zip_code: str) -> str:
    text = " ".join(p for p in address.split("|") if p) if form == "generic_split" else address
    text = f"{text} {address2}".strip()
    parts: dict[str, list[str]] = {}
    for token, label in usaddress.parse(text):  # parse, not tag: tag raises on a label seen twice
        parts.setdefault(label, []).append(token.strip(","))
    get = lambda *labels: " ".join(t for label in labels for t in parts.get(label, []))  # noqa: E731
    a = from_parts(get("AddressNumberPrefix", "AddressNumber"), get("StreetNamePreDirectional"), get(*_NAME),
                   get("StreetNamePostType"), get("StreetNamePostDirectional"), get(*_UNIT) or None,
                   house_suffix=get("AddressNumberSuffix"))
    return a.household_key(parse_zip(zip_code))


def measure(key: Callable[[str, str, str, str], str], rows: list[dict[str, str]], show: int) -> dict[str, float]:
    counts: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    started = time.perf_counter()
    for r in rows:
        same = key(r["a_form"], r["a_address"], r["a_address2"], r["a_zip"]) == key(
            r["b_form"], r["b_address"], r["b_address2"], r["b_zip"])
        outcome = {("same", True): "tp", ("same", False): "fn", ("different", True): "fp",
                   ("different", False): "tn"}[(r["truth"], same)]
        counts[outcome] += 1
        if outcome in ("fn", "fp"):
            missed[f"{outcome} {r['case']}"] += 1
            if show:
                show -= 1
                print(f"  {outcome}: {r['a_address']} / {r['a_address2']}  ~  {r['b_address']} / {r['b_address2']}")
    seconds = time.perf_counter() - started
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {"precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0,
            "false merges": fp, "missed same-door pairs": fn, "us per address": seconds / (2 * len(rows)) * 1e6,
            "worst cases": ", ".join(f"{k} ({n})" for k, n in missed.most_common(4)) or "-"}  # type: ignore[dict-item]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=0, help="print this many misjudged pairs of each key")
    args = ap.parse_args()
    rows = read_pairs()
    same = sum(r["truth"] == "same" for r in rows)
    print(f"{len(rows)} pairs ({same} same door, {len(rows) - same} different doors)")
    print("| key | precision | recall | false merges | missed same-door pairs | µs per address | worst cases |")
    print("|---|---|---|---|---|---|---|")
    for name, key in (("Canvass (canvass_formats)", ours), ("usaddress + the same key", with_usaddress)):
        m = measure(key, rows, args.show)
        print(f"| {name} | {m['precision']:.4f} | {m['recall']:.4f} | {m['false merges']} | "
              f"{m['missed same-door pairs']} | {m['us per address']:.0f} | {m['worst cases']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
