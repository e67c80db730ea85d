"""A message made ready to read: normalised once, spellings fixed, cut into words.

Thai has no spaces between words and people add them at random, so phrases are looked up
in the text with its spaces removed (`compact`); short words (three letters or fewer, like
กี่ or ไม่) only where PyThaiNLP's tokenizer finds them as whole words, so that เกี่ยว is not
a question. Values (numbers, dates, units) are read from `text`, which keeps the spaces.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterable

from bot import thai
from bot.lookup import Words, letter_pairs
from bot.nlu.vocabulary import Vocabulary

SHORT = 3  # words this long or shorter must be whole tokens


@dataclass(frozen=True)
class Token:
    word: str
    start: int  # in `Prepared.text`
    end: int
    cstart: int  # in `Prepared.compact`
    cend: int


@dataclass(frozen=True)
class Span:
    start: int  # in `Prepared.compact`
    end: int
    word: str


def prepare_text(raw: str, vocabulary: Vocabulary) -> str:
    """Normalised text with the vocabulary's spellings rewritten."""
    text = thai.normalize(raw)
    for variant, canonical in vocabulary.spellings:
        if variant in text:
            if variant in canonical:  # hide the right spelling first: ลงทะเบีย is part of ลงทะเบียน
                text = text.replace(canonical, "\0").replace(variant, canonical).replace("\0", canonical)
            else:
                text = text.replace(variant, canonical)
    return text


class Prepared:
    def __init__(self, text: str):
        self.text = text  # normalised, spaces kept
        self.compact = text.replace(" ", "")

    @cached_property
    def tokens(self) -> list[Token]:
        found, at = [], 0
        for word in thai.tokens(self.text):
            start = self.text.find(word, at)
            if start < 0:
                continue
            cstart = start - self.text.count(" ", 0, start)
            found.append(Token(word, start, start + len(word), cstart, cstart + len(word.replace(" ", ""))))
            at = start + len(word)
        return found

    @cached_property
    def word_starts(self) -> frozenset[int]:
        """Where words begin in `text`: a unit's prefix must stand at one (ทน is not in แทน)."""
        return frozenset(t.start for t in self.tokens)

    @cached_property
    def whole_words(self) -> dict[str, list[Span]]:
        """Every run of up to four consecutive tokens, joined: the words as the tokenizer sees them."""
        runs: dict[str, list[Span]] = {}
        tokens = [t for t in self.tokens if t.word.strip()]
        for first in range(len(tokens)):
            joined = ""
            for last in range(first, min(first + 4, len(tokens))):
                joined += tokens[last].word.replace(" ", "")
                runs.setdefault(joined, []).append(Span(tokens[first].cstart, tokens[last].cend, joined))
        return runs

    def find(self, word: str, whole: bool = False) -> list[Span]:
        """Where `word` (compact) stands in the message, in `compact`: as whole words when asked
        or when it is short, else anywhere (Thai compounds carry their meaning inside longer words)."""
        if word not in self.compact:  # most words are not there: the cheapest answer first
            return []
        if whole or len(word) <= SHORT:
            return self.whole_words.get(word, [])
        found, at = [], self.compact.find(word)
        while at >= 0:
            found.append(Span(at, at + len(word), word))
            at = self.compact.find(word, at + 1)
        return found

    def has(self, word: str, whole: bool = False) -> bool:
        return bool(self.find(word, whole))

    @cached_property
    def letter_pairs(self) -> frozenset[str]:
        return letter_pairs(self.compact)

    def present(self, words: Iterable[str]) -> list[str]:
        """Those of `words` that occur somewhere in `compact` (whole or not)."""
        if isinstance(words, Words):
            return words.within(self.compact, self.letter_pairs)
        return [word for word in words if word in self.compact]

    def any_of(self, words: Iterable[str], whole: bool = False) -> list[Span]:
        return [span for word in self.present(words) for span in self.find(word, whole)]

    def without(self, words: Iterable[str], whole: bool = False) -> str:
        """The compact text with these words taken out (e.g. particles)."""
        if whole and isinstance(words, (set, frozenset)):
            return self._without_whole(words)
        kept, at = [], 0
        for span in sorted(self.any_of(words, whole), key=lambda s: (s.start, s.start - s.end)):
            if span.start >= at:
                kept.append(self.compact[at:span.start])
                at = span.end
        kept.append(self.compact[at:])
        return "".join(kept)

    def _without_whole(self, words: frozenset[str]) -> str:
        """The same, for a large set: walk the token runs (longest first) instead of the words."""
        kept, at = [], 0
        tokens = [t for t in self.tokens if t.word.strip()]
        index = 0
        while index < len(tokens):
            joined, found = "", None
            for last in range(index, min(index + 4, len(tokens))):
                joined += tokens[last].word.replace(" ", "")
                if joined in words:
                    found = last
            if found is None:
                index += 1
                continue
            kept.append(self.compact[at:tokens[index].cstart])
            at = tokens[found].cend
            index = found + 1
        kept.append(self.compact[at:])
        return "".join(kept)
