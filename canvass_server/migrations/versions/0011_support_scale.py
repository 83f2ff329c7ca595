"""the seeded support question reads the field's way (VAN's voter ID scale): 1 strong support - 5 strong oppose;
devices receive the new wording at their next pull of `surveys`

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

OLD = "Support for the alliance's candidates and policies (1 strong oppose - 5 strong support)"
NEW = "Support for the alliance's candidates and policies (1 strong support - 5 strong oppose)"


def _retext(old: str, new: str) -> None:
    """The seeded wording only (an edited question stays as edited), under a new `surveys` version so that devices
    pull it: the counter's next value, as canvass_server.versions.bump gives a transaction."""
    bind = op.get_bind()
    question = sa.table("survey_question", sa.column("key", sa.String), sa.column("text", sa.String),
                        sa.column("version", sa.Integer))
    counter = sa.table("change_counter", sa.column("scope_key", sa.String), sa.column("value", sa.Integer))
    seeded = sa.and_(question.c.key == "support", question.c.text == old)
    if bind.execute(sa.select(question.c.key).where(seeded)).first() is None:
        return
    bind.execute(counter.update().where(counter.c.scope_key == "surveys").values(value=counter.c.value + 1))
    version = sa.select(counter.c.value).where(counter.c.scope_key == "surveys").scalar_subquery()
    bind.execute(question.update().where(seeded).values(text=new, version=version))


def upgrade() -> None:
    _retext(OLD, NEW)


def downgrade() -> None:
    _retext(NEW, OLD)
