"""Choosing within the quota is a pure function: deadlines first, soonest first, nudges wait."""
from datetime import date

from schedules.budget import Candidate, choose

SOON, LATER = date(2025, 4, 30), date(2025, 6, 30)


def chat(name, cost, *kinds, soonest=LATER):
    return Candidate(name, cost, frozenset(kinds), soonest)


def test_everything_goes_when_the_quota_covers_it_or_there_is_no_limit():
    candidates = [chat("Ca", 40, "nudge"), chat("Cb", 10, "deadline")]
    for remaining in (50, None):
        choice = choose(candidates, remaining)
        assert [c.chat_id for c in choice.send] == ["Cb", "Ca"] and not choice.short


def test_short_deadlines_first_soonest_first_skipping_what_does_not_fit():
    candidates = [chat("Cnudge", 1, "nudge"), chat("Cbig", 40, "deadline", soonest=SOON),
                  chat("Clater", 5, "deadline"), chat("Csoon", 5, "deadline", "nudge", soonest=SOON)]
    choice = choose(candidates, 12)
    assert [c.chat_id for c in choice.send] == ["Csoon", "Clater"]  # the 40-member group does not fit
    assert [c.chat_id for c in choice.deferred] == ["Cbig", "Cnudge"]  # a nudge waits even if it would fit
    assert (choice.cost, choice.needed) == (10, 51)


def test_the_coordinators_notice_comes_first_and_unpriced_chats_wait():
    choice = choose([chat("Cdeadline", 5, "deadline", soonest=SOON), chat("Ccoords", 5, "notice", "nudge"),
                     chat("Cunknown", None, "deadline")], 5)
    assert [c.chat_id for c in choice.send] == ["Ccoords"]
    assert [c.chat_id for c in choice.unpriced] == ["Cunknown"]
