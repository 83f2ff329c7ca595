"""Shared fixtures: an encrypted store in a temp dir, opened the way the app opens it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# No test may reach the developer's real keychain or real data dir.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("CANVASS_DATA_DIR", None)

from helpers.pg import pg_cluster  # noqa: E402, F401  (one throwaway PostgreSQL per session, for server and e2e)

from canvass_app.store.database import Store, open_store  # noqa: E402

TEST_PASSPHRASE = "correct horse battery"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CANVASS_PASSPHRASE", TEST_PASSPHRASE)
    path = tmp_path / "data"
    monkeypatch.setenv("CANVASS_DATA_DIR", str(path))
    return path


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = open_store(data_dir)
    yield s
    s.close()
