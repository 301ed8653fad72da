"""Mentions in text order: the latest before a point, found by bisection."""

from nlp.antecedents import LOOKBACK, MentionsInOrder


def test_the_latest_accepted_mention_at_or_before_a_point():
    mentions: MentionsInOrder[str] = MentionsInOrder()
    for key, item in [(30, "c"), (10, "a"), (20, "b")]:  # added out of order
        mentions.add(key, key - 5, item)
    assert mentions.latest(25) == (15, "b")
    assert mentions.latest(20) == (15, "b") and mentions.latest(20, inclusive=False) == (5, "a")
    assert mentions.latest(35, accept=lambda item: item != "c") == (15, "b")
    assert mentions.latest(9) is None


def test_of_equal_keys_the_first_added_is_found_first_and_the_lookback_is_bounded():
    mentions: MentionsInOrder[str] = MentionsInOrder()
    mentions.add(10, 10, "first")
    mentions.add(10, 10, "second")
    assert mentions.latest(10) == (10, "first")
    far: MentionsInOrder[int] = MentionsInOrder()
    for n in range(LOOKBACK + 5):
        far.add(n, n, n)
    assert far.latest(10_000, accept=lambda n: n < 5) is None  # behind more than LOOKBACK rejected ones
    assert far.latest(10_000, accept=lambda n: n >= 10) == (LOOKBACK + 4, LOOKBACK + 4)


def test_spans_merge_where_they_overlap_and_say_what_lies_inside():
    from nlp.antecedents import Spans
    spans = Spans([(10, 20), (15, 40), (50, 60), (2, 5)])
    assert [spans.holds(p) for p in (1, 2, 4, 5, 12, 30, 39, 40, 55, 60)] == [
        False, True, True, False, True, True, True, False, True, False]
    assert not Spans([]).holds(0)
