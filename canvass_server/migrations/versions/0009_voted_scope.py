"""voted travels in its own pull scope: an id and a version per row (scope `voted:{county_id}`), no county key

Revision ID: 0009
Revises: 0008
"""

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


@contextmanager
def _quiet() -> Iterator[None]:
    """SQLite's batch mode reflects the county table, whose expression index (lower(name)) it cannot read and
    does not need: that warning is not ours to act on (as in 0006)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection")
        yield


def upgrade() -> None:
    # The row's id orders the pull (version, id); (voter_id, election) stays unique for the import's upsert. The
    # county key goes: the voter's key implies it, and its check was a third of the import's INSERT.
    with _quiet(), op.batch_alter_table("voted") as batch:
        batch.drop_constraint("fk_voted_county_id_county", type_="foreignkey")
        batch.drop_constraint("pk_voted", type_="primary")
        batch.add_column(sa.Column("id", ID, sa.Identity(), nullable=False))
        batch.add_column(sa.Column("version", ID, nullable=False, server_default="0"))
        batch.create_primary_key("pk_voted", ["id"])
        batch.create_unique_constraint("uq_voted_voter_id", ["voter_id", "election"])
    with _quiet(), op.batch_alter_table("voted") as batch:
        batch.alter_column("version", server_default=None)
        batch.create_index("ix_voted_pull", ["county_id", "version", "id"])


def downgrade() -> None:
    with _quiet(), op.batch_alter_table("voted") as batch:
        batch.drop_index("ix_voted_pull")
        batch.drop_constraint("uq_voted_voter_id", type_="unique")
        batch.drop_constraint("pk_voted", type_="primary")
        batch.drop_column("version")
        batch.drop_column("id")
        batch.create_primary_key("pk_voted", ["voter_id", "election"])
        batch.create_foreign_key("fk_voted_county_id_county", "county", ["county_id"], ["id"])
