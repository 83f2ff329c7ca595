"""Checking a vote after close: is this device's receipt among those the server published, under the choice made?

The receipt is SHA-256 over (ballot, choice, nonce); only this device knows the nonce, so only it can tell which
published receipt is its own, and nobody can move it to another choice without the check failing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from canvass_app.ballots.votes import my_votes, receipt_of
from canvass_app.i18n import translate
from canvass_app.store.models import Ballot, utcnow
from canvass_protocol import wire

VERIFIED, MISSING, MISMATCH = "verified", "missing", "mismatch"


@dataclass(frozen=True)
class ReceiptCheck:
    ballot_id: int
    status: str  # verified, missing, mismatch
    choice: str  # the choice of the vote found (or of this device's last vote when none was found)
    latest: bool  # the vote found is this device's last one (False: a later one was refused or never sent)
    recount_agrees: bool  # the published lists add up to the published result

    def message(self) -> str:
        if self.status == VERIFIED:
            text = translate("Ballots", "Your receipt is published under “{0}”: your vote was counted as cast.")
            if not self.latest:
                text += " " + translate("Ballots", "(It is your earlier vote: the later one did not reach the "
                                                   "server before the ballot closed.)")
        elif self.status == MISMATCH:
            text = translate("Ballots", "Your receipt is published under another choice than “{0}”: report this "
                                        "to your county lead.")
        else:
            text = translate("Ballots", "Your receipt for “{0}” is not among the published receipts: your vote "
                                        "was not counted (or a later vote from another of your devices replaced "
                                        "it).")
        if not self.recount_agrees:
            text += " " + translate("Ballots", "The published receipts do not add up to the published result.")
        return text.format(self.choice)


def verify_receipt(session: Session, published: wire.BallotReceipts) -> ReceiptCheck | None:
    """Check this device's votes on the ballot against its published receipts and store the outcome on the
    ballot; None when this device did not vote on it."""
    mine = my_votes(session, published.ballot_id)
    ballot = session.get(Ballot, published.ballot_id)
    if not mine or ballot is None:
        return None
    lists: dict[str, list[str]] = {str(c): r for c, r in published.receipts.items()}
    listed = {receipt: choice for choice, receipts in lists.items() for receipt in receipts}
    counts = tuple(len(lists.get(c, [])) for c in wire.VOTE_CHOICES)
    r = published.result
    agrees = counts == (r.support, r.oppose, r.abstain) and sum(counts) == r.votes
    check = ReceiptCheck(published.ballot_id, MISSING, mine[0].choice, True, agrees)
    for n, vote in enumerate(mine):
        if vote.receipt in listed and receipt_of(vote.ballot_id, vote.choice, vote.nonce) == vote.receipt:
            status = VERIFIED if listed[vote.receipt] == vote.choice else MISMATCH
            check = ReceiptCheck(published.ballot_id, status, vote.choice, n == 0, agrees)
            break
    ballot.receipt_check, ballot.receipt_checked_at = check.status, utcnow()
    ballot.result = r.model_dump()
    ballot.status = "closed"
    return check
