"""One batch of Documents through layout parsing, spaCy and every extractor."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extract.articles import Article, build_article
from extract.budget import ArticleTooSlow, time_budget
from extract.entities import ENTITIES_VERSION, EntityMention, extract_entities
from extract.events import EVENTS_VERSION, Event, EventRules, extract_events, load_event_rules
from extract.layout import LAYOUT_VERSION, LayoutRules, load_layout_rules
from extract.quotes import QUOTES_VERSION, QuoteRules, extract_attributions, load_quote_rules
from extract.sources import (
    SOURCES_VERSION,
    ArticleSource,
    Quote,
    SourceRules,
    attribute_quotes,
    load_source_rules,
)
from ingest.language import LanguageDetector, article_language, load_language_detector
from ingest.records import Document, IngestError
from nlp.doc_index import DocIndex
from nlp.gazetteer import dateline_place_names, government_places
from nlp.parsing import GROUP_CHARS, parse_texts
from nlp.places import Gazetteer, PlaceMatch, load_gazetteer, resolve_place

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
    languages: LanguageDetector


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
    nlp_batch_chars: int = GROUP_CHARS,
    keep_languages: frozenset[str] = frozenset(),
    article_seconds: float | None = None,
) -> ExtractedBatch:
    """Parse layouts, run spaCy over the bodies with nlp.pipe, extract entities, quotes,
    sources and events.

    `rerun` names, for articles already in the warehouse, the extractors to run again (an
    article it does not name gets every extractor). An article that fails to be laid out, parsed
    or extracted from becomes an IngestError with its article_id; the rest go on. An article in
    a language the pipeline does not cover is loaded with its layout only (its extractors
    recorded as run: there is nothing for them to find); one in a language not among
    `keep_languages` (when given) is quarantined as `language`. An article whose extraction takes
    over `article_seconds` is quarantined as `too_slow`.
    """
    rerun = rerun or {}
    started = time.perf_counter()
    batch = ExtractedBatch()
    for document in documents:
        try:
            language = article_language(document.raw_text, document.metadata.language, nlp.lang, rules.languages)
            if keep_languages and language not in keep_languages:
                batch.errors.append(IngestError(document.source_uri, "language", f"written in {language!r}, not "
                                                f"among the languages kept ({', '.join(sorted(keep_languages))})",
                                                document.article_id))
                continue
            article = build_article(document, rules.layout, language, default_published_at)
        except Exception as error:  # one article's failure is quarantined, never the batch's
            batch.errors.append(article_error(document.source_uri, document.article_id, "layout", error))
            continue
        batch.articles.append(article)
        batch.extractors[article.article_id] = rerun.get(article.article_id, ALL_EXTRACTORS)
    laid_out = time.perf_counter()
    to_parse = [(a.body, a) for a in batch.articles if a.language == nlp.lang]
    extracting = 0.0
    failed: set[str] = set()
    # Strings spaCy meets while parsing the batch are freed when it ends (spaCy's memory zone):
    # a worker's vocabulary would otherwise grow with every new word of a long run. Nothing
    # below keeps a Doc, a Token or a string id past the loop.
    with nlp.memory_zone():
        for article, doc in parse_texts(nlp, to_parse, nlp_batch_size, n_process, nlp_batch_chars):
            parsed = time.perf_counter()
            if isinstance(doc, Exception):
                batch.errors.append(article_error(article.source_uri, article.article_id, "parse", doc))
                failed.add(article.article_id)
                continue
            try:
                with time_budget(article_seconds):
                    records = _extract_from(doc, article, batch.extractors[article.article_id], rules)
            except ArticleTooSlow:
                batch.errors.append(IngestError(article.source_uri, "too_slow", f"extraction took over "
                                                f"{article_seconds:g} s (WIREHOUSE_ARTICLE_SECONDS); the article "
                                                "is not loaded", article.article_id))
                failed.add(article.article_id)
            except Exception as error:
                batch.errors.append(article_error(article.source_uri, article.article_id, "extract", error))
                failed.add(article.article_id)
            else:
                records.add_to(batch)
            extracting += time.perf_counter() - parsed
    if failed:
        batch.articles[:] = [a for a in batch.articles if a.article_id not in failed]
        for article_id in failed:
            del batch.extractors[article_id]
    batch.seconds.update(layout=laid_out - started, extract=extracting,
                         parse=time.perf_counter() - laid_out - extracting)
    return batch


def article_error(source_uri: str, article_id: str, stage: str, error: BaseException) -> IngestError:
    """The quarantine row of an article that failed at `stage` (layout, parse or extract)."""
    first_line = next((line for line in str(error).splitlines() if line.strip()), "")
    return IngestError(source_uri, stage, f"cannot {STAGE_VERBS[stage]} the article: "
                                          f"{type(error).__name__}: {first_line}"[:500], article_id)


STAGE_VERBS = {"layout": "lay out", "parse": "parse", "extract": "extract from"}


@dataclass
class ArticleRecords:
    """What the extractors found in one article, added to the batch only when all succeeded."""

    entity_mentions: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    article_sources: list[ArticleSource] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    events_seconds: float = 0.0

    def add_to(self, batch: ExtractedBatch) -> None:
        batch.entity_mentions.extend(self.entity_mentions)
        batch.quotes.extend(self.quotes)
        batch.article_sources.extend(self.article_sources)
        batch.events.extend(self.events)
        if self.events_seconds:
            batch.seconds["events"] = batch.seconds.get("events", 0.0) + self.events_seconds


def _extract_from(doc: Doc, article: Article, wanted: frozenset[str], rules: ExtractionRules) -> ArticleRecords:
    """Run the extractors wanted for one parsed article."""
    records = ArticleRecords()
    if "entities" in wanted:
        records.entity_mentions = extract_entities(doc, article.article_id, article.body_start)
    index = DocIndex.of(doc)
    if "quotes" in wanted:
        records.quotes, records.article_sources = quotes_of(index, article.article_id, article.body_start, rules)
    if "events" in wanted:
        started = time.perf_counter()
        published = article.published_at.date() if article.published_at else None
        filed_at = dateline_place(article, rules.events.gazetteer)
        records.events = extract_events(
            index, article.article_id, article.body_start, rules.events, published,
            prior_countries={filed_at.place.country_iso2} if filed_at and filed_at.place else set(),
            dateline_place=filed_at)
        records.events_seconds = time.perf_counter() - started
    return records


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
    # "CHESTER, S.C." is Chester in South Carolina: the region the dateline names qualifies it
    region = next((s.value for s in article.segments if s.kind == "dateline_region" and s.value), None)
    return resolve_place(f"{article.dateline}, {region}" if region else article.dateline, gazetteer)


def load_extraction_rules(seeds_dir: Path) -> ExtractionRules:
    """Read every rule CSV of seeds/ and the packaged gazetteers."""
    return ExtractionRules(
        layout=load_layout_rules(seeds_dir, dateline_place_names()),
        quotes=load_quote_rules(seeds_dir),
        sources=load_source_rules(seeds_dir, government_places(seeds_dir)),
        events=load_event_rules(seeds_dir, load_gazetteer(seeds_dir)),
        languages=load_language_detector(seeds_dir),
    )
