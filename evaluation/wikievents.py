"""WikiEvents (KAIROS) dev and test: attack, die and injure triggers and their arguments."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from evaluation.counts import DetectionScore, Span, score_detection
from evaluation.events import extracted_events
from evaluation.gold.wikievents import WikiEventsDocument
from extract.events import Event
from extract.events.families import VIOLENCE
from extract.events.rules import EventRules
from extract.events.triggers import find_triggers
from extract.rule_sets import ExtractionRules


@dataclass(frozen=True)
class ArgumentMention:
    role: str  # attacker | victim | place
    sentence: tuple[int, int]
    text: str


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}


def _head_word(text: str) -> str | None:
    words = re.findall(r"[^\W\d_]+", text)
    return words[-1].casefold() if words else None


def _same_argument(gold: ArgumentMention, predicted: ArgumentMention) -> bool:
    """Same role, same sentence, and one's head word (its last word) among the other's words:
    "general" matches "a Russian major general"."""
    if gold.role != predicted.role or gold.sentence != predicted.sentence:
        return False
    return _head_word(gold.text) in _words(predicted.text) or _head_word(predicted.text) in _words(gold.text)


def score_arguments(pairs: Iterable[tuple[Sequence[ArgumentMention], Sequence[ArgumentMention]]],
                    role: str) -> DetectionScore:
    """Arguments of one role against gold (per document pairs of (gold, predicted)), matched
    by sentence and head word, not one to one."""
    score = DetectionScore()
    for gold, predicted in pairs:
        gold = [g for g in gold if g.role == role]
        predicted = [p for p in predicted if p.role == role]
        score.n_gold += len(gold)
        score.n_predicted += len(predicted)
        score.n_matched += sum(1 for g in gold if any(_same_argument(g, p) for p in predicted))
        score.n_predicted_right += sum(1 for p in predicted if any(_same_argument(g, p) for g in gold))
    return score


@dataclass(frozen=True)
class WikiEventsEvaluation:
    attack_triggers: DetectionScore
    die_triggers: DetectionScore
    injure_triggers: DetectionScore
    attack_sentences: DetectionScore
    die_sentences: DetectionScore
    injure_sentences: DetectionScore
    attacker_arguments: DetectionScore
    victim_arguments: DetectionScore
    place_arguments: DetectionScore
    attack_baseline: DetectionScore  # every word of the kind: "attack", "killed", "injured"
    die_baseline: DetectionScore
    injure_baseline: DetectionScore


# The trivial baselines: every word of the kind is a trigger.
BASELINE_WORDS = {"attack": re.compile(r"\battack\w*", re.I),
                  "die": re.compile(r"\b(?:kill\w*|died|dies|dead|death)\b", re.I),
                  "injure": re.compile(r"\b(?:injur\w*|wound\w*)", re.I)}


# Violence words that KAIROS marks otherwise: deaths are Life.Die, and attackers and weapons are
# arguments, not triggers.
NOT_ATTACK_WORDS = frozenset({"kill", "killing", "murder", "slaughter", "behead", "execute", "bomber", "gunman",
                              "gunmen", "ied", "attacker"})


def word_spans(text: str, kind: str) -> list[Span]:
    return [(m.start(), m.end()) for m in BASELINE_WORDS[kind].finditer(text)]


def event_arguments(event: Event, sentences: Sequence[tuple[int, int]]) -> list[ArgumentMention]:
    """Our event's arguments in WikiEvents' three roles: its actor is the attacker, its targets
    and casualty parts the victims, its place (when named in the sentence) the place."""
    sentence = next((s for s in sentences if s[0] <= event.trigger_start < s[1]), (-1, -1))
    arguments = [ArgumentMention("attacker", sentence, a.text) for a in event.actors if a.role == "actor"]
    arguments += [ArgumentMention("victim", sentence, a.text) for a in event.actors if a.role in ("target", "victim")]
    arguments += [ArgumentMention("victim", sentence, c.victim_text) for c in event.casualties
                  if c.victim_text and sentence[0] <= c.cue_start < sentence[1]]
    if event.place_text and event.place_source == "sentence":
        arguments.append(ArgumentMention("place", sentence, event.place_text))
    return arguments


def _event_sentences(doc: Doc, events: Sequence[Event], wanted) -> list[SpacySpan]:
    """The sentences (of the raw text's parse) of the mentions of the events `wanted` accepts."""
    found = {}
    for event in events:
        for mention in event.mentions:
            if wanted(event, mention):
                span = doc.char_span(mention.sentence_start, mention.sentence_end, alignment_mode="expand")
                if span is not None:
                    found[span.start_char] = span
    return list(found.values())


def predicted_triggers(doc: Doc, events: Sequence[Event], rules: EventRules) -> dict[str, list[Span]]:
    """Our triggers in WikiEvents' terms: in the sentences of our attack events, every word our
    trigger lexicon calls an act of violence; in the sentences of all our events, every word our
    casualty cues read as a death (an injury). The extractor keeps one trigger a sentence;
    WikiEvents marks them all."""
    attack = [(t.start, t.end) for sentence in _event_sentences(doc, events, lambda e, m: e.event_type == "ASSAULT")
              for t in find_triggers(sentence, rules)
              if t.family == VIOLENCE and t.token.lemma_.casefold() not in NOT_ATTACK_WORDS]
    found = {"attack": attack}
    for kind, counted in (("die", lambda e, m: True), ("injure", lambda e, m: True)):
        casualty = "killed" if kind == "die" else "injured"
        found[kind] = [(s.start_char + match.start(), s.start_char + match.end())
                       for s in _event_sentences(doc, events, counted)
                       for cue in rules.casualty_cues if cue.kind == casualty and not cue.weak
                       for match in cue.pattern.finditer(s.text)]
    return found


def evaluate_wikievents(documents: Sequence[WikiEventsDocument], nlp: Language,
                        rules: ExtractionRules) -> WikiEventsEvaluation:
    """Triggers (character overlap, see predicted_triggers), sentences with an attack, a death or
    an injury, and the attacker, victim and place arguments of attack, die and injure events
    (same sentence, head word); beside each trigger figure, the every-word-of-the-kind baseline."""
    spans: dict[str, list] = {name: [] for name in ("attack_triggers", "die_triggers", "injure_triggers",
                                                    "attack_sentences", "die_sentences", "injure_sentences",
                                                    "attack_baseline", "die_baseline", "injure_baseline")}
    arguments = []
    docs = nlp.pipe(d.text for d in documents)
    for document, events, doc in zip(documents, extracted_events(((d.text, None) for d in documents), nlp, rules),
                                     docs, strict=True):
        predicted = predicted_triggers(doc, events, rules.events)
        for kind, gold in (("attack", document.attack_triggers), ("die", document.die_triggers),
                           ("injure", document.injure_triggers)):
            spans[f"{kind}_baseline"].append((gold, word_spans(document.text, kind)))
            spans[f"{kind}_triggers"].append((gold, predicted[kind]))
            spans[f"{kind}_sentences"].append((_sentences_of(gold, document.sentences),
                                               _sentences_of(predicted[kind], document.sentences)))
        gold_arguments = [ArgumentMention(a.role, a.sentence, a.text) for a in document.arguments]
        arguments.append((gold_arguments, [a for e in events if e.event_type == "ASSAULT" or e.fatalities or e.injured
                                           for a in event_arguments(e, document.sentences)]))
    return WikiEventsEvaluation(
        **{name: score_detection(pairs) for name, pairs in spans.items()},
        attacker_arguments=score_arguments(arguments, "attacker"),
        victim_arguments=score_arguments(arguments, "victim"),
        place_arguments=score_arguments(arguments, "place"),
    )


def _sentences_of(found: Sequence[Span], sentences: Sequence[Span]) -> list[Span]:
    return [s for s in sentences if any(s[0] <= a < s[1] for a, _ in found)]
