"""`canvass-app scorecards [--search TEXT] [--sort S] [--json]` and `canvass-app scorecards print DISTRICT --out
FILE.pdf`: the officials' records against the adopted briefs, as the last sync brought them (docs/scorecards.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from canvass_app import pdf_fonts
from canvass_app.candidates.scorecard_pdf import NoSuchDistrict, score_text, write_scorecard
from canvass_app.candidates.scorecards import SORTS, list_scorecards
from canvass_app.cli.common import CommandError, emit, written_whole
from canvass_app.store.database import Store


def _list(args: argparse.Namespace, store: Store) -> int:
    with store.session() as session:
        cards = list_scorecards(session, search=args.search or "", sort=args.sort, descending=args.descending)
    if args.json:
        emit(args, "", {"scorecards": [c.as_dict() for c in cards]})
        return 0
    for c in cards:
        where = " ".join(x for x in (c.chamber, c.district) if x) or "-"
        print(f"{score_text(c.score, 'en'):>15}  aligned {c.aligned:>3}  against {c.against:>3}  absent "
              f"{c.absent:>3}  other {c.other:>3}  {where:12} {c.name} ({c.party or 'no party'})")
    print(f"{len(cards)} official(s)" + ("" if cards else " (scorecards arrive with a sync)"))
    return 0


def _print(args: argparse.Namespace, store: Store) -> int:
    out = Path(args.out)
    with written_whole(out) as tmp, store.session() as session:
        try:
            pages = write_scorecard(session, args.district, tmp, pagesize=args.page_size)
        except NoSuchDistrict as exc:
            raise CommandError(f"{exc} Nothing was written; `canvass-app scorecards` lists the districts.") from exc
    emit(args, f"Wrote the scorecard of district {args.district} ({pages} page{'s' if pages != 1 else ''}, "
               f"{args.page_size}) to {out}.", {"district": args.district, "pages": pages, "out": str(out)})
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
                 ) -> None:
    """Add `scorecards` (list, print) to the canvass-app parser."""
    p = sub.add_parser("scorecards", parents=[common], help="officials' scores on the adopted briefs; print one "
                                                            "district's scorecard")
    p.add_argument("--search", metavar="TEXT", help="only officials whose name or party contains TEXT, or of "
                                                    "district TEXT")
    p.add_argument("--sort", choices=SORTS, default="name")
    p.add_argument("--descending", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_list)
    ssub = p.add_subparsers(dest="scorecards_command", metavar="ACTION")
    pr = ssub.add_parser("print", parents=[common], help="one district's scorecard as a PDF, for the door")
    pr.add_argument("district", metavar="DISTRICT")
    pr.add_argument("--out", required=True, metavar="FILE.pdf")
    pr.add_argument("--page-size", choices=sorted(pdf_fonts.PAGE_SIZES), default="letter")
    pr.add_argument("--json", action="store_true")
    pr.set_defaults(func=_print)
