"""replies owed

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 08:42:37.430006

The reply an event owes is committed with the event, then sent: a reply that failed is retried
while its token is fresh, and after that handed to the reminder ledger as an `answer` (pushed,
when it matters) or an `aside` (riding along in the chat's next reply).
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('inbound_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reply_state', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('reply_token', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('reply_token_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('reply_tried_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('reply_body', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('reply_matters', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('reply_attempts', sa.Integer(), server_default='0', nullable=False))
        batch_op.create_index('ix_inbound_events_reply_state', ['reply_state'], unique=False)
        batch_op.create_check_constraint(batch_op.f('ck_inbound_events_reply_state'),
                                         sa.text("reply_state IN ('owed', 'sending', 'sent', 'handed')"))
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_deliveries_kind'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_deliveries_kind'),
                                         sa.text("kind IN ('deadline', 'nudge', 'notice', 'answer', 'aside')"))


def downgrade() -> None:
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_deliveries_kind'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_deliveries_kind'), sa.text("kind IN ('deadline', 'nudge', 'notice')"))
    with op.batch_alter_table('inbound_events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_inbound_events_reply_state'), type_='check')
        batch_op.drop_index('ix_inbound_events_reply_state')
        batch_op.drop_column('reply_attempts')
        batch_op.drop_column('reply_matters')
        batch_op.drop_column('reply_body')
        batch_op.drop_column('reply_tried_at')
        batch_op.drop_column('reply_token_at')
        batch_op.drop_column('reply_token')
        batch_op.drop_column('reply_state')
