"""The HQ console in a real browser: Debian's headless chromium, driven by Playwright against the real server.

Log in with password and TOTP, drill down from the nation to a county and a turf, add a member, make an
enrollment code, revoke a device (its next sync is refused), download an export and check its rows. A screenshot
of every page is saved (to $CANVASS_SHOTS_DIR when set) for a person to look at. Every page is checked with
axe-core (installed from the npm registry by `make js-deps` into tests/e2e/axe/): no serious or critical violation.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from cluster import free_port
from helpers.console import PASSWORD, Login, contacts, field_device
from helpers.server import seed_county
from playwright.sync_api import Page, sync_playwright

from canvass_server import db as dbmod
from canvass_server import members, rollups
from canvass_server.models import PolicyBrief, Turf, TurfLine, Voter

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="Debian's chromium is not installed: run `make system-deps`")


def _browser_page(**context_options: object) -> Iterator[Page]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900},
                                      **context_options)  # type: ignore[arg-type]
        yield context.new_page()
        context.close()
        browser.close()


@pytest.fixture
def page() -> Iterator[Page]:
    yield from _browser_page()


@pytest.fixture
def axe_page() -> Iterator[Page]:
    """A page that may run axe-core: the console's CSP forbids every script, so this context bypasses it."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make js-deps` (npm ci in tests/e2e/axe)")
    yield from _browser_page(bypass_csp=True)


@dataclass
class Hq:
    """`canvass-server init` and `serve` in a child process on loopback, set up with the documented commands."""

    url: str
    env: dict[str, str]
    database: dbmod.Database
    key_id: str

    def cli(self, *args: str, stdin: str = "") -> dict[str, object]:
        done = subprocess.run([sys.executable, "-m", "canvass_server.cli", *args, "--json"], env=self.env,
                              input=stdin, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return dict(json.loads(done.stdout))

    def console_user(self, *, role: str, name: str) -> Login:
        member = self.cli("members", "add", "--county", "Wake", "--state", "NC", "--name", name, "--role", role)
        made = self.cli("console-user", str(member["id"]), "--password-stdin", stdin=PASSWORD + "\n")
        return Login(int(str(made["member_id"])), str(made["totp_secret"]))


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[Hq]:
    home = tmp_path / "hq"
    env = {"PATH": os.environ.get("PATH", ""), "CANVASS_SERVER_HOME": str(home), "CANVASS_PORT": str(free_port())}
    url = f"sqlite:///{home / 'canvass-server.db'}"
    init = subprocess.run([sys.executable, "-m", "canvass_server.cli", "init", "--json"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert init.returncode == 0, init.stderr
    made = Hq(f"http://127.0.0.1:{env['CANVASS_PORT']}", env, dbmod.Database.connect(url),
                json.loads(init.stdout)["key_id"])
    log = open(home / "server.log", "wb")  # noqa: SIM115 (the child keeps it)
    process = subprocess.Popen([sys.executable, "-m", "canvass_server.cli", "serve", "--log-level", "warning"],
                               env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (home / "server.log").read_text()[-2000:]
            try:
                if httpx.get(made.url + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "the server did not answer within 60 s"
                time.sleep(0.2)
        yield made
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
        made.database.dispose()


def _shot(page: Page, tmp_path: Path, name: str) -> None:
    where = Path(os.environ.get("CANVASS_SHOTS_DIR", tmp_path))
    where.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(where / f"console-{name}.png"), full_page=True)


def _log_in(page: Page, base: str, login: Login) -> None:
    page.goto(base + "/console/login")
    page.get_by_label("Member number or email").fill(str(login.member_id))
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Code from your authenticator app").fill(login.code())
    page.get_by_role("button", name="Log in").click()


def _seed(hq: Hq) -> tuple[Login, Login, str, str]:
    ids = seed_county(hq.database, "Wake", "NC", voters=12)
    lead = hq.console_user(role="county_lead", name="Lee Lead")
    admin = hq.console_user(role="admin", name="Ada Admin")
    with hq.database.session() as s:
        kim = members.add_member(s, county="Wake", state="NC", name="Kim Field", role="canvasser")
        voters = s.query(Voter).order_by(Voter.id).limit(6).all()
        turf = Turf(county_id=voters[0].county_id, list_number="T1-0001", name="Main St north")
        s.add(turf)
        s.flush()
        s.add_all([TurfLine(turf_id=turf.id, line=n + 1, voter_id=v.id) for n, v in enumerate(voters)])
        s.flush()
        rollups.refresh_turfs(s, turf_ids=[turf.id])  # as a turf_cut does
        s.add(PolicyBrief(slug="transit", title="Free buses", category="transit", status="proposed"))
    device_id, token = field_device(hq.database, kim.id)
    contacts(hq.database, device_id, [{"voter": ids[0], "result": "C", "support": 1},
                                      {"voter": ids[2], "result": "NH"},
                                      {"voter": ids[8], "result": "R", "support": 4}])
    return lead, admin, device_id, token


def _crowd(hq: Hq, n: int) -> None:
    """`n` more canvassers of Wake, each with a result or three: more than a page of the Canvassers page."""
    with hq.database.session() as s:
        voters = [v.state_voter_id for v in s.query(Voter).order_by(Voter.id).limit(6)]
    for k in range(n):
        with hq.database.session() as s:
            m = members.add_member(s, county="Wake", state="NC", name=f"Walker {k:03d}", role="canvasser")
        device_id, _ = field_device(hq.database, m.id, label=f"laptop {k}")
        contacts(hq.database, device_id, [{"voter": voters[(k + j) % len(voters)], "result": "NH"}
                                          for j in range(1 + k % 3)])


def test_a_lead_and_an_admin_run_the_field_from_the_console(hq: Hq, page: Page, tmp_path: Path) -> None:
    lead, admin, device_id, token = _seed(hq)
    p = page

    p.goto(hq.url + "/console/login")
    _shot(p, tmp_path, "login")
    _log_in(p, hq.url, admin)
    assert p.locator("h1").inner_text() == "Nation"
    assert p.locator("#attempts").inner_text() == "3"
    _shot(p, tmp_path, "nation")
    p.get_by_role("link", name="NC").click()
    assert p.locator("h1").inner_text() == "NC"
    _shot(p, tmp_path, "state")
    p.get_by_role("link", name="Wake").click()
    assert p.locator("h1").inner_text() == "Wake NC"
    assert p.locator("#doors").inner_text() == "3"
    assert p.locator("#contacts").inner_text() == "2"
    _shot(p, tmp_path, "county")
    p.get_by_role("link", name="T1-0001").click()
    assert p.locator("#attempts").inner_text() == "2"  # ids[0] and ids[2] walk it
    _shot(p, tmp_path, "turf")
    p.get_by_role("link", name="Canvassers").click()
    _shot(p, tmp_path, "canvassers")
    p.get_by_role("link", name="Ballots").click()
    p.get_by_label("County (county scope)").select_option(label="Wake NC")
    p.get_by_role("button", name="Open ballot").click()
    assert p.get_by_role("cell", name="Free buses").is_visible()
    _shot(p, tmp_path, "ballots")
    p.get_by_role("link", name="Audit log").click()
    assert p.get_by_role("cell", name="ballot open").is_visible()
    _shot(p, tmp_path, "audit")
    p.get_by_role("button", name="Log out").click()

    _log_in(p, hq.url, lead)  # a county lead lands on their county
    assert p.locator("h1").inner_text() == "Wake NC"
    p.get_by_role("link", name="Members & devices").click()
    p.get_by_label("Name").fill("Sam Walker")
    p.get_by_label("Role").select_option("canvasser")
    p.get_by_role("button", name="Add member").click()
    assert p.get_by_role("cell", name="Sam Walker", exact=True).is_visible()
    _shot(p, tmp_path, "members")
    p.get_by_role("button", name="Make code for Sam Walker").click()
    code = p.locator("#code").inner_text()
    assert len(code) == 14 and code.count("-") == 2
    assert p.locator("#fingerprint").inner_text() == hq.key_id
    assert p.locator("figure svg").count() == 1
    _shot(p, tmp_path, "code")
    p.get_by_role("link", name="Back to members and devices").click()
    p.locator("summary", has_text="Revoke…").first.click()
    p.get_by_role("button", name=f"Revoke device {device_id[:8]}").click()
    assert "revoked device" in p.locator(".done").inner_text()
    auth = {"Authorization": f"Bearer {token}"}
    assert httpx.get(hq.url + "/v1/device", headers=auth).json()["status"] == "revoked"
    assert httpx.post(hq.url + "/v1/batches", content=b"x", headers=auth).status_code == 403

    p.get_by_role("link", name="Exports").click()
    _shot(p, tmp_path, "exports")
    with p.expect_download() as info:
        p.get_by_role("button", name="Download CSV").click()
    path = info.value.path()
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["result"] for r in rows) == ["C", "NH", "R"]
    assert {r["canvasser"] for r in rows} == {"Kim Field"}

    p.goto(hq.url + "/console/county/999")
    assert p.locator("h1").inner_text() in ("Not yours to see", "That did not work")


def _axe_problems(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page, one line per element."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
        .filter(v => v.impact === "serious" || v.impact === "critical")
        .flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}): ${n.target.join(" ")}: ${v.help}`))""")
    return [str(line) for line in found]


def test_every_console_page_passes_axe(hq: Hq, axe_page: Page, tmp_path: Path) -> None:
    lead, admin, device_id, _ = _seed(hq)
    p = axe_page
    problems: dict[str, list[str]] = {}

    def check(name: str) -> None:
        problems[name] = _axe_problems(p)

    p.goto(hq.url + "/console/login")
    check("login")
    p.get_by_label("Member number or email").fill(str(admin.member_id))
    p.get_by_label("Password").fill("not the password")
    p.get_by_label("Code from your authenticator app").fill("000000")
    p.get_by_role("button", name="Log in").click()
    check("login refused")
    _log_in(p, hq.url, admin)
    check("nation")
    p.get_by_role("link", name="NC").click()
    check("state")
    p.get_by_role("link", name="Wake").click()
    check("county")
    p.get_by_role("link", name="T1-0001").click()
    check("turf")
    for name in ("Canvassers", "Members & devices", "Ballots", "Exports"):
        p.get_by_role("link", name=name).click()
        check(name)
    p.get_by_role("link", name="Ballots").click()
    p.get_by_label("County (county scope)").select_option(label="Wake NC")
    p.get_by_role("button", name="Open ballot").click()
    check("ballots with one open")
    p.get_by_role("link", name="Members & devices").click()
    p.get_by_role("button", name="Show").click()  # an admin picks the county first
    check("members of a county")
    p.get_by_role("button", name="Make code for Kim Field").click()
    check("enrollment code")
    p.get_by_role("link", name="Audit log").click()
    check("audit log")
    p.goto(hq.url + "/console/county/999")
    check("error page")
    _crowd(hq, 110)  # the Canvassers page in pages, and its links to the others
    p.goto(hq.url + "/console/canvassers")
    assert "Canvassers 1–100 of 111" in p.content()
    check("canvassers, first page")
    _shot(p, tmp_path, "canvassers-page-1")
    p.get_by_role("link", name="Next ›").focus()  # the pager is links: reached and followed by keyboard
    p.keyboard.press("Enter")
    p.wait_for_url("**/canvassers?page=2")
    assert "Canvassers 101–111 of 111" in p.content()
    check("canvassers, last page")
    _shot(p, tmp_path, "canvassers-page-2")
    bad = {name: lines for name, lines in problems.items() if lines}
    assert not bad, "\n".join(f"{name}: {line}" for name, lines in bad.items() for line in lines)
