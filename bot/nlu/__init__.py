"""Understanding what people type: every text message is read once, here, into interpretations
(docs/understanding.md); the words come from data/vocabulary.yaml and the calendar files."""
from __future__ import annotations

from flask import Flask

from bot.nlu.cli import unknown_command
from bot.nlu.vocabulary import load_vocabulary


def init_app(app: Flask) -> None:
    app.extensions["itabot.vocabulary"] = load_vocabulary()
    app.cli.add_command(unknown_command)
