"""Several writers or one: appending the same staged batches to one DuckDB file from one process,
against a DuckLake (SQLite catalog, local Parquet files) from one process and from two at once.

Every mode appends the same Arrow tables (the staged batches of bench/load.py, each copy with
ids of its own) one transaction per batch, with no upsert and no source merge, so that only the
commit path differs. DuckLake is no dependency of wirehouse: install its extension packages
first, `pip install duckdb-extension-ducklake==1.5.5 duckdb-extension-sqlite-scanner==1.5.5`.

Run: `.venv/bin/python bench/ducklake_writers.py --batches 80` (after `make bench N=2000` or more).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import shutil
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import RESULTS_DIR, WORK_DIR, copy_of, staged_batches  # noqa: E402

EXTENSIONS = ("duckdb_extension_ducklake", "duckdb_extension_sqlite_scanner")


def extension_path(package: str) -> str:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{package} is not installed: pip install {package.replace('_', '-')}==1.5.5")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return str(next(folder.rglob("*.duckdb_extension")))


def batch_tables(batch) -> dict[str, pa.Table]:
    return dict(batch.tables) | {"staged_quotes": batch.quotes, "staged_article_sources": batch.article_sources}


def connect(mode: str, folder: Path) -> duckdb.DuckDBPyConnection:
    if mode == "duckdb":
        return duckdb.connect(str(folder / "one.duckdb"))
    connection = duckdb.connect()
    for package in EXTENSIONS:
        connection.load_extension(extension_path(package))
    data = folder / "lake-data"
    data.mkdir(exist_ok=True)
    connection.execute(f"ATTACH 'ducklake:sqlite:{folder / 'lake.sqlite'}' AS lake (DATA_PATH '{data}/')")
    connection.execute("USE lake")
    return connection


def create_tables(mode: str, folder: Path, example: dict[str, pa.Table]) -> None:
    connection = connect(mode, folder)
    for name, table in example.items():
        connection.register("example", table)
        connection.execute(f"CREATE TABLE {name} AS SELECT * FROM example LIMIT 0")
        connection.unregister("example")
    connection.close()


def append(mode: str, folder: Path, batches: list, copies: list[int]) -> tuple[int, int]:
    """Append each copy of the batches, one transaction per batch; (articles, conflicts retried)."""
    connection = connect(mode, folder)
    articles = retried = 0
    for copy in copies:
        for batch in batches:
            tables = batch_tables(copy_of(batch, copy))
            while True:
                try:
                    connection.execute("BEGIN TRANSACTION")
                    for name, table in tables.items():
                        connection.register("incoming", table)
                        connection.execute(f"INSERT INTO {name} SELECT * FROM incoming")
                        connection.unregister("incoming")
                    connection.execute("COMMIT")
                    break
                except duckdb.TransactionException as error:  # another writer committed first
                    try:
                        connection.execute("ROLLBACK")
                    except duckdb.TransactionException:
                        pass  # the failed commit ended the transaction already
                    retried += 1
                    if retried > 1000:
                        raise RuntimeError(f"no progress after {retried} retries: {error}") from error
            articles += tables["staged_articles"].num_rows
    connection.close()
    return articles, retried


def _worker(arguments: tuple) -> tuple[int, int]:
    mode, folder, batches, copies = arguments
    return append(mode, folder, batches, copies)


def timed(mode: str, folder: Path, batches: list, n_copies: int, writers: int) -> dict:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    create_tables(mode, folder, batch_tables(batches[0]))
    shares = [list(range(w, n_copies, writers)) for w in range(writers)]
    started = time.perf_counter()
    if writers == 1:
        results = [append(mode, folder, batches, shares[0])]
    else:
        with multiprocessing.get_context("fork").Pool(writers) as pool:
            results = pool.map(_worker, [(mode, folder, batches, share) for share in shares])
    seconds = time.perf_counter() - started
    articles = sum(r[0] for r in results)
    check = connect(mode, folder)
    stored = check.execute("SELECT count(*) FROM staged_articles").fetchone()[0]
    check.close()
    return {"mode": mode, "writers": writers, "articles": articles, "stored": stored, "seconds": round(seconds, 1),
            "articles_per_second": round(articles / seconds, 1), "conflicts_retried": sum(r[1] for r in results)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-n", type=int, default=2000)
    parser.add_argument("--distinct", type=int, default=512)
    parser.add_argument("--copies", type=int, default=20, help="copies of the distinct articles to append")
    arguments = parser.parse_args()
    corpus = WORK_DIR / f"n{arguments.corpus_n}" / "corpus.jsonl"
    batches = staged_batches(corpus, arguments.distinct, "lake-bench")
    rows = []
    for mode, writers in (("duckdb", 1), ("ducklake", 1), ("ducklake", 2)):
        row = timed(mode, WORK_DIR / "lake" / f"{mode}-{writers}", batches, arguments.copies, writers)
        print(row, flush=True)
        rows.append(row)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"ducklake-writers-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps({"when": datetime.now(timezone.utc).isoformat(timespec="seconds"), "runs": rows},
                              indent=2), encoding="utf-8")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
