"""calendar step words, unclear messages, reports unique per event, unit and form

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 05:29:12.702696

Each calendar step carries the words people name it by; messages the bot could not
understand (or asked back about) are kept, without their sender, to grow the vocabulary.
One message may report several units (a coordinator's list), so a report is unique per
event, unit and form.
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('unclear_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('chat_kind', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("chat_kind IN ('user', 'group', 'room')", name=op.f('ck_unclear_messages_chat_kind')),
    sa.CheckConstraint("reason IN ('not understood', 'asked back')", name=op.f('ck_unclear_messages_reason')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unclear_messages'))
    )
    with op.batch_alter_table('unclear_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unclear_messages_received_at'), ['received_at'], unique=False)

    with op.batch_alter_table('calendar_steps', schema=None) as batch_op:
        batch_op.add_column(sa.Column('words', sa.Text(), server_default='', nullable=False))

    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_constraint('uq_reports_event_form', type_='unique')
        batch_op.create_unique_constraint('uq_reports_event_unit_form', ['webhook_event_id', 'unit_id', 'form'])



def downgrade() -> None:
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_constraint('uq_reports_event_unit_form', type_='unique')
        batch_op.create_unique_constraint('uq_reports_event_form', ['webhook_event_id', 'form'])

    with op.batch_alter_table('calendar_steps', schema=None) as batch_op:
        batch_op.drop_column('words')

    with op.batch_alter_table('unclear_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unclear_messages_received_at'))

    op.drop_table('unclear_messages')
