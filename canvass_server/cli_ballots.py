"""`canvass-server ballots open | list | close | tally | receipts`: ballots from the host's command line (policy
ballots on briefs, endorsement ballots on candidates; docs/ballots.md, docs/candidates.md).

No command shows who voted how: turnout and counts only, and after close the receipts (docs/ballots.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from canvass_server import ballots
from canvass_server.candidates_models import Candidate
from canvass_server.cli import POSITIVE_ID, CommandError, _open, command_group, emit, emit_rows

EFFECT = {"policy": "the brief is adopted", "endorsement": "the candidate is endorsed",
          "recall": "the candidate is recalled and nominations for the seat are open"}


def _when(text: str) -> dt.datetime:
    """--closes: an ISO date or date-time; without a zone it is UTC."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO date-time such as 2026-12-31T18:00Z") from None
    return ballots.aware(moment)


def _fraction(text: str) -> float:
    """--quorum / --threshold: a decimal (0.6667) or a fraction (2/3)."""
    try:
        num, _, den = text.partition("/")
        value = float(num) / float(den) if den else float(num)
    except (ValueError, ZeroDivisionError):
        raise argparse.ArgumentTypeError(f"{text!r} is not a fraction such as 0.5 or 2/3") from None
    if not 0 < value <= 1:  # also refuses nan
        raise argparse.ArgumentTypeError(f"{text!r} is not a fraction above 0 and at most 1, such as 0.5 or 2/3")
    return value


def _ballot_line(r: ballots.BallotRow) -> str:
    outcome = ""
    if r.result is not None:
        outcome = "  passed" if r.result["passed"] else "  not passed"
    return (f"{r.id:>5}  {r.status:6} {r.scope:8} {r.place:18} closes {r.closes_at[:16]}  "
            f"{r.votes}/{r.electorate} voted{outcome}  {r.brief_slug or r.title}")


def _open_any(session: Any, args: argparse.Namespace) -> Any:
    """A policy ballot on BRIEF_SLUG, or (--kind endorsement --candidate ID) a candidate's district ballot."""
    if args.kind == "policy":
        if not args.brief or args.candidate is not None or args.scope in (None, "district"):
            raise ballots.BallotError("a policy ballot needs BRIEF_SLUG and --scope county|state|national "
                                      "(no --candidate)")
        return ballots.open_ballot(session, brief_slug=args.brief, scope=args.scope, county=args.county,
                                   state=args.state, closes_at=args.closes, quorum=args.quorum,
                                   threshold=args.threshold)
    if args.kind == "recall":
        raise ballots.BallotError("a recall ballot opens by itself when the candidate's recall petition reaches "
                                  "its threshold (docs/candidates.md)")
    if args.candidate is None or args.brief or args.scope not in (None, "district"):
        raise ballots.BallotError("an endorsement ballot needs --candidate ID (its scope is the candidate's "
                                  "district; no BRIEF_SLUG)")
    candidate = session.get(Candidate, args.candidate)
    if candidate is None:
        raise ballots.BallotError(f"no candidate {args.candidate}; see `canvass-server candidates list`")
    return ballots.open_candidate_ballot(session, candidate=candidate, kind=args.kind, closes_at=args.closes,
                                         quorum=args.quorum, threshold=args.threshold)


def cmd_open(args: argparse.Namespace) -> int:
    _, database = _open(args)
    try:
        with database.session() as session:
            ballot = _open_any(session, args)
            data = {"id": ballot.id, "kind": ballot.kind, "brief_slug": ballot.brief_slug,
                    "candidate_id": ballot.candidate_id, "scope": ballot.scope, "title": ballots.ballot_title(
                        session, ballot),
                    "state": ballot.state, "opens_at": ballot.opens_at.isoformat(),
                    "closes_at": ballot.closes_at.isoformat(), "quorum": ballot.quorum,
                    "threshold": ballot.threshold, "electorate": ballot.electorate}
    except ballots.BallotError as exc:
        raise CommandError(str(exc)) from exc
    if args.json:
        emit(args, "", data)
    else:
        print(data["id"])
        print(f"ballot {data['id']} ({data['title']}) open to {data['electorate']} member(s) until "
              f"{data['closes_at']}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    _, database = _open(args)
    with database.session() as session:
        rows = ballots.list_ballots(session)
    emit_rows(args, [r.__dict__ for r in rows], map(_ballot_line, rows),
              f"{len(rows)} ballot(s), {sum(r.status == 'open' for r in rows)} open")
    return 0


def _result(result: Any, status: str) -> dict[str, Any]:
    return dict(result.model_dump()) | {"status": status}


def cmd_close(args: argparse.Namespace) -> int:
    _, database = _open(args)
    try:
        with database.session() as session:
            closed = ballots.close_ballot(session, ballots.get_ballot(session, args.id))
            data = _result(closed.result, "closed") | {"id": args.id, "kind": closed.ballot.kind,
                                                       "brief_slug": closed.ballot.brief_slug,
                                                       "candidate_id": closed.ballot.candidate_id,
                                                       "adopted": closed.adopted,
                                                       "not_adopted_because": closed.why_not_adopted}
    except ballots.BallotError as exc:
        raise CommandError(str(exc)) from exc
    r = closed.result
    summary = (f"ballot {args.id} closed: {r.support} support, {r.oppose} oppose, {r.abstain} abstain of "
               f"{r.electorate}; {'passed' if r.passed else 'not passed'}"
               + (f"; {EFFECT[closed.ballot.kind]}" if closed.adopted else f" ({closed.why_not_adopted})"))
    emit(args, summary, data)
    return 0


def cmd_tally(args: argparse.Namespace) -> int:
    _, database = _open(args)
    try:
        with database.session() as session:
            ballot = ballots.get_ballot(session, args.id)
            data = _result(ballots.tally(session, ballot), "closed" if ballot.result is not None else "open")
    except ballots.BallotError as exc:
        raise CommandError(str(exc)) from exc
    quorum = "quorum met" if data["quorum_met"] else "no quorum"
    emit(args, f"ballot {args.id} ({data['status']}): {data['support']} support, {data['oppose']} oppose, "
               f"{data['abstain']} abstain; {data['votes']} of {data['electorate']} voted, {quorum}; "
               f"{'passed' if data['passed'] else 'not passed'}", data | {"id": args.id})
    return 0


def cmd_receipts(args: argparse.Namespace) -> int:
    _, database = _open(args)
    try:
        with database.session() as session:
            published = ballots.receipts(session, ballots.get_ballot(session, args.id))
    except ballots.BallotError as exc:
        raise CommandError(str(exc)) from exc
    if args.json:
        emit(args, "", published.model_dump())
        return 0
    for choice, values in published.receipts.items():
        print(f"{choice} ({len(values)})")
        for value in values:
            print(f"  {value}")
    support, oppose, abstain = ballots.recount(published)
    r = published.result
    agrees = (support, oppose, abstain) == (r.support, r.oppose, r.abstain)
    print(f"recount {support}/{oppose}/{abstain} (support/oppose/abstain): "
          f"{'agrees with' if agrees else 'DIFFERS FROM'} the published tally")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    """Add `ballots open | list | close | tally | receipts` to the canvass-server parser."""
    add = command_group(sub, common, "ballots", "ballots on proposed briefs: open, list, close, tally, receipts")

    p = add("open", cmd_open, "put a proposed brief to the active members of a county, a state or the nation; "
                              "or a candidate's endorsement to the members of their district")
    p.add_argument("brief", metavar="BRIEF_SLUG", nargs="?", help="the proposed brief (policy ballots)")
    p.add_argument("--kind", choices=("policy", "endorsement", "recall"), default="policy",
                   help="policy (default) or endorsement (recall ballots open from the petition)")
    p.add_argument("--candidate", type=POSITIVE_ID, metavar="ID", help="the candidate of an endorsement ballot")
    p.add_argument("--scope", choices=(*ballots.SCOPES, "district"),
                   help="county, state or national for a policy ballot; district (the default) for a candidate's")
    p.add_argument("--county", metavar="NAME", help="the county of a county ballot")
    p.add_argument("--state", metavar="XX", help="the state of a county or state ballot")
    p.add_argument("--closes", required=True, type=_when, metavar="ISO", help="closing time (UTC unless given)")
    p.add_argument("--quorum", required=True, type=_fraction, metavar="F",
                   help="the fraction of the electorate that must vote, e.g. 0.25")
    p.add_argument("--threshold", required=True, type=_fraction, metavar="F",
                   help="0.5 (more than half) or e.g. 0.6667 (at least two thirds: required for a brief that "
                        "touches a Secured Right)")
    add("list", cmd_list, "every ballot with its turnout and status")
    for name, func, help_text in (
        ("close", cmd_close, "close a ballot now: freeze its result, adopt the brief if it passed"),
        ("tally", cmd_tally, "the result (final once closed, else the running count)"),
        ("receipts", cmd_receipts, "after close: every receipt under its choice, and the recount"),
    ):
        add(name, func, help_text).add_argument("id", metavar="ID", type=int)
