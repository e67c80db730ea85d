"""Commands, postbacks and event handlers, registered with what they need.

A handler module marks plain functions with `@command(...)`, `@on_postback(...)`,
`@on_content(...)` (a file, an image) or `@on_event(...)`; `Registry.collect(module)` gathers them. Nothing is registered at import time.
A command's name is the intent `bot.nlu` reads messages into (the words are in
data/vocabulary.yaml). A command or postback declares the permission it needs
(`bot.permissions.Need`) and, when it acts on a unit or province the message names, how to find
it (`subject`); by default the subject is the chat's (or the sender's) unit or province.
"""
from __future__ import annotations

from dataclasses import dataclass
from inspect import isfunction
from types import ModuleType
from typing import Callable

from bot.context import Context, Interpretation, Subject
from bot.permissions import ANYONE, Need, Scope

_SPEC = "__itabot_spec__"
# (message or postback data, context) -> the subject, or replies to send instead (e.g. "which unit?")
SubjectFinder = Callable[[object, Context], "Subject | list"]


def _nothing(_said: object, _ctx: Context) -> Subject:
    return Subject()


def _own_unit(_said: object, ctx: Context) -> Subject:
    return Subject(unit=ctx.own_unit)


def _own_province(_said: object, ctx: Context) -> Subject:
    return Subject(province=ctx.own_province)


DEFAULT_SUBJECT: dict[Scope, SubjectFinder] = {Scope.ANYWHERE: _nothing, Scope.UNIT: _own_unit,
                                               Scope.PROVINCE: _own_province}


@dataclass(frozen=True)
class Command:
    name: str  # the intent it handles
    handler: Callable  # (Interpretation, Context) -> replies
    need: Need
    subject: SubjectFinder
    refused: str  # what the person may not do, for a refusal: "รายงานยอดของ {subject}"
    summary: str  # one Thai line for the help text
    example: str  # what to type; the help's quick-reply button sends it
    listed: bool = True  # in the help (small talk is not)
    writes: bool = False  # its answer matters enough to be pushed when the reply token is lost


@dataclass(frozen=True)
class Postback:
    """A button's data, "action:rest"; the handler receives the rest."""

    name: str
    handler: Callable
    need: Need
    subject: SubjectFinder
    refused: str
    writes: bool = False


@dataclass(frozen=True)
class ContentHandler:
    """A message that is not text (a file, an image), by its SDK content class; the handler
    receives the content, and runs only once permissions let it, like a command."""

    content_class: type
    handler: Callable
    need: Need
    subject: SubjectFinder
    refused: str
    writes: bool = False

    @property
    def name(self) -> str:
        return self.content_class.__name__


@dataclass(frozen=True)
class EventHandler:
    event_class: type
    handler: Callable


def command(name: str, *, summary: str = "", example: str = "", need: Need = ANYONE,
            subject: SubjectFinder | None = None, refused: str = "", listed: bool = True,
            writes: bool = False) -> Callable:
    """Handle the intent `name`."""
    def mark(func: Callable) -> Callable:
        setattr(func, _SPEC, Command(name, func, need, subject or DEFAULT_SUBJECT[need.scope], refused, summary,
                                     example, listed, writes))
        return func
    return mark


def on_postback(action: str, *, need: Need = ANYONE, subject: SubjectFinder | None = None,
                refused: str = "", writes: bool = False) -> Callable:
    """Handle a postback button whose data starts with `action:`."""
    def mark(func: Callable) -> Callable:
        setattr(func, _SPEC, Postback(action, func, need, subject or DEFAULT_SUBJECT[need.scope], refused, writes))
        return func
    return mark


def on_content(content_class: type, *, need: Need = ANYONE, subject: SubjectFinder | None = None,
               refused: str = "", writes: bool = False) -> Callable:
    """Handle a message whose content is of `content_class`, e.g. `FileMessageContent`."""
    def mark(func: Callable) -> Callable:
        setattr(func, _SPEC, ContentHandler(content_class, func, need, subject or DEFAULT_SUBJECT[need.scope],
                                            refused, writes))
        return func
    return mark


def on_event(event_class: type) -> Callable:
    """Handle a non-message event by its SDK class, e.g. `FollowEvent` or `JoinEvent`."""
    def mark(func: Callable) -> Callable:
        setattr(func, _SPEC, EventHandler(event_class, func))
        return func
    return mark


class Registry:
    def __init__(self) -> None:
        self.by_intent: dict[str, Command] = {}
        self.events: dict[type, Callable] = {}
        self.postbacks: dict[str, Postback] = {}
        self.contents: dict[type, ContentHandler] = {}

    @property
    def commands(self) -> list[Command]:
        """In the order modules were collected: the order help lists them."""
        return list(self.by_intent.values())

    @property
    def listed(self) -> list[Command]:
        return [c for c in self.by_intent.values() if c.listed]

    def collect(self, module: ModuleType) -> None:
        for value in vars(module).values():
            spec = getattr(value, _SPEC, None) if isfunction(value) else None
            if isinstance(spec, Command):
                if spec.name in self.by_intent:
                    raise ValueError(f"command {spec.name!r} registered twice")
                self.by_intent[spec.name] = spec
            elif isinstance(spec, EventHandler):
                self.events[spec.event_class] = spec.handler
            elif isinstance(spec, Postback):
                self.postbacks[spec.name] = spec
            elif isinstance(spec, ContentHandler):
                self.contents[spec.content_class] = spec

    def match(self, said: Interpretation) -> Command | None:
        """The command for what a message says; None when it says nothing the bot does."""
        return self.by_intent.get(said.intent)

    def postback(self, action: str) -> Postback | None:
        return self.postbacks.get(action)
