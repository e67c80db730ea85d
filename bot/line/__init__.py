"""Everything that speaks LINE: the gateway to the Messaging API, the shapes of replies,
and the stand-ins for LINE itself (the fake API and the simulator) used without an account."""
from __future__ import annotations

from flask import Flask

from bot.config import Config
from bot.line.gateway import LineGateway


def init_app(app: Flask, settings: Config) -> None:
    app.extensions["itabot.gateway"] = LineGateway(settings.line_channel_access_token, settings.line_api_base_url,
                                                   settings.line_timeout, settings.line_data_api_base_url)
