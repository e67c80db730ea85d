"""calendar drafts and the calendar's history of changes

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 12:10:00.000000

A year's calendar may be a draft carried from an earlier year (its dates an estimate until the
NACC announces), read by the reminder pass only once a superadmin switches it on; a calendar
changed since its file was loaded is kept by `itabot init`; every change of a year's calendar
is kept with who made it and the step before and after.
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('calendars', schema=None) as batch_op:
        batch_op.add_column(sa.Column('estimated_from', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reminders_on', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.add_column(sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True))

    op.create_table('calendar_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('calendar_key', sa.String(length=120), nullable=False),
    sa.Column('step_key', sa.String(length=60), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.CheckConstraint("kind IN ('draft', 'load', 'move', 'add', 'remove', 'reminders')",
                       name=op.f('ck_calendar_changes_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_changes'))
    )
    with op.batch_alter_table('calendar_changes', schema=None) as batch_op:
        batch_op.create_index('ix_calendar_changes_year_at', ['year', 'at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('calendar_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_calendar_changes_year_at')
    op.drop_table('calendar_changes')
    with op.batch_alter_table('calendars', schema=None) as batch_op:
        batch_op.drop_column('edited_at')
        batch_op.drop_column('reminders_on')
        batch_op.drop_column('estimated_from')
