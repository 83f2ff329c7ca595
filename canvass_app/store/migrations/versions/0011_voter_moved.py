"""voter.moved: the server's "moved" flag (a canvasser or the county said this voter no longer lives here)

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (no table rebuild): instant even on a 1M-voter store.
    op.add_column("voter", sa.Column("moved", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("voter", "moved")
