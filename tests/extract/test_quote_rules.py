"""The quote extractor's rules as read from seeds/ (extract/quote_rules.py)."""

from __future__ import annotations

from tests.conftest import PROJECT_ROOT

from extract.quote_rules import load_quote_rules


def test_the_seed_columns_become_word_sets():
    rules = load_quote_rules(PROJECT_ROOT / "seeds")
    assert rules.reporting_verbs["say"] == 1.0
    assert "announce" in rules.object_is_said and "tell" not in rules.object_is_said
    assert "tell" in rules.object_is_hearer and "announce" not in rules.object_is_hearer
    assert {"decline", "unable"} <= rules.withheld
    assert {"plan", "interest"} <= rules.according_to_norms
    # the cue nouns name what was said without saying it, as the vague objects do
    assert {"remark", "information"} <= rules.vague_objects
