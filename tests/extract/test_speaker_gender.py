"""Genders of an article's people: honorific, then given name, then the pronoun after the name."""

from __future__ import annotations

from extract.speaker_gender import genders_of_people
from nlp.doc_index import DocIndex


def genders(nlp, text, honorifics=None, given=None):
    index = DocIndex.of(nlp(text))
    return genders_of_people(index, honorifics or {"mr.": "m", "mrs.": "f", "ms.": "f"}, given or {},
                             lambda ent: (ent.text.casefold(), ent.text))


def test_an_honorific_tells_the_gender(nlp):
    assert genders(nlp, "Mrs. Alva Lund opened the meeting.").get("alva lund") == "f"


def test_a_given_name_outweighs_a_pronoun_that_speaks_of_another(nlp):
    text = 'Anna Berg called the mayor "a man who never listened, and he never will."'
    assert genders(nlp, text, given={"anna": "f"}).get("anna berg") == "f"
    assert genders(nlp, text).get("anna berg") == "m"  # with no given name known, the pronoun is all there is


def test_the_first_pronoun_after_the_name_in_its_sentence_is_the_last_resort(nlp):
    assert genders(nlp, "Kim Sorensen, 39, who has waived her right to anonymity, spoke.").get("kim sorensen") == "f"
