"""The labelled corpus (docs/understanding.md): every message, posted through the webhook as its
sender would, must be read as labelled and change exactly what its label says, nothing more."""
from __future__ import annotations

import pytest

from bot.web import dispatch
from tests.bot.nlu.judge import judge
from tests.bot.nlu.scene import CORPUS, Scene, load

FILES = sorted(p.name for p in CORPUS.glob("*.yaml"))


@pytest.fixture
def scene(app, lamphun, session, line, clock, monkeypatch):
    read = []

    def reading(*args, **kwargs):
        read[:] = dispatch_read(*args, **kwargs)
        return list(read)

    dispatch_read = dispatch.read
    monkeypatch.setattr(dispatch, "read", reading)
    scene = Scene(app, session, line, clock)
    scene.read = read
    return scene


def test_the_corpus_is_large_and_its_messages_unique():
    cases = [case for name in FILES for case in load(name)]
    assert len(cases) >= 400
    assert len({c["say"] for c in cases}) == len(cases)


@pytest.mark.parametrize("name", FILES)
def test_every_message_is_read_and_handled_as_labelled(scene, name):
    wrong = []
    for case in load(name):
        outcome = scene.send(case)
        problems = judge(case, scene.read, outcome.replies, outcome.effects, scene.resolve)
        if problems:
            wrong.append(f"{case['say']!r} ({case.get('by', 'member')} in {case.get('in', 'direct')}): "
                         + "; ".join(problems))
    assert not wrong, f"{len(wrong)} of {len(load(name))} wrong:\n" + "\n".join(wrong)
