"""turf rollups: the turf page's figures and each voter's latest result kept at ingest (canvass_server.rollups),
filled from the rows

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TABLES = ("rollup_turf_contact", "rollup_turf_household", "rollup_turf_received", "rollup_voter_latest")


def _id(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, ID, nullable=False)


def upgrade() -> None:
    op.create_table("rollup_turf_contact", _id("turf_id"), sa.Column("day", sa.String(10), nullable=False),
                    sa.Column("result", sa.String(4), nullable=False), _id("support"), _id("n"),
                    sa.PrimaryKeyConstraint("turf_id", "day", "result", "support", name="pk_rollup_turf_contact"))
    op.create_table("rollup_turf_household", _id("turf_id"), _id("household_id"), _id("n"),
                    sa.PrimaryKeyConstraint("turf_id", "household_id", name="pk_rollup_turf_household"))
    op.create_table("rollup_turf_received", _id("turf_id"), sa.Column("day", sa.String(10), nullable=False),
                    _id("member_id"), _id("n"),
                    sa.PrimaryKeyConstraint("turf_id", "day", "member_id", name="pk_rollup_turf_received"))
    op.create_table("rollup_voter_latest", _id("voter_id"),
                    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
                    sa.Column("contact_id", sa.String(36), nullable=False),
                    sa.Column("result", sa.String(4), nullable=False),
                    sa.PrimaryKeyConstraint("voter_id", name="pk_rollup_voter_latest"))
    from canvass_server import rollups  # the backfill: the same code the tests hold against a live count

    session = Session(bind=op.get_bind())
    rollups.rebuild_turf_results(session)
    session.flush()


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_table(name)
