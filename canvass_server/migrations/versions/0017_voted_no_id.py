"""voted loses its `id`: the primary key becomes (county_id, election, voter_id) (what uq_voted_county_id was) and the
pull pages by (version, voter_id) within a county, a unique index (one import writes one election's rows under one
version). Two indexes, not three: the id's key was about a fifth of import-voted's INSERT (benchmarks/README.md,
issue 16 session 9). Devices' `voted` cursors named an id: each county's `voted` scope gets a new epoch, so they
start again (a device keeps the voted rows it has, docs/sync-protocol.md §7).

Revision ID: 0017
Revises: 0016
"""

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
NEW_EPOCH = "UPDATE change_counter SET epoch = epoch + 1 WHERE scope_key LIKE 'voted:%'"


@contextmanager
def _quiet() -> Iterator[None]:
    """SQLite's batch mode reflects the county table, whose expression index it cannot read (as in 0009)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection")
        yield


def upgrade() -> None:
    with _quiet(), op.batch_alter_table("voted") as batch:
        batch.drop_index("ix_voted_pull")
        batch.drop_constraint("uq_voted_county_id", type_="unique")
        batch.drop_constraint("pk_voted", type_="primary")
        batch.drop_column("id")
        batch.create_primary_key("pk_voted", ["county_id", "election", "voter_id"])
    with _quiet(), op.batch_alter_table("voted") as batch:
        batch.create_index("ix_voted_pull", ["county_id", "version", "voter_id"], unique=True)
    op.execute(NEW_EPOCH)


def downgrade() -> None:
    with _quiet(), op.batch_alter_table("voted") as batch:
        batch.drop_index("ix_voted_pull")
        batch.drop_constraint("pk_voted", type_="primary")
        batch.add_column(sa.Column("id", ID, sa.Identity(), nullable=False))
        batch.create_primary_key("pk_voted", ["id"])
        batch.create_unique_constraint("uq_voted_county_id", ["county_id", "election", "voter_id"])
    with _quiet(), op.batch_alter_table("voted") as batch:
        batch.create_index("ix_voted_pull", ["county_id", "version", "id"])
    op.execute(NEW_EPOCH)
