"""Parties: whether a side of a meeting, a deal or a statement speaks for a state, an armed
group or a body of states (seeds/events/party_sectors.csv, office_titles.csv,
political_bodies.csv), and never for a firm (company_words.csv).

A side is the head of the verb's or the noun's subject, object, possessor or the object of
"with", "between", "to"; a place that says where ("met in Washington") is none.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from extract.events.records import EventActor
from extract.events.rules import EventRules


def has_a_party(actors: Sequence[EventActor], trigger: Token, verb: Token | None, rules: EventRules) -> bool:
    """A meeting or a deal is diplomacy when a side is a state, an armed group or an
    international body: an actor of a sector of seeds/events/party_sectors.csv, or a country or
    nationality that is itself a side ("Turkey and Libya agreed", "talks with Iran"); never when
    its subject is a firm ("Procter and Gamble AG has concluded an agreement"). A place that only
    says where ("met in Washington") or qualifies a side that is no party ("a Tulsa-based
    company", "the United States' NBA") is not a side. Not "Kelly met with Trump"."""
    head = verb if verb is not None else trigger
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(t.lower_ in rules.company_words or t.ent_type_ == "ORG" and t.lower_.strip(".") in rules.company_words
           for s in subjects for t in s.subtree):
        return False
    if any(a.sector in rules.party_sectors for a in actors):
        return True
    return any(is_a_party(side, rules) for side in side_words(head, trigger))


# Prepositions whose object is a side of a meeting, a deal or a statement, not where it was.
SIDE_PREPOSITIONS = frozenset({"with", "between", "among", "to", "against", "by", "from"})
SIDE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "poss", "agent"})


def side_words(*heads: Token) -> list[Token]:
    """The heads of the sides of a verb or noun: its subject, object, possessor and the objects
    of "with", "between", "to", "by", each with its conjuncts and appositions ("Benin and
    Nigeria", "Dumas, a close aide to President Mitterrand")."""
    found: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.dep_ in SIDE_DEPS:
                found.append(child)
            if child.dep_ in ("prep", "agent") and (child.lower_ in SIDE_PREPOSITIONS or (
                    child.lower_ == "of" and head.pos_ in ("NOUN", "PROPN"))):  # "the meeting of Cyprus and Greece"
                found += [o for o in child.children if o.dep_ == "pobj"]
    found += [c for side in list(found) for c in side.children if c.dep_ in ("conj", "appos")]
    for head in heads:  # "Russia has said it expelled two diplomats": "it" is who says so
        if head.dep_ in ("ccomp", "xcomp") and any(s.pos_ == "PRON" and s.dep_ == "nsubj" for s in found):
            found += [c for c in head.head.children if c.dep_ == "nsubj"]
    return found


def is_a_party(side: Token, rules: EventRules) -> bool:
    """A side that is a state or a nationality ("Iran", "the Saudis"), a state's or an armed
    group's side ("officials", "troops"), a body of states ("OPEC"), an office holder
    ("President Museveni"), or a side a state qualifies ("Iranian Charge d'Affaires", "the
    Turkish and Greek sides", "Buhari of Nigeria"); not a firm or a club that a place qualifies
    ("a Tulsa-based company", "the United States' NBA")."""
    words = [side, *(c for c in side.children if c.dep_ in ("compound", "amod"))]
    if side.ent_type_ in ("GPE", "NORP") or any(
            rules.sectors.get(w.lower_) in rules.party_sectors or w.lower_ in rules.office_titles | rules.political_bodies
            for w in words):
        return True
    if any(p.dep_ == "prep" and p.lower_ == "of" and any(o.ent_type_ == "GPE" for o in p.children)
           for p in side.children):
        return True  # "Buhari of Nigeria", "the foreign minister of Iran"
    firm = side.ent_type_ == "ORG" or side.lower_ in rules.company_words or side.lemma_.casefold() in rules.company_words
    return not firm and any(  # "the Turkish and Greek sides", "Cairo's security chief"
        m.ent_type_ in ("GPE", "NORP") for m in side.children if m.dep_ in ("compound", "amod", "poss"))


def _about_a_firm(said: Token, rules: EventRules) -> bool:
    """ "The company said Rockwell had agreed": the sentence speaks of a firm."""
    return any(t.lower_.strip(".") in rules.company_words for t in said.sent)


def speaks_for_a_party(said: Token, sides: Sequence[EventActor], rules: EventRules) -> bool:
    """A statement is an event between political actors: its speaker is a state or a
    nationality ("Iran threatened", "the Saudis have warned"), a state's or an armed group's
    side (seeds/events/party_sectors.csv), a body of states or a party ("APEC has agreed",
    political_bodies.csv), or an office holder ("President Museveni", office_titles.csv). Not a
    firm, a newspaper, a person without office ("Trump asked", "Breitbart News has released",
    "Sembler agreed to serve"), nor an incident ("the first attacks allow it to appear")."""
    subjects = [c for c in said.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lemma_.casefold() in rules.triggers and s.pos_ == "NOUN" for s in subjects):
        return False
    if any(a.sector in rules.party_sectors for a in sides):
        return True
    for subject in subjects:
        words = [subject, *(c for c in subject.children if c.dep_ in ("compound", "amod", "appos", "poss"))]
        if {w.lower_ for w in words} & rules.company_words or (subject.ent_type_ == "ORG" and _about_a_firm(said, rules)):
            return False
        if any(is_a_party(side, rules) for side in [subject, *(c for c in subject.children if c.dep_ == "appos")]):
            return True
    return False
