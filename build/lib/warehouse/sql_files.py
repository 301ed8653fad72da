"""Read the .sql files under sql/: every SQL object and statement lives there."""

from __future__ import annotations

import functools
import sysconfig
from pathlib import Path


def installed_data_dir(name: str) -> Path:
    """seeds/ or sql/ of a checkout, else of an installed wheel (<prefix>/share/wirehouse/NAME)."""
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    return Path(sysconfig.get_path("data")) / "share" / "wirehouse" / name


SQL_DIR = installed_data_dir("sql")


@functools.lru_cache(maxsize=None)
def sql_text(relative_path: str) -> str:
    """The text of sql/<relative_path>, e.g. sql_text("load/upsert_articles.sql")."""
    return (SQL_DIR / relative_path).read_text(encoding="utf-8")


def sql_files(folder: str) -> list[Path]:
    """The .sql files of sql/<folder>, sorted by name."""
    return sorted((SQL_DIR / folder).glob("*.sql"))
