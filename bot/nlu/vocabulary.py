"""The words the reader knows, from data/vocabulary.yaml: checked whole at start-up, so a
bad entry stops the app with every problem listed instead of misreading messages later."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
import re
from pathlib import Path

import yaml
from pythainlp.corpus import provinces

from bot import thai
from bot.lookup import Words
from bot.thai import normalize

VOCABULARY = Path(__file__).resolve().parents[2] / "data" / "vocabulary.yaml"
SECTIONS = {"spellings", "particles", "question", "negation", "request", "hedges", "fillers", "forms", "parts", "ita",
            "unit_prefixes", "province_prefixes", "common", "dates", "times", "intents", "main_buttons"}
INTENT_FIELDS = {"cues", "commands", "settings"}


class VocabularyError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("data/vocabulary.yaml: " + "; ".join(problems))


@dataclass(frozen=True)
class IntentWords:
    cues: dict[str, float]  # compact phrase -> weight
    commands: frozenset[str] = frozenset()  # compact phrases that, alone, speak to the bot
    settings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # variant -> compact phrases


@dataclass(frozen=True)
class Vocabulary:
    spellings: tuple[tuple[str, str], ...]  # (variant, canonical), longest variant first
    particles: frozenset[str]
    question_words: Words
    question_verbs: Words
    question_leading: tuple[str, ...]
    confirm: Words  # a yes-or-no question
    negation: Words
    request: Words
    hedges: Words
    fillers: frozenset[str]
    forms: dict[str, tuple[str, ...]]
    parts: tuple[str, ...]
    ita: Words
    unit_prefixes: tuple[str, ...]
    province_prefixes: tuple[str, ...]
    common: frozenset[str]
    dates: dict[str, tuple[str, ...]]
    times: dict[str, tuple[str, ...]]
    intents: dict[str, IntentWords]
    main_buttons: tuple[str, ...]
    examples: object = None  # bot.nlu.examples.Examples: what the reader falls back on

    @cached_property
    def stop_words(self) -> frozenset[str]:
        """Words that end a unit's name: nothing the bot reads as meaning is part of one, not even
        the first word of a cue ("กำลัง" of "กำลังตอบ": "OIT อบต.บ้านธิ กำลังตอบ")."""
        cues = {cue for words in self.intents.values() for cue in words.cues}
        firsts = {thai.tokens(cue)[0] for cue in cues if len(cue) > 3 and thai.tokens(cue)}
        forms = {w for words in self.forms.values() for w in words}
        return frozenset(self.particles | self.fillers | self.common | cues | firsts | forms
                         | set(self.question_words) | set(self.question_verbs) | set(self.negation) | set(self.request)
                         | set(self.hedges) | set(self.question_leading)
                         | {w for ws in self.dates.values() for w in ws})

    @cached_property
    def form_pattern(self) -> "re.Pattern":
        """Every way of writing a form, longest first; Latin ones as whole words ("iit", not "iitx")."""
        alternatives = sorted(((w, f) for f, words in self.forms.items() for w in words), key=lambda p: -len(p[0]))
        return re.compile("|".join(f"(?P<{form}{n}>{_whole(word)})" for n, (word, form) in enumerate(alternatives)))

    @cached_property
    def part_pattern(self) -> "re.Pattern":
        """EIT's part: "ส่วนที่ 1", "ตอน 2"."""
        words = "|".join(sorted(map(re.escape, self.parts), key=len, reverse=True))
        return re.compile(rf"(?:{words})\s*([12])(?!\d)")

    @cached_property
    def unit_prefix_pattern(self) -> "re.Pattern":
        return re.compile(rf"({'|'.join(map(re.escape, self.unit_prefixes))})\.?\s*")

    @cached_property
    def province_prefix_pattern(self) -> "re.Pattern":
        return re.compile(rf"(?:{'|'.join(map(re.escape, self.province_prefixes))})\s*")

    @cached_property
    def cues(self) -> dict[str, tuple[tuple[str, float], ...]]:
        """Every cue with the intents it speaks for and their weights."""
        found: dict[str, list[tuple[str, float]]] = {}
        for name, words in self.intents.items():
            for cue, weight in words.cues.items():
                found.setdefault(cue, []).append((name, weight))
        return {cue: tuple(meanings) for cue, meanings in found.items()}

    @cached_property
    def cue_words(self) -> Words:
        """The cues, to find the few a message holds."""
        return Words(self.cues)

    @cached_property
    def phrases(self) -> Words:
        """The bot's own phrases (cues and settings of four letters or more, the provinces' names),
        longest first: distinctive wherever they stand."""
        words = {cue for w in self.intents.values() for cue in w.cues}
        words |= {word for w in self.intents.values() for ws in w.settings.values() for word in ws}
        words |= {word for ws in self.dates.values() for word in ws} | set(self.question_words)
        words |= provinces()  # "ภาพรวมลำพูน": a province named bare is not people talking
        return Words(sorted((w for w in words | set(self.ita) if len(w) >= 4), key=len, reverse=True))

    @cached_property
    def known_words(self) -> frozenset[str]:
        """Every word the vocabulary gives meaning to: what is left of a message is what the bot does not know."""
        settings = {w for words in self.intents.values() for ws in words.settings.values() for w in ws}
        return self.stop_words | set(self.ita) | set(self.parts) | settings | {w for ws in self.times.values() for w in ws}


class _UniqueKeys(yaml.SafeLoader):
    """A word listed twice in one mapping is a mistake (the second weight would silently win)."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        twice = sorted({str(k) for k in keys if keys.count(k) > 1})
        if twice:
            raise VocabularyError([f"listed twice in one mapping: {', '.join(twice)} (line {node.start_mark.line + 1})"])
        return super().construct_mapping(node, deep)


def _whole(word: str) -> str:
    return rf"(?<![a-z]){re.escape(word)}(?![a-z])" if word.isascii() else re.escape(word)


def compact(word: object) -> str:
    return normalize(str(word)).replace(" ", "")


def load_vocabulary(path: str | Path = VOCABULARY) -> Vocabulary:
    """Read and check the vocabulary; VocabularyError lists every problem found."""
    doc = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_UniqueKeys)
    problems: list[str] = []
    if not isinstance(doc, dict):
        raise VocabularyError(["expected a mapping of sections"])
    problems += [f"unknown section {name!r}" for name in sorted(set(doc) - SECTIONS)]
    problems += [f"missing section {name!r}" for name in sorted(SECTIONS - set(doc))]
    if problems:
        raise VocabularyError(problems)

    def words(value: object, where: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            problems.append(f"{where}: expected a non-empty list of words")
            return ()
        found = tuple(compact(w) for w in value)
        if any(not w for w in found):
            problems.append(f"{where}: an empty word")
        return tuple(w for w in found if w)

    def mapping(value: object, where: str) -> dict:
        if not isinstance(value, dict) or not value:
            problems.append(f"{where}: expected a mapping")
            return {}
        return value

    spellings = [(compact(v), compact(canonical)) for canonical, variants in mapping(doc["spellings"], "spellings").items()
                 for v in words(variants, f"spellings.{canonical}")]
    question = mapping(doc["question"], "question")
    intents = {name: _intent(name, spec, words, mapping, problems)
               for name, spec in mapping(doc["intents"], "intents").items()}
    vocabulary = Vocabulary(
        spellings=tuple(sorted(spellings, key=lambda s: -len(s[0]))),
        particles=frozenset(words(doc["particles"], "particles")),
        question_words=Words(words(question.get("words"), "question.words")),
        question_verbs=Words(words(question.get("verbs"), "question.verbs")),
        question_leading=words(question.get("leading"), "question.leading"),
        confirm=Words(words(question.get("confirm"), "question.confirm")),
        negation=Words(words(doc["negation"], "negation")),
        request=Words(words(doc["request"], "request")),
        hedges=Words(words(doc["hedges"], "hedges")),
        fillers=frozenset(words(doc["fillers"], "fillers")),
        forms={form.upper(): words(spelled, f"forms.{form}") for form, spelled in mapping(doc["forms"], "forms").items()},
        parts=words(doc["parts"], "parts"),
        ita=Words(words(doc["ita"], "ita")),
        unit_prefixes=tuple(sorted(words(doc["unit_prefixes"], "unit_prefixes"), key=len, reverse=True)),
        province_prefixes=words(doc["province_prefixes"], "province_prefixes"),
        common=frozenset(words(doc["common"], "common")),
        dates={k: words(v, f"dates.{k}") for k, v in mapping(doc["dates"], "dates").items()},
        times={k: words(v, f"times.{k}") for k, v in mapping(doc["times"], "times").items()},
        intents=intents,
        main_buttons=tuple(str(b) for b in doc["main_buttons"] or ()),
    )
    if set(vocabulary.forms) != {"IIT", "EIT", "OIT"}:
        problems.append("forms: expected IIT, EIT and OIT")
    if problems:
        raise VocabularyError(problems)
    return vocabulary


def _intent(name: str, spec: object, words, mapping, problems: list[str]) -> IntentWords:
    spec = mapping(spec, f"intents.{name}")
    problems.extend(f"intents.{name}: unknown field {f!r}" for f in sorted(set(spec) - INTENT_FIELDS))
    cues = {}
    for phrase, weight in mapping(spec.get("cues"), f"intents.{name}.cues").items():
        if not isinstance(weight, (int, float)) or not 0 < weight <= 10:
            problems.append(f"intents.{name}.cues.{phrase}: weight must be a number from 1 to 10")
        elif compact(phrase):
            cues[compact(phrase)] = float(weight)
    commands = frozenset(words(spec["commands"], f"intents.{name}.commands")) if "commands" in spec else frozenset()
    settings = {str(k): words(v, f"intents.{name}.settings.{k}")
                for k, v in (mapping(spec["settings"], f"intents.{name}.settings") if "settings" in spec else {}).items()}
    return IntentWords(cues, commands, settings)
