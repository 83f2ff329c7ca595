"""the seeded support question reads the field's way (VAN's voter ID scale): 1 strong support - 5 strong oppose

Revision ID: 0021
Revises: 0020
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

OLD = "Support for the alliance's candidates and policies (1 strong oppose - 5 strong support)"
NEW = "Support for the alliance's candidates and policies (1 strong support - 5 strong oppose)"


def _retext(old: str, new: str) -> None:
    """Only the seeded wording: a question the server sent in other words is the server's (it comes again)."""
    question = sa.table("survey_question", sa.column("key", sa.String), sa.column("text", sa.String))
    op.execute(question.update().where(question.c.key == "support", question.c.text == old).values(text=new))


def upgrade() -> None:
    _retext(OLD, NEW)


def downgrade() -> None:
    _retext(NEW, OLD)
