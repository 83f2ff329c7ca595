"""voter search: rebuild the FTS5 index with detail=none (a quarter of the size, import builds it ~2x faster)

Search only ever asks for every typed word as a prefix anywhere in the row (no phrases, no column filters,
no ranking), which an index of rowids per term answers; positions and columns were dead weight: 360 bytes
a voter, most of the import's index-building time. The triggers are the same as 0003's.

Revision ID: 0008
Revises: 0003
"""

from alembic import op

revision = "0008"
down_revision = "0003"
branch_labels = None
depends_on = None

_CREATE = """
CREATE VIRTUAL TABLE voter_fts USING fts5(
    name, address, phone, voter_id,
    content='', contentless_delete=1,
    tokenize='unicode61 remove_diacritics 2',
    prefix='1 2 3 4 5 6'{detail}
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


def _rebuild(detail: str) -> None:
    for name in ("voter_fts_ai", "voter_fts_ad", "voter_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS voter_fts")
    op.execute(_CREATE.format(detail=detail))
    op.execute(f"INSERT INTO voter_fts(rowid, name, address, phone, voter_id) SELECT v.id, {_values('v')} FROM voter v")
    for trigger in TRIGGERS:
        op.execute(trigger)


def upgrade() -> None:
    _rebuild(",\n    detail=none")


def downgrade() -> None:
    _rebuild("")
