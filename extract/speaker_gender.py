"""What an article tells of its people's gender, for "he" and "she" to skip the others."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Span

from nlp.doc_index import DocIndex

GENDERED_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
                     "she": "f", "her": "f", "hers": "f", "herself": "f"}


def genders_of_people(index: DocIndex, honorific_gender: Mapping[str, str], given_name_gender: Mapping[str, str],
                      person_of: Callable[[Span], tuple[str, str]]) -> dict[str, str]:
    """Source key -> "m" or "f", from an honorific before the name ("Mme Spanton", "Mr.
    Quirin"); else the given name, when one gender bears it ("Richard", "Hillary";
    seeds/given_name_genders.csv); else the first personal pronoun after the name in the same
    sentence with no other person between ("Emily Spanton, 39, who has waived her right ..."),
    the weakest sign: in 'Hillary Clinton called him ... he [Trump] is' the "he" is another.
    person_of gives a PERSON entity's source key and name."""
    doc = index.doc
    people = [(ent, *person_of(ent)) for ent in index.ents if ent.label_ == "PERSON"]
    gender: dict[str, str] = {}
    for ent, key, _ in people:
        honorific = honorific_gender.get(doc[ent.start - 1].lower_) if ent.start > 0 else None
        if honorific := honorific or honorific_gender.get(doc[ent.start].lower_):
            gender.setdefault(key, honorific)
    for _, key, name in people:
        given = given_name_gender.get(name.split()[0].casefold()) if name else None
        if given is not None:
            gender.setdefault(key, given)
    for number, (ent, key, _) in enumerate(people):
        next_person = people[number + 1][0].start if number + 1 < len(people) else len(doc)
        pronoun = next((GENDERED_PRONOUNS[t.lower_] for t in doc[ent.end: min(ent.sent.end, next_person)]
                        if t.lower_ in GENDERED_PRONOUNS), None)
        if pronoun is not None:
            gender.setdefault(key, pronoun)
    return gender

