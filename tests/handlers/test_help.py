"""Help lists what the bot can do, and never forgets a command."""
import pytest

from bot.nlu.reader import read
from bot.permissions import Role


@pytest.mark.parametrize("word", ["ช่วยเหลือ", "เมนู", "help", "HELP", " เมนู "])
def test_help_words_open_the_help(line, word):
    [reply] = line.say(word)
    assert reply["text"].startswith("ผู้ช่วย ITA ทำอะไรได้บ้าง")
    assert 1 <= len(reply["quickReply"]["items"]) <= 13


def test_every_registered_command_appears_in_the_help(app, line):
    [reply] = line.say("ช่วยเหลือ")
    buttons = {i["action"]["text"] for i in reply["quickReply"]["items"]}
    for command in app.extensions["itabot.registry"].listed:
        assert command.summary in reply["text"], command.name
        assert command.example in reply["text"], command.name
        if command.need.role == Role.ANYONE and command.name != "help":
            assert command.example in buttons, command.name  # a button to try it
    assert len(buttons) == 13


def test_every_example_in_the_help_reaches_its_own_command(app, clock):
    registry = app.extensions["itabot.registry"]
    for command in registry.listed:
        [said] = read(command.example, app.extensions["itabot.vocabulary"], today=clock.today())
        assert registry.match(said) is command, command.name
