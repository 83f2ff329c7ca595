"""`canvass-app ballots` and `canvass-app vote BALLOT_ID --choice ...`: ballots on proposed briefs, from the command
line. A vote is queued offline and sent at the next sync; after close, `ballots` checks this device's receipts."""

from __future__ import annotations

import argparse
from typing import Any

from canvass_app.ballots.listing import BallotView, list_ballots
from canvass_app.ballots.votes import CHOICES, VoteRefused, cast_vote
from canvass_app.cli.common import CommandError, emit
from canvass_app.store.database import Store
from canvass_app.sync.receipts import ReceiptsUnavailable, check_receipts
from canvass_app.sync.transport import SyncHttpError


def _result_words(result: dict[str, Any] | None) -> str:
    if result is None:
        return "-"
    quorum = "" if result["quorum_met"] else ", no quorum"
    return (f"{'passed' if result['passed'] else 'not passed'} ({result['support']}/{result['oppose']}/"
            f"{result['abstain']} of {result['electorate']}{quorum})")


def _line(v: BallotView) -> str:
    state = "open" if v.open else ("closed" if v.closed else "awaiting result")
    mine = v.my_choice or "not voted"
    check = f"  receipt {v.receipt_check}" if v.receipt_check else ""
    return (f"{v.id:>5}  {state:15} closes {v.closes_at:%Y-%m-%d %H:%M} UTC  my vote: {mine:9}  "
            f"result: {_result_words(v.result)}{check}  {v.title}")


def _ballots(args: argparse.Namespace, store: Store) -> int:
    problem = None
    try:
        checks = check_receipts(store)
    except (ReceiptsUnavailable, SyncHttpError) as exc:
        checks, problem = [], str(exc)
    with store.session() as session:
        views = list_ballots(session)
    messages = {c.ballot_id: c.message() for c in checks}
    if args.json:
        emit(args, "", {"ballots": [v.as_dict() | {"receipt_message": messages.get(v.id)} for v in views],
                        "receipts_not_checked": problem if any(v.closed and v.my_choice and not v.receipt_check
                                                               for v in views) else None})
        return 0
    for v in views:
        print(_line(v))
        if v.id in messages:
            print(f"       {messages[v.id]}")
    open_count = sum(v.open for v in views)
    print(f"{len(views)} ballot(s), {open_count} open" + ("" if views else " (they arrive with a sync)"))
    if problem and any(v.closed and v.my_choice and not v.receipt_check for v in views):
        print(f"receipts not checked: {problem}")
    return 0


def _vote(args: argparse.Namespace, store: Store) -> int:
    try:
        with store.session() as session:
            cast = cast_vote(session, args.ballot_id, args.choice, args.comment)
    except VoteRefused as exc:
        raise CommandError(f"vote not recorded: {exc}") from exc
    verb = "changed to" if cast.replaced else "recorded:"
    emit(args, f"vote {verb} {cast.choice} on ballot {cast.ballot_id}; queued as op {cast.outbox_seq}, sent at the "
               f"next sync; receipt {cast.receipt}",
         {"id": cast.id, "ballot_id": cast.ballot_id, "choice": cast.choice, "receipt": cast.receipt,
          "replaced": cast.replaced, "outbox_seq": cast.outbox_seq, "queued": True})
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
                 ) -> None:
    """Add `ballots` and `vote` to the canvass-app parser."""
    p = sub.add_parser("ballots", parents=[common],
                       help="ballots open and closed: my vote, the result, and the check of my receipt")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_ballots)

    p = sub.add_parser("vote", parents=[common], help="vote on an open ballot (queued; sent at the next sync)")
    p.add_argument("ballot_id", metavar="BALLOT_ID", type=int)
    p.add_argument("--choice", required=True, choices=CHOICES)
    p.add_argument("--comment", metavar="TEXT", help="an optional comment for the policy council")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_vote)
