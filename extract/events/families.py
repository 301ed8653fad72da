"""The trigger families the code names, each once: seeds/events/families.csv holds every family
with its default class and what it needs, and the rules refuse to load when a family named here
is missing from it (a typo would otherwise be a rule that silently never fires)."""

from __future__ import annotations

VIOLENCE = "violence"  # attack words: "attacked", "bombing"
HARM = "harm"  # words of death and injury alone: "killed", "wounded"
WEAPON = "weapon"  # weapons named: "a rocket", "a bomb"
TERRITORY = "territory"  # a side takes or retakes a place
WITHDRAWAL = "withdrawal"  # an armed or state side leaves a place
BASE = "base"  # an armed side sets up a base or headquarters
GROUP = "group"  # an armed group forms, splits or merges
PROTEST = "protest"  # protests and strikes
ARREST = "arrest"
CRIME = "crime"
PROPERTY = "property"  # looting and destruction of property
NATURAL = "natural"  # natural disasters
ACCIDENT = "accident"  # man-made disasters and accidents
VERBAL = "verbal"  # statements: "accused", "warned"
CLAIM = "claim"  # claims and blame: about an incident, or about nothing we count
DIPLOMACY = "diplomacy"
AGREEMENT = "agreement"  # a deal between parties

NAMED_IN_CODE = frozenset({VIOLENCE, HARM, WEAPON, TERRITORY, WITHDRAWAL, BASE, GROUP, PROTEST, ARREST, CRIME,
                           PROPERTY, NATURAL, ACCIDENT, VERBAL, CLAIM, DIPLOMACY, AGREEMENT})
# Families whose words speak of an incident rather than report one.
SPOKEN_FAMILIES = frozenset({VERBAL, DIPLOMACY, AGREEMENT, CLAIM, GROUP, BASE})
# Families of force: a side acts on another.
FORCE_FAMILIES = frozenset({VIOLENCE, WEAPON, TERRITORY, WITHDRAWAL})
