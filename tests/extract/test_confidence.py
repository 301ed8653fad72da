"""Confidence weights are read by name into each extractor's record; a missing or unknown weight
is an error when the rules load."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from extract.confidence import confidence_weights
from seedrows import SeedError


@dataclass(frozen=True)
class Weights:
    base: float
    step: float


def seeds_with(tmp_path, rows: str):
    (tmp_path / "confidence_weights.csv").write_text("extractor,weight,value,meaning\n" + rows, encoding="utf-8")
    return tmp_path


def test_an_extractors_weights_fill_its_record(tmp_path):
    folder = seeds_with(tmp_path, "x,base,0.5,\nx,step,0.05,\ny,base,0.9,\n")
    assert confidence_weights(folder, "x", Weights) == Weights(0.5, 0.05)


@pytest.mark.parametrize("rows, message", [
    ("x,base,0.5,\n", r"lack \['step'\]"),
    ("x,base,0.5,\nx,step,0.1,\nx,bias,1,\n", r"unknown \['bias'\]"),
])
def test_a_missing_or_unknown_weight_is_refused(tmp_path, rows, message):
    with pytest.raises(SeedError, match=message):
        confidence_weights(seeds_with(tmp_path, rows), "x", Weights)
