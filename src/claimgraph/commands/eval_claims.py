"""Click commands: `claimgraph eval polnear DIR` and `claimgraph eval factuality FILE`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from claimgraph.commands.base import eval_group, fail


@eval_group.command("polnear")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--all-annotators", is_flag=True,
              help="Score every annotator's copy of multiply annotated articles (default: the first).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def polnear_command(directory: Path, all_annotators: bool, as_json: bool) -> None:
    """Score source, cue and content spans on a PolNeAR split (with text/ and attributions/)."""
    from claimgraph import nlp
    from claimgraph.eval import polnear

    try:
        articles = list(polnear.read_split(directory, all_annotators=all_annotators))
    except (FileNotFoundError, ValueError, OSError) as exc:
        fail(str(exc))
    if not articles:
        fail(f"{directory}: no PolNeAR articles found")
    model = nlp.load()
    scores = polnear.evaluate(articles, lambda texts: model.pipe(texts, batch_size=16))
    rows = scores.table()
    if as_json:
        click.echo(json.dumps({"articles": scores.articles, "scores": rows}, indent=2))
        return
    click.echo(f"PolNeAR {directory} ({scores.articles} articles)")
    click.echo(f"{'role':<8} {'mode':<8} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}")
    for r in rows:
        click.echo(f"{r['role']:<8} {r['mode']:<8} {r['precision']:>6.3f} {r['recall']:>6.3f} "
                   f"{r['f1']:>6.3f} {r['predicted']:>6} {r['gold']:>6}")


@eval_group.command("factuality")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def factuality_command(file: Path, as_json: bool) -> None:
    """Score event status against MEANTIME/UW factuality labels (-3..+3) in a jsonl file."""
    from claimgraph import nlp
    from claimgraph.eval import factuality

    try:
        items = list(factuality.read_jsonl(file))
    except (OSError, ValueError, KeyError) as exc:
        fail(f"{file}: {exc}")
    scores = factuality.evaluate(items, nlp.load())
    report = {"targets": scores.n, "accuracy": round(scores.accuracy(), 4),
              "macro_f1": round(scores.macro_f1(), 4), "majority": scores.majority(),
              "mae": round(scores.mae(), 4), "per_class": scores.per_class()}
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    click.echo(f"factuality {file} ({scores.n} targets)")
    click.echo(f"accuracy (pos/uncertain/neg) {report['accuracy']:.3f}   macro F1 {report['macro_f1']:.3f}   "
               f"MAE {report['mae']:.3f}")
    m = report["majority"]
    click.echo(f"always '{m['class']}': accuracy {m['accuracy']:.3f}   macro F1 {m['macro_f1']:.3f}")
    for c, v in report["per_class"].items():
        click.echo(f"  {c:<10} P {v['precision']:.3f}  R {v['recall']:.3f}  gold {v['gold']:>5}  "
                   f"predicted {v['predicted']:>5}")
