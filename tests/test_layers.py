"""The package's layering: library packages never import the command line."""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest

import claimgraph
from claimgraph import commands

ROOT = Path(claimgraph.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


LIBRARY = sorted(p for p in ROOT.rglob("*.py")
                 if "commands" not in p.relative_to(ROOT).parts and p.name != "__main__.py")


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: str(p.relative_to(ROOT)))
def test_library_modules_do_not_import_the_command_line(path: Path) -> None:
    bad = {name for name in _imports(path)
           if name == "click" or name.startswith("claimgraph.commands") or name == "claimgraph.cli"}
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_the_layer_check_sees_a_command_module() -> None:
    assert "click" in _imports(ROOT / "commands" / "store.py")


def test_plugins_add_commands_through_the_entry_point_group(monkeypatch) -> None:
    group = click.Group("root")

    class Entry:
        name = "hello"

        def load(self):
            def register(root: click.Group) -> None:
                root.add_command(click.Command("hello", callback=lambda: None))
            return register

    monkeypatch.setattr(commands, "entry_points",
                        lambda group: [Entry()] if group == "claimgraph.commands" else [])
    assert commands.load_plugins(group) == ["hello"]
    assert "hello" in group.commands
