"""Quotes: who said what, from a parsed Doc and a reporting-verb lexicon, with character offsets.

Three kinds: direct (the content is one quotation), mixed (a paraphrase holding a partial
quotation, or a quotation continued by paraphrase) and indirect (reported speech without
marks). Speakers are kept as written ("he"); extract/sources.py resolves them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from extract.budget import check_budget
from extract.quote_marks import Quotations, Quoted, find_quoted_spans, looks_like_title
from extract.quote_parts import (
    complement_on_a_noun,
    is_caption,
    POSSESSIVE,
    SHARE_PREPOSITIONS,
    noun_cue,
    object_phrase,
    owned_clause,
    quotation_right_after,
    speaker_span,
    speaker_the_parse_missed,
    speaker_tokens,
    subject_of,
    trailing_clauses,
)
from extract.quote_spans import (
    MIN_QUOTATION_WORDS,
    cover_quotations,
    is_cue_on_root_noun,
    is_standalone,
    join_split_quotation,
    nearest_quotation,
    paragraph_after_colon,
    quote_kind,
    quoted_object,
    same_paragraph,
    span_chars,
    starts_line,
    trimmed,
)
from extract.quote_rules import QuoteConfidence, QuoteRules
from nlp.doc_index import DocIndex

QUOTES_VERSION = "quotes.v4"  # v4: objects that are what was said, owned clauses, speakers the parse missed
LINKING_POS = frozenset({"PUNCT", "CCONJ", "SCONJ", "ADV", "SPACE"})
MIN_OBJECT_PHRASE_STRENGTH = 0.8  # "vowed" and "complained" report speech; "continued paying" does not



@dataclass(frozen=True)
class Attribution:
    """One quote before speaker resolution; offsets index the Doc's text."""

    kind: str  # direct | indirect | mixed
    content_start: int
    content_end: int
    cue_start: int | None
    cue_end: int | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_root: int | None  # token index of the speaker's head word, for resolution
    confidence: float
    continues: bool = False  # a quotation paragraph with no cue, attributed to the previous speaker
    noun_cue: bool = False  # cued by a noun ("her remark that ..."), not a verb


@dataclass(frozen=True)
class QuoteExtraction:
    attributions: list[Attribution]
    quotations: Quotations  # real quotations
    non_quotes: list[Quoted]  # scare quotes, titles, single terms


def classify_quotations(index: DocIndex, quoted: Iterable[Quoted]) -> tuple[list[Quoted], list[Quoted]]:
    """Split quoted spans into quotations and non-quotes (scare quotes, titles, terms).

    Example: 'caliphate' and "ISIS: the State of Terror" are not quotations;
    "it has no real territorial presence" is (a partial quote).
    """
    quotations, non_quotes = [], []
    for q in quoted:
        span = index.doc.char_span(q.start, q.end, alignment_mode="expand")
        words = index.text[q.start:q.end].split()
        has_verb = span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)
        if looks_like_title(index.text[q.start:q.end]) and not (has_verb and len(words) > 6):
            non_quotes.append(q)
        elif len(words) < MIN_QUOTATION_WORDS:
            non_quotes.append(q)
        else:
            quotations.append(q)
    return quotations, non_quotes


def extract_attributions(index: DocIndex, rules: QuoteRules) -> QuoteExtraction:
    """Find every attributed statement in a Doc.

    Examples: '"...," Berger said.' (direct), 'Ankara says it has detained ...' (indirect),
    'According to Mathieu Guidere, ... ISIS is "capable of ..."' (mixed),
    'What is certain, he said, is that ...' (mixed, the cue inside the content).
    """
    real, non_quotes = classify_quotations(index, find_quoted_spans(index.text))
    quotations = Quotations(real)
    found: list[Attribution] = []
    seen: set[tuple[int | None, int]] = set()  # (cue, content start) of what is found
    for token in _cue_candidates(index.doc, rules.cue_nouns):
        if token.pos_ == "NOUN":
            attribution = None if quotations.holds(token.idx) else _noun_attribution(index, token, quotations, rules.confidence)
            if attribution is not None and (attribution.cue_start, attribution.content_start) not in seen:
                seen.add((attribution.cue_start, attribution.content_start))
                found.append(attribution)
            continue
        strength = rules.cue_strength(token)
        is_cue = strength is not None
        is_according = token.lower_ == "according" and token.i + 1 < len(index.doc) and index.doc[token.i + 1].lower_ == "to"
        if not (is_cue or is_according) or quotations.holds(token.idx):
            continue
        check_budget()
        if strength is not None:
            attribution = _verb_attribution(index, token, quotations, strength, non_quotes, rules)
        else:
            attribution = _according_to_attribution(index, token, quotations, rules)
        if attribution is not None and (attribution.cue_start, attribution.content_start) not in seen:
            seen.add((attribution.cue_start, attribution.content_start))
            found.append(attribution)
    # "In one tweet, Trump said: '...'": the verb's attribution stands, the noun's would repeat it
    verb_cued = [a for a in found if not a.noun_cue]
    found = [a for a in found if not a.noun_cue or not any(
        v.content_start < a.content_end and a.content_start < v.content_end for v in verb_cued)]
    found.extend(_continued_quotations(index.text, quotations, found, rules.confidence))
    found.sort(key=lambda a: (a.content_start, a.cue_start or 0))
    return QuoteExtraction(found, quotations.items, non_quotes)


def _cue_candidates(doc: Doc, cue_nouns: frozenset[str] = frozenset()) -> Iterator[Token]:
    """The tokens that may cue a quote, in order: verbs and auxiliaries (a speech verb),
    "according" and the cue nouns ("remark"), picked from the Doc's arrays rather than by
    reading every token."""
    tagged = doc.to_array([POS, LOWER, LEMMA])
    if not len(tagged):
        return
    according = doc.vocab.strings["according"]
    nouns = numpy.array([doc.vocab.strings[noun] for noun in cue_nouns], dtype=tagged.dtype)
    picked = ((tagged[:, 0] == VERB) | (tagged[:, 0] == AUX) | (tagged[:, 1] == according)
              | ((tagged[:, 0] == NOUN) & numpy.isin(tagged[:, 2], nouns)))
    for i in numpy.flatnonzero(picked).tolist():
        yield doc[i]


def _verb_attribution(
    index: DocIndex, verb: Token, quotations: Quotations, strength: float, terms: list[Quoted], rules: QuoteRules,
) -> Attribution | None:
    """The quote a speech verb cues, or None: its subject is the speaker, and its content is
    the clause before "as", the verb's complement, a passive subject, a quoted object or the
    nearest quotation, tried in that order. Long because each case is one branch with its
    example, and their order decides which content wins."""
    right_after = quotation_right_after(index, verb, quotations)
    subject = _speaker_of(index, verb, quotations, right_after)
    if subject is None or not _can_speak(subject) or (quotations.holds(subject.idx) and not quotations.holds(verb.idx)):
        return None  # '"... One of the brightest members of Congress," Cummings said': no speaker inside the quote
    if _says_nothing(verb, rules):
        return None
    sentence = verb.sent
    content: tuple[int, int] | None = None
    complement = _complement(verb, quotations, rules)
    if verb.dep_ == "advcl" and right_after is not None:
        content = (right_after.open_start, right_after.close_end)  # '... as she angrily said, "I am so sick ..."'
    elif verb.dep_ == "advcl" and complement is None and any(c.lower_ == "as" and c.dep_ == "mark" for c in verb.children):
        # "..., as Tunisia said, ...": the statement is the clause before the "as" (not in "prices
        # fell as traders estimated OPEC was pumping more", where the verb has a clause of its own)
        before = [t for t in verb.head.subtree if t.i < verb.left_edge.i]
        after = [t for t in verb.head.subtree if t.i > verb.right_edge.i]
        # "As Amar put it, ...", "Yet, as Mr. Bown observed, ...": a conjunction or adverb alone is no statement
        content = span_chars(before if any(t.pos_ not in LINKING_POS for t in before) else after)
    elif complement is not None and complement.i != subject.i:
        speaker = speaker_tokens(subject)
        said = [*complement.subtree, *trailing_clauses(verb, complement, rules.is_cue)]
        content = span_chars(t for t in same_paragraph(said, verb) if t.i not in speaker)
    elif any(c.dep_ == "agent" for c in verb.children) and any(c.dep_ == "nsubjpass" for c in verb.children):
        # "The death of Walter Munk was announced by the university": what was announced is
        # the passive subject (with what completes it: "reported by media to have visited ...").
        passive_subject = next(c for c in verb.children if c.dep_ == "nsubjpass")
        completion = [t for c in verb.children if c.dep_ in ("xcomp", "oprd", "ccomp") for t in c.subtree]
        content = span_chars(list(passive_subject.subtree) + completion)
    elif verb.dep_ == "parataxis":
        # "What is certain, he said, is that ...": the cue sits inside the statement.
        content = span_chars(t for t in same_paragraph(sentence, verb) if not t.is_punct or t.i < sentence.end - 1)
    else:
        content = paragraph_after_colon(verb) or quoted_object(verb, quotations, terms)
        if content is None and verb.dep_ != "relcl":
            # not for "the things Trump says are false, Jamieson said, '...'": a verb in a relative
            # clause speaks of what is said, it quotes nothing near it
            nearest = nearest_quotation(index.text, sentence, verb, quotations)
            content = (nearest.open_start, nearest.close_end) if nearest else None
        if content is None and strength >= MIN_OBJECT_PHRASE_STRENGTH and subject.dep_ != "nsubjpass":
            # not "was reported to have died": a passive reports no words
            said_objects = rules.vague_objects if verb.lemma_.casefold() in rules.object_is_said else None
            content = object_phrase(verb, subject, said_objects)
    if content is None:
        return None
    text = index.text
    content = trimmed(text, cover_quotations(content, quotations), quotations)
    if content is None or content[1] - content[0] < 3:
        return None
    speaker = speaker_span(index, subject)
    # The attribution clause: cue, speaker and what hangs on the verb outside the content
    # ("he told InsideSources", "Trump said Monday").
    clause_ends = [t.idx + len(t.text) for t in verb.subtree
                   if verb.i < t.i < sentence.end and not (t.is_punct or t.is_space)
                   and not (content[0] <= t.idx < content[1]) and not quotations.holds(t.idx)]
    speaker_phrase_start = min(speaker[0], subject.left_edge.idx)  # "IMF chief economist Maury Obstfeld"
    if content[1] <= verb.idx:
        speaker_phrase_start = max(speaker_phrase_start, content[1])  # not into the quotation the parse ran it over
    attribution_span = (min(verb.idx, speaker_phrase_start), max([verb.idx + len(verb.text), speaker[1], *clause_ends]))
    content = join_split_quotation(text, content, attribution_span, quotations)
    # the cue before and the speaker after the words ("After saying her foot was "so swollen ...,"
    # she was taken ...") do not interrupt them
    surrounds = attribution_span[0] <= content[0] and content[1] <= attribution_span[1]
    kind = quote_kind(content, quotations, text, None if surrounds else attribution_span)
    weights = rules.confidence
    penalty = weights.pronoun_speaker if subject.pos_ == "PRON" else 0.0
    confidence = round(min(weights.ceiling, weights.base + weights.per_verb_strength * strength - penalty), 2)
    return Attribution(kind, content[0], content[1], verb.idx, verb.idx + len(verb.text), speaker[0], speaker[1],
                       subject.i, confidence)


def _speaker_of(index: DocIndex, verb: Token, quotations: Quotations, right_after: Quoted | None) -> Token | None:
    """Who speaks for a cue verb: its subject (extract.quote_parts.subject_of); for a gerund that
    a quotation follows, the subject of the verb its preposition hangs on ('... before saying,
    "It's time ..."'), the passive subject after "as" ('Sheikh Ali was quoted by the daily
    al-Qabas as saying: "..."' is his); for a root with none, the speaker the parse missed."""
    subject = subject_of(verb)
    if subject is None and verb.dep_ == "pcomp" and right_after is not None and verb.head.head.pos_ in ("VERB", "AUX"):
        subject = subject_of(verb.head.head)
        if verb.head.lower_ == "as":
            subject = next((c for c in verb.head.head.children if c.dep_ == "nsubjpass"), subject)
    if subject is None and verb.dep_ == "ROOT":
        subject = speaker_the_parse_missed(index, verb, quotations)
    return subject


def _says_nothing(verb: Token, rules: QuoteRules) -> bool:
    """Whether a cue verb reports no words: a photo caption ("Protesters with a banner saying
    ..."), a question put to the one asked ("Asked whether the talks had failed, the minister
    said"), a negated cue ("Rubio did not suggest it would be Trump"), one under "unable" or
    "declined" ("A spokeswoman was unable to say whether ..."), or what someone says in general
    ("not everything Trump says is true")."""
    return ((verb.dep_ == "ROOT" and is_caption(verb.sent)) or _reduced_passive(verb)
            or any(c.dep_ == "neg" for c in verb.children)
            or (verb.dep_ == "xcomp" and verb.head.lemma_.casefold() in rules.withheld)
            or (verb.dep_ == "relcl" and verb.head.pos_ == "PRON"))


def _complement(verb: Token, quotations: Quotations, rules: QuoteRules) -> Token | None:
    """The clause a cue verb reports: its clausal complement in its own paragraph (one the parse
    found across a paragraph break is none: the quotation next to the cue is what was said,
    '..." \n\n "I think ...," Holtz-Eakin told me'); of two, the one after the cue when the one
    before is unquoted ("It's an unlikely scenario; Clinton's team says she'll continue ...");
    else a "that" clause the parse hung on a noun of the verb's phrase."""
    complements = [c for c in verb.children if c.dep_ == "ccomp" and same_paragraph([c], verb)]
    complement = complements[0] if complements else None
    if complement is not None and complement.i < verb.i and not quotations.holds(complement.idx):
        complement = next((c for c in complements if c.i > verb.i), complement)
    if complement is None:
        complement = complement_on_a_noun(verb, verb.lemma_.casefold() in rules.object_is_hearer)
    return complement


def _reduced_passive(verb: Token) -> bool:
    """A participle with no auxiliary, subject or agent hung on a clause ("Asked whether ...,",
    "The mayor, told of the vote, ..."): its noun is the one spoken to. Not the finite verb the
    parse hung on a root noun (is_cue_on_root_noun)."""
    if is_cue_on_root_noun(verb):
        return False
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl", "parataxis") and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in verb.children)


def _can_speak(subject: Token) -> bool:
    """A noun, a name or a pronoun; a quantity standing for people ("Many say", "Several said");
    or a number with a group or a name beside it ("Nine in 10 voters say", "The two admit", "one
    of the family's attorneys, Justin Bamberg, said"), not a bare figure ("5.6 said")."""
    if subject.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
        return True
    return subject.pos_ == "NUM" and any(
        (c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ in SHARE_PREPOSITIONS)) or c.dep_ in ("appos", "det")
        for c in subject.children)


def _noun_attribution(index: DocIndex, noun: Token, quotations: Quotations,
                      weights: QuoteConfidence) -> Attribution | None:
    """A quotation a cue noun introduces (extract.quote_parts.noun_cue), as a direct quote; else
    the clause its owner's claim or promise holds (extract.quote_parts.owned_clause)."""
    cue = noun_cue(index, noun, quotations)
    if cue is None:
        return _owned_clause_attribution(index, noun, quotations, weights)
    content = trimmed(index.text, (cue.quotation.open_start, cue.quotation.close_end), quotations)
    if content is None:
        return None
    return Attribution("direct", content[0], content[1], noun.idx, noun.idx + len(noun.text),
                       cue.speaker_start, cue.speaker_end, cue.speaker_root, weights.noun_cue, noun_cue=True)


def _owned_clause_attribution(index: DocIndex, noun: Token, quotations: Quotations,
                              weights: QuoteConfidence) -> Attribution | None:
    """"Trump's claim that there have been thousands of shootings": the owner said the clause."""
    owned = owned_clause(noun)
    if owned is None:
        return None
    owner, clause = owned
    content = trimmed(index.text, cover_quotations(clause, quotations), quotations)
    if content is None:
        return None
    start, end = speaker_span(index, owner)
    end -= len(index.text[start:end]) - len(POSSESSIVE.sub("", index.text[start:end]))  # "Donald Trump's"
    cue = (noun.idx, noun.idx + len(noun.text))
    return Attribution(quote_kind(content, quotations, index.text, cue), content[0], content[1], cue[0], cue[1],
                       start, end, owner.i, weights.noun_cue, noun_cue=True)


def _according_to_attribution(index: DocIndex, according: Token, quotations: Quotations,
                              rules: QuoteRules) -> Attribution | None:
    """'According to X, CONTENT', 'CONTENT, according to X', or the phrase inside the content
    ('Six of the murders were, according to agreed facts heard in court, "sexual in nature"')."""
    doc = index.doc
    to = doc[according.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        source = next((t for t in doc[to.i + 1: according.sent.end] if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
    if source is None or source.lemma_.casefold() in rules.according_to_norms:
        return None  # not "each country must negotiate according to its own interest"
    phrase_end = max(t.i for t in source.subtree) if source.head.i == to.i else source.i
    sentence = [t for t in according.sent if not t.is_space]
    before = [t for t in sentence if t.i < according.i]
    if not any(not t.is_punct for t in before) and not any(t.i > phrase_end and not t.is_punct for t in sentence):
        # the parse hung the statement on the source: "According to Rush Limbaugh, the move reeks of ..."
        phrase_end = next((t.i - 1 for t in sentence if t.i > source.i and t.text == ","), phrase_end)
    after = [t for t in sentence if t.i > phrase_end]
    words_before = [t for t in before if not t.is_punct]
    words_after = [t for t in after if not t.is_punct]
    if words_before and words_after:
        content = span_chars(before + after)  # the phrase sits inside the statement
    else:
        content = span_chars(words_after or words_before)
    if content is None:
        return None  # "according to X." alone says nothing
    content = trimmed(index.text, cover_quotations(content, quotations), quotations)
    if content is None:
        return None
    speaker = speaker_span(index, source)
    attribution_span = (according.idx, speaker[1])
    return Attribution(quote_kind(content, quotations, index.text, attribution_span), content[0], content[1],
                       according.idx, to.idx + len(to.text), speaker[0], speaker[1], source.i,
                       rules.confidence.according_to)


def _continued_quotations(text: str, quotations: Quotations, found: list[Attribution],
                          weights: QuoteConfidence) -> list[Attribution]:
    """A quotation that opens a paragraph with no cue of its own continues the previous speaker.

    Example: '"We will rebuild," she said.\\n\\n"It will take years."' -> both are hers.
    """
    continued: list[Attribution] = []
    by_start = sorted(found, key=lambda a: a.content_start)
    starts = [a.content_start for a in by_start]
    reach = list(accumulate((a.content_end for a in by_start), max))  # furthest end among the first k
    speakers = sorted((a for a in found if a.speaker_root is not None), key=lambda a: a.content_end)
    speaker_ends = [a.content_end for a in speakers]
    continued_reach = -1
    for q in quotations:
        n_before = bisect_left(starts, q.close_end)
        if (n_before and reach[n_before - 1] > q.open_start) or continued_reach > q.open_start:
            continue  # already part of a quote found
        if not starts_line(text, q.open_start) or not is_standalone(text, q):
            continue
        n_previous = bisect_right(speaker_ends, q.open_start)
        if not n_previous:
            continue
        # the quote that ends last before this one (the first found, of several ending there)
        last = speakers[bisect_left(speaker_ends, speaker_ends[n_previous - 1])]
        if text.count("\n\n", last.content_end, q.open_start) > 1:
            continue  # more than one paragraph away: too far to assume the same speaker
        continued.append(Attribution("direct", q.start, q.end, None, None, None, None, last.speaker_root, weights.continued_paragraph,
                                     continues=True))
        continued_reach = max(continued_reach, q.end)
    return continued


