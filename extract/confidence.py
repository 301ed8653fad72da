"""Confidence weights (seeds/confidence_weights.csv): how sure each extractor is of a row, as data
beside the rules, each weight with what it means."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from seedrows import read_rows


@dataclass(frozen=True)
class ConfidenceWeight:
    extractor: str  # quotes | sources | events
    weight: str
    value: float


def confidence_weights(seeds_dir: Path, extractor: str) -> dict[str, float]:
    """The weights of one extractor, by name; its record type takes them as keywords, so a weight
    missing from the file or unknown to the code is an error when the rules load."""
    rows = read_rows(seeds_dir / "confidence_weights.csv", ConfidenceWeight)
    return {row.weight: row.value for row in rows if row.extractor == extractor}
