"""CASE 2021 task 2 snippets (../shared/eval/case2021): each news snippet with its ACLED sub-type."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CaseSnippet:
    snippet_id: str
    text: str
    label: str  # ARMED_CLASH, PEACE_PROTEST, ... (30 classes)


def iter_case(path: Path) -> Iterator[CaseSnippet]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            yield CaseSnippet(str(record["id"]), record["text"], record["sub_type"])
