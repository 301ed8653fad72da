"""Scorers: how well the extractors do on gold sets, ours and public ones; `gold/` reads the sets.

May import the stage packages (ingest, nlp, extract, link); they never import this one. Public
sets that may not be redistributed are read from ../shared (beside the project) and never
committed.
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = PROJECT_ROOT.parent / "shared"
DEFAULT_CORPUS_DIR = SHARED_DIR / "corpus"
EVAL_DIR = SHARED_DIR / "eval"
DEFAULT_TEMPEVAL_DIR = EVAL_DIR / "tempeval3_platinum"
DEFAULT_PLOVER_PATH = EVAL_DIR / "plover_gsr" / "PLOVER_GSR_CAMEO.json"
DEFAULT_WIKIEVENTS_DIR = EVAL_DIR / "wikievents"
DEFAULT_GVA_DIR = EVAL_DIR / "gva"
DEFAULT_CASE_PATH = EVAL_DIR / "case2021" / "dev.jsonl"
GOLD_DIR = PROJECT_ROOT / "tests" / "gold"
EVENT_GOLD_DIR = GOLD_DIR / "events"
GENERAL_EVENT_GOLD = GOLD_DIR / "general_events.jsonl"
PLACE_GOLD = GOLD_DIR / "places.jsonl"
