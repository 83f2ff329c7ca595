"""Server settings, declared once and read from `CANVASS_*` environment variables (every worker agrees)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import platformdirs
from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "CANVASS_"
DATABASE_ENV = "CANVASS_DATABASE_URL"
HOME_ENV = "CANVASS_SERVER_HOME"
KEY_FILE_ENV = "CANVASS_SERVER_KEY_FILE"
KEY_ENV = "CANVASS_SERVER_PRIVATE_KEY"


def _default_home() -> Path:
    return Path(platformdirs.user_data_dir("canvass-server"))


class Settings(BaseSettings):
    """Every setting of a server node. Keyword arguments win over the environment, which wins over defaults."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", case_sensitive=False)

    server_home: Path = Field(
        default_factory=_default_home,
        description="Directory for the default SQLite database and the default key file "
                    "(default: the platform's user data directory for canvass-server).")
    database_url: str = Field(
        default="",
        description="SQLAlchemy URL of the database: postgresql://user:pass@host:5432/db (psycopg 3 is used) "
                    "for any real deployment, or sqlite:///path for one machine. Default: SQLite "
                    "canvass-server.db in CANVASS_SERVER_HOME.")
    server_key_file: Path | None = Field(
        default=None,
        description="File holding the server's private keys, X25519 HPKE then Ed25519 signing (base64, one per line, "
                    "mode 0600); `init` creates it. Default: hpke-private.key in CANVASS_SERVER_HOME.")
    server_private_key: SecretStr | None = Field(
        default=None,
        description="The server's private keys themselves (the key file's two base64 lines, HPKE then signing, "
                    "separated by a space or newline), for nodes that get secrets from the environment; when set, "
                    "the key file is not read. Every node must hold the same keys.")
    max_batch_bytes: int = Field(
        default=4 * 1024 * 1024, gt=0,
        description="Largest sealed batch a device may POST, in bytes; larger ones get 413.")
    max_plaintext_bytes: int = Field(
        default=32 * 1024 * 1024, gt=0,
        description="Largest decompressed batch body, in bytes (guards against compression bombs).")
    max_ops_per_batch: int = Field(default=5000, gt=0, description="Most ops one batch may carry.")
    max_request_bytes: int = Field(
        default=16 * 1024, gt=0,
        description="Largest body of any other request (enrollment, members, codes, console forms), in bytes; "
                    "checked before the body is read.")
    body_timeout_seconds: float = Field(
        default=120.0, gt=0, description="Longest a request body may take to arrive; slower ones get 408.")
    header_timeout_seconds: float = Field(
        default=10.0, gt=0,
        description="`serve`: a connection whose request headers are not complete this long after it opened "
                    "(or after its previous answer) is closed.")
    keep_alive_seconds: int = Field(
        default=5, gt=0, description="`serve`: idle keep-alive connections are closed after this long.")
    max_connections: int = Field(
        default=1000, gt=0,
        description="`serve`: open connections per worker; past it new requests get 503 at once.")
    rate_limit_per_minute: int = Field(
        default=600, gt=0,
        description="Most batches one device may send per minute, failed ones included (those counted per worker "
                    "process); more get 429.")
    failed_batches_per_minute: int = Field(
        default=30, gt=0, le=10_000,
        description="Most refused batches (seq gaps, bad signatures, garbage, oversize...) one "
                    "device may send per minute, counted per worker process; past it every batch of the device gets "
                    "429 before its body is read, so a rogue device cannot spend the server's CPU opening bad batches.")
    page_size: int = Field(default=500, gt=0, le=10000, description="Items per page of GET /v1/changes.")
    db_pool_size: int = Field(
        default=5, gt=0,
        description="PostgreSQL connections each worker process keeps open (up to 10 more under load).")
    ingest_concurrency: int = Field(
        default=4, gt=0,
        description="Batches each worker process applies at once; more wait their turn (their bodies already read). "
                    "Keep it at or below CANVASS_DB_POOL_SIZE.")
    rollup_drain_seconds: float = Field(
        default=0.25, ge=0,
        description="How often each worker process counts the contacts that pushes queued into the console's "
                    "rollups, at most (while little is queued it waits up to 8x as long; one process at a time; "
                    "the console's pages and `stats` count what is queued before they read, so they are exact "
                    "whatever this is). 0: `serve` does not count them; one `canvass-server drain` per "
                    "deployment does, in a process of its own (docs/deploy.md).")
    db_prepared_statements: bool = Field(
        default=True,
        description="Let psycopg prepare statements it runs often, on the server. Set false when "
                    "CANVASS_DATABASE_URL points at PgBouncer in transaction mode (a prepared statement lives on one "
                    "server connection; the next transaction may get another).")
    host: str = Field(default="127.0.0.1", description="Address `serve` listens on (use 0.0.0.0 behind a proxy).")
    port: int = Field(default=8400, gt=0, lt=65536, description="Port `serve` listens on.")
    workers: int = Field(default=1, gt=0, description="Worker processes `serve` starts.")
    log_level: str = Field(default="info", description="critical, error, warning, info or debug.")
    tls_certfile: Path | None = Field(
        default=None,
        description="PEM certificate for HTTPS served by `serve` itself; leave unset when a load balancer "
                    "terminates TLS. Devices refuse plain HTTP except on loopback.")
    tls_keyfile: Path | None = Field(default=None, description="PEM private key of CANVASS_TLS_CERTFILE.")

    @model_validator(mode="after")
    def _defaults_from_home(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite:///{self.server_home / 'canvass-server.db'}"
        if bool(self.tls_certfile) != bool(self.tls_keyfile):
            raise ValueError("set both CANVASS_TLS_CERTFILE and CANVASS_TLS_KEYFILE, or neither")
        return self

    @property
    def key_file(self) -> Path:
        return self.server_key_file or self.server_home / "hpke-private.key"

    @classmethod
    def from_env(cls, database_url: str | None = None, **overrides: Any) -> Settings:
        """The environment's settings, with a `--database` style override when given."""
        if database_url:
            overrides["database_url"] = database_url
        return cls(**overrides)


def env_name(field: str) -> str:
    return ENV_PREFIX + field.upper()


def describe() -> list[tuple[str, str, str]]:
    """(environment variable, default, description) of every setting, for `canvass-server settings` and docs."""
    rows = []
    for name, info in Settings.model_fields.items():
        default = "" if info.default_factory is not None or info.default in (None, "") else str(info.default)
        rows.append((env_name(name), default, info.description or ""))
    return rows
