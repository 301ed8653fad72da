"""Texts of the corpora our id-only gold points into: Reuters-21578 and Wikinews from
../shared/corpus, GVA dev from ../shared/eval/gva, PolNeAR from WIREHOUSE_POLNEAR_DIR. None of
them is committed; gold that needs a missing corpus is skipped, never guessed."""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path

from evaluation import DEFAULT_CORPUS_DIR, DEFAULT_GVA_DIR

CORPUS_FILES = {"reuters21578": DEFAULT_CORPUS_DIR / "reuters21578" / "reuters21578.jsonl",
                "wikinews": DEFAULT_CORPUS_DIR / "wikinews" / "wikinews.jsonl",
                "gva_dev": DEFAULT_GVA_DIR / "dev.jsonl"}


def polnear_dir() -> Path | None:
    folder = os.environ.get("WIREHOUSE_POLNEAR_DIR")
    return Path(folder) if folder else None


@functools.lru_cache(maxsize=4)
def _jsonl_texts(path: Path, wanted: frozenset[str]) -> Mapping[str, str]:
    texts = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                texts[record["id"]] = record["text"]
    return texts


def corpus_texts(corpus: str, doc_ids: frozenset[str]) -> Mapping[str, str]:
    """doc id -> text, for those of `doc_ids` the corpus holds here (empty when it is absent)."""
    if corpus == "polnear":
        root = polnear_dir()
        if root is None:
            return {}
        data = root / "data" if (root / "data").is_dir() else root
        paths = {p.stem: p for split in ("train", "dev") for p in (data / split / "text").glob("*.txt")}
        return {d: paths[d].read_bytes().decode("utf-8") for d in doc_ids if d in paths}
    path = CORPUS_FILES.get(corpus)
    if path is None or not path.exists():
        return {}
    return _jsonl_texts(path, doc_ids)


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
