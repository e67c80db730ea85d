"""Only one scheduler process holds the lease at a time."""
from datetime import timedelta

from schedules.lease import acquire, holder_of, release, this_process


def test_a_second_scheduler_waits_until_the_lease_expires(session, clock):
    now, ttl = clock.now(), timedelta(minutes=5)
    with session.begin():
        assert acquire(session, "host-a:1", now, ttl)
    with session.begin():
        assert not acquire(session, "host-b:2", now + timedelta(minutes=1), ttl)
        assert acquire(session, "host-a:1", now + timedelta(minutes=2), ttl)  # the holder renews
    with session.begin():
        assert not acquire(session, "host-b:2", now + timedelta(minutes=6), ttl)  # renewed until 7
        assert acquire(session, "host-b:2", now + timedelta(minutes=8), ttl)  # a killed holder's lease lapses
    with session.begin():
        release(session, "host-b:2")
        assert acquire(session, "host-a:1", now + timedelta(minutes=9), ttl)


def test_a_dead_process_on_this_host_loses_its_lease_at_once(session, clock):
    import socket
    import subprocess
    import sys

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = f"{socket.gethostname()}:{gone.stdout.strip()}"
    now, ttl = clock.now(), timedelta(minutes=10)
    with session.begin():
        assert acquire(session, dead, now, ttl)
        assert acquire(session, this_process(), now, ttl)  # its pid no longer exists
        assert holder_of(session) == this_process()
    with session.begin():
        assert not acquire(session, f"another-host:{gone.stdout.strip()}", now, ttl)  # alive: this test's own
