"""The chase list printed as an election-day walk list: each turf's walk-list PDF, only its chase lines, a chase
heading on the cover, and where each door votes (its polling place beside the house number; the places with their
addresses and hours on the cover)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from canvass_app.gotv.chase import ChaseList
from canvass_app.gotv.polling import Place, places_by_voter
from canvass_app.i18n import translate
from canvass_app.turfs.walklist_pdf import RenderStats, load_book, load_legend, render


def write_chase_pdf(session: Session, chase: ChaseList, out: Path | BinaryIO, *, pagesize: str = "letter"
                    ) -> RenderStats:
    """One book per turf with someone to chase, lines and line numbers as on the turf's own walk list. Voters
    outside every turf are not printed (they have no list number to write results back against)."""
    wanted: dict[str, set[int]] = {}
    for line in chase.lines:
        if line.list_number is not None:
            wanted.setdefault(line.list_number, set()).add(line.voter_id)
    heading = translate("Chase", "Election day chase {0}: supporters who have not voted")
    places = places_by_voter(session, [ln.voter_id for ln in chase.lines])
    books = []
    for number, ids in wanted.items():
        book = load_book(session, number)
        lines = [ln for ln in book.lines if ln.voter_id in ids]
        door_place = {ln.household_id: places[ln.voter_id] for ln in reversed(lines) if ln.voter_id in places}
        lines = [dataclasses.replace(ln, house=_house(ln.house, door_place.get(ln.household_id))) for ln in lines]
        books.append(dataclasses.replace(book, heading=heading.format(number), lines=lines,
                                         doors=len({ln.household_id for ln in lines}),
                                         talking_points=_cover(book.talking_points, door_place.values())))
    if not books:
        raise ValueError("nobody to chase in a turf: no walk list to print")
    return render(books, load_legend(session), out, pagesize=pagesize)


def _house(house: str, place: Place | None) -> str:
    """"1204 · vote at Hillside High School" (cut to fit the house line)."""
    if place is None:
        return house
    text = translate("Chase", "{0} · vote at {1}").format(house, place.name)
    return text if len(text) <= 90 else text[:89] + "…"


def _cover(talking_points: str, places: Iterable[Place]) -> str:
    """The turf's talking points, then each polling place of its doors with address and hours."""
    listed = "\n".join(f"• {p.name}, {p.address} — " + (p.hours or translate("Chase", "hours not given"))
                       for p in dict.fromkeys(places))
    if not listed:
        return talking_points
    return "\n\n".join(t for t in (talking_points, translate("Chase", "Polling places:") + "\n" + listed) if t)
