"""contacts speed: party and language filters read in name order from an index on a 1M-voter county

Revision ID: 0009
Revises: 0006
"""

from alembic import op

revision = "0009"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_voter_party_name", "voter", ["party", "last_name", "first_name"])
    op.create_index("ix_voter_language_name", "voter", ["language", "last_name", "first_name"])


def downgrade() -> None:
    op.drop_index("ix_voter_language_name", "voter")
    op.drop_index("ix_voter_party_name", "voter")
