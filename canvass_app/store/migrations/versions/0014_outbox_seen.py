"""outbox_op.seen_at: when the person saw that the server refused the op (the status bar counts the unseen ones)

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (no table rebuild). Ops refused before this were never counted anywhere: NULL, unseen.
    op.add_column("outbox_op", sa.Column("seen_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("outbox_op", "seen_at")
