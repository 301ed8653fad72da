"""What the layout's steps share: its rules (outlets and the names they go by, boilerplate lines,
the gazetteer's spelling of dateline places) and the Segment record each step gives."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from seedrows import read_rows


@dataclass(frozen=True)
class Outlet:
    """A news agency or publisher and the names it goes by."""

    name: str
    kind: str  # agency | publisher


@dataclass(frozen=True)
class BoilerplateRule:
    """A trailing line (or line tail) that is not part of the story; it may name an outlet."""

    pattern: re.Pattern[str]
    outlet_kind: str | None
    outlet: str | None


@dataclass(frozen=True)
class LayoutRules:
    """Everything the parser knows, loaded once from seeds/ and the gazetteer."""

    outlets: Mapping[str, Outlet]  # alias (casefolded) -> outlet
    boilerplate: tuple[BoilerplateRule, ...]
    place_names: Mapping[str, str]  # place name (casefolded) -> canonical spelling

    def outlet_for(self, alias: str) -> Outlet | None:
        return self.outlets.get(alias.strip().casefold())


@dataclass(frozen=True)
class OutletRow:
    """A row of seeds/outlets.csv: an outlet, its kind and the other spellings of its name."""

    name: str
    kind: str
    aliases: str  # "|"-separated, as written


@dataclass(frozen=True)
class BoilerplateRow:
    """A row of seeds/boilerplate.csv: a line pattern that is no part of the story."""

    pattern: str
    kind: str | None
    outlet: str | None


def load_layout_rules(seeds_dir: Path, place_names: Mapping[str, str]) -> LayoutRules:
    """Read seeds/outlets.csv and seeds/boilerplate.csv into a LayoutRules."""
    outlets: dict[str, Outlet] = {}
    for row in read_rows(seeds_dir / "outlets.csv", OutletRow):
        outlet = Outlet(row.name, row.kind)
        for alias in [row.name, *row.aliases.split("|")]:
            outlets[alias.strip().casefold()] = outlet
    rules = tuple(BoilerplateRule(re.compile(row.pattern), row.kind, row.outlet)
                  for row in read_rows(seeds_dir / "boilerplate.csv", BoilerplateRow))
    return LayoutRules(outlets=outlets, boilerplate=rules, place_names=place_names)


@dataclass(frozen=True)
class Segment:
    """One part of the layout: its kind, its span in the raw text and its normalised value."""

    kind: str  # title | byline | lead | dateline | dateline_region | dateline_date | agency | body | boilerplate
    start: int
    end: int
    value: str | None = None


def trailing_space(text: str) -> int:
    return len(text) - len(text.rstrip())
