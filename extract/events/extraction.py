"""Events of one article: each sentence read for its triggers, facts and type, the reports of one
incident merged into one event, and each arrest tied to the incident it is for."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from extract.budget import check_budget
from extract.events.actors import event_actors, governing_verb, is_state
from extract.events.arrests import incident_phrase, other_triggers, split_tolls, within
from extract.events.assembly import ArticleContext, build_event, told_elsewhere, with_what_they_are_about
from extract.events.casualties import numbered_casualties, people_casualties, zero_casualties
from extract.events.claims import modality_of, responsibility
from extract.events.classify import Sides, Typing, classify
from extract.events.detection import SentenceFacts, adds_another, is_roundup, refers_back, reports_incident
from extract.events.families import (
    ACCIDENT,
    ARREST,
    GROUP,
    HARM,
    NATURAL,
    PROTEST,
    SPOKEN_FAMILIES,
    TERRITORY,
    VIOLENCE,
    WEAPON,
)
from extract.events.incident_dates import DateMention, relative_clause, sentence_date, time_clause
from extract.events.incident_places import address_in, event_place, modifies_a_noun
from extract.events.merge import OTHER, SentenceReport, merge_reports
from extract.events.protests import protests
from extract.events.readings import a_capability, an_illness_not_an_outbreak, self_inflicted
from extract.events.records import Casualty, Event, EventActor
from extract.events.rules import EventRules
from extract.events.triggers import Trigger, find_triggers, trigger_starts
from extract.events.victims import VictimBook
from nlp.doc_index import DocIndex, span_text
from nlp.places import PlaceContext, PlaceMatch, place_key
from nlp.toponyms import PLACE_LABELS, PlaceMention, person_name_keys, place_mentions




def _sides(index: DocIndex, triggers: Sequence[Trigger], rules: EventRules) -> Sides:
    """Who acts and who is acted on around the first trigger of force: "Syrian army" (GOV)
    retakes a town, "rebels" (REB) attack "an army post" (MIL)."""
    trigger = next((t for family in (TERRITORY, VIOLENCE, WEAPON, GROUP) for t in triggers
                    if t.family == family), None)
    if trigger is None:
        return Sides()
    actors = event_actors(index, trigger.token, governing_verb(trigger.token), rules, None)
    actor = next((a for a in actors if a.role == "actor"), None)
    return Sides(actor.sector if actor else None, is_state(actor, rules) if actor else None,
                 frozenset(a.sector for a in actors if a.role == "target" and a.sector))


def _retyped_as_disaster(typing: Typing, actors: Sequence[EventActor], index: DocIndex,
                         rules: EventRules) -> Typing:
    """ "A fire killed five": what killed them is a disaster, not an attacker."""
    if not typing.event_class.violent:
        return typing
    for actor in (a for a in actors if a.role == "actor"):
        span = index.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        lemma = span.root.lemma_.casefold() if span is not None else ""
        if lemma in rules.non_conflict_causes:
            family = next((w.family for w in rules.triggers.get(lemma, ()) if w.family in (ACCIDENT, NATURAL)),
                          NATURAL if rules.disease_words and rules.disease_words.fullmatch(lemma) else ACCIDENT)
            event_class = rules.classes[rules.families[family].default_class]
            return Typing(event_class, typing.trigger, None, event_class.plover_type, event_class.plover_mode)
    return typing


def _only_self_harm(typing: Typing, triggers: Sequence[Trigger], context: ArticleContext) -> bool:
    """ "Peter Kaisen shot himself": a wound of one's own making and nothing else. Where the article
    has told an incident already ("the suspect then shot himself"), or the sentence tells harm done
    to others, it is part of that incident."""
    if context.n_incidents > 0 or not self_inflicted(typing.trigger.token):
        return False
    return not any(t.family == typing.trigger.family and not self_inflicted(t.token)
                   and t.token.i != typing.trigger.token.i for t in triggers)


def _typed_other(typing: Typing, rules: EventRules) -> Typing:
    other = rules.classes[OTHER]
    return Typing(other, typing.trigger, None, other.plover_type, other.plover_mode)


def _needs(typing: Typing | None, trigger: Trigger, rules: EventRules) -> str:
    """What the sentence must hold: a statement needs a named speaker; a family that types only
    by cue ("set up", "defected") needs its cue; else what the class needs
    (seeds/events/event_classes.csv); words of harm alone need a casualty."""
    if typing is None:
        return "casualty"
    if typing.cue is not None and typing.event_class.name == rules.families[PROTEST].default_class:
        return typing.event_class.needs  # "a nationwide bank strike": a labour strike is a protest
    family_needs = rules.families[trigger.family].needs  # a need of the family's own, or the class's
    if family_needs in ("named actor", "cue", "harm", "literal", "physical", "thing", "person", "people struck"):
        return family_needs
    return typing.event_class.needs


def _strikes(sentence: Span, triggers: Sequence[Trigger], casualties: Sequence[Casualty], rules: EventRules) -> bool:
    """Whether a sentence tells harm or a hit: a weapon named there did something."""
    return bool(casualties) or any(t.family in (VIOLENCE, HARM) and t.token.dep_ not in ("compound", "amod")
                                   for t in triggers) or any(hits(t, rules) for t in sentence)


def hits(word: Token, rules: EventRules, verbs_only: bool = True) -> bool:
    """A word of hitting told as done ("a rocket hit the town", "shots were fired", "a wound"): not
    what a weapon can do, not "Romney fired back" (he answered), not "he was fired" (dismissed),
    not "she turns her fire on Trump"."""
    lemma = word.lemma_.casefold()
    if lemma not in rules.hit_verbs or a_capability(word, rules):
        return False
    if word.pos_ != "VERB" and (verbs_only or lemma == "fire"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and (c.lemma_.casefold() in rules.market_nouns or c.lower_ in rules.market_nouns)
           for c in word.children):
        return False  # "earnings dropped sharply"
    if lemma == "fire" and any(
            (c.dep_ in ("prt", "advmod") and c.lower_ == "back")
            or (c.dep_ == "nsubjpass" and (c.ent_type_ == "PERSON" or c.pos_ == "PRON")) for c in word.children):
        return False
    return True


def _sentence_casualties(sentence: Span, rules: EventRules, offset: int, book: VictimBook) -> list[Casualty]:
    numbered = [c for c in numbered_casualties(span_text(sentence), rules)]
    base = sentence.start_char + offset
    numbered = [Casualty(c.kind, c.victim_text, c.victim_category, c.n, c.qualifier, c.counted_in_total,
                         c.cue_start + base, c.cue_end + base) for c in numbered]
    covered = {(c.kind, c.cue_start) for c in numbered}
    people = [p for p in people_casualties(sentence, rules, offset)
              if (p.casualty.kind, p.casualty.cue_start) not in covered or _another_victim(p.casualty, numbered)]
    found = numbered + book.keyed(people)
    return found or zero_casualties(sentence, rules, offset)


def _reports(sentence: Span, context: ArticleContext, book: VictimBook, found_date: DateMention | None,
             triggers: Sequence[Trigger]) -> list[SentenceReport]:
    """What a sentence with incident words reports: nothing, one incident, or an arrest and the
    incident it is for."""
    casualties = _sentence_casualties(sentence, context.rules, context.offset, book)
    report = _report(sentence, context, casualties, found_date, triggers)
    if report is None or report.typing is None or not _an_arrest_for(report.typing.trigger, triggers,
                                                                     context.rules.arrest_for):
        return [report] if report is not None else []
    return _arrest_and_incident(sentence, context, report, casualties, found_date, triggers)


def _an_arrest_for(typed: Trigger, triggers: Sequence[Trigger], prepositions: frozenset[str]) -> bool:
    """Whether the sentence tells an arrest: typed as one, or the word that typed it names what
    someone was arrested for ("arrested a second man in connection with the theft")."""
    arrests = [t for t in triggers if t.family == ARREST]
    return typed.family == ARREST or any(
        incident_phrase(a.token, governing_verb(a.token), [typed], prepositions) is not None for a in arrests)


def _arrest_and_incident(sentence: Span, context: ArticleContext, report: SentenceReport,
                         casualties: Sequence[Casualty], found_date: DateMention | None,
                         triggers: Sequence[Trigger]) -> list[SentenceReport]:
    """An arrest never carries a toll: the killed and injured, and the day named inside the
    incident's own phrase ("after Wednesday's shooting"), go to a report of the incident, which
    the arrest refers to. When the arrest alone is no event, the sentence's report stands, its
    toll left to the incident."""
    tolls, others = split_tolls(casualties)
    arrests, harmful = [t for t in triggers if t.family == ARREST], other_triggers(triggers)
    phrase = incident_phrase(arrests[0].token, governing_verb(arrests[0].token), harmful, context.rules.arrest_for)
    incident_date, own_date = found_date, found_date
    if phrase is not None:
        incident_date = _date_of(phrase, context)
        if found_date is not None and within(found_date.start, phrase):
            own_date = _date_outside(sentence, phrase, context)
    incident = _report(sentence, context, tolls, incident_date, harmful) if harmful else None
    if incident is not None and incident.typing is None:
        incident = _a_killing(incident, harmful, context.rules)
    arrest = _report(sentence, context, others, own_date, arrests)
    if arrest is None or arrest.typing is None:
        if report.typing is not None and report.typing.trigger.family != ARREST:
            return [report]
        mention = replace(report.mention, fatalities=None, injured=None)
        return [replace(report, casualties=tuple(others), mention=mention)]
    # typed as an arrest, whatever crime the sentence names: the crime is the incident's report
    arrest_class = context.rules.classes[context.rules.families[ARREST].default_class]
    typing = replace(arrest.typing, event_class=arrest_class, plover_type=arrest_class.plover_type,
                     plover_mode=arrest_class.plover_mode)
    arrest = replace(arrest, typing=typing, about=incident,
                     mention=replace(arrest.mention, event_class=arrest_class.name))
    return [arrest, incident] if incident is not None else [arrest]  # the arrest is what the sentence tells


def _a_killing(incident: SentenceReport, harmful: Sequence[Trigger], rules: EventRules) -> SentenceReport:
    """ "arrested in connection with the death of Justin M. Sharp": harm someone is arrested for is
    an incident of its own, typed as the harm family's default (an attack), never only a part of
    the arrest."""
    trigger = next(t for t in harmful if t.family == HARM)
    event_class = rules.classes[rules.families[HARM].default_class]
    typing = Typing(event_class, trigger, None, event_class.plover_type, event_class.plover_mode)
    return replace(incident, typing=typing, mention=replace(incident.mention, event_class=event_class.name))


def _date_of(span: Span, context: ArticleContext) -> DateMention | None:
    """The day a part of a sentence names."""
    ents = [e for e in context.ents_of(span.sent) if span.start_char <= e.start_char < span.end_char]
    return sentence_date(span, context.published, context.previous_day, context.rules.report_verbs, ents)


def _date_outside(sentence: Span, phrase: Span, context: ArticleContext) -> DateMention | None:
    """The day a sentence names outside a phrase: "After Wednesday's shooting, police arrested
    him Thursday" -> Thursday."""
    doc = sentence.doc
    parts = [doc[sentence.start:phrase.start], doc[phrase.end:sentence.end]]
    found = (_date_of(part, context) for part in parts if len(part))
    return next((day for day in found if day is not None and not day.reported), None)  # not "police said Thursday"


def _another_victim(part: Casualty, numbered: Sequence[Casualty]) -> bool:
    """ "killing 20 foreign tourists and a Tunisian policeman": the numbers give the tourists, the
    parse also the policeman, whom no number of the same cue counts."""
    same_cue = [c for c in numbered if (c.kind, c.cue_start) == (part.kind, part.cue_start)]
    head = part.victim_text.split()[-1].casefold() if part.victim_text else ""
    return part.n == 1 and all(c.n != 1 and head not in c.victim_text.casefold() for c in same_cue)


def _report(sentence: Span, context: ArticleContext, casualties: Sequence[Casualty],
            found_date: DateMention | None, triggers: Sequence[Trigger]) -> SentenceReport | None:
    """What a sentence reports from some of its triggers, or None when it reports no incident."""
    remaining = list(triggers)
    while remaining:
        report, family = _typed_report(sentence, context, casualties, found_date, remaining)
        if report is not None or family is None:
            return report
        # the word that typed the sentence is no event here ("police asked for help", "a gang of
        # thugs"): what else the sentence tells ("an alleged series of gang rapes")
        remaining = [t for t in remaining if t.family != family]
    return None


def _facts(sentence: Span, context: ArticleContext, trigger: Trigger, triggers: Sequence[Trigger],
           typing: Typing | None, actors: Sequence[EventActor], casualties: Sequence[Casualty],
           found_date: DateMention | None, place: PlaceMention | None) -> SentenceFacts:
    rules = context.rules
    sides = {t.i for t in _sides_of(trigger.token)}
    return SentenceFacts(
        actors, casualties, found_date is not None and found_date.resolved.precision != "unknown",
        place is not None, typing is not None and typing.cue is not None,
        _strikes(sentence, triggers, casualties, rules),
        any(t.lemma_.casefold() in rules.area_nouns for t in sentence),
        # a weapon or harm among the trigger's own words: "shot with a rifle", not "gun makers"
        any(t.family in (WEAPON, HARM) and t.token.i != trigger.token.i and t.token.i in sides for t in triggers)
        or any(t.i != trigger.token.i and hits(t, rules, verbs_only=False) for t in sentence),
        # the trigger's own place, even one the gazetteer lacks ("a crash near Keset"), never a person's name
        any(sentence.doc[i].ent_type_ in PLACE_LABELS and place_key(sentence.doc[i].text) not in context.person_keys
            for i in sides),
        # police, troops, rebels or officials are a side of the trigger: "Police have a man attempting to rob banks"
        any(rules.sectors.get(sentence.doc[i].lower_) in rules.party_sectors for i in sides),
        # a thing that burns, collapses or crashes: "the building collapsed", "a fire at the plant"
        any(sentence.doc[i].lemma_.casefold() in rules.physical_nouns
            or any(c.dep_ == "compound" and c.lemma_.casefold() in rules.physical_nouns for c in sentence.doc[i].children)
            for i in sides),  # "the Hotel Arpit Palace" is a hotel
        context.n_incidents > 0,
    )


def _sides_of(token: Token) -> list[Token]:
    """The words of a trigger's own phrase and the heads of its clause's subject, objects and
    prepositional objects, and of the trigger's own modifiers and prepositional objects:
    "Heavily armed fighters attacked military positions" -> fighters, positions; "oil prices are
    collapsing" -> prices (not oil); "a fire at the plant" -> plant."""
    head = token.head if token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "compound") else token
    arguments = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    arguments += [o for c in head.children if c.dep_ in ("prep", "agent") for o in c.children if o.dep_ == "pobj"]
    own = [token, *(c for c in token.children if c.dep_ in ("compound", "amod", "nmod", "poss"))]
    own += [o for c in token.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]  # "a fire at the plant"
    return [*own, *arguments]


def _names_its_perpetrators(token: Token, rules: EventRules) -> bool:
    """ "Security forces killed two of the attackers": a side that is the perpetrators of an
    incident already told ("the attackers", "the gunman") makes this sentence part of it."""
    sides = _sides_of(token)
    sides += [o for s in sides for c in s.children if c.dep_ == "prep" and c.lower_ == "of"
              for o in c.children if o.dep_ == "pobj"]
    return any(s.lemma_.casefold() in rules.perpetrator_nouns and refers_back(s) for s in sides)


def _typed_report(sentence: Span, context: ArticleContext, casualties: list[Casualty],
                  found_date: DateMention | None, triggers: Sequence[Trigger]
                  ) -> tuple[SentenceReport | None, str | None]:
    """The sentence's report, or None and the family of the trigger that typed it in vain."""
    if not triggers:
        return None, None
    index, rules = context.index, context.rules
    typing = classify(span_text(sentence), sentence.start_char, triggers, rules, _sides(index, triggers, rules))
    harm = next((t for t in triggers if t.family == HARM), None)
    if typing is None and harm is None:
        return None, None
    trigger = typing.trigger if typing is not None else harm
    if not protests(trigger.token, sentence, rules):
        return None, trigger.family  # a campaign rally, a parade: people gather, nobody protests
    verb = governing_verb(trigger.token)
    if trigger.family not in SPOKEN_FAMILIES and is_roundup(verb, rules, span_text(sentence)):
        return None, None  # a tally; not "Serbia lifted a curfew where 28 people have been killed this year"
    actors = event_actors(index, trigger.token, verb, rules, context.previous_actor)
    if typing is not None:
        typing = _retyped_as_disaster(typing, actors, index, rules)
        if _only_self_harm(typing, triggers, context):  # "shot himself": the wound counts, nobody attacked
            typing = _typed_other(typing, rules)
    clause = time_clause(trigger.token)
    if clause is not None:  # "Two days before Mateen shot 49 people, he knelt at the Fort Pierce mosque"
        found_date = _date_of(clause, context)
    elif (relative := relative_clause(trigger.token)) is not None:  # "Shelby, who shot him last week, was charged"
        found_date = _date_of(relative, context) or found_date
    place = event_place(index, clause or sentence, context.named_places, rules, context.dateline, context.places,
                        context.person_keys)
    if typing is not None and an_illness_not_an_outbreak(typing.event_class.name, span_text(sentence), casualties, rules):
        return None, trigger.family  # what else the sentence tells: "Police detained eight people"
    needs = _needs(typing, trigger, rules)
    facts = _facts(sentence, context, trigger, triggers, typing, actors, casualties, found_date, place)
    if not reports_incident(trigger, verb, needs, facts, rules):
        return None, trigger.family
    if not rules.families[trigger.family].carries_toll:
        casualties = split_tolls(casualties)[1]  # "negotiations after the shooting deaths of 49 people"
    return context.report(sentence, trigger, typing, casualties, found_date, place,
                          address_in(sentence, rules.street_pattern, context.ents_of(sentence),
                                     doc_text=context.index.text), actors,
                          responsibility(sentence, actors), modality_of(verb, sentence, rules.modals),
                          refers_back(trigger.token) or _names_its_perpetrators(trigger.token, rules),
                          adds_another(trigger.token)), trigger.family


def extract_events(
    index: DocIndex, article_id: str, offset: int, rules: EventRules, published: date | None,
    dateline: tuple[int, int] | None = None, prior_countries: Iterable[str] = (),
    dateline_place: PlaceMatch | None = None,
) -> list[Event]:
    """Events of one Doc parsed from raw_text[offset:]; dateline is its span in the Doc's text
    (when the Doc holds it), dateline_place where the story was filed: the event's country only
    when the article names no place at all (place_source says "dateline").
    """
    sentences = _sentences_and_triggers(index, rules)
    if not any(triggers for _, triggers in sentences):
        return []  # no incident word: nothing to report, and the article's places need not be read
    entities = [(e.start_char, e.end_char, span_text(e), e.label_) for e in index.ents]
    # the countries and states the article names, not those of every town: "Mindanao" alone would vote Greece
    places = place_mentions(entities, rules.gazetteer, PlaceContext(frozenset(prior_countries)), index.text,
                            rules.not_places, rules.country_cues, dateline_place.text if dateline_place else None,
                            rules.not_town_before)
    if places.dateline is not None:
        dateline_place = places.dateline
    named_places = [m for m in places.mentions if not modifies_a_noun(index, m, rules.area_nouns)]
    context = ArticleContext(index, article_id, offset, rules, published, dateline, places.context,
                             named_places, person_name_keys(entities))
    book = VictimBook()
    reports = []
    for sentence, triggers in sentences:
        check_budget()
        if not triggers:
            context.pass_sentence(sentence)
            continue
        found_date = context.read_sentence(sentence)
        for report in _reports(sentence, context, book, found_date, triggers):
            reports.append(report)
            context.remember(report)
    incidents = merge_reports(reports)
    events = [build_event(incident, context, dateline_place, told_elsewhere(incidents, i, offset))
              for i, incident in enumerate(incidents)]
    return with_what_they_are_about(events, incidents)


def _sentences_and_triggers(index: DocIndex, rules: EventRules) -> list[tuple[Span, list[Trigger]]]:
    """Each sentence of the Doc with its incident words."""
    found = []
    starts = trigger_starts(index.doc, rules)
    for sentence in index.doc.sents:
        check_budget()
        found.append((sentence, find_triggers(sentence, rules, starts)))
    return found
