"""`canvass-app turfs ...` and `canvass-app walklist ...`: cutting, listing and handing out turfs, printing lists."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from canvass_app import pdf_fonts
from canvass_app.cli.common import CommandError, emit, written_whole
from canvass_app.store.database import Store
from canvass_app.sync import whoami
from canvass_app.turfs import cutting, walklist_pdf


def _cut_text(report: cutting.CutReport) -> str:
    lines = [report.headline]
    if report.cut_id is not None:
        lines.append(f"This is cut {report.cut_id}; undo it with: canvass-app turfs delete --cut {report.cut_id}")
    lines += [f"Warning: {w}" for w in report.warnings]
    return "\n".join(lines)


def _cut(args: argparse.Namespace, store: Store) -> int:
    if args.by is None and args.doors is None:
        raise CommandError("Say how to cut: --by precinct or --doors N.")
    try:
        with store.session() as session:
            county = cutting.find_county(session, args.county, args.state)
            report = cutting.cut_county(session, county.id, doors=args.doors if args.by is None else None,
                                        me=whoami.signed_in(store).turf_member())
    except cutting.TurfError as exc:
        raise CommandError(str(exc)) from exc
    emit(args, _cut_text(report), report.as_dict())
    return 0


def _refused(exc: cutting.TurfError) -> CommandError:
    if isinstance(exc, cutting.TurfInUseError):
        return CommandError(f"{exc} Add --force to delete anyway.")
    return CommandError(str(exc))


def _delete(args: argparse.Namespace, store: Store) -> int:
    if (args.cut is None) == (not args.list_numbers):
        raise CommandError("Name the turfs to delete by list number, or a whole cut with --cut N (not both).")
    try:
        me = whoami.signed_in(store).turf_member()
        with store.session() as session:  # one transaction: every turf goes, or none
            if args.cut is not None:
                report = cutting.delete_cut(session, args.cut, force=args.force, me=me)
            else:
                report = cutting.delete_turfs(session, args.list_numbers, force=args.force, me=me)
    except cutting.TurfError as exc:
        raise _refused(exc) from exc
    emit(args, report.headline, report.as_dict())
    return 0


def _recut(args: argparse.Namespace, store: Store) -> int:
    try:
        with store.session() as session:
            county = cutting.find_county(session, args.county, args.state)
            report = cutting.recut_precinct(session, county.id, args.precinct, doors=args.doors, force=args.force,
                                            me=whoami.signed_in(store).turf_member())
    except cutting.TurfError as exc:
        raise _refused(exc) from exc
    gone = ", ".join(t.list_number for t in report.deleted.deleted) or "no turf"
    text = f"Precinct {report.precinct}: deleted {gone}.\n{_cut_text(report.cut)}"
    emit(args, text, report.as_dict())
    return 0


def _list(args: argparse.Namespace, store: Store) -> int:
    try:
        with store.session() as session:
            county_id = cutting.find_county(session, args.county, args.state).id if args.county else None
            rows = cutting.list_turfs(session, county_id=county_id)
    except cutting.TurfError as exc:
        raise CommandError(str(exc)) from exc
    if args.json:
        emit(args, "", {"turfs": [t.as_dict() for t in rows]})
        return 0
    for t in rows:
        who = f"{t.status} ({t.assignee})" if t.assignee else t.status
        cut = f"cut {t.cut_id}" if t.cut_id is not None else "-"
        print(f"{t.list_number}  {t.doors:>4} doors  {t.people:>4} people  {who:<24}  {cut:<8}  {t.county}  {t.name}")
    out = sum(1 for t in rows if t.status == "checked out")
    print(f"{len(rows)} turfs, {sum(t.doors for t in rows)} doors, {out} checked out.")
    return 0


def _hand_out(args: argparse.Namespace, store: Store) -> int:
    me = whoami.signed_in(store).turf_member()
    try:
        with store.session() as session:
            if args.turfs_command == "assign":
                t = cutting.assign(session, args.list_number, args.to, me=me)
            elif args.turfs_command == "checkout":
                t = cutting.check_out(session, args.list_number, args.to, me=me)
            else:
                t = cutting.return_turf(session, args.list_number, me=me)
    except cutting.TurfError as exc:
        raise CommandError(str(exc)) from exc
    who = f" to {t.assignee}" if t.assignee else ""
    emit(args, f"{t.list_number} is {t.status}{who}.", t.as_dict())
    return 0


def _walklist(args: argparse.Namespace, store: Store) -> int:
    if bool(args.all) == bool(args.list_numbers):
        raise CommandError("Name the list numbers to print, or --all (not both).")
    out = Path(args.out)
    try:
        with written_whole(out) as tmp, store.session() as session:
            numbers = walklist_pdf.all_list_numbers(session) if args.all else args.list_numbers
            if not numbers:
                raise CommandError("There are no turfs to print; cut some first with `canvass-app turfs cut`.")
            stats = walklist_pdf.write_walklists(session, numbers, tmp, pagesize=args.page_size)
    except cutting.TurfError as exc:
        raise CommandError(str(exc)) from exc
    data: dict[str, Any] = {"out": str(out), "turfs": list(numbers), "pages": stats.pages, "voters": stats.voters}
    emit(args, f"Wrote {stats.books} walk lists ({stats.pages} pages, {stats.voters} voters) to {out}.", data)
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
                 ) -> None:
    """Add `turfs` (cut, list, delete, recut, assign, checkout, return) and `walklist` to the canvass-app parser."""
    p = sub.add_parser("turfs", parents=[common], help="cut, list and hand out turfs")
    tsub = p.add_subparsers(dest="turfs_command", metavar="ACTION", required=True)

    cut = tsub.add_parser("cut", parents=[common], help="cut a county's uncut households into turfs")
    cut.add_argument("--county", required=True, help="county name, as imported")
    cut.add_argument("--state", help="two-letter state, when two counties share the name")
    how = cut.add_mutually_exclusive_group(required=True)
    how.add_argument("--by", choices=["precinct"], help="one turf per precinct")
    how.add_argument("--doors", type=int, metavar="N", help="turfs of about N doors")
    cut.add_argument("--json", action="store_true")
    cut.set_defaults(func=_cut)

    ls = tsub.add_parser("list", parents=[common], help="turfs with door and people counts and assignee")
    ls.add_argument("--county", help="only this county")
    ls.add_argument("--state")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)

    force_help = "delete even turfs with contact results (the results are kept) or checked out (taken back)"
    rm = tsub.add_parser("delete", parents=[common], help="delete turfs, or a whole cut; their doors are free again")
    rm.add_argument("list_numbers", nargs="*", metavar="LIST_NUMBER")
    rm.add_argument("--cut", type=int, metavar="CUT_ID", help="every turf of this cut (the cut `turfs list` shows)")
    rm.add_argument("--force", action="store_true", help=force_help)
    rm.add_argument("--json", action="store_true")
    rm.set_defaults(func=_delete)

    rc = tsub.add_parser("recut", parents=[common], help="delete a precinct's turfs and cut it again")
    rc.add_argument("--county", required=True, help="county name, as imported")
    rc.add_argument("--state", help="two-letter state, when two counties share the name")
    rc.add_argument("--precinct", required=True, metavar="CODE", help="precinct code")
    rc.add_argument("--doors", type=int, metavar="N", help="turfs of about N doors (default: one turf)")
    rc.add_argument("--force", action="store_true", help=force_help)
    rc.add_argument("--json", action="store_true")
    rc.set_defaults(func=_recut)

    for action, text in (("assign", "assign a turf to a canvasser"), ("checkout", "hand a turf's sheets out"),
                         ("return", "take a turf back")):
        a = tsub.add_parser(action, parents=[common], help=text)
        a.add_argument("list_number", metavar="LIST_NUMBER")
        if action != "return":
            a.add_argument("--to", required=action == "assign", metavar="NAME_OR_MEMBER_ID",
                           help="the canvasser: on an enrolled device a member (name or id, from the synced list)")
        a.add_argument("--json", action="store_true")
        a.set_defaults(func=_hand_out)

    w = sub.add_parser("walklist", parents=[common], help="print walk lists to a PDF")
    w.add_argument("list_numbers", nargs="*", metavar="LIST_NUMBER")
    w.add_argument("--all", action="store_true", help="every turf, one book")
    w.add_argument("--out", required=True, metavar="FILE.pdf")
    w.add_argument("--page-size", choices=sorted(pdf_fonts.PAGE_SIZES), default="letter")
    w.add_argument("--json", action="store_true")
    w.set_defaults(func=_walklist)
