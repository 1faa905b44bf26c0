"""Click command: `claimgraph eval corpus SPLIT` scores the pipeline on the project's annotated corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from claimgraph.commands.base import eval_group, fail
from claimgraph.errors import InputError
from claimgraph.events.combine import STEPS

DEFAULT_CORPUS = Path(__file__).resolve().parents[3] / "corpus"
DEFAULT_DATA = Path(__file__).resolve().parents[4] / "shared" / "data"


@eval_group.command("corpus")
@click.argument("split", type=click.Choice(["train", "dev", "test"]))
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_CORPUS,
              show_default=True, help="The annotated corpus folder.")
@click.option("--data", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_DATA,
              show_default=True, help="The shared data folder the corpus documents are read from.")
@click.option("--petrarch-verbs", type=click.Path(dir_okay=False, exists=True), default=None,
              help="Score the PETRARCH pattern coder with this verb dictionary instead (a baseline).")
@click.option("--rules-only", is_flag=True, help="Score the rule coder without the learned steps.")
@click.option("--without", "without", multiple=True, type=click.Choice((*STEPS, "fill")),
              help="Switch off one learned step: gate, keep, add (the combination) or fill (the ranker).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--quiet", is_flag=True, help="No progress display.")
def corpus_command(split: str, corpus_dir: Path, data: Path, petrarch_verbs: str | None, rules_only: bool,
                   without: tuple[str, ...], as_json: bool, quiet: bool) -> None:
    """Score event types, no-event precision, participants, status, claimant and key statements."""
    from claimgraph.eval import corpus
    from claimgraph.pipeline import build

    try:
        gold = corpus.load(corpus_dir)
    except InputError as exc:
        fail(f"{exc.path}: {exc.reason}")
    refs = gold.refs(split)
    if not refs:
        fail(f"{corpus_dir}: no annotated documents in the {split} split")
    if not data.is_dir():
        fail(f"{data}: no such data folder (use --data)")
    pipeline = build(petrarch_verbs=[petrarch_verbs] if petrarch_verbs else [], learned=not rules_only,
                     without=without)
    with _progress(len(refs), quiet or as_json) as tick:
        try:
            predicted = corpus.predictions(gold, refs, data, pipeline.run_documents, tick)
        except InputError as exc:
            fail(f"{exc.path}: {exc.reason}")
    report = corpus.score(gold, predicted, refs)
    report["split"] = split
    if petrarch_verbs:
        report["coder"] = "petrarch:" + Path(petrarch_verbs).name
    elif rules_only or (pipeline.learned is None and pipeline.ranker is None):
        report["coder"] = "rules"
    else:
        report["coder"] = "rules+learned" + "".join(f" -{w}" for w in without)
    if as_json:
        click.echo(json.dumps(report, indent=2))
    else:
        click.echo(corpus.to_text(report, f"corpus {split} ({len(refs)} documents, coder {report['coder']})"))


class _progress:
    """Documents done/total with rate and ETA on a terminal; silent otherwise."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.total, self.quiet = total, quiet or not sys.stderr.isatty()
        self.bar = None

    def __enter__(self):
        if not self.quiet:
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, unit="doc", file=sys.stderr, leave=False)
        return self.tick

    def tick(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()
