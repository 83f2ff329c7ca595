"""The HQ console (/console): logins with password and TOTP, CSRF, rate limits, a county lead confined to their
county, changes through the console audited, and figures equal to `canvass-server stats --json`."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from helpers.console import PASSWORD, Login, console_user, contacts, csrf_of, field_device, log_in
from helpers.server import seed_county
from sqlalchemy import select

from canvass_server import db as dbmod
from canvass_server import members
from canvass_server.app import create_app
from canvass_server.cli import main
from canvass_server.config import Settings
from canvass_server.console import canvassers
from canvass_server.console.models import AuditEntry
from canvass_server.keys import ServerKeyPair
from canvass_server.models import Member, PolicyBrief


@pytest.fixture
def browser(settings: Settings, server_key: ServerKeyPair) -> Iterator[TestClient]:
    """A client on loopback http, where the console's cookies may go without Secure (docs/console.md)."""
    app = create_app(settings, server_key)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c
    app.state.db.dispose()


def test_login_needs_password_and_totp_and_sets_strict_cookies(browser: TestClient, database: dbmod.Database) -> None:
    lead = console_user(database)
    assert browser.get("/console/", follow_redirects=False).headers["location"] == "/console/login"
    assert log_in(browser, lead, password="wrong password here").status_code == 401
    assert log_in(browser, lead, code="000000" if lead.code() != "000000" else "111111").status_code == 401
    ok = log_in(browser, lead)
    assert ok.status_code == 303
    cookie = next(v for k, v in ok.headers.multi_items() if k == "set-cookie" and v.startswith("canvass_console="))
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    assert "Secure" not in cookie  # loopback http only; see the next test
    page = browser.get("/console/", follow_redirects=True)
    assert page.status_code == 200 and "Wake NC" in page.text
    assert "script-src" not in page.headers["content-security-policy"]  # default-src 'none': no script at all
    with database.session() as s:
        actions = [a.action for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["login_failed", "login_failed", "login"]


def test_cookies_are_secure_off_loopback(settings: Settings, server_key: ServerKeyPair,
                                         database: dbmod.Database) -> None:
    lead = console_user(database)
    app = create_app(settings, server_key)
    with TestClient(app, base_url="https://hq.example.org") as c:
        ok = log_in(c, lead)
    app.state.db.dispose()
    assert ok.status_code == 303
    assert "Secure" in ok.headers["set-cookie"]


def test_a_totp_code_is_good_once(browser: TestClient, database: dbmod.Database) -> None:
    lead = console_user(database)
    code = lead.code()
    assert log_in(browser, lead, code=code).status_code == 303
    browser.cookies.clear()
    assert log_in(browser, lead, code=code).status_code == 401


def test_forms_without_the_csrf_token_are_refused(browser: TestClient, database: dbmod.Database) -> None:
    seed_county(database, "Wake", voters=2)
    lead = console_user(database)
    assert log_in(browser, lead).status_code == 303
    page = browser.get("/console/members?county=1")
    token = csrf_of(page.text)
    refused = browser.post("/console/members", data={"county": "1", "name": "Sam", "role": "canvasser"})
    assert refused.status_code == 403
    forged = browser.post("/console/members", data={"county": "1", "name": "Sam", "role": "canvasser",
                                                    "csrf": "x" + token})
    assert forged.status_code == 403
    # the login form too: without the token its own cookie carries, nothing is checked
    browser.cookies.clear()
    no_token = browser.post("/console/login", data={"who": str(lead.member_id), "password": PASSWORD,
                                                    "code": lead.code(1)})
    assert no_token.status_code == 403
    with database.session() as s:
        assert s.scalar(select(Member).where(Member.name == "Sam")) is None


def test_failed_logins_are_rate_limited(browser: TestClient, database: dbmod.Database) -> None:
    lead = console_user(database)
    for _ in range(5):
        assert log_in(browser, lead, password="not the password").status_code == 401
    limited = log_in(browser, lead)  # even the right password and code are not tried now
    assert limited.status_code == 429
    assert "Too many failed logins" in limited.text


def test_a_county_lead_sees_and_changes_only_their_county(browser: TestClient, database: dbmod.Database) -> None:
    seed_county(database, "Wake", voters=4)
    seed_county(database, "Durham", voters=4)
    lead = console_user(database, county="Wake")
    with database.session() as s:
        durham_member = members.add_member(s, county="Durham", state="NC", name="Dee", role="canvasser")
    durham = 2  # seeded second
    assert log_in(browser, lead).status_code == 303
    assert browser.get("/console/", follow_redirects=False).headers["location"] == "/console/county/1"
    assert browser.get("/console/county/1").status_code == 200
    for path in (f"/console/county/{durham}", f"/console/canvassers?county={durham}",
                 f"/console/members?county={durham}", f"/console/exports/contacts.csv?county={durham}",
                 "/console/state/NC"):
        r = browser.get(path)
        assert r.status_code in (403, 404), path
        assert "Dee" not in r.text
    token = csrf_of(browser.get("/console/members?county=1").text)
    for path, data in ((f"/console/members/{durham_member.id}/suspend", {}),
                       (f"/console/members/{durham_member.id}/code", {"hours": "24"}),
                       ("/console/members", {"county": str(durham), "name": "Eve", "role": "canvasser"})):
        assert browser.post(path, data={"csrf": token, **data}).status_code in (403, 404), path
    with database.session() as s:
        assert s.get_one(Member, durham_member.id).status == "active"
        assert s.scalar(select(Member).where(Member.name == "Eve")) is None


def test_members_codes_and_revocations_are_audited(browser: TestClient, database: dbmod.Database) -> None:
    seed_county(database, "Wake", voters=2)
    lead = console_user(database)
    with database.session() as s:
        pat = members.add_member(s, county="Wake", state="NC", name="Pat", role="canvasser")
    device_id, token = field_device(database, pat.id)
    assert browser.get("/v1/device", headers={"Authorization": f"Bearer {token}"}).json()["status"] == "active"
    assert log_in(browser, lead).status_code == 303
    token_page = browser.get("/console/members?county=1").text
    assert device_id[:8] in token_page
    csrf = csrf_of(token_page)
    added = browser.post("/console/members", data={"csrf": csrf, "county": "1", "name": "Sam Walker",
                                                   "role": "canvasser"})
    assert added.status_code == 200 and "Sam Walker" in added.text
    with database.session() as s:
        sam = s.scalars(select(Member).where(Member.name == "Sam Walker")).one()
    code = browser.post(f"/console/members/{sam.id}/code", data={"csrf": csrf, "hours": "24"})
    assert code.status_code == 200
    assert "<svg" in code.text and browser.app.state.key.key_id in code.text  # type: ignore[attr-defined]
    assert browser.post(f"/console/devices/{device_id}/revoke", data={"csrf": csrf}).status_code == 200
    refused = browser.get("/v1/device", headers={"Authorization": f"Bearer {token}"})
    assert refused.json()["status"] == "revoked"  # and its next sync is refused:
    assert browser.post("/v1/batches", content=b"x", headers={"Authorization": f"Bearer {token}"}).status_code == 403
    with database.session() as s:
        actions = [a.action for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["login", "member_add", "code_make", "device_revoke"]
    assert "device revoke" in browser.get("/console/audit").text


def _seed_results(database: dbmod.Database) -> None:
    ids = seed_county(database, "Wake", voters=8)
    seed_county(database, "Durham", voters=2)
    with database.session() as s:
        kim = members.add_member(s, county="Wake", state="NC", name="Kim Field", role="canvasser")
    device_id, _ = field_device(database, kim.id)
    hostile, *_ = contacts(database, device_id, [
        {"voter": ids[0], "result": "H"}, {"voter": ids[2], "result": "C", "support": 1, "note": "nice"},
        {"voter": ids[4], "result": "NH"}, {"voter": ids[6], "result": "R", "support": 5}])
    contacts(database, device_id, [{"voter": ids[0], "result": "H", "corrects_id": hostile}])  # undone


def test_the_figures_equal_stats_json_and_the_exports(browser: TestClient, database: dbmod.Database, db_url: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    _seed_results(database)
    admin = console_user(database, role="admin", name="Ada Admin")
    assert main(["stats", "--json", "--database", db_url]) == 0
    stats = {r["county"]: r for r in json.loads(capsys.readouterr().out)}
    assert log_in(browser, admin).status_code == 303
    wake = stats["Wake"]
    assert wake["results"] == {"C": 1, "NH": 1, "R": 1}
    page = browser.get("/console/county/1").text
    assert f'<span class="n" id="doors">{wake["doors"]}</span>' in page
    assert f'<span class="n" id="attempts">{wake["contact_attempts"]}</span>' in page
    assert '<span class="n" id="contacts">2</span>' in page  # C and R: someone spoke
    for code, n in wake["results"].items():
        assert f'<tr><td>{code}</td><td class="num">{n}</td></tr>' in page
    assert "<tr><td>H</td>" not in page
    nation = browser.get("/console/").text
    total = sum(r["contact_attempts"] for r in stats.values())
    assert f'<span class="n" id="attempts">{total}</span>' in nation
    assert browser.get("/console/state/NC").status_code == 200
    exported = browser.get("/console/exports/contacts.csv?county=1")
    assert exported.status_code == 200
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert len(rows) == wake["contact_attempts"]
    assert sorted(r["result"] for r in rows) == sorted(c for c, n in wake["results"].items() for _ in range(n))
    osdi = browser.get("/console/exports/contacts.json?county=1&from=2026-05-01&to=2026-05-01").json()
    assert len(osdi) == len(rows)
    assert {r["canvass"]["status_code"] for r in osdi} == {"", "not-home", "refused"}
    assert browser.get("/console/exports/contacts.json?county=1&from=2026-05-02").json() == []
    for bad in ("May", "2026-02-30", "2026-W18-5"):
        refused = browser.get(f"/console/exports/contacts.csv?county=1&from={bad}")
        assert refused.status_code == 400 and "written like 2026-11-03" in refused.text
    # The host's `canvass-server export` streams the same rows.
    assert main(["export", "--format", "csv", "--county", "wake", "--state", "nc", "--database", db_url]) == 0
    assert capsys.readouterr().out == exported.text
    assert main(["export", "--format", "osdi", "--county", "Wake", "--state", "NC", "--from", "2026-05-01",
                 "--database", db_url]) == 0
    assert json.loads(capsys.readouterr().out) == osdi
    assert main(["export", "--format", "csv", "--county", "Nowhere", "--state", "NC", "--database", db_url]) == 2
    assert "no county Nowhere" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "--county", "Wake", "--state", "NC", "--to", "2026-02-30", "--database", db_url])
    assert "'2026-02-30' is not a day of the calendar" in capsys.readouterr().err


def test_canvassers_flags_fast_doors_and_repeated_notes(browser: TestClient, database: dbmod.Database) -> None:
    ids = seed_county(database, "Wake", voters=40)
    with database.session() as s:
        kim = members.add_member(s, county="Wake", state="NC", name="Kim Field", role="canvasser")
    device_id, _ = field_device(database, kim.id)
    contacts(database, device_id, [  # 20 doors in 19 minutes, each with the same note
        {"voter": ids[2 * k], "result": "C", "note": "Great chat", "created_at": f"2026-05-01T12:{k:02d}:00+00:00"}
        for k in range(20)])
    admin = console_user(database, role="admin", name="Ada Admin")
    assert log_in(browser, admin).status_code == 303
    page = browser.get("/console/canvassers?county=1").text
    assert "Kim Field" in page
    assert "20 doors in 19 min on 2026-05-01" in page
    assert "the same note 20 times" in page


def test_canvassers_are_paged_busiest_first_with_their_flags(browser: TestClient, database: dbmod.Database,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(canvassers, "PAGE_SIZE", 2)
    ids = seed_county(database, "Wake", voters=40)
    for k, name in enumerate(["Ann", "Bo", "Cy", "Di", "Ed"]):  # Ann 5 results ... Ed 1
        with database.session() as s:
            m = members.add_member(s, county="Wake", state="NC", name=name, role="canvasser")
        device_id, _ = field_device(database, m.id, label=name)
        contacts(database, device_id, [{"voter": ids[8 * k + j], "result": "C", "note": "same"} for j in range(5 - k)])
    admin = console_user(database, role="admin", name="Ada Admin")
    assert log_in(browser, admin).status_code == 303

    def names(html: str) -> list[str]:
        return re.findall(r"<tr><td>(\w+)</td><td>canvasser</td>", html)

    first = browser.get("/console/canvassers?county=1").text
    assert names(first) == ["Ann", "Bo"]
    assert "Canvassers 1–2 of 5" in first and 'href="/console/canvassers?county=1&amp;page=2" rel="next"' in first
    second = browser.get("/console/canvassers?county=1&page=2").text
    assert names(second) == ["Cy", "Di"] and "the same note 3 times" in second  # Cy's flag on Cy's page
    assert 'rel="prev"' in second and '<span aria-current="page">2</span>' in second
    last = browser.get("/console/canvassers?county=1&page=99").text  # past the end: the last page
    assert names(last) == ["Ed"] and 'rel="next"' not in last
    assert names(browser.get("/console/canvassers?page=3").text) == ["Ed"]  # every county
    assert browser.get("/console/canvassers?page=0").status_code == 400


def test_every_page_renders_for_an_admin(browser: TestClient, database: dbmod.Database) -> None:
    _seed_results(database)
    admin = console_user(database, role="admin", name="Ada Admin")
    assert log_in(browser, admin).status_code == 303
    for path in ("/console/", "/console/state/NC", "/console/county/1", "/console/canvassers",
                 "/console/canvassers?county=1", "/console/members?county=1", "/console/ballots",
                 "/console/exports", "/console/audit"):
        r = browser.get(path)
        assert r.status_code == 200, (path, r.text[:500])
    assert "Kim Field" in browser.get("/console/canvassers?county=1").text


def test_console_user_command(db_url: str, database: dbmod.Database, capsys: pytest.CaptureFixture[str],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    with database.session() as s:
        lead = members.add_member(s, county="Wake", state="NC", name="Lee", role="county_lead")
        pat = members.add_member(s, county="Wake", state="NC", name="Pat", role="canvasser")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["console-user", str(lead.id), "--password-stdin", "--json", "--database", db_url]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["member_id"] == lead.id and out["otpauth_uri"].startswith("otpauth://totp/")
    assert Login(lead.id, out["totp_secret"]).code()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["console-user", str(pat.id), "--password-stdin", "--database", db_url]) == 2
    assert "console logins are for county leads and admins" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["console-user", str(lead.id), "--password-stdin", "--database", db_url]) == 2
    assert "at least 12 characters" in capsys.readouterr().err


def test_a_lead_opens_and_closes_a_ballot_of_their_county(browser: TestClient, database: dbmod.Database) -> None:
    seed_county(database, "Wake", voters=2)
    lead = console_user(database)
    with database.session() as s:
        s.add(PolicyBrief(slug="transit", title="Free buses", category="transit", status="proposed"))
    assert log_in(browser, lead).status_code == 303
    csrf = csrf_of(browser.get("/console/ballots").text)
    opened = browser.post("/console/ballots", data={"csrf": csrf, "brief": "transit", "scope": "county",
                                                    "county": "1", "closes": "2099-01-01T12:00", "quorum": "0.5",
                                                    "threshold": "0.5"})
    assert opened.status_code == 200 and "Free buses" in opened.text and "0 / 1" in opened.text
    refused = browser.post("/console/ballots", data={"csrf": csrf, "brief": "transit", "scope": "national",
                                                     "closes": "2099-01-01T12:00"})
    assert refused.status_code == 400 and "county leads open ballots of their own county" in refused.text
    closed = browser.post("/console/ballots/1/close", data={"csrf": csrf})
    assert closed.status_code == 200 and "not passed" in closed.text
    with database.session() as s:
        actions = [a.action for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["login", "ballot_open", "ballot_close"]


def test_bad_input_gets_a_page_not_a_traceback(browser: TestClient, database: dbmod.Database) -> None:
    seed_county(database, "Wake", voters=2)
    lead = console_user(database)
    assert log_in(browser, lead).status_code == 303
    r = browser.get("/console/county/abc")
    assert r.status_code == 400 and "Check what you typed in: county_id" in r.text
    csrf = csrf_of(browser.get("/console/members").text)
    r = browser.post("/console/members", data={"csrf": csrf, "county": "1", "name": " ", "role": "canvasser"})
    assert r.status_code == 400 and "give the member&#39;s name" in r.text
    assert browser.get("/console/county/999").status_code == 404
