"""An arrest is its own event, about the incident it is for.

"Police have arrested nine suspects after Wednesday's shooting at the museum, in which 21
people died" tells two things: a shooting (Wednesday, 21 dead) and an arrest (nine people, no
toll, on a day of its own). The arrest refers to the shooting; it never carries its dead.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from extract.events.families import ARREST
from extract.events.records import Casualty
from extract.events.triggers import Trigger

TOLL_KINDS = frozenset({"killed", "injured"})
# How far up the parse an incident noun may hang below the arrest ("arrested ... in connection
# with the attack on the museum": attack -> with -> in -> arrested).
MAX_STEPS = 6


def split_tolls(casualties: Sequence[Casualty]) -> tuple[list[Casualty], list[Casualty]]:
    """(the killed and injured, everyone else): the dead belong to the incident, the arrested to
    the arrest."""
    tolls = [c for c in casualties if c.kind in TOLL_KINDS]
    return tolls, [c for c in casualties if c.kind not in TOLL_KINDS]


def other_triggers(triggers: Sequence[Trigger]) -> list[Trigger]:
    """The sentence's words that may tell the incident the arrest is for."""
    return [t for t in triggers if t.family != ARREST]


def incident_phrase(arrest: Token, verb: Token | None, triggers: Sequence[Trigger],
                    prepositions: frozenset[str]) -> Span | None:
    """The phrase naming the incident an arrest is for: an incident noun reached from the arrest
    word or its verb through a preposition ("after Wednesday's shooting", "in connection with the
    attack", "a warrant in the killing of ..."), with every word below it; None when there is none."""
    anchors = {arrest.i, arrest.head.i if arrest.dep_ in ("compound", "amod") else arrest.i}
    if verb is not None:
        anchors.add(verb.i)
    for trigger in triggers:
        token = trigger.token
        if token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN"):
            token = token.head  # "the shooting death of a woman"
        top = _preposition_above(token, anchors, prepositions) if token.pos_ in ("NOUN", "PROPN") else None
        if top is not None:
            return token.doc[top.left_edge.i:top.right_edge.i + 1]
    return None


def _preposition_above(token: Token, anchors: set[int], prepositions: frozenset[str]) -> Token | None:
    """The word hanging from an anchor whose phrase holds the token, when a preposition that says
    what an arrest is for lies on the way ("in" of "in connection with the shooting death ... on
    Monday"; seeds/events/arrest_for.csv), else None."""
    node, through = token, False
    for _ in range(MAX_STEPS):
        if node.i in anchors or node.head.i == node.i:
            return None
        through = through or (node.dep_ in ("prep", "agent") and node.lower_ in prepositions)
        if node.head.i in anchors:
            return node if through else None
        node = node.head
    return None


def within(start: int, phrase: Span | None) -> bool:
    """Whether a Doc offset lies inside the phrase."""
    return phrase is not None and phrase.start_char <= start < phrase.end_char
