"""`itabot serve`: the webhook behind gunicorn (gunicorn.conf.py), or waitress (Windows, demos)."""
from __future__ import annotations

import logging
import os
import runpy
import threading
import time
from pathlib import Path

import click
import waitress
from flask import current_app
from flask.cli import with_appcontext
from gunicorn.app.base import BaseApplication

from bot import db
from bot.web import outbox
from bot.web.webhook import MAX_BODY

log = logging.getLogger(__name__)
GUNICORN_CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"

# waitress reads each request whole on its own I/O thread before a worker sees it, so a slow
# client holds a socket, not a worker; these bound what such a client may cost.
WAITRESS_LIMITS = {
    "max_request_body_size": MAX_BODY,  # refused with 413 before the rest is read
    "channel_timeout": 30,  # seconds of silence before a connection is closed
    "connection_limit": 200,
}


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int, help="Threads (per worker, with gunicorn).")
@click.option("--workers", default=None, type=int, help="gunicorn workers (default: gunicorn.conf.py, one per core).")
@click.option("--waitress", "use_waitress", is_flag=True, default=os.name == "nt",
              help="Serve with waitress in this one process (the default on Windows).")
@with_appcontext
def serve_command(host: str, port: int, threads: int, workers: int | None, use_waitress: bool) -> None:
    """Serve the webhook: gunicorn with gunicorn.conf.py, or waitress."""
    current_app.config["ITABOT"].check_line_credentials()
    click.echo(f"itabot: serving http://{host}:{port}/callback")
    if use_waitress:
        app = current_app._get_current_object()
        start_resending(app)
        waitress.serve(app, host=host, port=port, threads=threads, **WAITRESS_LIMITS)
        return
    settings = {"bind": f"{host}:{port}", "threads": threads, **({"workers": workers} if workers else {})}
    _Gunicorn(current_app._get_current_object(), settings).run()


class _Gunicorn(BaseApplication):
    """gunicorn with the repository's gunicorn.conf.py, serving the app this command built: each
    worker, once forked, drops the database connections it inherited and opens its own."""

    def __init__(self, app, settings: dict):
        self._app, self._settings = app, settings
        super().__init__()

    def load_config(self) -> None:
        found = runpy.run_path(str(GUNICORN_CONF)) if GUNICORN_CONF.exists() else {}
        for name, value in found.items():
            if name in self.cfg.settings and value is not None:
                self.cfg.set(name, value)
        for name, value in self._settings.items():
            self.cfg.set(name, value)
        self.cfg.set("post_fork", _after_fork)

    def load(self):
        return self._app


def _after_fork(_server, worker) -> None:
    worker.log.info("worker %s: fresh database connections", worker.pid)
    worker.app._app.extensions["itabot.engine"].dispose(close=False)


def start_resending(app, every: float = 2.0) -> threading.Thread:
    """A daemon thread of each web process: replies still owed are sent again while their token
    is fresh, then handed to the reminder ledger (`outbox.send_owed`)."""
    def loop() -> None:
        while not time.sleep(every):
            try:
                with db.sessionmaker(app)() as session:
                    outbox.send_owed(app, session)
            except Exception as error:  # the database is away: the next round tries again
                log.warning("outbox: owed replies not sent this round (%s)", type(error).__name__)

    thread = threading.Thread(target=loop, name="itabot-outbox", daemon=True)
    thread.start()
    return thread
