"""Which words of one article name people: the full name a lone surname or given name stands
for, and the subjects that are a bare surname the model left untagged ("Quirin denied ...").
Pure functions of a DocIndex; extract/sources.py uses them to resolve speakers and pronouns."""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.attrs import DEP, ENT_IOB, POS
from spacy.symbols import PROPN, nsubj, nsubjpass
from spacy.tokens import Span, Token

from nlp.doc_index import DocIndex, span_text

OUTSIDE_ENTITY = 2  # ENT_IOB: the token is in no entity
NAME_LABELS = frozenset({"PERSON", "ORG"})  # the model tags some people ORG ("Antoine Quirin")


def full_names_by_surname(index: DocIndex, names_person: Callable[[Span, str], bool],
                          strip_titles: Callable[[str], str]) -> dict[str, str]:
    """The full name a lone word stands for in this article: "Clinton" -> "Hillary Clinton"
    (a surname, the first full name with it), and "Bernie" -> "Bernie Sanders" (a given name
    that starts one full name only; "Ban" -> "Ban Ki-moon"). names_person(entity, name) tells
    whether an entity, its titles stripped, names a person."""
    by_surname: dict[str, str] = {}
    by_given: dict[str, set[str]] = {}
    for ent in index.ents:
        if ent.label_ not in NAME_LABELS:
            continue  # dates, sums and places name no one; stripping their titles cost more than the rest
        words = strip_titles(span_text(ent)).split()
        if len(words) >= 2 and names_person(ent, " ".join(words)):
            by_surname.setdefault(words[-1].casefold(), " ".join(words))
            by_given.setdefault(words[0].casefold(), set()).add(" ".join(words))
    lone_given = {given: next(iter(names)) for given, names in by_given.items()
                  if len(names) == 1 and given not in by_surname}
    return {**lone_given, **by_surname}


def untagged_surname_subjects(index: DocIndex, full_names: dict[str, str]) -> list[Token]:
    """Subjects that are a lone proper noun in no entity and the surname of a person the
    article names in full: "Quirin denied any sexual activity" after "Antoine Quirin". Picked
    from the Doc's arrays, not by reading every token."""
    doc = index.doc
    if not full_names or not len(doc):
        return []
    tagged = doc.to_array([POS, DEP, ENT_IOB])
    picked = ((tagged[:, 0] == PROPN) & ((tagged[:, 1] == nsubj) | (tagged[:, 1] == nsubjpass))
              & (tagged[:, 2] == OUTSIDE_ENTITY))
    return [doc[i] for i in numpy.flatnonzero(picked).tolist() if doc[i].lower_ in full_names]
