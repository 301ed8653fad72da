"""The per-article time budget: check_budget raises past the deadline, only inside time_budget."""

import time

import pytest

from extract.budget import ArticleTooSlow, check_budget, time_budget


def test_past_its_deadline_a_check_raises_and_without_a_budget_it_never_does():
    check_budget()  # no budget set
    with time_budget(None):
        check_budget()
    with time_budget(60):
        check_budget()
    with pytest.raises(ArticleTooSlow), time_budget(0.001):
        time.sleep(0.01)
        check_budget()
    check_budget()  # the budget ends with its block
