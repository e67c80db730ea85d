"""Which of many words stand in a short text, without trying each of them.

The reader asks this of every message for hundreds of cues and phrases, and nearly all are
absent. Words are kept under their first two letters; a text has only as many pairs of
letters as it is long, so only the few words whose first pair occurs in it are tried.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence


def letter_pairs(text: str) -> frozenset[str]:
    """Every two-letter piece of `text`, and each single letter (for one-letter words)."""
    return frozenset(text[i:i + 2] for i in range(len(text) - 1)) | frozenset(text)


class Words(Sequence[str]):
    """A fixed list of words that answers "which of you are in this text?" quickly.
    It is still a sequence, in the order given, for code that walks all the words."""

    def __init__(self, words: Iterable[str]):
        self._words = tuple(words)
        buckets: dict[str, list[str]] = {}
        for word in dict.fromkeys(self._words):  # once each, first order kept
            buckets.setdefault(word[:2], []).append(word)
        self._buckets = {pair: tuple(found) for pair, found in buckets.items()}
        self._pairs = frozenset(self._buckets)

    def within(self, text: str, pairs: frozenset[str] | None = None) -> list[str]:
        """The words that occur in `text` (`pairs`: its letter pairs, when already known)."""
        pairs = letter_pairs(text) if pairs is None else pairs
        return [w for pair in self._pairs & pairs for w in self._buckets[pair] if w in text]

    def __getitem__(self, index):
        return self._words[index]

    def __len__(self) -> int:
        return len(self._words)

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def __repr__(self) -> str:
        return f"Words({list(self._words)!r})"


class Glossary(Mapping[str, str]):
    """Words and what each stands for (e.g. a calendar step's key), fixed once built,
    with a `Words` of its words to find them in a text."""

    def __init__(self, meanings: Mapping[str, str] | Iterable[tuple[str, str]] = ()):
        self._meanings = dict(meanings)
        self.words = Words(self._meanings)

    def __getitem__(self, word: str) -> str:
        return self._meanings[word]

    def __iter__(self) -> Iterator[str]:
        return iter(self._meanings)

    def __len__(self) -> int:
        return len(self._meanings)

    def __repr__(self) -> str:
        return f"Glossary({self._meanings!r})"
