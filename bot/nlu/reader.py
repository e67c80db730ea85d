"""Reading a message: the one place that decides what each part of a message asks or states.

A message is cut into clauses (its lines; before each form it names; at "แล้วก็", "ถ้า" ...),
each clause's values and cues are found (`clause`), the rules decide its intent (`decide`), and
the result is one `Interpretation` per thing the message says, in order.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Mapping

from bot import texts
from bot.context import Interpretation
from bot.nlu import slots
from bot.nlu.clause import Clause, features
from bot.nlu.decide import SMALL_TALK, decide, moves_a_deadline, spoken_to_bot
from bot.nlu.prepared import Prepared, prepare_text
from bot.nlu.vocabulary import Vocabulary

_PIECES = re.compile(r"[\r\n;]+|\s/\s|\s\|\s")
# Words that may join two things said in one breath; a cut is made only when both sides say something.
# The conditional ones stay with what follows ("EIT 14 แล้ว ถ้าได้ 40 จะผ่านไหม").
_CONJUNCTIONS = (("แล้วก็", False), ("และก็", False), ("อีกเรื่อง", False), ("อีกอย่าง", False), ("ถ้า", True),
                 ("หาก", True), ("แล้ว", False), ("และ", False))
_SENTENCE_END = re.compile(r"(?:ค่ะ|คะ|ครับ|คับ|นะคะ|นะครับ|จ้า|ค่า)(?=\s)")
_ENDED = re.compile(r"(?:ค่ะ|ครับ|คับ|นะคะ|นะครับ|จ้า|ค่า|[.!])\s*$")
_CARRIES_UNIT = ("report", "figures", "oit_state", "oit_approved", "status")
# A LINE text may hold 5,000 characters; what people ask the bot says in far fewer. Reading
# stops after this many characters (at a space) and once more things are found than LINE's
# 5 replies can answer, so a pasted notice or a hostile message costs what an ordinary one does.
READ_AT_MOST = 1000
THINGS_AT_MOST = 5


def read(raw: str, vocabulary: Vocabulary, *, today: date, steps: Mapping[str, str] | None = None,
         units: Mapping[str, str] | None = None, mentions: tuple[str, ...] = (),
         addressed: bool = False, one_to_one: bool = True) -> list[Interpretation]:
    """Every thing the message says, in order; [unknown] when it says nothing the bot knows.

    `steps` names the calendar's steps (word -> step key); `units` the chat province's units
    people name without a prefix (bare name -> unit name)."""
    if pasted_status_page(raw):  # read whole by its handler, however long: never as counts
        return [Interpretation("itas_figures", text=raw, raw=raw, ita=True, addressed=addressed)]
    reading = _Reading(vocabulary, today, steps or {}, units)
    found: list[Interpretation] = []
    read_texts = []
    for piece in _PIECES.split(beginning(raw or "")):
        text = prepare_text(piece, vocabulary)
        if text:
            read_texts.append(text)
            found += reading.named_last(_asked_together([
                reading.interpret(clause, raw, mentions, addressed or one_to_one, addressed)
                for clause in reading.clauses(text)]))
        if sum(i.intent != "unknown" for i in found) > THINGS_AT_MOST:
            break  # one more than can be answered: enough to tell the sender some were left
    known = _units_carried(_once([i for i in found if i.intent != "unknown"]))
    if any(i.intent == "unknown" and reading.features(i.text).hedged for i in found):
        # "IIT 45 ชุดค่ะ ... น่าจะประมาณนี้": a doubt said apart from the count is still about it
        known = [replace(i, unsure=True) if i.intent == "report" and i.count else i for i in known]
    if known:
        return known
    if one_to_one and not addressed and len(read_texts) == 1 and reading.beyond_the_bot(read_texts[0]):
        return [replace(found[0], intent="elsewhere", ita=True)]
    return [found[0] if found else Interpretation("unknown", raw=raw or "", addressed=addressed)]


def pasted_status_page(raw: str | None) -> bool:
    """The ITAS status page pasted into the chat: several of its own labels, not a question about it."""
    labels = (texts.ITAS_PAGE["units"], texts.ITAS_PAGE["iit"], texts.ITAS_PAGE["eit1"], texts.ITAS_PAGE["oit"])
    return sum(label in (raw or "") for label in labels) >= 2


def _asked_together(line: list[Interpretation]) -> list[Interpretation]:
    """"ได้ iit 55 กับ eit 42 โอเคยังคะ": a line that ends in a question about figures asks it of the
    counts before it too, unless a sentence ended between them. Those counts are not reports."""
    if len(line) < 2 or not line[-1].question or line[-1].intent not in ("figures", "status"):
        return line
    return [replace(i, intent="figures", question=True) if i.intent == "report" and not _ENDED.search(i.text) else i
            for i in line]


def beginning(raw: str) -> str:
    """The part of a message that is read: all of it, or its first READ_AT_MOST characters up
    to the last space (a number is never cut in two: "IIT 4|5" must not become IIT 4)."""
    if len(raw) <= READ_AT_MOST:
        return raw
    head = raw[:READ_AT_MOST]
    space = max(head.rfind(" "), head.rfind("\n"))
    return head[:space] if space > 0 else ""


def _once(found: list[Interpretation]) -> list[Interpretation]:
    """"สวัสดีครับ ขอสอบถามหน่อย": small talk said twice in a row is answered once."""
    return [said for n, said in enumerate(found)
            if not (n and said.intent in SMALL_TALK and said.intent == found[n - 1].intent)]


def _units_carried(found: list[Interpretation]) -> list[Interpretation]:
    """A unit named once counts for what follows it in the message ("ทต.ลี้ iit 31 eit 44")."""
    carried, unit = [], None
    for said in found:
        if said.unit:
            unit = said.unit
        elif unit and said.intent in _CARRIES_UNIT:
            said = replace(said, unit=unit)
        carried.append(said)
    return carried


class _Reading:
    """One message being read: what it needs, and each clause's features found once."""

    def __init__(self, vocabulary: Vocabulary, today: date, steps: Mapping[str, str],
                 units: Mapping[str, str] | None):
        self.vocabulary, self.today, self.steps, self.units = vocabulary, today, steps, units
        self._seen: dict[str, Clause] = {}

    def features(self, text: str) -> Clause:
        if text not in self._seen:
            self._seen[text] = features(text, self.vocabulary, self.today, self.steps, self.units)
        return self._seen[text]

    def named_last(self, line: list[Interpretation]) -> list[Interpretation]:
        """"iit 45 eit 60 ทต.สันทราย": a unit named once, after what is said of it, at the end of a
        line, is the unit of the whole line. Not one that starts its own clause ("IIT 45 ค่ะ ทต.ป่าซาง
        EIT 30": the first count is the sender's own)."""
        if len(line) < 2 or not line[-1].unit or any(said.unit for said in line[:-1]):
            return line
        units = self.features(line[-1].text).units
        if not units or units[0].start == 0:
            return line
        unit = line[-1].unit
        return [replace(said, unit=unit) if said.intent in _CARRIES_UNIT else said for said in line]

    def beyond_the_bot(self, text: str) -> bool:
        """A message in 1:1 that nothing the bot keeps answers, but that asks, requests or tells a
        trouble about ITA ("ITAS เข้าไม่ได้", "QR EIT เอาจากไหน"): the honest answer is who can."""
        c = self.features(text)
        return c.about_ita and not c.counts and (c.question or c.request or (c.negation and not c.forms))

    def intent(self, text: str) -> str:
        return decide(self.features(text), self.vocabulary)[0]

    # -- clauses ----------------------------------------------------------------------------
    def clauses(self, text: str) -> list[str]:
        """The clause before each form it names (with the unit just before it), joined back where
        a clause alone says nothing ("IIT และ EIT ต้องได้กี่ชุด"); then cut at conjunctions."""
        whole = self.features(text)
        if moves_a_deadline(whole):
            return [text]  # "ขยายเวลา IIT EIT ถึง 31 ก.ค.": one move of several forms' steps
        forms, units = whole.forms, whole.units
        cuts = []
        if forms and text[:forms[0].start].strip() and self.intent(text[:forms[0].start].strip()) == "register":
            cuts.append(forms[0].start)  # "ลงทะเบียน อบต.บ้านไผ่ IIT 45": a registration, then a report
        for form in forms[1:THINGS_AT_MOST + 1]:
            cut = form.start
            before = next((u for u in units if u.end <= form.start and not text[u.end:form.start].strip(" .")), None)
            if before is not None and not self._after_registration(text[:before.start]):
                cut = before.start
            cuts.append(cut)
        parts = [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)])]
        merged: list[str] = []
        for part in parts:
            if merged and not self._says_something(merged[-1]):
                merged[-1] = f"{merged[-1]} {part}"
            else:
                merged.append(part)
        if len(merged) > 1 and not self._says_something(merged[-1]):
            merged[-2:] = [f"{merged[-2]} {merged[-1]}"]
        return [piece for clause in merged if clause for piece in self._at_conjunctions(clause)]

    def _after_registration(self, before: str) -> bool:
        tail = before.replace(" ", "")[-12:]
        return any(tail.endswith(cue) for cue in self.vocabulary.intents["register"].cues)

    def _says_something(self, text: str) -> bool:
        clause = self.features(text)
        return bool(clause.counts or clause.question or clause.step or clause.when.date or clause.when.period
                    or max(clause.scores.values(), default=0) >= 2)

    def _at_conjunctions(self, text: str) -> list[str]:
        greeted = self._after_small_talk(text)
        if greeted:
            return greeted
        ended = self._after_sentence(text)
        if ended:
            return ended
        for word, keep in _CONJUNCTIONS:
            at = text.find(word)
            if at <= 0:
                continue
            head, tail = text[:at].strip(), text[at if keep else at + len(word):].strip()
            if not head or not tail:
                continue
            intents = [self.intent(side) for side in (head, tail)]
            if "unknown" in intents or (intents[0] == intents[1] != "report"):
                continue
            if intents[0] == "report" and intents[1] in ("figures", "status") and self.features(tail).question:
                continue  # "ได้ IIT 55 แล้ว ผ่านขั้นต่ำไหม": the count is part of the question, not a report
            return [head, *self._at_conjunctions(tail)]
        return [text]

    def _after_small_talk(self, text: str) -> list[str]:
        """"สวัสดีค่ะ ขอดูกำหนดการหน่อย": the greeting, then what is asked."""
        head, space, tail = text.partition(" ")
        if not space or not tail.strip() or not self._starts_small_talk(head):
            return []
        if self.intent(tail.strip()) in ("unknown", *SMALL_TALK):
            return []
        return [head, *self._at_conjunctions(tail.strip())]

    def _after_sentence(self, text: str) -> list[str]:
        """A polite particle then a space ends a sentence: "IIT 40 ค่ะ ใครยังไม่ทำช่วยทำด้วย" says two
        things, and the second (people talking) must not make the first a negation; "IIT 46 ค่ะ
        ขอบคุณค่ะ", a report and thanks."""
        for match in _SENTENCE_END.finditer(text):
            head, tail = text[:match.end()].strip(), text[match.end():].strip()
            if head and tail and self.intent(head) != "unknown" and self.intent(tail) in ("unknown", *SMALL_TALK) \
                    and not self.features(tail).about_ita:
                return [head, tail]
        return []

    def _starts_small_talk(self, head: str) -> bool:
        start = head.replace(" ", "")[:12]
        cues = (cue for name in SMALL_TALK for cue in self.vocabulary.intents[name].cues)
        return any(start.startswith(cue) for cue in cues) and self.intent(head) in SMALL_TALK

    # -- one clause -------------------------------------------------------------------------
    def interpret(self, text: str, raw: str, mentions: tuple[str, ...], to_bot: bool,
                  addressed: bool) -> Interpretation:
        """One clause; `to_bot`: said in 1:1 or to the @mentioned bot."""
        c, vocabulary = self.features(text), self.vocabulary
        intent, setting = decide(c, vocabulary)
        learned = intent == "unknown" and vocabulary.examples is not None and _learned(vocabulary.examples, text)
        if learned:
            intent = learned
        if intent == "ack" and not to_bot:
            intent = "unknown"  # "รับทราบค่ะ" in a group is for the people there
        count = _count_for(intent, c)
        near = tuple(name for name, score in sorted(c.scores.items(), key=lambda s: -s[1])
                     if score > 0 and name != intent and name not in SMALL_TALK)[:3]
        return Interpretation(
            intent=intent, text=text, raw=raw, form=c.forms[0].value if c.forms else None, forms=c.form_names,
            part=c.part.value if c.part else None, unit=_unit(intent, c, vocabulary),
            province=_province(intent, c, vocabulary), count=count.value if count else None, date=c.when.date,
            period=c.when.period, step=c.step, setting=setting, days_before=c.days.value if c.days else (),
            share=c.share.value if c.share else None,
            time=c.clock.value if c.clock else None, working_days=_working_days(c.p),
            user_ids=(*mentions, *(u.value for u in c.users)), page=_page(text), question=c.question,
            confirm=c.question and c.confirm, negation=c.negation, request=c.request,
            unsure=intent == "report" and count is not None and (c.hedged or _unexplained(c, count, vocabulary)),
            addressed=addressed, ita=c.about_ita if learned else spoken_to_bot(intent, c), near=near,
            invalid=("time",) if c.clock and c.clock.value is None else ())


def _learned(examples, text: str) -> str | None:
    """What the nearest labelled messages say a clause the rules found nothing in asks."""
    guess = examples.nearest(text)
    return guess.intent if guess is not None and guess.intent != "unknown" else None


def _unit(intent: str, c: Clause, vocabulary: Vocabulary) -> str | None:
    if c.units:
        return c.units[0].value
    return _after_cue(c, vocabulary, "register") if intent == "register" else None


def _province(intent: str, c: Clause, vocabulary: Vocabulary) -> str | None:
    if c.province:
        return c.province.value
    return _after_cue(c, vocabulary, "bind_province") if intent == "bind_province" else None


def _after_cue(c: Clause, vocabulary: Vocabulary, intent: str) -> str | None:
    """A name written without its prefix ("ลงทะเบียน บ้านไผ่", "ผูกกลุ่ม ลำพูน"): the words after the cue."""
    cues = c.p.any_of(vocabulary.intents[intent].cues)
    if not cues:
        return None
    rest = Prepared(c.p.compact[max(s.end for s in cues):]).without(
        vocabulary.particles | set(vocabulary.request) | vocabulary.common)
    return rest.strip(".") or None


def _count_for(intent: str, c: Clause) -> slots.Found | None:
    if intent == "register":  # a join code: the last long number ("ลงทะเบียน อบต.ทดสอบ05 รหัส 950097")
        return next((n for n in reversed(c.counts) if n.value.isdigit() and len(n.value) >= 4), None)
    if intent == "set_quota":
        return c.counts[-1] if c.counts else (c.targets[-1] if c.targets else None)
    if not c.counts:
        return c.targets[0] if intent == "figures" and c.targets else None
    form_end = c.forms[0].end if c.forms else 0
    after = [n for n in c.counts if n.start >= form_end]
    return (after or c.counts)[0]


def _unexplained(c: Clause, count: slots.Found, vocabulary: Vocabulary) -> bool:
    """Words between the form and its count that a report would not say: the bot is not sure."""
    if not c.forms:
        return False
    start, end = sorted((c.forms[0].end, count.start))
    inside = [(u.start, u.end) for u in c.units] + c.taken + [(t.start, t.end) for t in c.targets]
    known = vocabulary.fillers | vocabulary.particles | set(vocabulary.request) | vocabulary.common
    return any(start <= t.start and t.end <= end and t.word.strip(" .,:=-") and t.word not in known
               and not any(a <= t.start < b for a, b in inside) for t in c.p.tokens)


def _working_days(p: Prepared) -> bool | None:
    if p.has("วันทำการ") or p.has("เลี่ยงวันหยุด") or p.has("เว้นวันหยุด"):
        return True
    if p.has("ทุกวัน") or p.has("รวมวันหยุด"):
        return False
    return None


def _page(text: str) -> int | None:
    match = re.search(r"(?<!ล่วง)หน้า\s*(\d{1,3})(?!\d)", text)
    return int(match[1]) if match else None
