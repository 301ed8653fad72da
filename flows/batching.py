"""How the flow's reader groups what it reads: HTML pages sent to the workers for their main
text, articles gathered into full batches, and the documents counted for progress."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from extract.components import extractors_to_rerun
from ingest.records import Document, IngestError, InputFile, InputItem, InputRow, PlannedItem, RawPage, WarcRange
from warehouse.runs import RunCounts

# Inputs are read and looked up in the warehouse this many batches at a time: one query per
# 4,096 articles by default, so that a re-run over unchanged inputs costs little per article.
LOOKUP_BATCHES = 16


class Converted(Protocol):
    """A future (or a value already computed) of what a unit of work read: its Documents,
    quarantine rows and skipped records, and the seconds each stage took."""

    def result(self) -> tuple[list[InputItem], dict[str, float]]: ...


# What the workers convert: a group of HTML pages read here, or a WARC byte range they read.
WorkUnit = list[RawPage] | WarcRange


@dataclass(frozen=True)
class _Submitted:
    unit: WorkUnit
    future: Converted


def pages_converted(items: Iterable[PlannedItem], submit: Callable[[WorkUnit], Converted], pages_per_task: int,
                    in_flight: int, on_converted: Callable[[WorkUnit, list[InputItem], dict[str, float]], None],
                    ) -> Iterator[InputItem]:
    """The items read, in order, with every RawPage replaced by its Document (or quarantine
    row) and every WARC range by the items its records became. Pages go to `submit` in groups
    of `pages_per_task`, ranges one by one, at most `in_flight` units at a time, so that the
    workers read and extract while the reader plans on, and no more than a few units' results
    are held here. `on_converted` hears of each unit done, with its items and seconds."""
    queue: deque[InputItem | list[RawPage] | _Submitted] = deque()
    group: list[RawPage] | None = None
    n_submitted = 0

    def submitted(unit: WorkUnit) -> _Submitted:
        nonlocal n_submitted
        n_submitted += 1
        return _Submitted(unit, submit(unit))

    def drain(limit: int) -> Iterator[InputItem]:
        nonlocal n_submitted
        while queue and not isinstance(queue[0], list) and (n_submitted > limit or not isinstance(queue[0], _Submitted)):
            head = queue.popleft()
            if isinstance(head, _Submitted):
                n_submitted -= 1
                converted, seconds = head.future.result()
                on_converted(head.unit, converted, seconds)
                yield from converted
            else:
                yield head

    for item in items:
        if isinstance(item, RawPage):
            if group is None:
                group = []
                queue.append(group)
            group.append(item)
            if len(group) >= pages_per_task:
                _replace(queue, group, submitted(group))
                group = None
        elif isinstance(item, WarcRange):
            if group is not None:  # the pages read before the range go first, in order
                _replace(queue, group, submitted(group))
                group = None
                yield from drain(in_flight)
            queue.append(submitted(item))
        else:
            queue.append(item)
        yield from drain(in_flight)
    if group is not None:
        _replace(queue, group, submitted(group))
    yield from drain(-1)


def _replace(queue: deque, old: object, new: object) -> None:
    queue[next(i for i, entry in enumerate(queue) if entry is old)] = new


@dataclass
class PendingBatch:
    """Articles to extract, gathered across input chunks until a batch is full, with the
    input rows and quarantined inputs read meanwhile."""

    documents: list[Document] = field(default_factory=list)
    rerun: dict[str, frozenset[str]] = field(default_factory=dict)  # already loaded: the extractors to re-run
    inputs: list[InputRow] = field(default_factory=list)  # of every document read
    errors: list[IngestError] = field(default_factory=list)
    counts: RunCounts = field(default_factory=RunCounts)
    # every article this run has already taken or skipped, across chunks: a text repeated after
    # its first batch left is a duplicate, not a second new article
    decided: set[str] = field(default_factory=set)

    def add(self, documents: Sequence[Document], errors: Sequence[IngestError],
            stale: Mapping[str, frozenset[str]], n_skipped: int = 0) -> None:
        """Add a chunk read: its good documents in input order (repeated texts included), its
        quarantined inputs, and for the articles the warehouse holds, the extractors out of
        date (none: the article is skipped)."""
        existing = duplicates = 0
        for document in documents:
            article_id = document.article_id
            self.inputs.append(document.input_row())
            if article_id in self.decided:
                duplicates += 1
                continue
            self.decided.add(article_id)
            if article_id in stale and not stale[article_id]:
                existing += 1
            else:
                self.documents.append(document)
                if article_id in stale:
                    self.rerun[article_id] = extractors_to_rerun(stale[article_id])
        self.errors += errors
        self.counts += RunCounts(n_inputs=len(documents) + len(errors), n_articles_existing=existing,
                                 n_duplicates=duplicates, n_records_skipped=n_skipped)

    def is_full(self, batch_size: int) -> bool:
        """A batch of articles to extract, or many input rows with next to nothing to extract
        (an unchanged re-run), which are loaded without waiting for the end."""
        return len(self.documents) >= batch_size or self.n_read >= LOOKUP_BATCHES * batch_size

    @property
    def n_read(self) -> int:
        return len(self.inputs) + len(self.errors)

    def take(self, batch_size: int) -> "PendingBatch":
        """The first `batch_size` documents with their input rows, and every input row of an
        article not waiting here; the quarantined inputs and the counts go with them."""
        documents, self.documents = self.documents[:batch_size], self.documents[batch_size:]
        waiting = {d.article_id for d in self.documents}
        taken = PendingBatch(
            documents,
            {d.article_id: self.rerun.pop(d.article_id) for d in documents if d.article_id in self.rerun},
            [pair for pair in self.inputs if pair[0] not in waiting],
            self.errors,
            self.counts,
        )
        self.inputs = [pair for pair in self.inputs if pair[0] in waiting]
        self.errors, self.counts = [], RunCounts()
        return taken


def count_documents(files: Sequence[InputFile]) -> int | None:
    """How many documents the files hold (a JSONL file: its non-blank lines), for progress;
    None when a WARC archive is among them (counting its records would read it twice)."""
    if any(input_file.kind == "warc" for input_file in files):
        return None
    total = 0
    for input_file in files:
        if input_file.kind != "jsonl":
            total += 1
            continue
        try:
            with input_file.path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            total += 1
    return total


