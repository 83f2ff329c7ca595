"""Device identity storage: the passphrase fallback keeps it sealed under the store key; never plaintext."""

from __future__ import annotations

import pytest
from test_sync_helpers import make_identity

from canvass_app.store.database import Store, open_store
from canvass_app.sync import identity


def test_identity_round_trips_and_is_never_plaintext_on_disk(store: Store) -> None:
    ident, _ = make_identity()
    assert identity.load(store) is None
    identity.save(store, ident)
    assert identity.load(store) == ident
    for path in store.data_dir.rglob("*"):
        if path.is_file():
            blob = path.read_bytes()
            assert ident.token.encode() not in blob and ident.private_key.encode() not in blob
    assert (store.data_dir / identity.WRAP_FILE).stat().st_mode & 0o077 == 0
    identity.forget(store)
    assert identity.load(store) is None


def test_identity_cannot_be_opened_by_another_store(store: Store, tmp_path: object) -> None:
    ident, _ = make_identity()
    identity.save(store, ident)
    other = open_store(store.data_dir.parent / "other")
    try:
        (other.data_dir / identity.WRAP_FILE).write_bytes((store.data_dir / identity.WRAP_FILE).read_bytes())
        with pytest.raises(identity.IdentityError):
            identity.load(other)
    finally:
        other.close()
