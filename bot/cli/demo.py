"""`itabot demo`: the whole bot on this machine with no LINE account, in the browser.

An SQLite database with the calendars and the demo province (`bot.ita.demo_province`), a fake
LINE platform on loopback with the rich menus installed, and the web app with `/simulator`,
all on 127.0.0.1 until Ctrl-C. The tests and the benchmarks start the same `Demo`.
"""
from __future__ import annotations

import secrets
from dataclasses import replace
import threading
from datetime import datetime
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from werkzeug.serving import WSGIRequestHandler, make_server

from bot import db
from bot.app import create_app, shutdown
from bot.clock import parse_instant
from bot.ita import demo_province
from bot.line import richmenu
from bot.line.fakeline import FakeLine
from bot.web.simulator import attach

# Inside the ITA 2568 cycle: IIT and EIT being collected, OIT answered until 30 April, a week
# before that deadline, so a reminder pass has something to send.
DEFAULT_NOW = "2025-04-23T09:30+07:00"


class Demo:
    """The demo's processes in this one: start(), then `url`; stop() closes everything."""

    def __init__(self, database: Path, now: datetime, port: int = 0, reset: bool = False):
        self.database, self.now, self.reset = database, now, reset
        self._port = port  # 0: any free one
        self.fake: FakeLine | None = None
        self.app: Flask | None = None
        self._server = None
        self.seeded = False

    def start(self) -> Demo:
        if self.reset:
            self.database.unlink(missing_ok=True)
        self.database.parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{self.database}"
        secret, token = secrets.token_hex(16), secrets.token_hex(16)
        self.fake = FakeLine(access_token=token).start()
        self.app = create_app({"line_channel_secret": secret, "line_channel_access_token": token,
                               "line_api_base_url": self.fake.url, "line_data_api_base_url": self.fake.url,
                               "database_url": url, "now": self.now, "mode": "demo"})
        with self.app.app_context():  # `itabot init` on this app, not on the one the command runs in
            result = self.app.test_cli_runner().invoke(args=["init"])
        if result.exit_code != 0:
            raise click.ClickException(f"itabot init failed:\n{result.output}")
        self._seed()
        self._play_line()
        attach(self.app, self.fake)
        self._server = make_server("127.0.0.1", self._port, self.app, threaded=True, request_handler=_Quiet)
        # Links the bot sends (the dashboard, templates) point at this server, not at the webhook's
        # in-process address.
        self.app.config["ITABOT"] = replace(self.app.config["ITABOT"], public_url=self.url)
        threading.Thread(target=self._server.serve_forever, name="demo-web", daemon=True).start()
        return self

    @property
    def port(self) -> int:
        return self._server.server_port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self.app is not None:
            shutdown(self.app)
        if self.fake is not None:
            self.fake.stop()

    def _seed(self) -> None:
        with db.sessionmaker(self.app)() as session, session.begin():
            if not demo_province.is_seeded(session):
                demo_province.seed(session, self.now)
                self.seeded = True

    def _play_line(self) -> None:
        """What LINE would know: the people's names, the groups' sizes, the rich menus."""
        for person in demo_province.PEOPLE:
            self.fake.set_profile(person.user_id, person.name)
        for place in demo_province.PLACES:
            if place.chat_id:
                self.fake.set_member_count(place.chat_id, place.members)
                self.fake.set_group_name(place.chat_id, place.name)
        gateway = self.app.extensions["itabot.gateway"]
        gateway.set_default_rich_menu(gateway.create_rich_menu(richmenu.member_menu()))
        coordinators = gateway.create_rich_menu(richmenu.coordinator_menu())
        for person in demo_province.PEOPLE:
            if person.role == "coordinator":
                gateway.link_rich_menu(person.user_id, coordinators)


class _Quiet(WSGIRequestHandler):
    """Not a line per request in the terminal; errors are still logged."""

    def log_request(self, *_args) -> None:
        pass


@click.command("demo")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535),
              help="The web app's port on 127.0.0.1 (0: any free one).")
@click.option("--now", "now", help="The demo's date and time, ISO-8601 (default: ITABOT_NOW, else "
                                   f"{DEFAULT_NOW}, inside the ITA 2568 cycle).")
@click.option("--reset", is_flag=True, help="Start again from a fresh demo database.")
@click.option("--database", type=click.Path(dir_okay=False, path_type=Path),
              help="The demo's SQLite file (default: instance/demo.sqlite3).")
@with_appcontext
def demo_command(port: int, now: str | None, reset: bool, database: Path | None) -> None:
    """Try the bot in the browser: fake LINE, demo province, /simulator (Ctrl-C stops)."""
    try:
        instant = parse_instant(now) if now else current_app.config["ITABOT"].now or parse_instant(DEFAULT_NOW)
    except ValueError:
        raise click.BadParameter(f"not an ISO-8601 instant: {now!r} (e.g. 2025-04-10T09:00+07:00)", param_hint="--now")
    database = (database or Path(current_app.instance_path) / "demo.sqlite3").resolve()
    try:
        demo = Demo(database, instant, port, reset).start()
    except OSError as error:  # the port is taken, most often
        raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {error.strerror or error}") from None
    click.echo(f"itabot demo: {'a new' if demo.seeded else 'the existing'} demo database {database}"
               + ("" if demo.seeded else " (--reset starts again)"))
    click.echo(f"  date of the demo: {instant.isoformat()}  (--now or ITABOT_NOW)")
    click.echo(f"  open {demo.url}/simulator   ·   Ctrl-C stops")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        click.echo("\nitabot demo: stopped")
    finally:
        demo.stop()
