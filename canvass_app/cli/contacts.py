"""`canvass-app log-contact`, `contacts` and `enter-results`: contacts from the command line and from paper."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from canvass_app.cli.common import CommandError, emit
from canvass_app.contacts.attempts import ContactError, Survey, find_voter, log_contact, resolve_result
from canvass_app.contacts.listing import list_contacts, write_csv
from canvass_app.contacts.paper_results import enter_results
from canvass_app.store.database import Store
from canvass_app.sync.whoami import signed_in


def _support(text: str) -> int:
    if text not in {"1", "2", "3", "4", "5"}:
        raise argparse.ArgumentTypeError(f"support must be 1 to 5, not {text!r}")
    return int(text)


def _log_contact(args: argparse.Namespace, store: Store) -> int:
    who = signed_in(store).name  # shown locally; the server records the device's member
    try:
        with store.session() as session:
            voter = find_voter(session, args.voter_id)
            name, sid = voter.full_name, voter.state_voter_id
            cid = log_contact(session, voter.id, args.result, Survey(support=args.support), note=args.note,
                              canvasser=who, source="cli")
            code = resolve_result(session, args.result).code
    except ContactError as exc:
        raise CommandError(str(exc)) from exc
    # The unit of work has committed here: only now is the contact id printed.
    emit(args, f"Logged contact {cid}: {name} ({sid}) {code}.",
         {"id": cid, "state_voter_id": sid, "voter": name, "result": code, "support": args.support})
    return 0


def _contacts(args: argparse.Namespace, store: Store) -> int:
    if args.json and args.csv:
        raise CommandError("Choose --json or --csv, not both.")
    try:
        with store.session() as session:
            records = list_contacts(session, state_voter_id=args.voter, list_number=args.list)
    except ContactError as exc:
        raise CommandError(str(exc)) from exc
    if args.csv:
        out = Path(args.csv)
        if not out.parent.is_dir():
            raise CommandError(f"The folder {out.parent} does not exist.")
        write_csv(records, out)
        print(f"Exported {len(records)} contacts to {out}.")
        return 0
    if args.json:
        print(json.dumps({"contacts": [r.as_dict() for r in records]}, indent=2, ensure_ascii=False))
        return 0
    for r in records:
        mark = " (undone)" if r.undone else " (undo)" if r.corrects_id else ""
        support = f" support {r.support}" if r.support else ""
        note = f"  “{r.note}”" if r.note else ""
        print(f"{r.created_at}  {r.list_number or '-':<7} {r.state_voter_id:<14} {r.voter:<28} "
              f"{r.result:<3}{mark}{support}{note}")
    undone = sum(1 for r in records if r.undone or r.corrects_id)
    print(f"{len(records)} contact entries" + (f", {undone} of them undos or undone." if undone else "."))
    return 0


def _enter_results(args: argparse.Namespace, store: Store) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"{path}: no such file.")
    try:
        with store.session() as session:
            outcome = enter_results(session, path, canvasser=signed_in(store).name)
    except ContactError as exc:
        raise CommandError(str(exc)) from exc
    if args.json:
        emit(args, "", {"file": str(path), "rows": outcome.rows, "applied": outcome.applied,
                        "skipped": [vars(p) for p in outcome.skipped],
                        "refused": [vars(p) for p in outcome.problems]})
    else:
        print(outcome.summary(path))
        for p in outcome.skipped:
            print(p.line(path))
        for p in outcome.problems:
            print(p.line(path), file=sys.stderr)
    return 1 if outcome.problems else 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("log-contact", parents=[common], help="log one door result for a voter")
    p.add_argument("voter_id", metavar="VOTER_ID", help="the voter's state voter id")
    p.add_argument("--result", required=True, metavar="CODE",
                   help='result code abbreviation or name, any case: NH or "Not Home"')
    p.add_argument("--support", type=_support, help="support 1 (strong support) to 5 (strong oppose)")
    p.add_argument("--note", help="a note about the conversation")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_log_contact)

    p = sub.add_parser("contacts", parents=[common], help="list or export logged contacts")
    p.add_argument("--voter", metavar="ID", help="only this voter (state voter id)")
    p.add_argument("--list", metavar="LIST_NUMBER", help="only this turf's walk list, e.g. T-0042")
    p.add_argument("--json", action="store_true")
    p.add_argument("--csv", metavar="FILE", help="write the contacts to a CSV file")
    p.set_defaults(func=_contacts)

    p = sub.add_parser("enter-results", parents=[common], help="enter results typed from paper walk lists")
    p.add_argument("file", metavar="FILE.csv",
                   help="CSV: list number, line number, result code, optional support and note")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_enter_results)
