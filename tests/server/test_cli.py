"""The `canvass-server` admin CLI, in process: init, codes, devices, revoke, import, publish, stats."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest
from helpers.server import Device

from canvass_server.cli import main
from canvass_server.db import Database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The conftest's `cli`, with the server key in a file of this test's own."""
    monkeypatch.setenv("CANVASS_SERVER_KEY_FILE", str(tmp_path / "keys" / "server.key"))
    monkeypatch.delenv("CANVASS_SERVER_PRIVATE_KEY", raising=False)
    return cli


def test_init_on_a_fresh_machine_uses_sqlite_and_a_private_key_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CANVASS_SERVER_HOME", str(tmp_path / "home"))
    for name in ("CANVASS_DATABASE_URL", "CANVASS_SERVER_KEY_FILE", "CANVASS_SERVER_PRIVATE_KEY"):
        monkeypatch.delenv(name, raising=False)
    assert main(["init"]) == 0
    first = capsys.readouterr().out
    assert "schema ready on sqlite" in first
    key = tmp_path / "home" / "hpke-private.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert key.read_text().strip() not in first
    assert main(["init", "--json"]) == 0  # again: the same key, nothing lost
    again = json.loads(capsys.readouterr().out)
    assert again["key_created"] is False
    assert again["key_id"] in first
    assert (tmp_path / "home" / "canvass-server.db").exists()


def test_admin_commands(cli: Any, database: Database, tmp_path: Path) -> None:
    assert cli("init")[0] == 0
    code, out, _ = cli("enrollment-code", "--county", "Wake", "--state", "NC", "--role", "county_lead", "--json")
    assert code == 0
    enrollment = json.loads(out)
    assert enrollment["county"] == "Wake"

    voters = tmp_path / "wake.csv"
    voters.write_text("Voter ID,First Name,Last Name,Address,Zip,Birth Year\n"
                      "W1,Ann,Lee,12 Main St,27601,1970\nW2,Bo,Lee,12 Main St,27601,1972\n"
                      "W3,Cy,Park,7 Oak Ave Apt 2,27601,1990\n,No,Id,9 Elm St,27601,1980\n")
    code, out, _ = cli("import-voters", str(voters), "--county", "Wake", "--state", "NC", "--json")
    assert code == 0, out
    result = json.loads(out)
    assert (result["inserted"], result["households"], len(result["rejected"])) == (3, 2, 1)
    assert result["rejected"][0][0] == 5  # the row number in the file
    voters.write_text("Voter ID,First Name,Last Name,Address,Zip,Birth Year\nW1,Ann,Lee,14 Main St,27601,1970\n")
    code, out, _ = cli("import-voters", str(voters), "--county", "Wake", "--state", "NC")
    assert code == 0
    assert "1 updated" in out
    assert "2 no longer in the file" in out

    from fastapi.testclient import TestClient

    from canvass_server.app import create_app
    from canvass_server.config import Settings
    from canvass_server.keys import load
    settings = Settings.from_env()
    app = create_app(settings, load(settings))
    with TestClient(app) as client:
        dev = Device(client, enrollment["code"])
        assert dev.push(dev.contact("W1", "C"), dev.contact("W2", "NH")).status_code == 200
        homes = dev.pull_all("households")[0]
        assert {h["street_key"] for h in homes} >= {"MAIN ST", "OAK AVE"}
    app.state.db.dispose()

    code, out, _ = cli("publish-briefs", str(ROOT / "resources" / "content"))
    assert code == 0, out
    assert "published" in out
    code, out, _ = cli("stats", "--json")
    assert code == 0
    wake = json.loads(out)[0]
    assert (wake["county"], wake["devices"], wake["contact_attempts"], wake["doors"]) == ("Wake", 1, 2, 2)
    assert wake["results"] == {"C": 1, "NH": 1}
    code, out, _ = cli("stats")
    assert "Wake NC: 1 devices, 2 contact attempts, 2 doors" in out

    code, out, _ = cli("devices")
    assert dev.device_id in out
    assert cli("revoke", dev.device_id)[0] == 0
    code, _, err = cli("revoke", "no-such-device")
    assert code == 2
    assert "no device" in err


def test_clear_failures(cli: Any, tmp_path: Path) -> None:
    assert cli("init")[0] == 0
    code, _, err = cli("import-voters", str(tmp_path / "missing.csv"), "--county", "Wake", "--state", "NC")
    assert code == 2
    assert "missing.csv" in err
    bad = tmp_path / "content"
    bad.mkdir()
    code, _, err = cli("publish-briefs", str(bad))
    assert code == 2
    assert "nothing published" in err
    assert "secured_rights.yaml" in err


def test_commands_before_init_say_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["devices", "--database", f"sqlite:///{tmp_path / 'new.db'}"]) == 2
    assert "canvass-server init" in capsys.readouterr().err
