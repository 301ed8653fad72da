"""Render the report's data into one self-contained HTML page (no request when opened)."""

from __future__ import annotations

import json
import os
import re
import uuid
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "template.html"
OUTLINES = HERE / "countries.json"  # Natural Earth, see report/make_outlines.py
MARK = "<title>wirehouse report</title>"  # in the head of every page the template renders
HEAD_BYTES = 4096


class ReportRefused(Exception):
    """Writing the report would replace a file wirehouse did not write: nothing was written."""


def write_report(page: str, target: Path, warehouse: Path) -> None:
    """Write the page to target through a temporary file and a rename, so a reader sees the old
    page or the new one. Never over the warehouse, a folder, or a file that is not a report."""
    if target.exists() and target.resolve() == warehouse.resolve():
        raise ReportRefused(f"{target} is the warehouse itself")
    if target.is_dir():
        raise ReportRefused(f"{target} is a folder")
    if target.exists() and not _a_report(target):
        raise ReportRefused(f"{target} exists and is not a wirehouse report")
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        temporary.write_text(page, encoding="utf-8")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _a_report(path: Path) -> bool:
    with path.open("rb") as handle:
        return MARK.encode() in handle.read(HEAD_BYTES)


# Characters escaped inside a <script> element's JSON: "<" and ">" so that no "</script>" or
# "<!--<script>" can end the element or change how HTML reads it, "&" likewise, and the line and
# paragraph separators, which old JavaScript parsers took for line breaks.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})
# The template's two blanks, each filled in one pass, so text in the data is never read as a blank.
_BLANK = re.compile(r"/\*(DATA|OUTLINES)\*/")


def inline_json(value: Any) -> str:
    """JSON safe inside a <script> element, equal to `value` once parsed."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).translate(_SCRIPT_SAFE)


def render_report(data: dict[str, Any]) -> str:
    page = TEMPLATE.read_text(encoding="utf-8")
    blocks = {"DATA": inline_json(data),
              "OUTLINES": inline_json(json.loads(OUTLINES.read_text(encoding="utf-8")))}
    return _BLANK.sub(lambda blank: blocks[blank[1]], page)
