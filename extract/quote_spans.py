"""The words of a quote: its content as a span of the text, trimmed of edge punctuation, widened to
the quotation marks it touches, joined across a split quotation, and told direct, indirect or mixed."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

import numpy
from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Span, Token

from extract.quote_marks import Quotations, Quoted, has_wrapped_lines, paragraph_ends_in
from nlp.doc_index import doc_text

EDGE_PUNCTUATION = " \t\r\n,.;:—–-"
# One quoted word is a scare quote or a term ('caliphate'); two or three words without a verb
# count as a partial quotation inside reported speech ('called it "a non-starter"') but are
# never a quote on their own.
MIN_QUOTATION_WORDS = 2
MIN_STANDALONE_WORDS = 4


def span_chars(tokens: Iterable[Token]) -> tuple[int, int] | None:
    tokens = list(tokens)
    if not tokens:
        return None
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


# Wrapped wire copy (extract.quote_marks.has_wrapped_lines) starts a paragraph at a blank line
# or an indented line only; other text at every line break.
WRAPPED_KEY = "wirehouse.wrapped_lines"
BREAKS_KEY = "wirehouse.paragraph_breaks"


def doc_has_wrapped_lines(doc: Doc) -> bool:
    """has_wrapped_lines of a Doc's text, computed once a Doc."""
    if WRAPPED_KEY not in doc.user_data:
        doc.user_data[WRAPPED_KEY] = has_wrapped_lines(doc_text(doc))
    return doc.user_data[WRAPPED_KEY]


def paragraph_breaks(doc: Doc) -> list[int]:
    """The indices of the whitespace tokens that end a paragraph (with the space after them, as
    extract.quote_marks.paragraph_ends_in tells it), ascending; computed once a Doc."""
    if BREAKS_KEY not in doc.user_data:
        text, wrapped = doc_text(doc), doc_has_wrapped_lines(doc)
        spaces = [doc[i] for i in numpy.flatnonzero(doc.to_array([IS_SPACE])).tolist()]
        doc.user_data[BREAKS_KEY] = [t.i for t in spaces
                                     if paragraph_ends_in(text, t.idx, t.idx + len(t.text_with_ws), wrapped)]
    return doc.user_data[BREAKS_KEY]


def same_paragraph(tokens: Iterable[Token], anchor: Token) -> list[Token]:
    """The tokens in the anchor's paragraph: a parse that ran a sentence over a paragraph break
    ('"...theatrics." \n\n "Well look, he was ...," Trump said') does not carry the words
    across the break into the cue's clause."""
    breaks = paragraph_breaks(anchor.doc)
    at = bisect_left(breaks, anchor.i)
    first = breaks[at - 1] if at else -1
    last = breaks[at] if at < len(breaks) else len(anchor.doc)
    return [t for t in tokens if first < t.i < last]


def paragraph_after_colon(verb: Token) -> tuple[int, int] | None:
    """The paragraph a cue's sentence introduces with a colon at the end of its own paragraph
    ("The governor added:\n\nIt's typical of her. She knows nothing ..."), as a character span;
    None when the cue's paragraph does not end in a colon right after the cue's clause."""
    doc = verb.doc
    breaks = paragraph_breaks(doc)
    at = bisect_left(breaks, verb.i)
    if at >= len(breaks):
        return None
    colon = doc[breaks[at] - 1] if breaks[at] > 0 else None
    if colon is None or colon.text != ":" or colon.sent.start != verb.sent.start:
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ccomp", "conj") for t in doc[verb.i + 1:colon.i]):
        return None  # another clause stands between the cue and the colon
    end = breaks[at + 1] if at + 1 < len(breaks) else len(doc)
    return span_chars(t for t in doc[breaks[at] + 1:end] if not t.is_space)


def quoted_object(verb: Token, quotations: Quotations, terms: list[Quoted]) -> tuple[int, int] | None:
    """The verb's object when it holds a quotation: 'called it "a non-starter"' (mixed).

    A one-word quoted term counts only as a predicate complement ('called the deal "lousy"',
    'characterised the deaths as "crushing"'), never inside a plain object
    ('announced its self-styled 'caliphate'' is a scare quote).
    """
    complements = [c for c in verb.rights if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp")
                   or (c.dep_ == "prep" and c.lower_ == "as")]
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "attr", "dative")] + complements
    span = span_chars(same_paragraph((t for o in objects for t in o.subtree), verb))
    if span is None:
        return None
    if any(span[0] <= q.open_start and q.close_end <= span[1] + 1 for q in quotations.touching(span[0], span[1] + 1)):
        return span
    complement_span = span_chars(same_paragraph((t for c in complements for t in c.subtree), verb))
    if complement_span and any(complement_span[0] <= q.open_start and q.close_end <= complement_span[1] + 1
                               for q in terms):
        return span
    return None


def is_standalone(text: str, quotation: Quoted) -> bool:
    """Long enough to be a quote by itself, not only a partial quote inside reported speech."""
    return len(text[quotation.start:quotation.end].split()) >= MIN_STANDALONE_WORDS


# A sentence of at most this many tokens whose root is the cue can be nothing but an attribution
# ("Trump said.", "the campaign said in a statement Tuesday.").
MAX_ATTRIBUTION_SENTENCE = 10


def is_cue_on_root_noun(verb: Token) -> bool:
    """'"...!" the nominee, Donald Trump, tweeted Sunday': the parse made the speaker the
    sentence's root and the finite verb a modifier after it."""
    return (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.dep_ == "ROOT"
            and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i)


def is_attribution_sentence(sentence: Span, verb: Token) -> bool:
    """Whether a sentence the parse split from the quotation before it can only be that
    quotation's attribution: its cue is the root, or a verb on a root noun ('the nominee, Donald
    Trump, tweeted Sunday after ...'), and it is short or opens in lower case, as no sentence of
    its own does."""
    if not (verb.dep_ == "ROOT" or is_cue_on_root_noun(verb)):
        return False
    first_word = next((t for t in sentence if not (t.is_punct or t.is_space)), None)
    return len(sentence) <= MAX_ATTRIBUTION_SENTENCE or (first_word is not None and first_word.text[:1].islower())


def nearest_quotation(text: str, sentence: Span, verb: Token, quotations: Quotations) -> Quoted | None:
    """The quotation that ends or starts in the verb's sentence, nearest to the verb; or one that
    closes just before it, when the parse made the attribution a sentence of its own
    ('“... that are missing.” Trump said.')."""
    in_sentence = [q for q in quotations.touching(sentence.start_char - 1, sentence.end_char + 1)
                   if sentence.start_char <= q.end <= sentence.end_char
                   or sentence.start_char <= q.start < sentence.end_char]
    if not in_sentence and is_attribution_sentence(sentence, verb):
        in_sentence = [q for q in quotations.touching(sentence.start_char - 3, sentence.start_char)
                       if q.close_end <= sentence.start_char and not text[q.close_end:sentence.start_char].strip()
                       and "\n" not in text[q.close_end:sentence.start_char]]
    if not in_sentence:
        return None
    return min(in_sentence, key=lambda q: min(abs(q.close_end - verb.idx), abs(q.open_start - verb.idx)))


def cover_quotations(content: tuple[int, int], quotations: Quotations) -> tuple[int, int]:
    """Widen a content span to every quotation it touches (a quote over several sentences)."""
    start, end = content
    for q in quotations.touching(start, end):
        start, end = min(start, q.open_start), max(end, q.close_end)
    return start, end


def trimmed(text: str, content: tuple[int, int], quotations: Quotations) -> tuple[int, int] | None:
    """Drop edge punctuation and a quotation's own marks: content is what was said."""
    start, end = content
    while start < end and text[start] in EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCTUATION:
        end -= 1
    for q in quotations.touching(start, end):
        if q.open_start == start and q.close_end >= end:
            start = q.start
        if q.close_end == end and q.open_start <= start:
            end = q.end
    while end > start and text[end - 1] in EDGE_PUNCTUATION:
        end -= 1
    return (start, end) if end > start else None


def join_split_quotation(
    text: str, content: tuple[int, int], attribution: tuple[int, int], quotations: Quotations
) -> tuple[int, int]:
    """'"We made a plea," said Chuck Schumer, "and we were ignored."' is one quotation with the
    cue inside: join the quotation that resumes right after the speaker and cue."""
    start, end = content
    if end > attribution[0]:
        return content
    if text[end:attribution[0]].strip(" \u00a0,.:;—–-\"'“”‘’"):
        return content  # words between the quotation and the cue: no split quotation ("the A.C.A.,'' said")
    resumed = next(iter(quotations.after(attribution[1])), None)
    if resumed is None:
        return content
    between = text[attribution[1]:resumed.open_start]
    if between.strip(" \u00a0,.:;—–-)") or "\n" in between:  # ')' ends "said Sen. Anna Berg (D-Lund)."
        return content
    joined_end = resumed.end
    while joined_end > start and text[joined_end - 1] in EDGE_PUNCTUATION:
        joined_end -= 1
    return start, joined_end


def quote_kind(content: tuple[int, int], quotations: Quotations, text: str,
          attribution: tuple[int, int] | None = None) -> str:
    """direct: everything said is inside quotation marks (a cue and speaker may interrupt);
    mixed: quoted and unquoted words; indirect: no quotation."""
    start, end = content
    touching = quotations.touching(start, end)
    if not touching:
        return "indirect"
    covered = sorted([(q.open_start, q.close_end) for q in touching] + ([attribution] if attribution else []))
    outside_text, position = [], start
    for covered_start, covered_end in covered:
        if covered_start > position:
            outside_text.append(text[position:min(covered_start, end)])
        position = max(position, covered_end)
    outside_text.append(text[position:end])
    if not any(char.isalnum() for piece in outside_text for char in piece):
        return "direct"
    return "mixed"


def starts_line(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return not text[line_start:position].strip()
