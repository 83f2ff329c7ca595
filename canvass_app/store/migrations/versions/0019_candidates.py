"""candidate, petition_signature: the alliance's own candidates as pulled (scope `candidates`) and this device's
recall petition signatures with the nonces behind their receipts; ballots gain a kind and a candidate

Revision ID: 0019
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "candidate",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("official_id", sa.String(80), nullable=True),
        sa.Column("office", sa.String(120), nullable=False),
        sa.Column("state", sa.String(2), nullable=False),
        sa.Column("chamber", sa.String(20), nullable=False),
        sa.Column("district", sa.String(80), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("questionnaire", sa.JSON(), nullable=False),
        sa.Column("petition", sa.JSON(), nullable=False),
        sa.Column("endorsement_ballot_id", sa.Integer(), nullable=True),
        sa.Column("recall_ballot_id", sa.Integer(), nullable=True),
        sa.Column("nominations_open", sa.Boolean(), nullable=False),
        sa.Column("in_my_district", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_candidate"),
    )
    op.create_table(
        "petition_signature",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.String(64), nullable=False),
        sa.Column("receipt", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_petition_signature"),
    )
    op.create_index("ix_petition_signature_candidate_id", "petition_signature", ["candidate_id"])
    with op.batch_alter_table("ballot") as batch:
        batch.add_column(sa.Column("kind", sa.String(12), nullable=False, server_default="policy"))
        batch.add_column(sa.Column("candidate_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ballot") as batch:
        batch.drop_column("candidate_id")
        batch.drop_column("kind")
    op.drop_index("ix_petition_signature_candidate_id", "petition_signature")
    op.drop_table("petition_signature")
    op.drop_table("candidate")
