"""`wirehouse eval`: score the extractors on gold data kept outside the project (../shared)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from flows import PROJECT_ROOT
from transforms.evaluation import DatelineGold

DEFAULT_CORPUS_DIR = PROJECT_ROOT.parent / "shared" / "corpus"


def muc_datelines(corpus_dir: Path) -> Iterator[DatelineGold]:
    """MUC-3/4 reports: `dateline_place` and `date` (MUC datelines write the year)."""
    with (corpus_dir / "muc34" / "muc34.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["text"].strip():
                yield DatelineGold(record["text"], record.get("dateline_place"),
                                   date.fromisoformat(record["date"]) if record.get("date") else None)


def reuters_datelines(corpus_dir: Path) -> Iterator[DatelineGold]:
    """Reuters-21578 items: the corpus's `dateline` field (their datelines carry no year)."""
    with (corpus_dir / "reuters21578" / "reuters21578.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["text"].strip():
                yield DatelineGold(record["text"], record.get("dateline") or None)
