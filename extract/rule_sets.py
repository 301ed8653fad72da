"""Every rule set the extractors need, read once per process from a seeds folder."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from extract.events import EventRules, load_event_rules
from extract.layout_parts import LayoutRules, load_layout_rules
from extract.quote_rules import QuoteRules, load_quote_rules
from extract.sources import SourceRules, load_source_rules
from ingest.language import LanguageDetector, load_language_detector
from nlp.gazetteer import government_places
from nlp.gazetteer_store import load_dateline_names, load_gazetteer


@dataclass(frozen=True)
class ExtractionRules:
    """Every rule set the extractors need: layout and language before the parse, quotes,
    sources and events after it."""

    layout: LayoutRules
    quotes: QuoteRules
    sources: SourceRules
    events: EventRules
    languages: LanguageDetector


@functools.lru_cache(maxsize=4)
def load_extraction_rules(seeds_dir: Path) -> ExtractionRules:
    """Read every rule CSV of seeds/ and the packaged gazetteers, once per process and folder
    (the flow's tasks and the spaCy components of one folder share one set)."""
    return ExtractionRules(
        layout=load_layout_rules(seeds_dir, load_dateline_names()),
        quotes=load_quote_rules(seeds_dir),
        sources=load_source_rules(seeds_dir, government_places(seeds_dir)),
        events=load_event_rules(seeds_dir, load_gazetteer(seeds_dir)),
        languages=load_language_detector(seeds_dir),
    )
