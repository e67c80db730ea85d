"""Greetings when the bot is followed in 1:1 or added to a group or room."""
from __future__ import annotations

from bot import texts
from bot.context import Context
from bot.registry import on_event
from bot.replies import QuickReply, Reply, Text

START = (QuickReply("กำหนดการ", "กำหนดการ"), QuickReply("ช่วยเหลือ", "ช่วยเหลือ"))


@on_event("follow")
def followed(event, ctx: Context) -> list[Reply]:
    return [Text(texts.WELCOME_USER, START)]


@on_event("join")
def joined(event, ctx: Context) -> list[Reply]:
    return [Text(texts.WELCOME_GROUP, START)]
