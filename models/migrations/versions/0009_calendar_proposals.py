"""calendar proposals

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 13:05:00.000000

A deadline moved in chat is first a proposal, shown to its author with the reminders and chats
it touches; only its confirm button stores it, once, while it is fresh.
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('calendar_proposals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('chat_id', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('base', sa.Text(), nullable=False),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("state IN ('pending', 'applied', 'cancelled', 'stale')",
                       name=op.f('ck_calendar_proposals_state')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_proposals'))
    )


def downgrade() -> None:
    op.drop_table('calendar_proposals')
