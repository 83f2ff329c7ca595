"""The alliance's candidates on PostgreSQL: the recall petition (one signature per member of the district, however
the op is forged; the threshold crossed exactly once, concurrent signatures too), the recall ballot's two-thirds
rule (66% fails, 67% passes, a pass recalls and opens nominations), endorsement ballots of a district, the
`candidates` pull scope with the published receipts, and promises set against votes, checked against a truth
computed from the generated Open States files alone."""

from __future__ import annotations

import hashlib
import json
import secrets
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest
from helpers.openstates_files import Generated, generate
from helpers.pg import PgCluster
from helpers.server import Device
from sqlalchemy import func, select, update

from canvass_protocol import wire
from canvass_server import ballots, candidates, versions
from canvass_server.authz import Caller
from canvass_server.candidates_models import Candidate, Nomination, PetitionSignature
from canvass_server.db import Database
from canvass_server.devices import ensure_county
from canvass_server.models import Ballot, BallotVote, County, Member, PolicyBrief
from canvass_server.models import Device as DeviceRow
from canvass_server.outcome import Outcome

pytestmark = pytest.mark.postgres


@pytest.fixture
def db_url(pg_cluster: PgCluster) -> str:
    """PostgreSQL only: row locks and concurrent transactions are what is tested."""
    return pg_cluster.reset()


def add_members(database: Database, n: int, *, district: str = "12", county: str = "Wake",
                chamber: str = "lower") -> list[int]:
    """`n` active volunteers of the county, each given `district` of `chamber` (through the service the command
    line uses)."""
    ids = []
    with database.session() as s:
        home = ensure_county(s, county, "NC")
        for i in range(n):
            member = Member(county_id=home.id, name=f"m{district}-{i}", role="volunteer", status="active")
            s.add(member)
            s.flush()
            candidates.set_district(s, member_id=member.id, chamber=chamber, district=district)
            ids.append(member.id)
    return ids


def endorsed(database: Database, *, share: float = 0.1, district: str = "12") -> int:
    with database.session() as s:
        c = candidates.add_candidate(s, office="NC House", state="NC", name="Dana Diaz", chamber="house",
                                     district=district, petition_share=share)
        c.status = "endorsed"
        return c.id


def device_of(make_device: Any, database: Database, member_id: int) -> Device:
    dev: Device = make_device("Wake", "NC", "volunteer", f"device of {member_id}")
    with database.session() as s:
        s.execute(update(DeviceRow).where(DeviceRow.id == dev.device_id).values(member_id=member_id))
    dev.member = wire.MemberRef(id=member_id, name="m", role="volunteer")
    return dev


def signature(candidate_id: int, round_: int = 1, nonce: str | None = None, **extra: Any) -> tuple[str, Any]:
    nonce = nonce or secrets.token_hex(32)
    receipt = hashlib.sha256(f"canvass-petition-receipt:v1:{candidate_id}:{round_}:{nonce}".encode()).hexdigest()
    return "petition_sign", {"id": str(uuid.uuid4()), "candidate_id": candidate_id, "round": round_,
                             "receipt": receipt, "created_at": "2026-05-01T12:00:00Z", **extra}


def push(dev: Device, *items: tuple[str, Any]) -> list[str | None]:
    ops = []
    for op_type, payload in items:
        dev.seq += 1
        ops.append(wire.Op(op_id=str(uuid.uuid4()), seq=dev.seq, type=op_type, payload=payload,
                           schema_version=wire.OP_SCHEMA_VERSION))
    r = dev.post(*dev.seal(ops))
    assert r.status_code == 200, r.text
    return [res["code"] for res in r.json()["results"]]


def recall_ballots(database: Database, candidate_id: int) -> list[Ballot]:
    with database.session() as s:
        return list(s.scalars(select(Ballot).where(Ballot.candidate_id == candidate_id, Ballot.kind == "recall")))


def signers(database: Database, candidate_id: int) -> list[int]:
    with database.session() as s:
        return sorted(s.scalars(select(PetitionSignature.member_id).where(
            PetitionSignature.candidate_id == candidate_id)))


# ---- one signature per member, whatever the op says ----------------------------------------------------------


def test_a_member_cannot_sign_twice_or_for_someone_else(make_device: Any, database: Database) -> None:
    ann, bob, *_ = add_members(database, 30)
    outsider = add_members(database, 1, district="13")[0]
    cid = endorsed(database)
    with database.session() as s:
        vetting = candidates.add_candidate(s, office="NC House", state="NC", name="Val", chamber="lower",
                                           district="12").id
    ann_dev, ann_laptop = device_of(make_device, database, ann), device_of(make_device, database, ann)
    forged = signature(cid, member_id=bob)  # a payload naming another member is not a signature at all
    assert push(ann_dev, forged) == ["invalid_payload"]
    assert push(ann_dev, signature(cid), signature(cid)) == [None, "already_signed"]  # twice in one batch
    assert push(ann_laptop, signature(cid)) == ["already_signed"]  # her other device
    assert push(device_of(make_device, database, outsider), signature(cid)) == ["not_in_district"]
    assert push(ann_dev, signature(vetting), signature(9999), signature(cid, 2)) == [
        "petition_closed", "unknown_candidate", "petition_closed"]  # in vetting; none; not the current round
    assert signers(database, cid) == [ann]  # Ann's one signature, as Ann; nobody signed for Bob


def test_signatures_and_receipts_reach_devices(make_device: Any, database: Database) -> None:
    members = add_members(database, 20)
    cid = endorsed(database)
    dev = device_of(make_device, database, members[0])
    op = signature(cid)
    assert push(dev, op) == [None]
    items, _ = dev.pull_all("candidates")
    item = wire.CandidateItem.model_validate(items[0])
    assert item.in_my_district and item.status == "endorsed"
    assert item.petition.signatures == 1 and item.petition.needed == 2 and item.petition.open
    assert item.petition.receipts == [op[1]["receipt"]]  # the device finds its own receipt published
    outsider = device_of(make_device, database, add_members(database, 1, district="99")[0])
    assert not wire.CandidateItem.model_validate(outsider.pull_all("candidates")[0][0]).in_my_district


# ---- the threshold, crossed exactly once ---------------------------------------------------------------------


def test_the_petition_opens_the_recall_ballot_exactly_once(make_device: Any, database: Database) -> None:
    members = add_members(database, 20)  # 10% of 20: two signatures
    cid = endorsed(database)
    devices = [device_of(make_device, database, m) for m in members[:3]]
    assert push(devices[0], signature(cid)) == [None]
    assert recall_ballots(database, cid) == []
    assert push(devices[1], signature(cid)) == [None]
    [recall] = recall_ballots(database, cid)
    assert (recall.electorate, recall.scope, recall.petition_round) == (20, "district", 1)
    assert ballots.as_fraction(recall.threshold) == ballots.TWO_THIRDS
    assert push(devices[2], signature(cid)) == ["petition_closed"]  # the ballot is open: no more signatures
    assert len(recall_ballots(database, cid)) == 1
    with database.session() as s:
        assert s.get_one(Candidate, cid).recall_ballot_id == recall.id


def test_concurrent_signatures_open_one_recall_ballot(database: Database, make_device: Any) -> None:
    members = add_members(database, 40)  # 10% of 40: four signatures
    cid = endorsed(database)
    device = device_of(make_device, database, members[0])
    start = threading.Barrier(len(members))
    outcomes: list[Outcome] = []
    errors: list[BaseException] = []

    def sign(member_id: int) -> None:
        try:
            start.wait(timeout=30)  # all at once (as many at a time as the connection pool holds)
            with database.session() as s:
                member = s.get_one(Member, member_id)
                caller = Caller(s.get_one(DeviceRow, device.device_id), member, s.get_one(County, member.county_id))
                op = wire.Op(op_id=str(uuid.uuid4()), seq=1, type="petition_sign", payload=signature(cid)[1],
                             schema_version=wire.OP_SCHEMA_VERSION)
                out = Outcome()
                candidates.apply_signatures(s, caller, [(op, wire.PetitionSignPayload.model_validate(op.payload))],
                                            out)
            outcomes.append(out)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=sign, args=(m,)) for m in members]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    codes = [r.code for out in outcomes for r in out.results.values()]
    assert codes.count(None) == 4 and codes.count(wire.OpRejection.PETITION_CLOSED) == 36
    assert len(recall_ballots(database, cid)) == 1
    assert len(signers(database, cid)) == 4


# ---- the recall ballot: two thirds -----------------------------------------------------------------------------


def open_recall(database: Database, make_device: Any, members: list[int], cid: int) -> int:
    for m in members[:10]:  # 10% of 100
        push(device_of(make_device, database, m), signature(cid))
    [recall] = recall_ballots(database, cid)
    return recall.id


def cast(database: Database, ballot_id: int, members: list[int], support: int) -> None:
    """Votes of the first `support` members for the recall and of the rest against, as the ballot service stores
    them (the op path is tested in test_ballots)."""
    with database.session() as s:
        for n, m in enumerate(members):
            s.add(BallotVote(ballot_id=ballot_id, member_id=m, choice="support" if n < support else "oppose",
                             receipt=secrets.token_hex(32), op_id=str(uuid.uuid4()), device_id="d"))


@pytest.mark.parametrize(("support", "recalled"), [(66, False), (67, True)])
def test_a_recall_fails_at_66_percent_and_passes_at_67(make_device: Any, database: Database, support: int,
                                                      recalled: bool) -> None:
    members = add_members(database, 100)
    cid = endorsed(database)
    ballot_id = open_recall(database, make_device, members, cid)
    cast(database, ballot_id, members, support)
    with database.session() as s:
        closed = ballots.close_ballot(s, s.get_one(Ballot, ballot_id))
        assert (closed.result.support, closed.result.oppose, closed.result.passed) == (support, 100 - support,
                                                                                        recalled)
    with database.session() as s:
        c = s.get_one(Candidate, cid)
        seats = s.scalars(select(Nomination).where(Nomination.recalled_candidate_id == cid)).all()
        if recalled:
            assert c.status == "recalled" and len(seats) == 1 and seats[0].filled_by is None
            assert (seats[0].office, seats[0].chamber, seats[0].district) == ("NC House", "lower", "12")
        else:  # the candidate stays; a new petition round starts from zero
            assert (c.status, c.petition_round, c.recall_ballot_id, seats) == ("endorsed", 2, None, [])
    item = wire.CandidateItem.model_validate(device_of(make_device, database, members[0]).pull_all("candidates")[0][0])
    assert item.nominations_open is recalled
    assert item.petition.open is not recalled
    if not recalled:
        assert (item.petition.round, item.petition.signatures) == (2, 0)
    if recalled:  # a new candidate for the seat fills the nomination
        with database.session() as s:
            candidates.add_candidate(s, office="NC House", state="NC", name="Sam", chamber="lower", district="12")
        with database.session() as s:
            assert s.scalar(select(func.count()).select_from(Nomination).where(Nomination.filled_by.is_(None))) == 0


# ---- commands: add, questionnaire, endorsement ballot, the record against the promises ---------------------------


def adopted(database: Database, slug: str) -> None:
    with database.session() as s:
        s.add(PolicyBrief(slug=slug, title=slug.replace("-", " ").title(), category="economy", status="adopted",
                          protects=[], conflicts=[], version=versions.bump(s, "briefs")))


def truth(gen: Generated, person: str, links: dict[str, tuple[str, str]], promised: dict[str, str]
          ) -> list[tuple[str, str, str]]:
    """(date, option, verdict) of every vote of `person` on a linked bill, from the generated rows alone: links
    are bill identifier -> (brief, aligned option); promised is brief -> support|oppose."""
    bills = {b["id"]: b["identifier"] for b in gen.bills}
    events = {e["id"]: e for e in gen.events}
    rows = []
    for v in gen.votes:
        ident = bills[events[v["vote_event_id"]]["bill_id"]]
        if v["voter_id"] != person or ident not in links:
            continue
        brief, aligned = links[ident]
        if v["option"] not in ("yes", "no"):
            verdict = "no_vote"
        elif (v["option"] == aligned) == (promised[brief] == "support"):
            verdict = "kept"
        else:
            verdict = "broken"
        rows.append((events[v["vote_event_id"]]["start_date"], v["option"], verdict))
    return sorted(rows)


def test_promises_against_votes_match_a_truth_from_the_files(cli: Any, database: Database, tmp_path: Path) -> None:
    gen = generate(tmp_path, people=12, bills=8, seed=11)
    assert cli("officials", "import", str(tmp_path))[0] == 0
    adopted(database, "fair-wages")
    adopted(database, "clean-water")
    links = {gen.bills[0]["identifier"]: ("fair-wages", "yes"), gen.bills[1]["identifier"]: ("fair-wages", "yes"),
             gen.bills[2]["identifier"]: ("clean-water", "no")}
    for ident, (brief, aligned) in links.items():
        assert cli("scorecards", "link", brief, "--bill", ident, "--session", "2025", "--aligned", aligned)[0] == 0
    person = gen.people[1]
    code, out, err = cli("candidates", "add", "--official", person["id"], "--office", "NC House", "--state", "NC",
                         "--json")
    assert code == 0, err
    cid = json.loads(out)["id"]
    promised = {"fair-wages": "support", "clean-water": "support"}
    for brief, answer in promised.items():
        assert cli("candidates", "answer", str(cid), brief, "--answer", answer)[0] == 0
    assert cli("candidates", "answer", str(cid), "no-such-brief", "--answer", "support")[0] == 2
    code, out, err = cli("candidates", "show", str(cid), "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert (shown["name"], shown["district"], shown["status"]) == (person["name"], person["district"], "vetting")
    expected = truth(gen, person["id"], links, promised)
    assert expected and any(v == "broken" for _, _, v in expected)  # the case worth saying
    assert sorted((r["date"], r["option"], r["verdict"]) for r in shown["record"]) == expected
    broken = next(r for r in shown["record"] if r["verdict"] == "broken")
    assert broken["plain"].startswith("Broke the promise: promised to support")
    assert shown["record_summary"]["broken"] == sum(v == "broken" for _, _, v in expected)


def test_an_endorsement_ballot_of_the_district_endorses(cli: Any, database: Database) -> None:
    members = add_members(database, 4)
    add_members(database, 3, district="13")
    code, out, err = cli("candidates", "add", "--name", "Nia Newcomer", "--office", "NC Senate", "--state", "nc",
                         "--chamber", "senate", "--district", "12", "--json")
    assert code == 0, err
    cid = json.loads(out)["id"]
    assert cli("ballots", "open", "--kind", "endorsement", "--candidate", str(cid), "--closes", "2099-01-01",
               "--quorum", "0.5", "--threshold", "0.5")[0] == 2  # nobody lives in senate district 12 yet
    for m in members:
        assert cli("members", "district", str(m), "--chamber", "upper", "--district", "12")[0] == 0
    code, out, err = cli("ballots", "open", "--kind", "endorsement", "--candidate", str(cid), "--closes",
                         "2099-01-01", "--quorum", "0.5", "--threshold", "0.5", "--json")
    assert code == 0, err
    ballot = json.loads(out)
    assert (ballot["electorate"], ballot["scope"], ballot["kind"]) == (4, "district", "endorsement")
    assert ballot["title"] == "Endorse Nia Newcomer (NC Senate, district 12)"
    assert cli("ballots", "open", "--kind", "recall", "--candidate", str(cid), "--closes", "2099-01-01",
               "--quorum", "0.5", "--threshold", "0.7")[0] == 2  # recalls open from the petition only
    cast(database, ballot["id"], members, 3)
    code, out, err = cli("ballots", "close", str(ballot["id"]), "--json")
    assert code == 0, err
    assert json.loads(out)["adopted"] is True
    code, out, _ = cli("candidates", "list", "--json")
    assert json.loads(out)[0]["status"] == "endorsed"
    assert cli("candidates", "withdraw", str(cid))[0] == 0
    code, out, _ = cli("candidates", "list")
    assert "withdrawn" in out and "Nia Newcomer" in out
