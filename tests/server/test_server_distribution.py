"""The server distribution (server/): it ships what the server imports, declares what it needs, and no Qt."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import time
import tomllib
import venv
from importlib.metadata import packages_distributions
from pathlib import Path

import httpx
import pytest
from cluster import free_port

ROOT = Path(__file__).resolve().parents[2]
SERVER = ROOT / "server"
SHIPPED_PACKAGES = ("canvass_server", "canvass_protocol", "canvass_formats")
DESKTOP_ONLY = {"pyside6", "pyside6-essentials", "shiboken6", "reportlab", "keyring", "sqlcipher3"}


def _norm(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def declared() -> set[str]:
    project = tomllib.loads((SERVER / "pyproject.toml").read_text())["project"]
    return {_norm(re.split(r"[\s\[<>=!~;]", spec, maxsplit=1)[0]) for spec in project["dependencies"]}


def shipped_patterns() -> list[str]:
    tree = ast.parse((SERVER / "setup.py").read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "SHIPPED" for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError("server/setup.py has no SHIPPED list")


def imported_top_levels() -> dict[str, str]:
    """Every absolute import's top-level name in the shipped packages -> one file that imports it."""
    found: dict[str, str] = {}
    for package in SHIPPED_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                for name in names:
                    found.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    return found


def test_no_desktop_dependency_is_declared() -> None:
    assert declared() & DESKTOP_ONLY == set()
    assert {"fastapi", "uvicorn", "psycopg", "sqlalchemy", "alembic", "pydantic-settings"} <= declared()


def test_every_package_the_server_imports_is_shipped() -> None:
    ours = {name for name in imported_top_levels() if name.startswith("canvass_")}
    shipped = {p.split(".")[0] for p in shipped_patterns()}
    assert ours <= shipped, f"imported but not in server/setup.py: {sorted(ours - shipped)}"
    assert "canvass_app" not in shipped


def test_every_third_party_import_comes_from_a_declared_dependency() -> None:
    providers = packages_distributions()
    needs = declared() | {"starlette"}  # starlette comes with fastapi, which the server is built on
    missing = []
    for module, where in sorted(imported_top_levels().items()):
        if module in sys.stdlib_module_names or module.startswith("canvass_") or module == "__future__":
            continue
        dists = {_norm(d) for d in providers.get(module, [])}
        if not dists & needs:
            missing.append(f"{module} (imported in {where}, provided by {sorted(dists) or 'nothing installed'})")
    assert not missing, "not declared in server/pyproject.toml: " + "; ".join(missing)


@pytest.mark.slow
def test_a_fresh_venv_installs_and_serves_without_qt(tmp_path: Path) -> None:
    """pip install ./server into an empty venv, then init, serve and /health, and no PySide6 in sight."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True, system_site_packages=False)
    python = env_dir / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", "./server"], cwd=ROOT,
                             capture_output=True, text=True, timeout=900)
    if install.returncode and ("No matching distribution" in install.stderr or "connection" in install.stderr):
        pytest.skip(f"no package index reachable: {install.stderr[-300:]}")
    assert install.returncode == 0, install.stderr[-2000:]
    assert subprocess.run([str(python), "-c", "import PySide6"], capture_output=True).returncode != 0
    assert subprocess.run([str(python), "-c", "import reportlab"], capture_output=True).returncode != 0
    env = {"PATH": os.environ.get("PATH", ""), "CANVASS_SERVER_HOME": str(tmp_path / "home"),
           "CANVASS_PORT": str(free_port())}
    tool = str(env_dir / "bin" / "canvass-server")
    init = subprocess.run([tool, "init"], env=env, capture_output=True, text=True, timeout=120)
    assert init.returncode == 0, init.stderr
    assert "schema ready on sqlite" in init.stdout
    proc = subprocess.Popen([tool, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            try:
                health = httpx.get(f"http://127.0.0.1:{env['CANVASS_PORT']}/health", timeout=1)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "the server did not answer within 60 s"
                time.sleep(0.2)
        assert health.json()["status"] == "ok"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
