"""voted loses its `id`: the primary key becomes (county_id, election, voter_id) (what uq_voted_county_id was) and the
pull pages by (version, voter_id) within a county, a unique index (one import writes one election's rows under one
version). Two indexes, not three: the id's key was about a fifth of import-voted's INSERT (benchmarks/README.md,
issue 16 session 9). Devices' `voted` cursors named an id: each county's `voted` scope gets a new epoch, so they
start again (a device keeps the voted rows it has, docs/sync-protocol.md §7). Where one voter has rows of two elections
under one version (0009 gave every row it found version 0), the county's rows are renumbered first.

Revision ID: 0018
Revises: 0017
"""

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
NEW_EPOCH = "UPDATE change_counter SET epoch = epoch + 1 WHERE scope_key LIKE 'voted:%'"
# The counties where a voter is twice in one version: their rows get versions 0, 1, ... in (version, election)
# order (the new epoch sends every row again anyway); then every county's counter at least its highest version.
CLASHES = "SELECT county_id FROM voted GROUP BY county_id, version, voter_id HAVING count(*) > 1"
RENUMBER = ("UPDATE voted SET version = r.n FROM (SELECT id, dense_rank() OVER (PARTITION BY county_id "
            f"ORDER BY version, election) - 1 AS n FROM voted WHERE county_id IN ({CLASHES})) r WHERE voted.id = r.id")
COUNTERS = ("INSERT INTO change_counter (scope_key, value, epoch) SELECT 'voted:' || county_id, max(version), 1 "
            "FROM voted WHERE true GROUP BY county_id ON CONFLICT (scope_key) DO UPDATE SET "
            "value = CASE WHEN excluded.value > change_counter.value THEN excluded.value ELSE change_counter.value END")


@contextmanager
def _quiet() -> Iterator[None]:
    """SQLite's batch mode reflects the county table, whose expression index it cannot read (as in 0009)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection")
        yield


def upgrade() -> None:
    op.execute(RENUMBER)
    op.execute(COUNTERS)
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
