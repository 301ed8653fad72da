"""How the flow's throughput grows with Dask workers: the flow on a local Dask cluster of
1..W single-threaded workers over a corpus `make bench` built, each into a fresh warehouse.

Run: `.venv/bin/python bench/dask_scaling.py --n 2000` (after `make bench N=2000`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import RESULTS_DIR, WORK_DIR, run_flow  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="the N of a corpus built by make bench")
    parser.add_argument("--max-workers", type=int, default=os.cpu_count() or 1)
    arguments = parser.parse_args()
    work = WORK_DIR / f"n{arguments.n}"
    bare_file = work / "bare.json"
    if not bare_file.exists():
        sys.exit(f"no corpus at {work}: run `make bench N={arguments.n}` first")
    words = json.loads(bare_file.read_text(encoding="utf-8"))[2]["words"]
    rows = []
    for workers in range(1, arguments.max_workers + 1):
        directory = work / f"dask-{workers}"
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
        run = run_flow(f"dask-{workers}", work / "corpus.jsonl", directory / "w.duckdb", workers, words, "dask")
        rows.append({"workers": workers, "words_per_second": run.words_per_second, "flow_seconds": run.flow_seconds,
                     "startup_seconds": run.startup_seconds, "peak_rss_gb": run.peak_rss_gb,
                     "stage_seconds": run.stage_seconds})
        print(f"{workers} Dask worker(s): {run.words_per_second:,} words/s, {run.flow_seconds} s in the flow, "
              f"peak RSS {run.peak_rss_gb} GB", flush=True)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"dask-scaling-n{arguments.n}-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps({"n_articles": arguments.n, "cpus": os.cpu_count(), "runs": rows}, indent=2))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
