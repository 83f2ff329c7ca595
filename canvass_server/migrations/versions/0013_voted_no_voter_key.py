"""voted keeps no foreign key to voter: every row is written from a join with `voter` (import-voted), voters are
never deleted on the server, and the key's check (a FOR KEY SHARE lock that dirties each voter's page) was about
half of an import's writing

Revision ID: 0013
Revises: 0012
"""

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


@contextmanager
def _quiet() -> Iterator[None]:
    """SQLite's batch mode reflects the county table, whose expression index it cannot read (as in 0009)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection")
        yield


def upgrade() -> None:
    with _quiet(), op.batch_alter_table("voted") as batch:
        batch.drop_constraint("fk_voted_voter_id_voter", type_="foreignkey")


def downgrade() -> None:
    with _quiet(), op.batch_alter_table("voted") as batch:
        batch.create_foreign_key("fk_voted_voter_id_voter", "voter", ["voter_id"], ["id"], ondelete="CASCADE")
