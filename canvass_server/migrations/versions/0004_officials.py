"""the public record: officials, bills, roll calls, each official's vote, scorecard links

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "official",
        sa.Column("id", ID, nullable=False),
        sa.Column("ocd_id", sa.String(80), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("party", sa.String(80), nullable=True),
        sa.Column("chamber", sa.String(20), nullable=True),
        sa.Column("district", sa.String(80), nullable=True),
        sa.Column("listed", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", ID, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_official")),
        sa.UniqueConstraint("ocd_id", name=op.f("uq_official_ocd_id")),
    )
    op.create_index("ix_official_pull", "official", ["version", "id"])
    op.create_table(
        "bill",
        sa.Column("id", ID, nullable=False),
        sa.Column("ocd_id", sa.String(80), nullable=False),
        sa.Column("identifier", sa.String(60), nullable=False),
        sa.Column("session", sa.String(60), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("jurisdiction", sa.String(200), nullable=True),
        sa.Column("chamber", sa.String(20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bill")),
        sa.UniqueConstraint("ocd_id", name=op.f("uq_bill_ocd_id")),
    )
    op.create_index("ix_bill_session_identifier", "bill", ["session", "identifier"])
    op.create_table(
        "vote_event",
        sa.Column("id", ID, nullable=False),
        sa.Column("ocd_id", sa.String(80), nullable=False),
        sa.Column("bill_id", ID, nullable=True),
        sa.Column("motion_text", sa.Text(), nullable=False),
        sa.Column("start_date", sa.String(40), nullable=False),
        sa.Column("result", sa.String(40), nullable=False),
        sa.Column("session", sa.String(60), nullable=True),
        sa.Column("chamber", sa.String(20), nullable=True),
        sa.ForeignKeyConstraint(["bill_id"], ["bill.id"], name=op.f("fk_vote_event_bill_id_bill")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote_event")),
        sa.UniqueConstraint("ocd_id", name=op.f("uq_vote_event_ocd_id")),
    )
    op.create_index(op.f("ix_vote_event_bill_id"), "vote_event", ["bill_id"])
    # No foreign keys: written in bulk by the importer, which alone resolves these ids (see officials_models.py).
    op.create_table(
        "official_vote",
        sa.Column("vote_event_id", ID, nullable=False),
        sa.Column("official_id", ID, nullable=False),
        sa.Column("option", sa.String(30), nullable=False),
        sa.PrimaryKeyConstraint("vote_event_id", "official_id", name=op.f("pk_official_vote")),
    )
    op.create_table(
        "scorecard_link",
        sa.Column("id", ID, nullable=False),
        sa.Column("brief_slug", sa.String(80), nullable=False),
        sa.Column("vote_event_id", ID, nullable=False),
        sa.Column("aligned", sa.String(3), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["vote_event_id"], ["vote_event.id"],
                                name=op.f("fk_scorecard_link_vote_event_id_vote_event")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scorecard_link")),
        sa.UniqueConstraint("brief_slug", "vote_event_id", name=op.f("uq_scorecard_link_brief_slug")),
    )
    op.create_index(op.f("ix_scorecard_link_brief_slug"), "scorecard_link", ["brief_slug"])
    op.create_index(op.f("ix_scorecard_link_vote_event_id"), "scorecard_link", ["vote_event_id"])


def downgrade() -> None:
    op.drop_table("scorecard_link")
    op.drop_table("official_vote")
    op.drop_table("vote_event")
    op.drop_table("bill")
    op.drop_table("official")
