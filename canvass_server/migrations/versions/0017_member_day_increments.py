"""members' days from their new rows: a day's first and last moments (epoch milliseconds) in rollup_member_day and
its doors' households (rollup_member_day_household), so a drain that only adds rows to a day updates it from those
rows (canvass_server.rollups.refresh_days) instead of recounting the whole day; filled from the rows

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.add_column("rollup_member_day", sa.Column("first_ms", ID, nullable=True))
    op.add_column("rollup_member_day", sa.Column("last_ms", ID, nullable=True))
    op.create_table("rollup_member_day_household", sa.Column("member_id", ID, nullable=False),
                    sa.Column("county_id", ID, nullable=False), sa.Column("day", sa.String(10), nullable=False),
                    sa.Column("household_id", ID, nullable=False), sa.Column("n", ID, nullable=False),
                    sa.PrimaryKeyConstraint("member_id", "county_id", "day", "household_id",
                                            name="pk_rollup_member_day_household"))
    from canvass_server import rollups  # the backfill: the same code the tests hold against a live count

    session = Session(bind=op.get_bind())
    rollups.hold(session)  # no drain meanwhile (a server left running): rows queued now are counted after
    rollups.rebuild_days(session)
    session.flush()


def downgrade() -> None:
    from canvass_server import rollup_queue, rollups  # this code counts into the tables dropped here: count first

    session = Session(bind=op.get_bind())
    rollups.hold(session)
    rollup_queue.drain(session, limit=None)
    session.flush()
    op.drop_table("rollup_member_day_household")
    op.drop_column("rollup_member_day", "last_ms")
    op.drop_column("rollup_member_day", "first_ms")
