"""voted: who has voted in which election, and the state of their mail ballot (GOTV chase and cure lists)

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "voted",
        sa.Column("voter_id", sa.Integer(), nullable=False),
        sa.Column("election", sa.String(10), nullable=False),
        sa.Column("county_id", sa.Integer(), nullable=False),
        sa.Column("voted", sa.Boolean(), nullable=False),
        sa.Column("voted_on", sa.String(10), nullable=True),
        sa.Column("vote_method", sa.String(20), nullable=True),
        sa.Column("ballot_status", sa.String(40), nullable=True),
        sa.ForeignKeyConstraint(["voter_id"], ["voter.id"], name="fk_voted_voter_id_voter", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["county_id"], ["county.id"], name="fk_voted_county_id_county"),
        sa.PrimaryKeyConstraint("voter_id", "election", name="pk_voted"),
    )
    op.create_index("ix_voted_county_election", "voted", ["county_id", "election"])


def downgrade() -> None:
    op.drop_index("ix_voted_county_election", table_name="voted")
    op.drop_table("voted")
