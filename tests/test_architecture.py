"""The house rules of docs/architecture.md, checked on the source: which package may import
which, no import loop, and no import hidden inside a function."""
from __future__ import annotations

import ast

import pytest

from tests.provinces import REPO

PACKAGES = ("bot", "handlers", "models", "schedules")
GROUND = "bot (ground floor)"
# What each part may import of the project (besides itself), as docs/architecture.md says.
MAY_IMPORT = {
    "models": set(),
    GROUND: {"models"},
    "bot.line": {GROUND, "models"},
    "bot.ita": {GROUND, "models"},
    "bot.nlu": {GROUND, "models"},
    "schedules": {GROUND, "bot.line", "bot.ita", "models"},
    "handlers": {GROUND, "bot.line", "bot.ita", "schedules", "models"},
    "bot.web": {GROUND, "bot.line", "bot.ita", "bot.nlu", "schedules", "models"},
    "bot.app": {GROUND, "bot.line", "bot.ita", "bot.nlu", "bot.web", "schedules", "handlers", "models"},
    "bot.cli": {GROUND, "bot.line", "bot.ita", "bot.web", "bot.app", "models"},
    "wsgi": {"bot.app"},
}


def modules() -> dict[str, ast.Module]:
    found = {"wsgi": ast.parse((REPO / "wsgi.py").read_text(encoding="utf-8"))}
    for package in PACKAGES:
        for path in (REPO / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
            found[name] = ast.parse(path.read_text(encoding="utf-8"))
    return found


MODULES = modules()


def part_of(module: str) -> str:
    if module.startswith(("bot.line", "bot.ita", "bot.nlu", "bot.web", "bot.cli", "bot.app")):
        return ".".join(module.split(".")[:2])
    if module.startswith("bot"):
        return GROUND
    return module.split(".")[0]


def project_imports(tree: ast.AST) -> set[str]:
    """The project's modules a tree imports (`from a import b` is a.b when that is a module)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.update(f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES else node.module
                         for a in node.names)
    return {name for name in names if name in MODULES}


def test_each_part_imports_only_what_the_map_allows():
    wrong = [f"{module} imports {imported}" for module, tree in MODULES.items() for imported in project_imports(tree)
             if part_of(imported) != part_of(module) and part_of(imported) not in MAY_IMPORT[part_of(module)]]
    assert wrong == []


def test_there_is_no_import_loop():
    graph = {module: project_imports(tree) - {module} for module, tree in MODULES.items()}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            pytest.fail("import loop: " + " -> ".join(path[path.index(module):] + [module]))
        if module in done:
            return
        for imported in sorted(graph[module]):
            visit(imported, path + [module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_no_import_is_hidden_in_a_function():
    hidden = [f"{module}: line {node.lineno}" for module, tree in MODULES.items()
              for function in ast.walk(tree) if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
              for node in ast.walk(function) if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert hidden == []


def test_every_package_registers_its_own_commands():
    for package in ("bot.web", "bot.ita", "bot.nlu", "schedules"):
        init = MODULES[package]
        assert any(isinstance(n, ast.FunctionDef) and n.name == "init_app" for n in init.body), package
