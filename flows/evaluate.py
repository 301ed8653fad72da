"""`wirehouse eval`: score the extractors on our own gold (tests/gold) and on gold kept outside the project."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from spacy.language import Language

from flows import PROJECT_ROOT
from transforms.articles import build_article
from transforms.dates import resolve_date, speaks_of_future
from transforms.documents import Document, InputMetadata, batched
from transforms.evaluation import (
    ArgumentMention,
    DatelineGold,
    DetectionScore,
    EventScore,
    PredictedQuote,
    QuoteScore,
    candidate_lemmas,
    score_arguments,
    score_detection,
    score_events,
    score_quotes,
)
from transforms.event_gold import GoldEventArticle, PloverRecord, WikiEventsDocument
from transforms.events import Event
from transforms.extract import ExtractionRules, extract_batch, extract_quotes
from transforms.gold import GoldArticle
from transforms.sources import Quote
from transforms.tempeval import GoldTimex

DEFAULT_CORPUS_DIR = PROJECT_ROOT.parent / "shared" / "corpus"
DEFAULT_TEMPEVAL_DIR = PROJECT_ROOT.parent / "shared" / "eval" / "tempeval3_platinum"
GOLD_DIR = PROJECT_ROOT / "tests" / "gold"


def muc_datelines(corpus_dir: Path) -> Iterator[DatelineGold]:
    """MUC-3/4 reports: `dateline_place` and `date` (MUC datelines write the year)."""
    with (corpus_dir / "muc34" / "muc34.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["text"].strip():
                yield DatelineGold(record["text"], record.get("dateline_place"),
                                   date.fromisoformat(record["date"]) if record.get("date") else None)


def reuters_datelines(corpus_dir: Path) -> Iterator[DatelineGold]:
    """Reuters-21578 items: the corpus's `dateline` field (their datelines carry no year)."""
    with (corpus_dir / "reuters21578" / "reuters21578.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["text"].strip():
                yield DatelineGold(record["text"], record.get("dateline") or None)


@dataclass(frozen=True)
class QuoteEvaluation:
    score: QuoteScore
    n_articles: int
    n_words: int
    parse_seconds: float
    extract_seconds: float


def predicted_quotes(quotes: Iterable[Quote]) -> list[PredictedQuote]:
    return [
        PredictedQuote(q.content_start, q.content_end, q.cue_start, q.cue_end, q.speaker_start, q.speaker_end,
                       q.source_key.split(":", 1)[1] if q.source_key else None, q.kind)
        for q in quotes
    ]


def evaluate_quotes(golds: Iterable[GoldArticle], nlp: Language, rules: ExtractionRules,
                    batch_size: int = 64, only_cues: frozenset[str] | None = None) -> QuoteEvaluation:
    """Run layout, spaCy and quote extraction over gold articles and score them.

    The parse and the extraction are timed apart, so the cost of quote and source
    extraction is reported as a share of the spaCy parse it runs on. With only_cues, quotes
    whose cue is not one of those verbs are left out of the prediction (as the gold was).
    """
    pairs = []
    n_articles = n_words = 0
    parse_seconds = extract_seconds = 0.0
    for chunk in batched(golds, batch_size):
        articles = [build_article(Document(g.doc_id, g.doc_id, g.text, InputMetadata()), rules.layout, nlp.lang)
                    for g in chunk]
        started = time.perf_counter()
        docs = list(nlp.pipe((a.body for a in articles), batch_size=32))
        parse_seconds += time.perf_counter() - started
        started = time.perf_counter()
        extracted = []
        for doc, article in zip(docs, articles, strict=True):
            quotes, _ = extract_quotes(doc, article.article_id, article.body_start, rules)
            extracted.append(quotes)
        extract_seconds += time.perf_counter() - started
        for gold, article, quotes in zip(chunk, articles, extracted, strict=True):
            if only_cues is not None:
                quotes = [q for q in quotes if q.cue is None or "according" in q.cue.casefold()
                          or candidate_lemmas(q.cue) & only_cues]
            pairs.append((gold, predicted_quotes(quotes)))
            n_articles += 1
            n_words += article.word_count
    return QuoteEvaluation(score_quotes(pairs), n_articles, n_words, parse_seconds, extract_seconds)


@dataclass(frozen=True)
class DateEvaluation:
    n_expressions: int
    n_correct: int
    misses: list[tuple[str, str, str, str | None]]  # doc, text, gold, resolved

    @property
    def accuracy(self) -> float:
        return self.n_correct / self.n_expressions if self.n_expressions else 0.0


def evaluate_dates(golds: Iterable[GoldTimex]) -> DateEvaluation:
    """Resolve every gold DATE expression from its document's creation time and compare values."""
    n = correct = 0
    misses = []
    for gold in golds:
        resolved = resolve_date(gold.text, gold.published, future=speaks_of_future(gold.context_before))
        n += 1
        if resolved.value == gold.value:
            correct += 1
        else:
            misses.append((gold.doc_id, gold.text, gold.value, resolved.value))
    return DateEvaluation(n, correct, misses)


DEFAULT_PLOVER_PATH = PROJECT_ROOT.parent / "shared" / "eval" / "plover_gsr" / "PLOVER_GSR_CAMEO.json"
DEFAULT_WIKIEVENTS_DIR = PROJECT_ROOT.parent / "shared" / "eval" / "wikievents"
EVENT_GOLD_DIR = PROJECT_ROOT / "tests" / "gold" / "events"
MODELLED_PLOVER_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "SANCTION", "AGREE"})


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


@dataclass(frozen=True)
class PloverEvaluation:
    n_records: int
    n_type_correct: int
    n_modelled: int  # records whose gold type the extractor models
    n_modelled_correct: int
    n_no_event: int
    n_actor_checked: int
    n_actor_correct: int


def evaluate_plover(records: Sequence[PloverRecord], nlp: Language, rules: ExtractionRules) -> PloverEvaluation:
    """The first event found in each gold sentence against its PLOVER type and source actor."""
    n_correct = n_modelled = n_modelled_correct = n_none = n_actor = n_actor_correct = 0
    for record, events in zip(records, extracted_events(((r.text, None) for r in records), nlp, rules), strict=True):
        predicted = events[0] if events else None
        correct = predicted is not None and predicted.event_type == record.event_type
        n_correct += correct
        n_none += predicted is None
        if record.event_type in MODELLED_PLOVER_TYPES:
            n_modelled += 1
            n_modelled_correct += correct
        if correct and record.source_actors:
            actor = next((a.text.casefold() for a in predicted.actors if a.role == "actor"), "")
            n_actor += 1
            n_actor_correct += bool(actor) and any(
                actor in gold.casefold() or gold.casefold() in actor for gold in record.source_actors if gold)
    return PloverEvaluation(len(records), n_correct, n_modelled, n_modelled_correct, n_none, n_actor, n_actor_correct)


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


def evaluate_wikievents(documents: Sequence[WikiEventsDocument], nlp: Language,
                        rules: ExtractionRules) -> WikiEventsEvaluation:
    """Triggers (character overlap: our event triggers for attacks, casualty cue words for deaths
    and injuries), sentences with an attack, a death or an injury, and the attacker, victim and
    place arguments of attack, die and injure events (same sentence, head word)."""
    spans: dict[str, list] = {name: [] for name in ("attack_triggers", "die_triggers", "injure_triggers",
                                                    "attack_sentences", "die_sentences", "injure_sentences")}
    arguments = []
    for document, events in zip(documents, extracted_events(((d.text, None) for d in documents), nlp, rules),
                                strict=True):
        def sentences_of(found, sentences=document.sentences):
            return [s for s in sentences if any(s[0] <= a < s[1] for a, _ in found)]

        def cues(kind, events=events):
            return [(c.cue_start, c.cue_end) for e in events for c in e.casualties if c.kind == kind and c.n > 0]

        # WikiEvents marks every mention; our events merge later ones and keep their triggers
        assaults = [span for e in events if e.event_type == "ASSAULT"
                    for span in ((e.trigger_start, e.trigger_end), *e.later_mentions)]
        spans["attack_triggers"].append((document.attack_triggers, assaults))
        spans["die_triggers"].append((document.die_triggers, cues("killed")))
        spans["injure_triggers"].append((document.injure_triggers, cues("injured")))
        spans["attack_sentences"].append((sentences_of(document.attack_triggers), sentences_of(assaults)))
        spans["die_sentences"].append((sentences_of(document.die_triggers), sentences_of(cues("killed"))))
        spans["injure_sentences"].append((sentences_of(document.injure_triggers), sentences_of(cues("injured"))))
        gold_arguments = [ArgumentMention(a.role, a.sentence, a.text) for a in document.arguments]
        predicted = [a for e in events if e.event_type == "ASSAULT" or e.fatalities or e.injured
                     for a in event_arguments(e, document.sentences)]
        arguments.append((gold_arguments, predicted))
    return WikiEventsEvaluation(
        **{name: score_detection(pairs) for name, pairs in spans.items()},
        attacker_arguments=score_arguments(arguments, "attacker"),
        victim_arguments=score_arguments(arguments, "victim"),
        place_arguments=score_arguments(arguments, "place"),
    )
