"""contacts: indexes for current-result queries, turf progress, and the county-wide address sort

Revision ID: 0006
Revises: 0002
"""

from alembic import op

revision = "0006"
down_revision = "0002"
branch_labels = None
depends_on = None

# Walk order over the whole county in one index scan: street, odd side up, even side down, units ascending.
# The expression must match the ORDER BY of canvass_app.contacts.voter_query textually for SQLite to use the index.
WALK_SORT = "CASE WHEN side = 'O' THEN house_number_int ELSE -house_number_int END"


def upgrade() -> None:
    op.create_index("ix_contact_corrects", "contact_attempt", ["corrects_id"])
    op.create_index("ix_contact_turf_time", "contact_attempt", ["turf_id", "created_at"])
    op.execute(f"CREATE INDEX ix_household_walk_sort ON household (county_id, street_key, side, ({WALK_SORT}), "
               "unit_sort, id)")
    op.create_index("ix_voter_household_name", "voter", ["household_id", "last_name", "first_name"])


def downgrade() -> None:
    op.drop_index("ix_voter_household_name", "voter")
    op.execute("DROP INDEX IF EXISTS ix_household_walk_sort")
    op.drop_index("ix_contact_turf_time", "contact_attempt")
    op.drop_index("ix_contact_corrects", "contact_attempt")
