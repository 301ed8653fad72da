"""Gold incidents: MUC-3/4 answer-key templates grouped into incidents (the same type, overlapping
dates, nested places and a shared target), and our own Reuters incident clusters."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from link.groups import connected_groups


_FIELD = re.compile(r"^\s*(\d+)\.\s+([A-Z ]+:\s*[A-Z ]+?)\s{2,}(.*)$")


_QUOTED = re.compile(r'"([^"]+)"')


TARGET_FIELDS = ("HUM TGT: NAME", "HUM TGT: DESCRIPTION", "PHYS TGT: ID")


@dataclass(frozen=True)
class KeyTemplate:
    message_id: str
    incident_date: str
    location: str
    incident_type: str
    targets: frozenset[str]


def read_key_templates(keys_dir: Path) -> Iterator[KeyTemplate]:
    """Every filled template of the NIST answer keys under keys_dir (empty ones, '*', skipped)."""
    for path in sorted(keys_dir.rglob("key-*")):
        for fields in _template_fields(path):
            if fields.get("INCIDENT: TYPE", ["*"])[0] == "*":
                continue
            targets = {name for field in TARGET_FIELDS for value in fields.get(field, [])
                       for name in _QUOTED.findall(value)}
            yield KeyTemplate(fields["MESSAGE: ID"][0].split()[0], fields["INCIDENT: DATE"][0],
                              fields["INCIDENT: LOCATION"][0], fields["INCIDENT: TYPE"][0], frozenset(targets))


def _template_fields(path: Path) -> Iterator[dict[str, list[str]]]:
    current: dict[str, list[str]] | None = None
    field = None
    for line in path.read_text(encoding="latin-1").splitlines():
        match = _FIELD.match(line)
        if match:
            number, field, value = match.group(1), match.group(2).strip(), match.group(3).strip()
            if number == "0":
                if current:
                    yield current
                current = {}
            if current is not None:
                current.setdefault(field, []).append(value)
        elif line.strip() and current is not None and field:
            current[field].append(line.strip())
    if current:
        yield current


# Targets too common to say two reports tell of one incident ("PEOPLE" die in many bombings).
GENERIC_TARGETS = frozenset({
    "PEOPLE", "PERSONS", "PERSON", "CIVILIANS", "HOUSE", "HOUSES", "VEHICLE", "VEHICLES", "BUS", "CAR", "PEASANTS",
    "SOLDIERS", "POLICEMEN", "WOMEN", "CHILDREN", "MEN", "INJURED", "COMPANIONS", "DAUGHTER", "HOTEL", "BUILDING",
    "BUILDINGS", "OFFICES", "STUDENTS", "WORKERS", "GUARDS", "AGENTS", "MEMBERS", "CITIZENS", "RESIDENTS", "FAMILY",
    "TOWERS", "PYLONS", "BANK", "VICTIMS", "PASSENGERS", "TROOPS", "OFFICERS", "POLICE", "PEDESTRIANS",
})


# "- 20 NOV 89" says on or before that day: taken as the week up to it.
OPEN_START_DAYS = 7


_KEY_DAY = re.compile(r"(\d{1,2}) ([A-Z]{3}) (\d{2})")


_MONTHS = {m: n for n, m in enumerate(("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC").split(), start=1)}


_KIND = re.compile(r"\([^)]*\)")


def key_day_ranges(field: str) -> list[tuple[date, date]]:
    """The days an INCIDENT: DATE value allows, one range per alternative ("/"): "16 NOV 89",
    "17 JUN 89 - 20 JUN 89", "- 20 NOV 89" (the week up to that day)."""
    ranges = []
    for alternative in field.replace("(", " ").replace(")", " ").split("/"):
        days = [day for found in _KEY_DAY.findall(alternative) if (day := _key_day(*found)) is not None]
        if not days:
            continue
        if alternative.strip().startswith("-"):
            ranges.append((days[0] - timedelta(days=OPEN_START_DAYS), days[0]))
        else:
            ranges.append((min(days), max(days)))
    return ranges


def _key_day(day: str, month: str, year: str) -> date | None:
    try:  # the keys hold a few impossible days ("31 SEP 89")
        return date(1900 + int(year), _MONTHS[month], int(day)) if month in _MONTHS else None
    except ValueError:
        return None


def key_places(field: str) -> list[tuple[str, ...]]:
    """An INCIDENT: LOCATION value as paths of names, country first, one per alternative ("/")."""
    return [tuple(part.strip() for part in _KIND.sub("", alternative).split(":") if part.strip())
            for alternative in field.split("/") if alternative.strip()]


def templates_agree(a: KeyTemplate, b: KeyTemplate) -> bool:
    """One incident: the same type, overlapping days, one place inside the other (a country and a
    city of it), and a shared target that is not a generic word."""
    if a.incident_type != b.incident_type:
        return False
    days_agree = any(x[0] <= y[1] and y[0] <= x[1] for x in key_day_ranges(a.incident_date)
                     for y in key_day_ranges(b.incident_date))
    places_agree = any(x[:len(y)] == y or y[:len(x)] == x for x in key_places(a.location)
                       for y in key_places(b.location))
    shared = {t for t in a.targets & b.targets if " " in t or t not in GENERIC_TARGETS}
    return days_agree and places_agree and bool(shared)


def gold_incidents(templates: Iterable[KeyTemplate]) -> dict[str, str]:
    """Message id -> gold incident label, for the messages with exactly one template: the same
    type, overlapping dates, nested locations and a shared target (linked transitively)."""
    templates = list(templates)
    per_message = Counter(t.message_id for t in templates)
    single = [t for t in templates if per_message[t.message_id] == 1]
    by_type: dict[str, list[KeyTemplate]] = defaultdict(list)
    for template in single:
        by_type[template.incident_type].append(template)
    agreeing = [(a.message_id, b.message_id) for group in by_type.values()
                for i, a in enumerate(group) for b in group[:i] if templates_agree(a, b)]
    return connected_groups((t.message_id for t in single), agreeing)


def read_cluster_labels(path: Path) -> dict[str, str]:
    """Our own gold (tests/gold/reuters_incident_clusters.csv): report id -> incident label; a
    report of no incident (NONE) is a cluster of its own."""
    with path.open(newline="", encoding="utf-8") as handle:
        return {row["id"]: row["incident"] if row["incident"] != "NONE" else f"NONE:{row['id']}"
                for row in csv.DictReader(handle)}
