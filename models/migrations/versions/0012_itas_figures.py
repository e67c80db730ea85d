"""ITAS's own figures of a province on a day, and of its units

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 21:20:00.000000

A coordinator pastes the ITAS status page into the chat: its figures are kept per province and
day, beside the counts reported in the bot; a sheet of ITAS's per-unit figures, per unit.
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
        sa.Column('totals_from_sheet', sa.Boolean(), nullable=False),
        sa.Column('taken_by', sa.String(length=64), nullable=True),
        sa.Column('taken_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('units >= 0', name=op.f('ck_itas_figures_units_not_negative')),
        sa.ForeignKeyConstraint(['province_id'], ['provinces.id'], name=op.f('fk_itas_figures_province_id_provinces'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_itas_figures')),
        sa.UniqueConstraint('province_id', 'year', 'day', name='uq_itas_figures_province_year_day'),
    )
    op.create_table(
        'itas_unit_figures',
        sa.Column('figures_id', sa.Integer(), nullable=False),
        sa.Column('unit_id', sa.Integer(), nullable=False),
        sa.Column('iit', sa.Integer(), nullable=False),
        sa.Column('eit1', sa.Integer(), nullable=False),
        sa.Column('eit2', sa.Integer(), nullable=True),
        sa.Column('oit_state', sa.String(length=20), nullable=True),
        sa.CheckConstraint('iit >= 0 AND eit1 >= 0 AND (eit2 IS NULL OR eit2 >= 0)',
                           name=op.f('ck_itas_unit_figures_counts_not_negative')),
        sa.ForeignKeyConstraint(['figures_id'], ['itas_figures.id'],
                                name=op.f('fk_itas_unit_figures_figures_id_itas_figures'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_itas_unit_figures_unit_id_units'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('figures_id', 'unit_id', name=op.f('pk_itas_unit_figures')),
    )


def downgrade() -> None:
    op.drop_table('itas_unit_figures')
    op.drop_table('itas_figures')
