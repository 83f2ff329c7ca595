"""push record function: on PostgreSQL a push's recording statement (the ledger, the batch, the device's seq, the
contacts with the county's version bump, queued for the rollups: canvass_server/record.py) is a PL/pgSQL function
called with one short statement. PL/pgSQL keeps its statements' plans in the backend, which outlives PgBouncer's
transactions, so behind a transaction-mode pooler (nothing prepared by the client) that big statement is no longer
parsed and planned on every push. The push's two reading statements stay plain statements: as functions they cost
PostgreSQL more than they saved (benchmarks/README.md, issue 20, sixth pass). SQLite: nothing.

Revision ID: 0016
Revises: 0015
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# The ledger rows, the batch row with its answer and the device's seq; with contact rows (p_contacts not NULL),
# last, the scope's version counter bumped, the contacts written with that version and queued for the rollups.
# Returns the version (NULL without contacts). The bump comes last so that the counter row's lock is held for the
# rest of this call and the commit only (canvass_server/record.py says why the pull cursors stay exact). Rows come
# as JSON arrays of objects keyed by column (jsonb_populate_recordset: a missing key is NULL; a column added to a
# table later is written as the JSON has it, with no change here).
PUSH_RECORD = """
CREATE FUNCTION canvass_push_record(p_ledger jsonb, p_batch_id text, p_device_id text, p_seq_first bigint,
                                    p_seq_last bigint, p_sha text, p_answer json, p_received_at timestamptz,
                                    p_contacts jsonb, p_scope text)
RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_version bigint;
    v_base contact_attempt;
BEGIN
    INSERT INTO applied_op SELECT * FROM jsonb_populate_recordset(NULL::applied_op, p_ledger);
    INSERT INTO batch (id, device_id, seq_first, seq_last, body_sha256, answer, received_at)
    VALUES (p_batch_id, p_device_id, p_seq_first, p_seq_last, p_sha, p_answer, p_received_at);
    UPDATE device SET last_seq = GREATEST(device.last_seq, p_seq_last), last_seen_at = p_received_at
     WHERE device.id = p_device_id;
    IF p_contacts IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO change_counter AS cc (scope_key, value, epoch) VALUES (p_scope, 1, 1)
        ON CONFLICT (scope_key) DO UPDATE SET value = cc.value + 1
        RETURNING cc.value INTO v_version;
    v_base.version := v_version;
    WITH added AS (INSERT INTO contact_attempt SELECT * FROM jsonb_populate_recordset(v_base, p_contacts)
                   RETURNING contact_attempt.id)
    INSERT INTO rollup_pending (contact_id) SELECT added.id FROM added;
    RETURN v_version;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PUSH_RECORD)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION canvass_push_record(jsonb, text, text, bigint, bigint, text, json, timestamptz, "
                   "jsonb, text)")
