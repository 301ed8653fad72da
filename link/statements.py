"""Statements: one source's words quoted by several articles, whole or in part.

Two quotes of one speaker in different articles are one statement when their spoken words are
equal, when nearly every four-word shingle of the shorter is in the longer (a partial quote of
a longer one, since outlets cut quotes down), or when they share ten words in a row (one
remark cut at different sentences, or edited inside: an ellipsis, "[Clinton]"). The spoken
words are what stands inside the quotation marks: '"A," Trump responded, "B"' is compared as
"A B", without the reporter's words (the quote's pieces, quotes.piece_starts; spoken_words reads
the marks of a quote loaded before the pieces were kept). A statement is a group of quotes every two of which are linked (complete
link), so it does not depend on the order the quotes arrived in. The speaker is the resolved
source: the load gives "Barack Obama", "Obama" and "Barack H. Obama" one source
(extract.person_names), so two Clintons stay two speakers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

from link.incidents import Link

SHINGLE_WORDS = 4
# The share of the shorter quote's shingles that must be in the longer one.
MIN_CONTAINMENT = 0.8
# Fewer words than this say too little to be told apart from a stock phrase ("we'll see", the
# three quoted words of "to 'bomb the hell' out of" that a speaker repeats at every rally).
MIN_WORDS_SAME_TEXT = 4
MIN_WORDS_CONTAINED = 6
# Two quotes of one speaker that share this many words in a row are one remark cut differently
# ("A. B." in one outlet, "B. C." in another; an ellipsis or an inserted "[Clinton]" in one).
# Stock lines run up to nine ("this is the most important election of our lifetime").
MIN_SHARED_RUN = 10
# One remark edited in one outlet ("there has never been a man or a woman - not me, not Bill,
# nobody - more qualified than Hillary Clinton"; "coal companies and coal miners" swapped): as
# many words as a shared run, in the same order in runs of at least EDITED_RUN words, making
# up two thirds of the shorter quote. A stock line ("we're going to make America great again")
# is shorter than that.
EDITED_RUN = 3
MIN_EDITED_SHARE = 2 / 3
# An article's first quotes of one speaker (by position) that take part in statements: a page of
# 6,600 quotes of one speaker had made linking compare every one with every other's copies (2
# million links, 4 minutes). Real articles quote one speaker a few dozen times at most.
MAX_QUOTES_PER_SPEAKER = 200

_NOT_WORD = re.compile(r"[^\w\s]+")
# "ISIS's", "ISIS'" and "ISIS" are one word to compare: a possessive's spelling is the outlet's
_POSSESSIVE = re.compile(r"(?<=\w)'s?(?=\s|$)")


@dataclass(frozen=True)
class QuoteKey:
    """What the statement linker compares of one quote."""

    quote_id: str
    article_id: str
    speaker: str  # the source id
    content: str  # the spoken words (spoken_words)


# The quote kind of a paraphrase, and the source kind of a person (quotes.kind, sources.kind).
PARAPHRASE = "indirect"
PERSON = "person"


def may_repeat(quote_kind: str, source_kind: str | None, content: str = "") -> bool:
    """Whether a quote can be one statement with others: a paraphrase ("indirect") only when a
    person made it, and no headline. Paraphrases credited to anything else are mostly findings
    and narration that reporters copy ("29 percent said", "majorities say", "according to the
    AP"); a headline in title case ("... By Saying We Need Fewer Philosophers") paraphrases."""
    return (quote_kind != PARAPHRASE or source_kind == PERSON) and not is_title_case(content)


# A text of at least this many words whose every word but the small ones ("and", "of", "the")
# is capitalised is a headline: prose leaves "need", "met", "question" in lower case.
MIN_TITLE_WORDS = 4
TITLE_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or",
                               "the", "to", "via", "with"})


def is_title_case(text: str) -> bool:
    """Whether a text is written as a headline ("We Need Fewer Philosophers"), not a wire story
    in ALL CAPS nor prose that names people ("I met Hillary Clinton in Iowa"). Prose is told at
    its first long word in lower case, without reading on: the linker asks this of every quote
    it reads."""
    n_words = n_capitals = 0
    for word in text.split():
        if not word[:1].isalpha():
            continue
        if len(word) >= 3 and not word[0].isupper() and word.casefold() not in TITLE_SMALL_WORDS:
            return False
        n_words += 1
        n_capitals += len(word) > 1 and word.isupper()
    return n_words >= MIN_TITLE_WORDS and n_capitals <= n_words / 2


OPENING_MARKS = frozenset("“«„")
CLOSING_MARKS = frozenset("”»")
STRAIGHT_MARK = '"'


def spoken_words(content: str, quote_kind: str) -> str:
    """The words a quote puts in the speaker's mouth: the parts inside double quotation marks.

    A direct quote's content starts inside its marks, so '...,” Trump responded. “...' loses
    the reporter's words between them; a mixed quote keeps only its quoted fragments; a
    paraphrase, or a quote whose marks say nothing, is its whole content. Single marks are
    left alone: "’" is far more often an apostrophe."""
    inside = quote_kind == "direct"
    pieces: list[str] = []
    piece_start = 0 if inside else None
    for position, char in enumerate(content):
        opens = char in OPENING_MARKS or (char == STRAIGHT_MARK and not inside)
        closes = char in CLOSING_MARKS or (char == STRAIGHT_MARK and inside)
        if opens and not inside:
            inside, piece_start = True, position + 1
        elif closes and inside:
            pieces.append(content[piece_start:position])
            inside, piece_start = False, None
    if inside and piece_start is not None:
        pieces.append(content[piece_start:])
    spoken = " ".join(piece.strip() for piece in pieces if piece.strip())
    return spoken or content


@dataclass(frozen=True)
class QuoteWords:
    """A quote's normalised words and their shingles, computed once per quote."""

    key: QuoteKey
    words: tuple[str, ...]
    shingles: frozenset[tuple[str, ...]]


def normalised_words(text: str) -> tuple[str, ...]:
    """Lower-cased words without punctuation or accents' variants: "U.S." and "US" agree."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    if "'" in folded:
        folded = _POSSESSIVE.sub("", folded)
    return tuple(_NOT_WORD.sub("", folded).split())


def quote_words(key: QuoteKey, words: tuple[str, ...] | None = None) -> QuoteWords:
    words = normalised_words(key.content) if words is None else words
    return QuoteWords(key, words, shingles_of(words))


def shingles_of(words: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """The runs of SHINGLE_WORDS words; a quote shorter than that is one shingle of its words."""
    if len(words) < SHINGLE_WORDS:
        return frozenset((words,)) if words else frozenset()
    return frozenset(_runs(words))


def _runs(words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    return zip(*(words[i:] for i in range(SHINGLE_WORDS)))


def link_quotes(a: QuoteWords, b: QuoteWords) -> Link | None:
    """The link between two quotes of one speaker in different articles, or None."""
    if a.key.article_id == b.key.article_id or a.key.speaker != b.key.speaker:
        return None
    if a.words == b.words:
        return Link(1.0, ("same text",)) if len(a.words) >= MIN_WORDS_SAME_TEXT else None
    shorter, longer = sorted((a, b), key=lambda q: (len(q.words), q.key.quote_id))
    if len(shorter.words) < MIN_WORDS_CONTAINED:
        return None
    containment = len(shorter.shingles & longer.shingles) / len(shorter.shingles)
    if containment >= MIN_CONTAINMENT:
        return Link(round(containment, 3), ("contained",))
    if len(shorter.words) < MIN_SHARED_RUN:
        return None
    if _shares_run(shorter.words, longer.words):
        return Link(round(containment, 3), ("shared run",))
    matched = words_in_order(shorter.words, longer.words)
    if matched >= MIN_SHARED_RUN and matched >= MIN_EDITED_SHARE * len(shorter.words):
        return Link(round(matched / len(shorter.words), 3), ("edited",))
    return None


def words_in_order(shorter: tuple[str, ...], longer: tuple[str, ...]) -> int:
    """How many of the shorter quote's words are in the longer one in the same order, in runs of
    EDITED_RUN words or more: an insertion, a cut or a changed word costs only the words it
    touches, where a shingle loses four."""
    blocks = SequenceMatcher(None, shorter, longer, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks if block.size >= EDITED_RUN)


def _shares_run(shorter: tuple[str, ...], longer: tuple[str, ...]) -> bool:
    """Whether the two word sequences share MIN_SHARED_RUN words in a row."""
    runs = {longer[i:i + MIN_SHARED_RUN] for i in range(len(longer) - MIN_SHARED_RUN + 1)}
    return any(shorter[i:i + MIN_SHARED_RUN] in runs for i in range(len(shorter) - MIN_SHARED_RUN + 1))


def quote_links_among(new: Iterable[QuoteKey], others: Iterable[QuoteKey]) -> dict[tuple[str, str], Link]:
    """Every link between a new quote and a new or other quote of the same speaker, keyed by
    the two quote ids in order. Speakers are taken one at a time (only those quoted by two
    articles or more), so only one speaker's shingles are held at once, and only quotes that
    share a shingle are compared."""
    by_speaker: dict[str, tuple[list[QuoteKey], list[QuoteKey]]] = {}
    for position, keys in enumerate((new, others)):
        for key in keys:
            by_speaker.setdefault(key.speaker, ([], []))[position].append(key)
    found: dict[tuple[str, str], Link] = {}
    for new_keys, other_keys in by_speaker.values():
        if new_keys and len({key.article_id for key in [*new_keys, *other_keys]}) > 1:
            found.update(_speaker_links(new_keys, other_keys))
    return found


def _speaker_links(new_keys: list[QuoteKey], other_keys: list[QuoteKey]) -> dict[tuple[str, str], Link]:
    """The links of one speaker's new quotes with its other quotes and each other. Only the new
    quotes' shingles are indexed: most of a speaker's other quotes share none of them, and those
    are passed over without building their shingles."""
    new_words = [quote_words(key) for key in new_keys]
    index: dict[tuple[str, ...], list[QuoteWords]] = {}
    for quote in new_words:
        for shingle in quote.shingles:
            index.setdefault(shingle, []).append(quote)
    found: dict[tuple[str, str], Link] = {}
    for quote in new_words:
        _link_with_new(quote, quote.shingles, index, found)
    for key in other_keys:
        words = normalised_words(key.content)
        if len(words) >= SHINGLE_WORDS and index.keys().isdisjoint(_runs(words)):
            continue
        quote = quote_words(key, words)
        _link_with_new(quote, quote.shingles & index.keys(), index, found)
    return found


def _link_with_new(quote: QuoteWords, shared: Iterable[tuple[str, ...]], index: Mapping[tuple[str, ...], list[QuoteWords]],
                   found: dict[tuple[str, str], Link]) -> None:
    """Compare a quote with every new quote it shares a shingle with, once a pair."""
    seen: set[str] = {quote.key.quote_id}
    for shingle in shared:
        for other in index.get(shingle, ()):
            if other.key.quote_id in seen:
                continue
            seen.add(other.key.quote_id)
            a, b = sorted((quote.key.quote_id, other.key.quote_id))
            if (a, b) not in found and (result := link_quotes(quote, other)) is not None:
                found[(a, b)] = result
