"""The pipeline as the project loads it: the model, plus sentences that scraped text glued."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param("It is investigating a Harvey shooting.The victim sustained non-life-threatening injuries.",
                     ["It is investigating a Harvey shooting.", "The victim sustained non-life-threatening injuries."],
                     id="glued-sentences-split"),
        pytest.param("He was shot at 9 a.m.Sunday on St.Louis Avenue.",
                     ["He was shot at 9 a.m.Sunday on St.Louis Avenue."], id="abbreviations-stay-whole"),
    ],
)
def test_glued_sentences_are_two(nlp, text, sentences):
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents] == sentences
    assert doc.text == text  # offsets into the raw text are unchanged
