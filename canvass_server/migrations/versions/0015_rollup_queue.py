"""rollup queue: pushes queue their contact rows (rollup_pending) and drains count them into the rollups, many
batches at once (canvass_server.rollup_queue); it starts empty, the rollups being exact for every row already

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("rollup_pending",
                    sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True,
                              autoincrement=True),
                    sa.Column("contact_id", sa.String(36), nullable=False),
                    sa.PrimaryKeyConstraint("seq", name="pk_rollup_pending"))
    op.create_index("ix_rollup_pending_contact", "rollup_pending", ["contact_id"], unique=True)


def downgrade() -> None:
    from canvass_server import rollup_queue, rollups  # before 0015 ingest counts inline: count what is queued now

    session = Session(bind=op.get_bind())
    rollups.hold(session)
    rollup_queue.drain(session, limit=None)
    session.flush()
    op.drop_index("ix_rollup_pending_contact", table_name="rollup_pending")
    op.drop_table("rollup_pending")
