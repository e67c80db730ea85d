"""A question beyond the bot's data ("ลืมรหัสผ่าน ITAS", "QR EIT ของเราอยู่ไหน", "คะแนน OIT คิดยังไง"):
an honest pointer to who can answer (data/contacts.yaml: the province's, then the NACC's) and
what the bot can do instead; the message is kept for `itabot unknown`."""
from __future__ import annotations

from flask import current_app

from bot import texts
from bot.context import Context, Interpretation
from bot.line.replies import QuickReply, Reply, Text
from bot.registry import command


@command("elsewhere", listed=False, summary=texts.SUMMARY_ELSEWHERE)
def elsewhere(said: Interpretation, ctx: Context) -> list[Reply]:
    ctx.unclear = ctx.unclear or "beyond the bot"
    contacts = current_app.extensions["itabot.contacts"]
    province = ctx.own_province.name if ctx.own_province is not None else None
    lines = [texts.ELSEWHERE_CONTACT.format(who=c["who"], how=c["how"])
             for c in [*contacts.get("provinces", {}).get(province, []), *contacts.get("nacc", [])]]
    buttons = tuple(QuickReply(b, b) for b in current_app.extensions["itabot.vocabulary"].main_buttons)
    return [Text(texts.ELSEWHERE.format(contacts="\n".join(lines)), buttons)]
