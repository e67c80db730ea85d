"""`itabot`, the console command: the app's own commands (each package registers its
own), plus the ones that build an app of their own around a fake LINE (`chat`, `demo`)."""
from __future__ import annotations

from flask.cli import FlaskGroup

from bot.app import create_app
from bot.cli.chat import chat_command
from bot.cli.demo import demo_command


def main() -> None:
    cli = FlaskGroup(
        name="itabot",
        help="The LINE bot for Thai ITA coordinators.",
        create_app=lambda: create_app({"require_line_credentials": False}),
        add_default_commands=False,
        load_dotenv=False,
    )
    cli.add_command(chat_command)
    cli.add_command(demo_command)
    cli.main(prog_name="itabot")
