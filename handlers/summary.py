"""Coordinators' view: "สรุป" (the province as ITAS shows it) and "ยังไม่ครบ" (who is behind)."""
from __future__ import annotations

import math

from bot import texts
from bot.context import Context, Interpretation
from bot.ita.calendar import fiscal_year_be, year_asked
from bot.ita.itas_figures import latest_figures
from bot.ita.province import province_progress, totals
from bot.line.replies import QuickReply, Reply, Text
from bot.permissions import PROVINCE_COORDINATOR
from bot.registry import command
from bot.thai import thai_date
from handlers.itas import comparison

PAGE = 20


@command("summary", need=PROVINCE_COORDINATOR, summary=texts.SUMMARY_SUMMARY, example="สรุป")
def summary(said: Interpretation, ctx: Context) -> list[Reply]:
    province = ctx.subject.province
    if province is None:
        return [Text(texts.NO_PROVINCE)]
    year = year_asked(said.text, ctx.today)
    seen = totals(province_progress(ctx.session, province.id, year))
    text = texts.PROVINCE_SUMMARY.format(
        year=year, province=province.name, units=seen.units, iit=seen.iit, iit_ok=seen.iit_ok, iit_not=seen.iit_not,
        eit=seen.eit, eit_ok=seen.eit_ok, eit_not=seen.eit_not, oit_done=seen.oit_done, oit_not=seen.oit_not)
    itas = latest_figures(ctx.session, province.id, year)
    if itas is not None:  # ITAS's own figures beside the bot's, as last pasted
        text += texts.ITAS_SUMMARY_HEADER.format(date=thai_date(itas.day)) + "\n" + "\n".join(comparison(itas, seen))
    behind_text = "ยังไม่ครบ" + (f" {year}" if year != fiscal_year_be(ctx.today) else "")  # the same year's
    return [Text(text, (QuickReply("ยังไม่ครบ", behind_text),))]


@command("behind", need=PROVINCE_COORDINATOR, summary=texts.SUMMARY_BEHIND, example="ยังไม่ครบ")
def behind(said: Interpretation, ctx: Context) -> list[Reply]:
    """Units below their minimum: on every form, or on the forms named ("อบต.ไหนยังไม่ครบ IIT"),
    or under a share of it ("หน่วยงานที่ IIT ยังไม่ถึง 50%")."""
    province = ctx.subject.province
    if province is None:
        return [Text(texts.NO_PROVINCE)]
    year = year_asked(said.text, ctx.today)
    forms = tuple(f for f in said.forms if f in ("IIT", "EIT")) or ("IIT", "EIT")
    share = said.share or 100
    rows = []
    for row in province_progress(ctx.session, province.id, year):
        gaps = {f: gap for f, gap in row.gaps.items() if f in forms and gap[0] * 100 < gap[1] * share}
        if gaps:
            rows.append((row.unit, gaps))
    title = _which(forms, said.share)
    if not rows:
        return [Text(texts.BEHIND_NONE.format(province=province.name, which=title))]
    rows.sort(key=lambda r: (-sum(g[2] for g in r[1].values()), r[0]))
    pages = math.ceil(len(rows) / PAGE)
    page = min(max(said.page or 1, 1), pages)
    lines = [texts.BEHIND_TITLE.format(which=title, year=year, province=province.name, count=len(rows), page=page,
                                       pages=pages)]
    for n, (unit, gaps) in enumerate(rows[(page - 1) * PAGE: page * PAGE], (page - 1) * PAGE + 1):
        shown = ", ".join(texts.BEHIND_GAP.format(form=f, count=c, minimum=m, missing=x) for f, (c, m, x) in gaps.items())
        lines.append(texts.BEHIND_LINE.format(n=n, unit=unit, gaps=shown))
    if page >= pages:
        return [Text("\n".join(lines))]
    label = texts.NEXT_PAGE.format(page=page + 1)
    asked = texts.BEHIND_ASKED.format(which=title, year=f" {year}" if year != fiscal_year_be(ctx.today) else "",
                                      page=page + 1)
    return [Text("\n".join(lines), (QuickReply(label, asked),))]


def _which(forms: tuple[str, ...], share: int | None) -> str:
    """What the list is of, as its title says it: "ยังไม่ครบขั้นต่ำ", "ยังไม่ครบขั้นต่ำ IIT",
    "ได้ IIT ต่ำกว่า 50% ของขั้นต่ำ"."""
    named = f" {forms[0]}" if len(forms) == 1 else ""  # both forms are the list's default: not named
    if share and share < 100:
        return texts.BEHIND_UNDER_SHARE.format(forms=f"{named} " if named else "", share=share)
    return texts.BEHIND_MINIMUM.format(forms=named)
