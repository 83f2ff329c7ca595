"""The plain install: the wheel carries the packages, resources/ as canvass_app.resources, and both migrations."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    (built,) = out.glob("canvass-*.whl")
    return zipfile.ZipFile(built)


def test_the_wheel_ships_every_resource(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    shipped = {p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    assert shipped, "resources/ is empty"
    missing = sorted(f for f in shipped if f"canvass_app/resources/{f}" not in names)
    assert not missing


def test_the_wheel_ships_packages_and_migrations(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for module in ("canvass_protocol/wire.py", "canvass_formats/voterfile/reader.py", "canvass_app/cli/main.py",
                   "canvass_app/store/migrations/env.py", "canvass_server/migrations/env.py"):
        assert module in names, module
    for tree in ("canvass_app/store/migrations/versions", "canvass_server/migrations/versions"):
        local = {p.name for p in (ROOT / tree).glob("*.py")}
        assert local and {f"{tree}/{n}" for n in local} <= names, tree
