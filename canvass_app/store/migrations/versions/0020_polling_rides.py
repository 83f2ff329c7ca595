"""polling_place and ride_request: where each precinct votes (VIP feed or CSV), rides to the polls (GOTV)

Revision ID: 0020
Revises: 0019
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "polling_place",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("county_id", sa.Integer(), nullable=False),
        sa.Column("precinct_code", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("hours", sa.String(400), nullable=True),
        sa.Column("directions", sa.Text(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["county_id"], ["county.id"], name="fk_polling_place_county_id_county"),
        sa.PrimaryKeyConstraint("id", name="pk_polling_place"),
    )
    op.create_index("ix_polling_place_county_precinct", "polling_place", ["county_id", "precinct_code"])
    op.create_table(
        "ride_request",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("county_id", sa.Integer(), nullable=False),
        sa.Column("state_voter_id", sa.String(40), nullable=False),
        sa.Column("voter_name", sa.String(200), nullable=False),
        sa.Column("pickup_at", sa.String(40), nullable=False),
        sa.Column("pickup_address", sa.String(200), nullable=False),
        sa.Column("passengers", sa.Integer(), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("requested_by", sa.String(120), nullable=True),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["county_id"], ["county.id"], name="fk_ride_request_county_id_county"),
        sa.PrimaryKeyConstraint("id", name="pk_ride_request"),
    )
    op.create_index("ix_ride_request_county_status", "ride_request", ["county_id", "status"])


def downgrade() -> None:
    op.drop_index("ix_ride_request_county_status", table_name="ride_request")
    op.drop_table("ride_request")
    op.drop_index("ix_polling_place_county_precinct", table_name="polling_place")
    op.drop_table("polling_place")
