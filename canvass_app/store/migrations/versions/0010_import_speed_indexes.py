"""import speed: indexes an import builds for nothing. Partial indexes where most rows hold NULL, and one dropped

Every import of a big file rebuilds the voter and household indexes, one full scan and sort each.
- Household turf ids and voter languages are NULL in almost every row (turfs come later; most files carry no
  language). Their lookups are always `= value`, which a partial index over the non-NULL rows answers.
- ix_voter_household_id is the first column of ix_voter_household_name (0006), which answers the same lookups;
  ix_household_walk (county, street, side, number) shares its first three columns with ix_household_walk_sort
  (0006), which the walk order uses; no query orders by the plain house number after them.

Revision ID: 0010
Revises: 0009
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_household_turf_id", "household")
    op.execute("CREATE INDEX ix_household_turf_id ON household (turf_id) WHERE turf_id IS NOT NULL")
    op.drop_index("ix_voter_language_name", "voter")
    op.execute("CREATE INDEX ix_voter_language_name ON voter (language, last_name, first_name) "
               "WHERE language IS NOT NULL")
    op.drop_index("ix_voter_household_id", "voter")
    op.drop_index("ix_household_walk", "household")


def downgrade() -> None:
    op.create_index("ix_household_walk", "household", ["county_id", "street_key", "side", "house_number_int"])
    op.create_index("ix_voter_household_id", "voter", ["household_id"])
    op.drop_index("ix_voter_language_name", "voter")
    op.create_index("ix_voter_language_name", "voter", ["language", "last_name", "first_name"])
    op.drop_index("ix_household_turf_id", "household")
    op.create_index("ix_household_turf_id", "household", ["turf_id"])
