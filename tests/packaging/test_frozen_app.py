"""The installable app: PyInstaller builds the one-folder bundle and the frozen binary passes its self-test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from canvass_app.ui.self_test import CHECKS

ROOT = Path(__file__).resolve().parents[2]
BINARY = ROOT / "dist" / "canvass-app" / ("canvass-app.exe" if sys.platform == "win32" else "canvass-app")


def _inputs() -> list[Path]:
    files = [ROOT / "build.spec", ROOT / "pyproject.toml", ROOT / "setup.py"]
    for folder in ("canvass_app", "canvass_protocol", "canvass_formats", "resources"):
        files += [p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return files


def _fresh() -> bool:
    """A bundle built after every source, resource and the spec changed can be reused (local runs)."""
    if not BINARY.exists():
        return False
    built = BINARY.stat().st_mtime
    return all(p.stat().st_mtime <= built for p in _inputs())


@pytest.fixture(scope="module")
def frozen_app() -> Path:
    if not _fresh():
        build = subprocess.run(["make", "dist"], cwd=ROOT, capture_output=True, text=True)
        assert build.returncode == 0, f"make dist failed:\n{build.stdout[-4000:]}\n{build.stderr[-4000:]}"
    assert BINARY.exists()
    return BINARY


def _expected(check: str) -> str:
    return f"{check}: ok - "


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_frozen_app_passes_its_self_test(frozen_app: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CANVASS_")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "share"),
               XDG_STATE_HOME=str(tmp_path / "state"), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    run = subprocess.run([str(frozen_app), "--self-test"], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=300)
    lines = run.stdout.splitlines()
    assert run.returncode == 0, run.stdout + run.stderr
    for check in CHECKS:
        expected = _expected(check)
        assert any(line.startswith(expected) for line in lines), f"no line {expected!r} in:\n{run.stdout}"
    skipped = sum(": skipped: " in line for line in lines)
    assert lines[-1].startswith(f"self-test: {len(CHECKS) - skipped} passed, 0 failed, {skipped} skipped")


@pytest.mark.slow
def test_frozen_bundle_carries_resources_and_version(frozen_app: Path) -> None:
    internal = frozen_app.parent / "_internal"
    res = "canvass_app/resources"
    for wanted in (f"{res}/translations/canvass_es.qm", f"{res}/translations/canvass_es.ts", f"{res}/icons/canvass.svg",
                   f"{res}/fonts/DejaVuSans.ttf", f"{res}/canvass-app.desktop", f"{res}/selftest/voters.csv",
                   "canvass_app/store/migrations/env.py"):
        assert (internal / wanted).is_file(), wanted
    assert not list(internal.glob("canvass_server*")), "the server must not be in the desktop bundle"
    version = subprocess.run([str(frozen_app), "--version"], capture_output=True, text=True, timeout=60)
    from canvass_app import __version__

    assert version.stdout.strip() == f"canvass-app {__version__}"
