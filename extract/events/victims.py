"""Victims followed across sentences: "a man" ... "he" ... "the victim" is one person, so a man
who was shot and later died counts as one death and no injury."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Token

from extract.events.casualties import SINGULAR_PRONOUNS, VictimPart
from extract.events.readings import REFLEXIVE  # the clause's own subject, not the last victim named
from extract.events.records import Casualty

BACK_REFERENCES = frozenset({"the", "this", "that"})


class VictimBook:
    """The people an article has named as victims so far, in order, each with a key."""

    def __init__(self) -> None:
        self._keys: list[str] = []
        self._names: dict[str, str] = {}  # a word of a name -> its key

    def _name_key(self, head: Token) -> str:
        words = [t.lower_ for t in head.subtree if t.pos_ == "PROPN"] or [head.lower_]
        known = next((self._names[w] for w in words if w in self._names), None)
        key = known or "name:" + " ".join(words)
        for word in words:
            self._names.setdefault(word, key)
        return key

    def _key(self, head: Token) -> str:
        if head.lower_ in REFLEXIVE:  # "Clarke killed himself after shooting Gillespie": Clarke
            verb = head.head.head if head.head.dep_ == "conj" else head.head  # "shot and killed himself"
            subject = next((c for c in (*head.head.children, *verb.children) if c.dep_ == "nsubj"), None)
            if subject is not None and (subject.pos_ == "PROPN" or subject.ent_type_ == "PERSON"):
                return self._name_key(subject)
        last = self._keys[-1] if self._keys else None
        if head.lower_ in SINGULAR_PRONOUNS and last is not None:
            return last
        if head.pos_ == "PROPN" or head.ent_type_ == "PERSON":
            return self._name_key(head)
        other = head.lower_ in ("other", "another") or any(c.lower_ in ("other", "another", "second")
                                                           for c in head.children)
        refers = any(c.dep_ in ("det", "poss") and c.lower_ in BACK_REFERENCES for c in head.children)
        if (refers or head.lower_ == "victim") and last is not None and not other:
            return last
        return f"{head.lemma_.casefold()}#{len(self._keys)}"

    def keyed(self, parts: Iterable[VictimPart]) -> list[Casualty]:
        """The parts' casualties, a single person's with the key that follows them."""
        found = []
        # a pronoun means the person the sentence names, when it names one: "Hinsch, who identified
        # McClernon as the man who shot him, was taken to the hospital" is one victim
        for part in sorted(parts, key=lambda p: p.victim is not None and p.victim.lower_ in SINGULAR_PRONOUNS
                           and p.victim.lower_ not in REFLEXIVE):
            if part.victim is None or part.casualty.n != 1:
                found.append(part.casualty)
                continue
            key = self._key(part.victim)
            if key not in self._keys:
                self._keys.append(key)
            else:
                self._keys.remove(key)
                self._keys.append(key)  # the latest named is the one "he" means next
            found.append(replace(part.casualty, victim_key=key))
        return found
