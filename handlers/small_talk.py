"""Greetings, thanks and acknowledgements in 1:1 (or when the bot is @mentioned): a short friendly answer and the main buttons."""
from __future__ import annotations

from flask import current_app

from bot import texts
from bot.context import Context, Interpretation
from bot.line.replies import QuickReply, Reply, Text
from bot.registry import command


@command("greeting", listed=False)
def greeting(said: Interpretation, ctx: Context) -> list[Reply]:
    return [Text(texts.HELLO, _main_buttons())]


@command("thanks", listed=False)
def thanks(said: Interpretation, ctx: Context) -> list[Reply]:
    return [Text(texts.YOU_ARE_WELCOME, _main_buttons())]


@command("ack", listed=False)
def ack(said: Interpretation, ctx: Context) -> list[Reply]:
    """"โอเคครับ", "👍" in 1:1: nothing to do, and the person knows the bot heard."""
    return [Text(texts.ACK, _main_buttons())]


def _main_buttons() -> tuple[QuickReply, ...]:
    return tuple(QuickReply(b, b) for b in current_app.extensions["itabot.vocabulary"].main_buttons)
