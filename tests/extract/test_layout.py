"""Layout parsing: the seed, the dateline styles of the wires, and offsets that never lie."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.layout import parse_layout
from tests.conftest import FIXTURES_DIR, SEED_ARTICLE

SEED_TITLE = "ISIS seeks to offset 'caliphate' defeats in Syria and Iraq with new terror attacks elsewhere"


def segment_texts(text, layout, kind):
    return [text[s.start:s.end] for s in layout.segments if s.kind == kind]


def test_seed_layout(layout_rules):
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    layout = parse_layout(text, layout_rules)
    assert layout.title == SEED_TITLE
    assert layout.byline == "Moussaoui"
    assert layout.dateline == "Beirut"
    assert layout.agency == "AFP"
    assert layout.publisher == "The Straits Times"
    body = text[layout.body_start:layout.body_end]
    assert body.startswith("By launching attacks in Yemen and Tunisia")
    assert body.endswith('"on providing a new headline every week".')
    assert "Telegram" not in body
    assert segment_texts(text, layout, "byline") == ["MOUSSAOUI"]
    assert segment_texts(text, layout, "dateline") == ["BEIRUT"]
    assert segment_texts(text, layout, "agency") == ["AFP"]
    assert segment_texts(text, layout, "boilerplate") == [
        "Join ST's Telegram channel and get the latest breaking news delivered to you."
    ]


@pytest.mark.parametrize(
    ("text", "dateline", "date_text", "published", "agency", "byline", "body_starts"),
    [
        pytest.param("KUWAIT, June 29 - Kuwait's oil minister said output would hold.",
                     "Kuwait", "June 29", None, None, None, "Kuwait's oil", id="reuters-no-year"),
        pytest.param("SAN SALVADOR, 19 APR 89 (ACAN-EFE) -- [TEXT] THE ARMY SAID TODAY THAT IT WON.",
                     "San Salvador", "19 APR 89", date(1989, 4, 19), "ACAN-EFE", None, "THE ARMY", id="muc"),
        pytest.param("WASHINGTON (Reuters) - The U.S. central bank held rates.",
                     "Washington", None, None, "Reuters", None, "The U.S.", id="reuters-agency"),
        pytest.param("Beirut (AFP) – Flood waters receded on Tuesday.",
                     "Beirut", None, None, "AFP", None, "Flood waters", id="afp-en-dash"),
        pytest.param("MOUSSAOUI BEIRUT (AFP) - By launching attacks, ISIS aims to expand.",
                     "Beirut", None, None, "AFP", "Moussaoui", "By launching", id="byline-in-caps"),
        pytest.param("NEW YORK (AP) — Stocks rose on Friday.",
                     "New York", None, None, "AP", None, "Stocks rose", id="two-word-place-not-a-byline"),
        pytest.param("MANAGUA (NICARAGUA), 21 MAR 89 (BARRICADA) -- [TEXT] FAR FROM A TRUCE, THE WAR GOES ON.",
                     "Managua", "21 MAR 89", date(1989, 3, 21), "BARRICADA", None, "FAR FROM", id="muc-country"),
        pytest.param("STAMFORD, Conn., Feb 26 - Olin Corp said its board will elect a new chief.",
                     "Stamford", "Feb 26", None, None, None, "Olin Corp", id="reuters-state"),
        pytest.param("VALLEY FORGE, Pa., March 3 - Alco Standard said profits rose.",
                     "Valley Forge", "March 3", None, None, None, "Alco", id="no-byline-in-comma-form"),
        pytest.param("WINSTON-SALEM, N.C., March 2 - RJR Nabisco said it would sell a unit.",
                     "Winston-Salem", "March 2", None, None, None, "RJR", id="hyphenated-place"),
        pytest.param("CLEVELAND, Feb 26, 1987 - Standard Oil said it would form a unit.",
                     "Cleveland", "Feb 26, 1987", date(1987, 2, 26), None, None, "Standard Oil", id="date-with-year"),
    ],
)
def test_dateline_styles(layout_rules, text, dateline, date_text, published, agency, byline, body_starts):
    layout = parse_layout(text, layout_rules)
    assert layout.dateline == dateline
    assert layout.dateline_date_text == date_text
    assert layout.dateline_date == published
    assert layout.agency == agency
    assert layout.byline == byline
    assert text[layout.body_start:layout.body_end].startswith(body_starts)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The minister - who spoke on Monday - said output would hold.", id="dash-in-a-sentence"),
        pytest.param("Officials said 20 people died - most of them tourists.", id="dash-after-lowercase"),
        pytest.param("In Paris, yesterday - the mayor said - a fire broke out.", id="comma-but-no-date"),
    ],
)
def test_no_dateline_in_ordinary_sentences(layout_rules, text):
    layout = parse_layout(text, layout_rules)
    assert (layout.dateline, layout.agency, layout.byline) == (None, None, None)
    assert layout.body_start == 0


def test_reuters_sign_off_is_boilerplate_and_names_the_agency(layout_rules):
    text = (FIXTURES_DIR / "articles" / "reuters_style.txt").read_text(encoding="utf-8")
    layout = parse_layout(text, layout_rules)
    assert layout.agency == "Reuters"
    assert layout.title is None
    assert text[layout.body_end - len("take place."):layout.body_end] == "take place."
    assert segment_texts(text, layout, "boilerplate") == ["Reuter"]


def test_byline_line_and_title(layout_rules):
    text = (FIXTURES_DIR / "articles" / "ap_style.txt").read_text(encoding="utf-8")
    layout = parse_layout(text, layout_rules)
    assert layout.title == "Senate passes stopgap bill to keep agencies open"
    assert layout.byline == "Jane Doe"
    assert (layout.dateline, layout.agency) == ("Washington", "AP")
    assert text[layout.body_start:].startswith("The Senate voted")


def test_metadata_title_is_skipped_only_when_the_text_repeats_it(layout_rules):
    repeated = parse_layout("Flood waters recede\n\nThe river fell overnight.", layout_rules, title_hint="Flood waters recede")
    assert repeated.title == "Flood waters recede" and repeated.body_start > 0
    absent = parse_layout("The river fell overnight.\n\nResidents returned.", layout_rules, title_hint="Flood waters recede")
    assert absent.title == "Flood waters recede" and absent.body_start == 0


def test_sentence_first_line_is_not_a_title(layout_rules):
    layout = parse_layout("The river fell overnight.\n\nResidents returned home.", layout_rules)
    assert layout.title is None and layout.body_start == 0


# Pieces of real layouts, shuffled: they reach the dateline, title and boilerplate rules
# far more often than random characters do.
LAYOUT_PIECES = ["BEIRUT", "MOUSSAOUI ", "(AFP)", " - ", " -- ", "–", ", June 29", ", 19 APR 89", "\n", "\n\n",
                 "\r\n", " ", "Reuter", "[TEXT] ", "By Jane Doe", "Join ST's Telegram channel.", "word", ".", '"']
article_like_text = st.one_of(st.text(min_size=1), st.lists(st.sampled_from(LAYOUT_PIECES), min_size=1).map("".join))


@settings(max_examples=300, deadline=None)
@given(article_like_text)
def test_layout_offsets_are_always_in_bounds(layout_rules, text):
    if not text.strip():
        return
    layout = parse_layout(text, layout_rules)
    assert 0 <= layout.body_start <= layout.body_end <= len(text)
    for segment in layout.segments:
        assert 0 <= segment.start <= segment.end <= len(text)
        assert text[segment.start:segment.end] == text[segment.start:segment.end].strip()
