"""What the reader learns from the labelled corpus (data/corpus): when its rules find nothing in a
clause, the nearest labelled messages by character similarity (rapidfuzz) may say what it asks.

Only intents that change nothing are learned (a deadline, a status, a list, help, small talk,
a question beyond the bot's data): anything that writes is the rules' alone, so a question, a
negation or a number that is not a count can never be turned into a write by a neighbour.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from bot.thai import compact

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"
LEARNED = frozenset({"deadline", "status", "figures", "behind", "summary", "help", "greeting", "thanks", "ack",
                     "elsewhere", "unknown"})
NEAREST = 5
CLOSE = 4.0
AT_LEAST = 72.0  # similarity (0-100) of the nearest example below which nothing is learned
_DIGITS = re.compile(r"\d+")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: 1,500 cases


def shape(text: str) -> str:
    """A message as examples are compared: compact, lower case, every number alike."""
    return _DIGITS.sub("9", compact(text).lower())


@dataclass(frozen=True)
class Guess:
    intent: str
    score: float


class Examples:
    def __init__(self, labelled: list[tuple[str, str]]):
        shapes: dict[str, Counter] = {}
        for text, intent in labelled:
            key = shape(text)
            if key:
                shapes.setdefault(key, Counter())[intent] += 1
        self._keys = list(shapes)
        self._intents = [counts.most_common(1)[0][0] for counts in shapes.values()]

    def __len__(self) -> int:
        return len(self._keys)

    def nearest(self, text: str) -> Guess | None:
        """The intent the nearest examples agree on (weighted by similarity); None below AT_LEAST."""
        key = shape(text)
        if not key or not self._keys:
            return None
        found = process.extract(key, self._keys, scorer=fuzz.ratio, limit=NEAREST, score_cutoff=AT_LEAST - 15)
        if not found or found[0][1] < AT_LEAST:
            return None
        best = found[0][1]
        votes: Counter = Counter()
        for _, score, index in found:
            if score >= best - CLOSE:  # only those about as near as the nearest have a say
                votes[self._intents[index]] += score
        intent, _ = votes.most_common(1)[0]
        return Guess(intent, found[0][1])


def load_examples(folder: Path = CORPUS) -> Examples:
    """Every one-intent message of the corpus whose intent may be learned, as it was labelled."""
    paths = sorted(folder.glob("*.yaml"))
    return _examples(tuple((str(p), p.stat().st_mtime_ns) for p in paths))


@lru_cache(maxsize=4)
def _examples(files: tuple[tuple[str, int], ...]) -> Examples:
    """Read once per process while the files stay as they are (an app is made per test)."""
    labelled = []
    for name, _ in files:
        for case in yaml.load(Path(name).read_text(encoding="utf-8"), Loader=_LOADER) or []:
            read = case.get("read")
            if isinstance(read, dict) and read.get("intent") in LEARNED and case.get("in", "direct") == "direct":
                labelled.append((str(case["say"]), read["intent"]))
    return Examples(labelled)
