"""Replies built from ITA data: the progress bubble a unit sees after a report, and the
choice of units offered when a typed name fits several or none."""
from __future__ import annotations

from typing import Callable

from bot import texts
from bot.line.replies import Flex, QuickReply, Reply, Text
from models import Unit


def _parts(count: int, minimum: int | None, days_left: int | None) -> tuple[int, str, str]:
    percent = min(100, round(100 * count / minimum)) if minimum else 0
    if not minimum:
        gap = texts.PROGRESS_NO_MIN
    elif count >= minimum:
        gap = texts.PROGRESS_DONE
    else:
        gap = texts.PROGRESS_GAP.format(missing=minimum - count)
    days = (texts.PROGRESS_DAYS.format(days=days_left) if days_left is not None and days_left >= 0
            else texts.PROGRESS_CLOSED)
    return percent, gap, days


def progress_text(unit: str, form: str, count: int, minimum: int | None, days_left: int | None) -> str:
    percent, gap, days = _parts(count, minimum, days_left)
    return texts.PROGRESS_ALT.format(unit=unit, form=form, count=count, minimum=minimum or 0, percent=percent,
                                     gap=gap, days=days)


def progress_bubble(unit: str, form: str, count: int, minimum: int | None, days_left: int | None) -> Flex:
    """A Flex bubble with a progress bar; the alt text carries the same figures for old clients."""
    percent, gap, days = _parts(count, minimum, days_left)
    colour = "#06C755" if minimum and count >= minimum else "#F5A623"
    bar = {"type": "box", "layout": "vertical", "height": "8px", "backgroundColor": "#E6E6E6", "cornerRadius": "4px",
           "contents": [{"type": "box", "layout": "vertical", "height": "8px", "width": f"{max(percent, 1)}%",
                         "backgroundColor": colour, "cornerRadius": "4px", "contents": []}]}
    bubble = {"type": "bubble", "size": "kilo", "body": {"type": "box", "layout": "vertical", "spacing": "md", "contents": [
        {"type": "text", "text": texts.PROGRESS_TITLE.format(form=texts.FORM_NAMES.get(form, form), unit=unit),
         "weight": "bold", "size": "sm", "wrap": True},
        {"type": "text", "text": f"{count:,} / {minimum or 0:,} ({percent}%)", "size": "xl", "weight": "bold"},
        bar,
        {"type": "text", "text": f"{gap} · {days}", "size": "sm", "color": "#555555", "wrap": True},
    ]}}
    return Flex(progress_text(unit, form, count, minimum, days_left), bubble)


def unit_choices(choices: list[Unit], typed: str, button_text: Callable[[Unit], str]) -> list[Reply]:
    """Several close units, or none: ask, with a button per unit (at most 13) that sends `button_text`."""
    if not choices:
        return [Text(texts.UNIT_NOT_FOUND.format(typed=typed))]
    header = texts.UNIT_CHOOSE if len(choices) > 1 else texts.UNIT_SUGGEST
    buttons = tuple(QuickReply(u.name, button_text(u)) for u in choices)
    return [Text(header.format(typed=typed) + "\n" + "\n".join(f"• {u.name}" for u in choices), buttons)]


def change_card(alt: str, title: str, subtitle: str, sections: list[tuple[str, str, list[str]]], notes: list[str],
                buttons: tuple[QuickReply, ...], shown: int = 8) -> Flex:
    """A preview of a change before it is confirmed: a title, then sections (heading, colour,
    lines; at most `shown` lines each), then notes; the buttons under it."""
    body: list[dict] = [
        {"type": "text", "text": title, "weight": "bold", "wrap": True},
        {"type": "text", "text": subtitle, "size": "xs", "color": "#888888", "wrap": True},
    ]
    for heading, colour, lines in sections:
        body += [{"type": "separator", "margin": "md"},
                 {"type": "text", "text": heading, "weight": "bold", "size": "sm", "color": colour, "margin": "md"}]
        body += [{"type": "text", "text": line, "size": "xs", "wrap": True} for line in lines[:shown]]
        if len(lines) > shown:
            body.append({"type": "text", "text": texts.FILE_PREVIEW_MORE.format(count=len(lines) - shown),
                         "size": "xs", "color": "#888888"})
    body.append({"type": "separator", "margin": "md"})
    body += [{"type": "text", "text": note, "size": "xs", "color": "#555555", "wrap": True, "margin": "sm"}
             for note in notes]
    return Flex(alt, {"type": "bubble", "body": {"type": "box", "layout": "vertical", "spacing": "sm",
                                                   "contents": body}}, buttons)
