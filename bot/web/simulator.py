"""/simulator: the bot as LINE shows it, without a LINE account (`itabot demo`; never in production).

Pick a person and a chat, type Thai or tap a button: each message goes the real way, a signed
event to /callback, and the chat shows only what the fake LINE received (replies, pushes, the
rich menu linked to the person). Every form works without JavaScript; a little script keeps
the chat scrolled to the end and picks up pushes.
"""
from __future__ import annotations

import re

from flask import Blueprint, Flask, abort, current_app, redirect, render_template, request, url_for

from bot import texts
from bot.ita import demo_province
from bot.line.fakeline import FakeLine
from bot.line.simulator import Conversations
from bot.thai import thai_date_long
from schedules.deliver import run_pass

bp = Blueprint("simulator", __name__, url_prefix="/simulator", template_folder="templates",
               static_folder="static")
TEXT_LIMIT = 5000  # LINE: a text message holds at most 5,000 characters
POSTBACK_LIMIT = 300  # LINE: a postback's data holds at most 300
SHOWN = 60  # the latest messages of a chat a page shows
_CSS_LENGTH = re.compile(r"^\d{1,4}(?:px|%)$")
_CSS_COLOUR = re.compile(r"^#[0-9A-Fa-f]{3,8}$")


def attach(app: Flask, fake: FakeLine) -> None:
    """Let the simulator play on this fake LINE (`itabot demo` does it once both are up)."""
    app.extensions["itabot.simulator"] = Conversations(app, fake, app.config["ITABOT"].line_channel_secret)


def _conversations() -> Conversations:
    conversations = current_app.extensions.get("itabot.simulator")
    if conversations is None:
        abort(503, texts.SIM_NO_FAKE_LINE)
    return conversations


def _choice():
    """The person and the chat of this request, from untrusted query or form fields."""
    values = request.values
    person = demo_province.person(values.get("person", demo_province.PEOPLE[0].user_id))
    place = demo_province.place(values.get("chat", "user"))
    return person, place


@bp.get("")
def page():
    person, place = _choice()
    if person is None or place is None:
        abort(400, texts.SIM_UNKNOWN_PLACE)
    return render_template("simulator/page.html", **_scene(person, place), people=demo_province.PEOPLE,
                           places=demo_province.PLACES, notice=request.args.get("notice", "")[:300])


@bp.get("/log")
def log():
    """The chat's messages alone, for the page's script to refresh in place."""
    person, place = _choice()
    if person is None or place is None:
        abort(400, texts.SIM_UNKNOWN_PLACE)
    return render_template("simulator/log.html", **_scene(person, place))


@bp.post("/send")
def send():
    person, place = _choice()
    text, data = request.form.get("text", ""), request.form.get("data", "")
    label = request.form.get("label", "")[:TEXT_LIMIT]
    problem = (texts.SIM_UNKNOWN_PLACE if person is None or place is None
               else texts.SIM_TOO_LONG.format(limit=TEXT_LIMIT) if len(text) > TEXT_LIMIT
               else texts.SIM_TOO_LONG.format(limit=POSTBACK_LIMIT) if len(data) > POSTBACK_LIMIT else "")
    if problem:
        abort(400, texts.SIM_BAD_INPUT.format(reason=problem))
    notice = ""
    if text.strip() or data:
        conversations = _conversations()
        group = place.chat_id
        status = (conversations.press(data, label or data, person.user_id, group) if data
                  else conversations.say(text, person.user_id, group))
        notice = "" if status == 200 else texts.SIM_LINE_STATUS.format(status=status)
    return _back(person.user_id, place.key, notice)


@bp.post("/remind")
def remind():
    """One reminder pass at the demo's time, as the scheduler would run it."""
    person, place = _choice()
    if person is None or place is None:
        abort(400, texts.SIM_UNKNOWN_PLACE)
    _conversations()
    report = run_pass(current_app._get_current_object())
    notice = (texts.SIM_REMINDED.format(sent=len(report.pushed_to), messages=report.cost,
                                        waiting=report.deferred_chats + report.unpriced_chats)
              if report.pushed_to or report.deferred_chats else texts.SIM_NOTHING_DUE)
    return _back(person.user_id, place.key, notice)


def _back(person: str, chat: str, notice: str):
    # Post, then redirect: a reload never sends a message twice.
    return redirect(url_for("simulator.page", person=person, chat=chat, **({"notice": notice} if notice else {})),
                    code=303)


def _scene(person: demo_province.Person, place: demo_province.Place) -> dict:
    conversations = _conversations()
    chat_id = place.chat_id or person.user_id
    shown = conversations.timeline(chat_id)
    last = next((s for s in reversed(shown)), None)
    # LINE shows the quick replies of the chat's last message only, while it is the last.
    quick = (last.message.get("quickReply") or {}).get("items", []) if last is not None and not last.mine else []
    now = current_app.extensions["itabot.clock"].now()
    return {"person": person, "place": place, "messages": shown[-SHOWN:], "older": max(0, len(shown) - SHOWN),
            "quick_replies": quick, "menu": conversations.fake.rich_menu_for(person.user_id),
            "today": texts.SIM_TODAY.format(date=f"{thai_date_long(now.date())} {now:%H:%M} น."),
            "texts": texts, "names": {p.user_id: p.name for p in demo_province.PEOPLE}}


@bp.app_template_filter("css_length")
def css_length(value: object) -> str:
    """A Flex width or height as CSS, or nothing: a value from a message never reaches the style as is."""
    return str(value) if isinstance(value, str) and _CSS_LENGTH.match(value) else ""


@bp.app_template_filter("css_colour")
def css_colour(value: object) -> str:
    return str(value) if isinstance(value, str) and _CSS_COLOUR.match(value) else ""
