"""One batch of Documents through layout parsing, spaCy and every extractor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from spacy.language import Language

from transforms.articles import Article, build_article
from transforms.documents import Document, IngestError
from transforms.entities import ENTITIES_VERSION, EntityMention, extract_entities
from transforms.layout import LAYOUT_VERSION, LayoutRules

EXTRACTOR_VERSIONS: dict[str, str] = {"layout": LAYOUT_VERSION, "entities": ENTITIES_VERSION}


@dataclass(frozen=True)
class ExtractedBatch:
    """Everything extracted from one batch, ready to load in one transaction."""

    articles: list[Article] = field(default_factory=list)
    entity_mentions: list[EntityMention] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)


def extract_batch(
    documents: Sequence[Document],
    nlp: Language,
    rules: LayoutRules,
    default_published_at: datetime | None = None,
    nlp_batch_size: int = 32,
    n_process: int = 1,
) -> ExtractedBatch:
    """Parse layouts, run spaCy over the bodies with nlp.pipe, and extract entities.

    An article whose layout cannot be parsed becomes an IngestError; the rest go on.
    """
    language = nlp.lang
    articles: list[Article] = []
    errors: list[IngestError] = []
    for document in documents:
        try:
            articles.append(build_article(document, rules, language, default_published_at))
        except ValueError as error:
            errors.append(IngestError(document.source_uri, "layout", f"cannot parse the layout: {error}"))
    mentions: list[EntityMention] = []
    bodies = ((article.body, article) for article in articles)
    for doc, article in nlp.pipe(bodies, as_tuples=True, batch_size=nlp_batch_size, n_process=n_process):
        mentions.extend(extract_entities(doc, article.article_id, article.body_start))
    return ExtractedBatch(articles=articles, entity_mentions=mentions, errors=errors)
