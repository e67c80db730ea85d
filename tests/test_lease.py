"""Only one scheduler process holds the lease at a time."""
from datetime import timedelta

from schedules.lease import acquire, release


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
