"""Greetings when the bot is followed in 1:1 or added to a group or room."""
from __future__ import annotations

from linebot.v3.webhooks import FollowEvent, JoinEvent

from bot import texts
from bot.context import Context
from bot.line.replies import QuickReply, Reply, Text
from bot.registry import on_event

START = (QuickReply("กำหนดการ", "กำหนดการ"), QuickReply("ช่วยเหลือ", "ช่วยเหลือ"))


@on_event(FollowEvent)
def followed(event: FollowEvent, ctx: Context) -> list[Reply]:
    return [Text(texts.WELCOME_USER, START)]


@on_event(JoinEvent)
def joined(event: JoinEvent, ctx: Context) -> list[Reply]:
    return [Text(texts.WELCOME_GROUP, START)]
