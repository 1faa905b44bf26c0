"""The `claimgraph` command: a thin click layer over the library."""

from __future__ import annotations

import sys

import click

from claimgraph import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimgraph")
def main() -> None:
    """Turn news into sourced records of who did what to whom, when and where, and who says so."""


@main.group("eval")
def eval_group() -> None:
    """Measure claimgraph on public gold data."""


@main.group("dict")
def dict_group() -> None:
    """Manage actor dictionaries."""


def fail(message: str) -> None:
    """Print a one-line error and exit with status 1."""
    click.echo(f"claimgraph: {message}", err=True)
    sys.exit(1)


# Command registrations: each package's commands module attaches itself to the groups above.
# (imports at the bottom because those modules import `main`, `eval_group` and `dict_group`.)
