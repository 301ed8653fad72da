"""Entity mentions: spaCy's spans shifted into raw_text, with an identity per label and form."""

from extract.entities import entity_key, extract_entities


def test_mentions_point_into_the_raw_text_after_the_body_offset(nlp):
    headline = "Talks in Geneva\n\n"
    body = "Angela Merkel met officials of the United Nations in Geneva on Monday."
    raw_text = headline + body
    mentions = extract_entities(nlp(body), "a1", len(headline))
    assert mentions and all(raw_text[m.start:m.end] == m.text for m in mentions)
    assert {m.text for m in mentions} >= {"Angela Merkel", "Geneva"}


def test_the_identity_ignores_case_and_spacing_but_not_the_label():
    assert entity_key("GPE", "Tunisia") == entity_key("GPE", "  TUNISIA ")
    assert entity_key("GPE", "Jordan") != entity_key("PERSON", "Jordan")
    assert len(entity_key("ORG", "Reuters")) == 16
