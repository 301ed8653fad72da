"""Organisations among an article's speakers (extract/source_bodies.py)."""

from __future__ import annotations

from extract.source_bodies import companies_by_short_name, is_unnamed_body
from nlp.doc_index import DocIndex


def test_a_company_named_with_its_legal_form_is_known_by_its_first_word(nlp):
    index = DocIndex.of(nlp("Buitoni SpA agreed to buy the food firm. Buitoni said the accord was binding."))
    assert companies_by_short_name(index, frozenset({"spa", "inc"})) == {"buitoni": "Buitoni SpA"}
    assert companies_by_short_name(index, frozenset({"inc"})) == {}


def test_a_body_known_only_by_its_noun_is_unnamed():
    assert is_unnamed_body("organization", "firm")
    assert not is_unnamed_body("organization", "Nordbank Corp")
    assert not is_unnamed_body("anonymous", "analysts")
