"""Protests: a rally, a march or a demonstration is a protest unless it has an object, is where a
speaker speaks, or needs a protest cue the text does not give."""

from __future__ import annotations

from spacy.tokens import Span, Token

from extract.events.families import PROTEST, VERBAL
from extract.events.rules import EventRules
from nlp.doc_index import span_text



def protests(token: Token, sentence: Span, rules: EventRules) -> bool:
    """A rally, a march or a demonstration is a protest unless it has an object ("demonstrated
    his commitment", "rallied support") or needs a protest cue that is not told."""
    lemma = token.lemma_.casefold()
    if lemma not in rules.gathering_words:
        return True
    if any(c.dep_ in ("dobj", "ccomp") for c in token.children):
        return False  # "demonstrated his commitment", "has demonstrated they have an open mind"
    if _a_speakers_venue(token, rules) and not _protesters_named(sentence, token, rules):
        return False  # "bashing Sanders during a rally in Brooklyn": what a speaker says there is no protest
    return not rules.gathering_words[lemma] or _protest_told(sentence, rules)


def _a_speakers_venue(gathering: Token, rules: EventRules) -> bool:
    """ "Speaking at a rally in Novi, Trump says", "bashing Sanders during a rally": the rally is
    where someone speaks, and its "against" or "demand" are the speaker's words."""
    if gathering.dep_ != "pobj" or gathering.head.lower_ not in ("at", "during"):
        return False
    verb = gathering.head.head
    said = [verb, verb.head] if verb.dep_ == "advcl" else [verb]  # "Speaking at a rally, Trump says"
    return any(v.lemma_.casefold() in rules.report_verbs
               or any(w.family == VERBAL for w in rules.triggers.get(v.lemma_.casefold(), ())) for v in said)


def _protesters_named(sentence: Span, gathering: Token, rules: EventRules) -> bool:
    """Another protest word in the sentence ("protesters", "a protest"): the rally is one."""
    return any(t.i != gathering.i and t.lemma_.casefold() not in rules.gathering_words
               and any(w.family == PROTEST and len(w.lemmas) == 1 and t.pos_ in w.pos
                       for w in rules.triggers.get(t.lemma_.casefold(), ())) for t in sentence)


def _protest_told(sentence: Span, rules: EventRules) -> bool:
    """A protest cue in the sentence or the next: "Students rallied in Tallahassee. They
    demanded that lawmakers act." """
    following = sentence.doc[sentence.end:sentence.end + 1]
    text = span_text(sentence) + (" " + next(iter(following.sents)).text if len(following) else "")
    return bool(rules.protest_cues.search(text))
