"""Click commands for PETRARCH verb dictionaries: `eval petrarch`, `dict check-petrarch-verbs`.

`eval petrarch` is registered here (replacing the earlier definition in `eval/commands.py`) so
that the validation run uses the PETRARCH pattern coder on the folder's verb dictionary.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from claimgraph.commands.base import dict_group, eval_group, fail
from claimgraph.errors import InputError


@click.command("petrarch")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dict", "dict_dir", required=True,
              type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Folder with the dictionaries the records file names (PETR.Validate.*).")
@click.option("--builtin-verbs", is_flag=True,
              help="Code with claimgraph's own event coder instead of the verb dictionary.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def eval_petrarch(file: Path, dict_dir: Path, builtin_verbs: bool, as_json: bool) -> None:
    """Agreement with PETRARCH's validation records on 2-digit roots and source/target codes."""
    from claimgraph.eval import petrarch as pet

    try:
        report = pet.run(file, dict_dir, builtin_verbs=builtin_verbs)
    except InputError as exc:
        fail(f"{exc.path}: {exc.reason}")
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.to_text())


eval_group.add_command(eval_petrarch, "petrarch")


@dict_group.command("check-petrarch-verbs")
@click.argument("src", type=click.Path(dir_okay=False, exists=True, path_type=Path))
def check_petrarch_verbs(src: Path) -> None:
    """Read a PETRARCH verb dictionary and report what the pattern coder will use of it."""
    from claimgraph.events import petrarch_dictionary

    try:
        d = petrarch_dictionary.read(src)
    except InputError as exc:
        fail(f"{exc.path}: {exc.reason}")
    click.echo(f"{len(d.blocks)} verb blocks, {len(d.forms)} verb forms, {d.pattern_count} "
               f"patterns, {len(d.synsets)} synsets; {len(d.skipped)} lines not used:")
    for line in d.skipped:
        click.echo(f"  {line}")
