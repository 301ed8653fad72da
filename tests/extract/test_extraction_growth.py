"""Extraction grows with an article's length, not with its square.

A page of 6,600 quoted paragraphs had taken minutes: every quote scanned every entity for its
pronoun's antecedent, every sentence rebuilt the Doc's whole text, every new sentence was tested
against every incident told before. The cost is counted here in Python function calls (the same
on every machine, unlike seconds), over the quote and event extractors, for an article of N and
of 8N paragraphs: it may grow by at most 8 log(8N) / log(N), with a margin."""

from __future__ import annotations

import cProfile
import math
import pstats
import random

from extract.components import quotes_of
from extract.events import extract_events
from nlp.doc_index import DocIndex
from nlp.parsing import parse_long

TOWNS = ["Kabul", "Kandahar", "Herat", "Mosul", "Aleppo", "Homs", "Gao", "Mopti", "Lyon", "Dayton"]
PEOPLE = ["John Smith", "Maria Lopez", "Ahmed Khan", "Anna Berg", "Peter Novak", "Sara Cohen"]
BODIES = ["the ministry", "the United Nations", "Amnesty International", "the police"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def paragraph(number: int, rng: random.Random) -> str:
    """A paragraph of what stresses the extractors: quotes by named people, then by pronouns and
    nouns naming organisations; attacks in many towns and on many days (many incidents); a
    facility with no street (the address step's slow path)."""
    person, body, town, day = rng.choice(PEOPLE), rng.choice(BODIES), rng.choice(TOWNS), rng.choice(DAYS)
    forms = [
        f'"We will keep working on plan {number}," {person} said on {day}.',
        '"Nothing has changed," he said. "We are ready," she added.',
        f'{person}, a spokesman for {body}, said the talks on item {number} would go on. The ministry said it agreed.',
        f'Gunmen killed {number % 20 + 2} people in {town} on {day}, police said.',
        f'A bomb exploded near the Central Market in {town}, wounding {number % 9 + 1} people.',
    ]
    return " ".join(rng.sample(forms, 3))


def extraction_calls(nlp, extraction_rules, n_paragraphs: int) -> int:
    rng = random.Random(n_paragraphs)
    text = "Talks and attacks\n\n" + "\n\n".join(paragraph(n, rng) for n in range(n_paragraphs)) + "\n"
    index = DocIndex.of(parse_long(nlp, text))
    profile = cProfile.Profile()
    profile.enable()
    quotes, _ = quotes_of(index, "a", 0, extraction_rules)
    events = extract_events(index, "a", 0, extraction_rules.events, None)
    profile.disable()
    assert quotes and events  # the article exercises both extractors
    return pstats.Stats(profile).total_calls


def test_the_cost_of_extraction_grows_at_most_n_log_n(nlp, extraction_rules):
    """8.1 times for 8 times the paragraphs here; the quadratic steps had made it 40 times."""
    small, large = 60, 480
    ratio = extraction_calls(nlp, extraction_rules, large) / extraction_calls(nlp, extraction_rules, small)
    bound = large * math.log(large) / (small * math.log(small))
    assert ratio <= 1.25 * bound, f"{large} paragraphs cost {ratio:.1f} times {small} (bound {bound:.1f})"
