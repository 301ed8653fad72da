"""One batch of Documents through layout parsing, spaCy and every extractor."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from spacy.language import Language

from extract.articles import Article, build_article
from extract.attribution import ArticleSource, Quote
from extract.budget import ArticleTooSlow, time_budget
from extract.components import ALL_EXTRACTORS, ArticleRecords, article_extractors, article_info, run_extractors
from extract.entities import EntityMention
from extract.events import Event
from extract.rule_sets import ExtractionRules
from ingest.language import article_language
from ingest.records import Document, IngestError
from nlp.parsing import GROUP_CHARS, parse_texts


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
        article = _lay_out(document, nlp.lang, rules, default_published_at, keep_languages, batch)
        if article is not None:
            batch.articles.append(article)
            batch.extractors[article.article_id] = rerun.get(article.article_id, ALL_EXTRACTORS)
    laid_out = time.perf_counter()
    failed, extracting = _parse_and_extract(batch, nlp, rules, nlp_batch_size, n_process, nlp_batch_chars,
                                            article_seconds)
    if failed:
        batch.articles[:] = [a for a in batch.articles if a.article_id not in failed]
        for article_id in failed:
            del batch.extractors[article_id]
    batch.seconds.update(layout=laid_out - started, extract=extracting,
                         parse=time.perf_counter() - laid_out - extracting)
    return batch


def _lay_out(document: Document, pipeline_language: str, rules: ExtractionRules, default_published_at: datetime | None,
             keep_languages: frozenset[str], batch: ExtractedBatch) -> Article | None:
    """The article's language and layout, or None with its quarantine row in the batch."""
    try:
        language = article_language(document.raw_text, document.metadata.language, pipeline_language, rules.languages)
        if keep_languages and language not in keep_languages:
            batch.errors.append(IngestError(document.source_uri, "language", f"written in {language!r}, not "
                                            f"among the languages kept ({', '.join(sorted(keep_languages))})",
                                            document.article_id))
            return None
        return build_article(document, rules.layout, language, default_published_at)
    except Exception as error:  # one article's failure is quarantined, never the batch's
        batch.errors.append(article_error(document.source_uri, document.article_id, "layout", error))
        return None


def _parse_and_extract(batch: ExtractedBatch, nlp: Language, rules: ExtractionRules, nlp_batch_size: int,
                       n_process: int, nlp_batch_chars: int, article_seconds: float | None) -> tuple[set[str], float]:
    """Parse the bodies in the pipeline's language and run the extractor components on each;
    return the articles that failed and the seconds spent extracting."""
    to_parse = [(a.body, a) for a in batch.articles if a.language == nlp.lang]
    extractors = article_extractors(rules)
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
                    info = article_info(article, batch.extractors[article.article_id], rules.events.gazetteer)
                    records = run_extractors(doc, info, extractors)
            except ArticleTooSlow:
                batch.errors.append(IngestError(article.source_uri, "too_slow", f"extraction took over "
                                                f"{article_seconds:g} s (WIREHOUSE_ARTICLE_SECONDS); the article "
                                                "is not loaded", article.article_id))
                failed.add(article.article_id)
            except Exception as error:
                batch.errors.append(article_error(article.source_uri, article.article_id, "extract", error))
                failed.add(article.article_id)
            else:
                _add(records, batch)
            extracting += time.perf_counter() - parsed
    return failed, extracting


def _add(records: ArticleRecords, batch: ExtractedBatch) -> None:
    batch.entity_mentions.extend(records.entity_mentions)
    batch.quotes.extend(records.quotes)
    batch.article_sources.extend(records.article_sources)
    batch.events.extend(records.events)
    if records.events_seconds:
        batch.seconds["events"] = batch.seconds.get("events", 0.0) + records.events_seconds


def article_error(source_uri: str, article_id: str, stage: str, error: BaseException) -> IngestError:
    """The quarantine row of an article that failed at `stage` (layout, parse or extract)."""
    first_line = next((line for line in str(error).splitlines() if line.strip()), "")
    return IngestError(source_uri, stage, f"cannot {STAGE_VERBS[stage]} the article: "
                                          f"{type(error).__name__}: {first_line}"[:500], article_id)


STAGE_VERBS = {"layout": "lay out", "parse": "parse", "extract": "extract from"}
