"""Normalising what people type, and Buddhist-era dates."""
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bot import thai


def test_thai_digits_zero_width_spaces_and_latin_case_are_normalised():
    assert thai.normalize("  รายงาน\u200b IIT  ๔๕\tชุด ") == "รายงาน iit 45 ชุด"
    assert thai.normalize("Deadline\u00a0EIT") == "deadline eit"
    assert thai.normalize("ＯＩＴ") == "oit"
    assert thai.normalize("ทำ") == "ทำ"  # sara am survives (NFKC would split it)


def test_forms_are_found_in_any_case_but_not_inside_words():
    assert thai.forms_in(thai.normalize("oit กับ IIT")) == ("IIT", "OIT")
    assert thai.forms_in("exploit") == ()


def test_buddhist_era_dates_are_written_the_thai_way():
    assert thai.thai_date(date(2025, 4, 30)) == "30 เม.ย. 2568"
    assert thai.thai_date_range(date(2025, 4, 1), date(2025, 4, 18)) == "1–18 เม.ย. 2568"
    assert thai.thai_date_range(date(2025, 1, 1), date(2025, 6, 30)) == "1 ม.ค. – 30 มิ.ย. 2568"
    assert thai.thai_date_range(date(2024, 12, 15), date(2025, 1, 15)) == "15 ธ.ค. 2567 – 15 ม.ค. 2568"


def test_thai_dates_are_read_with_month_names_abbreviations_and_era():
    for text in ("๓๐ เมษายน ๒๕๖๘", "30 เม.ย. 2568", "30 เมย 68", "30/4/2568", "2025-04-30", "30 เม.ย. พ.ศ. 2568"):
        assert thai.parse_thai_date(text) == date(2025, 4, 30), text
    assert thai.parse_thai_date("31 ก.พ. 2568") is None
    assert thai.parse_thai_date("ไม่มีวันที่") is None


def test_pythainlp_tokens():
    assert thai.tokens(thai.normalize("เหลือกี่วันส่ง OIT")) == ["เหลือ", "กี่", "วัน", "ส่ง", "oit"]


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_parsing_never_raises_on_any_string(text):
    normal = thai.normalize(text)
    assert thai.normalize(normal) == normal  # normalising twice changes nothing
    thai.forms_in(normal), thai.tokens(normal)
    thai.parse_thai_date(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("๐๑๒๓๔๕๖๗๘๙0123456789/-. มกราคมเม.ย.พ.ศ\u200b"), max_size=30))
def test_date_parsing_never_raises_on_date_like_strings(text):
    thai.parse_thai_date(text)


def test_an_emojis_skin_tone_and_presentation_selector_are_dropped():
    assert thai.normalize("👍🏻") == thai.normalize("👍️") == "👍"
