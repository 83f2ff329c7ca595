"""Turfs that travel and roles on every pull scope (SQLite and PostgreSQL): who receives which voters, who may cut,
assign, return and correct; two leads cutting offline never collide."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from fastapi.testclient import TestClient
from helpers.server import Device, seed_county

from canvass_protocol import envelope, wire
from canvass_server.db import Database
from canvass_server.devices import ensure_county, sha256_hex
from canvass_server.keys import ServerKeyPair
from canvass_server.models import Device as DeviceRow
from canvass_server.models import Member


class MemberDevice(Device):
    """A simulated device of a member made directly in the server's database (enrollment is tested elsewhere)."""

    def __init__(self, client: TestClient, database: Database, key: ServerKeyPair, role: str, name: str,
                 series: int = 1) -> None:
        self.client, self.key, self.county, self.seq = client, ed25519.Ed25519PrivateKey.generate(), {
            "name": "Wake", "state": "NC"}, 0
        self.token, self.device_id = "cvt_" + secrets.token_urlsafe(24), str(uuid.uuid4())
        self.server_public, self.key_id = key.private.public_key(), key.key_id
        self.prefix = f"T{series}-"
        with database.session() as s:
            county = ensure_county(s, "Wake", "NC")
            member = Member(county_id=county.id, name=name, role=role)
            s.add(member)
            s.flush()
            self.member_id = member.id
            s.add(DeviceRow(id=self.device_id, county_id=county.id, member_id=member.id, role=role, label=name,
                            list_series=series, public_key=envelope.raw_public(self.key.public_key()),
                            token_hash=sha256_hex(self.token), status="active"))

    def ops(self, *items: tuple[str, dict[str, Any]]) -> list[wire.Op]:
        return [op.model_copy(update={"schema_version": wire.OP_SCHEMA_VERSION}) for op in super().ops(*items)]

    def results(self, *items: tuple[str, dict[str, Any]]) -> list[tuple[str, str | None]]:
        r = self.push(*items)
        assert r.status_code == 200, r.text
        return [(x["status"], x["code"]) for x in r.json()["results"]]

    def cut(self, number: int, voters: list[str]) -> tuple[str, dict[str, Any]]:
        return "turf_cut", {"county": self.county, "list_number": f"{self.prefix}{number:04d}", "name": "Main St",
                            "lines": [[n + 1, sid] for n, sid in enumerate(voters)],
                            "created_at": "2026-05-01T12:00:00+00:00"}

    def assign(self, list_number: str, member_id: int | None, action: str = "assign") -> tuple[str, dict[str, Any]]:
        return "turf_assign", {"county": self.county, "list_number": list_number, "action": action,
                               "member_id": member_id, "at": "2026-05-01T12:00:00+00:00"}

    def status_of(self, scope: str) -> int:
        return int(self.client.get("/v1/changes", params={"scope": scope}, headers=self.auth).status_code)


@pytest.fixture
def make(client: TestClient, database: Database, server_key: ServerKeyPair) -> Any:
    series = iter(range(1, 100))

    def make(role: str, name: str) -> MemberDevice:
        return MemberDevice(client, database, server_key, role, name, next(series))

    return make


def ids_of(items: list[dict[str, Any]], key: str = "state_voter_id") -> set[str]:
    return {i[key] for i in items}


def test_each_role_pulls_what_the_role_table_allows(make: Any, database: Database) -> None:
    voters = seed_county(database, voters=20)
    lead, pat, vic = make("county_lead", "Lee"), make("canvasser", "Pat"), make("volunteer", "Vic")
    assert lead.results(lead.cut(1, voters[:4]), lead.cut(2, voters[4:8]),
                        lead.assign("T1-0001", pat.member_id)) == [("applied", None)] * 3
    assert ids_of(lead.pull_all("voters")[0]) == set(voters)
    assert {m["name"] for m in lead.pull_all("members")[0]} == {"Lee", "Pat", "Vic"}
    turfs = {t["list_number"]: t for t in lead.pull_all("turfs")[0]}
    assert turfs["T1-0001"]["member_name"] == "Pat"
    assert turfs["T1-0001"]["lines"] == [[n + 1, sid] for n, sid in enumerate(voters[:4])]
    assert turfs["T1-0001"]["mine"] is False
    # The canvasser: only their turf, its voters and households.
    assert ids_of(pat.pull_all("voters")[0]) == set(voters[:4])
    assert len(pat.pull_all("households")[0]) == 2
    mine = pat.pull_all("turfs")[0]
    assert [(t["list_number"], t["mine"]) for t in mine] == [("T1-0001", True)]
    assert pat.status_of("members") == 403
    # The volunteer: public scopes and ballots only.
    for scope in ("voters", "households", "turfs", "members"):
        assert vic.status_of(scope) == 403
    r = vic.client.get("/v1/changes", params={"scope": "voters"}, headers=vic.auth)
    assert r.json()["code"] == "forbidden"
    assert vic.status_of("briefs") == 200
    assert vic.status_of("device") == 200


def test_a_canvasser_gets_a_new_turfs_voters_and_loses_them_when_it_is_unassigned(make: Any,
                                                                                  database: Database) -> None:
    voters = seed_county(database, voters=20)
    lead, pat = make("county_lead", "Lee"), make("canvasser", "Pat")
    lead.results(lead.cut(1, voters[:4]), lead.cut(2, voters[10:14]), lead.assign("T1-0001", pat.member_id))
    got, v_cursor = pat.pull_all("voters")
    _, t_cursor = pat.pull_all("turfs")
    assert ids_of(got) == set(voters[:4])
    # A second turf: its voters are older than the cursor, yet they arrive (the scope starts again).
    lead.results(lead.assign("T1-0002", pat.member_id))
    page = pat.pull("voters", v_cursor)
    assert page["refetch"] is True
    got, v_cursor = pat.pull_all("voters", v_cursor)
    assert ids_of(got) == set(voters[:4]) | set(voters[10:14])
    assert pat.pull("voters", v_cursor)["items"] == []  # the same reach: the cursor holds
    # Taken back: the next pull of turfs says it is gone, and the voters are those of T1-0002 alone.
    lead.results(lead.assign("T1-0001", None, "return"))
    changed, t_cursor = pat.pull_all("turfs", t_cursor)
    assert {t["list_number"]: t["deleted"] for t in changed} == {"T1-0001": True, "T1-0002": False}
    assert [t for t in changed if t["deleted"]][0]["lines"] == []
    assert ids_of(pat.pull_all("voters", v_cursor)[0]) == set(voters[10:14])
    assert pat.pull_all("turfs", t_cursor)[0] == []  # sent once


def test_a_canvasser_cannot_cut_assign_or_correct_outside_their_turfs(make: Any, database: Database) -> None:
    voters = seed_county(database, voters=20)
    lead, pat, ann = make("county_lead", "Lee"), make("canvasser", "Pat"), make("canvasser", "Ann")
    lead.results(lead.cut(1, voters[:4]), lead.assign("T1-0001", pat.member_id))
    fix = ("voter_correction", {"county": pat.county, "state_voter_id": voters[9], "fields": {"deceased": True}})
    ok_fix = ("voter_correction", {"county": pat.county, "state_voter_id": voters[1], "fields": {"moved": True}})
    # Refused ops never block the queue: the later ones of the same batch apply.
    assert pat.results(pat.cut(1, voters[5:8]), pat.assign("T1-0001", ann.member_id), fix, pat.contact(voters[9]),
                       ok_fix, pat.contact(voters[0])) == [
        ("rejected", "forbidden_role"), ("rejected", "forbidden_role"), ("rejected", "forbidden_role"),
        ("rejected", "forbidden_role"), ("applied", None), ("applied", None)]
    assert [v["deceased"] for v in lead.pull_all("voters")[0] if v["state_voter_id"] == voters[9]] == [False]
    # Another canvasser cannot return Pat's turf; Pat can, and may still log results on it afterwards.
    assert ann.results(ann.assign("T1-0001", None, "return")) == [("rejected", "forbidden_role")]
    assert pat.results(pat.assign("T1-0001", None, "return"), pat.contact(voters[2])) == [("applied", None)] * 2


def test_a_canvassers_batch_of_contacts_alone_is_held_to_their_turfs(make: Any, database: Database) -> None:
    """A batch of nothing but contacts (on PostgreSQL: one look-up statement and one recording statement) keeps
    the same rules: voters on a turf held or once held, known voters, each contact id once."""
    voters = seed_county(database, voters=20)
    lead, pat, ann = make("county_lead", "Lee"), make("canvasser", "Pat"), make("canvasser", "Ann")
    lead.results(lead.cut(1, voters[:4]), lead.cut(2, voters[4:8]), lead.assign("T1-0001", pat.member_id),
                 lead.assign("T1-0002", ann.member_id))
    again = pat.contact(voters[1])
    assert pat.results(pat.contact(voters[0]), pat.contact(voters[5]), again, pat.contact("NOPE-1")) == [
        ("applied", None), ("rejected", "forbidden_role"), ("applied", None), ("rejected", "unknown_voter")]
    lead.results(lead.assign("T1-0001", None, "return"))  # once held: still Pat's to report on
    assert pat.results(pat.contact(voters[2]), pat.contact(voters[6]), again) == [
        ("applied", None), ("rejected", "forbidden_role"), ("duplicate", None)]
    contacts, _ = lead.pull_all("contacts")
    assert sorted(c["state_voter_id"] for c in contacts) == [voters[0], voters[1], voters[2]]


def test_cut_rules_list_numbers_members_and_unknown_voters(make: Any, database: Database) -> None:
    voters = seed_county(database, voters=20)
    seed_county(database, "Durham", voters=4)
    lead, other, pat = make("county_lead", "Lee"), make("county_lead", "Kim"), make("canvasser", "Pat")
    vic = make("volunteer", "Vic")
    # Two leads cut offline: different series, so their numbers never meet; each may re-cut its own.
    assert lead.results(lead.cut(1, voters[:4])) == [("applied", None)]
    assert other.results(other.cut(1, voters[4:8])) == [("applied", None)]
    stolen = ("turf_cut", {**lead.cut(1, voters[8:9])[1]})
    assert other.results(stolen) == [("rejected", "list_number_taken")]
    assert lead.results(lead.cut(1, voters[:2])) == [("applied", None)]
    turfs = {t["list_number"]: t for t in lead.pull_all("turfs")[0]}
    assert sorted(turfs) == ["T1-0001", "T2-0001"]
    assert len(turfs["T1-0001"]["lines"]) == 2
    bad = lead.cut(2, [voters[0], "NOPE1", "NOPE2"])
    assert lead.results(bad) == [("rejected", "unknown_voter")]
    assert lead.push(bad).json()["results"][0]["reason"].startswith("no voter NOPE1")
    assert lead.results(lead.assign("T1-0009", pat.member_id), lead.assign("T1-0001", 99999),
                        lead.assign("T1-0001", vic.member_id)) == [
        ("rejected", "unknown_turf"), ("rejected", "unknown_member"), ("rejected", "forbidden_role")]
    # Deleted: freed, sent as deleted, and the canvasser no longer reaches its voters.
    assert lead.results(lead.assign("T1-0001", pat.member_id)) == [("applied", None)]
    assert lead.results(("turf_delete", {"county": lead.county, "list_number": "T1-0001", "at": "x"})) == [
        ("applied", None)]
    assert {t["list_number"]: t["deleted"] for t in pat.pull_all("turfs")[0]} == {"T1-0001": True}
    assert pat.pull_all("voters")[0] == []


def test_contacts_reach_the_lead_signed_by_the_server_and_a_canvasser_only_on_their_turfs(
        make: Any, database: Database) -> None:
    voters = seed_county(database, voters=20)
    lead, pat, sam = make("county_lead", "Lee"), make("canvasser", "Pat"), make("canvasser", "Sam")
    lead.results(lead.cut(1, voters[:4]), lead.cut(2, voters[10:14]), lead.assign("T1-0001", pat.member_id),
                 lead.assign("T1-0002", sam.member_id))
    assert pat.results(pat.contact(voters[0], list_number="T1-0001")) == [("applied", None)]
    assert sam.results(sam.contact(voters[10], "NH")) == [("applied", None)]
    # The lead receives every result of the county, each with the member who logged it (the server's word).
    got = {c["state_voter_id"]: c for c in lead.pull_all("contacts")[0]}
    assert {(sid, c["result"], c["canvasser"], c["member_id"]) for sid, c in got.items()} == {
        (voters[0], "C", "Pat", pat.member_id), (voters[10], "NH", "Sam", sam.member_id)}
    assert got[voters[0]]["list_number"] == "T1-0001"
    # A canvasser receives the results on the voters of the turfs they hold, nobody else's.
    assert ids_of(pat.pull_all("contacts")[0]) == {voters[0]}
    assert ids_of(sam.pull_all("contacts")[0]) == {voters[10]}
    # A later result arrives after the cursor, alone.
    _, cursor = lead.pull_all("contacts")
    sam.results(sam.contact(voters[11], "R"))
    assert ids_of(lead.pull_all("contacts", cursor)[0]) == {voters[11]}
