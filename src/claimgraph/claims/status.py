"""The status of an event predicate — asserted, future, hypothetical, negated, question — and hedging.

Read from grammar: the predicate's own auxiliaries and negation, then each governing clause up the
head chain (xcomp/ccomp/conj/advcl...), where modals, future-oriented verbs ("plan to"), denial verbs
("denied that", "ruled out"), conditionals ("if"), questions and hedges ("reportedly") apply to the
clauses they govern.  Negation wins over futurity ("will not take part" is negated); a conditional
wins over both; a question wins over all.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.claims import lexicon

_CLIMB = {"xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "pcomp", "pobj", "prep", "csubj",
          "dobj", "attr", "oprd", "nsubj", "nsubjpass", "appos", "parataxis", "acomp", "npadvmod"}
_CLAUSE_LIMIT = 6
_REPORT_VERBS = {"say", "tell", "agree", "announce", "state", "add", "claim", "report", "write",
                 "decide", "explain", "insist", "emphasize", "promise", "confirm"}


class StatusReader:
    """Decides status and hedging for a predicate token."""

    def __init__(self, lex: lexicon.StatusLexicon | None = None) -> None:
        self.lex = lex or lexicon.status()

    def read(self, tok: Token, headline: bool = False) -> tuple[str, bool]:
        """Return (status, hedged) for the event whose trigger is `tok`."""
        sent = tok.sent
        hedged = any(t.lower_ in self.lex.hedges for t in sent)
        if self._question(tok, headline):
            return "question", hedged
        negated = future = hypothetical = False
        outside_negation = False  # set once the climb leaves the scope of higher negations
        cur = tok
        for depth in range(_CLAUSE_LIMIT):
            own = self._own(cur, is_trigger=(depth == 0))
            negated = negated or (own["negated"] and not outside_negation)
            future = future or own["future"]
            hypothetical = hypothetical or own["hypothetical"]
            hedged = hedged or own["hedged"]
            if cur.dep_ not in _CLIMB or cur.head.i == cur.i:
                break
            head = cur.head
            if cur.dep_ in ("advcl",) and self._conditional(cur):
                hypothetical = True
            denier = self._denier_of_noun_clause(cur)
            if denier is not None:
                # "dismissed claims that X attacked": the denier says X did not
                negated = negated or not any(c.dep_ == "neg" for c in denier.children)
                break
            if cur.dep_ in ("relcl", "acl", "nsubj", "nsubjpass", "appos", "csubj"):
                break  # a noun's modifier does not inherit the main clause's status
            gov = self._governor(head, cur, nominal=tok.pos_ in ("NOUN", "PROPN"))
            outside_negation = outside_negation or gov["unscoped"]
            negated = negated or gov["negated"]
            future = future or gov["future"]
            hypothetical = hypothetical or gov["hypothetical"]
            hedged = hedged or gov["hedged"]
            if gov["stop"]:
                break
            cur = head
        if hypothetical:
            return "hypothetical", hedged
        if negated:
            return "negated", hedged
        if future:
            return "future", hedged
        return "asserted", hedged

    # -- parts ----------------------------------------------------------------------------------

    def _question(self, tok: Token, headline: bool) -> bool:
        sent = tok.sent
        text = sent.text.rstrip().rstrip("”\"'’»)")
        if not text.endswith("?"):
            return False
        if headline:
            return True
        # A question inside a longer sentence only covers its own clause.
        first = sent[0]
        return first.tag_ in ("MD", "WDT", "WP", "WRB") or first.lemma_.lower() in ("do", "be", "have") \
            or any(c.dep_ == "aux" and c.i < tok.i and any(s.dep_.startswith("nsubj") and s.i > c.i
                                                          for s in tok.children)
                   for c in tok.children)

    def _conditional(self, clause: Token) -> bool:
        for c in clause.children:
            if c.dep_ == "mark" and c.lower_ in self.lex.conditionals:
                return True
        return False

    def _own(self, tok: Token, is_trigger: bool) -> dict[str, bool]:
        """Markers on the predicate itself: its auxiliaries, negation, conditional mark."""
        out = {"negated": False, "future": False, "hypothetical": False, "hedged": False}
        for c in tok.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and low in ("never", "no")) \
                    or (c.dep_ in ("aux", "auxpass") and low.endswith("n't")):
                # "hasn't" left as one token by a tokeniser still negates its verb.
                out["negated"] = True
            elif c.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.pos_ in ("VERB", "AUX") and (
                    low in self.lex.negative_pronouns
                    or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)):
                # "reached no agreement", "nothing will save it", "no deal exists".
                out["negated"] = True
            elif c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" and low in self.lex.hedge_modals:
                # Epistemic possibility ("may be replaced") is a hedged claim, not a hypothesis:
                # the factuality corpora rate it as probably true.
                out["hedged"] = True
            elif c.dep_ in ("aux", "auxpass") and c.tag_ == "MD":
                if low in self.lex.future_modals:
                    out["future"] = True
                elif low in self.lex.hypothetical_modals:
                    if low in ("would", "'d") and self._reported(tok):
                        out["future"] = True  # "agreed that they would fight": future in the past
                    elif low in ("can", "ca", "could") and not is_trigger:
                        pass
                    else:
                        out["hypothetical"] = True
            elif c.dep_ == "mark" and low in self.lex.conditionals:
                out["hypothetical"] = True
            elif c.dep_ == "advcl" and self._conditional(c):
                out["hypothetical"] = True  # the consequent of "if ..., he will get it"
            elif c.dep_ == "advmod" and low in self.lex.hedges:
                out["hedged"] = True
        if self._going_to(tok):
            out["future"] = True
        if tok.dep_ == "pobj" and tok.head.lower_ == "without":
            out["negated"] = True
        return out

    def _reported(self, tok: Token) -> bool:
        """Whether tok is the complement of a reporting verb (sequence of tenses)."""
        # "denied that they would attack" reports a future in the past, as "said" does
        return (tok.dep_ == "ccomp" and (tok.head.lemma_.lower() in _REPORT_VERBS
                                          or tok.head.lemma_.lower() in self.lex.denial_verbs)
                or self._denier_of_noun_clause(tok) is not None)

    def _denier_of_noun_clause(self, tok: Token) -> Token | None:
        """The denial verb of "rejected reports that X ...", when tok is the that-clause."""
        noun = tok.head
        if (tok.dep_ not in ("acl", "ccomp") or noun.pos_ not in ("NOUN", "PROPN")
                or noun.dep_ != "dobj" or not any(c.dep_ == "mark" and c.lower_ == "that"
                                                  for c in tok.children)):
            return None
        verb = noun.head
        return verb if verb.lemma_.lower() in self.lex.denial_verbs else None

    def _going_to(self, tok: Token) -> bool:
        head = tok.head
        if tok.dep_ != "xcomp":
            return False
        for seq in self.lex.future_constructions:
            if head.lower_ == seq[0] or (seq[0] == "is" and head.lemma_ == "be"):
                if any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children):
                    return True
        return False

    def _governor(self, head: Token, child: Token, nominal: bool = False) -> dict[str, bool]:
        """What a governing predicate does to the clause below it."""
        out = {"negated": False, "future": False, "hypothetical": False, "hedged": False, "stop": False,
               "unscoped": False}
        lemma = head.lemma_.lower()
        dep = child.dep_
        if lemma in self.lex.denial_verbs and dep in ("xcomp", "ccomp", "dobj", "pcomp", "prep", "pobj"):
            particles = self.lex.denial_particles.get(lemma)
            if particles is None or any(c.dep_ == "prt" and c.lower_ in particles for c in head.children):
                # "refused to", "denied that", "ruled out": negated unless the denial is negated.
                denied = any(c.dep_ == "neg" for c in head.children)
                out["negated"] = not denied
                out["stop"] = True
                return out
        if dep in ("xcomp", "ccomp") and lemma in self.lex.future_verbs and dep == "xcomp":
            out["future"] = True
        if dep in ("xcomp", "ccomp") and lemma in self.lex.negative_adjs:
            out["negated"] = True  # "unable to enter", "impossible for him to enter"
            out["stop"] = True
            return out
        if dep in ("xcomp", "ccomp") and head.pos_ == "ADJ" and lemma in self.lex.hypothetical_adjs:
            out["hypothetical"] = lemma not in ("ready", "set", "due", "poised", "about")
            out["future"] = not out["hypothetical"]
        if dep in ("xcomp", "ccomp") and lemma in self.lex.hedge_verbs:
            out["hedged"] = True
        if (dep == "xcomp" and lemma in self.lex.passive_hedge_verbs and head.tag_ == "VBN"
                and any(c.dep_ == "nsubjpass" for c in head.children)):
            out["hedged"] = True
        if dep == "conj" or dep in ("prep", "pobj", "pcomp", "dobj", "attr", "oprd", "acomp", "npadvmod"):
            # Coordinated and argument-internal events share the head's markers, except that a
            # named event under a negated verb still exists ("haven't analyzed the statement",
            # "no qualms about implementing it").
            inherited = self._own(head, is_trigger=False)
            if dep != "conj" and (nominal or child.pos_ in ("NOUN", "PROPN")):
                out["unscoped"] = True
            if dep == "conj" and child.tag_ in ("VBD", "VBZ", "VBP") and head.tag_ == "VB":
                # "didn't offer X, and gave Y": a finite conjunct is outside the negation.
                out["unscoped"] = True
            if out["unscoped"]:
                inherited["negated"] = False
            if dep in ("pobj", "pcomp") and head.dep_ == "prep" and any(
                    d.dep_ == "det" and d.lower_ == "no" for d in head.head.children):
                inherited["negated"] = False
            out.update({k: v for k, v in inherited.items() if v})
            return out
        if dep in ("xcomp",):
            inherited = self._own(head, is_trigger=False)
            out.update({k: v for k, v in inherited.items() if v})
        if dep == "ccomp":
            # Negation of a reporting verb ("did not say that") leaves its content unclaimed, and
            # a modal on it ("would say") does not change the reported event, so stop here.
            out["stop"] = lemma in _REPORT_VERBS or lemma in lexicon.cues().verbs
        return out
