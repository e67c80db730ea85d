"""One clause of a message and everything found in it: forms, numbers, dates, units, cues,
question and negation, and what is left that the bot has no word for (its residue)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Mapping

from bot.lookup import Glossary, Words
from bot.nlu import dates, slots
from bot.nlu.prepared import Prepared
from bot.nlu.vocabulary import Vocabulary

_YEAR_WORDS = ("ปี", "พ.ศ", "พศ", "ปีงบ", "ค.ศ")
_TARGET_WORDS = ("ต้องได้", "ต้อง", "เป้า", "ให้ได้", "ถึง", "ขั้นต่ำ", "โควตา", "อีก", "ขาด", "เหลือ", "ข้อ")
_NOT_RESPONSES = ("วัน", "%", "เปอร์เซ็น", "ปี", "เดือน", "โมง", "ทุ่ม", "นาที", "ชั่วโมง", "บาท", "หน่วย", "แห่ง",
                  "กม", "ถุง", "แผ่น", "ใบ", "ครั้ง", "คัน", "ราย/")
_NOT_WORDS = re.compile(r"[^ก-๙a-z]+")


@dataclass
class Clause:
    p: Prepared
    forms: list[slots.Found]
    part: slots.Found | None
    when: dates.When
    clock: slots.Found | None
    days: slots.Found | None
    share: slots.Found | None  # a share of the minimum: "ไม่ถึง 50%"
    units: list[slots.Found]
    province: slots.Found | None
    users: list[slots.Found]
    counts: list[slots.Found]
    targets: list[slots.Found]
    taken: list[tuple[int, int]]  # spans of `p.text` read as values other than counts
    step: str | None
    scores: dict[str, float]
    heaviest: dict[str, float]  # each intent's weightiest cue found
    cue_spans: list[tuple[int, int]]
    question: bool
    confirm: bool  # a yes-or-no question: "... ใช่ไหม"
    negation: bool
    request: bool
    hedged: bool
    residue: str  # the words the bot does not know: long when people talk among themselves
    ita_words: bool  # ITA, ITAS, ป.ป.ช., the bot

    @property
    def form_names(self) -> tuple[str, ...]:
        named = {f.value for f in self.forms}
        return tuple(f for f in ("IIT", "EIT", "OIT") if f in named)

    @property
    def about_ita(self) -> bool:
        """A form, a calendar step or a unit named, or ITA itself."""
        return bool(self.forms or self.step or self.units or self.ita_words)


def features(text: str, vocabulary: Vocabulary, today: date, steps: Mapping[str, str],
             units_by_name: Mapping[str, str] | None = None) -> Clause:
    p = Prepared(text)
    forms = slots.find_forms(text, vocabulary)
    part = slots.find_part(text, vocabulary)
    when = dates.find_when(text, p.compact, today, vocabulary)
    clock = slots.find_time(text)
    days = slots.find_days_before(text)
    share = slots.find_share(text)
    if share is not None and clock is not None and clock.start <= share.start < clock.end:
        share = None  # "8 โมงครึ่ง" is a time
    users = slots.find_user_ids(text)
    units = slots.find_units(text, vocabulary, vocabulary.stop_words, p.word_starts, units_by_name)
    if not units and forms and units_by_name is not None:  # "บ้านไผ่ IIT 30": a coordinator's shorthand
        units = _bare_units(text, units_by_name)
    province = slots.find_province(text, vocabulary, vocabulary.stop_words)
    taken = [*when.spans, *((x.start, x.end) for x in (part, clock, days, share) if x), *((u.start, u.end) for u in users)]
    counts, targets, others = _numbers(text, taken)
    scores, heaviest, cue_spans = _scores(p, vocabulary)
    negations = [s for s in p.any_of(vocabulary.negation, whole=True)
                 if not any(a <= s.start and s.end <= b for a, b in cue_spans if b - a > s.end - s.start)]
    spans = [*taken, *others, *((f.start, f.end) for f in forms), *((u.start, u.end) for u in units),
             *((n.start, n.end) for n in counts + targets), *((province.start, province.end) for _ in [province] if _)]
    return Clause(
        p, forms, part, when, clock, days, share, units, province, users, counts, targets, taken + others,
        _step(p, steps), scores, heaviest, cue_spans, _asks(p, text, vocabulary),
        bool(p.any_of(vocabulary.confirm)), bool(negations),
        bool(p.any_of(vocabulary.request)), bool(p.any_of(vocabulary.hedges)),
        _residue(p, spans, vocabulary, steps), bool(p.any_of(vocabulary.ita)))


def _bare_units(text: str, units_by_name: Mapping[str, str]) -> list[slots.Found]:
    """A unit of the chat's province named without its prefix ("ถ้าบ้านไผ่ได้ IIT 60 ...")."""
    found = [(text.find(bare), bare, name) for bare, name in units_by_name.items() if bare in text]
    if not found:
        return []
    at, bare, name = max(found, key=lambda f: len(f[1]))
    return [slots.Found(name, at, at + len(bare))]


def _asks(p: Prepared, text: str, vocabulary: Vocabulary) -> bool:
    """A question: a question word, "?", "ถ้า ..." at the start, or ending on ยัง ("ผ่านยัง", "ครบยังคะ")."""
    if "?" in text or "？" in text or p.any_of(vocabulary.question_words):
        return True
    if p.any_of(vocabulary.question_verbs, whole=True):
        return True
    if any(word in p.compact for word in ("ไหน", "ไหม", "ไง")):  # inside words: "เดือนไหน", "ไหนคะ" (ไห|นคะ)
        return True
    if any(p.compact.startswith(w) for w in vocabulary.question_leading):
        return True
    return p.without(vocabulary.particles).endswith("ยัง")


def _numbers(text: str, taken: list[tuple[int, int]]) -> tuple[list, list, list]:
    """Numbers that may be counts; those said as a target or a remainder ("ต้องได้ 60", "อีก 15");
    and the spans of the others (years, days, pages, money ...), which are not responses."""
    counts, targets, others = [], [], []
    for number in slots.find_numbers(text):
        if any(a <= number.start < b for a, b in taken):
            continue
        before = text[max(0, number.start - 10):number.start].replace(" ", "")
        after = text[number.end:number.end + 12].replace(" ", "")
        digits = number.value.replace(",", "").lstrip("-").split(".")[0]
        if before.endswith(_YEAR_WORDS) or (len(digits) == 4 and 2400 <= int(digits) <= 2700) \
                or after.startswith(_NOT_RESPONSES) or before.endswith(("หน้า", "ข้อ", "o", "หมู่", "ไตรมาส", "รอบ")):
            others.append((number.start, number.end))
        elif before.endswith(_TARGET_WORDS) and not (before.endswith("ถึง") and after.startswith("แล้ว")):
            targets.append(number)  # "ถึง 40 แล้ว" is a count reached, "ถึง 40 หรือยัง" a target
        elif before.endswith("หรือ") and targets and not counts:
            targets.append(number)  # "ต้องได้ 40 ชุดหรือ 50 ชุด": the other target asked about
        else:
            counts.append(number)
    return counts, targets, others


def _scores(p: Prepared, vocabulary: Vocabulary) -> tuple[dict[str, float], dict[str, float], list]:
    """Each intent's score: the weights of its cues found, heaviest first, none counted twice
    where they overlap ("ต้องทำอะไร" inside "ตอนนี้ต้องทำอะไร"); and its heaviest cue."""
    found: dict[str, list] = {name: [] for name in vocabulary.intents}
    for cue in p.present(vocabulary.cue_words):
        spans = p.find(cue)
        for intent, weight in vocabulary.cues[cue]:
            found[intent] += [(weight, span) for span in spans]
    scores, heaviest, spans = {}, {}, []
    for name, matched in found.items():
        matched.sort(key=lambda m: (-m[0], m[1].start - m[1].end, m[1].start))
        total, taken = 0.0, []
        for weight, span in matched:
            if all(span.end <= a or span.start >= b for a, b in taken):
                total += weight
                taken.append((span.start, span.end))
        scores[name] = total
        heaviest[name] = matched[0][0] if matched else 0.0
        spans += taken
    return scores, heaviest, spans


def _step(p: Prepared, steps: Mapping[str, str]) -> str | None:
    found = [(len(word), steps[word]) for word in p.present(_words(steps))]
    return max(found)[1] if found else None


def _words(steps: Mapping[str, str]) -> Words:
    return steps.words if isinstance(steps, Glossary) else Words(steps)


def _residue(p: Prepared, spans: list[tuple[int, int]], vocabulary: Vocabulary, steps: Mapping[str, str]) -> str:
    """The letters of the clause that are neither values nor words the bot knows."""
    covered = bytearray(len(p.compact))

    def cover(start: int, end: int) -> None:
        covered[start:end] = b"\x01" * (end - start)

    for start, end in spans:  # values, found in the text with its spaces
        cover(start - p.text.count(" ", 0, start), end - p.text.count(" ", 0, end))
    # The bot's own phrases wherever they stand (the tokenizer may cut "ภาพรวม" as ภาพ|รวมทั้ง) ...
    for phrase in (*p.present(_words(steps)), *p.present(vocabulary.phrases)):
        for span in p.find(phrase):
            cover(span.start, span.end)
    # ... then ordinary words, only where they are whole words (ประมาณ is not a word of งบประมาณ),
    # or what is left of a word the phrases cut ("ทั้ง" of รวมทั้ง).
    for word, runs in p.whole_words.items():
        if word in vocabulary.known_words:
            for span in runs:
                cover(span.start, span.end)
    for token in p.tokens:
        rest = "".join(ch for i, ch in enumerate(p.compact[token.cstart:token.cend], token.cstart) if not covered[i])
        if rest != token.word and rest in vocabulary.known_words:
            cover(token.cstart, token.cend)
    return _NOT_WORDS.sub("", "".join(ch for i, ch in enumerate(p.compact) if not covered[i]))
