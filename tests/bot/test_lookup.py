"""Finding many words in a short text by their first letters finds exactly what trying each would."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.lookup import Glossary, Words

LETTERS = st.sampled_from(list("กขคงอบตเทศาลไผ่ป่าซางiteo "))
WORD = st.text(LETTERS, min_size=1, max_size=6)


@given(words=st.lists(WORD, max_size=40), text=st.text(LETTERS, max_size=40))
def test_the_words_found_are_those_in_the_text(words, text):
    assert sorted(Words(words).within(text)) == sorted({w for w in words if w in text})


def test_one_letter_words_and_repeats():
    words = Words(["ก", "กี่", "กี่", "ชุด"])
    assert sorted(words.within("ได้กี่ชุด")) == ["ก", "กี่", "ชุด"]
    assert list(words) == ["ก", "กี่", "กี่", "ชุด"] and len(words) == 4 and "ชุด" in words


def test_a_glossary_is_a_mapping_that_finds_its_words():
    steps = Glossary({"ลงทะเบียน": "register", "ประกาศผล": "results"})
    assert steps["ประกาศผล"] == "results" and len(steps) == 2
    assert steps.words.within("ประกาศผลวันไหน") == ["ประกาศผล"]
