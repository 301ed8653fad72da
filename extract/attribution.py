"""Quotes attributed: each quote's speaker resolved to a source, what an article says of each of its
sources, and one id per source across articles."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Token

from extract.budget import check_budget
from extract.quotes import Attribution
from extract.sources import ArticleSourceResolver, ResolvedSource, SourceRules, normalise_name, strip_article
from nlp.doc_index import DocIndex

AFFILIATION_PREPOSITIONS = frozenset({"at", "with", "from", "for"})


@dataclass(frozen=True)
class SourceDescription:
    description: str | None
    affiliation: str | None


@dataclass(frozen=True)
class ArticleSource:
    """One source of one article, with what the article says it is."""

    article_id: str
    source_key: str
    name: str
    kind: str
    mention_text: str | None  # the first mention as written; None when only pronouns refer to it
    description: str | None
    affiliation: str | None
    n_quotes: int


def describe_speaker(index: DocIndex, root: Token) -> SourceDescription:
    """Description and affiliation from an apposition or a title before the name.

    "Thomas Pierret, an expert in contemporary Islam at the University of Edinburgh" ->
    ("expert in contemporary Islam", "University of Edinburgh"); "Emergencies Minister
    Yevgeny Zinichev" -> ("Emergencies Minister", None).
    """
    doc = index.doc
    entity = index.entity_at(root.i)
    head = entity.root if entity is not None else root
    apposition = next((c for c in head.children if c.dep_ == "appos"), None)
    if apposition is None:
        entity_start = entity.start if entity is not None else head.i
        titles = [t for t in head.lefts if t.dep_ == "compound" and t.i < entity_start and t.pos_ in ("PROPN", "NOUN")]
        if titles:
            return SourceDescription(doc[titles[0].i: entity_start].text, None)
        return SourceDescription(None, None)
    tokens = list(apposition.subtree)
    sentence_end = apposition.sent.end
    while tokens[-1].i + 1 < sentence_end and doc[tokens[-1].i + 1].text not in (",", ";", ".") \
            and not (tokens[-1].i + 2 == sentence_end and doc[tokens[-1].i + 1].is_punct):
        tokens.append(doc[tokens[-1].i + 1])  # the parse cut the apposition short ("co-" | "author of ...")
    text_start, text_end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    affiliation = None
    for token in tokens:
        if token.lower_ in AFFILIATION_PREPOSITIONS and token.dep_ == "prep":
            objects = [c for c in token.children if c.dep_ == "pobj"]
            organisation = index.entity_at(objects[0].i) if objects else None
            if organisation is not None and organisation.label_ in ("ORG", "FAC"):
                affiliation = strip_article(organisation.text)
                text_end = token.idx
                break
    description = strip_article(index.text[text_start:text_end].strip(" ,"))
    return SourceDescription(description or None, affiliation)


def summarise_sources(
    article_id: str, mentions: Iterable[tuple[ResolvedSource, str | None, SourceDescription]],
) -> list[ArticleSource]:
    """One ArticleSource per source key: the first mention as written, the first description
    and affiliation found, and the number of quotes."""
    by_key: dict[str, ArticleSource] = {}
    for source, mention_text, description in mentions:
        previous = by_key.get(source.key)
        if previous is None:
            by_key[source.key] = ArticleSource(article_id, source.key, source.name, source.kind, mention_text,
                                               description.description, description.affiliation, 1)
            continue
        by_key[source.key] = ArticleSource(
            article_id, source.key, previous.name, source.kind,
            previous.mention_text or mention_text,
            previous.description or description.description,
            previous.affiliation or description.affiliation,
            previous.n_quotes + 1,
        )
    return list(by_key.values())


@dataclass(frozen=True)
class KnownSource:
    source_id: str
    source_key: str
    affiliation: str | None


def assign_source_ids(incoming: Sequence[tuple[str, str | None]], known: Sequence[KnownSource]) -> dict[tuple[str, str | None], str]:
    """Map (source_key, affiliation) pairs to source ids, merging with known sources.

    The rule: a source with the same kind and normalised name is the same source unless both
    have an affiliation and the affiliations differ. A pair without an affiliation joins the
    first known source of its key. New ids are a hash of the key (plus the affiliation when
    it conflicts with a known one), so loading the same data twice gives the same ids.
    """
    by_key: dict[str, list[KnownSource]] = {}
    for source in known:
        by_key.setdefault(source.source_key, []).append(source)
    assigned: dict[tuple[str, str | None], str] = {}
    for key, affiliation in incoming:
        if (key, affiliation) in assigned:
            continue
        candidates = by_key.setdefault(key, [])
        match = _compatible(candidates, affiliation)
        if match is None:
            suffix = "" if not candidates else f"|{normalise_name(affiliation or '')}"
            match = KnownSource(_hash_id(key + suffix), key, affiliation)
            candidates.append(match)
        assigned[(key, affiliation)] = match.source_id
    return assigned


def _compatible(candidates: list[KnownSource], affiliation: str | None) -> KnownSource | None:
    if not candidates:
        return None
    if affiliation is None:
        return candidates[0]
    wanted = normalise_name(affiliation)
    for candidate in candidates:
        if candidate.affiliation is not None and normalise_name(candidate.affiliation) == wanted:
            return candidate
    for candidate in candidates:
        if candidate.affiliation is None:
            return candidate
    return None


def _hash_id(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Quote:
    """One row of `quotes`: offsets index articles.raw_text; source_key is resolved to a
    source_id when loading."""

    article_id: str
    kind: str
    content: str
    content_start: int
    content_end: int
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    source_key: str | None
    confidence: float
    # The speaker's own words: where each quotation inside the content lies ('"A," Trump
    # responded, "B"' has two pieces, the reporter's words between them none); empty for a
    # paraphrase.
    piece_starts: list[int] = field(default_factory=list)
    piece_ends: list[int] = field(default_factory=list)


def quoted_pieces(content_start: int, content_end: int, quoted: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of a content span that lie inside quotation marks, in order (`quoted` holds the
    insides of the article's quotations, sorted)."""
    at = bisect_left(quoted, (content_start,)) - 1
    pieces = []
    for start, end in quoted[max(at, 0):]:
        if start >= content_end:
            break
        if end > content_start:
            pieces.append((max(start, content_start), min(end, content_end)))
    return [(start, end) for start, end in pieces if end > start]


def _shift(value: int | None, offset: int) -> int | None:
    return None if value is None else value + offset


def _pieces(attribution: Attribution, quoted: Sequence[tuple[int, int]], offset: int) -> dict[str, list[int]]:
    pieces = [] if attribution.kind == "indirect" else quoted_pieces(attribution.content_start, attribution.content_end, quoted)
    return {"piece_starts": [start + offset for start, _ in pieces], "piece_ends": [end + offset for _, end in pieces]}


def attribute_quotes(
    index: DocIndex, article_id: str, offset: int, attributions: Sequence[Attribution], rules: SourceRules,
    quoted: Sequence[tuple[int, int]] = (),
) -> tuple[list[Quote], list[ArticleSource]]:
    """Resolve every attribution's speaker and build the quote and article-source rows.

    The Doc was parsed from raw_text[offset:], so every offset is shifted by `offset`. `quoted`
    holds the quotations' insides: a name said there is no antecedent of the reporter's "he said".
    """
    if not attributions:
        return [], []  # no speaker to resolve: the article's names need not be read
    resolver = ArticleSourceResolver(index, rules, quoted)
    quoted = sorted(quoted)
    quotes: list[Quote] = []
    mentions: list[tuple[ResolvedSource, str | None, SourceDescription]] = []
    doc, text = index.doc, index.text
    for attribution in attributions:
        check_budget()
        source = resolver.resolve(attribution)
        speaker_text = None
        if attribution.speaker_start is not None:
            speaker_text = text[attribution.speaker_start:attribution.speaker_end]
        if source is not None:
            description = (describe_speaker(index, doc[attribution.speaker_root])
                           if attribution.speaker_start is not None and doc[attribution.speaker_root].pos_ != "PRON"
                           else SourceDescription(None, None))
            mention = speaker_text if speaker_text and doc[attribution.speaker_root].pos_ != "PRON" else None
            mentions.append((source, mention, description))
        quotes.append(Quote(
            article_id=article_id,
            kind=attribution.kind,
            content=text[attribution.content_start:attribution.content_end],
            content_start=attribution.content_start + offset,
            content_end=attribution.content_end + offset,
            cue=None if attribution.cue_start is None else text[attribution.cue_start:attribution.cue_end],
            cue_start=_shift(attribution.cue_start, offset),
            cue_end=_shift(attribution.cue_end, offset),
            speaker_text=speaker_text,
            speaker_start=_shift(attribution.speaker_start, offset),
            speaker_end=_shift(attribution.speaker_end, offset),
            source_key=None if source is None else source.key,
            confidence=attribution.confidence if source is not None else round(attribution.confidence * rules.unresolved_speaker, 2),
            **_pieces(attribution, quoted, offset),
        ))
    return quotes, summarise_sources(article_id, mentions)
