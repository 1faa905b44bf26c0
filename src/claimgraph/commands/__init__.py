"""The `claimgraph` command line: a thin click layer over the library.

Library packages never import this package. Each module here attaches its commands to the groups
in `base`; other distributions add commands through the `claimgraph.commands` entry point group,
whose entries are callables that receive the root group.
"""

from __future__ import annotations

from importlib.metadata import entry_points

import click

from claimgraph.commands import (  # noqa: F401 -- imported to register their commands
    analysis, dictionary, documents, eval, eval_claims, eval_corpus, petrarch, store, web)
from claimgraph.commands.base import main

__all__ = ["main", "load_plugins"]


def load_plugins(group: click.Group) -> list[str]:
    """Let each installed `claimgraph.commands` entry point add its commands; return their names."""
    names = []
    for entry in entry_points(group="claimgraph.commands"):
        entry.load()(group)
        names.append(entry.name)
    return names


load_plugins(main)
