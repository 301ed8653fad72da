"""Who: the actors, targets and victims of an event, from the parse around its trigger.

"an assault by Iraqi armed forces" -> actor; "an attack on the museum" -> target; "ISIS
claimed" -> actor; "its suicide bombers" is the previous actor; names go through
seeds/events/actor_aliases.csv ("ISIS", "IS", "Daesh" are the Islamic State) and sectors
through seeds/events/actor_sectors.csv ("forces" MIL, "rebels" REB).
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.events.records import EventActor
from extract.events.rules import EventRules
from nlp.doc_index import DocIndex
from nlp.places import country_for_demonym

PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "who", "which", "that"})


def actor_of(index: DocIndex, token: Token, role: str, ord_: int, rules: EventRules,
           previous_actor: EventActor | None) -> EventActor:
    """An actor from its head token: alias canonical name, sector, country from a nationality
    adjective ("Iraqi armed forces"); "its suicide bombers" is the previous actor's; "a group,
    which claimed" is the group."""
    if token.lower_ in ("which", "who", "that") and token.head.dep_ == "relcl":
        token = token.head.head
    token = _counted(token, rules)
    tokens = [t for t in token.subtree if t.i <= token.i]  # the noun phrase up to its head
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = index.text[start:end]
    possessive = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if possessive is not None and previous_actor is not None:
        return EventActor(role, ord_, text, previous_actor.canonical, previous_actor.sector or rules.sectors.get(
            token.lower_), previous_actor.country_iso3, start, end)
    alias = next((rules.aliases[t.text.casefold()] for t in tokens if t.text.casefold() in rules.aliases), None)
    if alias is None:
        alias = rules.aliases.get(text.casefold())
    # the first sector word wins: "rebel forces" are rebels, "Iraqi armed forces" the military
    sector = (alias.sector if alias else None) or next(
        (rules.sectors[t.lower_] for t in tokens if t.lower_ in rules.sectors), None)
    country = alias.country_iso3 if alias else None
    for t in tokens:
        iso2 = country_for_demonym(t.text, rules.gazetteer)
        if iso2 and country is None:
            country = rules.gazetteer.countries_by_iso2[iso2].country_iso3
    return EventActor(role, ord_, text, alias.canonical if alias else text, sector, country, start, end)


def _counted(token: Token, rules: EventRules) -> Token:
    """ "scores of terrorists", "dozens of soldiers": the people counted, not the count."""
    if token.lower_ in rules.number_words or token.pos_ == "NUM":
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if counted is not None:
            return counted
    return token


def governing_verb(trigger: Token | None) -> Token | None:
    """The trigger if it is a verb, else the verb its noun hangs from ("claimed responsibility
    for an attack" -> claimed)."""
    token = trigger
    for _ in range(6):
        if token is None or token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None



def event_actors(index: DocIndex, trigger: Token | None, verb: Token | None, rules: EventRules,
                 previous_actor: EventActor | None) -> list[EventActor]:
    """The participants around a trigger: "by" and "on"/"against" phrases of a noun trigger,
    the subject, object and agent of its verb ("was" makes its subject the target)."""
    actors: list[EventActor] = []

    def add(token: Token, role: str) -> None:
        actors.append(actor_of(index, token, role, len(actors), rules, previous_actor))

    if trigger is not None and trigger.pos_ in ("NOUN", "PROPN"):
        for prep in trigger.children:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if prep.lower_ == "by":
                    add(pobj, "actor")
                elif prep.lower_ in ("on", "against"):
                    add(pobj, "target")
    if verb is not None:
        for child in _with_shared_objects(verb):
            if child.dep_ == "nsubj" and verb.lemma_ == "be":
                add(child, "target")
            elif child.dep_ == "nsubj":
                add(child, "actor")
            elif child.dep_ in ("dobj", "nsubjpass") and child.lower_ != "responsibility":
                add(child, "target")
            elif child.dep_ == "agent":
                for by in child.children:
                    add(by, "actor")
            elif child.dep_ == "prep" and child.lower_ == "with":
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    add(pobj, "target")  # "met with the IMF", "clashed with police"
    return actors


def _with_shared_objects(verb: Token) -> list[Token]:
    """A verb's children, the object it shares with a conjoined verb ("killed and wounded
    scores of terrorists"), and the subject it shares with the verb it is conjoined to ("Russia
    strikes back at US, expels diplomats")."""
    children = list(verb.children)
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        children += [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not any(c.dep_ in ("dobj", "nsubjpass") for c in children):
        for conj in (c for c in children if c.dep_ == "conj" and c.pos_ == "VERB"):
            children += [c for c in conj.children if c.dep_ == "dobj"]
    return children


def is_state(actor: EventActor, rules: EventRules) -> bool:
    """Whether an actor is a state's: a government or police, or forces with a country
    ("Iraqi armed forces", "the Syrian army") or a state word ("the army"); "Kurdish forces"
    and "rebel forces" are not."""
    if actor.sector in ("GOV", "COP"):
        return True
    if actor.sector != "MIL":
        return False
    words = {w.casefold() for w in actor.text.split()}
    return actor.country_iso3 is not None or bool(words & rules.state_force_words)
