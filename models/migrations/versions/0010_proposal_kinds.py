"""proposal kinds

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 13:00:00.000000

A proposal waiting for its confirm button is a deadline moved in chat ("move"), a calendar sent
as a file ("file"), or a province's units sent as a file ("units").
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('calendar_proposals') as batch:
        batch.add_column(sa.Column('kind', sa.String(length=10), nullable=False, server_default='move'))
        batch.create_check_constraint(op.f('ck_calendar_proposals_kind'), "kind IN ('move', 'file', 'units')")


def downgrade() -> None:
    with op.batch_alter_table('calendar_proposals') as batch:
        batch.drop_constraint(op.f('ck_calendar_proposals_kind'), type_='check')
        batch.drop_column('kind')
