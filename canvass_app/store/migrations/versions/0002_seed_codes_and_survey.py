"""seed the standard result codes and the standard survey

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (abbreviation, name, spoke with the voter, final: not to be knocked again)
RESULT_CODES = [
    ("C", "Canvassed", True, False),
    ("NH", "Not Home", False, False),
    ("R", "Refused", True, False),
    ("M", "Moved", False, True),
    ("D", "Deceased", False, True),
    ("I", "Inaccessible", False, False),
    ("LB", "Language Barrier", False, False),
    ("WA", "Wrong Address", False, True),
    ("CB", "Come Back Later", False, False),
    ("DNC", "Do Not Contact", True, True),
    ("H", "Hostile", True, True),
]

QUESTIONS = [
    ("support", "Support for the alliance's candidates and policies (1 strong oppose - 5 strong support)", "scale",
     [(str(n), str(n)) for n in range(1, 6)]),
    ("top_issue", "Top issue", "choice",
     [("education", "Education"), ("healthcare", "Healthcare"), ("careers", "Careers"), ("peace", "Peace"),
      ("prison_reform", "Prison reform"), ("climate", "Climate"), ("other", "Other")]),
    ("volunteer", "Interested in volunteering", "bool", [("yes", "Yes"), ("no", "No")]),
    ("language", "Preferred language", "choice", [("en", "English"), ("es", "Spanish"), ("other", "Other")]),
    ("needs_ride", "Needs a ride to vote", "bool", [("yes", "Yes"), ("no", "No")]),
]


def upgrade() -> None:
    codes = sa.table(
        "result_code",
        sa.column("code", sa.String), sa.column("name", sa.String), sa.column("is_contact", sa.Boolean),
        sa.column("final", sa.Boolean), sa.column("sort_order", sa.Integer),
    )
    op.bulk_insert(codes, [
        {"code": c, "name": n, "is_contact": contact, "final": final, "sort_order": i}
        for i, (c, n, contact, final) in enumerate(RESULT_CODES)
    ])
    questions = sa.table(
        "survey_question",
        sa.column("id", sa.Integer), sa.column("key", sa.String), sa.column("text", sa.String),
        sa.column("kind", sa.String), sa.column("sort_order", sa.Integer), sa.column("active", sa.Boolean),
    )
    options = sa.table(
        "survey_option",
        sa.column("question_id", sa.Integer), sa.column("value", sa.String), sa.column("label", sa.String),
        sa.column("sort_order", sa.Integer),
    )
    for qi, (key, text, kind, opts) in enumerate(QUESTIONS, start=1):
        op.bulk_insert(questions, [{"id": qi, "key": key, "text": text, "kind": kind, "sort_order": qi,
                                    "active": True}])
        op.bulk_insert(options, [{"question_id": qi, "value": v, "label": lab, "sort_order": oi}
                                 for oi, (v, lab) in enumerate(opts)])


def downgrade() -> None:
    op.execute("DELETE FROM survey_option")
    op.execute("DELETE FROM survey_question")
    op.execute("DELETE FROM result_code")
