"""Understanding what people type: every text message is read once, here, into interpretations
(docs/understanding.md); the words come from data/vocabulary.yaml and the calendar files."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml

from flask import Flask

from bot.nlu.cli import unknown_command
from bot.nlu.examples import load_examples
from bot.nlu.vocabulary import load_vocabulary

CONTACTS = Path(__file__).resolve().parents[2] / "data" / "contacts.yaml"


def init_app(app: Flask) -> None:
    app.extensions["itabot.vocabulary"] = replace(load_vocabulary(), examples=load_examples())
    app.extensions["itabot.contacts"] = load_contacts()
    app.cli.add_command(unknown_command)


def load_contacts(path: Path = CONTACTS) -> dict:
    """Who to ask about what the bot cannot know (data/contacts.yaml)."""
    found = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    return found if isinstance(found, dict) else {}
