"""Generated Open States bulk files (session CSVs in Open States' layout, people as CSV or YAML) and the scorecard
truth computed from what was generated, independently of the reader and the server (plain loops, own tables)."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

OPTIONS = ["yes"] * 45 + ["no"] * 38 + ["absent"] * 5 + ["excused"] * 2 + ["not voting"] * 2 + ["other"] * 4 + \
    ["abstain"] * 3 + ["paired"]
MOTIONS = ["Second Reading", "Third Reading", "Third Reading", "Concur", "Committee Report"]
# The truth's own reading of Open States options (not canvass_formats'): documented in docs/scorecards.md.
TRUTH_ABSENT = {"absent", "excused", "not voting"}


@dataclass
class Generated:
    state: str
    session: str
    people: list[dict[str, Any]] = field(default_factory=list)
    bills: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    votes: list[dict[str, Any]] = field(default_factory=list)  # vote_event_id, voter_id, voter_name, option


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def generate(directory: Path, *, people: int = 24, bills: int = 12, seed: int = 1, state: str = "nc",
             session: str = "2025", people_format: str = "csv", max_events_per_bill: int = 3) -> Generated:
    """Write ST_SESSION_{bills,votes,vote_people,organizations}.csv and the people under `directory`."""
    rng = random.Random(seed)
    gen = Generated(state, session)
    upper, lower = f"ocd-organization/{_uuid(rng)}", f"ocd-organization/{_uuid(rng)}"
    parties = ["Democratic", "Republican", "Independent"]
    for i in range(people):
        chamber = "upper" if i % 3 == 0 else "lower"
        gen.people.append({"id": f"ocd-person/{_uuid(rng)}", "name": f"Legislator {i:03d} {rng.choice('ABCDEFG')}.",
                           "party": parties[i % 3 if i % 7 else 2], "chamber": chamber,
                           "district": str(1 + i // 2), "old_district": str(100 + i) if i % 5 == 0 else None})
    for b in range(bills):
        bill = {"id": f"ocd-bill/{_uuid(rng)}", "identifier": f"{'HB' if b % 2 else 'SB'} {b + 1}",
                "title": f"An act concerning matter {b + 1}", "session": session}
        gen.bills.append(bill)
        for _k in range(rng.randint(1, max_events_per_bill)):
            chamber = rng.choice(["upper", "lower"])
            event = {"id": f"ocd-vote/{_uuid(rng)}", "bill_id": bill["id"], "motion_text": rng.choice(MOTIONS),
                     "start_date": f"2025-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}",
                     "result": rng.choice(["pass", "fail"]), "organization_id": upper if chamber == "upper" else lower}
            gen.events.append(event)
            for person in gen.people:
                if rng.random() < 0.08:
                    continue  # not on the roll at all
                gen.votes.append({"vote_event_id": event["id"], "voter_id": person["id"],
                                  "voter_name": person["name"].split()[-1], "option": rng.choice(OPTIONS)})
    directory.mkdir(parents=True, exist_ok=True)
    prefix = f"{state.upper()}_{session}"
    _write(directory / f"{prefix}_organizations.csv", ["id", "name", "parent_id", "jurisdiction_id", "classification"],
           [[upper, "Senate", "", "j", "upper"], [lower, "House", "", "j", "lower"]])
    _write(directory / f"{prefix}_bills.csv", ["id", "identifier", "title", "classification", "subject",
                                                "session_identifier", "jurisdiction", "organization_classification"],
           [[b["id"], b["identifier"], b["title"], "['bill']", "[]", session, "North Carolina", "lower"]
            for b in gen.bills])
    _write(directory / f"{prefix}_votes.csv", ["id", "identifier", "motion_text", "motion_classification",
                                                "start_date", "result", "organization_id", "bill_id",
                                                "bill_action_id", "jurisdiction", "session_identifier"],
           [[e["id"], "", e["motion_text"], "['passage']", e["start_date"], e["result"], e["organization_id"],
             e["bill_id"], "", "North Carolina", session] for e in gen.events])
    _write(directory / f"{prefix}_vote_people.csv", ["id", "vote_event_id", "option", "voter_name", "voter_id", "note"],
           [[f"row{n}", v["vote_event_id"], v["option"], v["voter_name"], v["voter_id"], ""]
            for n, v in enumerate(gen.votes)])
    write_people(directory, gen, people_format)
    return gen


def _write(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def write_people(directory: Path, gen: Generated, people_format: str = "csv") -> None:
    """Open States' people CSV (current_* columns) or one YAML file per person (a changed district: two roles)."""
    if people_format == "csv":
        _write(directory / f"{gen.state}.csv", ["id", "name", "current_party", "current_district", "current_chamber",
                                                 "given_name", "family_name", "email"],
               [[p["id"], p["name"], p["party"], p["district"], p["chamber"], "", "", ""] for p in gen.people])
        return
    folder = directory / "people" / gen.state / "legislature"
    folder.mkdir(parents=True, exist_ok=True)
    for p in gen.people:
        roles = [{"type": p["chamber"], "district": p["district"], "start_date": "2023-01-01",
                  "jurisdiction": f"ocd-jurisdiction/country:us/state:{gen.state}/government"}]
        if p["old_district"]:
            roles.insert(0, {"type": p["chamber"], "district": p["old_district"], "start_date": "2019-01-01",
                             "end_date": "2022-12-31"})
        doc = {"id": p["id"], "name": p["name"], "party": [{"name": p["party"]}], "roles": roles}
        (folder / f"{p['name'].replace(' ', '-').replace('.', '')}.yml").write_text(yaml.safe_dump(doc))


def truth(gen: Generated, links: list[tuple[str, str | None, str, int]]) -> dict[str, dict[str, Any]]:
    """Each person's card from the generated rows: links are (bill identifier, motion or None, aligned option,
    weight); a motion picks the roll calls whose motion_text equals it."""
    bills = {b["identifier"]: b["id"] for b in gen.bills}
    linked: dict[str, list[tuple[str, int]]] = {}
    for ident, motion, aligned, weight in links:
        for e in gen.events:
            if e["bill_id"] == bills[ident] and (motion is None or e["motion_text"].lower() == motion.lower()):
                linked.setdefault(e["id"], []).append((aligned, weight))
    cards = {p["id"]: {"name": p["name"], "aligned": 0, "against": 0, "absent": 0, "other": 0, "w_aligned": 0,
                       "w_total": 0} for p in gen.people}
    for v in gen.votes:
        for aligned, weight in linked.get(v["vote_event_id"], []):
            card = cards[v["voter_id"]]
            if v["option"] == aligned:
                card["aligned"] += 1
                card["w_aligned"] += weight
                card["w_total"] += weight
            elif v["option"] in ("yes", "no"):
                card["against"] += 1
                card["w_total"] += weight
            elif v["option"] in TRUTH_ABSENT:
                card["absent"] += 1
            else:
                card["other"] += 1
    for card in cards.values():
        card["score"] = card["w_aligned"] / card["w_total"] if card["w_total"] else None
    return cards
