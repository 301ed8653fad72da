"""Readings that tell no incident, whatever the trigger: a condition, a capability, a habit, a
charge read in court, one person's illness, a law signed, a deal spoken of, a visit to a place
described, a natural verb whose subject is no hazard, a seizure of no place, a blockade of no
way, a meeting with the public. Each is a rule on the parse; the words they look for are
seeds/events/unreal_words.csv, charge_words.csv, law_nouns.csv, disease_words.csv,
outbreak_counts.csv, hazard_subjects.csv, site_nouns.csv, way_verbs.csv, audience_nouns.csv
and membership_nouns.csv.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from extract.events.families import NATURAL, VERBAL
from extract.events.records import Casualty
from extract.events.rules import EventRules

NATURAL_DISASTER = "Natural disaster"
# "blocked transport into Abidjan", "access to the port": a way to a place; not "the desegregation of schools"
WAY_PREPOSITIONS = frozenset({"into", "to", "from", "at", "through", "across", "on"})
# How far up the parse a trigger may hang below the word that makes it unreal.
MAX_STEPS = 3
# A condition or a present "when" may sit further up: "when the media gets a video of a black
# person getting shot" (shot -> getting -> person -> video -> gets).
WHEN_STEPS = 6
REFLEXIVE = frozenset({"himself", "herself", "themselves", "myself", "yourself", "ourselves", "oneself"})


def tells_no_incident(token: Token, as_verb: bool, has_victims: bool, rules: EventRules) -> bool:
    """ "a missile capable of hitting", "if civil unrest were to take place", "a plant which burns
    coal", "often blame", "seven counts of negligent homicide" (a charge with no victim told), "is
    expected to be ratified", "problems like drought"."""
    return (a_capability(token, rules) or conditional(token, rules) or (as_verb and a_habit(token, rules))
            or (a_charge(token, rules) and not has_victims) or a_prospect(token, rules)
            or an_example(token, rules))


def an_example(token: Token, rules: EventRules) -> bool:
    """ "problems like drought and extreme floods": a kind given as an example of others
    (unreal_words.csv, kind example), with no article or number of its own; "like the bombing in
    Ankara" names one."""
    noun = token
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # "like drought and extreme floods": floods is drought's conjunct
    if noun.dep_ != "pobj" or rules.unreal_words.get(noun.head.lower_) != "example":
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") for c in (*token.children, *noun.children))


def self_inflicted(verb: Token) -> bool:
    """ "Peter Kaisen shot himself", "killed herself": a suicide or a wound of one's own making is
    no attack. "Blew himself up" (a particle: a suicide bombing) still is."""
    return any(c.dep_ == "dobj" and c.lower_ in REFLEXIVE for c in verb.children) and not any(
        c.dep_ == "prt" for c in verb.children)


def _ancestors(token: Token, steps: int = MAX_STEPS) -> list[Token]:
    found, node = [], token
    for _ in range(steps):
        if node.head.i == node.i:
            break
        node = node.head
        found.append(node)
    return found


def a_capability(token: Token, rules: EventRules) -> bool:
    """ "a longer-range missile capable of hitting most areas of Iraq": what a weapon can do is
    no attack. The trigger hangs (within three words) from "capable", "able", "designed"."""
    return any(rules.unreal_words.get(node.lower_) == "capability" for node in _ancestors(token))


def a_prospect(token: Token, rules: EventRules) -> bool:
    """ "The accord is expected to be ratified next month", "the two leaders are scheduled to meet":
    what is expected, scheduled or due has not happened. The trigger, or a word above it, is
    "expected" (seeds/events/unreal_words.csv, kind prospect) with a "to" clause."""
    node = token
    for _ in range(MAX_STEPS):
        if rules.unreal_words.get(node.lower_) == "prospect" and any(
                c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "nsubj", "nsubjpass", "dobj") or node.head.i == node.i:
            return False  # not through "after the bombing killed 40" up to "the toll is expected to rise"
        node = node.head
    return False


def conditional(token: Token, rules: EventRules) -> bool:
    """ "if major war, civil unrest or economic instability were to take place", "in case of mass
    arrests", "when someone dies in custody": the trigger's clause, or one of those above it, is a
    condition, or a "when" clause in the present (any time it happens). "In the case of the two
    worst explosions" and "when he was shot" are none."""
    for node in [token, *_ancestors(token, WHEN_STEPS)]:
        if any(c.dep_ == "mark" and rules.unreal_words.get(c.lower_) == "condition" for c in node.children):
            return True
        if node.tag_ in ("VBZ", "VBP") and node.lemma_ not in rules.report_verbs and any(
                c.dep_ == "advmod" and c.lower_ == "when" for c in node.children):  # not "That's when police say"
            return True  # "requiring police to report when someone dies in custody": any time it happens
        if node.lower_ == "case" and node.head.lower_ == "in" and not any(c.dep_ == "det" for c in node.children):
            return True
        if _supposed(node, rules):
            return True  # "Say Mexico demanded that ...", "Suppose the talks collapse": a case imagined
    return False


def _supposed(node: Token, rules: EventRules) -> bool:
    """The clause opens with an imperative that imagines a case ("Say", "Suppose", "Imagine"),
    whether the parser makes it the root or an auxiliary of the clause."""
    opening = node.sent[0]
    if rules.unreal_words.get(opening.lower_) != "supposition":
        return False
    if node.dep_ == "ROOT" and node.i == opening.i:
        return not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
    return opening.head.i == node.i and opening.dep_ in ("aux", "advmod", "intj", "dep")


def a_habit(verb: Token, rules: EventRules) -> bool:
    """ "Trump and Sanders often blame China"; "a coal-fired plant which burns pulverized coal": a
    present-tense verb in a relative clause tells what something does, not what happened."""
    if any(c.dep_ == "advmod" and rules.unreal_words.get(c.lower_) == "habit" for c in verb.children):
        return True
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    return verb.dep_ == "relcl" or (verb.dep_ in ("advcl", "ccomp") and _kind_of_people(verb))


def _kind_of_people(verb: Token) -> bool:
    """ "because people fight over limited resources": a bare plural subject, no article, number or
    possessive, does what people of that kind do at any time."""
    return any(c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS")
               and not any(d.dep_ in ("det", "poss", "nummod", "amod") for d in c.children)
               for c in verb.children)


def a_charge(token: Token, rules: EventRules) -> bool:
    """ "pleaded not guilty to seven counts of negligent homicide", "charged with murder", "on
    suspicion of burglary": a crime named as a charge reports no incident of its own; the
    incident is told where it happened."""
    node = token
    for _ in range(MAX_STEPS):
        if node.head.i == node.i:
            return False
        if node.dep_ == "pobj" and node.head.lower_ in ("of", "with") and (
                node.head.head.lower_ in rules.charge_words or node.head.head.lemma_.casefold() == "charge"):
            return True
        node = node.head
    return False


def an_illness_not_an_outbreak(event_class: str, text: str, casualties: Sequence[Casualty], rules: EventRules) -> bool:
    """ "Conway died on Saturday, reportedly from COVID-19", "as cases of coronavirus increased
    in Florida": a disease is an incident only as an outbreak the sentence counts ("2,741
    confirmed cases", "the virus had killed at least 813 in China"), never one person's illness."""
    if event_class != NATURAL_DISASTER or rules.disease_words is None or not rules.disease_words.search(text):
        return False
    counted = sum(c.n for c in casualties if c.kind in ("killed", "injured") and c.victim_key is None)
    return counted < 2 and not (rules.outbreak_counts is not None and rules.outbreak_counts.search(text))


def a_law(token: Token, verb: Token | None, rules: EventRules) -> bool:
    """ "signed the bill into law", "Ivey signed the Alabama Human Life Protection Act": what is
    signed or passed is a law, not a pact between parties."""
    said = verb if verb is not None else token
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.casefold() in rules.law_nouns for c in said.children)


def spoken_of(verb: Token, rules: EventRules) -> bool:
    """ "Trump and Cruz have criticized the Paris agreement", "scrap the nuclear agreement": the
    noun hangs from a verb of speech (a PLOVER verbal trigger), which is about it; "agreed to a
    ceasefire" makes one."""
    return any(w.family == VERBAL and w.plover_type != "AGREE" for w in rules.triggers.get(verb.lemma_.casefold(), ()))


def visits_no_one(token: Token) -> bool:
    """ "Obama barely visited the state in 2008", "he visited Clinton's Brooklyn headquarters": a
    visit is diplomacy only to a named party ("visited Mexico"), not to a place described."""
    return token.lemma_.casefold() == "visit" and token.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" for c in token.children)


def no_hazard_acts(verb: Token, rules: EventRules) -> bool:
    """ "The fracas erupted", "imports flooded the market", "millions of people flooding into
    Europe": the subject of a natural verb is no hazard (a volcano, a river, a named mountain, a
    storm)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        subjects = [verb.head]  # "people flooding into Europe": the noun the clause describes
    return bool(subjects) and not any(
        s.pos_ == "PROPN" or s.lemma_.casefold() in rules.hazard_subjects
        or any(w.family == NATURAL for w in rules.triggers.get(s.lemma_.casefold(), ())) for s in subjects)


def seizes_no_place(verb: Token, rules: EventRules) -> bool:
    """ "Police seized the drugs", "emails were captured", "robots taking over waitressing",
    "seized on the issue": what is taken is a thing, not a town, a base or people. A place, an
    area ("the town of Kidal"), a street, a named side or a person keeps the event."""
    if seizes_on(verb):
        return True  # "seized on the issue": to use it, not to take it
    taken = [c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "nsubjpass")]
    taken += [m for t in taken for m in t.children if m.dep_ in ("compound", "amod")]  # "two rebel commanders"
    return bool(taken) and not any(_a_place_or_side(t, rules) for t in taken)


def a_membership(token: Token, rules: EventRules) -> bool:
    """ "Brazil is part of a pact", "a signatory to the treaty", "a member of the alliance": a
    side belonging to a deal or a group, not a deal made or a meeting held."""
    preposition = token.head if token.dep_ == "pobj" else None
    return (preposition is not None and preposition.lower_ in ("of", "to")
            and preposition.head.lemma_.casefold() in rules.membership_nouns)


def objects_of(words: Sequence[Token], prepositions: Sequence[str]) -> list[Token]:
    """The nouns the words govern through these prepositions: "of people" in "a crowd of people"."""
    return [o for w in words for p in w.children if p.dep_ == "prep" and p.lower_ in prepositions
            for o in p.children if o.dep_ == "pobj"]


def hands_over_money(verb: Token) -> bool:
    """ "Wealthy donors handed over $25 million", "investors pulled out $3 billion", "looted
    millions of dollars from investors": money given, taken back or embezzled is no territory
    changing hands and no looting."""
    moved = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    moved += objects_of(moved, ("of",))  # "millions of dollars"
    return any(m.ent_type_ == "MONEY" or m.lemma_ in ("dollar", "dlr") or any(c.tag_ == "$" for c in m.children)
               for m in moved)  # the thing moved itself, not one of its conjuncts ("two handguns ... and $14,000")


def blocks_no_way(verb: Token, rules: EventRules) -> bool:
    """ "Senate Democrats blocked a funding package", "authorities have blocked 400,000 websites":
    blocking is a protest only of a way or a place ("protesters blocked the highway",
    seeds/events/way_verbs.csv)."""
    if verb.lemma_.casefold() not in rules.way_verbs:
        return False
    blocked = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    blocked += [o for b in blocked for p in b.children if p.dep_ == "prep" and p.lower_ in WAY_PREPOSITIONS
                for o in p.children if o.dep_ == "pobj"]
    return not blocked or not any(  # "blocked transport into Abidjan", "blocked access to the port"
        b.ent_type_ in ("GPE", "LOC", "FAC") or b.lemma_.casefold() in rules.site_nouns | rules.area_nouns
        | rules.physical_nouns for b in blocked)


def seizes_on(verb: Token) -> bool:
    """ "seized on cap-and-trade as a political weapon": to seize on something is to use it."""
    return any(c.dep_ == "prep" and c.lower_ == "on" and any(
        o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in c.children) for c in verb.children) and not any(
        c.dep_ == "dobj" for c in verb.children)


def _a_place_or_side(word: Token, rules: EventRules) -> bool:
    lemma = word.lemma_.casefold()
    return (word.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP", "PERSON") or word.pos_ in ("PROPN", "PRON")
            or lemma in rules.area_nouns or lemma in rules.site_nouns or lemma in rules.sectors
            or lemma in rules.victim_nouns)


def with_the_public(token: Token, rules: EventRules) -> bool:
    """ "a meeting on Monday with reporters", "a shareholders' meeting", "a town hall meeting", "an
    electoral meeting":
    whom a party meets is the press or the public, not another party."""
    met = [c for c in token.children if c.dep_ in ("poss", "compound") or (c.dep_ == "amod" and c.lower_ in rules.audience_nouns)]
    met += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children if o.dep_ == "pobj"]
    return bool(met) and all(m.lemma_.casefold() in rules.audience_nouns for m in met)
