"""Deciding what a clause says: the rules no word list can express (docs/understanding.md).

The vocabulary scores every intent; these rules choose. A question or a negation never writes;
a count needs a form; OIT has states, not counts; what people say among themselves (words the
bot does not know, nothing about ITA) is nobody's command.
"""
from __future__ import annotations

from bot.nlu.clause import Clause
from bot.nlu.vocabulary import Vocabulary

ADMIN = ("calendar_draft", "calendar_history", "calendar_template", "units_template", "units_rollover", "set_quota", "grant", "reminder_rules", "bind_province", "join_code", "join_requests",
         "dashboard", "itas_template")
SMALL_TALK = ("greeting", "thanks", "ack")
FLOOR = 2.0  # an intent scoring less is not what the message says
STRONG = 5.0  # a phrase only the bot would be told ("ปิดแจ้งเตือน", "ตั้งโควตา")
# Steps whose names are also how a unit's own OIT progress is asked about ("OIT ตอบครบหรือยัง").
_OIT_PROGRESS = ("oit-answer", "oit-import", "oit-publish", "oit-confirm", "oit-prepare")
PLAIN = 3  # letters the bot may not know in a message that is still spoken to it


def decide(c: Clause, vocabulary: Vocabulary) -> tuple[str, str | None]:
    """The intent of a clause and its setting."""
    s, forms = c.scores, set(c.form_names)
    for intent in ADMIN:  # their own verbs say exactly what is asked
        if intent == "join_code" and s["register"] >= 4:
            continue  # "ลงทะเบียน อบต.บ้านไผ่ รหัสเข้าร่วม 123456": the code is given, not asked for
        if s[intent] >= STRONG:
            if intent == "set_quota" and c.question and not c.p.has("อย่างไร"):
                return "figures", None  # "ตั้งโควตา IIT ไว้กี่ชุด" asks for the figure
            if intent == "calendar_draft" and c.question and not c.p.has("อย่างไร"):
                return "deadline", None  # "ร่างปฏิทิน 2570 ออกหรือยัง" asks about the calendar
            return intent, setting(intent, c, vocabulary)
    if moves_a_deadline(c):
        return "calendar_move", None
    if "OIT" in forms and not forms & {"IIT", "EIT"}:
        found = _oit(c, vocabulary)
        if found is not None:
            return found
    if s["register"] >= 4 and not c.step and (c.units or (plain(c) and (not c.question or c.p.has("อย่างไร")))):
        return "register", None
    if forms & {"IIT", "EIT"} and c.counts:
        if s["handed_out"] >= 3 and s["report"] < 3:
            return "unknown", None  # "ส่งลิงก์ IIT ให้ 85 คนแล้ว": people asked, not responses
        if not c.question:
            return "report", None
        return ("deadline", None) if s["deadline"] > s["figures"] + 1 else ("figures", None)
    if forms & {"IIT", "EIT"} and c.negation and not c.question and (s["report"] >= 1 or c.targets):
        return "report", None  # "ยังไม่ได้ส่ง IIT เลย", "IIT ยังไม่ถึง 40": said of a count, nothing to write
    if forms & {"IIT", "EIT"} and c.targets and c.question and s["deadline"] < FLOOR and not (c.when.date or c.when.period):
        return "figures", None  # "ต้องเก็บ IIT ให้ได้ 60 คนเลยเหรอ": a minimum asked about, though a step is named
    return _best(c, vocabulary)


def moves_a_deadline(c: Clause) -> bool:
    """"เลื่อน OIT ถึง 15 พ.ค.": a step or form, a new date and a verb of moving; never a question
    ("เลื่อน OIT ไหม" asks about the calendar) nor a negation, never counts."""
    return (c.scores["calendar_move"] >= 3 and bool(c.when.date or c.when.period) and bool(c.step or c.form_names)
            and not (c.question or c.negation or c.counts))


def plain(c: Clause) -> bool:
    """Nothing but the bot's own words (and values): a message spoken to the bot."""
    return len(c.residue) <= PLAIN


def spoken_to_bot(intent: str, c: Clause) -> bool:
    """Worth an answer in a group: about ITA, or nothing but the bot's words, or a phrase only the bot
    is told. Greetings and thanks in a group are for the people there, unless the bot is @mentioned."""
    if intent in ("unknown", *SMALL_TALK):
        return False
    return c.about_ita or plain(c) or c.heaviest.get(intent, 0) >= STRONG or intent in ADMIN


def _oit(c: Clause, vocabulary: Vocabulary) -> tuple[str, str | None] | None:
    s, p = c.scores, c.p
    waiting = p.has("รอ", whole=True) or p.has("รออนุมัติ")
    approval = p.has("อนุมัติ")
    approved = s["oit_approved"] >= STRONG or (approval and (p.has("แล้ว") or p.has("เรียบร้อย")))
    answering = p.has("ตอบ") or p.has("กรอก") or p.has("นำเข้า")
    if c.scores["behind"] >= 4 or c.scores["elsewhere"] >= 4:
        return None  # "OIT หน่วยไหนยังไม่อนุมัติบ้าง": which units; "ข้อ 12 ใส่ลิงก์อะไร": the NACC's to say
    if c.question:
        if c.step and c.step not in _OIT_PROGRESS:
            return None  # "ลงพื้นที่ให้คำปรึกษา OIT ผ่านไปแล้วหรือยัง": about a step of the calendar
        if p.has("หรือยัง") or p.without(vocabulary.particles).endswith("ยัง"):
            return "status", None  # "ผู้บริหารอนุมัติ OIT ให้หรือยัง": how far it is
        if s["deadline"] >= 2 or c.step or c.when.date or c.when.period:
            return None  # "OIT ต้องตอบให้เสร็จภายในวันไหน": a deadline question
        if approval or s["oit_state"] >= 2 or s["status"] >= 2 or answering:
            return "status", None
    if approved and not waiting and not c.negation:
        return "oit_approved", None
    if approval and c.negation:
        return "oit_approved", None  # "ผู้บริหารยังไม่อนุมัติ OIT": nothing changes
    if approval and waiting:
        return "oit_state", "awaiting_approval"  # "OIT เสร็จแล้ว รอท่านนายกกดอนุมัติ"
    if answering and c.negation:
        return "oit_state", None  # "OIT ยังตอบไม่ครบ", "ยังกรอกไม่ครบ": nothing changes
    if s["oit_state"] >= 3:
        return "oit_state", setting("oit_state", c, vocabulary)
    if answering and p.has("ครบ"):
        return "oit_state", "awaiting_approval"  # "ตอบ OIT ครบแล้ว", said with other words between
    return None


def _best(c: Clause, vocabulary: Vocabulary) -> tuple[str, str | None]:
    s, forms = c.scores, set(c.form_names)
    dated = bool(c.when.date or c.when.period)
    candidates = {
        # A step named plainly is asked about, unless a trouble is told with it ("รหัสผ่าน ITAS หาย").
        "deadline": bool((c.step and (c.question or s["deadline"] or (plain(c) and s["elsewhere"] < 4)))
                         or (dated and (s["deadline"] or (forms and c.question))) or s["deadline"] >= FLOOR),
        "figures": s["figures"] >= FLOOR and (forms & {"IIT", "EIT"} or c.units or c.heaviest["figures"] >= 4),
        # "ภาพรวม…เป็นยังไงบ้าง": the province's picture; "ทต.บ้านโฮ่ง ยังไม่ครบอะไรบ้าง": one unit's, not a list
        "status": (s["status"] >= 3 and s["summary"] < 4) or (bool(c.units) and s["behind"] >= 4),
        "summary": s["summary"] >= 4,
        "behind": not c.units and (s["behind"] >= 4 and (not forms & {"IIT", "EIT"} or s["behind"] >= STRONG))
                  or (bool(c.share) and s["behind"] >= 2),  # "หน่วยงานที่ IIT ยังไม่ถึง 50%"
        "reminders": s["reminders"] >= 4,
        "help": s["help"] >= 4,
        "register": s["register"] >= 4 and c.p.has("อย่างไร"),
        "greeting": s["greeting"] >= 3,
        "thanks": s["thanks"] >= 3,
        "ack": s["ack"] >= 3 and not forms and not c.negation,  # "เข้าไม่ได้เลย" is no "ได้เลย"
        "elsewhere": s["elsewhere"] >= 4 and s["deadline"] < 3,  # "ขั้นตอนต่อไปของ ITA คืออะไร" is the calendar
    }
    spoken = c.about_ita or plain(c)
    # Small talk is a preface when something else is asked ("สวัสดีค่ะ ขอสอบถาม OIT ..."), and
    # a greeting is a greeting whatever else is said ("สวัสดีตอนเช้าค่ะทุกท่าน").
    ranked = sorted((name for name, ok in candidates.items()
                     if ok and (spoken or name in SMALL_TALK or c.heaviest.get(name, 0) >= STRONG)
                     and s.get(name, 0) + _bonus(name, c) >= FLOOR),
                    key=lambda name: (name in SMALL_TALK, -(s.get(name, 0) + _bonus(name, c))))
    if not ranked:
        return "unknown", None
    return ranked[0], setting(ranked[0], c, vocabulary)


def _bonus(intent: str, c: Clause) -> float:
    """What the values say beyond the words: a step or a date asked about is a deadline question."""
    if intent == "deadline":
        return 4.0 * bool(c.step) + 2.0 * bool(c.when.date or c.when.period)
    if intent == "behind":
        return 2.0 * bool(c.share)
    if intent == "status":
        return c.scores["behind"] if c.units else 0.0  # what is behind of a unit named: its status
    if intent == "figures":
        return 1.0 * bool(c.targets) + 1.0 * bool(set(c.form_names) & {"IIT", "EIT"})
    return 0.0


def setting(intent: str, c: Clause, vocabulary: Vocabulary) -> str | None:
    if intent == "set_quota":
        if any(c.p.has(w) for w in vocabulary.intents[intent].settings.get("internal_stakeholders", ())):
            return "internal_stakeholders"
        form = next((f for f in c.form_names if f in ("IIT", "EIT")), None)
        return f"{form.lower()}_min" if form else None
    settings = vocabulary.intents[intent].settings if intent in vocabulary.intents else {}
    best = max(((len(w), name) for name, words in settings.items() for w in words if c.p.has(w)), default=None)
    if best is not None:
        return best[1]
    return "next" if intent == "reminders" else None
