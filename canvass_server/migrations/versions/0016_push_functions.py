"""push functions: on PostgreSQL a push's three statements (the device locked with the replay check and the rate
count; the look-up; the recording statement) are PL/pgSQL functions, each called with one short statement. PL/pgSQL
keeps its statements' parsed (and for canvass_push_record planned) forms in the backend, which outlives PgBouncer's
transactions, so behind a transaction-mode pooler (nothing prepared by the client) a push's SQL is no longer parsed
and analysed on every push. The two reading functions plan each call (plan_cache_mode = force_custom_plan): a
generic plan made while `batch`, `applied_op` and `contact_attempt` were small stays a plan for small tables until
the next ANALYZE, and through the cluster that cost more than planning (benchmarks/README.md, issue 20, sixth
pass). SQLite: nothing.

Revision ID: 0016
Revises: 0015
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# The device with a token hash locked, with its member and county (whole rows, so that a column added later comes
# along), then the batch stored under an id and how many batches the device stored since a moment. In READ
# COMMITTED each statement of a volatile function takes a new snapshot: the look-ups after the lock see what the
# lock's holder committed (a retry of this very batch, say). No row when no device has the token.
PUSH_DEVICE = """
CREATE FUNCTION canvass_push_device(p_token_hash text, p_batch_id text, p_since timestamptz)
RETURNS TABLE (d device, m member, c county, stored_device_id text, stored_body_sha256 text, stored_answer json,
               recent bigint)
LANGUAGE plpgsql VOLATILE SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    v_d device;
BEGIN
    SELECT * INTO v_d FROM device WHERE device.token_hash = p_token_hash FOR UPDATE;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    d := v_d;
    SELECT * INTO m FROM member WHERE member.id = v_d.member_id;
    SELECT * INTO c FROM county WHERE county.id = v_d.county_id;
    SELECT b.device_id, b.body_sha256, b.answer INTO stored_device_id, stored_body_sha256, stored_answer
      FROM batch b WHERE b.id = p_batch_id;
    SELECT count(*) INTO recent FROM batch b WHERE b.device_id = v_d.id AND b.received_at > p_since;
    RETURN NEXT;
END
$$
"""

# The op-id ledger, the county's voters named by the batch's contacts (with whether the member holds or held a turf
# they are on: the "own" reach, turfs.voters_ever_held) and the contact ids already stored (ops.LOOK_UP). The ids
# come as JSON arrays (psycopg dumps a Python list into a PostgreSQL array element by element, in Python).
PUSH_LOOK_UP = """
CREATE FUNCTION canvass_push_look_up(p_ops jsonb, p_member bigint, p_county bigint, p_voters jsonb,
                                     p_contacts jsonb)
RETURNS TABLE (kind text, key text, vid bigint, hid bigint, held boolean)
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_custom_plan AS $$
BEGIN
    RETURN QUERY
    SELECT 'op'::text, a.op_id::text, NULL::bigint, NULL::bigint, NULL::boolean FROM applied_op a
     WHERE a.op_id = ANY(ARRAY(SELECT jsonb_array_elements_text(p_ops)))
    UNION ALL
    SELECT 'voter'::text, v.state_voter_id::text, v.id::bigint, v.household_id::bigint,
           v.id IN (SELECT tl.voter_id FROM turf_line tl JOIN turf_assignment ta ON ta.turf_id = tl.turf_id
                    WHERE ta.member_id = p_member)
      FROM voter v
     WHERE v.county_id = p_county AND v.state_voter_id = ANY(ARRAY(SELECT jsonb_array_elements_text(p_voters)))
    UNION ALL
    SELECT 'contact'::text, ca.id::text, NULL::bigint, NULL::bigint, NULL::boolean FROM contact_attempt ca
     WHERE ca.id = ANY(ARRAY(SELECT jsonb_array_elements_text(p_contacts)));
END
$$
"""

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

SIGNATURES = (
    "canvass_push_device(text, text, timestamptz)",
    "canvass_push_look_up(jsonb, bigint, bigint, jsonb, jsonb)",
    "canvass_push_record(jsonb, text, text, bigint, bigint, text, json, timestamptz, jsonb, text)",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in (PUSH_DEVICE, PUSH_LOOK_UP, PUSH_RECORD):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for signature in SIGNATURES:
        op.execute(f"DROP FUNCTION {signature}")
