"""Quote extraction against gold attributions: our own gold (tests/gold) and PolNeAR."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language

from evaluation.counts import MatchCounts, one_to_one, overlap, ratio, span_length
from evaluation.gold.quotes import GoldArticle, GoldQuote
from extract.articles import build_article
from extract.attribution import Quote
from extract.components import extract_quotes
from extract.rule_sets import ExtractionRules
from extract.sources import normalise_name
from ingest.documents import batched
from ingest.records import Document, InputMetadata

IRREGULAR_VERB_FORMS = {"said": "say", "told": "tell", "wrote": "write", "written": "write", "spoke": "speak",
                        "spoken": "speak", "quipped": "quip"}


def candidate_lemmas(word: str) -> set[str]:
    """Possible base forms of an English verb form: "says" -> {"says", "say", ...}, "added" -> "add"."""
    word = word.casefold().strip(".,:;!?\"'“”‘’")
    forms = {word, IRREGULAR_VERB_FORMS.get(word, word)}
    for suffix, replacements in (("ies", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ied", ("y",)),
                                 ("ed", ("", "e")), ("d", ("",)), ("ing", ("", "e"))):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            forms.update(stem + r for r in replacements)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # "admitted" -> "admit"
    return forms


def has_speech_cue(text: str, quote: GoldQuote, speech_verbs: frozenset[str]) -> bool:
    """Whether a gold attribution's cue is an act of speech ("said", "according to", "told"),
    as opposed to belief or evidence ("thinks", "shows", "found")."""
    cue = " ".join(text[a:b] for a, b in quote.cue).casefold()
    if "according to" in cue:
        return True
    return any(candidate_lemmas(word) & speech_verbs for word in cue.split())


def speech_cue_quotes(article: GoldArticle, speech_verbs: frozenset[str]) -> GoldArticle:
    """The article with only its speech-cue attributions (how the published anchors were
    measured); the content of the others becomes 'ignored', so a quote found there is not
    counted as a false positive."""
    kept = tuple(q for q in article.quotes if has_speech_cue(article.text, q, speech_verbs))
    left_out = tuple(span for q in article.quotes if q not in kept for span in q.content)
    return GoldArticle(article.doc_id, article.text, kept, article.not_quotes, article.published_at,
                       article.ignored + left_out)

MIN_CONTENT_OVERLAP = 0.3
PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them"})
TRIM_FOR_EXACT = " \t\r\n\"'“”‘’«».,;:!?—–-"


@dataclass(frozen=True)
class PredictedQuote:
    """What the scorer needs of an extracted quote (extract.attribution.Quote fits)."""

    content_start: int
    content_end: int
    cue_start: int | None
    cue_end: int | None
    speaker_start: int | None
    speaker_end: int | None
    source_name: str | None  # normalised name of the resolved source
    kind: str


@dataclass
class QuoteScore(MatchCounts):
    """Counts behind precision, recall and the attribution accuracies."""

    n_exact_matched: int = 0
    n_with_gold_speaker: int = 0
    n_speaker_correct: int = 0
    n_with_gold_cue: int = 0
    n_cue_correct: int = 0
    n_with_gold_source: int = 0
    n_source_correct: int = 0
    n_gold_pronoun: int = 0
    n_pronoun_correct: int = 0
    n_gold_direct: int = 0
    n_direct_found: int = 0
    n_non_quotes_extracted: int = 0
    missed: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, gold content)
    spurious: list[tuple[str, str]] = field(default_factory=list)

    @property
    def exact_precision(self) -> float:
        return ratio(self.n_exact_matched, self.n_predicted)

    @property
    def exact_recall(self) -> float:
        return ratio(self.n_exact_matched, self.n_gold)

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.n_speaker_correct, self.n_with_gold_speaker)

    @property
    def cue_accuracy(self) -> float:
        return ratio(self.n_cue_correct, self.n_with_gold_cue)

    @property
    def source_accuracy(self) -> float:
        return ratio(self.n_source_correct, self.n_with_gold_source)

    @property
    def pronoun_accuracy(self) -> float:
        return ratio(self.n_pronoun_correct, self.n_gold_pronoun)

    @property
    def direct_recall(self) -> float:
        return ratio(self.n_direct_found, self.n_gold_direct)


def _trimmed(text: str, spans: Iterable[tuple[int, int]]) -> str:
    return " ".join(text[a:b] for a, b in spans).strip(TRIM_FOR_EXACT)


def score_quotes(articles: Iterable[tuple[GoldArticle, Sequence[PredictedQuote]]]) -> QuoteScore:
    """Score predicted quotes against gold: content matched one-to-one at character overlap
    >= 0.3 of the gold span (and, separately, exactly after trimming marks and punctuation);
    speaker, cue and resolved source judged on the matched pairs."""
    score = QuoteScore()
    for gold, predicted in articles:
        _score_article(score, gold, list(predicted))
    return score


def _score_article(score: QuoteScore, gold: GoldArticle, predicted: list[PredictedQuote]) -> None:
    """Add one article's matches to the score: quotes, exact spans, speakers, cues, kinds and
    sources. Long because every figure of the quote report is counted in the one pass that
    pairs gold and predicted quotes."""
    text = gold.text
    matchable = {p for p, guess in enumerate(predicted) if any(
        overlap(quote.content, guess.content_start, guess.content_end) for quote in gold.quotes)}
    predicted = [guess for p, guess in enumerate(predicted) if p in matchable or
                 overlap(gold.ignored, guess.content_start, guess.content_end)
                 < 0.5 * (guess.content_end - guess.content_start)]
    score.n_gold += len(gold.quotes)
    score.n_predicted += len(predicted)
    overlaps = []
    exact = []
    for g, quote in enumerate(gold.quotes):
        gold_length = span_length(quote.content) or 1
        for p, guess in enumerate(predicted):
            share = overlap(quote.content, guess.content_start, guess.content_end) / gold_length
            if share >= MIN_CONTENT_OVERLAP:
                overlaps.append((share, g, p))
            if _trimmed(text, quote.content) == _trimmed(text, [(guess.content_start, guess.content_end)]):
                exact.append((1.0, g, p))
    matched = one_to_one(overlaps)
    score.n_matched += len(matched)
    score.n_exact_matched += len(one_to_one(exact))
    for g, quote in enumerate(gold.quotes):
        found = matched.get(g)
        if quote.kind == "direct":
            score.n_gold_direct += 1
            score.n_direct_found += found is not None
        if found is None:
            score.missed.append((gold.doc_id, _trimmed(text, quote.content)[:100]))
            continue
        guess = predicted[found]
        if quote.speaker:
            score.n_with_gold_speaker += 1
            score.n_speaker_correct += guess.speaker_start is not None and overlap(
                quote.speaker, guess.speaker_start, guess.speaker_end) > 0
        if quote.cue:
            score.n_with_gold_cue += 1
            score.n_cue_correct += guess.cue_start is not None and overlap(quote.cue, guess.cue_start, guess.cue_end) > 0
        if quote.source:
            correct = guess.source_name is not None and guess.source_name == normalise_name(quote.source)
            score.n_with_gold_source += 1
            score.n_source_correct += correct
            speaker_text = _trimmed(text, quote.speaker).casefold()
            if speaker_text in PRONOUNS:
                score.n_gold_pronoun += 1
                score.n_pronoun_correct += correct
    matched_predicted = set(matched.values())
    for p, guess in enumerate(predicted):
        if p not in matched_predicted:
            score.spurious.append((gold.doc_id, text[guess.content_start:guess.content_end][:100]))
        if any(a <= guess.content_start and guess.content_end <= b for a, b in gold.not_quotes):
            score.n_non_quotes_extracted += 1


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
