"""The encrypted store: migrations, keys kept out of plaintext, clean failures on a wrong key or passphrase."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import keyring
import pytest
from alembic import command
from alembic.config import Config
from keyring.backend import KeyringBackend
from sqlalchemy import inspect, select, text

from canvass_app.store import keys
from canvass_app.store.database import DB_FILE, MIGRATIONS, StoreError, make_engine, open_store, upgrade
from canvass_app.store.models import County, Voter

NAME = "Xylophonia Quackenbush"


def add_voter(store_dir: Path) -> None:
    store = open_store(store_dir)
    with store.session() as session:
        county = County(name="Testford", state="NC")
        session.add(county)
        session.flush()
        first, last = NAME.split()
        session.add(Voter(county_id=county.id, state_voter_id="T1", first_name=first, last_name=last))
    store.close()


def digest_dir(path: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.iterdir()) if p.is_file()}


def test_migrations_build_every_table_and_rerun_harmlessly(store) -> None:  # type: ignore[no-untyped-def]
    tables = set(inspect(store.engine).get_table_names())
    for table in ("county", "precinct", "voter", "household", "turf", "turf_assignment", "contact_attempt",
                  "result_code", "survey_question", "survey_option", "secured_right", "policy_brief",
                  "policy_vote", "outbox_op", "sync_state", "setting"):
        assert table in tables
    with store.session() as session:
        codes = dict(session.execute(text("SELECT code, name FROM result_code")).all())
    assert codes["NH"] == "Not Home"
    assert codes["DNC"] == "Do Not Contact"
    assert len(codes) == 11
    upgrade(store.engine)  # again: nothing to do, nothing duplicated
    with store.session() as session:
        assert session.scalar(text("SELECT count(*) FROM result_code")) == 11


def test_pragmas_wal_and_foreign_keys(store) -> None:  # type: ignore[no-untyped-def]
    with store.session() as session:
        assert session.scalar(text("PRAGMA journal_mode")) == "wal"
        assert session.scalar(text("PRAGMA foreign_keys")) == 1
        assert session.scalar(text("PRAGMA cipher_version"))


def test_no_plaintext_name_or_key_on_disk(data_dir: Path) -> None:
    add_voter(data_dir)
    source = keys.load_or_create_key(data_dir)
    # keep a connection open so the WAL still holds the write
    engine = make_engine(data_dir / DB_FILE, source.key)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT last_name FROM voter")).scalar() == "Quackenbush"
        for path in data_dir.rglob("*"):
            if path.is_file():
                blob = path.read_bytes()
                assert b"Quackenbush" not in blob, path
                assert source.key not in blob and source.key.hex().encode() not in blob, path
    engine.dispose()


def test_wrong_passphrase_fails_cleanly_and_changes_nothing(data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_voter(data_dir)
    before = digest_dir(data_dir)
    monkeypatch.setenv("CANVASS_PASSPHRASE", "not the passphrase")
    with pytest.raises(StoreError, match="Wrong passphrase"):
        open_store(data_dir)
    assert digest_dir(data_dir) == before


def test_wrong_raw_key_fails_cleanly(data_dir: Path) -> None:
    add_voter(data_dir)
    before = digest_dir(data_dir)
    with pytest.raises(StoreError, match="could not be opened with this key"):
        open_store(data_dir, key=b"\x01" * 32)
    assert digest_dir(data_dir) == before


def test_missing_passphrase_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CANVASS_PASSPHRASE", raising=False)
    with pytest.raises(StoreError, match="CANVASS_PASSPHRASE"):
        open_store(tmp_path / "d")


def test_short_new_passphrase_refused(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CANVASS_PASSPHRASE", "short")
    with pytest.raises(StoreError, match="at least 8"):
        open_store(tmp_path / "d")


def test_change_passphrase(data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_voter(data_dir)
    keys.change_passphrase(data_dir, "correct horse battery", "a brand new phrase")
    monkeypatch.setenv("CANVASS_PASSPHRASE", "a brand new phrase")
    store = open_store(data_dir)
    with store.session() as session:
        assert session.scalar(select(Voter.last_name)) == "Quackenbush"
    store.close()


class MemoryKeyring(KeyringBackend):
    """A real keyring backend kept in memory, standing in for the OS keychain of a desktop session."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def test_key_kept_in_keychain_when_one_works(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CANVASS_PASSPHRASE", raising=False)
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        store = open_store(tmp_path / "d")
        assert store.key_kind == "keyring"
        store.close()
        assert json.loads((tmp_path / "d" / "keystore.json").read_text()) == {"kind": "keyring"}
        assert not (tmp_path / "d" / keys.WRAP_FILE).exists()
        (stored,) = backend.items.values()
        assert len(bytes.fromhex(stored)) == 32
        open_store(tmp_path / "d").close()  # reopens with the key from the keychain
        backend.items.clear()
        with pytest.raises(StoreError, match="missing from the system keychain"):
            open_store(tmp_path / "d")
    finally:
        keyring.set_keyring(previous)


def test_many_threads_share_the_store_safely(store) -> None:  # type: ignore[no-untyped-def]
    """The GUI thread, the task runner's pools and autosync all use the store: more threads than any pool size."""
    import threading

    from sqlalchemy.pool import QueuePool

    from canvass_app.store.models import Setting

    assert isinstance(store.engine.pool, QueuePool)
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(15):
                with store.session() as session:
                    session.merge(Setting(key=f"t{n}", value=i))
                    assert session.scalar(select(Setting.value).where(Setting.key == f"t{n}")) == i
        except BaseException as exc:  # noqa: BLE001 (collected and asserted below)
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with store.session() as session:
        assert session.scalar(text("SELECT count(*) FROM setting WHERE key LIKE 't%'")) == 12


def test_a_failed_statement_never_shows_voter_data(store) -> None:  # type: ignore[no-untyped-def]
    """Task errors are logged; the message must carry the SQL, never the values bound to it."""
    from sqlalchemy.exc import IntegrityError

    with store.session() as session:
        county = County(name="Testford", state="NC")
        session.add(county)
        session.flush()
        session.add(Voter(county_id=county.id, state_voter_id="T1", first_name="Xylophonia", last_name="Q"))
    def duplicate() -> None:
        with store.session() as session:
            session.add(Voter(county_id=county.id, state_voter_id="T1", first_name="Xylophonia", last_name="Q"))

    with pytest.raises(IntegrityError) as caught:
        duplicate()
    assert "INSERT INTO voter" in str(caught.value)
    assert "Xylophonia" not in str(caught.value)


def test_the_support_question_reads_the_fields_way(store) -> None:  # type: ignore[no-untyped-def]
    """Migration 0021: 1 strong support … 5 strong oppose (VAN's voter ID scale); a store seeded before it is
    reworded, and a downgrade puts the old words back."""
    def support_text() -> str:
        with store.session() as session:
            return str(session.scalar(text("SELECT text FROM survey_question WHERE key = 'support'")))

    assert support_text().endswith("(1 strong support - 5 strong oppose)")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0020")
    assert support_text().endswith("(1 strong oppose - 5 strong support)")
    upgrade(store.engine)
    assert support_text().endswith("(1 strong support - 5 strong oppose)")
