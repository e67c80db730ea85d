"""`itabot demo` as a newcomer runs it: it prints where to go, serves the simulator, stops on
Ctrl-C, and a second run reuses the demo database unless told `--reset`."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

ITABOT = Path(sys.executable).with_name("itabot")


def run_demo(database: Path, *options: str) -> tuple[str, int]:
    """Start the demo, open its simulator once, press Ctrl-C; what it printed, and the page's status."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("ITABOT_NOW", None)
    process = subprocess.Popen([str(ITABOT), "demo", "--port", "0", "--database", str(database), *options],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    printed = []
    try:
        for line in process.stdout:
            printed.append(line)
            if found := re.search(r"open (http://127\.0\.0\.1:\d+/simulator)", line):
                with urllib.request.urlopen(found[1], timeout=10) as page:
                    status = page.status
                    assert "วันพุธที่ 23 เมษายน 2568" in page.read().decode()
                break
        else:
            raise AssertionError("".join(printed))
        process.send_signal(signal.SIGINT)
        rest, _ = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, "".join(printed) + rest
    return "".join(printed) + rest, status


def test_the_demo_serves_the_simulator_and_stops_on_ctrl_c(tmp_path):
    database = tmp_path / "demo.sqlite3"
    printed, status = run_demo(database)
    assert status == 200
    assert "a new demo database" in printed and "2025-04-23T09:30:00+07:00" in printed and "stopped" in printed
    assert "the existing demo database" in run_demo(database)[0]
    assert "a new demo database" in run_demo(database, "--reset")[0]


def test_a_bad_date_is_refused_before_anything_starts(tmp_path):
    done = subprocess.run([str(ITABOT), "demo", "--now", "พรุ่งนี้", "--database", str(tmp_path / "d.sqlite3")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "--now" in done.stderr
    assert not (tmp_path / "d.sqlite3").exists()
