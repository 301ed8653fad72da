"""trafilatura's own evaluation pages: each HTML page with the passages its main text must and must not hold."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class EvalPage:
    url: str
    html: bytes
    with_passages: tuple[str, ...]
    without_passages: tuple[str, ...]

    @property
    def split(self) -> str:
        return "dev" if hashlib.sha1(self.url.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def read_eval_pages(tests_dir: Path) -> Iterator[EvalPage]:
    """The pages of trafilatura's evaluation set, from its repository's tests/ folder."""
    annotations = json.loads((tests_dir / "evaldata.json").read_text(encoding="utf-8"))
    for url, item in sorted(annotations.items()):
        path = next((tests_dir / sub / item["file"] for sub in ("cache", "eval")
                     if (tests_dir / sub / item["file"]).is_file()), None)
        if path is None:
            continue
        yield EvalPage(url, path.read_bytes(), tuple(item["with"]), tuple(item["without"]))
