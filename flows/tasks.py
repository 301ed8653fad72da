"""The flow's tasks: each a step of a run, where the task runner puts it (the extraction in a
worker, the warehouse steps in the flow's one writer), retried on I/O errors where that helps."""

import functools
import logging
from datetime import datetime
from pathlib import Path

from prefect import runtime, task
from prefect.cache_policies import NO_CACHE

from extract.batch import ExtractedBatch, extract_batch
from extract.components import EXTRACTOR_VERSIONS
from extract.person_names import load_name_rules
from extract.rule_sets import ExtractionRules, load_extraction_rules
from flows.batching import count_documents
from flows.process_memory import return_freed_memory
from flows.settings import Settings
from ingest.discovery import discover_inputs
from ingest.file_states import FileState, files_with_errors
from ingest.html import RangeItem, pages_to_documents, range_documents
from ingest.records import Document, IngestError, InputFile, InputRow, RawPage, WarcRange
from link.incidents import load_incident_rules
from nlp.pipeline import installed_model_identity, load_pipeline
from warehouse import export as warehouse_export
from warehouse import input_files as warehouse_input_files
from warehouse import linking as warehouse_linking
from warehouse import load as warehouse_load
from warehouse.connection import is_io_error, prepare_warehouse
from warehouse.load import StagedBatch
from warehouse.runs import RunCounts, start_run
from warehouse.views import refresh_views, run_checks

progress_log = logging.getLogger("wirehouse.progress")


def retry_on_io_error(task, task_run, state) -> bool:
    """Retry warehouse calls only on I/O failures (a locked file, a full disk), never on bugs."""
    try:
        state.result()
    except Exception as error:
        return is_io_error(error)
    return False

@functools.lru_cache(maxsize=2)
def extraction_rules(seeds_dir: Path) -> ExtractionRules:
    """The rule sets of seeds/, loaded once per process."""
    return load_extraction_rules(seeds_dir)

@task(name="prepare-warehouse", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2, retry_condition_fn=retry_on_io_error)
def prepare(warehouse_path: Path) -> list[str]:
    return prepare_warehouse(warehouse_path)


@task(name="open-run", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2, retry_condition_fn=retry_on_io_error)
def open_run(warehouse_path: Path, run_id: str, inputs: list[str], model_name: str) -> None:
    name, version = installed_model_identity(model_name)
    flow_run_id = runtime.flow_run.id
    start_run(warehouse_path, run_id, str(flow_run_id) if flow_run_id else None,
                             inputs, name, version, EXTRACTOR_VERSIONS)


@task(name="discover-inputs", cache_policy=NO_CACHE)
def discover(inputs: list[str], follow_links: bool) -> tuple[list[InputFile], list[IngestError], int | None]:
    files, errors = discover_inputs(inputs, follow_links)
    return files, errors, count_documents(files)


@task(name="find-stale-extractors", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2,
      retry_condition_fn=retry_on_io_error)
def find_stale(warehouse_path: Path, article_ids: list[str], versions: dict[str, str]) -> dict[str, frozenset[str]]:
    return warehouse_load.find_stale_extractors(warehouse_path, article_ids, versions)

@task(name="find-unchanged-files", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2,
      retry_condition_fn=retry_on_io_error)
def find_unchanged(warehouse_path: Path, states: list[FileState], versions: dict[str, str]) -> dict[str, int]:
    return warehouse_input_files.unchanged_files(warehouse_path, states, versions)


@task(name="record-read-files", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2,
      retry_condition_fn=retry_on_io_error)
def record_files(warehouse_path: Path, run_id: str, read: list[tuple[InputFile, FileState, int]]) -> int:
    """Record the files this run read whole with no quarantined input: the next run may skip
    them while they stay as they are. Returns how many were recorded."""
    failed = files_with_errors([input_file for input_file, _, _ in read],
                               warehouse_input_files.run_error_uris(warehouse_path, run_id))
    whole = [(state, n_inputs) for input_file, state, n_inputs in read if input_file not in failed]
    warehouse_input_files.record_read_files(warehouse_path, run_id, whole)
    return len(whole)


@task(name="extract-html", cache_policy=NO_CACHE)
def extract_pages(pages: list[RawPage], fast: bool) -> tuple[list[Document | IngestError], dict[str, float]]:
    """The main text and metadata of HTML pages, where the task runs (never in the writer)."""
    documents, seconds = pages_to_documents(pages, fast)
    return documents, {"html": seconds}


@task(name="read-warc-range", cache_policy=NO_CACHE)
def read_warc_range(warc_range: WarcRange, max_bytes: int, fast: bool) -> tuple[list[RangeItem], dict[str, float]]:
    """A byte range of a WARC archive read, and its pages' main text extracted, where the task
    runs: the flow's process only plans the ranges and loads what comes back."""
    return range_documents(warc_range, max_bytes, fast)


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract(documents: list[Document], rerun: dict[str, frozenset[str]], settings: Settings,
            versions: dict[str, str], published_at: datetime | None, run_id: str,
            inputs: list[InputRow], errors: list[IngestError]) -> StagedBatch:
    """Parse and extract one batch where the task runs (a worker process, a Dask worker) and
    hand back Arrow tables: the writer only loads them. `rerun` names the extractors to run
    again for articles already loaded; the others get every extractor."""
    nlp = load_pipeline(settings.model) if documents else None  # input rows only: no model to load
    batch = extract_batch(
        documents,
        nlp,
        extraction_rules(settings.seeds_dir),
        default_published_at=published_at,
        nlp_batch_size=settings.nlp_batch_size,
        n_process=settings.n_process if settings.task_runner == "threads" else 1,
        rerun=rerun,
        nlp_batch_chars=settings.nlp_batch_chars,
        keep_languages=settings.kept_languages,
        article_seconds=settings.article_seconds,
    ) if nlp is not None else ExtractedBatch()
    # an article quarantined whole (not one already loaded) has no row for its inputs to point at
    quarantined = {e.article_id for e in batch.errors if e.article_id and e.article_id not in rerun}
    inputs = [pair for pair in inputs if pair[0] not in quarantined]
    n_reextracted = sum(1 for article in batch.articles if article.article_id in rerun)
    counts = RunCounts(
        n_articles_new=len(batch.articles) - n_reextracted,
        n_articles_reextracted=n_reextracted,
        n_quarantined=len(errors) + len(batch.errors),
        n_entity_mentions=len(batch.entity_mentions),
        n_quotes=len(batch.quotes),
        n_article_sources=len(batch.article_sources),
        n_events=len(batch.events),
        n_articles_other_language=sum(1 for a in batch.articles if a.article_id not in rerun and a.language != nlp.lang),
    )
    staged = warehouse_load.stage_batch(run_id, batch, inputs, errors, versions, counts)
    del batch  # the records are in the staged tables now
    return_freed_memory()  # the worker rests at its own size, not at this batch's high-water mark
    return staged


@task(name="load-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2, retry_condition_fn=retry_on_io_error)
def load(warehouse_path: Path, run_id: str, staged: StagedBatch, seeds_dir: Path) -> None:
    warehouse_load.load_staged(warehouse_path, run_id, staged, EXTRACTOR_VERSIONS,
                               load_name_rules(seeds_dir))  # two small CSVs, read per batch


@task(name="link-incidents-and-statements", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2,
      retry_condition_fn=retry_on_io_error)
def link(warehouse_path: Path, run_id: str, seeds_dir: Path) -> None:
    """Link what the run loaded: events of many articles into incidents, quotes into statements."""
    warehouse_linking.link_run(warehouse_path, run_id, load_incident_rules(seeds_dir))


@task(name="finish-warehouse", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2, retry_condition_fn=retry_on_io_error)
def finish(warehouse_path: Path) -> dict[str, int]:
    """Recreate views and run the checks; return the failed checks."""
    refresh_views(warehouse_path)
    return {name: n for name, n in run_checks(warehouse_path).items() if n}


@task(name="export-parquet", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2, retry_condition_fn=retry_on_io_error)
def export(warehouse_path: Path, export_dir: Path, only_runs: bool = False) -> None:
    """Write the Parquet exports after the run is recorded (so runs.parquet holds its final
    status), unless every table's fingerprint says they are current. A run that changed no
    other table (`only_runs`: it read nothing and quarantined nothing) rewrites runs.parquet only."""
    if only_runs:
        warehouse_export.export_changed_tables(warehouse_path, export_dir, ["runs"])
    elif not warehouse_export.exports_are_current(warehouse_path, export_dir):
        warehouse_export.export_tables(warehouse_path, export_dir)


def refresh_lagging_exports(warehouse_path: Path, export_dir: Path) -> None:
    """Bring exports left behind by a killed run up to the warehouse before this run starts, so
    they never reflect an earlier state than the one the last run left (a cheap check of their
    manifest against `runs`; the tables are read only when they lag)."""
    try:
        if warehouse_export.exports_lag(warehouse_path, export_dir):
            export(warehouse_path, export_dir)
    except Exception as error:  # the run goes on; its own export at the end says what fails
        progress_log.warning("could not bring the exports in %s up to date before the run: %s: %s",
                             export_dir, type(error).__name__, str(error).splitlines()[0] if str(error) else "")


def export_after_failure(warehouse_path: Path, export_dir: Path) -> None:
    """Write the exports of a failed run too, so runs.parquet holds its 'failed' row and the
    batches it committed; best effort, as the run has already failed."""
    try:
        export(warehouse_path, export_dir)
    except Exception as error:
        progress_log.warning("the exports could not be written after the failure: %s: %s", type(error).__name__,
                             str(error).splitlines()[0] if str(error) else "")
