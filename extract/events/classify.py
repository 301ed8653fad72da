"""Typing: an event's class from its whole sentence, the most specific cue first.

"Four rockets fired from Iran slammed into Kilis, killing seven" is a missile attack, not an
attack on civilians; "a gas explosion" is a man-made disaster, not a bomb; "police fired tear
gas at the march" is a protest with intervention. Cues are seeds/events/class_cues.csv; with
none, the trigger's family gives the class (seeds/events/families.csv).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extract.events.families import HARM, VERBAL
from extract.events.rules import ClassCue, EventClass, EventRules
from extract.events.triggers import Trigger

STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
ARMED_SECTORS = frozenset({"MIL", "COP", "REB"})


@dataclass(frozen=True)
class Sides:
    """The sectors of who acts and who is acted on, which decide some classes: who took a place,
    and whether an attack hit armed men (a battle) or civilians."""

    actor: str | None = None
    actor_is_state: bool | None = None  # None when nobody acts in the sentence
    targets: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Typing:
    event_class: EventClass
    trigger: Trigger
    cue: ClassCue | None  # None when the family's default class was taken
    plover_type: str | None
    plover_mode: str | None


def _condition_holds(condition: str | None, sides: Sides) -> bool:
    if condition is None:
        return True
    if condition == "state_actor":
        return sides.actor_is_state is True
    if condition == "non_state_actor":
        return sides.actor_is_state is False
    if condition == "armed_target":  # an organised armed side attacks soldiers or police: a battle
        return bool(sides.targets & ARMED_SECTORS) and sides.actor in ARMED_SECTORS
    if condition == "armed_actor":
        return sides.actor in ARMED_SECTORS | STATE_SECTORS
    raise ValueError(f"unknown cue condition {condition!r}")


def _cue_for(text: str, families: set[str], sides: Sides, rules: EventRules) -> tuple[ClassCue, int] | None:
    for cue in rules.cues:
        if cue.families and not cue.families & families:
            continue
        if not _condition_holds(cue.condition, sides):
            continue
        match = cue.pattern.search(text)
        if match:
            return cue, match.start()
    return None


def _nearest(triggers: Sequence[Trigger], families: frozenset[str], position: int) -> Trigger:
    fitting = [t for t in triggers if not families or t.family in families] or list(triggers)
    return min(fitting, key=lambda t: abs(t.start - position))


def _main_verb(token, rules: EventRules) -> bool:
    """The sentence's main verb, or what its reporting verb reports ("X has accused Y, a member
    of the team said")."""
    if token.dep_ == "ROOT":
        return True
    return token.dep_ == "ccomp" and token.head.dep_ == "ROOT" and token.head.lemma_.casefold() in rules.report_verbs


def classify(text: str, text_start: int, triggers: Sequence[Trigger], rules: EventRules,
             sides: Sides = Sides()) -> Typing | None:
    """Type a sentence (text starting at text_start in the Doc) that has triggers.

    sides are the sectors of who acts and who is acted on ("GOV", "REB"). A sentence whose only triggers speak of harm ("died", "wounded") and that no cue
    types is not typed here: it can only be a further mention of an incident.
    """
    if not triggers:
        return None
    said = next((t for t in triggers if t.family == VERBAL and _main_verb(t.token, rules)), None)
    if said is not None:
        # "Iran threatened to launch a new offensive": what is said, not the offensive it speaks of
        event_class = rules.classes[said.event_class or rules.families[VERBAL].default_class]
        return Typing(event_class, said, None, said.plover_type or event_class.plover_type, None)
    families = {t.family for t in triggers}
    found = _cue_for(text, families, sides, rules)
    if found is not None:
        cue, position = found
        trigger = _nearest(triggers, cue.families, text_start + position)
        event_class = rules.classes[cue.event_class]
    else:
        family = next((f for f in rules.family_order if f in families and f != HARM), None)
        if family is None:
            return None
        cue = None
        trigger = next(t for t in triggers if t.family == family)
        event_class = rules.classes[trigger.event_class or rules.families[family].default_class]
    plover = trigger.plover_type or event_class.plover_type
    mode = event_class.plover_mode if plover == event_class.plover_type else None
    return Typing(event_class, trigger, cue, plover, mode)
