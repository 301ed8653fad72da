"""Events against our own gold, and the one way every event evaluation runs the extractor."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from spacy.language import Language

from evaluation.counts import MatchCounts, one_to_one, ratio
from evaluation.gold.events import GoldEvent, GoldEventArticle
from extract.batch import extract_batch
from extract.events import Event
from extract.rule_sets import ExtractionRules
from ingest.documents import batched
from ingest.records import Document, InputMetadata


def extracted_events(texts: Iterable[tuple[str, date | None]], nlp: Language, rules: ExtractionRules,
                     batch_size: int = 64) -> Iterator[list[Event]]:
    """The events of each text, through the same layout, parse and extraction as the flow."""
    for chunk in batched(texts, batch_size):
        documents = [Document(f"eval-{n}", f"eval-{n}", text,
                              InputMetadata(published_at=datetime(d.year, d.month, d.day) if d else None))
                     for n, (text, d) in enumerate(chunk)]
        batch = extract_batch(documents, nlp, rules)
        by_article: dict[str, list[Event]] = {a.article_id: [] for a in batch.articles}
        for event in batch.events:
            by_article[event.article_id].append(event)
        for document in documents:
            yield by_article.get(document.article_id, [])


# Statements (PLOVER's verbal and cooperative events, typed "Diplomatic event" with a PLOVER type
# other than a meeting or a sanction) are scored on the PLOVER records, not on our incident gold.
INCIDENT_DIPLOMACY = frozenset({"CONSULT", "SANCTION"})
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


def scored_events(events: Iterable[Event]) -> list[Event]:
    """The events our incident gold speaks of: every one but statements."""
    return [e for e in events if not (e.event_class == "Diplomatic event" and e.event_type not in INCIDENT_DIPLOMACY)]


def event_regions(event: Event) -> list[tuple[int, int]]:
    """The sentences of an event's mentions (the first is its own)."""
    return [(m.sentence_start, m.sentence_end) for m in event.mentions]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences by punctuation, for the every-sentence baseline (no parse needed)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[start:match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


@dataclass
class EventScore(MatchCounts):
    """Events matched one to one to gold: a gold trigger (or mention) inside the sentence of one
    of the predicted event's mentions. Attributes are judged on the matched pairs, each beside
    its trivial baseline: every sentence an event, the commonest class, always 0, the
    publication date."""

    n_class_correct: int = 0
    n_type_correct: int = 0
    n_with_country: int = 0
    n_country_correct: int = 0
    n_with_killed: int = 0
    n_killed_exact: int = 0
    n_with_injured: int = 0
    n_injured_exact: int = 0
    n_with_date: int = 0
    n_date_correct: int = 0
    baseline: MatchCounts = field(default_factory=MatchCounts)  # every sentence an event
    baseline_class: int = 0  # the commonest gold class
    baseline_killed: int = 0  # always 0
    baseline_injured: int = 0
    baseline_date: int = 0  # the publication date
    n_quiet_articles: int = 0  # articles whose gold has no event
    n_quiet_with_events: int = 0  # ... where we found some
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def class_accuracy(self) -> float:
        return ratio(self.n_class_correct, self.n_matched)

    @property
    def type_accuracy(self) -> float:
        return ratio(self.n_type_correct, self.n_matched)

    @property
    def country_accuracy(self) -> float:
        return ratio(self.n_country_correct, self.n_with_country)

    @property
    def killed_exact(self) -> float:
        return ratio(self.n_killed_exact, self.n_with_killed)

    @property
    def injured_exact(self) -> float:
        return ratio(self.n_injured_exact, self.n_with_injured)

    @property
    def date_accuracy(self) -> float:
        return ratio(self.n_date_correct, self.n_with_date)


def _inside(spans: Iterable[tuple[int, int]], regions: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start < b for start, _ in spans for a, b in regions)


def _match(gold: Sequence[GoldEvent], predicted: Sequence[Event]) -> dict[int, int]:
    """Gold index -> predicted index, one to one, in text order; a gold event's first trigger
    is preferred to its mentions."""
    pairs = []
    for g, event in enumerate(gold):
        for p, guess in enumerate(predicted):
            regions = event_regions(guess)
            if _inside([event.trigger], regions):
                pairs.append((2.0, g, p))
            elif _inside(event.mentions, regions):
                pairs.append((1.0, g, p))
    return one_to_one(pairs)


def _judge(score: EventScore, gold: GoldEvent, guess: Event, published: date | None, commonest: str) -> None:
    score.n_class_correct += guess.event_class == gold.event_class
    score.baseline_class += gold.event_class == commonest
    score.n_type_correct += guess.event_type == gold.event_type
    if gold.country_iso3:
        score.n_with_country += 1
        score.n_country_correct += guess.country_iso3 == gold.country_iso3
    if gold.fatalities is not None:
        score.n_with_killed += 1
        score.n_killed_exact += (guess.fatalities or 0) == gold.fatalities
        score.baseline_killed += gold.fatalities == 0
    if gold.injured is not None:
        score.n_with_injured += 1
        score.n_injured_exact += (guess.injured or 0) == gold.injured
        score.baseline_injured += gold.injured == 0
    if gold.event_date is not None:
        score.n_with_date += 1
        score.n_date_correct += guess.event_date == gold.event_date
        score.baseline_date += published == gold.event_date


def score_events(articles: Iterable[tuple[GoldEventArticle, Sequence[Event]]]) -> EventScore:
    """Score predicted events against gold articles (see EventScore)."""
    score = EventScore()
    pairs = [(gold, _not_doubtful(gold, scored_events(predicted))) for gold, predicted in articles]
    classes = Counter(e.event_class for gold, _ in pairs for e in gold.events)
    commonest = classes.most_common(1)[0][0] if classes else ""
    for gold, predicted in pairs:
        score.n_gold += len(gold.events)
        score.n_predicted += len(predicted)
        matched = _match(gold.events, predicted)
        score.n_matched += len(matched)
        for g, event in enumerate(gold.events):
            if g in matched:
                _judge(score, event, predicted[matched[g]], gold.published_at, commonest)
            else:
                score.misses.append(f"{gold.doc_id}: {gold.text[slice(*event.trigger)]} ({event.event_class})")
        score.spurious += [f"{gold.doc_id}: {e.trigger_text} ({e.event_class}) in "
                           f"{gold.text[e.sentence_start:e.sentence_end][:90]!r}"
                           for p, e in enumerate(predicted) if p not in matched.values()]
        if not gold.events:
            score.n_quiet_articles += 1
            score.n_quiet_with_events += bool(predicted)
        sentences = sentence_spans(gold.text)
        score.baseline.n_gold += len(gold.events)
        score.baseline.n_predicted += len(sentences)
        score.baseline.n_matched += sum(1 for start, end in sentences
                                        if any(start <= e.trigger[0] < end for e in gold.events))
    return score


def _not_doubtful(gold: GoldEventArticle, predicted: Sequence[Event]) -> list[Event]:
    """The predictions that are scored: those matching a gold event, and those that do not but
    lie outside the gold's doubtful mentions (neither right nor wrong). A sentence holding both a
    doubtful mention and a gold event ("jailed ... in the aftermath of the 2006 riots") still
    scores the event it tells."""
    matched = set(_match(gold.events, predicted).values())
    return [e for p, e in enumerate(predicted) if p in matched or not _inside(gold.doubtful, event_regions(e))]


def evaluate_event_gold(golds: Sequence[GoldEventArticle], nlp: Language, rules: ExtractionRules) -> EventScore:
    predicted = extracted_events(((g.text, g.published_at) for g in golds), nlp, rules)
    return score_events(zip(golds, predicted, strict=True))
