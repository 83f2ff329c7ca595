"""ride_request: rides to the polls asked for at the door, and their status (GOTV)

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "ride_request",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("county_id", ID, nullable=False),
        sa.Column("voter_id", ID, nullable=False),
        sa.Column("pickup_at", sa.String(40), nullable=False),
        sa.Column("pickup_address", sa.String(200), nullable=False),
        sa.Column("passengers", ID, nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("member_id", ID, nullable=True),
        sa.Column("requested_by", sa.String(120), nullable=True),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=True),
        sa.Column("updated_by_member", ID, nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", ID, nullable=False),
        sa.ForeignKeyConstraint(["county_id"], ["county.id"], name=op.f("fk_ride_request_county_id_county")),
        sa.ForeignKeyConstraint(["voter_id"], ["voter.id"], name=op.f("fk_ride_request_voter_id_voter")),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_ride_request_member_id_member")),
        sa.ForeignKeyConstraint(["updated_by_member"], ["member.id"],
                                name=op.f("fk_ride_request_updated_by_member_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ride_request")),
    )
    op.create_index("ix_ride_request_pull", "ride_request", ["county_id", "version", "id"])


def downgrade() -> None:
    op.drop_index("ix_ride_request_pull", table_name="ride_request")
    op.drop_table("ride_request")
