"""The application factory: read the configuration, then let each package bind itself to the app."""
from __future__ import annotations

from flask import Flask

import handlers
import schedules
from bot import db, ita, line, logs, nlu, thai, web
from bot.clock import Clock
from bot.config import Config
from bot.links import Links
from bot.metrics import Metrics


def create_app(config: dict | None = None) -> Flask:
    """Build the app; `config` overrides the environment (tests, CLI)."""
    app = Flask("bot", instance_relative_config=True)
    settings = Config.from_env(app.instance_path, config)
    app.config.update(TESTING=settings.testing, ITABOT=settings)
    logs.configure()

    db.init_app(app, settings.database_url)
    app.extensions["itabot.clock"] = Clock(settings.now)
    app.extensions["itabot.links"] = Links(settings.link_secret(), app.extensions["itabot.clock"])
    app.extensions["itabot.metrics"] = Metrics()
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
