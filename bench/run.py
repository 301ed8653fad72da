"""The benchmark behind `make bench` (N=100000 by default): bare spaCy against the whole flow.

1. Builds N articles from ../shared/corpus (Reuters-21578, MUC-3/4, Wikinews), cycling
   through them and giving every copy after the first a line of its own so that no text
   repeats (deduplication would flatter the figure); written as JSONL and as .txt files.
2. Runs bare `nlp.pipe` over the article bodies, with the best n_process and batch_size of a
   small grid tried on a sample, and reports words/s.
3. Runs the full flow (`python -m flows run`) into a fresh warehouse, then again over the same
   inputs, then after 1% of them changed; reports words/s, the ratio to bare spaCy, busy
   seconds per stage, the flow's start-up time and peak RSS of all processes.
4. Writes everything as JSON to bench/results/ (gitignored).

Run: `make bench N=20000` or `.venv/bin/python bench/run.py --n 20000`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import psutil

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = PROJECT_ROOT.parent / "shared" / "corpus"
CORPUS_FILES = ("reuters21578/reuters21578.jsonl", "muc34/muc34.jsonl", "wikinews/wikinews.jsonl")
WORK_DIR = PROJECT_ROOT / "bench" / "work"
RESULTS_DIR = PROJECT_ROOT / "bench" / "results"
TXT_FILES_PER_DIR = 1000


def _role(process: psutil.Process) -> str:
    command = " ".join(process.cmdline())
    if process.pid == os.getpid() or "-m flows run" in command:
        return "flow (reader and writer)"
    if "uvicorn" in command or ("prefect" in command and "server" in command):
        return "Prefect server"
    return "worker"


class PeakMemory:
    """Peak RSS of a process and all its children, sampled every 0.2 s in a thread."""

    def __init__(self, pid: int):
        self.process = psutil.Process(pid)
        self.peak_bytes = 0
        self.peak_by_role: dict[str, int] = {}  # the largest RSS each kind of process reached
        self.peak_at: dict[str, float] = {}  # seconds since start when the tree and each kind peaked
        self._started = 0.0
        # every 30 s: seconds since start, RSS of the tree and of each kind of process (GB), to
        # tell growth from a plateau
        self.timeline: list[tuple[float, float, dict[str, float]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _rss(self) -> tuple[int, dict[str, int]]:
        total, by_role = 0, {}
        for process in [self.process, *self.process.children(recursive=True)]:
            try:
                rss = process.memory_info().rss
                role = _role(process)
            except psutil.Error:
                continue
            total += rss
            by_role[role] = by_role.get(role, 0) + rss
            if rss > self.peak_by_role.get(role, 0):
                self.peak_by_role[role] = rss
                self.peak_at[role] = round(time.perf_counter() - self._started, 1)
        return total, by_role

    def _sample(self) -> None:
        started = last_entry = self._started = time.perf_counter()  # the thread's start is the origin
        while not self._stop.is_set():
            try:
                total, by_role = self._rss()
            except psutil.Error:
                return
            if total > self.peak_bytes:
                self.peak_bytes = total
                self.peak_at["tree"] = round(time.perf_counter() - self._started, 1)
            if time.perf_counter() - last_entry >= 30:
                last_entry = time.perf_counter()
                self.timeline.append((round(last_entry - started), round(total / 1e9, 3),
                                      {role: round(rss / 1e9, 3) for role, rss in by_role.items()}))
            self._stop.wait(0.2)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_gb(self) -> float:
        return round(self.peak_bytes / 1e9, 3)

    @property
    def peak_gb_by_role(self) -> dict[str, float]:
        return {role: round(rss / 1e9, 3) for role, rss in self.peak_by_role.items()}


def source_records() -> Iterator[dict]:
    """The corpus records with text, Reuters, MUC and Wikinews in turn, read lazily."""
    handles = [(CORPUS_DIR / name).open(encoding="utf-8") for name in CORPUS_FILES]
    try:
        for handle in handles:
            for line in handle:
                record = json.loads(line)
                if (record.get("text") or "").strip():
                    yield record
    finally:
        for handle in handles:
            handle.close()


def build_corpus(n: int, directory: Path) -> tuple[Path, Path, Path]:
    """N articles as corpus.jsonl, as .txt files under txt/, and their bodies (one JSON string
    per line, for the bare spaCy run); copy k > 0 of a record gets the line "Copy k."."""
    from flows.tasks import extraction_rules
    from extract.articles import build_article
    from ingest.records import Document, InputMetadata

    layout = extraction_rules(PROJECT_ROOT / "seeds").layout
    directory.mkdir(parents=True, exist_ok=True)
    jsonl, bodies, txt_dir = directory / "corpus.jsonl", directory / "bodies.jsonl", directory / "txt"
    with jsonl.open("w", encoding="utf-8") as out, bodies.open("w", encoding="utf-8") as body_out:
        for i, (copy, record) in enumerate(itertools.islice(_copies(), n)):
            text = record["text"] if copy == 0 else f"{record['text'].rstrip()}\n\nCopy {copy}.\n"
            published = iso_date(record.get("published_at") or record.get("date"))
            out.write(json.dumps({"id": f"bench-{i}", "title": record.get("title"), "text": text,
                                  "published_at": published}) + "\n")
            shard = txt_dir / f"{i // TXT_FILES_PER_DIR:04d}"
            shard.mkdir(parents=True, exist_ok=True)
            (shard / f"bench-{i}.txt").write_text(text, encoding="utf-8")
            document = Document(f"bench-{i}", f"bench-{i}", text, InputMetadata(title=record.get("title")))
            body_out.write(json.dumps(build_article(document, layout, "en").body) + "\n")
    return jsonl, bodies, txt_dir


def iso_date(value: str | None) -> str | None:
    """ISO 8601 as the JSONL reader wants it; Reuters writes "26-FEB-1987 15:01:01.79"."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return datetime.strptime(value.strip()[:20], "%d-%b-%Y %H:%M:%S").isoformat()
    except ValueError:
        return None


def _copies() -> Iterator[tuple[int, dict]]:
    for copy in itertools.count():
        for record in source_records():
            yield copy, record


def read_bodies(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def bare_parse(model: str, bodies: Path, n_process: int, batch_size: int, limit: int | None = None) -> dict:
    """words/s of nlp.pipe alone over the bodies."""
    from nlp.pipeline import load_pipeline

    nlp = load_pipeline(model)
    texts = list(itertools.islice(read_bodies(bodies), limit)) if limit else None
    words = 0
    started = time.perf_counter()
    with PeakMemory(os.getpid()) as memory:
        for doc in nlp.pipe(texts if texts is not None else read_bodies(bodies), n_process=n_process,
                            batch_size=batch_size):
            words += sum(1 for token in doc if not token.is_space and not token.is_punct)
    seconds = time.perf_counter() - started
    return {"n_process": n_process, "batch_size": batch_size, "words": words, "seconds": round(seconds, 2),
            "words_per_second": round(words / seconds), "peak_rss_gb": memory.peak_gb}


def best_settings(model: str, bodies: Path, workers: int, sample: int) -> tuple[int, int, list[dict]]:
    trials = [bare_parse(model, bodies, n_process, batch_size, sample)
              for n_process in sorted({1, workers}) for batch_size in (32, 128)]
    best = max(trials, key=lambda t: t["words_per_second"])
    return best["n_process"], best["batch_size"], trials


@dataclass
class FlowRun:
    label: str
    wall_seconds: float
    flow_seconds: float
    startup_seconds: float
    peak_rss_gb: float
    counts: dict
    stage_seconds: dict
    words_per_second: float | None = None
    extra: dict = field(default_factory=dict)


def run_flow(label: str, inputs: Path, warehouse: Path, workers: int, words: int | None,
             task_runner: str = "processes") -> FlowRun:
    """`python -m flows run` in a subprocess, its whole process tree measured."""
    summary_path = warehouse.parent / f"summary-{label}.json"
    command = [sys.executable, "-m", "flows", "run", str(inputs), "--warehouse", str(warehouse),
               "--summary-json", str(summary_path)]
    environment = os.environ | {"WIREHOUSE_WORKERS": str(workers), "WIREHOUSE_TASK_RUNNER": task_runner}
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=environment, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    with PeakMemory(process.pid) as memory:
        _, stderr = process.communicate()
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"flow run {label} failed:\n{stderr[-3000:]}")
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    return FlowRun(label, round(wall, 2), round(summary["seconds"], 2), round(wall - summary["seconds"], 2),
                   memory.peak_gb, summary["counts"], summary["stage_seconds"],
                   round(words / summary["seconds"]) if words else None,
                   {"peak_rss_gb_by_process_kind": memory.peak_gb_by_role,
                    "peak_rss_seconds_since_start": memory.peak_at, "rss_timeline": memory.timeline})


def change_one_percent(source: Path, target: Path) -> int:
    """A copy of the corpus with every 100th article edited; returns how many changed."""
    changed = 0
    with source.open(encoding="utf-8") as handle, target.open("w", encoding="utf-8") as out:
        for i, line in enumerate(handle):
            record = json.loads(line)
            if i % 100 == 0:
                record["text"] = record["text"].rstrip() + "\n\nThis article was updated.\n"
                changed += 1
            out.write(json.dumps(record) + "\n")
    return changed


def main() -> None:
    """Build the corpus, time bare spaCy and the flow, and write the results. Long because it is
    the benchmark's steps in the order they run, each printed as it ends."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=int(os.environ.get("N", 100_000)), help="articles (default 100000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)")
    parser.add_argument("--sample", type=int, default=400, help="articles to tune n_process and batch_size on")
    parser.add_argument("--flow-only", action="store_true",
                        help="skip bare spaCy (no ratio): time the flow, its linking and the report only")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the corpus and the bare spaCy figures of an earlier run with the same N")
    arguments = parser.parse_args()
    if not CORPUS_DIR.exists():
        sys.exit(f"the corpus is not at {CORPUS_DIR}: the benchmark needs ../shared/corpus")
    from flows.settings import Settings

    model = Settings().model
    work = WORK_DIR / f"n{arguments.n}"
    saved = work / "bare.json"
    if arguments.reuse and saved.exists():
        jsonl, txt_dir = work / "corpus.jsonl", work / "txt"
        build_seconds, trials, bare = json.loads(saved.read_text(encoding="utf-8"))
    else:
        started = time.perf_counter()
        if arguments.reuse and (work / "bodies.jsonl").exists():
            jsonl, bodies, txt_dir = work / "corpus.jsonl", work / "bodies.jsonl", work / "txt"
        else:
            print(f"building {arguments.n:,} articles in {work} ...", flush=True)
            jsonl, bodies, txt_dir = build_corpus(arguments.n, work)
        build_seconds = time.perf_counter() - started
        if arguments.flow_only:
            trials, bare = [], {"words": None, "words_per_second": None}
        else:
            n_process, batch_size, trials = best_settings(model, bodies, arguments.workers, arguments.sample)
            print(f"bare nlp.pipe: n_process={n_process}, batch_size={batch_size} (best on {arguments.sample})",
                  flush=True)
            bare = bare_parse(model, bodies, n_process, batch_size)
            saved.write_text(json.dumps([build_seconds, trials, bare]), encoding="utf-8")
    if bare["words_per_second"]:
        print(f"bare nlp.pipe: {bare['words_per_second']:,} words/s", flush=True)

    warehouse = work / "warehouse" / "bench.duckdb"
    for stale in warehouse.parent.glob("*"):
        if stale.is_file():
            stale.unlink()
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    cold = run_flow("cold", jsonl, warehouse, arguments.workers, bare["words"])
    accounted = sum(cold.counts[k] for k in ("n_articles_new", "n_articles_existing", "n_duplicates"))
    if accounted != arguments.n:  # Reuters repeats a few texts: duplicates, or already loaded by an earlier batch
        sys.exit(f"the flow loaded {cold.counts['n_articles_new']:,} of {arguments.n:,} articles: {cold.counts}")
    print(f"flow, cold: {cold.words_per_second or '-'} words/s, {cold.flow_seconds} s", flush=True)
    report = build_report(warehouse)
    unchanged = run_flow("unchanged", jsonl, warehouse, arguments.workers, None)
    changed_jsonl = work / "corpus-1pct-changed.jsonl"
    n_changed = change_one_percent(jsonl, changed_jsonl)
    one_percent = run_flow("one_percent_changed", changed_jsonl, warehouse, arguments.workers, None)
    one_percent.extra["n_changed"] = n_changed

    result = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "n_articles": arguments.n, "workers": arguments.workers, "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 1e9, 1), "model": model,
        "corpus": {"jsonl": str(jsonl), "txt_dir": str(txt_dir), "build_seconds": round(build_seconds, 1),
                   "words": bare["words"]},
        "bare_trials": trials, "bare": bare,
        "flow": [asdict(cold), asdict(unchanged), asdict(one_percent)],
        "ratio_flow_to_bare": round(cold.words_per_second / bare["words_per_second"], 3)
        if bare["words_per_second"] else None,
        # the same with the flow's start-up counted (imports, Prefect's server, the workers' model)
        "ratio_wall_to_bare": round(bare["seconds"] / cold.wall_seconds, 3) if bare["words_per_second"] else None,
        "link_share_of_load": round(cold.stage_seconds.get("link", 0) / cold.stage_seconds["load"], 3),
        "report": report,
        "unchanged_share_of_cold": round(unchanged.wall_seconds / cold.wall_seconds, 3),
        "one_percent_share_of_cold": round(one_percent.wall_seconds / cold.wall_seconds, 3),
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"bench-n{arguments.n}-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print_result(result)
    print(f"written to {out}")


def build_report(warehouse: Path) -> dict:
    """`wirehouse report` on the cold run's warehouse: seconds and size."""
    target = warehouse.parent / "report.html"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "flows.cli", "report", "--warehouse", str(warehouse), "--to", str(target)],
                   cwd=PROJECT_ROOT, check=True, stdout=subprocess.DEVNULL)
    return {"seconds": round(time.perf_counter() - started, 2), "megabytes": round(target.stat().st_size / 1e6, 2)}


def print_result(result: dict) -> None:
    bare, (cold, unchanged, one_percent) = result["bare"], result["flow"]
    print(f"\n{result['n_articles']:,} articles, {result['corpus']['words'] or 0:,} words, {result['workers']} workers, "
          f"{result['cpus']} CPUs, model {result['model']}")
    if bare["words_per_second"]:
        print(f"  bare nlp.pipe      {bare['words_per_second']:>9,} words/s  {bare['seconds']:>8.1f} s  "
              f"peak RSS {bare['peak_rss_gb']:.2f} GB  (n_process {bare['n_process']}, batch {bare['batch_size']})")
    print(f"  flow, cold         {cold['words_per_second'] or '-':>9} words/s  {cold['flow_seconds']:>8.1f} s  "
          f"peak RSS {cold['peak_rss_gb']:.2f} GB  start-up {cold['startup_seconds']:.1f} s")
    print(f"  ratio flow / bare  {result['ratio_flow_to_bare']} (start-up included: {result['ratio_wall_to_bare']})")
    print(f"  linking            {result['link_share_of_load']:.1%} of the load's busy seconds; report "
          f"{result['report']['seconds']:.1f} s, {result['report']['megabytes']:.1f} MB")
    print("  peak RSS by kind   " + ", ".join(f"{k} {v:.2f} GB"
                                              for k, v in cold["extra"]["peak_rss_gb_by_process_kind"].items()))
    print("  busy seconds       " + ", ".join(f"{k} {v:.1f}" for k, v in cold["stage_seconds"].items()))
    print(f"  re-run, unchanged  {unchanged['wall_seconds']:>8.1f} s wall ({result['unchanged_share_of_cold']:.1%} "
          f"of cold), flow {unchanged['flow_seconds']:.1f} s")
    print(f"  re-run, 1% changed {one_percent['wall_seconds']:>8.1f} s wall "
          f"({result['one_percent_share_of_cold']:.1%} of cold), flow {one_percent['flow_seconds']:.1f} s, "
          f"{one_percent['counts']['n_articles_new']:,} new articles extracted")


if __name__ == "__main__":
    main()
