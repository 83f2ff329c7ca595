"""Fetching the published receipts of closed ballots this device voted on, and checking them
(canvass_app.ballots.receipts does the check; this is the network part)."""

from __future__ import annotations

from sqlalchemy import select

from canvass_app.ballots.receipts import ReceiptCheck, verify_receipt
from canvass_app.i18n import translate
from canvass_app.store.database import Store
from canvass_app.store.models import Ballot, BallotVote
from canvass_app.sync import identity
from canvass_app.sync.transport import SyncHttp


class ReceiptsUnavailable(Exception):
    """The receipts cannot be fetched from here; the message is for people."""


def check_receipts(store: Store, *, again: bool = False, http: SyncHttp | None = None) -> list[ReceiptCheck]:
    """Fetch the receipts of every closed ballot this device voted on (not yet checked, unless `again`) and check
    them. Raises ReceiptsUnavailable when the device is not enrolled, and the transport's errors when offline."""
    ident = identity.load(store)
    if ident is None:
        raise ReceiptsUnavailable(translate("Ballots", "this device is not enrolled: receipts come from the server"))
    with store.session() as session:
        stmt = select(Ballot.id).where(Ballot.status == "closed", Ballot.id.in_(select(BallotVote.ballot_id)))
        if not again:
            stmt = stmt.where(Ballot.receipt_check.is_(None))
        ids = list(session.scalars(stmt.order_by(Ballot.id)))
    checks: list[ReceiptCheck] = []
    if not ids:
        return checks
    client = http or SyncHttp(ident.server_url, ident.token, ca_file=ident.ca_file or None)
    try:
        for ballot_id in ids:
            published = client.ballot_receipts(ballot_id)
            with store.session() as session:
                check = verify_receipt(session, published)
            if check is not None:
                checks.append(check)
    finally:
        if http is None:
            client.close()
    return checks
