"""Reading a message: the one place that decides what each part of a message asks or states.

A message is cut into clauses (its lines; before each form it names; at "แล้วก็"), each
clause's values are found (forms, numbers, dates, units ...), every intent is scored by the
vocabulary's cues, and rules that no vocabulary can express decide between them: a question
or a negation never writes, a number read as a part, date, time or target is never a count,
a hedged count is unsure. The result is one `Interpretation` per thing the message says.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Mapping

from bot.context import Interpretation
from bot.nlu import dates, slots
from bot.nlu.prepared import Prepared, prepare_text
from bot.nlu.vocabulary import Vocabulary

_PIECES = re.compile(r"[\r\n;]+|\s/\s|\s\|\s")
_CONJUNCTIONS = ("แล้วก็", "และก็", "อีกเรื่อง", "อีกอย่าง", "พร้อมกันนี้")
_YEAR_WORDS = ("ปี", "พ.ศ", "พศ", "ปีงบ", "ค.ศ")
_TARGET_WORDS = ("ต้องได้", "ต้อง", "เป้า", "ให้ได้", "ถึง", "ขั้นต่ำ", "โควตา", "อีก", "ขาด", "เหลือ", "ข้อ")
ADMIN = ("set_quota", "grant", "reminder_rules", "bind_province")
SMALL_TALK = ("greeting", "thanks")
FLOOR = 2.0  # an intent scoring less is not what the message says


@dataclass
class Clause:
    """What one clause holds, found once and used by every rule."""

    p: Prepared
    forms: list[slots.Found]
    part: slots.Found | None
    when: dates.When
    clock: slots.Found | None
    days: slots.Found | None
    units: list[slots.Found]
    province: slots.Found | None
    users: list[slots.Found]
    counts: list[slots.Found]
    targets: list[slots.Found]
    step: str | None
    scores: dict[str, float]
    cue_spans: list[tuple[int, int]]
    question: bool
    negation: bool
    request: bool
    hedged: bool
    extra: dict = field(default_factory=dict)

    @property
    def form_names(self) -> tuple[str, ...]:
        named = {f.value for f in self.forms}
        return tuple(f for f in ("IIT", "EIT", "OIT") if f in named)


def read(raw: str, vocabulary: Vocabulary, *, today: date, steps: Mapping[str, str] | None = None,
         mentions: tuple[str, ...] = (), addressed: bool = False) -> list[Interpretation]:
    """Every thing the message says, in order; [unknown] when it says nothing the bot knows."""
    found: list[Interpretation] = []
    for piece in _PIECES.split(raw or ""):
        text = prepare_text(piece, vocabulary)
        if not text:
            continue
        for clause_text in _clauses(text, vocabulary, today, steps or {}):
            found.append(_interpret(clause_text, raw, vocabulary, today, steps or {}, mentions, addressed))
    known = [i for i in found if i.intent not in ("unknown", *SMALL_TALK)]
    if known:
        return known
    small_talk = [i for i in found if i.intent in SMALL_TALK]
    if small_talk:
        return small_talk[:1]
    return [found[0] if found else Interpretation("unknown", raw=raw or "", addressed=addressed)]


# -- clauses --------------------------------------------------------------------------------
def _clauses(text: str, vocabulary: Vocabulary, today: date, steps: Mapping[str, str]) -> list[str]:
    """The clause before each form it names (with the unit just before it), joined back where a
    clause alone says nothing ("IIT และ EIT ต้องได้กี่ชุด"); then cut at "แล้วก็" when both sides say something."""
    p = Prepared(text)
    forms = slots.find_forms(text, vocabulary)
    units = [u for u in slots.find_units(text, vocabulary, vocabulary.stop_words) if u.start in p.word_starts]
    cuts = []
    if forms and _registers(text[:forms[0].start], vocabulary, today, steps):
        cuts.append(forms[0].start)
    for form in forms[1:]:
        cut = form.start
        before = next((u for u in units if u.end <= form.start and not text[u.end:form.start].strip(" .")), None)
        if before is not None and not _after_registration(text[:before.start], vocabulary):
            cut = before.start
        cuts.append(cut)
    parts = [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)])]
    merged: list[str] = []
    for part in parts:
        if merged and not _says_something(merged[-1], vocabulary, today, steps):
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    if len(merged) > 1 and not _says_something(merged[-1], vocabulary, today, steps):
        merged[-2:] = [f"{merged[-2]} {merged[-1]}"]
    return [piece for clause in merged for piece in _at_conjunctions(clause, vocabulary, today, steps)]


def _registers(text: str, vocabulary: Vocabulary, today: date, steps: Mapping[str, str]) -> bool:
    """Whether the words before a form are a registration of their own ("ลงทะเบียน อบต.บ้านไผ่ IIT 45")."""
    return bool(text.strip()) and _decide(_features(text, vocabulary, today, steps), vocabulary)[0] == "register"


def _after_registration(before: str, vocabulary: Vocabulary) -> bool:
    tail = before.replace(" ", "")[-12:]
    return any(tail.endswith(cue) for cue in vocabulary.intents["register"].cues)


def _says_something(text: str, vocabulary: Vocabulary, today: date, steps: Mapping[str, str]) -> bool:
    clause = _features(text, vocabulary, today, steps)
    return bool(clause.counts or clause.question or clause.step or clause.when.date or clause.when.period
                or max(clause.scores.values(), default=0) >= FLOOR)


def _at_conjunctions(text: str, vocabulary: Vocabulary, today: date, steps: Mapping[str, str]) -> list[str]:
    for word in _CONJUNCTIONS:
        head, found, tail = text.partition(word)
        if found and head.strip() and tail.strip():
            left = _decide(_features(head, vocabulary, today, steps), vocabulary)
            right = _decide(_features(tail, vocabulary, today, steps), vocabulary)
            if left[0] != "unknown" and right[0] != "unknown":
                return [head.strip(), *_at_conjunctions(tail.strip(), vocabulary, today, steps)]
    return [text]


# -- one clause -----------------------------------------------------------------------------
def _features(text: str, vocabulary: Vocabulary, today: date, steps: Mapping[str, str]) -> Clause:
    p = Prepared(text)
    forms = slots.find_forms(text, vocabulary)
    part = slots.find_part(text, vocabulary)
    when = dates.find_when(text, p.compact, today, vocabulary)
    clock = slots.find_time(text)
    days = slots.find_days_before(text)
    users = slots.find_user_ids(text)
    units = [u for u in slots.find_units(text, vocabulary, vocabulary.stop_words) if u.start in p.word_starts]
    province = slots.find_province(text, vocabulary, vocabulary.stop_words)
    taken = [*when.spans, *((x.start, x.end) for x in (part, clock, days) if x), *((u.start, u.end) for u in users)]
    counts, targets = _numbers(text, taken)
    scores, cue_spans = _scores(p, vocabulary)
    negations = [s for s in p.any_of(vocabulary.negation, whole=True)
                 if not any(a <= s.start and s.end <= b for a, b in cue_spans if b - a > s.end - s.start)]
    question = (bool(p.any_of(vocabulary.question_words)) or "?" in text
                or any(p.compact.startswith(w) for w in vocabulary.question_leading))
    return Clause(p, forms, part, when, clock, days, units, province, users, counts, targets, _step(p, steps),
                  scores, cue_spans, question, bool(negations), bool(p.any_of(vocabulary.request)),
                  bool(p.any_of(vocabulary.hedges)))


def _numbers(text: str, taken: list[tuple[int, int]]) -> tuple[list[slots.Found], list[slots.Found]]:
    """Numbers that may be counts, and those said as a target or a remainder ("ต้องได้ 60", "อีก 15")."""
    counts, targets = [], []
    for number in slots.find_numbers(text):
        if any(a <= number.start < b for a, b in taken):
            continue
        before = text[max(0, number.start - 10):number.start].replace(" ", "")
        after = text[number.end:number.end + 12].replace(" ", "")
        digits = number.value.replace(",", "").lstrip("-")
        if before.endswith(_YEAR_WORDS) or (len(digits) == 4 and 2400 <= int(digits.split(".")[0]) <= 2700):
            continue  # a year
        if after.startswith(("วัน", "%", "เปอร์เซ็น", "ปี", "เดือน", "โมง", "ทุ่ม", "นาที", "ชั่วโมง", "บาท")) \
                or before.endswith(("หน้า", "ข้อ", "o", "ที่")):
            continue  # days, a share, a page, an OIT item: not responses
        (targets if before.endswith(_TARGET_WORDS) else counts).append(number)
    return counts, targets


def _scores(p: Prepared, vocabulary: Vocabulary) -> tuple[dict[str, float], list[tuple[int, int]]]:
    """Each intent's score: the weights of its cues found, heaviest first, none counted twice
    where they overlap ("ต้องทำอะไร" inside "ตอนนี้ต้องทำอะไร")."""
    scores, spans = {}, []
    for name, words in vocabulary.intents.items():
        matched = sorted((s for cue in words.cues for s in p.find(cue)),
                         key=lambda s: (-words.cues[s.word], s.start - s.end, s.start))
        total, taken = 0.0, []
        for span in matched:
            if all(span.end <= a or span.start >= b for a, b in taken):
                total += words.cues[span.word]
                taken.append((span.start, span.end))
        scores[name] = total
        spans += taken
    return scores, spans


def _step(p: Prepared, steps: Mapping[str, str]) -> str | None:
    found = [(len(word), key) for word, key in steps.items() if word in p.compact]
    return max(found)[1] if found else None


def _interpret(text: str, raw: str, vocabulary: Vocabulary, today: date, steps: Mapping[str, str],
               mentions: tuple[str, ...], addressed: bool) -> Interpretation:
    clause = _features(text, vocabulary, today, steps)
    intent, setting = _decide(clause, vocabulary)
    count = _count_for(intent, clause)
    unsure = intent == "report" and count is not None and (clause.hedged or _unexplained(clause, count, vocabulary))
    near = tuple(name for name, score in sorted(clause.scores.items(), key=lambda s: -s[1])
                 if score > 0 and name != intent and name not in SMALL_TALK)[:3]
    forms = clause.form_names
    unit = clause.units[0].value if clause.units else (_after_cue(clause, vocabulary) if intent == "register" else None)
    return Interpretation(
        intent=intent, text=text, raw=raw, form=clause.forms[0].value if clause.forms else None, forms=forms,
        part=clause.part.value if clause.part else None, unit=unit,
        province=clause.province.value if clause.province else None, count=count.value if count else None,
        date=clause.when.date, period=clause.when.period, step=clause.step, setting=setting,
        days_before=clause.days.value if clause.days else (), time=clause.clock.value if clause.clock else None,
        working_days=_working_days(clause.p), user_ids=(*mentions, *(u.value for u in clause.users)),
        page=_page(text), question=clause.question, negation=clause.negation, request=clause.request,
        unsure=unsure, addressed=addressed, ita=_about_ita(intent, clause, vocabulary), near=near,
        invalid=("time",) if clause.clock and clause.clock.value is None else ())


def _after_cue(clause: Clause, vocabulary: Vocabulary) -> str | None:
    """For a registration naming a unit without its prefix ("ลงทะเบียน บ้านไผ่"): the words after the cue."""
    cues = [s for s in clause.p.any_of(vocabulary.intents["register"].cues)]
    if not cues:
        return None
    rest = clause.p.compact[max(s.end for s in cues):]
    rest = Prepared(rest).without(vocabulary.particles | set(vocabulary.request))
    return rest or None


def _count_for(intent: str, clause: Clause) -> slots.Found | None:
    if intent == "set_quota":
        return clause.counts[-1] if clause.counts else (clause.targets[-1] if clause.targets else None)
    if not clause.counts:
        return clause.targets[0] if intent == "figures" and clause.targets else None
    form_end = clause.forms[0].end if clause.forms else 0
    after = [n for n in clause.counts if n.start >= form_end]
    return (after or clause.counts)[0]


def _unexplained(clause: Clause, count: slots.Found, vocabulary: Vocabulary) -> bool:
    """Words between the form and its count that a report would not say: the bot is not sure."""
    if not clause.forms:
        return False
    start, end = sorted((clause.forms[0].end, count.start))
    inside = [(u.start, u.end) for u in clause.units] + list(clause.when.spans)
    if clause.part:
        inside.append((clause.part.start, clause.part.end))
    known = vocabulary.fillers | vocabulary.particles | set(vocabulary.request)
    for token in clause.p.tokens:
        if start <= token.start and token.end <= end and token.word.strip(" .,:=-") and token.word not in known \
                and not any(a <= token.start < b for a, b in inside):
            return True
    return False


def _working_days(p: Prepared) -> bool | None:
    if p.has("วันทำการ") or p.has("เลี่ยงวันหยุด") or p.has("เว้นวันหยุด"):
        return True
    if p.has("ทุกวัน") or p.has("รวมวันหยุด"):
        return False
    return None


def _page(text: str) -> int | None:
    match = re.search(r"(?<!ล่วง)หน้า\s*(\d{1,3})(?!\d)", text)
    return int(match[1]) if match else None


def _about_ita(intent: str, clause: Clause, vocabulary: Vocabulary) -> bool:
    """Whether the clause is about ITA or speaks to the bot: only such clauses get answers in a group."""
    if clause.forms or clause.step or clause.units or clause.users or intent in ADMIN:
        return True
    if clause.p.any_of(vocabulary.ita):
        return True
    alone = re.sub(r"\d", "", clause.p.without(vocabulary.particles | set(vocabulary.request) | {"ดู", "หน้า"}))
    return intent in vocabulary.intents and alone in vocabulary.intents[intent].commands


# -- deciding -------------------------------------------------------------------------------
def _decide(c: Clause, vocabulary: Vocabulary) -> tuple[str, str | None]:
    """The intent of a clause and its setting, by the rules of docs/understanding.md."""
    s = c.scores
    forms = c.form_names
    for intent in ADMIN:  # their own verbs say exactly what is asked
        if s[intent] >= 5:
            return intent, _setting(intent, c, vocabulary)
    if "OIT" in forms and not set(forms) & {"IIT", "EIT"}:
        oit = _oit(c, vocabulary)
        if oit is not None:
            return oit
    if s["register"] >= 4 and not c.step and (c.units or not c.question or c.p.has("อย่างไร")):
        return "register", None
    if set(forms) & {"IIT", "EIT"} and c.counts and s["set_quota"] < 5:
        if not c.question:
            return "report", None
        return ("deadline", None) if s["deadline"] > s["figures"] + 1 else ("figures", None)
    return _best(c, vocabulary)


def _oit(c: Clause, vocabulary: Vocabulary) -> tuple[str, str | None] | None:
    s = c.scores
    if s["oit_approved"] >= 5 and not c.p.has("รออนุมัติ"):
        return ("status", None) if c.question else ("oit_approved", None)
    if s["oit_state"] >= 3:
        return ("status", None) if c.question else ("oit_state", _setting("oit_state", c, vocabulary))
    return None


def _best(c: Clause, vocabulary: Vocabulary) -> tuple[str, str | None]:
    s, forms = c.scores, c.form_names
    ita = bool(forms or c.step or c.units or c.p.any_of(vocabulary.ita))
    allowed = {
        "deadline": bool(c.step or ((c.when.date or c.when.period) and (c.question or s["deadline"]))
                         or s["deadline"] >= 4 or (ita and s["deadline"] >= 2)),
        "figures": bool((set(forms) & {"IIT", "EIT"} or c.units) and s["figures"] >= 2 or s["figures"] >= 4),
        "status": s["status"] >= 3,
        "summary": s["summary"] >= 4,
        "behind": s["behind"] >= 4 and not set(forms) & {"IIT", "EIT"},
        "reminders": s["reminders"] >= 4,
        "help": s["help"] >= 4,
        "register": s["register"] >= 4 and c.p.has("อย่างไร"),
        "greeting": s["greeting"] >= 3,
        "thanks": s["thanks"] >= 3,
    }
    # Small talk is a preface when something else is asked ("สวัสดีค่ะ ขอสอบถาม OIT ...").
    ranked = sorted((name for name, ok in allowed.items() if ok and s.get(name, 0) + _bonus(name, c) >= FLOOR),
                    key=lambda name: (name in SMALL_TALK, -(s.get(name, 0) + _bonus(name, c))))
    if not ranked:
        return "unknown", None
    return ranked[0], _setting(ranked[0], c, vocabulary)


def _bonus(intent: str, c: Clause) -> float:
    """What the values say beyond the words: a step or a date asked about is a deadline question."""
    if intent == "deadline":
        return 4.0 * bool(c.step) + 2.0 * bool(c.when.date or c.when.period)
    if intent == "figures":
        return 1.0 * bool(c.targets)
    return 0.0


def _setting(intent: str, c: Clause, vocabulary: Vocabulary) -> str | None:
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
