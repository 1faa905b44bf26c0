"""Hand-built records for the store tests (also imported by the subprocess helpers)."""

from __future__ import annotations

from claimgraph.model import (
    ActorRef, Attribution, Claimant, Document, Event, Record, Relay, Statement, When, Where,
)


def _event(type_: str, cameo: str, quad: int, intensity: float, trigger: str,
           mode: str | None = None) -> Event:
    return Event(type=type_, cameo=cameo, quad_class=quad, intensity=intensity, trigger=trigger,
                 mode=mode, context=["war"] if quad == 4 else [])


def record_a() -> Record:
    """A May 2022 article: a headline question, a hedged prediction with a relay, a denial."""
    text = ("Belarus will attack Ukraine in a day or two, Ukrainian military intelligence is sure, "
            "Ukrainska Pravda quoted. The Kremlin said Russia would not threaten NATO.")
    cut = text.index("The Kremlin")
    doc = Document(id="a1", text=text, url="https://example.org/a1",
                   title="Will Lukashenko intervene in the Russian war?", published="2022-05-25",
                   site="example.org", credited_source="Tagesspiegel", language="en",
                   removed=["Subscribe now", "Share this"], source_path="/data/a1.txt")
    headline = Statement(
        id="s-a-head", sentence=-1, span=None, evidence=doc.title,
        event=_event("ASSAULT", "190", 4, -9.0, "intervene"),
        actor=[ActorRef("Lukashenko", "BLR", "GOV", name="Alexander Lukashenko", span=None)],
        recipient=[ActorRef("the Russian war", None)], status="question")
    attack = Statement(
        id="s-a-1", sentence=0, span=(0, cut - 1), evidence=text[:cut - 1],
        event=_event("ASSAULT", "195", 4, -10.0, "attack", mode="aerial"),
        actor=[ActorRef("Belarus", "BLR", "MIL", span=(0, 7))],
        recipient=[ActorRef("Ukraine", "UKR", span=(20, 27))],
        status="future", hedged=True,
        claimant=Claimant("Ukrainian military intelligence", "UKR", "SPY", cue="is sure",
                          span=(45, 76)),
        via=[Relay("Ukrainska Pravda", cue="quoted")],
        when=When("in a day or two", "2022-05-26", "2022-05-27"),
        where=Where("Belarusian airfields", "BLR"), confidence=0.74)
    denial = Statement(
        id="s-a-2", sentence=1, span=(cut, len(text)), evidence=text[cut:],
        event=_event("THREATEN", "138", 3, -7.0, "threaten"),
        actor=[ActorRef("Russia", "RUS", span=(140, 146))],
        recipient=[ActorRef("NATO", "IGO", org="NATO", span=(166, 170))],
        status="negated", claimant=Claimant("The Kremlin", "RUS", "GOV", cue="said"),
        confidence=0.6)
    attribution = Attribution(source=(45, 76), cue=(77, 84), content=(0, 44),
                              source_text="Ukrainian military intelligence", cue_text="is sure",
                              content_text=text[:44], source_code="UKR", source_sector="SPY",
                              kind="direct", via=[Relay("Ukrainska Pravda", cue="quoted")])
    return Record(doc, [headline, attack, denial], [attribution])


def record_b() -> Record:
    """A June 2022 article without a title: EU aid dated by the text, a hypothetical sanction."""
    text = "Zelensky said the EU delivered aid to Ukraine on June 1. Western partners and the US may sanction Russia."
    doc = Document(id="b2", text=text, url="https://news.test/b2", title=None,
                   published="2022-06-10T08:00:00", site="news.test", language="en")
    aid = Statement(
        id="s-b-1", sentence=0, span=(0, 56), evidence=text[:56],
        event=_event("AID", "070", 2, 7.4, "delivered aid"),
        actor=[ActorRef("the EU", "IGO", org="EU", span=(14, 20))],
        recipient=[ActorRef("Ukraine", "UKR", "GOV", span=(39, 46))],
        claimant=Claimant("Zelensky", "UKR", "GOV", cue="said", name="Volodymyr Zelensky"),
        when=When("on June 1", "2022-06-01", "2022-06-01"), confidence=0.8)
    sanction = Statement(
        id="s-b-2", sentence=1, span=(57, len(text)), evidence=text[57:],
        event=_event("SANCTION", "163", 4, -8.0, "sanction"),
        actor=[ActorRef("Western partners", None), ActorRef("the US", "USA", "GOV")],
        recipient=[ActorRef("Russia", "RUS")], status="hypothetical", confidence=0.55)
    return Record(doc, [aid, sanction], [])


def record_c() -> Record:
    """A German article with no date: stored without statements."""
    doc = Document(id="c3", text="Belarus wird nicht angreifen.", title="Belarus", language="de",
                   removed=[])
    return Record(doc)


def record_d() -> Record:
    """Two statements with the same id (possible when triggers repeat) and an April event."""
    text = "France and Russia held talks in April. France and Russia held talks again."
    doc = Document(id="d4", text=text, published="2022-05-30", site="example.org", language="en")
    talks = [Statement(
        id="s-d-dup", sentence=i, span=(0, 38) if i == 0 else (39, len(text)),
        evidence=text[:38] if i == 0 else text[39:],
        event=_event("CONSULT", "040", 1, 1.0, "held talks", mode="meet"),
        actor=[ActorRef("France", "FRA", "GOV")], recipient=[ActorRef("Russia", "RUS", "GOV")],
        when=When("in April", "2022-04-15", None) if i == 0 else None) for i in range(2)]
    return Record(doc, talks, [])


def sample_records() -> list[Record]:
    """All hand-built records."""
    return [record_a(), record_b(), record_c(), record_d()]


def bulk_record(i: int, statements: int = 4) -> Record:
    """A synthetic record number i with `statements` statements, each with two actors."""
    text = " ".join(f"Sentence {k} of article {i}." for k in range(statements))
    doc = Document(id=f"bulk-{i:05d}", text=text, url=f"https://bulk.test/{i}",
                   title=f"Article {i}", published=f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}",
                   site="bulk.test", language="en", removed=[f"footer {i}"])
    out = []
    for k in range(statements):
        out.append(Statement(
            id=f"bulk-{i}-{k}", sentence=k, span=(0, 10), evidence=f"Sentence {k} of article {i}.",
            event=_event("ASSAULT" if k % 2 else "CONSULT", "190" if k % 2 else "040",
                         4 if k % 2 else 1, -9.0 if k % 2 else 1.0, "hit"),
            actor=[ActorRef("Russia", "RUS", "MIL"), ActorRef("Belarus", "BLR")],
            recipient=[ActorRef("Ukraine", "UKR")]))
    attrs = [Attribution(source=(0, 5), cue=(6, 9), content=(10, 20), source_text="x",
                         cue_text="said", content_text="y")]
    return Record(doc, out, attrs)
