"""Render the report's data into one self-contained HTML page (no request when opened)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "template.html"
OUTLINES = HERE / "countries.json"  # Natural Earth, see report/make_outlines.py


def inline_json(value: Any) -> str:
    """JSON safe inside a <script> element: no "</" can close it early."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


def render_report(data: dict[str, Any]) -> str:
    page = TEMPLATE.read_text(encoding="utf-8")
    outlines = json.loads(OUTLINES.read_text(encoding="utf-8"))
    return page.replace("/*DATA*/", inline_json(data), 1).replace("/*OUTLINES*/", inline_json(outlines), 1)
