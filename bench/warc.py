"""`make bench FORMAT=warc`: the flow over a WARC archive against bare spaCy on the same texts.

1. Builds N articles from ../shared/corpus (as bench/run.py does) and writes each as a news
   page (tests/pages/templates.py: navigation, cookie banner, related links, comments) in one
   gzipped WARC, one response record per page, with a request record before every tenth.
2. Extracts the main text of every page once (worker processes), timing it, and runs bare
   `nlp.pipe` over the bodies laid out from those texts: the words/s to beat.
3. Runs the full flow (`python -m flows run archive.warc.gz`) into a fresh warehouse and
   reports words/s, the ratio to bare spaCy, busy seconds per stage with HTML extraction's
   share of the workers' time, and peak RSS.

Run: `make bench FORMAT=warc N=2000` or `.venv/bin/python bench/warc.py --n 2000`.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.pages: the page templates
from run import CORPUS_DIR, RESULTS_DIR, WORK_DIR, _copies, bare_parse, best_settings, iso_date, run_flow  # noqa: E402

from tests.pages.templates import Story, news_page  # noqa: E402

PAGES_PER_CHUNK = 200
# Pages as heavy as a real news site's (about 90 KB of HTML: a mega-menu of 300 links, 40 KB
# of inline script), not only the story: HTML extraction's cost grows with the page.
MENU_LINKS, SCRIPT_KILOBYTES = 300, 40


def story_of(i: int, copy: int, record: dict) -> Story:
    text = record["text"] if copy == 0 else f"{record['text'].rstrip()}\n\nCopy {copy}."
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) == 1:  # MUC and Reuters wrap lines; one paragraph per line keeps them readable
        paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    title = record.get("title") or f"Report {i}"
    published = (iso_date(record.get("published_at") or record.get("date")) or "")[:10] or None
    return Story(title, paragraphs, published=published, site="Bench Daily", url=f"https://bench.example/{i}")


def build_archive(n: int, path: Path) -> None:
    """N pages in one .warc.gz, written as a stream."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i, (copy, record) in enumerate(itertools.islice(_copies(), n)):
            url = f"https://bench.example/{i}"
            if i % 10 == 0:
                request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                                    length=18)
                writer.write_record(request)
            body = news_page(story_of(i, copy, record), menu_links=MENU_LINKS,
                             script_kilobytes=SCRIPT_KILOBYTES).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          length=len(body), http_headers=headers))


def _bodies_of(pages: list) -> tuple[list[str], float]:
    from flows.tasks import extraction_rules
    from extract.articles import build_article
    from ingest.records import Document
    from ingest.html import pages_to_documents

    layout = extraction_rules(Path(__file__).resolve().parent.parent / "seeds").layout
    documents, seconds = pages_to_documents(pages)
    return [build_article(d, layout, "en").body for d in documents if isinstance(d, Document)], seconds


def extract_bodies(archive: Path, bodies: Path, workers: int) -> dict:
    """Every page's laid-out body, one JSON string a line; the seconds HTML extraction took."""
    from ingest.records import RawPage
    from ingest.warc import read_warc

    pages = (item for item in read_warc(archive, 5 * 1024 * 1024) if isinstance(item, RawPage))
    started, busy, n = time.perf_counter(), 0.0, 0
    with ProcessPoolExecutor(workers) as pool, bodies.open("w", encoding="utf-8") as out:
        chunks = iter(lambda: list(itertools.islice(pages, PAGES_PER_CHUNK)), [])
        for texts, seconds in pool.map(_bodies_of, chunks):
            busy += seconds
            n += len(texts)
            out.writelines(json.dumps(text) + "\n" for text in texts)
    return {"pages": n, "busy_seconds": round(busy, 1), "wall_seconds": round(time.perf_counter() - started, 1),
            "ms_per_page": round(1000 * busy / n, 1) if n else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=int(os.environ.get("N", 2000)), help="articles (default 2000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sample", type=int, default=400, help="articles to tune n_process and batch_size on")
    arguments = parser.parse_args()
    if not CORPUS_DIR.exists():
        sys.exit(f"the corpus is not at {CORPUS_DIR}: the benchmark needs ../shared/corpus")
    from flows.settings import Settings

    model = Settings().model
    work = WORK_DIR / f"warc-n{arguments.n}"
    work.mkdir(parents=True, exist_ok=True)
    archive, bodies = work / "bench.warc.gz", work / "bodies.jsonl"
    print(f"writing {arguments.n:,} pages to {archive} ...", flush=True)
    build_archive(arguments.n, archive)
    html = extract_bodies(archive, bodies, arguments.workers)
    print(f"main text of {html['pages']:,} pages: {html['ms_per_page']} ms a page", flush=True)
    n_process, batch_size, trials = best_settings(model, bodies, arguments.workers, arguments.sample)
    bare = bare_parse(model, bodies, n_process, batch_size)
    print(f"bare nlp.pipe on the extracted texts: {bare['words_per_second']:,} words/s", flush=True)
    warehouse = work / "warehouse" / "bench.duckdb"
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    for stale in warehouse.parent.glob("*"):
        if stale.is_file():
            stale.unlink()
    cold = run_flow("warc", archive, warehouse, arguments.workers, bare["words"])
    stages = cold.stage_seconds
    worker_seconds = sum(stages.get(k, 0.0) for k in ("html", "layout", "parse", "extract", "stage"))
    result = {
        "when": datetime.now().isoformat(timespec="seconds"), "n_articles": arguments.n, "workers": arguments.workers,
        "archive_mb": round(archive.stat().st_size / 1e6, 1), "html_extraction": html, "bare_trials": trials,
        "bare": bare, "flow": asdict(cold),
        "ratio_flow_to_bare": round(cold.words_per_second / bare["words_per_second"], 3),
        "html_share_of_worker_seconds": round(stages.get("html", 0.0) / worker_seconds, 3) if worker_seconds else None,
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"bench-warc-n{arguments.n}-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"\n{arguments.n:,} pages in a {result['archive_mb']} MB WARC, {arguments.workers} workers")
    print(f"  bare nlp.pipe      {bare['words_per_second']:>9,} words/s  (on the extracted texts)")
    print(f"  flow, cold         {cold.words_per_second:>9,} words/s  {cold.flow_seconds:.1f} s  "
          f"peak RSS {cold.peak_rss_gb:.2f} GB  start-up {cold.startup_seconds:.1f} s")
    print(f"  ratio flow / bare  {result['ratio_flow_to_bare']:.3f}")
    print(f"  HTML extraction    {result['html_share_of_worker_seconds']:.1%} of the workers' busy seconds")
    print("  busy seconds       " + ", ".join(f"{k} {v:.1f}" for k, v in stages.items()))
    print(f"  counts             {cold.counts}")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
