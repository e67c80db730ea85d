"""a question beyond the bot's data is kept too

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 14:00:00.000000

A question the bot can only point elsewhere for ("ลืมรหัสผ่าน ITAS") is kept for `itabot unknown`
with its own reason, beside those not understood and those asked back about.
"""
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('unclear_messages') as batch:
        batch.drop_constraint(op.f('ck_unclear_messages_reason'), type_='check')
        batch.create_check_constraint(op.f('ck_unclear_messages_reason'),
                                      "reason IN ('not understood', 'asked back', 'beyond the bot')")


def downgrade() -> None:
    op.execute("DELETE FROM unclear_messages WHERE reason = 'beyond the bot'")
    with op.batch_alter_table('unclear_messages') as batch:
        batch.drop_constraint(op.f('ck_unclear_messages_reason'), type_='check')
        batch.create_check_constraint(op.f('ck_unclear_messages_reason'), "reason IN ('not understood', 'asked back')")
