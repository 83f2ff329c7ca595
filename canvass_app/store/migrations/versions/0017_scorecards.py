"""scorecard: every official's record against the adopted briefs, as pulled (scope `scorecards`)

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Keyed by the Open Civic Data person id, as the server sends it; each card carries its votes explained (JSON).
    op.create_table(
        "scorecard",
        sa.Column("id", sa.String(80), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("party", sa.String(80), nullable=True),
        sa.Column("chamber", sa.String(20), nullable=True),
        sa.Column("district", sa.String(80), nullable=True),
        sa.Column("aligned", sa.Integer(), nullable=False),
        sa.Column("against", sa.Integer(), nullable=False),
        sa.Column("absent", sa.Integer(), nullable=False),
        sa.Column("other", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("votes", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_scorecard"),
    )
    op.create_index("ix_scorecard_district", "scorecard", ["district"])


def downgrade() -> None:
    op.drop_index("ix_scorecard_district", "scorecard")
    op.drop_table("scorecard")
