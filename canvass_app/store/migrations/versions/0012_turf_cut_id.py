"""turf.cut_id: the turfs made by one cut share a number, so a whole cut can be deleted

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (no table rebuild). Turfs cut before this have no cut number (NULL): they are deleted
    # one by one, by list number.
    op.add_column("turf", sa.Column("cut_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("turf", "cut_id")
