"""voter search: FTS5 index over name, address, phone and voter id, kept in step by triggers

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Contentless (rowid = voter.id) with contentless_delete so triggers can remove rows; unicode61 folds
# diacritics ("José" is found by "jose"); prefix indexes make the first keystrokes of a search cheap.
CREATE_FTS = """
CREATE VIRTUAL TABLE voter_fts USING fts5(
    name, address, phone, voter_id,
    content='', contentless_delete=1,
    tokenize='unicode61 remove_diacritics 2',
    prefix='1 2 3 4 5 6'
)
"""

NAME = "trim({v}.first_name || ' ' || coalesce({v}.middle_name, '') || ' ' || {v}.last_name || ' ' || coalesce({v}.suffix, ''))"
ADDRESS = "coalesce({v}.res_address, '') || ' ' || coalesce({v}.res_city, '') || ' ' || coalesce({v}.res_zip, '')"
PHONE = "coalesce({v}.phone || ' ' || substr({v}.phone, 1, 3) || ' ' || substr({v}.phone, 4, 3) || ' ' || substr({v}.phone, 7, 4), '')"
VOTER_ID = "{v}.state_voter_id || ' ' || coalesce({v}.registration_number, '')"


def _values(v: str) -> str:
    return ", ".join(e.format(v=v) for e in (NAME, ADDRESS, PHONE, VOTER_ID))


SEARCHED = "first_name, middle_name, last_name, suffix, res_address, res_city, res_zip, phone, state_voter_id, registration_number"

TRIGGERS = (
    f"""CREATE TRIGGER voter_fts_ai AFTER INSERT ON voter BEGIN
        INSERT INTO voter_fts(rowid, name, address, phone, voter_id) VALUES (new.id, {_values('new')});
    END""",
    """CREATE TRIGGER voter_fts_ad AFTER DELETE ON voter BEGIN
        DELETE FROM voter_fts WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER voter_fts_au AFTER UPDATE OF {SEARCHED} ON voter BEGIN
        DELETE FROM voter_fts WHERE rowid = old.id;
        INSERT INTO voter_fts(rowid, name, address, phone, voter_id) VALUES (new.id, {_values('new')});
    END""",
)


def upgrade() -> None:
    op.execute(CREATE_FTS)
    op.execute(f"INSERT INTO voter_fts(rowid, name, address, phone, voter_id) SELECT v.id, {_values('v')} FROM voter v")
    for trigger in TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    for name in ("voter_fts_ai", "voter_fts_ad", "voter_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS voter_fts")
