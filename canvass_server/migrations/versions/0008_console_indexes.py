"""console indexes: corrections by the row they correct (the effective-results rule), results by time received

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CORRECTIONS = sa.text("corrects_id IS NOT NULL")


def upgrade() -> None:
    # "nothing corrects this row" is an anti-join on corrects_id: with this (small, partial) index it is an index
    # probe per row instead of a scan of every contact.
    op.create_index("ix_contact_corrects", "contact_attempt", ["corrects_id"],
                    postgresql_where=CORRECTIONS, sqlite_where=CORRECTIONS)
    op.create_index("ix_contact_received", "contact_attempt", ["received_at"])


def downgrade() -> None:
    op.drop_index("ix_contact_received", table_name="contact_attempt")
    op.drop_index("ix_contact_corrects", table_name="contact_attempt")
