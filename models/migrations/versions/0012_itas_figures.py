"""ITAS's own figures of a province on a day

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 21:20:00.000000

A coordinator pastes the ITAS status page into the chat: its figures are kept per province and
day, beside the counts reported in the bot.
"""
import sqlalchemy as sa
from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'itas_figures',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('province_id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('units', sa.Integer(), nullable=False),
        *[sa.Column(f'{form}_{what}', sa.Integer(), nullable=True)
          for form in ('iit', 'eit1', 'eit2', 'oit') for what in ('total', 'done')],
        sa.Column('taken_by', sa.String(length=64), nullable=True),
        sa.Column('taken_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('units >= 0', name=op.f('ck_itas_figures_units_not_negative')),
        sa.ForeignKeyConstraint(['province_id'], ['provinces.id'], name=op.f('fk_itas_figures_province_id_provinces'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_itas_figures')),
        sa.UniqueConstraint('province_id', 'year', 'day', name='uq_itas_figures_province_year_day'),
    )


def downgrade() -> None:
    op.drop_table('itas_figures')
