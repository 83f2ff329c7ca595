"""Refusals end to end: a flipped byte, a batch sealed to the wrong key, replays, a revoked device, a skewed clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.asymmetric import x25519
from sync_harness import Server, local_count, log_contacts, pending

from canvass_app.store.database import Store
from canvass_app.store.models import SyncBatch
from canvass_app.sync import batches, identity
from canvass_app.sync.enroll import enroll
from canvass_app.sync.status import sync_status
from canvass_app.sync.syncer import SyncOptions, sync
from canvass_app.sync.transport import Refused, SyncHttp
from canvass_protocol import envelope, wire


def _frozen(store: Store) -> tuple[identity.Identity, str, bytes]:
    ident = identity.load(store)
    assert ident is not None
    with store.session() as s:
        batch = batches.freeze(s, ident)
        assert batch is not None
        return ident, batch.id, batch.sealed


def test_tampered_and_missealed_batches_are_refused_and_nothing_is_applied(
        server: Server, make_store: Callable[[str], Store]) -> None:
    voters = server.seed_voters(20)
    store = make_store("tamper")
    enroll(store, server.url, server.code())
    log_contacts(store, voters[:5])
    ident, batch_id, sealed = _frozen(store)
    flipped = bytearray(sealed)
    flipped[len(sealed) // 2] ^= 0x01
    with SyncHttp(ident.server_url, ident.token) as http:
        with pytest.raises(Refused) as bad:
            http.push(batch_id, bytes(flipped))
        assert bad.value.code == wire.ErrorCode.BAD_SIGNATURE.value
        # Sealed to another key (the header still names the pinned key id), correctly signed by the device.
        parsed = envelope.parse(sealed)
        other = x25519.X25519PrivateKey.generate().public_key()
        ops = envelope.open_body(parsed, server.key.private).ops
        wrong = envelope.seal(parsed.header, wire.BatchBody(ops=ops), other, ident.signing_key())
        with pytest.raises(Refused) as missealed:
            http.push(batch_id, wrong)
        assert missealed.value.code == wire.ErrorCode.BAD_ENVELOPE.value
    assert server.contacts() == 0 and server.count("SELECT count(*) FROM batch") == 0
    report = sync(store)  # the stored, untouched bytes still go through
    assert report.ok and report.applied == 5
    assert server.contacts() == 5


def test_replays_change_nothing(server: Server, make_store: Callable[[str], Store]) -> None:
    voters = server.seed_voters(20)
    store, thief = make_store("replay"), make_store("thief")
    enroll(store, server.url, server.code())
    enroll(thief, server.url, server.code())
    log_contacts(store, voters[:4])
    assert sync(store).ok
    with store.session() as s:
        acked = s.query(SyncBatch).one()
        batch_id, sealed, answer = acked.id, acked.sealed, acked.answer
    ident, thief_ident = identity.load(store), identity.load(thief)
    assert ident is not None and thief_ident is not None
    with SyncHttp(ident.server_url, ident.token) as http:
        again = http.push(batch_id, sealed)  # the same device, the same bytes: the stored answer, nothing new
    assert again.model_dump(mode="json") == answer
    with SyncHttp(thief_ident.server_url, thief_ident.token) as http, pytest.raises(Refused) as stolen:
        http.push(batch_id, sealed)  # another device replaying it
    assert stolen.value.code == wire.ErrorCode.WRONG_DEVICE.value
    assert server.contacts() == 4 and server.count("SELECT count(*) FROM applied_op") == 4


def test_a_revoked_device_is_refused_and_wipes_its_voter_data(server: Server,
                                                            make_store: Callable[[str], Store]) -> None:
    voters = server.seed_voters(20)
    store = make_store("revoked")
    done = enroll(store, server.url, server.code())
    log_contacts(store, voters[:3])
    assert sync(store).ok
    assert local_count(store, "SELECT count(*) FROM voter") == 20
    server.revoke(done.device_id)
    log_contacts(store, voters[3:6])
    report = sync(store)
    assert report.wiped and not report.ok and report.error_kind == "revoked"
    assert "wiped" in report.line()
    assert server.contacts() == 3
    assert local_count(store, "SELECT count(*) FROM voter") == 0
    assert local_count(store, "SELECT count(*) FROM household") == 0
    assert pending(store) == 0
    assert identity.load(store) is None
    status = sync_status(store)
    assert not status.enrolled and status.wiped is not None and "revoked" in status.line()


@pytest.mark.parametrize("skew", [dt.timedelta(days=1), dt.timedelta(days=-1)])
def test_a_client_clock_a_day_off_changes_nothing(server: Server, make_store: Callable[[str], Store],
                                                  skew: dt.timedelta) -> None:
    voters = server.seed_voters(30)
    store = make_store("skewed")
    enroll(store, server.url, server.code())
    log_contacts(store, voters)
    report = sync(store, options=SyncOptions(clock=lambda: dt.datetime.now(dt.UTC) + skew))
    assert report.ok and report.applied == 30
    assert server.contacts() == server.distinct_ops() == 30
    assert pending(store) == 0


def test_rate_limiting_is_honoured_with_retry_after(server: Server, make_store: Callable[[str], Store]) -> None:
    voters = server.seed_voters(30)
    server.stop()
    server.overrides = {"CANVASS_RATE_LIMIT_PER_MINUTE": "2"}
    server.start()
    store = make_store("limited")
    enroll(store, server.url, server.code())
    log_contacts(store, voters)
    waits: list[float] = []
    options = SyncOptions(attempts=2, limits=batches.Limits(max_ops=10), sleep=waits.append)
    report = sync(store, options=options)
    assert not report.ok and report.error_kind == "network" and report.retry_after == 30
    assert waits and waits[0] >= 30  # the server's Retry-After is a floor under the jittered backoff
    assert report.batches == 2 and server.contacts() == 20  # two batches in, the third waits its turn
    assert pending(store) == 10
    with store.session() as s:
        waiting = s.query(SyncBatch).filter(SyncBatch.status == "open").one()
        assert waiting.tries == 2 and "slow down" in (waiting.last_error or "")
