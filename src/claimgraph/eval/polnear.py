"""Score the attribution finder on PolNeAR brat files: P/R/F1 of source, cue and content spans.

Matching is one-to-one per role.  *Overlap*: a predicted span matches a gold span of the same role
if they share a character (each gold span is matched at most once, largest overlap first).
*Exact*: the character sets are equal after stripping whitespace, punctuation and quote marks at
the edges of each part.  PolNeAR annotates only the outermost attribution of nested ones (each
token belongs to at most one), so predictions nested in another prediction's content, or standing inside a quotation (which
belongs to whoever is quoted), are not scored.
Articles annotated by several annotators are scored against one annotation by default (the first
annotator id in sort order) so every article weighs the same; `all_annotators` scores each copy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from claimgraph.claims.attribution import AttributionFinder, Found

ROLES = ("source", "cue", "content")
_ANN = re.compile(r"^(?P<article>.+)_(?P<annotator>[^_]+)\.ann$")
_STRIP = " \t\n\r\"'“”‘’«».,;:!?-—–()[]"

CharParts = tuple[tuple[int, int], ...]


@dataclass
class GoldAttribution:
    """One annotated attribution: each role as character parts (possibly discontinuous)."""

    source: CharParts = ()
    cue: CharParts = ()
    content: CharParts = ()


@dataclass
class Article:
    """One PolNeAR article with one annotator's attributions."""

    name: str
    annotator: str
    text: str
    gold: list[GoldAttribution]


@dataclass
class Counts:
    """Matched/predicted/gold counts for one role and one matching mode."""

    tp_pred: int = 0
    tp_gold: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: "Counts") -> None:
        """Accumulate another count."""
        self.tp_pred += other.tp_pred
        self.tp_gold += other.tp_gold
        self.pred += other.pred
        self.gold += other.gold

    @property
    def precision(self) -> float:
        """Matched predictions over predictions."""
        return self.tp_pred / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        """Matched gold spans over gold spans."""
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Counts per (role, mode)."""

    counts: dict[tuple[str, str], Counts] = field(
        default_factory=lambda: {(r, m): Counts() for r in ROLES for m in ("exact", "overlap")})
    articles: int = 0

    def table(self) -> list[dict[str, object]]:
        """Return one row per role and mode with P, R, F1 and counts."""
        rows = []
        for (role, mode), c in self.counts.items():
            rows.append({"role": role, "mode": mode, "precision": round(c.precision, 4),
                         "recall": round(c.recall, 4), "f1": round(c.f1, 4),
                         "predicted": c.pred, "gold": c.gold})
        return rows


def read_ann(path: Path) -> list[GoldAttribution]:
    """Read one brat .ann file into attributions (relations 'E'), ignoring Discard/Discuss spans."""
    spans: dict[str, tuple[str, CharParts]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if cols[0].startswith("T"):
            label, _, offsets = cols[1].partition(" ")
            parts = tuple(tuple(int(x) for x in p.split()) for p in offsets.split(";"))
            spans[cols[0]] = (label, parts)  # type: ignore[assignment]
        elif cols[0].startswith("E"):
            relations.append(dict(arg.split(":", 1) for arg in cols[1].split()))
    out = []
    for rel in relations:
        g = GoldAttribution()
        for role in ROLES:
            tid = rel.get(role.capitalize())
            if tid in spans:
                setattr(g, role, spans[tid][1])
        out.append(g)
    return out


def read_split(directory: Path, all_annotators: bool = False) -> Iterator[Article]:
    """Yield the articles of a PolNeAR split directory (with text/ and attributions/)."""
    ann_dir, text_dir = directory / "attributions", directory / "text"
    if not ann_dir.is_dir() or not text_dir.is_dir():
        raise FileNotFoundError(f"{directory}: expected text/ and attributions/ subdirectories")
    by_article: dict[str, list[tuple[str, Path]]] = {}
    for p in sorted(ann_dir.glob("*.ann")):
        m = _ANN.match(p.name)
        if m:
            by_article.setdefault(m["article"], []).append((m["annotator"], p))
    for name in sorted(by_article):
        text_path = text_dir / f"{name}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        copies = by_article[name] if all_annotators else by_article[name][:1]
        for annotator, path in copies:
            yield Article(name, annotator, text, read_ann(path))


def predicted(doc: Doc, found: list[Found]) -> list[GoldAttribution]:
    """Turn the finder's top-level attributions into character parts."""
    out = []
    for f in found:
        if f.outer is not None or f.in_quote:
            continue
        out.append(GoldAttribution(
            source=_chars(doc, [f.source]) if f.source else (),
            cue=_chars(doc, [f.cue]),
            content=_chars(doc, f.content),
        ))
    return out


def _chars(doc: Doc, spans: list[tuple[int, int]]) -> CharParts:
    return tuple((doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)) for a, b in spans if b > a)


def _charset(text: str, parts: CharParts) -> frozenset[int]:
    out: set[int] = set()
    for a, b in parts:
        while a < b and text[a] in _STRIP:
            a += 1
        while b > a and text[b - 1] in _STRIP:
            b -= 1
        out.update(range(a, b))
    return frozenset(out)


def score_article(text: str, gold: list[GoldAttribution], pred: list[GoldAttribution], scores: Scores) -> None:
    """Add one article's matches to `scores`."""
    for role in ROLES:
        g_sets = [_charset(text, getattr(g, role)) for g in gold if getattr(g, role)]
        p_sets = [_charset(text, getattr(p, role)) for p in pred if getattr(p, role)]
        g_sets = [s for s in g_sets if s]
        p_sets = [s for s in p_sets if s]
        for mode in ("exact", "overlap"):
            c = scores.counts[(role, mode)]
            c.pred += len(p_sets)
            c.gold += len(g_sets)
            matched = _match(p_sets, g_sets, exact=(mode == "exact"))
            c.tp_pred += matched
            c.tp_gold += matched


def _match(pred: list[frozenset[int]], gold: list[frozenset[int]], exact: bool) -> int:
    if exact:
        remaining = list(gold)
        n = 0
        for p in pred:
            if p in remaining:
                remaining.remove(p)
                n += 1
        return n
    pairs = sorted(((len(p & g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold) if p & g),
                   reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def evaluate(articles: Iterable[Article], parse: Callable[[list[str]], Iterable[Doc]],
             finder: AttributionFinder | None = None) -> Scores:
    """Parse every article, find attributions and score them against the gold spans."""
    finder = finder or AttributionFinder()
    arts = list(articles)
    scores = Scores()
    for art, doc in zip(arts, parse([a.text for a in arts])):
        score_article(art.text, art.gold, predicted(doc, finder.find(doc)), scores)
        scores.articles += 1
    return scores
