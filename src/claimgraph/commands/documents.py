"""Commands over documents: extract, ingest, and the demo on the bundled example."""

from __future__ import annotations

import json
import sys

import click

from claimgraph.commands.base import (
    coder_factory, coder_options, fail, main, records, report, worker_failed)
from claimgraph.errors import InputError
from claimgraph.parallel import WorkerError


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
            for result in records(paths, workers, factory):
                if isinstance(result, InputError):
                    report(result)
                    failed = True
                    continue
                indent = 2 if fmt == "json" else None
                out.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=indent) + "\n")
                out.flush()
        except WorkerError as exc:
            worker_failed(exc)
    sys.exit(1 if failed else 0)


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

                result = load_partitions(store, [load_dir], on_error=report)
            elif dask_address:
                from claimgraph.scale.dask import ingest_dask

                result = ingest_dask(paths, dask_address, store, partitions, on_error=report,
                                     factory=factory)
            else:
                result = store_ingest(records(paths, workers, factory), store, on_error=report)
    except WorkerError as exc:
        worker_failed(exc)
    except InputError as exc:
        report(exc)
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
