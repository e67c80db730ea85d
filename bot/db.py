"""Database engine, one session per request, and schema upgrades through Alembic."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config as AlembicConfig
from flask import Flask, current_app, g
from sqlalchemy import orm

MIGRATIONS = Path(__file__).resolve().parent.parent / "models" / "migrations"


def make_engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 15}, hide_parameters=True)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    # hide_parameters: an error names the statement, never the values (people's ids and messages).
    return sa.create_engine(url, pool_pre_ping=True, hide_parameters=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers go on while the webhook writes; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (see _sqlite_begin).
    dbapi_connection.isolation_level = None


def _sqlite_begin(connection: sa.Connection) -> None:
    # An explicit BEGIN makes savepoints work. It is deferred, so read-only sessions never block
    # writers, except where the transaction said it will write (`begin_writing`).
    immediate = connection.get_execution_options().get(_WRITES)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


_WRITES = "itabot_writes"


@contextmanager
def writing(session: orm.Session):
    """`with writing(session):` a transaction begun by `begin_writing`, committed at the end."""
    begin_writing(session)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise


def begin_writing(session: orm.Session) -> None:
    """Begin a transaction that will write. On SQLite it takes the write lock at once: two
    transactions that both read and then both write cannot be made to wait for each other there
    (SQLite fails one at once, "database is locked"), while waiting for the lock is safe."""
    session.begin()
    session.connection(execution_options={_WRITES: True})


def init_app(app: Flask, url: str) -> None:
    engine = make_engine(url)
    app.extensions["itabot.engine"] = engine
    app.extensions["itabot.sessionmaker"] = orm.sessionmaker(engine, expire_on_commit=False)
    app.teardown_appcontext(_close_session)


def sessionmaker(app: Flask | None = None) -> orm.sessionmaker:
    """For work outside a request (CLI, jobs): `with sessionmaker()() as s, s.begin(): ...`."""
    return (app or current_app).extensions["itabot.sessionmaker"]


def request_session() -> orm.Session:
    """The session of the current request, opened on first use and closed on teardown."""
    if "db_session" not in g:
        g.db_session = sessionmaker()()
    return g.db_session


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def alembic_config(url: str) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["database_url"] = url
    return config


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)
