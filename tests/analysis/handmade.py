"""Hand-made records about Belarus, Russia and Ukraine in 2022, for the analysis and web tests.

Each article is a list of sentences; each sentence may carry statements. Spans and evidence are
computed from the text, so the records are consistent the way the pipeline's are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.model import (
    ActorRef, Claimant, Document, Event, Record, Relay, Statement, When, Where, stable_id,
)

QUAD = {"CONSULT": 1, "AGREE": 1, "COOPERATE": 2, "AID": 2, "ACCUSE": 3, "THREATEN": 3,
        "ASSAULT": 4, "MOBILIZE": 4, "SANCTION": 4}
CAMEO = {"CONSULT": "040", "AGREE": "030", "COOPERATE": "060", "AID": "070", "ACCUSE": "112",
         "THREATEN": "130", "ASSAULT": "190", "MOBILIZE": "150", "SANCTION": "163"}
INTENSITY = {"CONSULT": 1.0, "AGREE": 3.0, "COOPERATE": 6.0, "AID": 7.0, "ACCUSE": -2.0,
             "THREATEN": -4.0, "ASSAULT": -9.0, "MOBILIZE": -7.0, "SANCTION": -5.0}


@dataclass
class S:
    """A statement to attach to a sentence."""

    type: str
    actor: list[tuple[str, str, str | None]]
    recipient: list[tuple[str, str, str | None]] = field(default_factory=list)
    trigger: str = ""
    status: str = "asserted"
    hedged: bool = False
    claimant: tuple[str, str | None, str | None, str] | None = None
    via: list[str] = field(default_factory=list)
    when: tuple[str, str | None, str | None] | None = None
    where: tuple[str, str] | None = None


BLR = ("Belarus", "BLR", None)
LUKA = ("Lukashenko", "BLR", "GOV")
RUS = ("Russia", "RUS", None)
RUS_MIL = ("Russian troops", "RUS", "MIL")
PUTIN = ("Putin", "RUS", "GOV")
UKR = ("Ukraine", "UKR", None)
NATO = ("NATO", "IGO", None)


def _ref(t: tuple[str, str, str | None]) -> ActorRef:
    text, code, sector = t
    if code == "IGO":
        return ActorRef(text=text, code="IGO", org=text)
    return ActorRef(text=text, code=code, sector=sector)


def article(doc_id: str, title: str, published: str, site: str,
            sentences: list[tuple[str, list[S]]], headline: list[S] | None = None,
            credited_source: str | None = None, url: str | None = None) -> Record:
    """Build one record: sentences joined by spaces, statements with spans into the text."""
    text, spans = "", []
    for sent, _ in sentences:
        start = len(text)
        text += sent
        spans.append((start, len(text)))
        text += " "
    text = text.rstrip()
    doc = Document(id=doc_id, text=text, url=url or f"https://{site}/{doc_id}", title=title,
                   published=published, site=site, credited_source=credited_source,
                   language="en")
    statements = []
    for s in headline or []:
        statements.append(_statement(doc_id, -1, None, title, s))
    for i, (sent, items) in enumerate(sentences):
        for s in items:
            statements.append(_statement(doc_id, i, spans[i], sent, s))
    return Record(doc, statements)


def _statement(doc_id: str, index: int, span, evidence: str, s: S) -> Statement:
    claimant = None
    if s.claimant:
        ctext, code, sector, cue = s.claimant
        claimant = Claimant(text=ctext, code=code, sector=sector, cue=cue)
    return Statement(
        id=stable_id(doc_id, index, s.trigger, s.type), sentence=index, span=span,
        evidence=evidence,
        event=Event(type=s.type, cameo=CAMEO[s.type], quad_class=QUAD[s.type],
                    intensity=INTENSITY[s.type], trigger=s.trigger),
        actor=[_ref(a) for a in s.actor], recipient=[_ref(r) for r in s.recipient],
        status=s.status, hedged=s.hedged, claimant=claimant,
        via=[Relay(text=v, cue="quoted") for v in s.via],
        when=When(*s.when) if s.when else None,
        where=Where(*s.where) if s.where else None,
        confidence=0.7,
    )


def records() -> list[Record]:
    """The whole hand-made corpus (eight articles, February to June 2022)."""
    return [
        article("doc-drills", "Russia and Belarus begin joint drills", "2022-02-10",
                "news.example", [
                    ("Russia and Belarus began joint military drills near the Ukrainian border.",
                     [S("COOPERATE", [RUS], [BLR], "began joint military drills",
                        where=("near the Ukrainian border", "BLR"))]),
                    ("Western officials say Russia will invade Ukraine within days.",
                     [S("ASSAULT", [RUS], [UKR], "invade", status="future",
                        claimant=("Western officials", None, "GOV", "say"),
                        when=("within days", "2022-02-10", "2022-02-28"))]),
                ]),
        article("doc-invasion", "Russia attacks Ukraine", "2022-02-24", "wire.example", [
            ("Russian troops attacked Ukraine from the north, the east and the south.",
             [S("ASSAULT", [RUS_MIL], [UKR], "attacked")]),
        ]),
        article("doc-invasion-2", "Invasion begins", "2022-02-25", "paper.example", [
            ("Russia launched an assault on Ukraine on Thursday.",
             [S("ASSAULT", [RUS], [UKR], "launched an assault",
                when=("on Thursday", "2022-02-24", "2022-02-24"))]),
        ], credited_source="Tagesspiegel"),
        article("doc-meeting", "Lukashenko meets Putin", "2022-03-11", "wire.example", [
            ("Lukashenko met Putin in Moscow on Friday.",
             [S("CONSULT", [LUKA], [PUTIN], "met", where=("Moscow", "RUS"),
                when=("on Friday", "2022-03-11", "2022-03-11"))]),
            ("Putin promised Belarus more weapons.",
             [S("AID", [PUTIN], [BLR], "promised more weapons", status="future")]),
        ]),
        article("doc-meeting-2", "Belarus and Russia talk sanctions", "2022-03-12",
                "paper.example", [
                    ("Belarus and Russia held talks in Moscow about the sanctions.",
                     [S("CONSULT", [BLR], [RUS], "held talks", where=("Moscow", "RUS"),
                        when=("last Friday", "2022-03-11", "2022-03-11"))]),
                ]),
        article("doc-example", "Will Lukashenko intervene in the Russian war?", "2022-05-22",
                "tagesspiegel.example", [
                    ("Ukrainian military intelligence is sure: in a day or two, Belarus will join "
                     "the war together with Russian troops.",
                     [S("ASSAULT", [BLR], [UKR], "join the war", status="future",
                        claimant=("Ukrainian military intelligence", "UKR", "SPY", "is sure"),
                        via=["Ukrainska Pravda"],
                        when=("in a day or two", "2022-05-23", "2022-05-24"))]),
                    ("Lukashenko has repeatedly emphasized that Belarus will not take part in "
                     "the invasion.",
                     [S("ASSAULT", [BLR], [UKR], "take part in the invasion", status="negated",
                        claimant=("Lukashenko", "BLR", "GOV", "emphasized"))]),
                    ("Ukraine has adopted a hostile position against Belarus, he said.",
                     [S("ACCUSE", [UKR], [BLR], "adopted a hostile position",
                        claimant=("Lukashenko", "BLR", "GOV", "said"))]),
                ], headline=[S("ASSAULT", [LUKA], [UKR], "intervene", status="question")],
                credited_source="Tagesspiegel"),
        article("doc-forecast", "Analyst: Belarus to attack within a week", "2022-06-10",
                "blog.example", [
                    ("Belarus will attack Ukraine within a week, Oleksiy Arestovych predicted.",
                     [S("ASSAULT", [BLR], [UKR], "attack", status="future",
                        claimant=("Oleksiy Arestovych", "UKR", "GOV", "predicted"),
                        when=("within a week", "2022-06-10", "2022-06-17"))]),
                    ("Belarus reportedly moved troops to the border.",
                     [S("MOBILIZE", [BLR], [UKR], "moved troops", hedged=True)]),
                ]),
        article("doc-nato", "Does NATO threaten Belarus?", "2022-06-20", "news.example", [
            ("NATO warned Belarus against joining the war.",
             [S("THREATEN", [NATO], [BLR], "warned")]),
        ], headline=[S("THREATEN", [NATO], [BLR], "threaten", status="question")]),
    ]
