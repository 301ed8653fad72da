"""Datelines: a first paragraph's lead split into byline, place, date and agency by offset, and
the dates datelines write."""

from __future__ import annotations

from datetime import date

import pytest

from extract.datelines import match_lead, parse_dateline_date, parse_lead


@pytest.mark.parametrize(
    ("value", "expected"),
    [("19 APR 89", date(1989, 4, 19)), ("3 JAN 90", date(1990, 1, 3)), ("Feb 26, 1987", date(1987, 2, 26)),
     ("June 29", None), ("NO DATE", None), ("31 FEB 89", None)],
)
def test_parse_dateline_date(value, expected):
    assert parse_dateline_date(value) == expected


LEADS = [
    # line, byline, place, date text, agency, the text after the lead
    ("MOUSSAOUI BEIRUT (AFP) - By launching attacks", "Moussaoui", "Beirut", None, "AFP", "By launching attacks"),
    ("KUWAIT, June 29 (Reuters) - Kuwait said", None, "Kuwait", "June 29", "Reuters", "Kuwait said"),
    ("STAMFORD, Conn., Feb 26, 1987 - Xerox said", None, "Stamford", "Feb 26, 1987", None, "Xerox said"),
    ("SAN SALVADOR, 19 APR 89 (ACAN-EFE) -- [TEXT] The army", None, "San Salvador", "19 APR 89", "ACAN-EFE",
     "[TEXT] The army"),  # the transcript tag is boilerplate of the body, not of the lead
]


@pytest.mark.parametrize("line, byline, place, date_text, agency, after", LEADS)
def test_a_lead_names_its_parts_and_where_the_story_starts(layout_rules, line, byline, place, date_text, agency,
                                                           after):
    lead = parse_lead(line, 0, len(line), layout_rules)
    assert (lead.byline, lead.place, lead.date_text, lead.agency) == (byline, place, date_text, agency)
    assert line[lead.end:] == after
    assert all(line[s.start:s.end] for s in lead.segments)  # every segment is text of the line


@pytest.mark.parametrize("line", [
    "The president said on Monday that talks would resume.",
    "In a statement - issued late - the ministry denied it.",
])
def test_an_ordinary_sentence_has_no_lead(layout_rules, line):
    assert match_lead(line) is None or parse_lead(line, 0, len(line), layout_rules) is None
