"""The migrations build exactly the schema the models describe, and go down and up again."""
from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot import db
from models import Base


def test_the_migrated_schema_matches_the_models(app, database_url):
    with app.extensions["itabot.engine"].connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_reminder_migration_goes_down_and_up(tmp_path):
    url = f"sqlite:///{tmp_path / 'updown.sqlite3'}"
    db.upgrade(url)
    from alembic import command

    command.downgrade(db.alembic_config(url), "0003")
    engine = sa.create_engine(url)
    assert "pushes" not in sa.inspect(engine).get_table_names()
    engine.dispose()
    db.upgrade(url)
    engine = sa.create_engine(url)
    assert {"pushes", "reminder_rules"} <= set(sa.inspect(engine).get_table_names())
    engine.dispose()
