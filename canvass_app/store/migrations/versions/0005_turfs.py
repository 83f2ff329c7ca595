"""turf line numbers and one open assignment per turf

Revision ID: 0005
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "turf_line",
        sa.Column("turf_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("voter_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["turf_id"], ["turf.id"], name=op.f("fk_turf_line_turf_id_turf"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["voter_id"], ["voter.id"], name=op.f("fk_turf_line_voter_id_voter")),
        sa.PrimaryKeyConstraint("turf_id", "line", name=op.f("pk_turf_line")),
        sa.UniqueConstraint("voter_id", "turf_id", name=op.f("uq_turf_line_voter_id")),
    )
    # Two people never hold the same turf: at most one assignment per turf that is not returned.
    with op.batch_alter_table("turf_assignment", schema=None) as batch_op:
        batch_op.create_index(
            "uq_turf_assignment_open", ["turf_id"], unique=True,
            sqlite_where=sa.text("returned_at IS NULL"), postgresql_where=sa.text("returned_at IS NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("turf_assignment", schema=None) as batch_op:
        batch_op.drop_index("uq_turf_assignment_open")
    op.drop_table("turf_line")
