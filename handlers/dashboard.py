""""แดชบอร์ด": a coordinator gets a button to the province's dashboard, a link signed for them
that expires (bot/links.py); the page itself is bot/web/dashboard.py."""
from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote

from bot import texts
from bot.context import Context, Interpretation
from bot.ita.calendar import year_asked
from bot.line.replies import Flex, Reply, Text
from bot.links import links, public_url
from bot.permissions import PROVINCE_COORDINATOR
from bot.registry import command
from bot.thai import thai_date


@command("dashboard", need=PROVINCE_COORDINATOR, summary=texts.SUMMARY_DASHBOARD, example="แดชบอร์ด")
def dashboard(said: Interpretation, ctx: Context) -> list[Reply]:
    province = ctx.subject.province
    if province is None or ctx.user_id is None:
        return [Text(texts.NO_PROVINCE)]
    year = year_asked(said.text, ctx.today)
    signer = links()
    token = signer.token(province.id, ctx.user_id)
    page = f"{public_url()}/dashboard/{quote(province.name)}?year={year}&t={token}"
    sheet = f"{public_url()}/export/{quote(province.name)}.xlsx?year={year}&t={token}"
    hours = signer.max_age // 3600
    until = ctx.now + timedelta(seconds=signer.max_age)
    note = texts.DASHBOARD_NOTE.format(hours=hours, until=f"{thai_date(until.date())} {until:%H:%M} น.")
    bubble = {"type": "bubble", "body": {"type": "box", "layout": "vertical", "spacing": "md", "contents": [
        {"type": "text", "text": texts.DASHBOARD_TITLE.format(year=year, province=province.name), "weight": "bold",
         "wrap": True},
        {"type": "text", "text": note, "size": "xs", "color": "#555555", "wrap": True},
    ]}, "footer": {"type": "box", "layout": "vertical", "spacing": "sm", "contents": [
        {"type": "button", "style": "primary", "action": {"type": "uri", "label": texts.DASHBOARD_OPEN, "uri": page}},
        {"type": "button", "style": "link", "action": {"type": "uri", "label": texts.DASHBOARD_EXCEL, "uri": sheet}},
    ]}}
    return [Flex(texts.DASHBOARD_ALT.format(year=year, province=province.name, url=page), bubble)]
