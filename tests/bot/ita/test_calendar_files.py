"""Calendar YAML files: a bad file is rejected with the file and step named, and loads nothing."""
from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.ita.calendar_files import CalendarFileError, read_calendar, store_calendar
from models import Calendar, Step
from tests.provinces import CALENDARS

SHIPPED = sorted(CALENDARS.glob("*.yaml"))

GOOD = """\
year: 2599
scope: nacc
title: ปฏิทินทดสอบ
source: test
steps:
  - id: oit-answer
    title: ตอบแบบ OIT
    short: ตอบ OIT
    start: 2056-01-01
    end: 30 เม.ย. 2599
    end_time: "16:30"
    forms: [OIT]
    actor: unit
"""


def write(tmp_path, text: str, name: str = "cal.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_calendars_are_valid():
    names = {p.name for p in SHIPPED}
    assert {"2568-nacc.yaml", "2568-chiang-mai.yaml", "2568-chaiyaphum.yaml", "2568-lamphun.yaml",
            "2567-roi-et.yaml"} <= names
    nacc = read_calendar(next(p for p in SHIPPED if p.name == "2568-nacc.yaml"))
    assert len(nacc.steps) == 14
    ids = {s.key for s in nacc.steps}
    for path in SHIPPED:
        spec = read_calendar(path)
        if spec.year == 2568 and spec.scope == "province":
            assert all(s.nacc_step in ids for s in spec.steps if s.nacc_step), path.name


def test_a_good_file_reads_with_thai_or_iso_dates(tmp_path):
    spec = read_calendar(write(tmp_path, GOOD))
    [step] = spec.steps
    assert (step.start.isoformat(), step.end.isoformat(), str(step.end_time)) == ("2056-01-01", "2056-04-30", "16:30:00")
    assert spec.key == "2599/nacc"


@pytest.mark.parametrize("change, expected", [
    (("end: 30 เม.ย. 2599", "end: 2055-12-31"), "step oit-answer: end 2055-12-31 is before start"),
    (("forms: [OIT]", "forms: [OIT, XIT]"), "step oit-answer: unknown form"),
    (("actor: unit", "actor: unit\n    colour: red"), "step oit-answer: unknown field 'colour'"),
    (("start: 2056-01-01", "start: 2056-02-30"), "step oit-answer: start is not a date"),
    (("start: 2056-01-01", "start: someday"), "step oit-answer: start is not a date"),
    (("actor: unit", "actor: everyone"), "step oit-answer: actor must be one of"),
    (("end_time: \"16:30\"", "end_time: \"25:00\""), "step oit-answer: end_time"),
    (("year: 2599", "year: 2599\nwho: me"), "unknown field 'who'"),
    (("scope: nacc", "scope: world"), "scope: expected"),
    (("actor: unit", "actor: unit\n    words: ลงทะเบียน"), "step oit-answer: words must be a list"),
    (("actor: unit", "actor: unit\n    words: [ตอบ OIT, ตอบ  oit]"), "step oit-answer: a word is listed twice"),
    (("actor: unit", "actor: unit\n    words: [\"a|b\"]"), "without '|'"),
])
def test_bad_files_are_rejected_naming_the_step(tmp_path, change, expected):
    with pytest.raises(CalendarFileError) as error:
        read_calendar(write(tmp_path, GOOD.replace(*change)))
    assert error.value.file == "cal.yaml"
    assert any(expected in p for p in error.value.problems), error.value.problems


def test_every_shipped_step_where_units_act_has_words_to_be_asked_by():
    for path in SHIPPED:
        for step in read_calendar(path).steps:
            assert step.words, f"{path.name}: {step.key}"


def test_a_word_may_name_one_step_of_a_file_only(tmp_path):
    two = GOOD.replace("    actor: unit\n", "    actor: unit\n    words: [ตอบ OIT]\n") + \
        GOOD.split("steps:\n")[1].replace("oit-answer", "oit-again").replace("    actor: unit\n",
                                                                             "    actor: unit\n    words: [ตอบ oit]\n")
    with pytest.raises(CalendarFileError, match="step oit-again: word 'ตอบ oit' already names step oit-answer"):
        read_calendar(write(tmp_path, two))


def test_a_duplicate_id_is_rejected(tmp_path):
    steps = GOOD.split("steps:\n")[1]
    with pytest.raises(CalendarFileError, match="step oit-answer: duplicate id"):
        read_calendar(write(tmp_path, GOOD + steps))


def test_not_yaml_is_rejected(tmp_path):
    with pytest.raises(CalendarFileError, match="not valid YAML"):
        read_calendar(write(tmp_path, "year: [2568\n"))


def test_loading_the_same_file_twice_changes_nothing_and_a_new_version_replaces_it(tmp_path, session, clock):
    path = write(tmp_path, GOOD)
    with session.begin():
        assert store_calendar(session, read_calendar(path), clock.now()) == "added"
    with session.begin():
        assert store_calendar(session, read_calendar(path), clock.now()) == "unchanged"
    path.write_text(GOOD.replace("ตอบ OIT", "ตอบแบบวัด OIT"), encoding="utf-8")
    with session.begin():
        assert store_calendar(session, read_calendar(path), clock.now()) == "replaced"
    assert session.scalars(sa.select(Step.short)).all() == ["ตอบแบบวัด OIT"]
    assert session.scalar(sa.select(sa.func.count()).select_from(Calendar)) == 1
