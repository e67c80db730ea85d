"""`itabot serve`: the webhook behind waitress, a production WSGI server."""
from __future__ import annotations

import logging
import threading
import time

import click
import waitress
from flask import current_app
from flask.cli import with_appcontext

from bot import db
from bot.web import outbox
from bot.web.webhook import MAX_BODY

log = logging.getLogger(__name__)

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
@click.option("--threads", default=8, show_default=True, type=int)
@with_appcontext
def serve_command(host: str, port: int, threads: int) -> None:
    """Serve the webhook with waitress (a production WSGI server)."""
    current_app.config["ITABOT"].check_line_credentials()
    app = current_app._get_current_object()
    start_resending(app)
    click.echo(f"itabot: serving http://{host}:{port}/callback")
    waitress.serve(app, host=host, port=port, threads=threads, **WAITRESS_LIMITS)


def start_resending(app, every: float = 2.0) -> threading.Thread:
    """A daemon thread of each web process: replies still owed are sent again while their token
    is fresh, then handed to the reminder ledger (`outbox.send_owed`)."""
    def loop() -> None:
        while not time.sleep(every):
            try:
                with db.sessionmaker(app)() as session:
                    outbox.send_owed(app, session)
            except Exception:  # the database is away: the next round tries again
                log.warning("outbox: owed replies not sent this round", exc_info=False)

    thread = threading.Thread(target=loop, name="itabot-outbox", daemon=True)
    thread.start()
    return thread
