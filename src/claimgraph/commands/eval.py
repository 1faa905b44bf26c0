"""Click commands: `claimgraph eval plover-gsr` and `dict import-petrarch-verbs`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from claimgraph.commands.base import dict_group, eval_group, fail
from claimgraph.errors import InputError


@eval_group.command("plover-gsr")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def plover_gsr(file: Path, as_json: bool) -> None:
    """Score event types and actor/recipient codes on PLOVER gold records (JSON list)."""
    from claimgraph import nlp
    from claimgraph.actors import ActorResolver
    from claimgraph.eval import plover
    from claimgraph.events import EventCoder

    try:
        records = plover.read_gold(file)
    except InputError as exc:
        fail(f"{exc.path}: {exc.reason}")
    report = plover.evaluate(records, nlp.load(), ActorResolver.default(), EventCoder.default())
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.to_text())


@dict_group.command("import-petrarch-verbs")
@click.argument("src", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
def import_petrarch_verbs(src: Path, out: Path) -> None:
    """Convert a PETRARCH verb dictionary into a claimgraph event lexicon file (YAML)."""
    from claimgraph.events import lexicon, petrarch_verbs

    try:
        data, skipped = petrarch_verbs.convert(src, lexicon.default())
    except InputError as exc:
        fail(f"{exc.path}: {exc.reason}")
    petrarch_verbs.write(data, out)
    click.echo(f"{len(data['verbs'])} verbs and {len(data['phrases'])} verb-object phrases "
               f"written to {out}; {skipped} patterns or codes without a PLOVER equivalent skipped")
