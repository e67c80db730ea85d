"""reminder outbox (pushes with their retry keys), per-province rules, member counts

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 16:09:45.284937

A push may carry several reminders of one chat, so the retry key moves from each
delivery to the push that carries it.
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

STATUSES = "status IN ('pending', 'pushing', 'deferred', 'riding', 'sent', 'dropped')"
OLD_STATUSES = "status IN ('pending', 'sent', 'deferred', 'riding', 'dropped')"


def upgrade() -> None:
    op.create_table('reminder_rules',
    sa.Column('province_id', sa.Integer(), nullable=False),
    sa.Column('days_before', sa.String(length=40), nullable=False),
    sa.Column('on_first_day', sa.Boolean(), nullable=False),
    sa.Column('on_last_day', sa.Boolean(), nullable=False),
    sa.Column('at', sa.String(length=5), nullable=False),
    sa.Column('working_days_only', sa.Boolean(), nullable=False),
    sa.Column('nudge_weekday', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint('nudge_weekday BETWEEN 0 AND 6', name=op.f('ck_reminder_rules_weekday')),
    sa.ForeignKeyConstraint(['province_id'], ['provinces.id'], name=op.f('fk_reminder_rules_province_id_provinces'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('province_id', name=op.f('pk_reminder_rules'))
    )
    op.create_table('pushes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('chat_id', sa.String(length=64), nullable=False),
    sa.Column('retry_key', sa.String(length=36), nullable=False),
    sa.Column('texts', sa.Text(), nullable=False),
    sa.Column('cost', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('fresh_until', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.String(length=200), nullable=True),
    sa.CheckConstraint("status IN ('pending', 'sent', 'failed')", name=op.f('ck_pushes_status')),
    sa.ForeignKeyConstraint(['chat_id'], ['chats.id'], name=op.f('fk_pushes_chat_id_chats'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pushes')),
    sa.UniqueConstraint('retry_key', name=op.f('uq_pushes_retry_key'))
    )
    with op.batch_alter_table('pushes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pushes_chat_id'), ['chat_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pushes_status'), ['status'], unique=False)

    with op.batch_alter_table('chats', schema=None) as batch_op:
        batch_op.add_column(sa.Column('member_count', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('member_count_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('riders_until', sa.Date(), nullable=True))

    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('due_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('fresh_until', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('push_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('via', sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column('reason', sa.String(length=40), nullable=True))
    # Rows planned before this revision: due when planned, fresh until their deadline.
    op.execute("UPDATE deliveries SET due_at = planned_at, fresh_until = deadline")
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.alter_column('due_at', existing_type=sa.DateTime(timezone=True), nullable=False)
        batch_op.alter_column('fresh_until', existing_type=sa.Date(), nullable=False)
        batch_op.drop_constraint(batch_op.f('uq_deliveries_retry_key'), type_='unique')
        batch_op.drop_constraint(batch_op.f('ck_deliveries_status'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_deliveries_status'), sa.text(STATUSES))
        batch_op.create_check_constraint(batch_op.f('ck_deliveries_kind'), sa.text("kind IN ('deadline', 'nudge', 'notice')"))
        batch_op.create_check_constraint(batch_op.f('ck_deliveries_via'), sa.text("via IN ('push', 'reply')"))
        batch_op.create_index(batch_op.f('ix_deliveries_push_id'), ['push_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deliveries_status'), ['status'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_deliveries_push_id_pushes'), 'pushes', ['push_id'], ['id'], ondelete='SET NULL')
        batch_op.drop_column('retry_key')
        batch_op.drop_column('attempts')


def downgrade() -> None:
    op.execute("UPDATE deliveries SET status = 'pending' WHERE status = 'pushing'")
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('retry_key', sa.String(length=36), nullable=True))
    # Each delivery gets a key of its own again (its id, padded): unique, as the old schema wants.
    op.execute("UPDATE deliveries SET retry_key = 'migrated-' || CAST(id AS VARCHAR(20))")
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.alter_column('retry_key', existing_type=sa.String(length=36), nullable=False)
        batch_op.drop_constraint(batch_op.f('fk_deliveries_push_id_pushes'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_deliveries_status'))
        batch_op.drop_index(batch_op.f('ix_deliveries_push_id'))
        batch_op.drop_constraint(batch_op.f('ck_deliveries_via'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_deliveries_kind'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_deliveries_status'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_deliveries_status'), sa.text(OLD_STATUSES))
        batch_op.create_unique_constraint(batch_op.f('uq_deliveries_retry_key'), ['retry_key'])
        batch_op.drop_column('reason')
        batch_op.drop_column('via')
        batch_op.drop_column('push_id')
        batch_op.drop_column('fresh_until')
        batch_op.drop_column('due_at')

    with op.batch_alter_table('chats', schema=None) as batch_op:
        batch_op.drop_column('riders_until')
        batch_op.drop_column('member_count_at')
        batch_op.drop_column('member_count')

    with op.batch_alter_table('pushes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pushes_status'))
        batch_op.drop_index(batch_op.f('ix_pushes_chat_id'))

    op.drop_table('pushes')
    op.drop_table('reminder_rules')
