"""How well the bot understands messages it was not tuned on: a held-out labelled set
(bench/understanding/*.yaml, written apart from data/vocabulary.yaml and the test corpus),
played through the webhook as in tests/bot/nlu/test_corpus.py, scored.

Prints accuracy per labelled intent, the confusion between intents, and the writes that
should not have happened (target: >= 95% right, 0 wrong writes); --show lists the misreads.

    .venv/bin/python bench/understanding.py [--file heldout.yaml] [--show]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import sqlalchemy as sa
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import db  # noqa: E402
from bot.app import create_app, shutdown  # noqa: E402
from bot.ita.calendar_files import read_calendar, store_calendar  # noqa: E402
from bot.line.fakeline import FakeLine  # noqa: E402
from bot.line.simulator import LineSimulator  # noqa: E402
from bot.web import dispatch  # noqa: E402
from tests.bot.nlu.judge import judge  # noqa: E402
from tests.bot.nlu.scene import NOW, Scene, reads_of  # noqa: E402
from tests.provinces import CALENDARS, set_up_lamphun  # noqa: E402

SETS = Path(__file__).resolve().parent / "understanding"
TARGET = 0.95
SECRET, TOKEN = "bench-secret", "bench-token"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", default="heldout.yaml", help="a labelled set in bench/understanding/")
    parser.add_argument("--show", action="store_true", help="list every misread")
    args = parser.parse_args()
    cases = yaml.safe_load((SETS / args.file).read_text(encoding="utf-8"))
    results = play(cases)
    report(cases, results, args.show)


def play(cases: list[dict]) -> list[tuple[list, list[str]]]:
    """Each case's interpretations and what was wrong with it."""
    with tempfile.TemporaryDirectory() as workdir, FakeLine(access_token=TOKEN) as fake:
        url = f"sqlite:///{Path(workdir) / 'understanding.sqlite3'}"
        db.upgrade(url)
        app = create_app({"line_channel_secret": SECRET, "line_channel_access_token": TOKEN,
                          "line_api_base_url": fake.url, "database_url": url, "now": NOW.isoformat()})
        seen: list = []
        reading = dispatch.read

        def recorded(*a, **kw):
            seen[:] = reading(*a, **kw)
            return list(seen)

        dispatch.read = recorded
        try:
            with db.sessionmaker(app)() as session:
                with session.begin():
                    for path in sorted(CALENDARS.glob("*.yaml")):
                        store_calendar(session, read_calendar(path), NOW)
                set_up_lamphun(app, session, fake, NOW)
                scene = Scene(app, session, LineSimulator(app, fake, SECRET), app.extensions["itabot.clock"])
                results = []
                for case in cases:
                    outcome = scene.send(case)
                    results.append((list(seen), judge(case, seen, outcome.replies, outcome.effects, scene.resolve)))
                session.execute(sa.text("SELECT 1"))
        finally:
            dispatch.read = reading
            shutdown(app)
    return results


def report(cases: list[dict], results: list, show: bool) -> None:
    right = Counter()
    total = Counter()
    confusion: dict[str, Counter] = defaultdict(Counter)
    wrong_writes = []
    for case, (read, problems) in zip(cases, results):
        labelled = "+".join(r["intent"] for r in reads_of(case))
        got = "+".join(i.intent for i in read) or "-"
        total[labelled] += 1
        right[labelled] += not problems
        if labelled != got:
            confusion[labelled][got] += 1
        if any(p.startswith("WRONG WRITE") for p in problems):
            wrong_writes.append(case["say"])
        if problems and show:
            print(f"  ✗ {case['say']!r} ({case.get('by', 'member')} in {case.get('in', 'direct')}): {'; '.join(problems)}")
    print(f"\nheld-out understanding: {sum(right.values())}/{len(cases)} right "
          f"({sum(right.values()) / len(cases):.1%}; target >= {TARGET:.0%})")
    print(f"{'labelled intent':<28} {'right':>7} {'of':>4}  read instead")
    for intent in sorted(total, key=lambda i: (-total[i], i)):
        instead = ", ".join(f"{k} {v}" for k, v in confusion[intent].most_common())
        print(f"{intent:<28} {right[intent]:>7} {total[intent]:>4}  {instead}")
    print(f"wrong writes: {len(wrong_writes)} (target 0)" + "".join(f"\n  ! {s!r}" for s in wrong_writes))
    ok = sum(right.values()) / len(cases) >= TARGET and not wrong_writes
    print("OK" if ok else "MISSED")


if __name__ == "__main__":
    main()
