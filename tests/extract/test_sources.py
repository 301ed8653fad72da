"""Sources: names normalised into keys, titles dropped, and speakers resolved inside one article."""

from __future__ import annotations

import pytest

from extract.quotes import extract_attributions
from extract.sources import ArticleSourceResolver, normalise_name, source_key
from nlp.doc_index import DocIndex


@pytest.mark.parametrize("name, normalised", [
    ("J.M. Berger", "jm berger"),
    ("  Recep  Tayyip Erdoğan ", "recep tayyip erdogan"),
    ("Al-Qaeda", "al-qaeda"),
])
def test_a_name_is_normalised_for_matching(name, normalised):
    assert normalise_name(name) == normalised


def test_a_source_key_is_its_kind_and_normalised_name():
    assert source_key("person", "J.M. Berger") == "person:jm berger"


@pytest.mark.parametrize("name, stripped", [
    ("Assemblywoman Selena Torres", "Selena Torres"),
    ("President", "President"),  # a lone title stays as it is
    ("the Prime Minister David Cameron", "David Cameron"),
])
def test_titles_are_dropped_from_a_persons_name(extraction_rules, name, stripped):
    assert extraction_rules.sources.strip_titles(name) == stripped


TEXT = ('Ahmad Zia, the interior minister, said the attackers had fled. "We will find them," he said. '
        'Officials said the border was closed.')


def test_speakers_resolve_to_named_people_pronouns_and_kinds_of_source(nlp, extraction_rules):
    index = DocIndex.of(nlp(TEXT))
    resolver = ArticleSourceResolver(index, extraction_rules.sources)
    attributions = extract_attributions(index, extraction_rules.quotes).attributions
    resolved = [resolver.resolve(a) for a in attributions]
    assert [(s.kind, s.name) for s in resolved] == [
        ("person", "Ahmad Zia"), ("person", "Ahmad Zia"), ("anonymous", "officials")]
