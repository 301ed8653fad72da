"""Role descriptions as speakers: "the Republican candidate said" names a person the article has
introduced. The person the article described with that noun ("Republican candidate Donald Trump",
"Hillary Clinton, the former secretary of state") is taken first, the latest one before the
mention; failing that, the person named as a subject or quoted last before it, as a reader takes
a definite description to point back at whoever the story is about."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from spacy.tokens import Span, Token

from nlp.antecedents import MentionsInOrder
from nlp.doc_index import DocIndex

Person = TypeVar("Person")  # what the resolver makes of a name (extract.sources.ResolvedSource)


def is_role_description(root: Token) -> bool:
    """A singular definite description that is nobody's in particular: "the nominee", not "a
    nominee", "nominees" or "Clinton's campaign chairman" (someone of hers, not her)."""
    return (root.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in root.children)
            and not any(c.dep_ == "poss" for c in root.children))


class RoleDescriptions(Generic[Person]):
    """The role nouns an article gives its named people, read once when first needed."""

    def __init__(self, index: DocIndex, role_nouns: frozenset[str], names_a_person: Callable[[str, Span], bool],
                 person_of: Callable[[str], Person]):
        self.index = index
        self.role_nouns = role_nouns
        self.names_a_person = names_a_person
        self.person_of = person_of
        self._described: dict[str, MentionsInOrder[Person]] | None = None

    def latest(self, noun: str, position: int) -> Person | None:
        """The latest person before `position` the article described with `noun`, or None."""
        if self._described is None:
            self._described = self._read()
        found = self._described.get(noun)
        hit = found.latest(position) if found is not None else None
        return hit[1] if hit is not None else None

    def _read(self) -> dict[str, MentionsInOrder[Person]]:
        described: dict[str, MentionsInOrder[Person]] = {}
        for ent in self.index.ents:
            if ent.label_ != "PERSON" or not self.names_a_person(ent.text, ent):
                continue
            root = ent.root
            words = [t for t in root.lefts if t.i < ent.start]  # "Republican nominee Donald Trump"
            words += [t for c in root.children if c.dep_ == "appos" for t in c.subtree]  # ", the former secretary"
            nouns = {t.lemma_.casefold() for t in words if t.lemma_.casefold() in self.role_nouns}
            for noun in nouns:
                described.setdefault(noun, MentionsInOrder()).add(ent.end_char, ent.start_char, self.person_of(ent.text))
        return described
