"""briefs: bookmarks, FTS5 search over briefs, and the charter guard

Revision ID: 0004
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None

# What the search index holds for one brief row (NEW or OLD in the triggers): JSON lists flattened to lines.
_FTS_VALUES = """
    {r}.id, {r}.title, {r}.summary, {r}.body_md,
    (SELECT group_concat(value, char(10)) FROM json_each({r}.talking_points)),
    coalesce((SELECT group_concat(coalesce(json_extract(value, '$.q'), '') || ' ' ||
                         coalesce(json_extract(value, '$.a'), ''), char(10)) FROM json_each({r}.questions)), '')
    || char(10) ||
    coalesce((SELECT group_concat(coalesce(json_extract(value, '$.claim'), '') || ' ' ||
                         coalesce(json_extract(value, '$.response'), ''), char(10)) FROM json_each({r}.rebuttals)), '')
"""
_FTS_COLUMNS = "rowid, title, summary, body, talking_points, qa"
_GUARD = ("SELECT RAISE(ABORT, 'charter: a brief that conflicts with a Secured Right cannot be adopted') "
          "WHERE NEW.status = 'adopted' AND json_array_length(coalesce(NEW.conflicts, '[]')) > 0;")


def upgrade() -> None:
    op.create_table(
        "brief_bookmark",
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_brief_bookmark")),
    )
    op.execute(
        "CREATE VIRTUAL TABLE brief_fts USING fts5("
        "title, summary, body, talking_points, qa, tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    op.execute(f"INSERT INTO brief_fts({_FTS_COLUMNS}) SELECT {_FTS_VALUES.format(r='policy_brief')} FROM policy_brief")
    op.execute(f"""CREATE TRIGGER policy_brief_fts_ai AFTER INSERT ON policy_brief BEGIN
        INSERT INTO brief_fts({_FTS_COLUMNS}) VALUES ({_FTS_VALUES.format(r='NEW')}); END""")
    op.execute("""CREATE TRIGGER policy_brief_fts_ad AFTER DELETE ON policy_brief BEGIN
        DELETE FROM brief_fts WHERE rowid = OLD.id; END""")
    op.execute(f"""CREATE TRIGGER policy_brief_fts_au AFTER UPDATE ON policy_brief BEGIN
        DELETE FROM brief_fts WHERE rowid = OLD.id;
        INSERT INTO brief_fts({_FTS_COLUMNS}) VALUES ({_FTS_VALUES.format(r='NEW')}); END""")
    op.execute(f"CREATE TRIGGER policy_brief_charter_bi BEFORE INSERT ON policy_brief BEGIN {_GUARD} END")
    op.execute(f"CREATE TRIGGER policy_brief_charter_bu BEFORE UPDATE ON policy_brief BEGIN {_GUARD} END")


def downgrade() -> None:
    for trigger in ("policy_brief_charter_bu", "policy_brief_charter_bi", "policy_brief_fts_au",
                    "policy_brief_fts_ad", "policy_brief_fts_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS brief_fts")
    op.drop_table("brief_bookmark")
