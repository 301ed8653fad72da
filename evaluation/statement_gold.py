"""Statements and source identities scored against our own PolNeAR gold (tests/gold).

- polnear_remarks.csv: remarks quoted by two articles or more, each quotation by document and
  offsets, with who said it (our judgments; no PolNeAR text). Statement recall is the share of
  gold pairs (two articles quoting one remark) whose quotes one statement holds; pair precision
  is the share of linked cross-article pairs touching two gold quotations that join one remark.
- polnear_source_names.csv: speaker mentions by document and offsets, with the person or body
  each names. B-cubed over the mentions of named identities: our source ids against the gold.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from link.statements import normalised_words
from warehouse.query import run_query
from warehouse.sql_files import sql_text

NAMED_KINDS = frozenset({"person", "organization", "government", "group"})


@dataclass(frozen=True)
class QuoteRow:
    doc: str
    quote_id: str
    content_start: int
    content_end: int
    speaker_start: int | None
    speaker_end: int | None
    content: str
    quote_kind: str
    source_id: str | None
    source_kind: str | None
    statement_ids: tuple[str, ...]  # its own statement, and any other it also carries


@dataclass(frozen=True)
class GoldQuotation:
    remark: str
    doc: str
    start: int
    end: int
    speaker: str

    @property
    def outlet(self) -> str:
        return self.doc.split("_", 1)[0]


@dataclass(frozen=True)
class PairScore:
    """Recall of gold pairs and precision of linked pairs, for one linker."""

    recalled: int
    gold_pairs: int
    right: int
    linked_pairs: int

    @property
    def recall(self) -> float:
        return self.recalled / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def precision(self) -> float:
        return self.right / self.linked_pairs if self.linked_pairs else 0.0


def read_quotes(warehouse: Path) -> dict[str, list[QuoteRow]]:
    by_doc: dict[str, list[QuoteRow]] = defaultdict(list)
    for row in run_query(warehouse, sql_text("evaluation/quotes_by_document.sql")).rows:
        quote = QuoteRow(*row[:-1], tuple(row[-1]))
        by_doc[quote.doc].append(quote)
    return by_doc


def read_remarks(path: Path) -> list[GoldQuotation]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [GoldQuotation(r["remark"], r["doc"], int(r["start"]), int(r["end"]), r["speaker"])
                for r in csv.DictReader(handle)]


def overlapping(quotes: Iterable[QuoteRow], start: int, end: int) -> list[QuoteRow]:
    return [q for q in quotes if q.content_start < end and start < q.content_end]


SameStatement = Callable[[QuoteRow, QuoteRow], bool]


def in_one_statement(a: QuoteRow, b: QuoteRow) -> bool:
    """The linker's answer: the two quotes are in one statement."""
    return not set(a.statement_ids).isdisjoint(b.statement_ids)


def with_equal_words(a: QuoteRow, b: QuoteRow) -> bool:
    """The baseline: the two quotes have the same words, whoever said them."""
    return normalised_words(a.content) == normalised_words(b.content)


def score_remarks(remarks: Sequence[GoldQuotation], quotes: Mapping[str, list[QuoteRow]], same: SameStatement,
                  across_outlets: bool) -> PairScore:
    """Recall: of the pairs of gold quotations of one remark in two articles (two outlets when
    across_outlets), those where a quote at each is one statement. Precision: of the pairs of
    quotes in two articles (outlets) made one statement where each quote touches a gold
    quotation, those that touch one remark at both ends (a quote may cover two gold quotations:
    a remark and the next sentence that another article quotes on its own)."""
    found = {g: overlapping(quotes.get(g.doc, ()), g.start, g.end) for g in remarks}
    recalled = gold_pairs = 0
    for a, b in combinations(remarks, 2):
        if a.remark != b.remark or a.doc == b.doc or (across_outlets and a.outlet == b.outlet):
            continue
        gold_pairs += 1
        recalled += any(same(qa, qb) for qa in found[a] for qb in found[b])
    touched: dict[QuoteRow, set[str]] = defaultdict(set)
    for gold, rows in found.items():
        for row in rows:
            touched[row].add(gold.remark)
    right = linked_pairs = 0
    for qa, qb in combinations(touched, 2):
        outlet_a, outlet_b = qa.doc.split("_", 1)[0], qb.doc.split("_", 1)[0]
        if qa.doc == qb.doc or (across_outlets and outlet_a == outlet_b) or not same(qa, qb):
            continue
        linked_pairs += 1
        right += bool(touched[qa] & touched[qb])
    return PairScore(recalled, gold_pairs, right, linked_pairs)


@dataclass(frozen=True)
class GoldMention:
    doc: str
    start: int
    end: int
    identity: str
    kind: str


def read_source_names(path: Path) -> list[GoldMention]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [GoldMention(r["doc"], int(r["start"]), int(r["end"]), r["identity"], r["kind"])
                for r in csv.DictReader(handle)]


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    n_items: int

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(gold: Sequence[str], predicted: Sequence[str]) -> BCubed:
    """B-cubed precision and recall of a clustering (one label per item) against the gold's."""
    gold_members: dict[str, set[int]] = defaultdict(set)
    predicted_members: dict[str, set[int]] = defaultdict(set)
    for item, (g, p) in enumerate(zip(gold, predicted)):
        gold_members[g].add(item)
        predicted_members[p].add(item)
    precision = recall = 0.0
    for g, p in zip(gold, predicted):
        both = len(gold_members[g] & predicted_members[p])
        precision += both / len(predicted_members[p])
        recall += both / len(gold_members[g])
    n = len(gold)
    return BCubed(precision / n if n else 0.0, recall / n if n else 0.0, n)


def speaker_source(quotes: Sequence[QuoteRow], mention: GoldMention) -> QuoteRow | None:
    """The quote whose speaker is the gold mention (the same span, else an overlapping one)."""
    exact = [q for q in quotes if (q.speaker_start, q.speaker_end) == (mention.start, mention.end)]
    near = [q for q in quotes if q.speaker_start is not None and q.speaker_start < mention.end
            and mention.start < (q.speaker_end or 0)]
    chosen = exact or near
    return chosen[0] if chosen else None


def score_identities(mentions: Sequence[GoldMention], quotes: Mapping[str, list[QuoteRow]],
                     texts: Mapping[str, str]) -> dict[str, BCubed]:
    """B-cubed of our source ids and of the two baselines (the exact name, the surname alone)
    over the gold mentions of named identities; a mention no quote carries is a cluster of its own."""
    named = [m for m in mentions if m.kind in NAMED_KINDS and m.identity != "-"]
    gold = [m.identity for m in named]
    ours = []
    for number, mention in enumerate(named):
        quote = speaker_source(quotes.get(mention.doc, ()), mention)
        ours.append(quote.source_id if quote is not None and quote.source_id else f"unresolved-{number}")
    written = [" ".join(normalised_words(texts[m.doc][m.start:m.end])) for m in named]
    return {
        "wirehouse": bcubed(gold, ours),
        "exact name": bcubed(gold, written),
        "surname only": bcubed(gold, [w.split()[-1] if w else "" for w in written]),
    }


def not_a_source_as_person(mentions: Sequence[GoldMention], quotes: Mapping[str, list[QuoteRow]]) -> tuple[int, int]:
    """Of the gold mentions that are no source (headline fragments, places), how many we made a person."""
    artefacts = [m for m in mentions if m.kind == "not_a_source"]
    as_person = sum(1 for m in artefacts
                    if (q := speaker_source(quotes.get(m.doc, ()), m)) is not None and q.source_kind == "person")
    return as_person, len(artefacts)


def article_texts(warehouse: Path) -> dict[str, str]:
    return dict(run_query(warehouse, sql_text("evaluation/article_texts.sql")).rows)


def person_sources_not_names(warehouse: Path, particles: Iterable[str], not_name_words: Iterable[str],
                             outlet_spellings: Iterable[str]) -> list[tuple[str, str, int]]:
    """Person sources whose name is no person's name (sql/evaluation/person_sources_not_names.sql)."""
    parameters = [sorted(particles), sorted(not_name_words), sorted(outlet_spellings)]
    return [tuple(row) for row in run_query(warehouse, sql_text("evaluation/person_sources_not_names.sql"), parameters).rows]
