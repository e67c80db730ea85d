"""itabot: the LINE bot for Thai ITA coordinators."""
from __future__ import annotations

import logging

from flask import Flask
from linebot.v3.webhook import WebhookParser

from bot import db, thai
from bot.agenda import CalendarCache
from bot.clock import Clock
from bot.config import Config
from bot.gateway import LineGateway


def create_app(config: dict | None = None) -> Flask:
    """The application factory; `config` overrides the environment (tests, CLI)."""
    app = Flask(__name__, instance_relative_config=True)
    settings = Config.from_env(app.instance_path, config)
    app.config.update(TESTING=settings.testing, ITABOT=settings)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its per-run chatter drowns `itabot chat`

    db.init_app(app, settings.database_url)
    from handlers import build_registry

    app.extensions["itabot.clock"] = Clock(settings.now)
    app.extensions["itabot.registry"] = build_registry()
    app.extensions["itabot.calendars"] = CalendarCache()
    app.extensions["itabot.parser"] = WebhookParser(settings.line_channel_secret or "unset")
    app.extensions["itabot.gateway"] = LineGateway(settings.line_channel_access_token, settings.line_api_base_url,
                                                      settings.line_timeout)

    from bot import webhook
    from bot.cli import register_cli

    app.register_blueprint(webhook.bp)
    register_cli(app)
    thai.warm_up()  # PyThaiNLP's dictionary loads now, not on the first message
    return app


def shutdown(app: Flask) -> None:
    """Close what create_app opened (LINE connections, database pool)."""
    app.extensions["itabot.gateway"].close()
    app.extensions["itabot.engine"].dispose()
