"""The parts of an attribution read from the parse: who speaks for a cue verb, the speaker's
span, what a speech verb's object phrase says, and what a cue noun introduces. Pure functions
of a parsed Doc; extract/quotes.py puts them together into attributions."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from extract.quote_marks import Quotations, Quoted
from extract.quote_spans import is_cue_on_root_noun, is_standalone, same_paragraph, span_chars
from nlp.doc_index import DocIndex

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NAME_MODIFIER_DEPS = frozenset({"compound", "det", "amod", "poss", "nmod", "nummod", "flat"})
POSSESSIVE = re.compile(r"['’]s?$")
# What a speech verb's object phrase is made of when it has no clause: "vowed to form a task
# force" (an infinitive; not the object: "disparaging remarks" or "the information" say nothing
# of what was said), "complained about his microphone" (about; not "on": "announced on Friday").
OBJECT_DEPS = frozenset({"xcomp"})
OBJECT_PREPOSITIONS = frozenset({"about"})
# A gerund with a clause after these says what the main clause's subject said: "After saying her
# foot was swollen, she ...", "aside from saying he wants ...", "despite admitting that ...".
CLAUSE_PREPOSITIONS = frozenset({"after", "before", "despite", "from", "in", "while", "since", "upon", "without"})
# What a vague object is about: "details of the plan", "information about the budget"; not "the
# information to the council" (whom it went to).
TOPIC_PREPOSITIONS = frozenset({"about", "of", "on", "for"})
# A number speaks for a share of a group: "Nine in 10 voters say", "two out of three said".
SHARE_PREPOSITIONS = frozenset({"in", "out"})
# A speaker's own clause is not its words: "Anna Berg, who said ..." keeps the relative clause
# out of the speaker.
CLAUSE_DEPS = frozenset({"relcl", "acl"})


def subject_of(verb: Token) -> Token | None:
    """The speaker of a cue verb: its subject, the agent of a passive ("he was told by X"),
    or the subject of the verb it hangs from ("..., adding that ...")."""
    for child in verb.children:
        if child.dep_ == "agent":
            agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            if agent is not None:
                return agent
    subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    if subjects:
        # a parse run over a paragraph break may give two: "12:15 p.m. \n\n Donald Trump says ..."
        return (same_paragraph(subjects, verb) or subjects)[0]
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)  # "He smiled and said ...", "..., he said, adding that ..."
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.head.pos_ in ("VERB", "AUX"):
        # "Trump was quick to add that ...", "The panel is right to note that ..."; not the reporter's
        # "It's worth noting that ...", "it was too early to tell whether ..."
        subject = subject_of(verb.head.head)
        return subject if subject is not None and subject.lower_ not in ("it", "this", "that") else None
    clause_after = verb.head.lower_ in CLAUSE_PREPOSITIONS and any(c.dep_ == "ccomp" for c in verb.children)
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX") and (verb.head.lower_ == "by" or clause_after):
        # "She followed that by saying, ...", "After saying her foot was swollen, she ...", "despite admitting that ..."
        return subject_of(verb.head.head)
    if verb.dep_ == "acl" and verb.head.dep_ == "pobj" and verb.head.head.head.pos_ in ("VERB", "AUX"):
        # "In a statement announcing the pick, the Association ... called": who issued the statement
        speaker = subject_of(verb.head.head.head)
        if speaker is not None and speaker.i > verb.i:
            return speaker
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "ccomp" for c in verb.children) and not is_caption(verb.sent):
        # "issued a statement saying ...", "emailed supporters saying ...": the one who sent it speaks;
        # else the noun: "GOP primary voters saying they want a ban ..."
        sender = subject_of(verb.head.head) if verb.head.dep_ == "dobj" and verb.head.head.pos_ == "VERB" else None
        return sender or verb.head
    if is_cue_on_root_noun(verb):
        return verb.head
    return None


SPEAKER_LABELS = frozenset({"PERSON", "ORG"})


def is_caption(sentence: Span) -> bool:
    """A photo caption, not a statement: its root is a noun or a participle with no auxiliary
    ("People holding a banner saying ...", "Protesters carrying signs saying ...")."""
    root = sentence.root
    return root.pos_ in ("NOUN", "PROPN") or (root.tag_ == "VBG" and not any(c.dep_ == "aux" for c in root.children))


def speaker_the_parse_missed(index: DocIndex, verb: Token, quotations: Quotations) -> Token | None:
    """The speaker of a cue the parse gave no subject, in the two orders news uses after a
    quotation or before a cue: '"...," said Oversight ranking Democrat Elijah Cummings' (the
    first name, else the first noun, after the verb) and '"...," William M. Daley, President
    Obama's former chief of staff, said' or 'As part of his plea, Marcel Lazar, 44, said ...'
    (the first name in the words before the verb, past an opening phrase, set off by a comma)."""
    sentence = verb.sent
    before = index.text[sentence.start_char:verb.idx].rstrip()
    last_quote = next((q for q in reversed(quotations.touching(sentence.start_char, verb.idx))
                       if q.close_end <= verb.idx), None)
    if last_quote is not None and not index.text[last_quote.close_end:verb.idx].strip(" ,\u00a0"):
        return _first_noun_phrase(index, verb.i + 1, sentence.end)
    if not before.endswith(","):
        return None
    start = last_quote.close_end if last_quote is not None else sentence.start_char
    words = [t for t in same_paragraph(sentence, verb) if t.idx >= start and t.i < verb.i]
    opening = next((t for t in words if not (t.is_punct or t.is_space)), None)
    if opening is not None and opening.pos_ == "ADP":  # "In a statement to the Observer, ..."
        comma = next((t for t in words if t.text == ","), None)
        words = [t for t in words if comma is not None and t.i > comma.i]
    for token in words:
        ent = index.entity_at(token.i)
        if ent is not None and ent.label_ in SPEAKER_LABELS and ent.start == token.i:
            after = index.doc[ent.end] if ent.end < len(index.doc) else None
            return ent.root if after is not None and after.text == "," else None
    return None


def _first_noun_phrase(index: DocIndex, start: int, end: int) -> Token | None:
    """The head of the first noun phrase from a token on, up to a comma or the sentence's end:
    a person's or body's name when one is there ("Oversight ranking Democrat Elijah Cummings"),
    else the last noun of the first run of nouns ("a person close to the Clintons")."""
    run: list[Token] = []
    for token in index.doc[start:end]:
        if token.is_punct and token.text != "-":
            break
        ent = index.entity_at(token.i)
        if ent is not None and ent.label_ in SPEAKER_LABELS:
            return ent.root
        if token.pos_ in ("NOUN", "PROPN"):
            run.append(token)
        elif run:
            break
    return run[-1] if run else None


CLAUSE_ON_NOUN_DEPS = frozenset({"relcl", "acl", "ccomp"})
PHRASE_DEPS = frozenset({"dobj", "dative", "prep", "pobj", "npadvmod"})
ARGUMENT_DEPS = frozenset({"dobj", "attr", "acomp", "ccomp", "oprd", "dative"})


def complement_on_a_noun(verb: Token, object_is_hearer: bool = False) -> Token | None:
    """A speech verb's "that" clause the parse hung on a noun of the verb's object or phrase:
    "he told a meeting of Pacific Island leaders that few people understood ...", "predicted
    at the most recent debate that Republicans will take every state". A clause with its own
    subject whose "that" is not the one word it needs, on a noun deeper than the verb's own
    object unless that object is who was spoken to ("told a meeting that ..."): not the
    relative clauses of "announced the plan that the council approved" or "disclosed material
    that contractors were obliged to protect"."""
    for child in verb.rights:
        if child.dep_ not in PHRASE_DEPS:
            continue
        for token in child.subtree:
            if token.dep_ not in CLAUSE_ON_NOUN_DEPS or token.head.pos_ not in ("NOUN", "PROPN"):
                continue
            if token.head.i == child.i and child.dep_ == "dobj" and not object_is_hearer:
                continue  # what was disclosed, not a hearer: "disclosed classified material that contractors ..."
            opening = token.doc[token.left_edge.i]
            if opening.lower_ != "that" or opening.head.i != token.i or not _in_phrase_of(token.head, verb):
                continue
            subject = any(c.dep_ in SUBJECT_DEPS and c.i != opening.i for c in token.children)
            filled = opening.dep_ == "mark" or any(c.dep_ in ARGUMENT_DEPS and c.i != opening.i for c in token.children)
            if subject and filled:
                return token
    return None


def _in_phrase_of(noun: Token, verb: Token) -> bool:
    """Whether a noun hangs on the verb through nouns and prepositions only (no other verb)."""
    token = noun
    while token.i != verb.i:
        if token.dep_ not in PHRASE_DEPS and token.dep_ not in ("compound", "appos", "conj"):
            return False
        token = token.head
    return True


def speaker_entity(index: DocIndex, token: Token) -> Span | None:
    """The entity a speaker token is in, unless the model ran it over a verb: "Trump told The
    Associated Press of the prospects" or "Trump Says He Never" is no name."""
    ent = index.entity_at(token.i)
    if ent is None or any(t.pos_ in ("VERB", "AUX") for t in ent):
        return None
    return ent


def speaker_span(index: DocIndex, head: Token) -> tuple[int, int]:
    """Character span of a speaker mention: its entity, else the noun with its modifiers.

    "said JM Berger, analyst and ..." -> "JM Berger"; "experts say" -> "experts".
    """
    ent = speaker_entity(index, head)
    if ent is not None and ent.label_ != "CARDINAL":  # a number is no name: "Nine in 10 voters"
        start_token = ent.start + (1 if index.doc[ent.start].lower_ == "the" else 0)
        return index.doc[start_token].idx, ent.end_char
    left = head
    for child in head.lefts:
        if child.dep_ in NAME_MODIFIER_DEPS:
            left = min(left, child.left_edge, key=lambda t: t.i)
    right = head
    for child in head.rights:
        if child.dep_ in ("flat", "compound") or (head.pos_ == "NUM" and child.dep_ == "prep" and child.lower_ in SHARE_PREPOSITIONS):
            right = max(right, child.right_edge, key=lambda t: t.i)  # "Nine in 10 voters", "two out of three"
    return left.idx, right.idx + len(right.text)


def speaker_tokens(subject: Token) -> set[int]:
    """The token indices of a speaker's phrase, without a clause hanging on it."""
    inside_clauses = {t.i for c in subject.children if c.dep_ in CLAUSE_DEPS for t in c.subtree}
    return {t.i for t in subject.subtree} - inside_clauses


def quotation_right_after(index: DocIndex, token: Token, quotations: Quotations) -> Quoted | None:
    """The quotation that opens right after a token, past nothing but a comma or a colon."""
    end = token.idx + len(token.text)
    following = next(iter(quotations.after(end)), None)
    if following is None or index.text[end:following.open_start].strip(" ,:"):
        return None
    return following


def object_phrase(verb: Token, subject: Token, vague_objects: frozenset[str] | None = None) -> tuple[int, int] | None:
    """What a speech verb says when it has no clause or quotation: its infinitive ("vowed to
    form a task force"), what it was about ("complained about his microphone"), or, for a verb
    whose object is what was said (vague_objects given), its noun object ("announced a $1.9
    billion funding package"; not "mentioned Trump": a name is who was spoken of; not "the
    information": a vague noun says something only with a phrase of its own). The phrase must
    hold a noun or a verb: "said so" says nothing."""
    parts = [c for c in verb.rights
             if (c.dep_ in OBJECT_DEPS and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
             or (c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS and any(g.dep_ == "pobj" for g in c.children))
             or (vague_objects is not None and c.dep_ == "dobj" and says_something(c, vague_objects))]
    heads = [g for c in parts for g in ([c] if c.dep_ != "prep" else [g for g in c.children if g.dep_ == "pobj"])]
    speaker = speaker_tokens(subject)
    tokens = [t for c in heads for t in c.subtree if t.i not in speaker]
    if not any(t.pos_ in ("NOUN", "PROPN", "VERB") for t in tokens):
        return None
    return span_chars(tokens)


def says_something(noun: Token, vague_objects: frozenset[str]) -> bool:
    """Whether a speech verb's noun object tells what was said: a common noun, and not one that
    only names it ("remarks", "the information") unless a phrase or clause of its own follows
    ("plans to give $15 million")."""
    if noun.pos_ != "NOUN":
        return False
    return noun.lemma_.casefold() not in vague_objects or any(
        c.i > noun.i and (c.dep_ in CLAUSE_DEPS or (c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS))
        for c in noun.children)


@dataclass(frozen=True)
class NounCue:
    """A quotation a cue noun introduces, with its speaker (offsets index the Doc's text)."""

    quotation: Quoted
    speaker_start: int
    speaker_end: int
    speaker_root: int


def noun_cue(index: DocIndex, noun: Token, quotations: Quotations) -> NounCue | None:
    """A quotation a cue noun introduces: 'her March comment that, "We're going to ..."' (the
    owner speaks), 'McConnell delivered a blunt message to Trump: "It's time ..."' (the subject
    of the verb whose object the noun is, or whose preposition's: "closed with an appeal: ...").
    The quotation must open inside the noun's phrase or right after it (introduces)."""
    speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    if speaker is None and verb is not None and verb.pos_ == "VERB":
        # "McConnell delivered a blunt message:", "He closed with an appeal to voters:"
        speaker = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if speaker is None or speaker.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    phrase_end = index.doc[max(t.i for t in noun.subtree)]
    reach = phrase_end.idx + len(phrase_end.text)
    following = next(iter(quotations.after(noun.idx + len(noun.text))), None)
    if following is None or not is_standalone(index.text, following):
        return None
    if following.open_start >= reach and not introduces(index.text[reach:following.open_start]):
        return None
    start, end = speaker_span(index, speaker)
    end -= len(index.text[start:end]) - len(POSSESSIVE.sub("", index.text[start:end]))  # "Donald Trump's"
    return NounCue(following, start, end, speaker.i)


def owned_clause(noun: Token) -> tuple[Token, tuple[int, int]] | None:
    """The owner of a cue noun and the clause it holds, when no quotation follows: "Trump's
    claim that there have been thousands of shootings", "His promises to stick it to the
    rich". Not a relative clause ("the claim that he made"): "that" must open the clause, not
    be its object, and the noun must have an owner to speak."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    clause = next((c for c in noun.rights if c.dep_ == "acl" and any(
        (g.dep_ == "mark" and g.lower_ == "that") or (g.dep_ == "aux" and g.lower_ == "to") for g in c.children)), None)
    if clause is None:
        return None
    return owner, span_chars(same_paragraph(clause.subtree, noun))


def introduces(gap: str) -> bool:
    """Whether the words between a cue noun's phrase and a quotation let the noun introduce it:
    nothing but a comma or colon, "that", or a few words ending in a colon ("to Trump:")."""
    words = gap.strip(" ,")
    if not words or words.casefold() == "that":
        return True
    return words.endswith(":") and len(words.split()) <= 5 and not any(c in words for c in ".;\n")


# A clause the parse hung on the cue after its complement that still belongs to what was said:
# "Gowdy said that claim smacked of hypocrisy, because Democrats have been ..." (the reason is
# Gowdy's), "Lynch said she recalls X, ... admonishing the client" (a second complement).
TRAILING_DEPS = frozenset({"advcl", "ccomp"})
TRAILING_MARKS = frozenset({"because", "since", "although", "though", "while", "unless", "if", "so"})


def trailing_clauses(verb: Token, complement: Token, is_cue: Callable[[Token], bool]) -> list[Token]:
    """The tokens of the cue's clauses after its complement that continue the statement: a
    second complement, or an adverbial clause opened by "because", "although", "if" and the
    like; never one with a cue verb of its own ("..., adding that ...")."""
    tokens: list[Token] = []
    for child in verb.rights:
        if child.i <= complement.i or child.dep_ not in TRAILING_DEPS or is_cue(child):
            continue
        if child.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ in TRAILING_MARKS for c in child.children):
            continue
        tokens.extend(child.subtree)
    return tokens
