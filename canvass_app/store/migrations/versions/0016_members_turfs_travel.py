"""member (the county's members, pulled by county leads), turf_assignment.member_id, turf.mine: turfs that travel

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Members keep the server's ids: an assignment names its member by that id on the wire.
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_member"),
    )
    # Plain ADD COLUMNs (no table rebuild). A free-text assignment (an install that is not enrolled) has no member.
    op.add_column("turf_assignment", sa.Column("member_id", sa.Integer(), nullable=True))
    op.add_column("turf", sa.Column("mine", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("turf", "mine")
    op.drop_column("turf_assignment", "member_id")
    op.drop_table("member")
