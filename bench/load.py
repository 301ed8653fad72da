"""The single writer alone: how many articles a second one DuckDB writer loads, and how that
changes as the warehouse grows, with no parsing beside it.

1. Extracts K articles of a corpus `make bench` built (bench/work/n<N>/corpus.jsonl) once, in
   this process, and stages them as the workers do (Arrow tables, batches of 256).
2. Loads copies of those batches into a fresh warehouse, one transaction per batch as the
   flow's writer does, until it holds --articles articles. Each copy gets ids of its own (the
   first characters of every id column replaced by the copy's number), so every row is new;
   source names repeat, as they do in real news.
3. With --link, links the whole load once (incidents and statements), as one run's end would.
   Off by default: every copy repeats the same texts, dates and speakers, so each event and
   quote links with all its copies, a worst case no real corpus comes near (at 98 copies of
   1,024 articles the link step ran for minutes and passed 5 GB before it was stopped).
4. Prints articles/s per slice of the load and writes bench/results/load-*.json.

Run: `.venv/bin/python bench/load.py --articles 100000` (after `make bench N=2000` or more).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from extract.batch import extract_batch  # noqa: E402
from extract.components import EXTRACTOR_VERSIONS  # noqa: E402
from flows.tasks import extraction_rules  # noqa: E402
from flows.settings import Settings  # noqa: E402
from ingest.jsonl import read_jsonl  # noqa: E402
from ingest.records import Document  # noqa: E402
from link.incidents import load_incident_rules  # noqa: E402
from nlp.pipeline import load_pipeline  # noqa: E402
from warehouse.connection import WriterHold, prepare_warehouse  # noqa: E402
from warehouse.linking import link_run  # noqa: E402
from warehouse.load import StagedBatch, load_staged, stage_batch  # noqa: E402
from warehouse.runs import RunCounts, start_run  # noqa: E402

WORK_DIR = PROJECT_ROOT / "bench" / "work"
RESULTS_DIR = PROJECT_ROOT / "bench" / "results"
BATCH_SIZE = 256
ID_COLUMNS_KEPT = {"run_id", "entity_id", "source_id"}  # ids shared across articles: every copy keeps them
COPY_DIGITS = 5  # hex characters of an id replaced by the copy's number: 1,048,576 copies


def staged_batches(corpus: Path, n_articles: int, run_id: str) -> list[StagedBatch]:
    """The first n_articles of the corpus, extracted and staged in batches of BATCH_SIZE."""
    settings = Settings()
    documents = [item for item in read_jsonl(corpus, settings.max_input_bytes) if isinstance(item, Document)]
    documents = documents[:n_articles]
    nlp, rules = load_pipeline(settings.model), extraction_rules(settings.seeds_dir)
    batches = []
    for start in range(0, len(documents), BATCH_SIZE):
        chunk = documents[start:start + BATCH_SIZE]
        batch = extract_batch(chunk, nlp, rules)
        inputs = [document.input_row() for document in chunk]
        batches.append(stage_batch(run_id, batch, inputs, [], EXTRACTOR_VERSIONS, RunCounts()))
    return batches


def _copied_ids(table: pa.Table, copy: int) -> pa.Table:
    """The table with every id column's values made the copy's own."""
    prefix = f"{copy:0{COPY_DIGITS}x}"
    for index, name in enumerate(table.column_names):
        column = table.column(index)
        if not name.endswith("_id") or name in ID_COLUMNS_KEPT or not pa.types.is_string(column.type):
            continue
        renamed = pc.binary_join_element_wise(prefix, pc.utf8_slice_codeunits(column, COPY_DIGITS), "")
        table = table.set_column(index, name, renamed)
    return table


def copy_of(staged: StagedBatch, copy: int) -> StagedBatch:
    return StagedBatch({name: _copied_ids(table, copy) for name, table in staged.tables.items()},
                       _copied_ids(staged.article_sources, copy), _copied_ids(staged.quotes, copy), staged.counts)


def load_copies(warehouse: Path, run_id: str, batches: list[StagedBatch], n_copies: int, slice_size: int,
                hold_seconds: float) -> tuple[int, float, list[dict]]:
    """Load n_copies of the batches as the flow's writer does; (articles, load seconds, the rate
    over each slice of slice_size copies)."""
    slices, loaded, slice_started, slice_loaded, load_seconds = [], 0, time.perf_counter(), 0, 0.0
    hold = WriterHold(warehouse, hold_seconds)
    for copy in range(n_copies):
        for staged in batches:
            moved = copy_of(staged, copy)
            started = time.perf_counter()
            hold.keep()
            load_staged(warehouse, run_id, moved, EXTRACTOR_VERSIONS)
            hold.release_if_due()
            load_seconds += time.perf_counter() - started
            loaded += moved.tables["staged_articles"].num_rows
        if (copy + 1) % slice_size == 0 or copy == n_copies - 1:
            seconds = time.perf_counter() - slice_started
            slices.append({"articles_loaded": loaded, "articles_per_second": round((loaded - slice_loaded) / seconds, 1)})
            print(f"  {loaded:>9,} articles: {slices[-1]['articles_per_second']:,} articles/s", flush=True)
            slice_started, slice_loaded = time.perf_counter(), loaded
    hold.release()
    return loaded, load_seconds, slices


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-n", type=int, default=2000, help="the N of a corpus make bench built")
    parser.add_argument("--distinct", type=int, default=1024, help="articles extracted once, then copied")
    parser.add_argument("--articles", type=int, default=100_000, help="articles to load in all")
    parser.add_argument("--slices", type=int, default=10, help="report the rate over this many slices")
    parser.add_argument("--link", action="store_true", help="link the whole load at the end (a worst case)")
    parser.add_argument("--hold-seconds", type=float, default=Settings().writer_hold_seconds,
                        help="keep the warehouse open between batches this long, as the flow does (0: never)")
    arguments = parser.parse_args()
    corpus = WORK_DIR / f"n{arguments.corpus_n}" / "corpus.jsonl"
    if not corpus.exists():
        sys.exit(f"no corpus at {corpus}: run `make bench N={arguments.corpus_n}` first")
    warehouse = WORK_DIR / "load" / "load.duckdb"
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    for stale in warehouse.parent.glob("load.duckdb*"):
        stale.unlink()
    run_id = "load-bench"
    print(f"extracting {arguments.distinct:,} articles once ...", flush=True)
    batches = staged_batches(corpus, arguments.distinct, run_id)
    per_copy = sum(b.tables["staged_articles"].num_rows for b in batches)
    prepare_warehouse(warehouse)
    start_run(warehouse, run_id, None, [str(corpus)], "bench", "0", EXTRACTOR_VERSIONS)

    n_copies = -(-arguments.articles // per_copy)
    loaded, load_seconds, slices = load_copies(warehouse, run_id, batches, n_copies,
                                               max(1, n_copies // arguments.slices), arguments.hold_seconds)
    started = time.perf_counter()
    if arguments.link:
        link_run(warehouse, run_id, load_incident_rules(Settings().seeds_dir))
    link_seconds = time.perf_counter() - started if arguments.link else None
    result = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"), "cpus": os.cpu_count(),
        "articles": loaded, "distinct_articles": per_copy, "batch_size": BATCH_SIZE, "hold_seconds": arguments.hold_seconds,
        "load_seconds": round(load_seconds, 1), "articles_per_second": round(loaded / load_seconds, 1),
        "link_seconds": round(link_seconds, 1) if link_seconds is not None else None, "slices": slices,
        "warehouse_megabytes": round(warehouse.stat().st_size / 1e6, 1),
    }
    print(f"loaded {loaded:,} articles in {load_seconds:.1f} s ({result['articles_per_second']:,} articles/s), "
          f"linked in {link_seconds if link_seconds is not None else '-'} s; warehouse {result['warehouse_megabytes']} MB")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"load-{loaded}-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
