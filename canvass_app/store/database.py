"""The encrypted local store: SQLCipher engine, Alembic upgrade at open, and the unit of work.

Every user action opens one session with `store.session()`; services receive it and never make their own.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from canvass_app.store import keys, temp_files

log = logging.getLogger(__name__)

DB_FILE = "canvass.db"
MIGRATIONS = Path(__file__).parent / "migrations"
WAL_SIZE_LIMIT = 64 << 20


class StoreError(Exception):
    """The store cannot be opened; the message is for people."""


@dataclass
class Store:
    data_dir: Path
    engine: Engine
    key_kind: str

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back on any exception."""
        with self._sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILE


def make_engine(db_path: Path, key: bytes) -> Engine:
    """An engine on an SQLCipher file opened with a raw 256-bit key (no PBKDF2 per connection)."""
    url = URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(db_path))
    # Temporary files (sort runs, temp tables, statement journals) go to disk only through the encrypting VFS;
    # without it they stay in memory, SQLCipher's default, and a big sort holds all its keys in RAM.
    encrypted_temp = temp_files.install()
    # The pysqlcipher dialect defaults to SingletonThreadPool, which closes other threads' connections once more
    # than pool_size threads have used it (the GUI thread, the task runner's pools and autosync do): a connection
    # could be closed under a running statement. A QueuePool hands each checkout to one thread at a time.
    # hide_parameters: a failed statement's message (which the task runner logs) never carries voter data.
    engine = create_engine(url, poolclass=QueuePool, pool_size=5, max_overflow=10, hide_parameters=True,
                           connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=10000")
        # An import writes its whole county through the WAL (a 1M-voter county: about 1 GB); without a limit
        # the file keeps that size on disk after the checkpoint has copied it into the database.
        cur.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")
        if encrypted_temp:
            cur.execute("PRAGMA temp_store=FILE")
        cur.close()

    return engine


@contextmanager
def cache_size(conn: Connection, kib: int) -> Iterator[None]:
    """A page cache of `kib` KiB on this connection for the block, then the one it had: for bulk work on big
    tables, whose pages a small cache would read, decrypt, spill and read again."""
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{kib}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration; harmless when it already is there."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")


def open_store(
    data_dir: Path | str,
    *,
    prompt: keys.PassphrasePrompt | None = None,
    key: bytes | None = None,
    migrate: bool = True,
) -> Store:
    """Open (creating on first run) the encrypted store in data_dir and upgrade its schema.

    Raises StoreError with a plain message on a wrong key or passphrase; nothing is changed then.
    """
    data_dir = Path(data_dir)
    try:
        if key is None:
            source = keys.load_or_create_key(data_dir, prompt=prompt)
            key, kind = source.key, source.kind
        else:
            kind = "given"
    except keys.KeyUnavailable as exc:
        raise StoreError(str(exc)) from exc
    data_dir.mkdir(parents=True, exist_ok=True)
    db_path = data_dir / DB_FILE
    engine = make_engine(db_path, key)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
    except DatabaseError as exc:
        engine.dispose()
        raise StoreError(
            f"The store in {data_dir} could not be opened with this key: it is encrypted with another key, "
            "or it is not a Canvass store. Nothing was changed."
        ) from exc
    if migrate:
        upgrade(engine)
    return Store(data_dir=data_dir, engine=engine, key_kind=kind)


def upsert_by_id(session: Session, model: type[Any], items: list[dict[str, Any]], fields: Sequence[str],
                 **extra: Any) -> list[Any]:
    """Pulled items upserted by the server's `id`: their `fields` copied, then `extra` set on each, and flushed
    (a pull.APPLY building block; a refetch sends every item again). Returns the rows, in the items' order."""
    rows = []
    for item in items:
        row = session.get(model, item["id"])
        if row is None:
            row = model(id=item["id"])
            session.add(row)
        for name in fields:
            setattr(row, name, item[name])
        for name, value in extra.items():
            setattr(row, name, value)
        rows.append(row)
    session.flush()
    return rows
