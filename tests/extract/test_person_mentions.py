"""Which words of an article name people: full names by surname or given name, and surname
subjects the model left untagged (extract/person_mentions.py), on the real model."""

from __future__ import annotations

from extract.person_mentions import full_names_by_surname, untagged_surname_subjects
from nlp.doc_index import DocIndex


def _every_entity_a_person(ent, name):
    return ent.label_ in ("PERSON", "ORG")


def test_a_surname_and_a_lone_given_name_stand_for_the_full_name(nlp):
    index = DocIndex.of(nlp("Hillary Clinton met Bernie Sanders in Ohio. Clinton spoke first."))
    full_names = full_names_by_surname(index, lambda ent, name: ent.label_ == "PERSON", lambda name: name)
    assert full_names["clinton"] == "Hillary Clinton"
    assert full_names["bernie"] == "Bernie Sanders"


def test_a_given_name_shared_by_two_people_stands_for_neither(nlp):
    index = DocIndex.of(nlp("Anna Berg and Anna Holm met in Lund on Monday."))
    full_names = full_names_by_surname(index, lambda ent, name: ent.label_ == "PERSON", lambda name: name)
    assert "anna" not in full_names


def test_an_untagged_surname_subject_is_found_and_a_tagged_one_is_not(nlp):
    text = ("Emma Berg, 39, met officers Antoine Quirin and Nicolas Redouane, 40 and 49, at an Irish pub in Lund. "
            "Quirin denied any part in the theft.")
    index = DocIndex.of(nlp(text))
    full_names = full_names_by_surname(index, _every_entity_a_person, lambda name: name)
    subjects = untagged_surname_subjects(index, full_names)
    assert [t.text for t in subjects] == ["Quirin"]
    assert untagged_surname_subjects(index, {}) == []
