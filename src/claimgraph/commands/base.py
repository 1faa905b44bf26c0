"""The root `claimgraph` group and what its commands share: errors, coder options, records."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

import click

from claimgraph import __version__
from claimgraph.errors import InputError
from claimgraph.parallel import Factory, WorkerError


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


def records(paths: tuple[str, ...], workers: int, factory: Factory | None = None):
    """Yield records and input errors for PATHs, in input order."""
    from claimgraph.parallel import run_parallel
    from claimgraph.sources import read

    # One worker runs in this process, with the same per-chunk memory bound as the pool.
    return run_parallel(read(paths), workers=workers, factory=factory)


def coder_options(command: Callable) -> Callable:
    """Add --lexicon and --petrarch-verbs, which choose the event coder, to a command."""
    command = click.option(
        "--petrarch-verbs", "petrarch_verbs", multiple=True, metavar="FILE",
        type=click.Path(exists=True, dir_okay=False),
        help="Code events with PETRARCH verb dictionaries (e.g. CAMEO.2.0.txt) instead of "
             "claimgraph's lexicon; repeatable, merged in order.")(command)
    return click.option(
        "--lexicon", "lexicons", multiple=True, metavar="FILE",
        type=click.Path(exists=True, dir_okay=False),
        help="An event lexicon (YAML, as events/data/lexicon.yaml) read over the built-in one; "
             "repeatable.")(command)


def coder_factory(lexicons: tuple[str, ...], petrarch_verbs: tuple[str, ...]) -> Factory | None:
    """Check the coder files once, here, and return the workers' pipeline factory (None: default)."""
    if lexicons and petrarch_verbs:
        raise click.UsageError("use --lexicon or --petrarch-verbs, not both")
    if not lexicons and not petrarch_verbs:
        return None
    from claimgraph.events import lexicon as lexicon_mod
    from claimgraph.events import petrarch_dictionary
    from claimgraph.pipeline import build

    for path in petrarch_verbs:
        try:
            petrarch_dictionary.read(Path(path))
        except InputError as exc:
            fail(f"{path}: {exc.reason}")
    for path in lexicons:
        try:
            lexicon_mod.load([Path(path)])
        except Exception as exc:  # noqa: BLE001 -- any defect of a user's file is one line
            fail(f"{path}: not a usable event lexicon ({type(exc).__name__}: "
                 f"{str(exc).splitlines()[0] if str(exc) else ''})")
    return functools.partial(build, tuple(lexicons), tuple(petrarch_verbs))


def report(error: InputError) -> None:
    """Print an input error as its one line on stderr."""
    click.echo(error.line(), err=True)


def worker_failed(exc: WorkerError) -> None:
    """A worker process died: one line on stderr (its traceback is for `--workers 1` runs)."""
    fail(str(exc).splitlines()[0].rstrip(":") + "; rerun with --workers 1 to see the cause")
