"""The demo county: a deterministic, realistic voter file written as CSV and loaded through the real importer.

Same seed, same county: every choice comes from one `random.Random(seed)`.
"""

from __future__ import annotations

import csv
import random
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import func, select

from canvass_app.briefs.library import load_bundled_content
from canvass_app.store.database import Store
from canvass_app.store.models import County, Household, PolicyBrief, Turf, Voter
from canvass_app.turfs import cutting
from canvass_app.voters.importer import import_voter_file

DEMO_COUNTY = "Riverside"
DEMO_STATE = "NC"
CITY = "Riverside"
ZIPS = ["27510", "27511", "27513", "27516"]
PRECINCTS = ["RV-01", "RV-02", "RV-03", "RV-04", "RV-05", "RV-06"]

STREET_NAMES = [
    "Oak", "Maple", "Cedar", "Elm", "Pine", "Walnut", "Chestnut", "Magnolia", "Dogwood", "Willow", "Hickory",
    "Poplar", "Sycamore", "Laurel", "Birch", "Holly", "Juniper", "Aspen", "Cypress", "Spruce", "Hawthorn",
    "Franklin", "Jefferson", "Madison", "Lincoln", "Washington", "Jackson", "Monroe", "Church", "Market",
    "Mill", "Railroad", "Spring", "Meadow", "Ridge", "Lake", "River", "Park", "Forest", "Hillcrest", "Sunset",
    "Highland", "Fairview", "Greenway", "Brookside", "Stonewall", "Bellamy", "Whitfield", "Carver", "Tubman",
    "Douglass", "Harrison", "Grant", "Pleasant", "Academy", "College", "Orchard", "Vine", "Cherry", "Peach",
]
STREET_TYPES = ["St", "Ave", "Rd", "Dr", "Ln", "Ct", "Way", "Blvd", "Pl", "Cir"]
DIRECTIONS = ["N", "S", "E", "W"]

FIRST_M = ["James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
           "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Darnell", "Tyrone", "Andre", "Kevin", "Brian",
           "Jamal", "Marcus", "Ethan", "Noah", "Liam", "Mason", "Wei", "Raj", "Tuan", "Ahmed"]
FIRST_F = ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
           "Lisa", "Nancy", "Betty", "Margaret", "Sandra", "Ashley", "Keisha", "Tamika", "Latoya", "Emily",
           "Olivia", "Emma", "Ava", "Chloé", "Zoë", "Mei", "Priya", "Linh", "Fatima", "Renée"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill",
        "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Parker", "Collins",
        "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Nguyen", "Patel", "Kim", "Chen", "O'Brien",
        "McAllister", "Dubois", "Brontë"]
FIRST_M_ES = ["José", "Luis", "Carlos", "Juan", "Jorge", "Miguel", "Alejandro", "Andrés", "Jesús", "Raúl"]
FIRST_F_ES = ["María", "Guadalupe", "Sofía", "Lucía", "Ana", "Verónica", "Mónica", "Rocío", "Inés", "Camila"]
LAST_ES = ["García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez",
           "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Muñoz", "Peña", "Castañeda", "Ibáñez"]
SUFFIXES = ["Jr", "Sr", "II", "III"]
PARTIES = [("DEM", 34), ("REP", 30), ("UNA", 32), ("LIB", 2), ("GRE", 2)]

HEADER = [
    "Voter ID", "Last Name", "First Name", "Middle Name", "Suffix", "Birth Year", "Gender", "Party",
    "Phone", "Email", "Language", "House Number", "Pre Direction", "Street Name", "Street Type", "Unit",
    "City", "State", "Zip", "Precinct", "Status",
]


@dataclass(frozen=True)
class DemoSummary:
    county: str
    state: str
    voters: int
    households: int
    streets: int
    precincts: int
    turfs: int
    briefs: int

    def line(self) -> str:
        return (
            f"Demo county {self.county}, {self.state}: {self.voters} voters in {self.households} households on "
            f"{self.streets} streets, {self.precincts} precincts, {self.turfs} turfs, {self.briefs} policy briefs."
        )

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _weighted(rng: random.Random, choices: list[tuple[str, int]]) -> str:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def _street_plan(rng: random.Random, n_streets: int) -> list[tuple[str, str, str, str]]:
    """(pre-direction, name, type, precinct) for each street; names unique within the county."""
    streets: list[tuple[str, str, str, str]] = []
    seen = set()
    while len(streets) < n_streets:
        name = rng.choice(STREET_NAMES)
        stype = rng.choice(STREET_TYPES)
        pre = rng.choice(DIRECTIONS) if rng.random() < 0.15 else ""
        if (pre, name, stype) in seen:
            continue
        seen.add((pre, name, stype))
        streets.append((pre, name, stype, PRECINCTS[len(streets) * len(PRECINCTS) // n_streets]))
    return streets


def _person(rng: random.Random, last: str, spanish: bool, min_age: int = 18) -> tuple[str, str, str, str, int]:
    female = rng.random() < 0.52
    first = rng.choice(FIRST_F_ES if female else FIRST_M_ES) if spanish else rng.choice(FIRST_F if female else FIRST_M)
    middle = rng.choice(FIRST_F if female else FIRST_M)[0] if rng.random() < 0.6 else ""
    birth_year = 2026 - rng.randint(min_age, 92)
    return first, middle, last, "F" if female else "M", birth_year


def demo_rows(voters: int = 5000, seed: int = 7) -> Iterator[list[str]]:
    """The demo voter file's rows (after the header), deterministic for (voters, seed)."""
    rng = random.Random(seed)
    households_target = max(1, voters // 2)
    n_streets = max(1, min(len(STREET_NAMES) * len(STREET_TYPES), round(households_target / 25)))
    streets = _street_plan(rng, n_streets)
    made = 0
    next_id = 1000
    for index, (pre, name, stype, precinct) in enumerate(streets):
        street_quota = voters * (index + 1) // len(streets)  # spread the voters over every street
        zip_code = rng.choice(ZIPS)
        number = rng.choice([1, 2]) * 100 + rng.randint(0, 9) * 2 + rng.randint(0, 1)
        while made < street_quota:
            number += rng.choice([2, 2, 4, 6]) if rng.random() < 0.8 else 1
            house = str(number)
            if rng.random() < 0.01:
                house += " 1/2"
            elif rng.random() < 0.01:
                house += "B"
            units = [""]
            if rng.random() < 0.06:  # an apartment building
                units = [f"APT {u}" for u in range(1, rng.randint(4, 12) + 1)]
            for unit in units:
                spanish = rng.random() < 0.18
                last = rng.choice(LAST_ES if spanish else LAST)
                size = rng.choices([1, 2, 3, 4, 5], weights=[38, 38, 14, 8, 2])[0]
                for member in range(size):
                    if made >= voters:
                        return
                    if member > 0 and rng.random() < 0.2:  # roommates and partners with their own names
                        last = rng.choice(LAST_ES if spanish else LAST)
                    first, middle, last_name, sex, birth_year = _person(rng, last, spanish)
                    next_id += rng.randint(1, 7)
                    yield [
                        f"RV{next_id:07d}", last_name, first, middle,
                        rng.choice(SUFFIXES) if sex == "M" and rng.random() < 0.03 else "",
                        str(birth_year), sex, _weighted(rng, PARTIES),
                        f"(919) 555-{rng.randint(0, 9999):04d}" if rng.random() < 0.55 else "",
                        f"{first[0].lower()}{last_name[:6].lower()}{rng.randint(1, 999)}@example.org"
                        if rng.random() < 0.15 else "",
                        ("es" if rng.random() < 0.7 else "en") if spanish else "en",
                        house, pre, name, stype, unit, CITY, DEMO_STATE, zip_code, precinct,
                        "A" if rng.random() < 0.93 else "I",
                    ]
                    made += 1


def write_demo_file(path: Path, voters: int = 5000, seed: int = 7) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(demo_rows(voters, seed))
    return path


def build_demo(store: Store, *, voters: int = 5000, seed: int = 7) -> DemoSummary:
    """Write the demo county into the store: voters through the real importer, briefs, and turfs."""
    with tempfile.TemporaryDirectory(prefix="canvass-demo-") as tmp:
        path = write_demo_file(Path(tmp) / "riverside_voters.csv", voters, seed)
        with store.session() as session:
            import_voter_file(session, path, county=DEMO_COUNTY, state=DEMO_STATE, layout="generic")
    _load_content(store)
    _cut_turfs(store)
    return summarize(store)


def _load_content(store: Store) -> None:
    with store.session() as session:
        load_bundled_content(session)


def _cut_turfs(store: Store) -> None:
    with store.session() as session:
        county = session.scalars(select(County).where(County.name == DEMO_COUNTY)).one()
        if not session.scalar(select(func.count()).select_from(Turf).where(Turf.county_id == county.id)):
            cutting.cut_by_doors(session, county_id=county.id, doors=60)


def summarize(store: Store) -> DemoSummary:
    with store.session() as session:
        county = session.scalars(select(County).where(County.name == DEMO_COUNTY)).one()

        def count(model: type, *where: object) -> int:
            return session.scalar(select(func.count()).select_from(model).where(*where)) or 0  # type: ignore

        return DemoSummary(
            county=county.name,
            state=county.state,
            voters=count(Voter, Voter.county_id == county.id),
            households=count(Household, Household.county_id == county.id),
            streets=session.scalar(
                select(func.count(func.distinct(Household.street_key))).where(Household.county_id == county.id)
            ) or 0,
            precincts=session.scalar(
                select(func.count(func.distinct(Voter.precinct_id))).where(Voter.county_id == county.id)
            ) or 0,
            turfs=count(Turf, Turf.county_id == county.id),
            briefs=count(PolicyBrief),
        )


def has_demo(store: Store) -> bool:
    with store.session() as session:
        return session.scalar(select(County.id).where(County.name == DEMO_COUNTY)) is not None
