"""CASE 2021 task 2 snippets (../shared/eval/case2021): the ACLED sub-type of a news snippet.

The label we predict is the class of the snippet's first event that has one, in CASE's codes
(seeds/events/event_classes.csv maps our classes to them); NONE when no event is found.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from evaluation.events import extracted_events
from evaluation.gold.case2021 import CaseSnippet
from evaluation.labels import LabelScore, score_labels
from extract.events import Event
from extract.events.seed_rows import EventClassRow
from extract.rule_sets import ExtractionRules
from seedrows import read_rows

NO_EVENT = "NONE"
# The best trained system published on the full set, and untuned keyword rules.
BEST_KNOWN_WEIGHTED_F1 = 0.771
KEYWORD_RULES_WEIGHTED_F1 = 0.45


def case_labels(seeds_dir: Path) -> dict[str, str]:
    """Our event class -> CASE label, from seeds/events/event_classes.csv."""
    return {row.event_class: row.case_label for row in read_rows(seeds_dir / "events" / "event_classes.csv", EventClassRow)}


def predicted_label(events: Sequence[Event], labels: Mapping[str, str]) -> str:
    """The CASE label of the first event whose class has one."""
    return next((labels[e.event_class] for e in events if e.event_class in labels), NO_EVENT)


@dataclass(frozen=True)
class CaseEvaluation:
    score: LabelScore
    majority: LabelScore  # every snippet given the commonest gold class
    majority_label: str
    predictions: tuple[tuple[CaseSnippet, str], ...]


def evaluate_case(snippets: Sequence[CaseSnippet], nlp: Language, rules: ExtractionRules,
                  labels: Mapping[str, str]) -> CaseEvaluation:
    predicted = [predicted_label(events, labels)
                 for events in extracted_events(((s.text, None) for s in snippets), nlp, rules)]
    gold = [s.label for s in snippets]
    majority_label = Counter(gold).most_common(1)[0][0]
    return CaseEvaluation(score_labels(gold, predicted), score_labels(gold, [majority_label] * len(gold)),
                          majority_label, tuple(zip(snippets, predicted, strict=True)))
