"""candidates: the alliance's own candidates, questionnaires, members' districts, recall petitions, nominations;
ballots gain a kind (policy, endorsement, recall) and a district scope

Revision ID: 0006
Revises: 0005
"""

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


@contextmanager
def _quiet() -> Iterator[None]:
    """SQLite's batch mode reflects the county table, whose expression index (lower(name)) it cannot read and
    does not need: that warning is not ours to act on."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection")
        yield


def upgrade() -> None:
    op.create_table(
        "candidate",
        sa.Column("id", ID, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("official_id", ID, nullable=True),
        sa.Column("office", sa.String(120), nullable=False),
        sa.Column("state", sa.String(2), nullable=False),
        sa.Column("chamber", sa.String(20), nullable=False),
        sa.Column("district", sa.String(80), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("petition_share", sa.Float(), nullable=False),
        sa.Column("petition_round", ID, nullable=False),
        sa.Column("endorsement_ballot_id", ID, nullable=True),
        sa.Column("recall_ballot_id", ID, nullable=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("status_changed_at", WHEN, nullable=True),
        sa.Column("version", ID, nullable=False),
        sa.ForeignKeyConstraint(["official_id"], ["official.id"], name=op.f("fk_candidate_official_id_official")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate")),
    )
    op.create_index("ix_candidate_pull", "candidate", ["version", "id"])
    op.create_index("ix_candidate_district", "candidate", ["state", "chamber", "district"])
    op.create_table(
        "questionnaire_answer",
        sa.Column("candidate_id", ID, nullable=False),
        sa.Column("brief_slug", sa.String(80), nullable=False),
        sa.Column("answer", sa.String(8), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("answered_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"],
                                name=op.f("fk_questionnaire_answer_candidate_id_candidate")),
        sa.PrimaryKeyConstraint("candidate_id", "brief_slug", name=op.f("pk_questionnaire_answer")),
    )
    op.create_table(
        "member_district",
        sa.Column("member_id", ID, nullable=False),
        sa.Column("chamber", sa.String(20), nullable=False),
        sa.Column("district", sa.String(80), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_member_district_member_id_member")),
        sa.PrimaryKeyConstraint("member_id", "chamber", name=op.f("pk_member_district")),
    )
    op.create_index("ix_member_district_seat", "member_district", ["chamber", "district"])
    op.create_table(
        "petition_signature",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("candidate_id", ID, nullable=False),
        sa.Column("round", ID, nullable=False),
        sa.Column("member_id", ID, nullable=False),
        sa.Column("receipt", sa.String(64), nullable=False),
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("received_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"],
                                name=op.f("fk_petition_signature_candidate_id_candidate")),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_petition_signature_member_id_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_petition_signature")),
        sa.UniqueConstraint("candidate_id", "round", "member_id", name=op.f("uq_petition_signature_candidate_id")),
    )
    op.create_table(
        "nomination",
        sa.Column("id", ID, nullable=False),
        sa.Column("office", sa.String(120), nullable=False),
        sa.Column("state", sa.String(2), nullable=False),
        sa.Column("chamber", sa.String(20), nullable=False),
        sa.Column("district", sa.String(80), nullable=False),
        sa.Column("recalled_candidate_id", ID, nullable=True),
        sa.Column("opened_at", WHEN, nullable=False),
        sa.Column("filled_by", ID, nullable=True),
        sa.Column("filled_at", WHEN, nullable=True),
        sa.ForeignKeyConstraint(["recalled_candidate_id"], ["candidate.id"],
                                name=op.f("fk_nomination_recalled_candidate_id_candidate")),
        sa.ForeignKeyConstraint(["filled_by"], ["candidate.id"], name=op.f("fk_nomination_filled_by_candidate")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nomination")),
    )
    with _quiet(), op.batch_alter_table("ballot") as batch:
        batch.alter_column("brief_slug", existing_type=sa.String(80), nullable=True)
        batch.add_column(sa.Column("kind", sa.String(12), nullable=False, server_default="policy"))
        batch.add_column(sa.Column("candidate_id", ID, nullable=True))
        batch.add_column(sa.Column("petition_round", ID, nullable=True))
        batch.add_column(sa.Column("chamber", sa.String(20), nullable=True))
        batch.add_column(sa.Column("district", sa.String(80), nullable=True))
        batch.create_foreign_key("fk_ballot_candidate_id_candidate", "candidate", ["candidate_id"], ["id"])
        batch.create_unique_constraint("uq_ballot_recall_round", ["candidate_id", "petition_round"])
        batch.create_index("ix_ballot_candidate_id", ["candidate_id"])


def downgrade() -> None:
    with _quiet(), op.batch_alter_table("ballot") as batch:
        batch.drop_index("ix_ballot_candidate_id")
        batch.drop_constraint("uq_ballot_recall_round", type_="unique")
        batch.drop_constraint("fk_ballot_candidate_id_candidate", type_="foreignkey")
        for column in ("district", "chamber", "petition_round", "candidate_id", "kind"):
            batch.drop_column(column)
        batch.alter_column("brief_slug", existing_type=sa.String(80), nullable=False)
    op.drop_table("nomination")
    op.drop_table("petition_signature")
    op.drop_index("ix_member_district_seat", table_name="member_district")
    op.drop_table("member_district")
    op.drop_table("questionnaire_answer")
    op.drop_index("ix_candidate_district", table_name="candidate")
    op.drop_index("ix_candidate_pull", table_name="candidate")
    op.drop_table("candidate")
