"""import_undo_voter: what the last voter-file import changed, so that it can be undone (voters/import_journal.py)

Revision ID: 0013
Revises: 0012
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # kind: added / updated / inactivated; old: the updated voter's previous values (JSON).
    op.execute("CREATE TABLE IF NOT EXISTS import_undo_voter (voter_id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
               "active INTEGER, old TEXT)")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS import_undo_voter")
