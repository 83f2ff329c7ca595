"""`canvass-server officials import DIR` and `canvass-server scorecards link | unlink | show`: the public record
and the scorecards from the host's command line (docs/scorecards.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from canvass_formats.openstates import OpenStatesError
from canvass_server import officials, scorecards
from canvass_server.cli import CommandError, _open, command_group, emit


def cmd_import(args: argparse.Namespace) -> int:
    _, database = _open(args)
    try:
        with database.session() as session:
            res = officials.import_dir(session, Path(args.dir))
    except OpenStatesError as exc:
        raise CommandError(f"nothing imported: {exc}") from exc
    finally:
        database.dispose()
    summary = (f"{args.dir}: {res.people} people, {res.bills} bills, {res.vote_events} vote events, {res.votes} "
               f"votes" + (f" ({res.unlisted} voters in no people file added)" if res.unlisted else "")
               + f"; {len(res.problems)} row(s) skipped")
    for problem in res.problems[:20]:
        summary += f"\n  {problem.line()}"
    if len(res.problems) > 20:
        summary += f"\n  ... and {len(res.problems) - 20} more (--json lists them all)"
    emit(args, summary, res.as_dict())
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    _, database = _open(args)
    try:
        with database.session() as session:
            linked = scorecards.link(session, brief_slug=args.brief, bill=args.bill, bill_session=args.session,
                                     motion=args.motion, aligned=args.aligned)
    except scorecards.ScorecardError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        database.dispose()
    calls = "\n".join(f"  {c['date'][:10]}  {c['motion']}  ({c['result'] or 'no result'})" for c in linked.roll_calls)
    emit(args, f"{linked.bill} ({linked.session}) scored against {linked.brief_slug}: '{linked.aligned}' is aligned, "
               f"weight {linked.weight}; {len(linked.roll_calls)} roll call(s):\n{calls}", linked.__dict__)
    return 0


def cmd_unlink(args: argparse.Namespace) -> int:
    _, database = _open(args)
    try:
        with database.session() as session:
            n = scorecards.unlink(session, brief_slug=args.brief)
    finally:
        database.dispose()
    emit(args, f"{n} roll call(s) no longer scored against {args.brief}", {"brief_slug": args.brief, "unlinked": n})
    return 0


def _percent(score: float | None) -> str:
    return "  -  " if score is None else f"{score:5.0%}"


def cmd_show(args: argparse.Namespace) -> int:
    _, database = _open(args)
    try:
        with database.session() as session:
            cards = scorecards.scorecards(session, chamber=args.chamber)
    finally:
        database.dispose()
    if args.json:
        emit(args, "", [c.as_dict() for c in cards])
        return 0
    for c in cards:
        where = " ".join(x for x in (c.chamber, c.district) if x) or "-"
        print(f"{_percent(c.score)}  aligned {c.aligned:>3}  against {c.against:>3}  absent {c.absent:>3}  "
              f"other {c.other:>3}  {where:14} {c.name} ({c.party or 'no party'})")
    scored = sum(c.score is not None for c in cards)
    print(f"{len(cards)} official(s), {scored} with a scored vote")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    """Add `officials import` and `scorecards link | unlink | show` to the canvass-server parser."""
    officials = command_group(sub, common, "officials",
                              "legislators and their roll-call votes from Open States bulk files")
    p = officials("import", cmd_import, "import a folder of Open States session CSVs and people (CSV or YAML); "
                                        "importing again updates")
    p.add_argument("dir", metavar="DIR")
    add = command_group(sub, common, "scorecards", "score officials' votes against the adopted briefs")

    p = add("link", cmd_link, "score a bill's roll calls against an adopted brief")
    p.add_argument("brief", metavar="BRIEF_SLUG")
    p.add_argument("--bill", required=True, metavar="IDENTIFIER", help="the bill as Open States names it, e.g. HB 12")
    p.add_argument("--session", required=True, metavar="SESSION", help="Open States' session identifier, e.g. 2025")
    p.add_argument("--motion", metavar="TEXT", help="only the roll calls on this motion (default: every one)")
    p.add_argument("--aligned", required=True, choices=("yes", "no"), help="the vote that agrees with the brief")
    p = add("unlink", cmd_unlink, "stop scoring every roll call linked to a brief")
    p.add_argument("brief", metavar="BRIEF_SLUG")
    p = add("show", cmd_show, "every official's score, aligned, against, absent and other votes")
    p.add_argument("--chamber", metavar="C", help="upper or lower (senate or house)")
