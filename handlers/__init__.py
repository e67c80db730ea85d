"""One module per intent or event kind; `build_registry` gathers what they register."""
from __future__ import annotations

from bot.registry import Registry
from handlers import deadlines, help, register, reports, status, welcome

MODULES = (help, reports, register, status, deadlines, welcome)


def build_registry() -> Registry:
    registry = Registry()
    for module in MODULES:
        registry.collect(module)
    return registry
