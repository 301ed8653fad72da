"""One batch of Documents through layout parsing, spaCy and every extractor."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from transforms.articles import Article, build_article
from transforms.documents import Document, IngestError
from transforms.entities import ENTITIES_VERSION, EntityMention, extract_entities
from transforms.events import (
    EVENTS_VERSION,
    Event,
    EventRules,
    extract_events,
    load_event_rules,
)
from transforms.gazetteer import dateline_place_names, government_places
from transforms.layout import LAYOUT_VERSION, LayoutRules, load_layout_rules
from transforms.places import Gazetteer, PlaceMatch, load_gazetteer, resolve_place
from transforms.quotes import (
    QUOTES_VERSION,
    DocIndex,
    QuoteRules,
    extract_attributions,
    load_quote_rules,
)
from transforms.sources import (
    SOURCES_VERSION,
    ArticleSource,
    Quote,
    SourceRules,
    attribute_quotes,
    load_source_rules,
)

EXTRACTOR_VERSIONS: dict[str, str] = {
    "layout": LAYOUT_VERSION,
    "entities": ENTITIES_VERSION,
    "quotes": QUOTES_VERSION,
    "sources": SOURCES_VERSION,
    "events": EVENTS_VERSION,
}
ALL_EXTRACTORS: frozenset[str] = frozenset(EXTRACTOR_VERSIONS)
# Extractors whose rows are replaced with more than their own when one of them changes: a new
# layout moves the body and every offset in it, so it recomputes everything; quotes point at
# their sources, so the two are recomputed as one. Any other extractor recomputes only itself.
RECOMPUTED_WITH: dict[str, frozenset[str]] = {
    "layout": ALL_EXTRACTORS,
    "quotes": frozenset({"quotes", "sources"}),
    "sources": frozenset({"quotes", "sources"}),
}


def extractors_to_rerun(stale: Iterable[str]) -> frozenset[str]:
    """The extractors to re-run for an article whose given extractors are out of date (an
    extractor the warehouse has never run for it counts as out of date)."""
    return frozenset().union(*(RECOMPUTED_WITH.get(name, frozenset({name})) for name in stale))


@dataclass(frozen=True)
class ExtractionRules:
    """Every rule set the extractors need, loaded once per process from seeds/."""

    layout: LayoutRules
    quotes: QuoteRules
    sources: SourceRules
    events: EventRules


@dataclass(frozen=True)
class ExtractedBatch:
    """Everything extracted from one batch, ready to load in one transaction."""

    articles: list[Article] = field(default_factory=list)
    entity_mentions: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    article_sources: list[ArticleSource] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    # per article laid out: the extractors that ran (all, unless only some were out of date)
    extractors: dict[str, frozenset[str]] = field(default_factory=dict)
    # seconds spent in each stage: layout, parse (spaCy), extract (entities, quotes, events), and
    # events alone (a part of extract, kept apart to hold its cost against the parse)
    seconds: dict[str, float] = field(default_factory=dict, compare=False)


def extract_batch(
    documents: Sequence[Document],
    nlp: Language,
    rules: ExtractionRules,
    default_published_at: datetime | None = None,
    nlp_batch_size: int = 32,
    n_process: int = 1,
    rerun: Mapping[str, frozenset[str]] | None = None,
) -> ExtractedBatch:
    """Parse layouts, run spaCy over the bodies with nlp.pipe, extract entities, quotes,
    sources and events.

    `rerun` names, for articles already in the warehouse, the extractors to run again (an
    article it does not name gets every extractor). An article whose layout cannot be parsed
    becomes an IngestError; the rest go on.
    """
    rerun = rerun or {}
    started = time.perf_counter()
    language = nlp.lang
    articles: list[Article] = []
    errors: list[IngestError] = []
    for document in documents:
        try:
            articles.append(build_article(document, rules.layout, language, default_published_at))
        except ValueError as error:
            errors.append(IngestError(document.source_uri, "layout", f"cannot parse the layout: {error}"))
    batch = ExtractedBatch(articles=articles, errors=errors,
                           extractors={a.article_id: rerun.get(a.article_id, ALL_EXTRACTORS) for a in articles})
    laid_out = time.perf_counter()
    extracting = 0.0
    bodies = ((article.body, article) for article in articles)
    # Strings spaCy meets while parsing the batch are freed when it ends (spaCy's memory zone):
    # a worker's vocabulary would otherwise grow with every new word of a long run. Nothing
    # below keeps a Doc, a Token or a string id past the loop.
    with nlp.memory_zone():
        for doc, article in nlp.pipe(bodies, as_tuples=True, batch_size=nlp_batch_size, n_process=n_process):
            parsed = time.perf_counter()
            _extract_from(doc, article, batch, rules)
            extracting += time.perf_counter() - parsed
    batch.seconds.update(layout=laid_out - started, extract=extracting,
                         parse=time.perf_counter() - laid_out - extracting)
    return batch


def _extract_from(doc: Doc, article: Article, batch: ExtractedBatch, rules: ExtractionRules) -> None:
    """Run the extractors wanted for one parsed article and add their records to the batch."""
    wanted = batch.extractors[article.article_id]
    if "entities" in wanted:
        batch.entity_mentions.extend(extract_entities(doc, article.article_id, article.body_start))
    index = DocIndex.of(doc)
    if "quotes" in wanted:
        quotes, sources = quotes_of(index, article.article_id, article.body_start, rules)
        batch.quotes.extend(quotes)
        batch.article_sources.extend(sources)
    if "events" in wanted:
        started = time.perf_counter()
        published = article.published_at.date() if article.published_at else None
        filed_at = dateline_place(article, rules.events.gazetteer)
        batch.events.extend(extract_events(
            index, article.article_id, article.body_start, rules.events, published,
            prior_countries={filed_at.place.country_iso2} if filed_at and filed_at.place else set(),
            dateline_place=filed_at))
        batch.seconds["events"] = batch.seconds.get("events", 0.0) + time.perf_counter() - started


def extract_quotes(
    doc: Doc, article_id: str, offset: int, rules: ExtractionRules
) -> tuple[list[Quote], list[ArticleSource]]:
    """Quotes and their resolved sources from a Doc parsed from raw_text[offset:]."""
    return quotes_of(DocIndex.of(doc), article_id, offset, rules)


def quotes_of(
    index: DocIndex, article_id: str, offset: int, rules: ExtractionRules
) -> tuple[list[Quote], list[ArticleSource]]:
    attributions = extract_attributions(index, rules.quotes).attributions
    return attribute_quotes(index, article_id, offset, attributions, rules.sources)


def dateline_place(article: Article, gazetteer: Gazetteer) -> PlaceMatch | None:
    """Where the story was filed: a prior for the places the article names, and an event's
    country only when the article names no other."""
    if article.dateline is None:
        return None
    return resolve_place(article.dateline, gazetteer)


def load_extraction_rules(seeds_dir: Path) -> ExtractionRules:
    """Read every rule CSV of seeds/ and the packaged gazetteers."""
    return ExtractionRules(
        layout=load_layout_rules(seeds_dir, dateline_place_names()),
        quotes=load_quote_rules(seeds_dir),
        sources=load_source_rules(seeds_dir, government_places()),
        events=load_event_rules(seeds_dir, load_gazetteer(seeds_dir)),
    )
