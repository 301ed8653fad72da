"""Events against our own gold, and the one way every event evaluation runs the extractor."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from spacy.language import Language

from evaluation.counts import MatchCounts, ratio
from evaluation.event_gold import GoldEventArticle
from transforms.documents import Document, InputMetadata, batched
from transforms.events import Event
from transforms.extract import ExtractionRules, extract_batch


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


def evaluate_event_gold(golds: Sequence[GoldEventArticle], nlp: Language, rules: ExtractionRules) -> EventScore:
    predicted = extracted_events(((g.text, g.published_at) for g in golds), nlp, rules)
    return score_events(zip(golds, predicted, strict=True))


@dataclass
class EventScore(MatchCounts):
    """Events matched to gold by sentence (the gold trigger inside a predicted event's sentence)."""

    n_type_correct: int = 0
    n_with_country: int = 0
    n_country_correct: int = 0
    n_with_killed: int = 0
    n_killed_exact: int = 0
    n_with_date: int = 0
    n_date_correct: int = 0
    misses: list[str] = field(default_factory=list)

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
    def date_accuracy(self) -> float:
        return ratio(self.n_date_correct, self.n_with_date)


def score_events(articles: Iterable[tuple[GoldEventArticle, Sequence[Event]]]) -> EventScore:
    """Match each gold event to at most one predicted event whose sentence holds its trigger,
    then judge type, country, killed count and date on the matched pairs."""
    score = EventScore()
    for gold, predicted in articles:
        score.n_gold += len(gold.events)
        score.n_predicted += len(predicted)
        used: set[int] = set()
        for event in gold.events:
            found = next((p for p, guess in enumerate(predicted) if p not in used
                          and guess.sentence_start <= event.trigger[0] < guess.sentence_end), None)
            if found is None:
                score.misses.append(f"{gold.doc_id}: {gold.text[event.trigger[0]:event.trigger[1]]} ({event.event_type})")
                continue
            used.add(found)
            guess = predicted[found]
            score.n_matched += 1
            score.n_type_correct += guess.event_type == event.event_type
            if event.country_iso3:
                score.n_with_country += 1
                score.n_country_correct += guess.country_iso3 == event.country_iso3
            if event.fatalities is not None:
                score.n_with_killed += 1
                score.n_killed_exact += guess.fatalities == event.fatalities
            if event.event_date is not None:
                score.n_with_date += 1
                score.n_date_correct += guess.event_date == event.event_date
    return score
