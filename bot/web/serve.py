"""`itabot serve`: the webhook behind waitress, a production WSGI server."""
from __future__ import annotations

import click
import waitress
from flask import current_app
from flask.cli import with_appcontext

from bot.web.webhook import MAX_BODY

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
    click.echo(f"itabot: serving http://{host}:{port}/callback")
    waitress.serve(current_app._get_current_object(), host=host, port=port, threads=threads, **WAITRESS_LIMITS)
