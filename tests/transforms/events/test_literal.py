"""Real incidents only: a trigger is an event when its arguments make it literal. Idioms,
campaign rallies and business deals are no incidents; the literal ones still are."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ivanka Trump acknowledged their uphill battle in a Wall Street Journal essay.", id="uphill-battle"),
        pytest.param("Tuttle's article also attacked Christie by accusing him of endorsing Trump.", id="article-attacked"),
        pytest.param("Ted Cruz has stood up and fought for our right to bear arms.", id="fought-for-a-right"),
        pytest.param("On Sunday, he appeared at a Trump rally where he pledged his support.", id="campaign-rally"),
        pytest.param("Meridian Diagnostics Inc said it finalized a licensing agreement with the university.",
                     id="licensing-agreement"),
        pytest.param("Fox News confirmed that Kelly met with Trump.", id="two-people-met"),
        pytest.param("Joe Biden forewent traditional holiday activities as a precaution against COVID-19.",
                     id="precaution-against-a-disease"),
    ],
)
def test_no_incident_in_ordinary_news(events_of, text):
    assert events_of(text) == []


@pytest.mark.parametrize(
    ("text", "event_class"),
    [
        pytest.param("Gunmen attacked a police post in Kabul on Monday, killing three officers.", "Armed clash",
                     id="attack-with-victims"),
        pytest.param("Hundreds of workers held a rally against the pension cuts in Paris on Monday.",
                     "Peaceful protest", id="rally-against-something"),
        pytest.param("Turkey and Libya signed an agreement on maritime borders on Wednesday.",
                     "Agreement", id="two-states-agree"),
        pytest.param("A man was shot in the 1500 block of Pennsylvania Avenue on Monday night.", "Attack",
                     id="a-shooting"),
    ],
)
def test_literal_incidents_stay(events_of, text, event_class):
    assert [e.event_class for e in events_of(text)] == [event_class]
