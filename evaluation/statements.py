"""Statements across outlets on PolNeAR: the 2016 campaign as quoted by several outlets.

The articles of the chosen splits go through the real pipeline (extraction, then the warehouse
load that groups quotes into statements) into a scratch warehouse. Reported: how many
statements were repeated and across how many outlets, and the precision of linked quote pairs
on a hand-checked sample (tests/gold/polnear_statement_pairs.csv: our own judgments, keyed by
PolNeAR document ids and character offsets, holding no PolNeAR text).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from spacy.language import Language

from evaluation.gold.polnear import iter_polnear
from extract.batch import extract_batch
from extract.components import EXTRACTOR_VERSIONS
from extract.rule_sets import ExtractionRules
from ingest.records import Document, InputMetadata, article_id_for
from warehouse.connection import prepare_warehouse
from warehouse.load import load_batch
from warehouse.query import run_query
from warehouse.sql_files import sql_text

BATCH = 128
PAIR_FIELDS = ("doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b", "same_statement", "why")


@dataclass(frozen=True)
class LinkedPair:
    """Two quotes the linker made one statement, as a checker sees them."""

    doc_a: str
    start_a: int
    end_a: int
    doc_b: str
    start_b: int
    end_b: int
    source: str
    reason: str
    content_a: str
    content_b: str

    @property
    def key(self) -> tuple[str, int, int, str, int, int]:
        return self.doc_a, self.start_a, self.end_a, self.doc_b, self.start_b, self.end_b


@dataclass(frozen=True)
class StatementEvaluation:
    n_articles: int
    n_outlets: int
    n_quotes: int
    n_quotes_with_source: int
    n_statements: int
    n_repeated: int  # statements quoted by two articles or more
    n_repeated_across_outlets: int  # ... by two outlets or more
    max_outlets: int
    mean_outlets_of_repeated: float
    n_pairs: dict[str, int]  # link reason -> linked cross-article pairs
    sample: list[LinkedPair]
    judged: dict[str, tuple[int, int]]  # link reason (and "all") -> (judged same, judged)
    top: list[tuple]  # (source, content, outlets, articles)


def polnear_documents(root: Path, splits: Sequence[str]) -> Iterator[Document]:
    """PolNeAR articles as the pipeline reads them: publisher, title and day from metadata.tsv."""
    metadata = _metadata(root)
    for split in splits:
        for article in iter_polnear(root, split):
            meta = metadata.get(article.doc_id, {})
            published = meta.get("publication_date") or article.published_at
            yield Document(article_id_for(article.text), f"polnear/{split}/{article.doc_id}", article.text,
                           InputMetadata(external_id=article.doc_id, title=meta.get("title"),
                                         source=meta.get("publisher") or article.doc_id.split("_", 1)[0],
                                         published_at=datetime.fromisoformat(published) if published else None))


def _metadata(root: Path) -> dict[str, dict[str, str]]:
    for path in (root / "metadata.tsv", root / "data" / "metadata.tsv"):
        if path.exists():
            with path.open(newline="", encoding="utf-8") as handle:
                return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    return {}


def load_polnear(root: Path, splits: Sequence[str], warehouse: Path, nlp: Language, rules: ExtractionRules) -> None:
    """Extract and load the articles batch by batch, as the flow does."""
    prepare_warehouse(warehouse)
    batch: list[Document] = []
    for number, document in enumerate(polnear_documents(root, splits)):
        batch.append(document)
        if len(batch) == BATCH:
            _load(warehouse, batch, nlp, rules, number)
            batch = []
    if batch:
        _load(warehouse, batch, nlp, rules, -1)


def _load(warehouse: Path, documents: list[Document], nlp: Language, rules: ExtractionRules, number: int) -> None:
    extracted = extract_batch(documents, nlp, rules)
    load_batch(warehouse, f"polnear-{number}", extracted, [(d.article_id, d.source_uri) for d in documents], [],
               EXTRACTOR_VERSIONS)


def linked_pairs(warehouse: Path) -> list[LinkedPair]:
    """Every linked pair of quotes in different articles, in a fixed pseudo-random order (by a
    hash of the pair), so that the first N are a repeatable sample."""
    rows = run_query(warehouse, sql_text("evaluation/statement_pairs.sql")).rows
    pairs = [LinkedPair(*row) for row in rows]
    return sorted(pairs, key=lambda p: hashlib.sha256(repr(p.key).encode()).hexdigest())


def read_judgments(path: Path) -> dict[tuple, bool]:
    """Verdicts by pair, either way round: a pair judged as (A, B) is found as (B, A) too."""
    if not path.exists():
        return {}
    verdicts: dict[tuple, bool] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for r in csv.DictReader(handle):
            a, b = (r["doc_a"], int(r["start_a"]), int(r["end_a"])), (r["doc_b"], int(r["start_b"]), int(r["end_b"]))
            verdicts[(*a, *b)] = verdicts[(*b, *a)] = r["same_statement"].strip().lower() == "yes"
    return verdicts


def write_sample(sample: Sequence[LinkedPair], path: Path) -> None:
    """The sample with both quotes' words, for checking by hand (keep it out of the repository:
    it holds PolNeAR text); copy the verdicts into the judgments file without the words."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*PAIR_FIELDS[:6], "source", "reason", "content_a", "content_b", "same_statement", "why"])
        for pair in sample:
            writer.writerow([*pair.key, pair.source, pair.reason, pair.content_a, pair.content_b, "", ""])


def evaluate_statements(warehouse: Path, judgments: Path, sample_size: int = 200) -> StatementEvaluation:
    """The figures of a warehouse that load_polnear filled."""
    (counts,) = run_query(warehouse, sql_text("evaluation/statement_counts.sql")).rows
    top = run_query(warehouse, sql_text("evaluation/statement_top.sql")).rows
    pairs = linked_pairs(warehouse)
    sample = pairs[:sample_size]
    verdicts = read_judgments(judgments)
    judged: dict[str, tuple[int, int]] = {}
    for pair in sample:
        if pair.key in verdicts:
            for reason in (pair.reason, "all"):
                same, seen = judged.get(reason, (0, 0))
                judged[reason] = (same + verdicts[pair.key], seen + 1)
    n_pairs: dict[str, int] = {}
    for pair in pairs:
        n_pairs[pair.reason] = n_pairs.get(pair.reason, 0) + 1
    return StatementEvaluation(*counts, n_pairs, sample, judged, top)
