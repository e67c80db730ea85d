"""Fixtures: a migrated test database, a fake LINE API on loopback, the app pointed at both,
`line`, which plays LINE's part so tests read like conversations, and the provinces of
tests/provinces.py."""
from __future__ import annotations

import os

import pytest
import sqlalchemy as sa

from bot import db
from bot.app import create_app, shutdown
from bot.cli.demo import DEFAULT_NOW as DEMO_NOW
from bot.cli.demo import Demo
from bot.clock import parse_instant
from bot.ita.calendar_files import read_calendar, store_calendar
from bot.line.fakeline import FakeLine
from bot.line.simulator import LineSimulator
from models import Base
from models import Member
from tests.provinces import CALENDARS, SUPERADMIN, set_up_lamphun, set_up_lamphun_status_page

SECRET = "test-channel-secret"
TOKEN = "test-access-token"
# A Thursday inside the ITA 2568 OIT window.
DEFAULT_NOW = "2025-04-10T09:00:00+07:00"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    """SQLite by default; PostgreSQL (or any URL) when TEST_DATABASE_URL is set."""
    url = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    engine = sa.create_engine(url)
    with engine.begin() as connection:  # start from nothing, so the migrations are what is tested
        Base.metadata.drop_all(connection)
        connection.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    db.upgrade(url)
    return url


@pytest.fixture(scope="session")
def fake_line():
    with FakeLine(access_token=TOKEN) as fake:
        yield fake


@pytest.fixture
def app(database_url, fake_line):
    fake_line.reset()
    app = create_app({
        "testing": True, "line_channel_secret": SECRET, "line_channel_access_token": TOKEN,
        "line_api_base_url": fake_line.url, "line_data_api_base_url": fake_line.url, "database_url": database_url, "now": DEFAULT_NOW,
        "line_timeout": 1.0,
    })
    yield app
    with app.extensions["itabot.engine"].begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    shutdown(app)


@pytest.fixture
def session(app):
    with db.sessionmaker(app)() as session:
        yield session


@pytest.fixture
def line(app, fake_line) -> LineSimulator:
    return LineSimulator(app, fake_line, SECRET)


@pytest.fixture
def clock(app):
    return app.extensions["itabot.clock"]


@pytest.fixture
def calendars(app):
    """The calendars shipped in data/calendars, loaded."""
    with db.sessionmaker(app)() as session, session.begin():
        for path in sorted(CALENDARS.glob("*.yaml")):
            store_calendar(session, read_calendar(path), app.extensions["itabot.clock"].now())


@pytest.fixture
def lamphun(app, calendars, session, fake_line, clock):
    """The demo province with its coordinator and chats (tests/provinces.py)."""
    set_up_lamphun(app, session, fake_line, clock.now())


@pytest.fixture
def lamphun_status_page(calendars, session, clock):
    """Lamphun as the ITAS status page of seed 004 shows it (tests/provinces.py)."""
    set_up_lamphun_status_page(session, clock.now())


@pytest.fixture
def superadmin(session, clock) -> str:
    """A superadmin: changes the NACC's calendar and drafts new years."""
    session.add(Member(user_id=SUPERADMIN, role="superadmin", joined_at=clock.now()))
    session.commit()
    return SUPERADMIN


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """`itabot demo` as a user starts it (its own SQLite file, fake LINE, web app on a free port),
    at its default date; shared by a module's tests, so each plays in chats of its own."""
    started = Demo(tmp_path_factory.mktemp("demo") / "demo.sqlite3", parse_instant(DEMO_NOW)).start()
    yield started
    started.stop()
