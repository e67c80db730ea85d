"""The scheduler as the real processes it runs as: killed with -9 anywhere and restarted, it
still sends each reminder exactly once; a second scheduler stays idle while the first lives."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from models import Chat, Delivery, Unit
from schedules.lease import holder_of
from tests.conftest import SECRET, TOKEN
from tests.provinces import REPO

WEDNESDAY = "2025-04-23T09:00:00+07:00"  # 7 days before the OIT deadline
ITABOT = [sys.executable, "-c", "from bot.cli import main; main()"]


@pytest.fixture
def many_chats(app, lamphun, session, clock):
    """A group for every Lamphun unit, as well as the coordinators' group and a 1:1 chat."""
    bound = set(session.scalars(sa.select(Chat.unit_id).where(Chat.unit_id.is_not(None))))
    for unit in session.scalars(sa.select(Unit).where(Unit.id.not_in(bound))):
        session.add(Chat(id=f"Cunit{unit.id:04d}", kind="group", unit_id=unit.id, first_seen=clock.now()))
    session.commit()
    return session.scalar(sa.select(sa.func.count()).select_from(Chat))


def environment(database_url: str, fake_line, **extra) -> dict:
    return {**os.environ, "DATABASE_URL": database_url, "LINE_API_BASE_URL": fake_line.url,
            "LINE_CHANNEL_ACCESS_TOKEN": TOKEN, "LINE_CHANNEL_SECRET": SECRET, **extra}


def remind_run(database_url, fake_line, kill_at: tuple[str, int] | None = None) -> int:
    """`itabot remind run` in its own process; with kill_at, LINE's fake kills it with SIGKILL
    the moment the nth call under that path has taken effect, before it is answered."""
    process = subprocess.Popen([*ITABOT, "remind", "run", "--at", WEDNESDAY], cwd=REPO,
                               env=environment(database_url, fake_line), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if kill_at:
        fake_line.on_call(kill_at[0], lambda: os.kill(process.pid, signal.SIGKILL), nth=kill_at[1])
    output, _ = process.communicate(timeout=120)
    assert process.returncode in (0, -signal.SIGKILL), output.decode()
    return process.returncode


def test_killed_anywhere_and_restarted_each_reminder_goes_out_exactly_once(database_url, many_chats, fake_line, session):
    kills = [("/v2/bot/message/quota", 1),  # the ledger is written, no push prepared yet
             ("/v2/bot/group/", 5),  # pricing the groups
             ("/v2/bot/message/push", 1),  # LINE accepted the first push; its answer never arrived
             ("/v2/bot/message/push", 8)]  # in the middle of the pushes, some of them 409s by now
    for kill_at in kills:
        assert remind_run(database_url, fake_line, kill_at) == -signal.SIGKILL, kill_at
    assert remind_run(database_url, fake_line) == 0

    accepted = [p["to"] for p in fake_line.pushes()]
    assert len(accepted) == len(set(accepted)) == many_chats  # one push per chat: never twice, none lost
    session.rollback()  # see what the processes committed
    statuses = session.execute(sa.select(Delivery.status, sa.func.count()).group_by(Delivery.status)).all()
    assert dict(statuses) == {"sent": many_chats}
    assert len([c for c in fake_line.calls_to("/v2/bot/message/push") if c.status == 409]) >= 1


def wait_for(condition, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)  # polling another process, not waiting on the clock


def test_the_scheduler_process_sends_once_and_a_second_one_stays_idle(database_url, many_chats, fake_line, session, tmp_path):
    env = environment(database_url, fake_line, ITABOT_NOW=WEDNESDAY)
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    processes = []
    try:
        for log in logs:
            with log.open("wb") as out:  # the child keeps its own copy of the descriptor
                processes.append(subprocess.Popen([*ITABOT, "scheduler", "--every", "1"], cwd=REPO, env=env,
                                                  stdout=out, stderr=subprocess.STDOUT))
            if log is logs[0]:
                wait_for(lambda: len(fake_line.pushes()) == many_chats, "the first scheduler's pass")
        wait_for(lambda: "lease is held by" in logs[1].read_text(), "the second scheduler's idle pass")
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        codes = [process.wait(timeout=60) for process in processes]
    assert codes == [0, 0], [log.read_text()[-2000:] for log in logs]
    assert len(fake_line.pushes()) == many_chats
    session.rollback()
    assert holder_of(session) is None  # released on the way out
    assert "lease released" in logs[0].read_text()
