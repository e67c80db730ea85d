"""`itabot`, the console command, and `itabot chat`, which talks to the bot with no LINE account."""
from __future__ import annotations

import os
import subprocess
import sys

from bot.cli.chat import chat_command
from tests.provinces import REPO


def test_chat_reads_a_pipe_and_prints_the_replies(app, calendars):
    result = app.test_cli_runner().invoke(chat_command, input="OIT ส่งเมื่อไหร่\nช่วยเหลือ\n")
    assert result.exit_code == 0, result.output
    assert "บอต> 📅 กำหนดการ ITA 2568 · OIT" in result.output
    assert "ผู้ช่วย ITA ทำอะไรได้บ้าง" in result.output


def _itabot(*args: str, env: dict, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from bot.cli import main; main()", *args], input=stdin,
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=120)


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
                            cwd=REPO, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == ("itabot: LINE_CHANNEL_SECRET is not set "
                                     "(Messaging API channel > Basic settings > Channel secret)")
    served = _itabot("serve", "--port", "0", env=env)
    assert served.returncode == 1 and "Traceback" not in served.stderr
    assert "LINE_CHANNEL_SECRET is not set" in served.stderr
