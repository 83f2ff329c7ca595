"""rollups: the console's and stats' figures kept exact at ingest (canvass_server.rollups), filled from the rows

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TABLES = ("rollup_contact", "rollup_county", "rollup_household", "rollup_turf", "rollup_member",
          "rollup_member_household", "rollup_member_day", "rollup_member_received", "rollup_member_note")


def _n(name: str = "n") -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, ID, nullable=False)


def upgrade() -> None:
    op.create_table("rollup_contact", sa.Column("county_id", ID, nullable=False),
                    sa.Column("day", sa.String(10), nullable=False), sa.Column("result", sa.String(4), nullable=False),
                    sa.Column("support", ID, nullable=False), _n(),
                    sa.PrimaryKeyConstraint("county_id", "day", "result", "support", name="pk_rollup_contact"))
    op.create_table("rollup_county", sa.Column("county_id", ID, nullable=False), _n(), _n("contacts"), _n("doors"),
                    sa.PrimaryKeyConstraint("county_id", name="pk_rollup_county"))
    op.create_table("rollup_household", sa.Column("household_id", ID, nullable=False),
                    sa.Column("county_id", ID, nullable=False), _n(),
                    sa.PrimaryKeyConstraint("household_id", name="pk_rollup_household"))
    op.create_table("rollup_turf", sa.Column("turf_id", ID, nullable=False), sa.Column("county_id", ID, nullable=False),
                    _n("doors"), _n("reached"), sa.PrimaryKeyConstraint("turf_id", name="pk_rollup_turf"))
    op.create_table("rollup_member", sa.Column("member_id", ID, nullable=False),
                    sa.Column("county_id", ID, nullable=False), _n(), _n("contacts"), _n("doors"), _n("span_ms"),
                    sa.PrimaryKeyConstraint("member_id", "county_id", name="pk_rollup_member"))
    op.create_table("rollup_member_household", sa.Column("member_id", ID, nullable=False),
                    sa.Column("household_id", ID, nullable=False), _n(),
                    sa.PrimaryKeyConstraint("member_id", "household_id", name="pk_rollup_member_household"))
    op.create_table("rollup_member_day", sa.Column("member_id", ID, nullable=False),
                    sa.Column("county_id", ID, nullable=False), sa.Column("day", sa.String(10), nullable=False),
                    _n(), _n("doors"), sa.Column("span_ms", ID, nullable=True),
                    sa.Column("fast", sa.Boolean(), nullable=False),
                    sa.PrimaryKeyConstraint("member_id", "county_id", "day", name="pk_rollup_member_day"))
    op.create_index("ix_rollup_member_day_fast", "rollup_member_day", ["member_id"],
                    postgresql_where=sa.text("fast"), sqlite_where=sa.text("fast"))
    op.create_table("rollup_member_received", sa.Column("day", sa.String(10), nullable=False),
                    sa.Column("member_id", ID, nullable=False), sa.Column("county_id", ID, nullable=False), _n(),
                    sa.PrimaryKeyConstraint("day", "member_id", "county_id", name="pk_rollup_member_received"))
    op.create_table("rollup_member_note", sa.Column("member_id", ID, nullable=False),
                    sa.Column("county_id", ID, nullable=False), sa.Column("note_key", sa.String(64), nullable=False),
                    sa.Column("note", sa.String(40), nullable=False), _n(),
                    sa.PrimaryKeyConstraint("member_id", "county_id", "note_key", name="pk_rollup_member_note"))
    repeated = sa.text("n >= 3")
    op.create_index("ix_rollup_member_note_repeated", "rollup_member_note", ["member_id"],
                    postgresql_where=repeated, sqlite_where=repeated)
    # A member's results of one day (rollups.refresh_days); it leads with member_id, so it replaces that index.
    op.create_index("ix_contact_member_day", "contact_attempt", ["member_id", sa.text("substr(created_at, 1, 10)")])
    op.drop_index("ix_contact_attempt_member_id", table_name="contact_attempt")
    from canvass_server import rollups  # the backfill: the same code the tests hold against a live count

    session = Session(bind=op.get_bind())
    rollups.rebuild_base(session)  # its tables (later ones fill theirs)
    session.flush()


def downgrade() -> None:
    op.create_index("ix_contact_attempt_member_id", "contact_attempt", ["member_id"])
    op.drop_index("ix_contact_member_day", table_name="contact_attempt")
    op.drop_index("ix_rollup_member_note_repeated", table_name="rollup_member_note")
    op.drop_index("ix_rollup_member_day_fast", table_name="rollup_member_day")
    for name in reversed(TABLES):
        op.drop_table(name)
