"""Detection: whether a typed sentence reports one specific incident.

Not events: round-ups ("The battles have killed thousands"), generic talk ("attacks on
churches are rare"), a plan ("by launching attacks, ISIS aims to ..."), and verbs without the
participants that make them events: "agreed", "met" or "released" need who and with whom.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from extract.events.deals import a_view, between_parties, names_someone
from extract.events.families import (
    ACCIDENT,
    BASE,
    CLAIM,
    CRIME,
    FORCE_FAMILIES,
    HARM,
    PROPERTY,
    SPOKEN_FAMILIES,
    TERRITORY,
    VERBAL,
    WITHDRAWAL,
)
from extract.events.parties import speaks_for_a_party
from extract.events.readings import (
    blocks_no_way,
    hands_over_money,
    no_hazard_acts,
    objects_of,
    seizes_no_place,
    seizes_on,
    tells_no_incident,
)
from extract.events.records import Casualty, EventActor
from extract.events.rules import EventRules
from extract.events.triggers import Trigger

PAST_TAGS = frozenset({"VBD", "VBN"})
COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "prep", "dative", "attr", "advcl"})
FINDING_VERBS = frozenset({"find", "discover", "leave"})  # "was found lying shot", "left him bleeding"
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "another", "its", "their", "his", "her", "our"})
REFERRING = frozenset({"the", "this", "that", "these", "those", "its", "their"})
ADDING = frozenset({"another", "other", "second", "third", "fourth", "new", "separate", "further", "more"})
MONEY_IS_NOT_TAKEN = frozenset({WITHDRAWAL, TERRITORY, PROPERTY})  # money moved is no place taken, no looting
# Families whose words name no incident of their own: what is said, met, agreed or set up.


def is_roundup(verb: Token | None, rules: EventRules, sentence_text: str = "") -> bool:
    """ "The battles have killed thousands of ISIS fighters": a total over many events, told in
    the perfect; "76 shooting victims during January", "the war has killed 500,000": a tally over
    a period; "Suicide bombings Sunday and Monday killed 26 people" is an incident."""
    if rules.roundup_periods.search(sentence_text):
        return True
    if verb is None or not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in rules.roundup_subjects for c in verb.children)


def is_specific_noun(trigger: Token) -> bool:
    """ "an attack", "the blast", "Monday's shooting", "two explosions": one incident, not a kind."""
    if trigger.tag_ in ("NN", "NNP") or trigger.pos_ == "PROPN":
        return True
    return any(c.dep_ in ("det", "poss", "nummod") for c in trigger.children)


def is_event_verb(verb: Token, rules: EventRules) -> bool:
    """A verb that reports something done: past tense or passive, or present in a headline
    ("Gunmen kill five"); not an infinitive or a gerund of purpose ("aims to attack")."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    modals = rules.modals.not_a_report
    if auxiliaries & modals and not auxiliaries >= {"to", "have"}:
        return False  # "to attack", "will attack", "could be planned"; not "claimed to have seized"
    if verb.tag_ in PAST_TAGS or any(c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.dep_ in ("ccomp", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ in modals - {"to"} for c in verb.head.children):
        return False  # "they can help a visitor understand the anger of a demonstrator": a present under a modal
    if verb.tag_ == "VB":  # a caption: "Police investigate ..."; not "help a visitor understand ..."
        return verb.dep_ not in ("ccomp", "xcomp", "advcl") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.tag_ == "VBG" and verb.dep_ == "xcomp" and verb.head.lemma_.casefold() in FINDING_VERBS:
        return is_event_verb(verb.head, rules)  # "she was found suffering from a gunshot wound"
    if verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "xcomp", "csubj"):
        return False
    return verb.tag_ in ("VBZ", "VBP", "VBG")


def _stated_intent(verb: Token) -> bool:
    """ "Iran will retaliate", "Libya would hand over": a statement of intent is itself an act
    (PLOVER codes it); the event's modality says it is future."""
    return verb.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in verb.children)


def _argument_of_a_report(noun: Token, rules: EventRules) -> bool:
    """ "Thousands of protesters have staged rallies": a plural noun that did or underwent what a
    reporting verb in the past tense says is a specific group, not a kind."""
    head = noun.head if noun.dep_ != "pobj" else noun.head.head
    if head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ in ("NUM", "NOUN"):
        head = head.head  # "Thousands of protesters" -> the verb
    elif noun.dep_ in ("nsubj", "nsubjpass", "dobj"):
        head = noun.head
    # "Japan decides new sanctions": a headline's present tense, said of its object ("such attacks
    # aim to show" is a kind, not an incident)
    headline = noun.dep_ == "dobj" and head.dep_ == "ROOT" and head.tag_ in ("VBZ", "VBP")
    return head.pos_ == "VERB" and (_finite_past(head) or headline) and is_event_verb(head, rules)


def _finite_past(verb: Token) -> bool:
    """ "were shot", "have staged", "clashed": a past the clause asserts; "police being shot" (a
    gerund, said of no time) is none."""
    if verb.tag_ == "VBD":
        return True
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and (not helpers or any(h.tag_ != "VBG" for h in helpers))


def _words_against_words(verb: Token, rules: EventRules) -> bool:
    """ "Erdogan attacked the proclamation", "withdrew from the treaty": a verb of force or of
    territory whose object is words, a policy or an agreement."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
                if o.dep_ in ("pobj", "pcomp")]
    return any(o.lemma_.casefold() in rules.verbal_objects or o.lower_ in rules.verbal_objects for o in objects) or (
        _said_alongside(verb, rules))


def _said_alongside(verb: Token, rules: EventRules) -> bool:
    """ "after she attacked law enforcement officers nationwide and blamed police shootings on
    implicit bias": a verb of force joined to a verb of speech is said, not done."""
    joined = [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else [])
    return any(j.pos_ == "VERB" and any(w.family in (VERBAL, CLAIM)
                                        for w in rules.triggers.get(j.lemma_.casefold(), ()))
               for j in joined)  # not "attacked the convoy and said they would strike again"


def _a_market_moves(verb: Token, rules: EventRules) -> bool:
    """ "Shares of ChemLawn shot up 11-5/8", "oil prices crashed", "the collapse in the oil price":
    the subject, or what the noun is of, is a market's."""
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.casefold() in rules.market_nouns for c in verb.children):
        return True
    return verb.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ in ("in", "of") and any(
            o.dep_ == "pobj" and o.lemma_.casefold() in rules.market_nouns for o in c.children) for c in verb.children)


def _nobody(token: Token, verb: Token | None) -> bool:
    """ "No one was arrested", "police made no arrests", "No arrests yet": nothing happened."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return True
    for head in (token, verb):
        for child in head.children if head is not None else ():
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                    child.lower_ in ("nobody", "none") or any(c.lower_ == "no" for c in child.children)):
                return True
            if child.dep_ == "neg":
                return True
    return False


@dataclass(frozen=True)
class SentenceFacts:
    """What else a sentence holds, besides its trigger, that makes it an event or not."""

    actors: Sequence[EventActor]
    casualties: Sequence[Casualty]
    has_date: bool
    has_place: bool
    has_cue: bool  # a class cue typed it (not only the family's default)
    strikes: bool  # it tells harm or a hit: another violent word, a casualty, "hit", "exploded"
    names_an_area: bool = False  # "the province", "a village": a place without a name
    armed: bool = False  # another word of the sentence names a weapon or harm ("a gun", "wounded")
    names_a_place: bool = False  # the trigger's own place ("in X", "near X"), resolved or not
    state_party: bool = False  # police, troops, rebels or officials are a side of the trigger
    thing: bool = False  # a thing that burns, collapses or crashes is a side of the trigger
    after_an_incident: bool = False  # an earlier sentence of the article reported an incident


def is_literal(actors: Sequence[EventActor], facts: SentenceFacts, rules: EventRules) -> bool:
    """An attack or crime word is meant literally when the sentence gives a victim or a count, a
    person attacked, a weapon or harm, a side with a sector (police, troops, rebels, civilians),
    a thing struck or robbed ("robbed a home at gunpoint", "his house was struck by eight rounds"): "each attack" in a campaign, "an uphill battle", "came under attack by dozens
    of women" are not. A place alone does not make it literal ("Trump was attacked by Clinton
    over Israel"), but an incident noun with its place and its day does ("the attacks in Paris
    last month")."""
    return (bool(facts.casualties) or facts.armed or facts.state_party or facts.thing or any(a.sector for a in actors)
            or any(a.role in ("target", "victim") and a.text.split()[-1].casefold() in rules.victim_nouns
                   for a in actors))


def _done_to_someone(token: Token) -> bool:
    """ "Two men robbed him", "a driver was robbed at gunpoint": a crime verb with its victim."""
    return token.pos_ == "VERB" and any(c.dep_ in ("dobj", "nsubjpass") for c in token.children)


PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "i", "me", "we", "us"})


def _done_to_a_person(verb: Token, rules: EventRules) -> bool:
    """ "Navalny was poisoned", "poisoned her husband", "released two hostages": the verb's object
    is a person, by name, by pronoun or by a noun of people (victim_nouns.csv, captive_nouns.csv)."""
    done_to = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    done_to += [c for d in done_to for c in d.conjuncts]  # "Skripal and his daughter"
    return verb.pos_ == "VERB" and any(
        d.ent_type_ == "PERSON" or d.lower_ in PERSONAL_PRONOUNS or d.lemma_.casefold() in rules.victim_nouns
        or d.lemma_.casefold() in rules.captive_nouns for d in done_to)


def _a_named_place_or_a_loser(verb: Token) -> bool:
    """ "recaptured Mokha", "Palmyra was retaken", "it was recaptured from the Houthis": a town
    taken by name, or a side it was taken from."""
    taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    taken += objects_of(taken, ("of",))  # "the town of Kidal"
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.pos_ == "PROPN" for t in taken) or bool(
        objects_of([verb, *taken], ("from",)))  # "recaptured from the Houthis", "captured positions from its rival"


def _driven_into_people(verb: Token, rules: EventRules) -> bool:
    """ "drove his car into a crowd of protesters", "plowed into pedestrians", "mowed down people":
    a vehicle driven into people, a crowd or a market (victim_nouns.csv, crowd_nouns.csv)."""
    struck = objects_of([verb], ("into", "through"))
    if any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        struck += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]  # "mowed down people"
    struck += objects_of(struck, ("of",))  # "a crowd of people"
    return verb.pos_ == "VERB" and any(
        s.lemma_.casefold() in rules.victim_nouns or s.lemma_.casefold() in rules.crowd_nouns for s in struck)


def _placed_and_dated_noun(token: Token, as_verb: bool, facts: SentenceFacts) -> bool:
    """ "Sunday's attack in Orlando", "a fire in Karol Bagh early Tuesday": an incident noun
    with its place and its day."""
    return not as_verb and is_specific_noun(token) and facts.has_date and facts.names_a_place


def reports_incident(trigger: Trigger, verb: Token | None, needs: str, facts: SentenceFacts,
                     rules: EventRules) -> bool:
    """Whether the sentence holds what its trigger's family needs to be an event
    (seeds/events/families.csv): anything concrete, a casualty, a place, a cue, a participant,
    two sides, or a named speaker. Long because it is one ordered chain of checks, each a line
    with the sentence it refuses; the order is the rule (a general refusal before a family's)."""
    actors, casualties, has_date, has_place = facts.actors, facts.casualties, facts.has_date, facts.has_place
    token = trigger.token
    as_verb = token.pos_ in ("VERB", "AUX") or (verb is not None and verb.i == token.i)
    if verb is not None and not is_event_verb(verb, rules) and not (needs == "named actor" and _stated_intent(verb)):
        return False  # "aims to attack", "by launching attacks"
    if not as_verb and token.tag_ in ("NNS", "NNPS") and not is_specific_noun(token) and not (
            casualties or has_date or _argument_of_a_report(token, rules)):
        return False  # "attacks on churches are rare", "after lightning ISIS offensives in Iraq"
    if trigger.family in MONEY_IS_NOT_TAKEN and as_verb and hands_over_money(token):
        return False  # "donors handed over $25 million", "they systematically looted millions of dollars"
    if needs == "person":
        return _done_to_a_person(token, rules)  # "Navalny was poisoned", not "poisoned the debate"
    if needs == "people struck":
        return _driven_into_people(token, rules)  # "driving his car into a crowd", not "drove into town"
    if needs == "casualty":
        return bool(casualties)  # "he later died", "nobody else was hurt": only adds to an incident
    if _nobody(token, verb):
        return False  # "no one has been arrested"
    if needs == "place":
        if trigger.family == WITHDRAWAL and not (facts.state_party or any(a.sector for a in actors)):
            return False  # "the prime minister was evacuated to New Zealand": no armed side leaves
        if trigger.family == TERRITORY and as_verb and not (
                facts.state_party or any(a.sector for a in actors) or _a_named_place_or_a_loser(token)):
            return False  # "the mosque opened, taking over a building": no side, no town
        if trigger.family == TERRITORY and as_verb and seizes_no_place(token, rules) and not facts.has_cue:
            return False  # "police seized the drugs", "emails were captured"
        return not (verb is not None and _words_against_words(verb, rules)) and (
            has_place or facts.names_an_area)
    if needs == "cue":
        if trigger.family == BASE and not (facts.state_party or any(a.sector for a in actors)):
            return False  # "building a base there": a following, not an armed side's base
        return facts.has_cue
    if needs == "harm":
        return facts.strikes
    if trigger.family in FORCE_FAMILIES and verb is not None and verb.i == token.i and _words_against_words(verb, rules):
        return False
    if trigger.family in FORCE_FAMILIES | {HARM, ACCIDENT} and (
            _a_market_moves(token, rules) or (verb is not None and _a_market_moves(verb, rules))):
        return False
    if trigger.family == TERRITORY and as_verb and seizes_on(token):
        return False  # "seized on the issue", "seized on cap-and-trade as a political weapon"
    if as_verb and blocks_no_way(token, rules):
        return False  # "Senate Democrats blocked a funding package"
    if tells_no_incident(token, as_verb, bool(casualties), rules):
        return False  # "a plant which burns coal", "if civil unrest were to take place", "counts of homicide"
    if needs == "physical" and as_verb and no_hazard_acts(token, rules):
        return False  # "the fracas erupted"
    if needs in ("literal", "physical", "thing"):
        return _physically_told(trigger, as_verb, needs, facts, rules)
    if needs == "participants":
        return between_parties(token, verb, as_verb, actors, rules, trigger.family)
    if needs == "named actor":  # "Libya offered to hand over ...", not "police asked for help"
        sides = [a for a in actors if a.role in ("actor", "claimant")]
        said = verb if verb is not None else token
        if said.lemma_.casefold() == "agree" and a_view(said, rules):
            return False  # "agreed that the agreement had worked": a view shared, not a deal
        if said.lemma_.casefold() in rules.person_verbs and not _done_to_a_person(said, rules):
            return False  # "released 4,900 tonnes of tin": no one released
        return (names_someone(sides, token) and any(c.dep_ in COMPLEMENTS for c in said.children)
                and speaks_for_a_party(said, sides, rules))
    if needs == "participant":
        if token.lemma_.casefold() in rules.authority_verbs and not facts.state_party:
            return False  # "They catch her randomly"
        if trigger.family == CLAIM and not (facts.strikes or facts.armed or _about_an_incident(verb or token, rules)):
            return False  # "He blames mass media for their failure": blame for no incident
        return bool(actors) or bool(casualties)
    concrete = bool(casualties) or has_date or has_place or bool(actors)
    return concrete or (not as_verb and is_specific_noun(token))


def _about_an_incident(word: Token, rules: EventRules) -> bool:
    """ "claimed responsibility for the Cambrils attack": the claim's own phrase names an incident."""
    return any(w.family not in SPOKEN_FAMILIES for t in word.subtree for w in rules.triggers.get(t.lemma_.casefold(), ()))


def _physically_told(trigger: Trigger, as_verb: bool, needs: str, facts: SentenceFacts, rules: EventRules) -> bool:
    """Whether an attack or crime word (literal), a disaster (physical) or a crash, fire or
    collapse (thing) is meant literally, by its arguments (seeds/events/families.csv)."""
    token = trigger.token
    told_before = facts.after_an_incident and refers_back(token)  # "the explosion" of an incident told before
    if needs == "literal":
        return (token.lemma_.casefold() in rules.literal_triggers or is_literal(facts.actors, facts, rules)
                or told_before or _placed_and_dated_noun(token, as_verb, facts)
                or (trigger.family == CRIME and _done_to_someone(token)))
    if needs == "physical":
        return (bool(facts.casualties) or facts.has_place or facts.names_a_place or facts.armed
                or facts.names_an_area or facts.state_party)
    return (bool(facts.casualties) or facts.armed or facts.thing or told_before
            or _placed_and_dated_noun(token, as_verb, facts))


def refers_back(trigger: Token) -> bool:
    """ "the attack", "this explosion", "its attack", "Saturday's attack": a trigger that names
    an incident told before. "The Orlando massacre" names its own place: it is the incident of
    that place, told before or not."""
    if any(c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("GPE", "LOC", "FAC") for c in trigger.children):
        return False
    return any(c.dep_ in ("det", "poss") and (c.lower_ in REFERRING or c.ent_type_ in ("DATE", "TIME"))
               for c in trigger.children)


def adds_another(trigger: Token) -> bool:
    """ "another attack", "a second explosion": a new incident like the one before; "the second
    blast" is a part of one already told."""
    own = list(trigger.children) + (list(trigger.head.children) if trigger.dep_ == "compound" else [])
    if any(c.dep_ == "det" and c.lower_ in REFERRING for c in own):
        return False
    return any(c.lower_ in ADDING for c in own if c.dep_ in ("det", "amod"))  # "a separate shooting incident"
