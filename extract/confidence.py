"""Confidence weights (seeds/confidence_weights.csv): how sure each extractor is of a row, as data
beside the rules, each weight with what it means."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from seedrows import SeedError, read_rows

Weights = TypeVar("Weights")


@dataclass(frozen=True)
class ConfidenceWeight:
    extractor: str  # quotes | sources | events
    weight: str
    value: float


def confidence_weights(seeds_dir: Path, extractor: str, record_type: type[Weights]) -> Weights:
    """One extractor's weights as its record (a dataclass of floats, one field per weight); a
    weight missing from the file, or one the record does not know, is an error when rules load."""
    path = seeds_dir / "confidence_weights.csv"
    weights = {row.weight: row.value for row in read_rows(path, ConfidenceWeight) if row.extractor == extractor}
    expected = {field.name for field in dataclasses.fields(record_type)}
    missing, unknown = sorted(expected - set(weights)), sorted(set(weights) - expected)
    if missing or unknown:
        raise SeedError(f"{path}: the {extractor} weights lack {missing or 'nothing'} "
                        f"and hold unknown {unknown or 'nothing'}")
    return record_type(**weights)
