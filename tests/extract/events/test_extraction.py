"""Events of one article from its parsed Doc: one row per incident, offsets shifted by where the
Doc's text starts in raw_text, the dateline's country used only when no place is named."""

from __future__ import annotations

from datetime import date

from extract.events.extraction import extract_events
from nlp.doc_index import DocIndex

TEXT = "A car bomb exploded in Kabul on Monday, killing 12 people. The Taliban claimed the bombing."


def test_one_incident_told_twice_is_one_event_with_shifted_offsets(nlp, event_rules):
    offset = 40  # the body starts 40 characters into raw_text
    raw_text = "x" * offset + TEXT
    events = extract_events(DocIndex.of(nlp(TEXT)), "a1", offset, event_rules, date(2019, 1, 23))
    assert len(events) == 1
    event = events[0]
    assert (event.article_id, event.fatalities, event.event_date) == ("a1", 12, date(2019, 1, 21))
    assert raw_text[event.trigger_start:event.trigger_end] == event.trigger_text
    assert [raw_text[m.trigger_start:m.trigger_end] for m in event.mentions] == ["car bomb", "bombing"]
    assert event.country_iso3 == "AFG"


def test_a_text_without_an_incident_gives_no_event(nlp, event_rules):
    text = "Shares rose on Monday after the company reported strong sales."
    assert extract_events(DocIndex.of(nlp(text)), "a2", 0, event_rules, date(2019, 1, 23)) == []
