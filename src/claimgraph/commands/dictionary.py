"""`claimgraph dict ...` commands for actor dictionaries."""

from __future__ import annotations

from pathlib import Path

import click

from claimgraph.actors import petrarch
from claimgraph.actors.dictionary import user_dir
from claimgraph.commands.base import dict_group, fail
from claimgraph.errors import InputError


@dict_group.command("import-petrarch")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Where to write the converted dictionary (default: the user dictionary "
                   "directory, where the default resolver picks it up).")
def import_petrarch(files: tuple[Path, ...], output: Path | None) -> None:
    """Convert PETRARCH/Phoenix .actors.txt and .agents.txt files into a claimgraph dictionary."""
    try:
        d = petrarch.convert(files)
    except InputError as exc:
        fail(f"{exc.path}: {exc.reason}")
        return
    if output is None:
        stem = files[0].name.removesuffix(".txt") if len(files) == 1 else "petrarch"
        output = user_dir() / f"{stem}.tsv"
    try:
        d.write(output)
    except OSError as exc:
        fail(f"{output}: {exc.strerror or exc}")
        return
    roles = sum(len(e.roles) for e in d.entries)
    click.echo(f"wrote {len(d.entries)} entries ({roles} roles) to {output}")
