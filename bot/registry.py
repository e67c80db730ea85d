"""Commands, postbacks and event handlers, registered with their triggers and what they need.

A handler module marks plain functions with `@command(...)`, `@on_postback(...)` or
`@on_event(...)`; `Registry.collect(module)` gathers them. Nothing is registered at import time.
A command or postback declares the permission it needs (`bot.permissions.Need`) and, when it
acts on a unit or province the message names, how to find it (`subject`); by default the
subject is the chat's (or the sender's) unit or province, as the need's scope says.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType
from typing import Callable

from bot.context import Context, Subject
from bot.permissions import ANYONE, Need, Scope
from bot.thai import compact

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
    name: str
    handler: Callable
    triggers: tuple[str, ...]  # compact (normalised, no spaces) phrases
    need: Need
    subject: SubjectFinder
    refused: str  # what the person may not do, for a refusal: "รายงานยอดของ {subject}"
    summary: str  # one Thai line for the help text
    example: str  # what to type; the help's quick-reply button sends it
    priority: int = 50  # lower wins when two commands match
    exact: bool = False  # triggers must be the whole message
    pattern: re.Pattern | None = None  # instead of triggers: a regex on the normalised text

    def matches(self, message) -> bool:
        if self.pattern is not None:
            return self.pattern.search(message.text) is not None
        if self.exact:
            return message.compact in self.triggers
        return any(t in message.compact for t in self.triggers)


@dataclass(frozen=True)
class Postback:
    """A button's data, "action:rest"; the handler receives the rest."""

    name: str
    handler: Callable
    need: Need
    subject: SubjectFinder
    refused: str


@dataclass(frozen=True)
class EventHandler:
    event_class: type
    handler: Callable


def command(name: str, *, summary: str, example: str, triggers: tuple[str, ...] = (), pattern: str | None = None,
            need: Need = ANYONE, subject: SubjectFinder | None = None, refused: str = "", priority: int = 50,
            exact: bool = False) -> Callable:
    def mark(func: Callable) -> Callable:
        setattr(func, _SPEC, Command(name, func, tuple(compact(t) for t in triggers), need,
                                     subject or DEFAULT_SUBJECT[need.scope], refused, summary, example, priority,
                                     exact, re.compile(pattern) if pattern else None))
        return func
    return mark


def on_postback(action: str, *, need: Need = ANYONE, subject: SubjectFinder | None = None,
                refused: str = "") -> Callable:
    """Handle a postback button whose data starts with `action:`."""
    def mark(func: Callable) -> Callable:
        setattr(func, _SPEC, Postback(action, func, need, subject or DEFAULT_SUBJECT[need.scope], refused))
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
        self.commands: list[Command] = []  # by priority: the order they are matched in
        self.listed: list[Command] = []  # in the order modules were collected: the order help lists them
        self.events: dict[type, Callable] = {}
        self.postbacks: dict[str, Postback] = {}

    def collect(self, module: ModuleType) -> None:
        for value in vars(module).values():
            spec = getattr(value, _SPEC, None)
            if isinstance(spec, Command):
                if any(c.name == spec.name for c in self.commands):
                    raise ValueError(f"command {spec.name!r} registered twice")
                self.commands.append(spec)
                self.listed.append(spec)
            elif isinstance(spec, EventHandler):
                self.events[spec.event_class] = spec.handler
            elif isinstance(spec, Postback):
                self.postbacks[spec.name] = spec
        self.commands.sort(key=lambda c: c.priority)  # stable: equal priorities keep module order

    def match(self, message) -> Command | None:
        """The first command, by priority, that this `bot.context.Message` calls for."""
        return next((c for c in self.commands if c.matches(message)), None)

    def postback(self, action: str) -> Postback | None:
        return self.postbacks.get(action)
