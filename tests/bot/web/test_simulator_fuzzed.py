"""Whatever a browser posts to the simulator, it answers 200, 303 or 400 with a reason, never 500,
and a refused request sends nothing to LINE."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.ita.demo_province import PEOPLE, PLACES

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
people = st.sampled_from([p.user_id for p in PEOPLE]) | st.text(max_size=40)
chats = st.sampled_from([p.key for p in PLACES]) | st.text(max_size=20)
words = st.sampled_from(["IIT 45", "สรุป", "OIT ส่งเมื่อไหร่", "ตั้งโควตา IIT อบต.บ้านไผ่ 60", ""]) | st.text(max_size=300)


@FUZZ
@given(person=people, chat=chats, text=words, data=st.text(max_size=320), label=st.text(max_size=50))
def test_any_form_posted_is_answered_without_an_error(demo, person, chat, text, data, label):
    client = demo.app.test_client()
    before = len(demo.fake.calls)
    answer = client.post("/simulator/send", data={"person": person, "chat": chat, "text": text, "data": data,
                                                   "label": label})
    assert answer.status_code in (303, 400)
    if answer.status_code == 400:
        assert "ส่งไม่ได้" in answer.get_data(as_text=True) and len(demo.fake.calls) == before


@FUZZ
@given(person=people, chat=chats)
def test_any_page_asked_for_is_shown_or_refused(demo, person, chat):
    client = demo.app.test_client()
    for path in ("/simulator", "/simulator/log"):
        answer = client.get(path, query_string={"person": person, "chat": chat})
        assert answer.status_code in (200, 400)
