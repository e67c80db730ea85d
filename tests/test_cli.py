"""The `itabot` console command."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from bot.cli.chat import chat_command
from models import Calendar

ROOT = Path(__file__).resolve().parent.parent


def test_init_loads_every_shipped_calendar_and_running_it_twice_changes_nothing(app, session):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["init"])
    assert first.exit_code == 0, first.output
    assert "added: 2568/nacc (14 steps)" in first.output
    count = session.scalar(sa.select(sa.func.count()).select_from(Calendar))
    assert count == len(list((ROOT / "data" / "calendars").glob("*.yaml")))
    second = runner.invoke(args=["init"])
    assert second.exit_code == 0 and "added" not in second.output and "replaced" not in second.output
    assert session.scalar(sa.select(sa.func.count()).select_from(Calendar)) == count


def test_calendar_load_rejects_a_bad_file_and_loads_nothing(app, session, tmp_path):
    bad = tmp_path / "2599-bad.yaml"
    bad.write_text("year: 2599\nscope: nacc\ntitle: t\nsource: s\nsteps:\n"
                   "  - {id: a, title: A, short: A, start: 2056-01-01, end: 2056-01-31, actor: unit}\n"
                   "  - {id: b, title: B, short: B, start: 2056-03-01, end: 2056-02-01, actor: unit}\n",
                   encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["calendar", "load", str(bad)])
    assert result.exit_code == 1
    assert "rejected 2599-bad.yaml" in result.output and "step b: end 2056-02-01 is before start" in result.output
    assert session.scalar(sa.select(sa.func.count()).select_from(Calendar)) == 0


def test_calendar_show_prints_thai_dates_and_the_province_overlay(app, calendars):
    result = app.test_cli_runner().invoke(args=["calendar", "show", "--year", "2568", "--province", "เชียงใหม่"])
    assert result.exit_code == 0, result.output
    assert "1 ม.ค. – 30 เม.ย. 2568" in result.output and "2568/province/เชียงใหม่" in result.output
    assert "ลำพูน" not in result.output


def test_chat_reads_a_pipe_and_prints_the_replies(app, calendars):
    result = app.test_cli_runner().invoke(chat_command, input="OIT ส่งเมื่อไหร่\nช่วยเหลือ\n")
    assert result.exit_code == 0, result.output
    assert "บอต> 📅 กำหนดการ ITA 2568 · OIT" in result.output
    assert "ผู้ช่วย ITA ทำอะไรได้บ้าง" in result.output


def _itabot(*args: str, env: dict, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from bot.cli import main; main()", *args], input=stdin,
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_the_console_command_end_to_end_with_a_frozen_clock(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LINE_", "ITABOT_", "DATABASE_URL"))}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'e2e.sqlite3'}", ITABOT_NOW="2025-04-28T09:00:00+07:00")
    assert _itabot("init", env=env).returncode == 0
    chat = _itabot("chat", "--group", "Ce2e", env=env, stdin="เหลือกี่วันส่ง OIT\n")
    assert chat.returncode == 0, chat.stderr
    assert "เหลือ 2 วัน" in chat.stdout


def test_a_missing_secret_is_one_clear_line_not_a_traceback(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LINE_", "ITABOT_", "DATABASE_URL"))}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    result = subprocess.run([sys.executable, "-c", "import wsgi"], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == ("itabot: LINE_CHANNEL_SECRET is not set "
                                     "(Messaging API channel > Basic settings > Channel secret)")
    served = _itabot("serve", "--port", "0", env=env)
    assert served.returncode == 1 and "Traceback" not in served.stderr
    assert "LINE_CHANNEL_SECRET is not set" in served.stderr
