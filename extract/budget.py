"""A time budget for one article's extraction, checked as the extractors go.

Every extraction step is meant to grow about linearly with an article's length; a step that does
not, on a page nobody foresaw, must not hold a run for minutes. The extractors call
`check_budget()` once per sentence or quote; past the deadline it raises ArticleTooSlow, and the
article is quarantined as `too_slow` while the rest of its batch loads. The parse itself is not
budgeted: it is linear and bounded by the input size limit."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_DEADLINE: ContextVar[float | None] = ContextVar("article_deadline", default=None)


class ArticleTooSlow(Exception):
    """The article's extraction went past its time budget."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Give the block `seconds` (None: no limit) before check_budget raises."""
    token = _DEADLINE.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_budget() -> None:
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline:
        raise ArticleTooSlow("the extraction went past its time budget")
