"""The application factory: read the configuration, then let each package bind itself to the app."""
from __future__ import annotations

import logging

from flask import Flask

import handlers
import schedules
from bot import db, ita, line, nlu, thai, web
from bot.clock import Clock
from bot.config import Config


def create_app(config: dict | None = None) -> Flask:
    """Build the app; `config` overrides the environment (tests, CLI)."""
    app = Flask("bot", instance_relative_config=True)
    settings = Config.from_env(app.instance_path, config)
    app.config.update(TESTING=settings.testing, ITABOT=settings)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its per-run chatter drowns `itabot chat`

    db.init_app(app, settings.database_url)
    app.extensions["itabot.clock"] = Clock(settings.now)
    app.extensions["itabot.registry"] = handlers.build_registry()
    line.init_app(app, settings)
    ita.init_app(app)
    nlu.init_app(app)
    web.init_app(app, settings)
    schedules.init_app(app)
    thai.warm_up()  # PyThaiNLP's dictionary loads now, not on the first message
    return app


def shutdown(app: Flask) -> None:
    """Close what create_app opened (LINE connections, database pool)."""
    app.extensions["itabot.gateway"].close()
    app.extensions["itabot.engine"].dispose()
