"""units, quotas, reports, members, audit log

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 15:57:16.597528
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('target', sa.String(length=200), nullable=True),
    sa.Column('allowed', sa.Boolean(), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('province_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.CheckConstraint("kind IN ('province_admin', 'district', 'pao', 'city', 'town', 'subdistrict', 'sao', 'other')", name=op.f('ck_units_kind')),
    sa.ForeignKeyConstraint(['province_id'], ['provinces.id'], name=op.f('fk_units_province_id_provinces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('province_id', 'name', name='uq_units_province_name')
    )
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_units_key'), ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_units_province_id'), ['province_id'], unique=False)

    op.create_table('members',
    sa.Column('user_id', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=True),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('province_id', sa.Integer(), nullable=True),
    sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("role IN ('member', 'executive', 'coordinator', 'superadmin')", name=op.f('ck_members_role')),
    sa.ForeignKeyConstraint(['province_id'], ['provinces.id'], name=op.f('fk_members_province_id_provinces')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_members_unit_id_units'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_members'))
    )
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_members_province_id'), ['province_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_members_unit_id'), ['unit_id'], unique=False)

    op.create_table('oit_states',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("state IN ('not_started', 'answering', 'awaiting_approval', 'approved')", name=op.f('ck_oit_states_state')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_oit_states_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('unit_id', 'year', name=op.f('pk_oit_states'))
    )
    op.create_table('quotas',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('iit_min', sa.Integer(), nullable=False),
    sa.Column('eit_min', sa.Integer(), nullable=False),
    sa.Column('internal_stakeholders', sa.Integer(), nullable=True),
    sa.CheckConstraint('iit_min >= 0 AND eit_min >= 0', name=op.f('ck_quotas_minimums_not_negative')),
    sa.CheckConstraint('internal_stakeholders IS NULL OR internal_stakeholders >= 0', name=op.f('ck_quotas_stakeholders_not_negative')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_quotas_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('unit_id', 'year', name=op.f('pk_quotas'))
    )
    op.create_table('reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('form', sa.String(length=3), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('reported_by', sa.String(length=64), nullable=True),
    sa.Column('chat_id', sa.String(length=64), nullable=True),
    sa.Column('webhook_event_id', sa.String(length=64), nullable=True),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("form IN ('IIT', 'EIT')", name=op.f('ck_reports_form')),
    sa.CheckConstraint('count >= 0 AND count <= 100000', name=op.f('ck_reports_count_in_range')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_reports_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reports')),
    sa.UniqueConstraint('webhook_event_id', 'form', name='uq_reports_event_form')
    )
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index('ix_reports_unit_year_form', ['unit_id', 'year', 'form', 'id'], unique=False)

    op.create_table('unit_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=200), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_unit_aliases_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_aliases')),
    sa.UniqueConstraint('unit_id', 'key', name='uq_unit_aliases_unit_key')
    )
    with op.batch_alter_table('unit_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_aliases_key'), ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_aliases_unit_id'), ['unit_id'], unique=False)

    with op.batch_alter_table('chats', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unit_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_chats_unit_id'), ['unit_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_chats_unit_id_units'), 'units', ['unit_id'], ['id'], ondelete='SET NULL')




def downgrade() -> None:

    with op.batch_alter_table('chats', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_chats_unit_id_units'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_chats_unit_id'))
        batch_op.drop_column('unit_id')

    with op.batch_alter_table('unit_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_aliases_unit_id'))
        batch_op.drop_index(batch_op.f('ix_unit_aliases_key'))

    op.drop_table('unit_aliases')
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index('ix_reports_unit_year_form')

    op.drop_table('reports')
    op.drop_table('quotas')
    op.drop_table('oit_states')
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_members_unit_id'))
        batch_op.drop_index(batch_op.f('ix_members_province_id'))

    op.drop_table('members')
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_units_province_id'))
        batch_op.drop_index(batch_op.f('ix_units_key'))

    op.drop_table('units')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')

