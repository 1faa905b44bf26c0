"""The `claimgraph` command: a thin click layer over the library."""

from __future__ import annotations

import functools
import json
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


def _records(paths: tuple[str, ...], workers: int, factory: Factory | None = None):
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


def _report(error: InputError) -> None:
    click.echo(error.line(), err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              help="Write here instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl",
              show_default=True, help="jsonl: one object per document per line; json: indented.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes for parsing and coding.")
@coder_options
def extract(paths: tuple[str, ...], output: str, fmt: str, workers: int,
            lexicons: tuple[str, ...], petrarch_verbs: tuple[str, ...]) -> None:
    """Extract sourced statements from PATHS (files, directories or - for stdin) as JSON."""
    factory = coder_factory(lexicons, petrarch_verbs)
    failed = False
    with click.open_file(output, "w", encoding="utf-8") as out:
        try:
            for result in _records(paths, workers, factory):
                if isinstance(result, InputError):
                    _report(result)
                    failed = True
                    continue
                indent = 2 if fmt == "json" else None
                out.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=indent) + "\n")
                out.flush()
        except WorkerError as exc:
            _worker_failed(exc)
    sys.exit(1 if failed else 0)


def _worker_failed(exc: WorkerError) -> None:
    """A worker process died: one line on stderr (its traceback is for `--workers 1` runs)."""
    fail(str(exc).splitlines()[0].rstrip(":") + "; rerun with --workers 1 to see the cause")


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--db", default=None, help="DuckDB file or postgresql:// URL [./claimgraph.duckdb].")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes for parsing and coding (one writer to the store).")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
              help="Run on a dask.distributed scheduler over shards instead.")
@click.option("--partitions", type=click.Path(file_okay=False), default=None,
              help="Where --dask writes Parquet partitions [./claimgraph-partitions].")
@click.option("--from-partitions", "load_dir", type=click.Path(file_okay=False, exists=True),
              default=None, help="Load partitions a --dask run wrote, without recomputing.")
@coder_options
def ingest(paths: tuple[str, ...], db: str | None, workers: int, dask_address: str | None,
           partitions: str | None, load_dir: str | None, lexicons: tuple[str, ...],
           petrarch_verbs: tuple[str, ...]) -> None:
    """Extract statements from PATHS and store them (re-ingesting a document replaces it)."""
    if not paths and not load_dir:
        raise click.UsageError("give PATHS to ingest, or --from-partitions DIR")
    factory = coder_factory(lexicons, petrarch_verbs)
    from claimgraph.store import ingest as store_ingest
    from claimgraph.store import open_store

    try:
        with open_store(db) as store:
            if load_dir:
                from claimgraph.scale.partitions import load_partitions

                result = load_partitions(store, [load_dir], on_error=_report)
            elif dask_address:
                from claimgraph.scale.dask import ingest_dask

                result = ingest_dask(paths, dask_address, store, partitions, on_error=_report,
                                     factory=factory)
            else:
                result = store_ingest(_records(paths, workers, factory), store, on_error=_report)
    except WorkerError as exc:
        _worker_failed(exc)
    except InputError as exc:
        _report(exc)
        sys.exit(1)
    click.echo(f"claimgraph: {result}", err=True)
    sys.exit(1 if result.rejected else 0)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
def demo(fmt: str) -> None:
    """Run the main job on the bundled example article and print its statements."""
    from importlib import resources

    from claimgraph.pipeline import Pipeline
    from claimgraph.render import statement_row, table
    from claimgraph.sources import RawItem

    text = resources.files("claimgraph").joinpath("data/example.txt").read_text("utf-8")
    item = RawItem(origin="example.txt", text=text)
    (record,) = list(Pipeline().run([item]))
    if isinstance(record, InputError):
        fail(record.line())
    data = record.to_dict()
    if fmt == "jsonl":
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    doc = data["document"]
    click.echo(f"{doc['title']}")
    click.echo(f"published {doc['published'] or '-'} | credited source {doc['credited_source'] or '-'}"
               f" | {len(doc['removed'])} boilerplate blocks removed")
    click.echo()
    click.echo(table([statement_row(s) for s in data["statements"]]))


# Command registrations: each package's commands module attaches itself to the groups above.
# (imports at the bottom because those modules import `main`, `eval_group` and `dict_group`.)
from claimgraph.store import commands as _store_commands  # noqa: F401,E402
from claimgraph.analysis import commands as _analysis_commands  # noqa: F401,E402
from claimgraph.web import commands as _web_commands  # noqa: F401,E402
from claimgraph.eval import commands as _eval_commands  # noqa: F401,E402
from claimgraph.actors import commands as _actors_commands  # noqa: F401,E402
from claimgraph.eval import claims_commands as _claims_commands  # noqa: F401,E402
from claimgraph.events import petrarch_commands as _petrarch_commands  # noqa: F401,E402
from claimgraph.eval import corpus_commands as _corpus_commands  # noqa: F401,E402
