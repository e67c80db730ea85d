"""`itabot chat`: talk to the bot in the terminal, the real way, with no LINE account.

Each line becomes a signed webhook event posted to the app; the bot's reply goes
through a fake LINE API on loopback and is printed. Reads a pipe as well as a terminal.
"""
from __future__ import annotations

import secrets
import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from bot import db
from bot.app import create_app, shutdown
from bot.line.fakeline import FakeLine
from bot.line.simulator import LineSimulator, message_text


@click.command("chat")
@click.option("--user", default="Uchat000000000000000000000000000", show_default=True, help="Your LINE userId.")
@click.option("--group", default=None, help="Talk inside this group (a groupId such as C123...).")
@with_appcontext
def chat_command(user: str, group: str | None) -> None:
    """Chat with the bot in the terminal (each line goes through the webhook)."""
    settings = current_app.config["ITABOT"]
    db.upgrade(settings.database_url)
    secret, token = secrets.token_hex(16), secrets.token_hex(16)
    with FakeLine(access_token=token) as fake:
        app = create_app({"line_channel_secret": secret, "line_channel_access_token": token,
                          "line_api_base_url": fake.url, "line_data_api_base_url": fake.url, "database_url": settings.database_url,
                          "now": settings.now})
        try:
            _converse(LineSimulator(app, fake, secret), user, group)
        finally:
            shutdown(app)


def _converse(simulator: LineSimulator, user: str, group: str | None) -> None:
    interactive = sys.stdin.isatty()
    if interactive:
        where = f"กลุ่ม {group}" if group else "แชต 1:1"
        click.echo(f"คุยกับผู้ช่วย ITA ({where}) · วันนี้ {simulator.clock.now():%Y-%m-%d %H:%M} · Ctrl-D เพื่อออก")
    while True:
        if interactive:
            click.echo("คุณ> ", nl=False)
        line = sys.stdin.readline()
        if not line:
            break
        if not line.strip():
            continue
        for message in simulator.say(line.rstrip("\n"), user=user, group=group):
            click.echo(render(message))
        click.echo()


def render(message: dict) -> str:
    text = f"บอต> {message_text(message)}"
    items = (message.get("quickReply") or {}).get("items") or []
    if items:
        text += "\n     [" + " | ".join(i["action"]["label"] for i in items) + "]"
    return text
