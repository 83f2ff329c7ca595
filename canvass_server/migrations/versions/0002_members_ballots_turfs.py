"""members, turfs that travel, ballots; authorship is the server's

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 17:44:34.105270
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('member',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('county_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('email', sa.String(length=120), nullable=True),
    sa.Column('phone', sa.String(length=30), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('added_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status_changed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['added_by'], ['member.id'], name=op.f('fk_member_added_by_member')),
    sa.ForeignKeyConstraint(['county_id'], ['county.id'], name=op.f('fk_member_county_id_county')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member'))
    )
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_county_id'), ['county_id'], unique=False)
        batch_op.create_index('ix_member_pull', ['county_id', 'version', 'id'], unique=False)

    op.create_table('ballot',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('brief_slug', sa.String(length=80), nullable=False),
    sa.Column('scope', sa.String(length=10), nullable=False),
    sa.Column('county_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('state', sa.String(length=2), nullable=True),
    sa.Column('opens_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closes_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('quorum', sa.Double(), nullable=False),
    sa.Column('threshold', sa.Double(), nullable=False),
    sa.Column('electorate', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('opened_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('result', sa.JSON(), nullable=True),
    sa.Column('version', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['county_id'], ['county.id'], name=op.f('fk_ballot_county_id_county')),
    sa.ForeignKeyConstraint(['opened_by'], ['member.id'], name=op.f('fk_ballot_opened_by_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ballot'))
    )
    with op.batch_alter_table('ballot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ballot_brief_slug'), ['brief_slug'], unique=False)
        batch_op.create_index('ix_ballot_pull', ['version', 'id'], unique=False)

    op.create_table('ballot_elector',
    sa.Column('ballot_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('member_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['ballot_id'], ['ballot.id'], name=op.f('fk_ballot_elector_ballot_id_ballot')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_ballot_elector_member_id_member')),
    sa.PrimaryKeyConstraint('ballot_id', 'member_id', name=op.f('pk_ballot_elector'))
    )
    op.create_table('ballot_vote',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('ballot_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('member_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('choice', sa.String(length=8), nullable=False),
    sa.Column('receipt', sa.String(length=64), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('op_id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['ballot_id'], ['ballot.id'], name=op.f('fk_ballot_vote_ballot_id_ballot')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_ballot_vote_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ballot_vote')),
    sa.UniqueConstraint('ballot_id', 'member_id', name=op.f('uq_ballot_vote_ballot_id'))
    )
    op.create_table('turf_assignment',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('turf_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('member_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('assigned_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('returned_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_turf_assignment_member_id_member')),
    sa.ForeignKeyConstraint(['turf_id'], ['turf.id'], name=op.f('fk_turf_assignment_turf_id_turf')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_turf_assignment'))
    )
    with op.batch_alter_table('turf_assignment', schema=None) as batch_op:
        batch_op.create_index('ix_turf_assignment_member', ['member_id', 'turf_id'], unique=False)

    op.create_table('turf_line',
    sa.Column('turf_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('line', sa.Integer(), nullable=False),
    sa.Column('voter_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['turf_id'], ['turf.id'], name=op.f('fk_turf_line_turf_id_turf')),
    sa.ForeignKeyConstraint(['voter_id'], ['voter.id'], name=op.f('fk_turf_line_voter_id_voter')),
    sa.PrimaryKeyConstraint('turf_id', 'line', name=op.f('pk_turf_line'))
    )
    with op.batch_alter_table('turf_line', schema=None) as batch_op:
        batch_op.create_index('ix_turf_line_voter', ['voter_id'], unique=False)

    with op.batch_alter_table('policy_vote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_policy_vote_brief_slug'))

    op.drop_table('policy_vote')
    with op.batch_alter_table('contact_attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('member_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True))
        batch_op.add_column(sa.Column('version', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False,
                                      server_default='0'))
        batch_op.create_index('ix_contact_pull', ['county_id', 'version', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_attempt_member_id'), ['member_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_contact_attempt_member_id_member'), 'member', ['member_id'], ['id'])

    with op.batch_alter_table('device', schema=None) as batch_op:
        batch_op.add_column(sa.Column('member_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True))
        batch_op.add_column(sa.Column('list_series', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_device_member_id'), ['member_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_device_member_id_member'), 'member', ['member_id'], ['id'])

    with op.batch_alter_table('enrollment_code', schema=None) as batch_op:
        batch_op.add_column(sa.Column('member_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True))
        batch_op.add_column(sa.Column('created_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True))
        batch_op.add_column(sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('code_key', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_enrollment_code_created_by'), ['created_by'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_enrollment_code_member_id_member'), 'member', ['member_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_enrollment_code_created_by_member'), 'member', ['created_by'], ['id'])

    with op.batch_alter_table('turf', schema=None) as batch_op:
        batch_op.add_column(sa.Column('precinct_code', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('both_sides_ascending', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('created_by_device', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('member_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True))
        batch_op.add_column(sa.Column('deleted', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.create_index(batch_op.f('ix_turf_member_id'), ['member_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_turf_member_id_member'), 'member', ['member_id'], ['id'])
        batch_op.drop_column('returned_at')
        batch_op.drop_column('canvasser')

    # Counties are unique by state and case-insensitive name ("DURHAM" is Durham). Made last: SQLite's batch
    # operations above reflect county (a foreign-key target) and cannot reflect an expression index.
    op.create_index('uq_county_lower_name_state', 'county', [sa.text('lower(name)'), 'state'], unique=True)


def downgrade() -> None:
    op.drop_index('uq_county_lower_name_state', table_name='county')
    with op.batch_alter_table('turf', schema=None) as batch_op:
        batch_op.add_column(sa.Column('canvasser', sa.VARCHAR(length=120), nullable=True))
        batch_op.add_column(sa.Column('returned_at', sa.DATETIME(), nullable=True))
        batch_op.drop_constraint(batch_op.f('fk_turf_member_id_member'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_turf_member_id'))
        batch_op.drop_column('deleted')
        batch_op.drop_column('member_id')
        batch_op.drop_column('created_by_device')
        batch_op.drop_column('both_sides_ascending')
        batch_op.drop_column('precinct_code')

    with op.batch_alter_table('enrollment_code', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_enrollment_code_created_by_member'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_enrollment_code_member_id_member'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_enrollment_code_created_by'))
        batch_op.drop_column('code_key')
        batch_op.drop_column('revoked_at')
        batch_op.drop_column('created_by')
        batch_op.drop_column('member_id')

    with op.batch_alter_table('device', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_device_member_id_member'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_device_member_id'))
        batch_op.drop_column('list_series')
        batch_op.drop_column('member_id')

    with op.batch_alter_table('contact_attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_pull')
        batch_op.drop_column('version')
        batch_op.drop_constraint(batch_op.f('fk_contact_attempt_member_id_member'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_contact_attempt_member_id'))
        batch_op.drop_column('member_id')

    op.create_table('policy_vote',
    sa.Column('id', sa.VARCHAR(length=36), nullable=False),
    sa.Column('brief_slug', sa.VARCHAR(length=80), nullable=False),
    sa.Column('person', sa.VARCHAR(length=120), nullable=False),
    sa.Column('choice', sa.VARCHAR(length=8), nullable=False),
    sa.Column('comment', sa.TEXT(), nullable=True),
    sa.Column('created_at', sa.VARCHAR(length=40), nullable=False),
    sa.Column('county_id', sa.INTEGER(), nullable=False),
    sa.Column('device_id', sa.VARCHAR(length=36), nullable=False),
    sa.Column('received_at', sa.DATETIME(), nullable=False),
    sa.ForeignKeyConstraint(['county_id'], ['county.id'], name=op.f('fk_policy_vote_county_id_county')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_policy_vote')),
    sa.UniqueConstraint('brief_slug', 'person', name=op.f('uq_policy_vote_brief_slug'))
    )
    with op.batch_alter_table('policy_vote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_policy_vote_brief_slug'), ['brief_slug'], unique=False)

    with op.batch_alter_table('turf_line', schema=None) as batch_op:
        batch_op.drop_index('ix_turf_line_voter')

    op.drop_table('turf_line')
    with op.batch_alter_table('turf_assignment', schema=None) as batch_op:
        batch_op.drop_index('ix_turf_assignment_member')

    op.drop_table('turf_assignment')
    op.drop_table('ballot_vote')
    op.drop_table('ballot_elector')
    with op.batch_alter_table('ballot', schema=None) as batch_op:
        batch_op.drop_index('ix_ballot_pull')
        batch_op.drop_index(batch_op.f('ix_ballot_brief_slug'))

    op.drop_table('ballot')
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.drop_index('ix_member_pull')
        batch_op.drop_index(batch_op.f('ix_member_county_id'))

    op.drop_table('member')
