"""PLOVER gold-standard records: the event type of one sentence, and its source actor."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language

from evaluation.events import extracted_events
from evaluation.gold.plover import PloverRecord
from extract.rule_sets import ExtractionRules


@dataclass(frozen=True)
class PloverEvaluation:
    n_records: int
    n_type_correct: int
    n_no_event: int
    n_actor_checked: int
    n_actor_correct: int
    majority_type: str
    n_majority_correct: int  # the trivial baseline: every record given the commonest type
    confusions: tuple[tuple[str, str, int], ...]  # (gold, predicted, n), commonest first


def evaluate_plover(records: Sequence[PloverRecord], nlp: Language, rules: ExtractionRules) -> PloverEvaluation:
    """The first event found in each gold sentence against its PLOVER type and source actor."""
    n_correct = n_none = n_actor = n_actor_correct = 0
    confusions: Counter[tuple[str, str]] = Counter()
    for record, events in zip(records, extracted_events(((r.text, None) for r in records), nlp, rules), strict=True):
        predicted = events[0] if events else None
        got = predicted.event_type if predicted is not None and predicted.event_type else "NONE"
        correct = got == record.event_type
        n_correct += correct
        n_none += predicted is None
        if not correct:
            confusions[(record.event_type, got)] += 1
        if correct and record.source_actors:
            actor = next((a.text.casefold() for a in predicted.actors if a.role == "actor"), "")
            n_actor += 1
            n_actor_correct += bool(actor) and any(
                actor in gold.casefold() or gold.casefold() in actor for gold in record.source_actors if gold)
    majority, n_majority = Counter(r.event_type for r in records).most_common(1)[0]
    return PloverEvaluation(len(records), n_correct, n_none, n_actor, n_actor_correct, majority, n_majority,
                            tuple((g, p, n) for (g, p), n in confusions.most_common()))
