"""Where Canvass finds its shipped files and keeps its data and logs (data dir: --data-dir or CANVASS_DATA_DIR)."""

from __future__ import annotations

import logging
import logging.handlers
import os
import shutil
from importlib.resources import as_file, files
from pathlib import Path

import platformdirs

APP = "canvass"
DATA_DIR_ENV = "CANVASS_DATA_DIR"
# `resources/` at the top of the repository is installed as the package `canvass_app.resources` (setup.py maps it),
# so one lookup works in an editable checkout, a plain `pip install .` and the frozen app.
RESOURCES_PACKAGE = "canvass_app.resources"


def resource_path(*parts: str) -> Path:
    """The path of a shipped file or folder, e.g. resource_path("fonts", "DejaVuSans.ttf").

    Resources are installed as real files (never zipped), so the path stays valid after the call."""
    with as_file(files(RESOURCES_PACKAGE).joinpath(*parts)) as path:
        return Path(path)


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data dir: the explicit argument, else $CANVASS_DATA_DIR, else the platform's user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


PRIVATE_DIR = "private"  # under the data dir: plaintext that must leave the encrypted store for a while


def private_dir(data: Path) -> Path:
    """A directory only this account can read (0700) for plaintext voter data outside the store (walk-list
    previews); the remote wipe removes it (`remove_private`)."""
    path = data / PRIVATE_DIR
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def remove_private(data: Path) -> None:
    shutil.rmtree(data / PRIVATE_DIR, ignore_errors=True)


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP, appauthor=False))


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log to a rotating file in the user log dir. Log lines never carry voter data (ids and counts only)."""
    root = logging.getLogger()
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return None
    try:
        directory = log_dir()
        directory.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            directory / "canvass.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:  # a read-only home must not stop the app
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return directory / "canvass.log"
