"""The chase list printed as an election-day walk list: each turf's walk-list PDF, only its chase lines, and a
chase heading on the cover."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from canvass_app.gotv.chase import ChaseList
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
    books = []
    for number, ids in wanted.items():
        book = load_book(session, number)
        lines = [ln for ln in book.lines if ln.voter_id in ids]
        books.append(dataclasses.replace(book, heading=heading.format(number), lines=lines,
                                         doors=len({ln.household_id for ln in lines})))
    if not books:
        raise ValueError("nobody to chase in a turf: no walk list to print")
    return render(books, load_legend(session), out, pagesize=pagesize)
