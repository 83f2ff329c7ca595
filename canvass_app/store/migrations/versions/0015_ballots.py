"""ballot (as pulled, scope `ballots`) and ballot_vote (this device's votes, with the nonce behind each receipt)

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Ballots keep the server's ids: a vote names its ballot by that id on the wire. The old policy_vote table
    # stays (nothing writes it any more): votes cast before protocol 2 are not thrown away.
    op.create_table(
        "ballot",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("brief_slug", sa.String(80), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("scope", sa.String(10), nullable=False),
        sa.Column("opens_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closes_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("quorum", sa.Float(), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("electorate", sa.Integer(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("receipt_check", sa.String(12), nullable=True),
        sa.Column("receipt_checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ballot")),
    )
    op.create_index(op.f("ix_ballot_brief_slug"), "ballot", ["brief_slug"])
    op.create_table(
        "ballot_vote",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("ballot_id", sa.Integer(), nullable=False),
        sa.Column("choice", sa.String(8), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("nonce", sa.String(64), nullable=False),
        sa.Column("receipt", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["ballot_id"], ["ballot.id"], name=op.f("fk_ballot_vote_ballot_id_ballot")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ballot_vote")),
    )
    op.create_index(op.f("ix_ballot_vote_ballot_id"), "ballot_vote", ["ballot_id"])


def downgrade() -> None:
    op.drop_table("ballot_vote")
    op.drop_table("ballot")
