"""The main flow: discover inputs, parse, NLP in batches, load, refresh views, export, record the run.

Run it with `wirehouse run INPUT...` or `python -m flows run INPUT...`.
"""

import time
import uuid
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from prefect import Flow, flow
from prefect.futures import PrefectFuture
from prefect.task_runners import ThreadPoolTaskRunner

from extract.components import EXTRACTOR_VERSIONS
from flows.batching import LOOKUP_BATCHES, PendingBatch, WorkUnit, pages_converted
from flows.run_output import RunSummary, error_summary
from flows.runners import release_workers, share_api_with_workers, task_runner_for
from flows.settings import Settings
from flows.tasks import (
    discover,
    export,
    export_after_failure,
    extract,
    extract_pages,
    find_stale,
    find_unchanged,
    finish,
    link,
    load,
    open_run,
    prepare,
    progress_log,
    read_warc_range,
    record_files,
    refresh_lagging_exports,
)
from ingest.documents import batched, read_documents
from ingest.file_states import FileState, counted_per_file, file_state
from ingest.records import Document, IngestError, InputFile, SkippedRecord, WarcRange
from warehouse.connection import WriterHold, is_io_error
from warehouse.lock import writer_lock
from warehouse.runs import RunCounts, finish_run
from warehouse.space import is_disk_full, release_reserve, space_reserve

# HTML pages go to the workers for their main text in groups of this many.
PAGES_PER_TASK = 64
# The articles left at the end are shared among the workers in batches of at least this many
# (below it a task's overhead outweighs a worker waiting).
MIN_TAIL_BATCH = 32


@dataclass(frozen=True)
class Extracted:
    """A task's value computed in the flow's own process, with a future's result()."""

    staged: object

    def result(self) -> object:
        return self.staged


def add_seconds(total: dict[str, float], more: Mapping[str, float]) -> None:
    for name, seconds in more.items():
        total[name] = total.get(name, 0.0) + seconds


@flow(name="wirehouse-etl", task_runner=ThreadPoolTaskRunner(max_workers=1))
def etl(
    inputs: list[str],
    warehouse: str | None = None,
    published_at: date | None = None,
    export: bool = True,
    follow_links: bool = False,
) -> RunSummary:
    """Load news articles from .txt files, directories of them, or .jsonl files into DuckDB.

    Articles already loaded with the current extractor versions are skipped by their text
    hash, so re-running over the same inputs (or an inbox that grows) loads only what is new.
    Called as is, batches are extracted in a thread of this process; `etl_for(settings)` runs
    it with the task runner the settings name (worker processes by default, or Dask). A link in
    an input folder is read only when it leads under one of `inputs`, unless `follow_links`.
    """
    started = time.perf_counter()
    settings = Settings()
    warehouse_path = Path(warehouse) if warehouse else settings.warehouse_path
    export_dir = settings.exports_for(warehouse_path) if export else None
    default_published_at = datetime(published_at.year, published_at.month, published_at.day) if published_at else None
    run_id = uuid.uuid4().hex
    with (writer_lock(warehouse_path, run_id, settings.lock_timeout_seconds, on_wait=progress_log.warning),
          space_reserve(warehouse_path)):
        return _run_holding_the_lock(settings, run_id, list(inputs), warehouse_path, export_dir,
                                     default_published_at, started, follow_links)


def _run_holding_the_lock(settings: Settings, run_id: str, inputs: list[str], warehouse_path: Path,
                          export_dir: Path | None, default_published_at: datetime | None,
                          started: float, follow_links: bool = False) -> RunSummary:
    """The run itself, by the one writer of the warehouse."""
    prepare(warehouse_path)
    if export_dir is not None:
        refresh_lagging_exports(warehouse_path, export_dir)
    open_run(warehouse_path, run_id, list(inputs), settings.model)
    run = RunInProgress(settings, run_id, warehouse_path, default_published_at)
    try:
        files, discovery_errors, run.total = discover(list(inputs), follow_links)
        files = run.skip_unchanged(files)
        progress_log.info("found %s documents in %d files", "some" if run.total is None else run.total, len(files),
                          extra={"total": run.total})
        run.counts += RunCounts(n_inputs=len(discovery_errors))
        try:
            run.read_and_load(files, discovery_errors)
            release_workers()  # their memory is not held while this process links
            linking = time.perf_counter()
            link(warehouse_path, run_id, settings.seeds_dir)
            add_seconds(run.stage_seconds, {"link": time.perf_counter() - linking})
        finally:
            run.hold.release()  # the checks and the exports read it in a connection of their own kind
        finishing = time.perf_counter()
        failed_checks = finish(warehouse_path)
        record_files(warehouse_path, run_id, run.files_read())
        add_seconds(run.stage_seconds, {"finish": time.perf_counter() - finishing})
    except BaseException as error:
        record_finish(warehouse_path, run_id, "failed", run.counts, f"{type(error).__name__}: {error}",
                      disk_full=is_disk_full(error))
        if export_dir is not None and not is_disk_full(error):
            export_after_failure(warehouse_path, export_dir)
        raise
    # a run that read no article at all (every input missing or quarantined, or none given) is
    # no success: the CLI exits non-zero on it
    status = run_status(run.n_documents, run.counts.n_files_unchanged, failed_checks)
    record_finish(warehouse_path, run_id, status, run.counts)
    export_error = None
    if export_dir is not None:
        exporting = time.perf_counter()
        try:
            export(warehouse_path, export_dir, only_runs=status == "unchanged" and not run.counts.n_quarantined)
        except Exception as error:  # the run is loaded and recorded; only its exports are missing
            export_error = error_summary(error)
        add_seconds(run.stage_seconds, {"export": time.perf_counter() - exporting})
    return RunSummary(run_id, status, run.counts, time.perf_counter() - started, str(warehouse_path),
                      str(export_dir) if export_dir else None, failed_checks,
                      {name: round(seconds, 3) for name, seconds in run.stage_seconds.items()}, export_error)


def tail_batch_size(n_left: int, workers: int, batch_size: int) -> int:
    """The size of the batches the articles left at the end of the input go in: shared among
    the workers, so that one does not parse them alone while the others wait, unless that
    would make batches smaller than MIN_TAIL_BATCH."""
    if workers < 2 or n_left < 2 * MIN_TAIL_BATCH:
        return batch_size
    return max(MIN_TAIL_BATCH, -(-n_left // workers))


def run_status(n_documents: int, n_files_unchanged: int, failed_checks: Mapping[str, int]) -> str:
    """A finished run's status: `unchanged` when it read nothing because every file was as a
    completed run last read it, `nothing_read` when it could read no article at all."""
    if not n_documents:
        return "unchanged" if n_files_unchanged else "nothing_read"
    return "completed_with_failed_checks" if failed_checks else "completed"


@dataclass
class RunInProgress:
    """A run's reading, extracting and loading: batches are extracted by the task runner's
    workers, at most `workers + 1` in flight (memory stays flat), and loaded here, in order,
    by the one writer."""

    settings: Settings
    run_id: str
    warehouse_path: Path
    default_published_at: datetime | None
    total: int | None = None  # documents the inputs hold, when known (not for WARC archives)
    counts: RunCounts = field(default_factory=RunCounts)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    n_documents: int = 0
    in_flight: deque = field(default_factory=deque)  # (future of a StagedBatch, read counts, inputs read)
    states: dict[InputFile, FileState | None] = field(default_factory=dict)  # of the files to read, before reading
    hold: WriterHold | None = None  # the warehouse kept open between loads
    inputs_per_file: dict[InputFile, int] = field(default_factory=dict)  # what each file read held

    @property
    def is_small(self) -> bool:
        """One batch in all: extracted here rather than by waking a worker."""
        return self.total is not None and self.total <= self.settings.batch_size

    def __post_init__(self) -> None:
        if self.hold is None:
            self.hold = WriterHold(self.warehouse_path, self.settings.writer_hold_seconds)

    def skip_unchanged(self, files: list[InputFile]) -> list[InputFile]:
        """The files to read: those not as a completed run last read them whole (by size and
        modification time, looked up in one query). The others are counted and not read."""
        self.states = {input_file: file_state(input_file) for input_file in files}
        known = find_unchanged(self.warehouse_path, [s for s in self.states.values() if s is not None],
                               dict(EXTRACTOR_VERSIONS))
        to_read = [f for f in files if self.states[f] is None or self.states[f].path not in known]
        skipped = [f for f in files if self.states[f] is not None and self.states[f].path in known]
        if skipped:
            progress_log.info("%d files unchanged since a completed run read them: not read again", len(skipped))
            self.counts += RunCounts(n_files_unchanged=len(skipped))
            if self.total is not None:
                self.total -= sum(known[self.states[f].path] for f in skipped)
        return to_read

    def files_read(self) -> list[tuple[InputFile, FileState, int]]:
        """Each file read through to its end, with its state before reading and the inputs it
        held; a file given twice under two names (a folder and a path into it) once."""
        read: dict[str, tuple[InputFile, FileState, int]] = {}
        for input_file, n_inputs in self.inputs_per_file.items():
            state = self.states.get(input_file)
            if state is not None:
                read.setdefault(state.path, (input_file, state, n_inputs))
        return list(read.values())

    def read_and_load(self, files: list[InputFile], discovery_errors: list[IngestError]) -> None:
        """Inputs are read and looked up LOOKUP_BATCHES batches at a time; the articles to extract
        are gathered across chunks into full batches, so that re-running over inputs of which 1%
        changed makes a few full batches, not a task per chunk."""
        settings, versions = self.settings, dict(EXTRACTOR_VERSIONS)
        pending = PendingBatch(errors=list(discovery_errors))
        planned = counted_per_file(files, lambda one: read_documents(one, settings.max_input_bytes,
                                                                     settings.warc_range_bytes), self.inputs_per_file)
        items = pages_converted(planned, self.submit_unit, PAGES_PER_TASK, settings.workers + 1, self.converted)
        reading = time.perf_counter()
        for chunk in batched(items, LOOKUP_BATCHES * settings.batch_size):
            documents = [item for item in chunk if isinstance(item, Document)]
            self.n_documents += len(documents)
            stale = find_stale(self.warehouse_path, [d.article_id for d in documents], versions)
            pending.add(documents, [item for item in chunk if isinstance(item, IngestError)], stale,
                        n_skipped=sum(1 for item in chunk if isinstance(item, SkippedRecord)))
            add_seconds(self.stage_seconds, {"ingest": time.perf_counter() - reading})
            while pending.is_full(settings.batch_size):
                self.submit(pending.take(settings.batch_size), versions)
            reading = time.perf_counter()
        last_size = tail_batch_size(len(pending.documents), settings.workers, settings.batch_size)
        while pending.documents or pending.n_read:
            self.submit(pending.take(last_size), versions)
        while self.in_flight:
            self.load_oldest()

    def submit_unit(self, unit: WorkUnit) -> PrefectFuture | Extracted:
        """HTML pages, or a WARC range, to read and convert where the task runner puts them."""
        settings = self.settings
        if isinstance(unit, WarcRange):
            return read_warc_range.submit(unit, settings.max_input_bytes, settings.html_fast)
        if self.is_small:
            return Extracted(extract_pages(unit, settings.html_fast))
        return extract_pages.submit(unit, settings.html_fast)

    def converted(self, unit: WorkUnit, items: list, seconds: Mapping[str, float]) -> None:
        """A unit done: its seconds added up, and a range's records counted for its archive."""
        add_seconds(self.stage_seconds, seconds)
        if isinstance(unit, WarcRange):
            archive = InputFile(unit.path, "warc")
            self.inputs_per_file[archive] = self.inputs_per_file.get(archive, 0) + len(items)

    def submit(self, batch: PendingBatch, versions: dict[str, str]) -> None:
        arguments = (batch.documents, batch.rerun, self.settings, versions, self.default_published_at, self.run_id,
                     batch.inputs, batch.errors)
        inline = not batch.documents or self.is_small  # nothing to extract needs no worker
        self.in_flight.append((Extracted(extract(*arguments)) if inline else extract.submit(*arguments),
                               batch.counts, batch.n_read))
        while len(self.in_flight) > self.settings.workers:
            self.load_oldest()

    def load_oldest(self) -> None:
        future, read_counts, n_read = self.in_flight.popleft()
        staged = future.result()
        loading = time.perf_counter()
        self.hold.keep()
        load(self.warehouse_path, self.run_id, staged, self.settings.seeds_dir)
        self.hold.release_if_due()
        add_seconds(self.stage_seconds, staged.seconds)
        add_seconds(self.stage_seconds, {"load": time.perf_counter() - loading})
        loaded = read_counts + staged.counts
        self.counts += loaded
        progress_log.info("batch of %d inputs loaded: %d new, %d re-extracted, %d quarantined", n_read,
                          loaded.n_articles_new, loaded.n_articles_reextracted, loaded.n_quarantined,
                          extra={"advance": n_read})


def record_finish(warehouse_path: Path, run_id: str, status: str, counts: RunCounts,
                  error_message: str | None = None, attempts: int = 5, disk_full: bool = False) -> None:
    """Close the run's row, retrying while the file is busy (a reader holding it for a moment):
    the final status and cause are always recorded, or said on stderr when they cannot be."""
    for attempt in range(1, attempts + 1):
        try:
            if disk_full:
                release_reserve(warehouse_path)  # the room set aside for this record
            finish_run(warehouse_path, run_id, status, counts, error_message)
            return
        except Exception as error:
            if attempt == attempts or not is_io_error(error):
                progress_log.error("could not record run %s as %s (%s): %s: %s", run_id, status,
                                   error_message or "no error", type(error).__name__, error)
                if status != "failed":
                    raise
                return
            time.sleep(attempt)


def etl_for(settings: Settings) -> Flow:
    """The flow with the settings' task runner (its workers sharing this process's Prefect API)."""
    if settings.task_runner != "threads":
        share_api_with_workers()
    return etl.with_options(task_runner=task_runner_for(settings))

