"""Read a PETRARCH/TABARI verb dictionary (`*.verbs.txt`) into synsets, verb forms and patterns.

Format (as documented in the dictionaries' own header comments):
- `<!-- ... -->` blocks and `#` to end of line are comments.
- `&NAME` starts a synset; its `+MEMBER` lines follow. Members are phrases (`_` or a space
  joins words, which must then be consecutive) and may name another synset (`+&OTHER`).
- `--- NAME [CODE] ---` starts a verb block; `[CODE]` is the block's default code.
- Inside a block, a line not starting with `-` is a verb: `WORD {FORMS} [CODE]`. Multi-word
  verbs join words with `_` and mark the verb word with `+` (`+BREAK_DOWN`, `WIRE_+TAP`);
  braces list irregular forms (written the same way); otherwise regular forms are generated.
  A verb's own `[CODE]` replaces the block default for that verb.
- `- UPPER * LOWER [CODE]` is a pattern of the block: words before `*` (the verb) must occur
  before it, words after it after it. A space lets other words come between two elements, `_`
  requires them to be adjacent. `$` is the source actor, `+` the target actor, `^` an actor
  skipped over, `%` a compound actor, `&NAME` any member of a synset. PETRARCH 2 dictionaries
  also write `(PREP WORDS)` for a prepositional phrase and `{WORDS}` for a noun phrase.
- Codes: `[064]`; `[032:033]` codes the event and its reverse (target to source) as well;
  `[:173]` codes only the reverse; `[---]` codes nothing (the verb or phrase is not an event).
  Markers that are not codes (`[+++]`, `[###]`) mark patterns PETRARCH never applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.errors import InputError

_HEADER = re.compile(r"^---\s*(.*?)\s*\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]")
_BRACES = re.compile(r"\{([^}]*)\}")
ACTOR_MARKS = frozenset("$+^%")


@dataclass(frozen=True)
class Code:
    """A pattern's or verb's code: the event code and the reverse event's code (each optional)."""

    forward: str | None
    reverse: str | None = None

    @property
    def null(self) -> bool:
        """True when the code says "no event" (`---`)."""
        return self.forward is None and self.reverse is None


@dataclass(frozen=True)
class Element:
    """One pattern element: a word, a synset (`&NAME`) or an actor mark (`$ + ^ %`).

    `closed` is True when the element is joined by `_` to the element nearer the verb.
    """

    kind: str  # "word", "synset" or "actor"
    value: str
    closed: bool = False


@dataclass(frozen=True)
class Pattern:
    """A verb pattern: elements before the verb (nearest first), after it (nearest first), code."""

    upper: tuple[Element, ...]
    lower: tuple[Element, ...]
    code: Code
    text: str
    line: int

    @property
    def size(self) -> int:
        """The number of elements: longer patterns are tried first."""
        return len(self.upper) + len(self.lower)


@dataclass
class Block:
    """A verb block: its default code and the patterns shared by all of its verbs."""

    name: str
    code: Code
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class VerbForm:
    """One surface form of a verb: the verb word, the words adjacent before and after it."""

    word: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    block: Block
    code: Code
    base: str


@dataclass
class VerbDictionary:
    """A parsed verb dictionary: synsets, verb forms indexed by verb word, and blocks."""

    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    forms: dict[str, list[VerbForm]] = field(default_factory=dict)
    lemmas: dict[str, list[VerbForm]] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def members(self, name: str) -> list[tuple[str, ...]]:
        """Return the phrases of a synset (empty if the dictionary does not define it)."""
        return self.synsets.get(name, [])

    @property
    def pattern_count(self) -> int:
        """The number of patterns in all blocks."""
        return sum(len(b.patterns) for b in self.blocks)


def parse_code(text: str) -> Code | None:
    """Parse the inside of `[...]`; None when it is a marker rather than a code (`+++`, `###`)."""
    parts = [p.strip() for p in text.split(":")]
    codes = [_one_code(p) for p in parts[:2]]
    if any(c is False for c in codes):
        return None
    fwd = codes[0] or None
    rev = (codes[1] or None) if len(codes) > 1 else None
    return Code(fwd, rev)


def _one_code(text: str) -> str | bool | None:
    """A code, None for "no code" (`---` or empty), False for a marker that is not a code."""
    if not text or set(text) <= {"-"}:
        return None
    text = text.rstrip("?")
    return text if text[0].isdigit() and text.isalnum() else False


def _comment_free(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) with `<!-- -->` blocks and `#` comments removed."""
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(str(path), f"cannot read verb dictionary: {exc}") from exc
    in_comment = False
    for no, line in enumerate(raw.splitlines(), 1):
        out = ""
        while line:
            if in_comment:
                end = line.find("-->")
                if end < 0:
                    line = ""
                    continue
                in_comment, line = False, line[end + 3:]
                continue
            start = line.find("<!--")
            if start < 0:
                out += line
                break
            out += line[:start]
            in_comment, line = True, line[start + 4:]
        yield no, out.split("#", 1)[0].rstrip()


def read(path: Path) -> VerbDictionary:
    """Parse a PETRARCH verb dictionary file; raise InputError if it is unreadable or empty."""
    path = Path(path)
    d = VerbDictionary()
    raw_synsets: dict[str, list[str]] = {}
    synset: str | None = None
    block: Block | None = None
    for no, line in _comment_free(path):
        s = line.strip()
        if not s:
            # a blank line does not end a synset: its members may follow comment lines
            continue
        head = _HEADER.match(s)
        if head:
            code = parse_code(head.group(2)) or Code(None)
            block = Block(head.group(1).strip(), code)
            d.blocks.append(block)
            synset = None
            continue
        if s.startswith("&"):
            synset = _synset_name(s.split()[0])
            raw_synsets.setdefault(synset, [])
            block = None
            continue
        if synset is not None and s.startswith("+"):
            raw_synsets[synset].append(s[1:].strip())
            continue
        if block is None:
            d.skipped.append(f"{path.name}:{no}: {s}")
            continue
        if s.startswith("-"):
            pattern = _pattern(s[1:], no)
            if pattern is None:
                d.skipped.append(f"{path.name}:{no}: {s}")
            else:
                block.patterns.append(pattern)
            continue
        _verb_line(s, block, d)
    d.synsets = _expand_synsets(raw_synsets)
    for b in d.blocks:
        # longer patterns first; among equals, the dictionary's own order
        b.patterns.sort(key=lambda p: -p.size)
    if not d.blocks:
        raise InputError(str(path), "no verb blocks (`--- VERB [CODE] ---`) found")
    return d


def _synset_name(token: str) -> str:
    return token.lstrip("&").strip("_").upper()


def _expand_synsets(raw: dict[str, list[str]]) -> dict[str, list[tuple[str, ...]]]:
    """Turn member lines into word tuples, replacing embedded `&NAME` members by their phrases."""
    out: dict[str, list[tuple[str, ...]]] = {}

    def expand(name: str, seen: frozenset[str]) -> list[tuple[str, ...]]:
        if name in out:
            return out[name]
        phrases: list[tuple[str, ...]] = []
        for member in raw.get(name, []):
            if member.startswith("&"):
                ref = _synset_name(member)
                if ref not in seen:
                    phrases.extend(expand(ref, seen | {ref}))
                continue
            words = tuple(w for w in re.split(r"[_\s]+", member.upper()) if w)
            if words:
                phrases.append(words)
        # longest member first so "AUSTRIAN GOLD FLORIN" is tried before "FLORIN"
        phrases.sort(key=len, reverse=True)
        out[name] = phrases
        return phrases

    for name in raw:
        expand(name, frozenset({name}))
    return out


def _pattern(text: str, line: int) -> Pattern | None:
    """Parse the part of a pattern line after its leading `-`."""
    codes = _CODE.findall(text)
    if not codes:
        return None
    code = parse_code(codes[-1])
    if code is None:
        return None
    body = _CODE.sub(" ", text)
    # PETRARCH 2 notation: {noun phrase} words are adjacent, (prep phrase) parentheses drop
    body = _BRACES.sub(lambda m: "_".join(m.group(1).split()), body)
    body = body.replace("(", " ").replace(")", " ")
    tokens: list[tuple[str, bool]] = []  # (piece, joined to the previous piece by "_")
    for chunk in body.split():
        pieces = chunk.split("_")
        first = True
        for piece in pieces:
            if piece:
                tokens.append((piece, not first))
                first = False
            # an empty piece (a leading/trailing "_") only ends the word: no link across space
    stars = [i for i, (p, _) in enumerate(tokens) if p == "*"]
    if len(stars) != 1:
        return None
    k = stars[0]
    upper = []
    for i in range(k - 1, -1, -1):
        piece, _ = tokens[i]
        closed_to_next = tokens[i + 1][1]
        upper.append(_element(piece, closed_to_next))
    lower = [_element(p, c) for p, c in tokens[k + 1:]]
    if any(e is None for e in upper + lower):
        return None
    text = " ".join(text.split())
    return Pattern(tuple(upper), tuple(lower), code, text, line)  # type: ignore[arg-type]


def _element(piece: str, closed: bool) -> Element | None:
    if piece in ACTOR_MARKS:
        return Element("actor", piece, closed)
    if piece.startswith("&"):
        return Element("synset", _synset_name(piece), closed)
    if "*" in piece:
        return None
    return Element("word", piece.upper(), closed)


def _verb_line(text: str, block: Block, d: VerbDictionary) -> None:
    """Register a verb line's forms under the block."""
    codes = _CODE.findall(text)
    own = parse_code(codes[0]) if codes else None
    code = own if own is not None else block.code
    braces = _BRACES.search(text)
    phrase = _CODE.sub(" ", _BRACES.sub(" ", text)).strip()
    if not phrase:
        return
    base = _split_phrase(phrase)
    if base is None:
        return
    before, word, after = base
    forms = {word}
    if braces is None:
        forms.update(regular_forms(word))
    for form in (braces.group(1).split() if braces else []):
        parsed = _split_phrase(form)
        if parsed is None:
            continue
        fb, fw, fa = parsed
        _add(d, VerbForm(fw, fb, fa, block, code, word))
    for w in forms:
        _add(d, VerbForm(w, before, after, block, code, word))
    d.lemmas.setdefault(word, []).append(VerbForm(word, before, after, block, code, word))


def _split_phrase(phrase: str) -> tuple[tuple[str, ...], str, tuple[str, ...]] | None:
    """Split `WIRE_+TAP`, `+BREAK_DOWN`, `LASH OUT` into (words before, verb, words after)."""
    words = [w for w in re.split(r"[_\s]+", phrase.upper()) if w]
    if not words:
        return None
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    k = marked[0] if marked else 0
    words = [w.lstrip("+") for w in words]
    if not words[k]:
        return None
    return tuple(words[:k]), words[k], tuple(words[k + 1:])


def _add(d: VerbDictionary, form: VerbForm) -> None:
    slot = d.forms.setdefault(form.word, [])
    if not any(f.before == form.before and f.after == form.after and f.block is form.block
               for f in slot):
        slot.append(form)


def regular_forms(word: str) -> set[str]:
    """The regular -S, -ED and -ING forms of an English verb (upper case in, upper case out)."""
    w = word.upper()
    out: set[str] = set()
    if re.search(r"[^AEIOU]Y$", w):
        out |= {w[:-1] + "IES", w[:-1] + "IED", w + "ING"}
    elif w.endswith("E"):
        out |= {w + "S", w + "D", w[:-1] + "ING"}
    else:
        out |= {w + ("ES" if re.search(r"(S|X|Z|CH|SH|O)$", w) else "S"), w + "ED", w + "ING"}
        if re.search(r"[^AEIOU][AEIOU][BDGKLMNPRTV]$", w):
            # consonant doubling (STAB -> STABBED) is not decidable from spelling; allow both
            out |= {w + w[-1] + "ED", w + w[-1] + "ING"}
    return out
