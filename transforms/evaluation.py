"""Scoring extraction against gold: pure functions from (text, gold) records to figures."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from transforms.event_gold import GoldEventArticle
from transforms.events import Event
from transforms.gold import GoldArticle, GoldQuote
from transforms.layout import LayoutRules, canonical_place, parse_layout
from transforms.sources import normalise_name

NO_PLACE = {"NO CITY", ""}


@dataclass(frozen=True)
class DatelineGold:
    """What a corpus says of one article's dateline."""

    text: str
    place: str | None  # as the corpus writes it: "SAN SALVADOR", "MANAGUA (NICARAGUA)", "STAMFORD, Conn."
    published: date | None = None  # give it only where the dateline itself writes the year


@dataclass(frozen=True)
class DatelineScore:
    """Share of articles whose dateline place (and, where gold has one, date) the parser got."""

    n_articles: int
    n_place_correct: int
    n_dated: int
    n_date_correct: int
    misses: list[tuple[str | None, str | None, int]] = field(default_factory=list)

    @property
    def place_accuracy(self) -> float:
        return self.n_place_correct / self.n_articles if self.n_articles else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.n_date_correct / self.n_dated if self.n_dated else 0.0


def gold_place_name(raw: str | None, rules: LayoutRules) -> str | None:
    """The city of a corpus dateline field: "MANAGUA (NICARAGUA)" -> Managua, "STAMFORD, Conn." -> Stamford."""
    if raw is None:
        return None
    city = raw.split(" (")[0].split(",")[0].strip().rstrip("-").strip()
    if city.upper() in NO_PLACE:
        return None
    return canonical_place(city, rules)


def score_datelines(golds: Iterable[DatelineGold], rules: LayoutRules) -> DatelineScore:
    """Parse each text's layout and compare its dateline with the gold place and date."""
    n = place_ok = dated = date_ok = 0
    misses: Counter[tuple[str | None, str | None]] = Counter()
    for gold in golds:
        layout = parse_layout(gold.text, rules)
        expected = gold_place_name(gold.place, rules)
        n += 1
        if _same_place(layout.dateline, expected):
            place_ok += 1
        else:
            misses[(expected, layout.dateline)] += 1
        if gold.published is not None:
            dated += 1
            date_ok += layout.dateline_date == gold.published
    return DatelineScore(n, place_ok, dated, date_ok, [(g, p, k) for (g, p), k in misses.most_common(10)])


def _same_place(predicted: str | None, expected: str | None) -> bool:
    return (predicted or "").casefold() == (expected or "").casefold()



# ---- quotes ---------------------------------------------------------------------------------

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
    """The article with only its speech-cue attributions (how the anchors in DESIGN §4 were
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
    """What the scorer needs of an extracted quote (transforms.sources.Quote fits)."""

    content_start: int
    content_end: int
    cue_start: int | None
    cue_end: int | None
    speaker_start: int | None
    speaker_end: int | None
    source_name: str | None  # normalised name of the resolved source
    kind: str


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


@dataclass
class MatchCounts:
    """Gold items, predicted items and the pairs matched one to one between them."""

    n_gold: int = 0
    n_predicted: int = 0
    n_matched: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.n_matched, self.n_predicted)

    @property
    def recall(self) -> float:
        return ratio(self.n_matched, self.n_gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


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


def _length(spans: Iterable[tuple[int, int]]) -> int:
    return sum(end - start for start, end in spans)


def _overlap(spans: Iterable[tuple[int, int]], start: int, end: int) -> int:
    return sum(max(0, min(b, end) - max(a, start)) for a, b in spans)


def _trimmed(text: str, spans: Iterable[tuple[int, int]]) -> str:
    return " ".join(text[a:b] for a, b in spans).strip(TRIM_FOR_EXACT)


def _one_to_one(pairs: list[tuple[float, int, int]]) -> dict[int, int]:
    """Greedy one-to-one matching by descending score: gold index -> predicted index."""
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, gold_index, predicted_index in sorted(pairs, reverse=True):
        if gold_index not in matched and predicted_index not in used:
            matched[gold_index] = predicted_index
            used.add(predicted_index)
    return matched


def score_quotes(articles: Iterable[tuple[GoldArticle, Sequence[PredictedQuote]]]) -> QuoteScore:
    """Score predicted quotes against gold: content matched one-to-one at character overlap
    >= 0.3 of the gold span (and, separately, exactly after trimming marks and punctuation);
    speaker, cue and resolved source judged on the matched pairs."""
    score = QuoteScore()
    for gold, predicted in articles:
        _score_article(score, gold, list(predicted))
    return score


def _score_article(score: QuoteScore, gold: GoldArticle, predicted: list[PredictedQuote]) -> None:
    text = gold.text
    matchable = {p for p, guess in enumerate(predicted) if any(
        _overlap(quote.content, guess.content_start, guess.content_end) for quote in gold.quotes)}
    predicted = [guess for p, guess in enumerate(predicted) if p in matchable or
                 _overlap(gold.ignored, guess.content_start, guess.content_end)
                 < 0.5 * (guess.content_end - guess.content_start)]
    score.n_gold += len(gold.quotes)
    score.n_predicted += len(predicted)
    overlaps = []
    exact = []
    for g, quote in enumerate(gold.quotes):
        gold_length = _length(quote.content) or 1
        for p, guess in enumerate(predicted):
            ratio = _overlap(quote.content, guess.content_start, guess.content_end) / gold_length
            if ratio >= MIN_CONTENT_OVERLAP:
                overlaps.append((ratio, g, p))
            if _trimmed(text, quote.content) == _trimmed(text, [(guess.content_start, guess.content_end)]):
                exact.append((1.0, g, p))
    matched = _one_to_one(overlaps)
    score.n_matched += len(matched)
    score.n_exact_matched += len(_one_to_one(exact))
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
            score.n_speaker_correct += guess.speaker_start is not None and _overlap(
                quote.speaker, guess.speaker_start, guess.speaker_end) > 0
        if quote.cue:
            score.n_with_gold_cue += 1
            score.n_cue_correct += guess.cue_start is not None and _overlap(quote.cue, guess.cue_start, guess.cue_end) > 0
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


# ---- events ---------------------------------------------------------------------------------

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


@dataclass
class DetectionScore(MatchCounts):
    """Overlap matching, not one to one: a gold span is found when any prediction overlaps it,
    a prediction right when it overlaps any gold span."""

    n_predicted_right: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.n_predicted_right, self.n_predicted)


def score_detection(pairs: Iterable[tuple[Sequence[tuple[int, int]], Sequence[tuple[int, int]]]]) -> DetectionScore:
    """Spans against gold spans, any character overlap counting as found (per document pairs of
    (gold spans, predicted spans))."""
    score = DetectionScore()
    for gold, predicted in pairs:
        score.n_gold += len(gold)
        score.n_predicted += len(predicted)
        score.n_matched += sum(1 for g in gold if any(_overlap([g], *p) for p in predicted))
        score.n_predicted_right += sum(1 for p in predicted if any(_overlap([g], *p) for g in gold))
    return score


@dataclass(frozen=True)
class ArgumentMention:
    role: str  # attacker | victim | place
    sentence: tuple[int, int]
    text: str


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}


def _head_word(text: str) -> str | None:
    words = re.findall(r"[^\W\d_]+", text)
    return words[-1].casefold() if words else None


def _same_argument(gold: ArgumentMention, predicted: ArgumentMention) -> bool:
    """Same role, same sentence, and one's head word (its last word) among the other's words:
    "general" matches "a Russian major general"."""
    if gold.role != predicted.role or gold.sentence != predicted.sentence:
        return False
    return _head_word(gold.text) in _words(predicted.text) or _head_word(predicted.text) in _words(gold.text)


def score_arguments(pairs: Iterable[tuple[Sequence[ArgumentMention], Sequence[ArgumentMention]]],
                    role: str) -> DetectionScore:
    """Arguments of one role against gold (per document pairs of (gold, predicted)), matched
    by sentence and head word, not one to one."""
    score = DetectionScore()
    for gold, predicted in pairs:
        gold = [g for g in gold if g.role == role]
        predicted = [p for p in predicted if p.role == role]
        score.n_gold += len(gold)
        score.n_predicted += len(predicted)
        score.n_matched += sum(1 for g in gold if any(_same_argument(g, p) for p in predicted))
        score.n_predicted_right += sum(1 for p in predicted if any(_same_argument(g, p) for g in gold))
    return score
