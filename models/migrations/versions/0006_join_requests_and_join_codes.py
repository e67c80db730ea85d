"""join requests and join codes

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 08:21:22.172166

Joining a unit needs a coordinator's approval (a request, approved with a button) or the unit's
join code, issued by its coordinator and kept only as a hash.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('join_codes',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('issued_by', sa.String(length=64), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.CheckConstraint('failures >= 0', name=op.f('ck_join_codes_failures_not_negative')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_join_codes_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('unit_id', name=op.f('pk_join_codes'))
    )
    op.create_table('join_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('chat_id', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=64), nullable=True),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_by', sa.String(length=64), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("state IN ('pending', 'approved', 'rejected')", name=op.f('ck_join_requests_state')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_join_requests_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_join_requests'))
    )
    with op.batch_alter_table('join_requests', schema=None) as batch_op:
        batch_op.create_index('ix_join_requests_unit_state', ['unit_id', 'state'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('join_requests', schema=None) as batch_op:
        batch_op.drop_index('ix_join_requests_unit_state')

    op.drop_table('join_requests')
    op.drop_table('join_codes')
