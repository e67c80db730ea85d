"""Replies always respect LINE's limits, whatever a handler returns."""
from bot.line.gateway import to_sdk_messages
from bot.line.replies import MAX_TEXT_UTF16, QuickReply, Text, fit, utf16_len


def test_long_texts_are_split_within_5000_utf16_units():
    emoji_line = "😀" * 1000 + "\n"  # each emoji is two UTF-16 units
    messages = fit([Text(emoji_line * 7)])
    assert all(utf16_len(m.text) <= MAX_TEXT_UTF16 for m in messages)
    assert "".join(m.text for m in messages).count("😀") == 7000


def test_at_most_five_messages_and_thirteen_quick_replies_on_the_last():
    buttons = tuple(QuickReply(f"ปุ่ม {i}", str(i)) for i in range(20))
    messages = fit([Text(str(i), buttons) for i in range(9)])
    assert len(messages) == 5
    assert len(messages[-1].quick_replies) == 13
    assert all(not m.quick_replies for m in messages[:-1])
    assert "8" in messages[-1].text  # folded in, not dropped


def test_sdk_messages_are_valid():
    [message] = to_sdk_messages([Text("ก" * 10, (QuickReply("ยาวมาก" * 10, "x"),))])
    assert len(message.quick_reply.items[0].action.label) <= 20
