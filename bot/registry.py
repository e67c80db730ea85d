"""Commands and event handlers, registered with their triggers and the role they need.

A handler module marks plain functions with `@command(...)` or `@on_event(...)`;
`Registry.collect(module)` gathers them. Nothing is registered at import time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType
from typing import Callable

from bot.permissions import Role
from bot.thai import compact

_SPEC = "__itabot_spec__"


@dataclass(frozen=True)
class Command:
    name: str
    handler: Callable
    triggers: tuple[str, ...]  # compact (normalised, no spaces) phrases
    role: Role
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
class EventHandler:
    event_type: str
    handler: Callable


@dataclass(frozen=True)
class PostbackHandler:
    action: str
    handler: Callable


def on_postback(action: str) -> Callable:
    """Handle a postback button whose data starts with `action:`."""
    def mark(func: Callable) -> Callable:
        setattr(func, _SPEC, PostbackHandler(action, func))
        return func
    return mark


def command(name: str, *, summary: str, example: str, triggers: tuple[str, ...] = (),
            pattern: str | None = None, role: Role = Role.ANYONE, priority: int = 50,
            exact: bool = False) -> Callable:
    def mark(func: Callable) -> Callable:
        setattr(func, _SPEC, Command(name, func, tuple(compact(t) for t in triggers), role, summary, example,
                                     priority, exact, re.compile(pattern) if pattern else None))
        return func
    return mark


def on_event(event_type: str) -> Callable:
    """Handle a non-message event, e.g. "follow" or "join"."""
    def mark(func: Callable) -> Callable:
        setattr(func, _SPEC, EventHandler(event_type, func))
        return func
    return mark


class Registry:
    def __init__(self) -> None:
        self.commands: list[Command] = []  # by priority: the order they are matched in
        self.listed: list[Command] = []  # in the order modules were collected: the order help lists them
        self.events: dict[str, EventHandler] = {}
        self.postbacks: dict[str, Callable] = {}

    def collect(self, module: ModuleType) -> None:
        for value in vars(module).values():
            spec = getattr(value, _SPEC, None)
            if isinstance(spec, Command):
                if any(c.name == spec.name for c in self.commands):
                    raise ValueError(f"command {spec.name!r} registered twice")
                self.commands.append(spec)
                self.listed.append(spec)
            elif isinstance(spec, EventHandler):
                self.events[spec.event_type] = spec
            elif isinstance(spec, PostbackHandler):
                self.postbacks[spec.action] = spec.handler
        self.commands.sort(key=lambda c: c.priority)  # stable: equal priorities keep module order

    def match(self, message) -> Command | None:
        """The first command, by priority, that this `bot.context.Message` calls for."""
        return next((c for c in self.commands if c.matches(message)), None)

    def postback(self, action: str) -> Callable | None:
        return self.postbacks.get(action)
