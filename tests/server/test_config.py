"""Settings come from CANVASS_* variables (the names deployments already use), each described, and are shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canvass_server.cli import main
from canvass_server.config import Settings, describe

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for env, _, _ in describe():
        monkeypatch.delenv(env, raising=False)


def test_the_established_environment_names_are_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CANVASS_DATABASE_URL", "postgresql://canvass@db/canvass")
    monkeypatch.setenv("CANVASS_SERVER_HOME", str(tmp_path))
    monkeypatch.setenv("CANVASS_SERVER_KEY_FILE", str(tmp_path / "k.key"))
    monkeypatch.setenv("CANVASS_SERVER_PRIVATE_KEY", "c2VjcmV0")
    monkeypatch.setenv("CANVASS_MAX_BATCH_BYTES", "1000")
    monkeypatch.setenv("CANVASS_PAGE_SIZE", "50")
    monkeypatch.setenv("CANVASS_WORKERS", "4")
    s = Settings()
    assert s.database_url == "postgresql://canvass@db/canvass"
    assert s.key_file == tmp_path / "k.key"
    assert s.server_private_key is not None
    assert s.server_private_key.get_secret_value() == "c2VjcmV0"
    assert "c2VjcmV0" not in repr(s)
    assert (s.max_batch_bytes, s.page_size, s.workers) == (1000, 50, 4)
    assert Settings.from_env("sqlite:///x.db").database_url == "sqlite:///x.db"  # --database wins


def test_defaults_live_in_the_server_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CANVASS_SERVER_HOME", str(tmp_path))
    s = Settings()
    assert s.database_url == f"sqlite:///{tmp_path / 'canvass-server.db'}"
    assert s.key_file == tmp_path / "hpke-private.key"


def test_bad_values_name_the_setting(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CANVASS_PAGE_SIZE", "lots")
    assert main(["settings"]) == 2
    assert "page_size" in capsys.readouterr().err


def test_every_setting_is_described_and_documented() -> None:
    deploy = (ROOT / "docs" / "deploy.md").read_text()
    for env, _, description in describe():
        assert len(description) > 15, env
        assert f"`{env}`" in deploy, f"{env} is missing from docs/deploy.md"


def test_the_settings_command_shows_values_but_not_the_key(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CANVASS_SERVER_PRIVATE_KEY", "c2VjcmV0")
    monkeypatch.setenv("CANVASS_RATE_LIMIT_PER_MINUTE", "42")
    assert main(["settings", "--json"]) == 0
    rows = {r["env"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["CANVASS_RATE_LIMIT_PER_MINUTE"]["value"] == "42"
    assert rows["CANVASS_SERVER_PRIVATE_KEY"]["value"] == "(set, hidden)"
    assert rows["CANVASS_PORT"]["default"] == "8400"
