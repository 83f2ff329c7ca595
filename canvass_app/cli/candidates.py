"""`canvass-app scorecards [--search TEXT] [--sort S] [--json]` and `canvass-app scorecards print DISTRICT --out
FILE.pdf`: the officials' records against the adopted briefs, as the last sync brought them (docs/scorecards.md).
`canvass-app candidates [--json]` and `canvass-app petition sign CANDIDATE_ID`: the alliance's own candidates, their
promises against their votes, and the recall petition (docs/candidates.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from canvass_app import pdf_fonts
from canvass_app.candidates.candidates import CandidateView, SignRefused, list_candidates, sign_petition
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


def _candidate_lines(c: CandidateView) -> list[str]:
    p = c.petition
    petition = f"recall petition {p.get('signatures', 0)}/{p.get('needed', 0)}" + (" open" if p.get("open") else "")
    mine = f", my signature {c.my_signature}" if c.my_signature else (", may sign" if c.may_sign else "")
    lines = [f"{c.id:>5}  {c.status:9} {c.office} {c.chamber} district {c.district}: {c.name}  ({petition}{mine})"
             + ("  nominations open for the seat" if c.nominations_open else "")]
    lines += [f"       promised to {q['answer']} {q['brief_title']}" for q in c.questionnaire]
    lines += [f"       {check.plain()}" for check in c.record]
    return lines


def _candidates(args: argparse.Namespace, store: Store) -> int:
    with store.session() as session:
        views = list_candidates(session)
    if args.json:
        emit(args, "", {"candidates": [v.as_dict() for v in views]})
        return 0
    for v in views:
        print("\n".join(_candidate_lines(v)))
    broken = sum(v.broken for v in views)
    print(f"{len(views)} candidate(s)" + (f", {broken} vote(s) against a promise" if broken else "")
          + ("" if views else " (candidates arrive with a sync)"))
    return 0


def _sign(args: argparse.Namespace, store: Store) -> int:
    try:
        with store.session() as session:
            signed = sign_petition(session, args.candidate_id)
    except SignRefused as exc:
        raise CommandError(f"petition not signed: {exc}") from exc
    emit(args, f"recall petition of candidate {signed.candidate_id} signed; queued as op {signed.outbox_seq}, sent "
               f"at the next sync; receipt {signed.receipt}",
         {"id": signed.id, "candidate_id": signed.candidate_id, "round": signed.round, "receipt": signed.receipt,
          "outbox_seq": signed.outbox_seq, "queued": True})
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
                 ) -> None:
    """Add `scorecards` (list, print), `candidates` and `petition sign` to the canvass-app parser."""
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

    p = sub.add_parser("candidates", parents=[common], help="the alliance's candidates: status, questionnaire, "
                                                            "promises against votes, recall petition")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_candidates)
    p = sub.add_parser("petition", parents=[common], help="recall petitions")
    psub = p.add_subparsers(dest="petition_command", metavar="ACTION", required=True)
    ps = psub.add_parser("sign", parents=[common], help="sign a candidate's recall petition (queued; sent at the "
                                                        "next sync)")
    ps.add_argument("candidate_id", metavar="CANDIDATE_ID", type=int)
    ps.add_argument("--json", action="store_true")
    ps.set_defaults(func=_sign)
