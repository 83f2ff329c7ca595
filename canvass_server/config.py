"""Server settings, read once from the environment (so every worker process and instance agrees)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

DATABASE_ENV = "CANVASS_DATABASE_URL"
HOME_ENV = "CANVASS_SERVER_HOME"
KEY_FILE_ENV = "CANVASS_SERVER_KEY_FILE"
KEY_ENV = "CANVASS_SERVER_PRIVATE_KEY"


def server_home() -> Path:
    return Path(os.environ.get(HOME_ENV) or platformdirs.user_data_dir("canvass-server"))


def default_database_url() -> str:
    return f"sqlite:///{server_home() / 'canvass-server.db'}"


@dataclass(frozen=True)
class Settings:
    database_url: str
    key_file: Path
    max_batch_bytes: int = 4 * 1024 * 1024
    max_plaintext_bytes: int = 32 * 1024 * 1024
    max_ops_per_batch: int = 5000
    rate_limit_per_minute: int = 600
    page_size: int = 500

    @classmethod
    def from_env(cls, database_url: str | None = None) -> Settings:
        env = os.environ
        return cls(
            database_url=database_url or env.get(DATABASE_ENV) or default_database_url(),
            key_file=Path(env.get(KEY_FILE_ENV) or server_home() / "hpke-private.key"),
            max_batch_bytes=int(env.get("CANVASS_MAX_BATCH_BYTES", 4 * 1024 * 1024)),
            max_ops_per_batch=int(env.get("CANVASS_MAX_OPS_PER_BATCH", 5000)),
            rate_limit_per_minute=int(env.get("CANVASS_RATE_LIMIT_PER_MINUTE", 600)),
            page_size=int(env.get("CANVASS_PAGE_SIZE", 500)),
        )
