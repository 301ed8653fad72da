"""Date resolution with news conventions, and its accuracy on TempEval-3 platinum."""

from __future__ import annotations

from datetime import date

import pytest

from evaluation.dates import evaluate_dates
from evaluation.gold.tempeval import iter_tempeval, parse_timeml
from nlp.dates import resolve_date, speaks_of_future
from tests.conftest import SHARED_DIR

SATURDAY = date(2015, 3, 21)  # the seed article's publication date
BARDO = date(2015, 3, 18)


@pytest.mark.parametrize(
    ("text", "previous", "future", "value", "precision"),
    [
        pytest.param("On Wednesday", None, False, "2015-03-18", "day", id="past-weekday"),
        pytest.param("Saturday", None, False, "2015-03-21", "day", id="publication-weekday-is-that-day"),
        pytest.param("on Monday", None, True, "2015-03-23", "day", id="future-sentence-takes-the-next-one"),
        pytest.param("last Saturday", None, False, "2015-03-14", "day", id="last-publication-weekday"),
        pytest.param("two days later", BARDO, False, "2015-03-20", "day", id="later-counts-from-previous-event"),
        pytest.param("two days later", None, False, None, "unknown", id="later-without-an-event"),
        pytest.param("three days ago", None, False, "2015-03-18", "day", id="ago-counts-from-publication"),
        pytest.param("yesterday", None, False, "2015-03-20", "day", id="yesterday"),
        pytest.param("last week", None, False, "2015-W11", "week", id="last-week"),
        pytest.param("this month", None, False, "2015-03", "month", id="this-month"),
        pytest.param("last July", None, False, "2014-07", "month", id="last-month-name"),
        pytest.param("May", None, False, "2015-05", "month", id="month-soon-ahead"),
        pytest.param("in 2014", None, False, "2014", "year", id="a-year-stays-a-year"),
        pytest.param("March 18, 2015", None, False, "2015-03-18", "day", id="explicit"),
        pytest.param("18 March", None, False, "2015-03-18", "day", id="day-month-no-year"),
        pytest.param("last summer", None, False, "2014-SU", "season", id="season"),
        pytest.param("the past several months", None, False, None, "unknown", id="vague"),
    ],
)
def test_resolve_date(text, previous, future, value, precision):
    resolved = resolve_date(text, SATURDAY, previous_event=previous, future=future)
    assert (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize("text", ["on Wednesday", "last week", "yesterday", "May"])
def test_relative_dates_without_a_publication_date_stay_unknown(text):
    resolved = resolve_date(text, None)
    assert (resolved.value, resolved.precision, resolved.text) == (None, "unknown", text)


def test_absolute_dates_need_no_publication_date():
    assert resolve_date("March 18, 2015", None).start == date(2015, 3, 18)
    assert resolve_date("2014", None).value == "2014"


@pytest.mark.parametrize(("before", "future"), [("The vote will take place", True), ("The vote took place", False),
                                               ("Talks are expected to resume", True)])
def test_speaks_of_future(before, future):
    assert speaks_of_future(before) is future


def test_parse_timeml_keeps_calendar_dates_with_their_context():
    xml = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>'
           '<TEXT>The vote will be held <TIMEX3 tid="t1" type="DATE" value="2013-03-25">Monday</TIMEX3>. '
           'It ran for <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3> '
           '<TIMEX3 tid="t3" type="DATE" value="PRESENT_REF">now</TIMEX3>.</TEXT></TimeML>')
    (timex,) = parse_timeml("doc", xml)
    assert (timex.text, timex.value, timex.published) == ("Monday", "2013-03-25", date(2013, 3, 22))
    assert timex.context_before == "The vote will be held "


TEMPEVAL_DIR = SHARED_DIR / "eval" / "tempeval3_platinum"


@pytest.mark.corpus
@pytest.mark.skipif(not TEMPEVAL_DIR.is_dir(), reason="../shared/eval is not here")
def test_tempeval_accuracy_floor():
    """Measured 97.3% (73 of 75); the target is 95%."""
    result = evaluate_dates(iter_tempeval(TEMPEVAL_DIR))
    assert result.n_expressions == 75
    assert result.accuracy >= 0.95
