"""The web layer: LINE's webhook, the dispatch of its events to handlers, `itabot serve`, and the
simulator of `itabot demo`."""
from __future__ import annotations

from flask import Flask
from linebot.v3.webhook import WebhookParser

from bot.config import Config
from bot.web import dashboard, files, health, simulator, webhook
from bot.web.serve import serve_command


def init_app(app: Flask, settings: Config) -> None:
    # Flask refuses a longer body with 413 from its Content-Length, before reading it.
    app.config["MAX_CONTENT_LENGTH"] = webhook.MAX_BODY
    app.extensions["itabot.parser"] = WebhookParser(settings.line_channel_secret or "unset")
    app.register_blueprint(webhook.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(files.bp)
    app.register_blueprint(dashboard.bp)
    if settings.mode != "production":  # production answers 404 for /simulator
        app.register_blueprint(simulator.bp)
    app.cli.add_command(serve_command)
