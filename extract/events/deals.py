"""Meetings and deals: an event only between two sides, one of them a state's or an armed party,
not a law signed, a place visited, a meeting with the public, a membership or a view shared."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from extract.events.families import AGREEMENT
from extract.events.parties import has_a_party
from extract.events.readings import a_law, a_membership, spoken_of, visits_no_one, with_the_public
from extract.events.records import EventActor
from extract.events.rules import EventRules

_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def _participants(actors: Sequence[EventActor]) -> tuple[int, int]:
    sides = sum(1 for a in actors if a.role in ("actor", "claimant"))
    others = sum(1 for a in actors if a.role in ("target", "victim"))
    return sides, others


def _has_two_sides(trigger: Token, actors: Sequence[EventActor]) -> bool:
    """ "Benin and Nigeria signed", "X met with Y", "an agreement between X and Y", "talks
    with Y"; a noun needs its own sides ("In a meeting that day he was told" has none)."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return any(c.dep_ == "prep" and c.lower_ in ("between", "with", "among", "against", "on")
                   for c in trigger.children) or any(  # "the meeting of Cyprus, Greece and Israel"
            c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and any(g.dep_ == "conj" for g in o.children)
                                                          for o in c.children) for c in trigger.children) or (
            any(c.dep_ == "poss" for c in trigger.children)
            and any(c.dep_ == "prep" and c.lower_ in ("to", "with", "on") for c in trigger.children))
    if any(c.dep_ == "nsubj" for c in trigger.children) and any(
            c.dep_ == "prep" and c.lower_ in ("with", "to", "between") and any(g.dep_ == "pobj" for g in c.children)
            for c in trigger.children):
        return True  # "ten rebels surrendered to security forces"
    sides, others = _participants(actors)
    if sides and others:
        return True
    subject = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and any(c.dep_ == "conj" for c in subject.children):
        return True
    between = next((c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    return between is not None


def names_someone(actors: Sequence[EventActor], trigger: Token) -> bool:
    doc = trigger.doc
    for actor in actors:
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is not None and any(t.ent_type_ in _NAMED or t.pos_ == "PROPN" for t in span):
            return True
    return False


def a_view(agreed: Token, rules: EventRules) -> bool:
    """ "agreed that the current agreement had worked relatively well": a view shared; "agreed
    that their countries should cooperate" is a course of action agreed."""
    clauses = [c for c in agreed.children if c.dep_ == "ccomp"]
    return bool(clauses) and not any(a.dep_ == "aux" and a.lower_ in rules.modals.not_a_report
                                     for c in clauses for a in c.children)


def between_parties(token: Token, verb: Token | None, as_verb: bool, actors: Sequence[EventActor],
                     rules: EventRules, family: str) -> bool:
    """A meeting or a deal: a state party and two sides, not a law signed, a place visited or a
    deal spoken of ("criticized the Paris agreement")."""
    if not has_a_party(actors, token, verb, rules) or a_law(token, verb, rules) or visits_no_one(token):
        return False
    if with_the_public(token, rules):
        return False  # "a meeting with reporters", "a town hall meeting"
    if not as_verb and a_membership(token, rules):
        return False  # "Brazil is part of a pact between the EU and Mercosur"
    if as_verb and token.lemma_.casefold() == "agree" and a_view(token, rules):
        return False  # "agreed that the agreement had worked": a view shared, not a deal
    if not as_verb and verb is not None and spoken_of(verb, rules):
        return False
    if not as_verb and _has_two_sides(token, actors):
        return True  # "an agreement with rebellious soldiers", "sanctions against Russia"
    if family == AGREEMENT and not as_verb and verb is not None and verb.lemma_.casefold() not in rules.making_verbs:
        return False  # "demonstrated its commitment to quota agreements": a deal spoken of, not made
    return _has_two_sides(token if as_verb or verb is None else verb, actors) and names_someone(actors, token)
