"""calendar, chats, inbound events

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 14:28:39.419156
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('inbound_events',
    sa.Column('webhook_event_id', sa.String(length=64), nullable=False),
    sa.Column('event_type', sa.String(length=40), nullable=False),
    sa.Column('chat_id', sa.String(length=64), nullable=True),
    sa.Column('user_id', sa.String(length=64), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.CheckConstraint("status IN ('done', 'ignored', 'failed')", name=op.f('ck_inbound_events_status')),
    sa.PrimaryKeyConstraint('webhook_event_id', name=op.f('pk_inbound_events'))
    )
    with op.batch_alter_table('inbound_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbound_events_chat_id'), ['chat_id'], unique=False)

    op.create_table('provinces',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_provinces')),
    sa.UniqueConstraint('name', name=op.f('uq_provinces_name'))
    )
    op.create_table('calendars',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=10), nullable=False),
    sa.Column('province_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('source', sa.String(length=500), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('checksum', sa.String(length=64), nullable=False),
    sa.Column('loaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(scope = 'nacc') = (province_id IS NULL)", name=op.f('ck_calendars_province_iff_overlay')),
    sa.CheckConstraint("scope IN ('nacc', 'province')", name=op.f('ck_calendars_scope')),
    sa.ForeignKeyConstraint(['province_id'], ['provinces.id'], name=op.f('fk_calendars_province_id_provinces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendars')),
    sa.UniqueConstraint('key', name=op.f('uq_calendars_key'))
    )
    with op.batch_alter_table('calendars', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendars_year'), ['year'], unique=False)

    op.create_table('chats',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('province_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('first_seen', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('user', 'group', 'room')", name=op.f('ck_chats_kind')),
    sa.ForeignKeyConstraint(['province_id'], ['provinces.id'], name=op.f('fk_chats_province_id_provinces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chats'))
    )
    with op.batch_alter_table('chats', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chats_province_id'), ['province_id'], unique=False)

    op.create_table('calendar_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('calendar_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('short', sa.String(length=80), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=True),
    sa.Column('forms', sa.String(length=20), nullable=False),
    sa.Column('actor', sa.String(length=10), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('nacc_step', sa.String(length=60), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.CheckConstraint("actor IN ('unit', 'province', 'nacc')", name=op.f('ck_calendar_steps_actor')),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_calendar_steps_ends_after_start')),
    sa.ForeignKeyConstraint(['calendar_id'], ['calendars.id'], name=op.f('fk_calendar_steps_calendar_id_calendars'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_steps')),
    sa.UniqueConstraint('calendar_id', 'key', name='uq_calendar_steps_calendar_key')
    )
    with op.batch_alter_table('calendar_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_steps_calendar_id'), ['calendar_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('calendar_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_steps_calendar_id'))

    op.drop_table('calendar_steps')
    with op.batch_alter_table('chats', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chats_province_id'))

    op.drop_table('chats')
    with op.batch_alter_table('calendars', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendars_year'))

    op.drop_table('calendars')
    op.drop_table('provinces')
    with op.batch_alter_table('inbound_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inbound_events_chat_id'))

    op.drop_table('inbound_events')

