"""the HQ console: logins, sessions, failed logins, audit log; an index for effective results

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 18:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('console_login',
    sa.Column('member_id', ID, nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('totp_secret', sa.String(length=64), nullable=False),
    sa.Column('last_totp_step', ID, nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_console_login_member_id_member')),
    sa.PrimaryKeyConstraint('member_id', name=op.f('pk_console_login'))
    )
    op.create_table('console_session',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('member_id', ID, nullable=False),
    sa.Column('csrf_token', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_console_session_member_id_member')),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_console_session'))
    )
    with op.batch_alter_table('console_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_console_session_member_id'), ['member_id'], unique=False)
    op.create_table('console_login_failure',
    sa.Column('id', ID, nullable=False),
    sa.Column('key', sa.String(length=160), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_console_login_failure'))
    )
    with op.batch_alter_table('console_login_failure', schema=None) as batch_op:
        batch_op.create_index('ix_console_login_failure_key_at', ['key', 'at'], unique=False)
    op.create_table('console_audit',
    sa.Column('id', ID, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('member_id', ID, nullable=True),
    sa.Column('county_id', ID, nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('target', sa.String(length=120), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=True),
    sa.Column('address', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['county_id'], ['county.id'], name=op.f('fk_console_audit_county_id_county')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_console_audit_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_console_audit'))
    )
    with op.batch_alter_table('console_audit', schema=None) as batch_op:
        batch_op.create_index('ix_console_audit_county_at', ['county_id', 'at'], unique=False)
    with op.batch_alter_table('contact_attempt', schema=None) as batch_op:
        batch_op.create_index('ix_contact_attempt_corrects_id', ['corrects_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('contact_attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_attempt_corrects_id')
    op.drop_table('console_audit')
    op.drop_table('console_login_failure')
    op.drop_table('console_session')
    op.drop_table('console_login')
