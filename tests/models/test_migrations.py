"""The migrations build exactly the schema the models describe, and go down and up again."""
from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot import db
from models import Base


def test_the_migrated_schema_matches_the_models(app, database_url):
    with app.extensions["itabot.engine"].connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_migrations_go_down_and_up(tmp_path):
    url = f"sqlite:///{tmp_path / 'updown.sqlite3'}"
    db.upgrade(url)
    command.downgrade(db.alembic_config(url), "0003")
    engine = sa.create_engine(url)
    assert not {"pushes", "unclear_messages"} & set(sa.inspect(engine).get_table_names())
    engine.dispose()
    db.upgrade(url)
    engine = sa.create_engine(url)
    inspector = sa.inspect(engine)
    assert {"pushes", "reminder_rules", "unclear_messages"} <= set(inspector.get_table_names())
    assert "words" in {c["name"] for c in inspector.get_columns("calendar_steps")}
    assert [u["column_names"] for u in inspector.get_unique_constraints("reports")] == [
        ["webhook_event_id", "unit_id", "form"]]
    engine.dispose()
