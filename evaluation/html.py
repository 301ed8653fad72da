"""Main-text extraction scored on trafilatura's own evaluation pages (not this project's gold).

The adbar/trafilatura repository holds, in `tests/evaldata.json`, for each of 990 pages (HTML
in `tests/cache/` and `tests/eval/`) up to six passages the main text must contain ("with")
and up to six it must not ("without"): menus, footers, comments, teasers. Fetch the
repository and point `wirehouse eval html --pages` at its `tests/` folder; never commit it.

Scoring, by 4-word shingles (lower-cased words): each shingle of a "with" passage found in
the output is a true positive, one missing a false negative; each shingle of a "without"
passage found in the output is a false positive. A passage shorter than four words counts as
one shingle, found when its words appear in a row. The trivial baseline is all the visible
text of the page (what a tag stripper returns): full recall, poor precision.

The pages are split in two by a hash of their URL: "dev" (the half the extraction settings
were chosen on) and "test".
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lxml import html as lxml_html

from evaluation.gold.trafilatura_pages import EvalPage
from ingest.html import page_document
from ingest.records import InputRejected, RawPage

SHINGLE_WORDS = 4
_WORD = re.compile(r"\w+")
# trafilatura's own figure on these pages (its tests/eval_baseline.json, F1 by whole-passage
# containment, a related but not the same measure): with its fallback extractors, and fast.
BEST_KNOWN_F1 = {"fallback": 0.9253, "fast": 0.9195}
TARGET_F1 = 0.93


@dataclass
class ShingleScore:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    pages: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)  # pages the extractor refused, and why

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / self.pages if self.pages else 0.0


def words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + SHINGLE_WORDS]) for i in range(len(tokens) - SHINGLE_WORDS + 1)}


def found_shingles(passage: str, output_shingles: set, output_joined: str) -> tuple[int, int]:
    """(shingles of the passage found in the output, shingles of the passage)."""
    tokens = words(passage)
    if not tokens:
        return 0, 0
    if len(tokens) < SHINGLE_WORDS:
        return int(f" {' '.join(tokens)} " in output_joined), 1
    wanted = shingles(tokens)
    return len(wanted & output_shingles), len(wanted)


def score_page(page: EvalPage, output: str, score: ShingleScore) -> None:
    tokens = words(output)
    output_shingles, joined = shingles(tokens), f" {' '.join(tokens)} "
    for passage in page.with_passages:
        found, total = found_shingles(passage, output_shingles, joined)
        score.true_positives += found
        score.false_negatives += total - found
    for passage in page.without_passages:
        score.false_positives += found_shingles(passage, output_shingles, joined)[0]
    score.pages += 1


def wirehouse_text(fast: bool) -> Callable[[bytes], str]:
    """What the warehouse would store as the page's raw_text (empty when it refuses the page)."""
    def extract(payload: bytes) -> str:
        return page_document(RawPage("eval", payload), fast).raw_text
    return extract


def visible_text(payload: bytes) -> str:
    """The trivial baseline: every visible character of the page (scripts and styles dropped)."""
    try:
        tree = lxml_html.fromstring(payload)
    except Exception:  # lxml refuses empty or broken documents
        return ""
    for hidden in tree.xpath("//script|//style|//noscript|//template"):
        hidden.drop_tree()
    return tree.text_content()


def evaluate_html(pages: Iterable[EvalPage], extract: Callable[[bytes], str]) -> dict[str, ShingleScore]:
    """Shingle precision, recall and F1 of an extractor, per split ("dev", "test") and "all"."""
    scores = {name: ShingleScore() for name in ("dev", "test", "all")}
    for page in pages:
        started = time.perf_counter()
        try:
            output = extract(page.html)
        except InputRejected as error:
            output = ""
            scores["all"].failures.append(f"{page.url}: {error.error_kind}")
        seconds = time.perf_counter() - started
        for name in (page.split, "all"):
            score_page(page, output, scores[name])
            scores[name].seconds += seconds
    return scores
