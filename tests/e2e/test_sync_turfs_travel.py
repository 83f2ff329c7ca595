"""Turfs travel from a county lead's device to a canvasser's, against the real server on loopback: cut and assigned
on the lead's store, walked on the canvasser's, and taken back again."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select, text
from sync_harness import Server, local_count

from canvass_app.cli import main
from canvass_app.store.database import Store
from canvass_app.store.models import Turf
from canvass_app.sync import identity
from canvass_app.sync.enroll import enroll
from canvass_app.sync.syncer import sync


def test_a_turf_cut_and_assigned_by_the_lead_reaches_the_canvasser_and_their_results_the_lead(
        server: Server, make_store: Callable[[str], Store]) -> None:
    voters = server.seed_voters(40)
    lead, pat = make_store("lead"), make_store("pat")
    enroll(lead, server.url, server.code("county_lead"), label="Lee")
    enroll(pat, server.url, server.code("canvasser"), label="Pat")
    assert sync(lead).ok
    assert local_count(lead, "SELECT count(*) FROM voter") == 40
    assert local_count(lead, "SELECT count(*) FROM member WHERE name = 'Pat'") == 1
    first = sync(pat)
    assert first.ok, first.error
    assert local_count(pat, "SELECT count(*) FROM voter") == 0  # nothing is theirs yet
    dirs = ["--data-dir", str(lead.data_dir)]
    assert main.main(["turfs", "cut", *dirs, "--county", "Wake", "--doors", "4"]) == 0
    with lead.session() as s:
        numbers = s.scalars(select(Turf.list_number).order_by(Turf.list_number)).all()
    assert main.main(["turfs", "assign", numbers[0], "--to", "Pat", *dirs]) == 0
    assert sync(lead).ok
    with server.database.session() as s:
        assert s.execute(text("SELECT count(*) FROM turf")).scalar_one() == len(numbers)
    assert sync(pat).ok
    with pat.session() as s:
        mine = s.scalars(select(Turf)).all()
        assert [(t.list_number, t.mine) for t in mine] == [(numbers[0], True)]
        walked = s.execute(text("SELECT v.state_voter_id FROM turf_line l JOIN voter v ON v.id = l.voter_id "
                                "ORDER BY l.line")).scalars().all()
    assert 0 < len(walked) < 40
    assert local_count(pat, "SELECT count(*) FROM voter") == len(walked)
    assert main.main(["log-contact", walked[0], "--result", "C", "--support", "4",
                      "--data-dir", str(pat.data_dir)]) == 0
    assert sync(pat).applied == 1
    with server.database.session() as s:
        assert s.execute(text("SELECT m.name FROM contact_attempt c JOIN member m ON m.id = c.member_id")
                         ).scalars().all() == ["Pat"]
    # The result walked on Pat's device shows on the lead's after both have synced, signed by the server's Pat.
    assert sync(lead).ok
    assert lead_contacts(lead) == [(walked[0], "C", 4, "Pat", numbers[0])]
    # Taken back by the lead: the turf and its voters leave Pat's device at the next pull.
    assert main.main(["turfs", "return", numbers[0], *dirs]) == 0
    assert sync(lead).ok
    assert sync(pat).ok
    assert local_count(pat, "SELECT count(*) FROM turf") == 0
    assert local_count(pat, "SELECT count(*) FROM voter") == 0
    assert all(v in voters for v in walked)
    assert local_count(pat, "SELECT count(*) FROM contact_attempt") == 0  # synced, and the turf is no longer Pat's


def lead_contacts(store: Store) -> list[tuple[str, str, int | None, str | None, str | None]]:
    with store.session() as s:
        rows = s.execute(text(
            "SELECT v.state_voter_id, r.code, c.support, c.canvasser, t.list_number FROM contact_attempt c "
            "JOIN voter v ON v.id = c.voter_id JOIN result_code r ON r.id = c.result_code_id "
            "LEFT JOIN turf t ON t.id = c.turf_id")).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_turfs_cut_before_the_lead_enrolled_travel_under_their_printed_numbers(
        server: Server, make_store: Callable[[str], Store]) -> None:
    server.seed_voters(30)
    lead, pat = make_store("lead"), make_store("pat")
    dirs = ["--data-dir", str(lead.data_dir)]
    # The county's voters on the lead's computer (here from one pull), then the device forgets its server: an
    # install working offline, as one that cut its turfs before it ever enrolled.
    enroll(lead, server.url, server.code("county_lead"), label="Lee")
    assert sync(lead).ok
    identity.forget(lead)
    assert main.main(["turfs", "cut", *dirs, "--county", "Wake", "--doors", "5"]) == 0
    with lead.session() as s:
        numbers = s.scalars(select(Turf.list_number).order_by(Turf.list_number)).all()
        assert s.scalar(select(text("count(*)")).select_from(text("outbox_op"))
                        .where(text("op_type = 'turf_cut'"))) == 0  # offline: nothing queued
    assert numbers[0] == "T-0001"
    enroll(lead, server.url, server.code("county_lead"), label="Lee")
    assert sync(lead).ok
    with server.database.session() as s:
        assert s.execute(text("SELECT list_number FROM turf ORDER BY list_number")).scalars().all() == numbers
    enroll(pat, server.url, server.code("canvasser"), label="Pat")
    assert sync(lead).ok  # the lead's member list now holds Pat
    assert main.main(["turfs", "assign", numbers[0], "--to", "Pat", *dirs]) == 0
    assert sync(lead).ok
    assert sync(pat).ok
    with pat.session() as s:
        assert s.scalars(select(Turf.list_number)).all() == [numbers[0]]
