"""Help: every registered command, with a button to try each."""
from __future__ import annotations

from bot import texts
from bot.context import Context, Interpretation
from bot.line.replies import MAX_QUICK_REPLIES, QuickReply, Reply, Text
from bot.registry import command


@command("help", summary=texts.SUMMARY_HELP, example="ช่วยเหลือ")
def help_answer(said: Interpretation, ctx: Context) -> list[Reply]:
    commands = ctx.registry.listed
    lines = [texts.HELP_HEADER, ""]
    lines += [texts.HELP_LINE.format(summary=c.summary, example=c.example) for c in commands]
    lines += ["", texts.HELP_FOOTER]
    # LINE shows 13 buttons at most: the commands open to everyone come first.
    tried = sorted((c for c in commands if c.name != "help"), key=lambda c: c.need.role)
    buttons = tuple(QuickReply(c.example, c.example) for c in tried[:MAX_QUICK_REPLIES])
    return [Text("\n".join(lines), buttons)]
