"""Incident linking against MUC-3/4: reports whose answer-key templates give the same incident
date, location and type and share a target describe one incident.

Only reports with exactly one key template are scored (a report of several incidents has no
single incident to place); every report is linked, so the others can still pull scored reports
into wrong incidents. A report's incident is that of its lead event: its first violent event, or
its first event. Scored as pairwise precision and recall over report pairs and as B-cubed.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from spacy.language import Language

from evaluation.events import extracted_events
from extract.batch import ExtractionRules
from extract.events.records import Event
from link.groups import complete_link_groups, connected_groups
from link.incidents import IncidentRules, link_key_of, links_among

_FIELD = re.compile(r"^\s*(\d+)\.\s+([A-Z ]+:\s*[A-Z ]+?)\s{2,}(.*)$")
_QUOTED = re.compile(r'"([^"]+)"')
TARGET_FIELDS = ("HUM TGT: NAME", "HUM TGT: DESCRIPTION", "PHYS TGT: ID")
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


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


def lead_event(events: Sequence[Event]) -> Event | None:
    """The event a report is about: its first violent event, else its first event."""
    ordered = sorted(events, key=lambda e: e.trigger_start)
    return next((e for e in ordered if e.acled_event_type in VIOLENT_TYPES), ordered[0] if ordered else None)


@dataclass(frozen=True)
class ClusterScore:
    pair_precision: float
    pair_recall: float
    pair_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    n_items: int
    n_gold_pairs: int
    n_predicted_pairs: int


def score_clusters(gold: Mapping[str, str], predicted: Mapping[str, str]) -> ClusterScore:
    """Pairwise and B-cubed scores of a predicted clustering of gold's items (an item the
    prediction lacks is a cluster of its own)."""
    items = sorted(gold)
    labels = {item: predicted.get(item, f"alone:{item}") for item in items}
    gold_members = _members(gold, items)
    predicted_members = _members(labels, items)
    precision = sum(len(gold_members[gold[i]] & predicted_members[labels[i]]) / len(predicted_members[labels[i]])
                    for i in items) / max(len(items), 1)
    recall = sum(len(gold_members[gold[i]] & predicted_members[labels[i]]) / len(gold_members[gold[i]])
                 for i in items) / max(len(items), 1)
    gold_pairs = _pairs(gold_members)
    predicted_pairs = _pairs(predicted_members)
    right = len(gold_pairs & predicted_pairs)
    pair_p = right / len(predicted_pairs) if predicted_pairs else 1.0
    pair_r = right / len(gold_pairs) if gold_pairs else 1.0
    return ClusterScore(pair_p, pair_r, _f1(pair_p, pair_r), precision, recall, _f1(precision, recall),
                        len(items), len(gold_pairs), len(predicted_pairs))


def _members(labels: Mapping[str, str], items: Sequence[str]) -> dict[str, set[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for item in items:
        members[labels[item]].add(item)
    return members


def _pairs(members: Mapping[str, set[str]]) -> set[tuple[str, str]]:
    return {(a, b) for group in members.values() for a in group for b in group if a < b}


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def same_type_place_day(event: Event) -> str | None:
    """Today's grouping (sql/analysis/same_event_across_articles.sql): PLOVER type, GeoNames
    place and day; None when the event lacks one of them."""
    if event.event_type is None or event.geonameid is None or event.event_date is None:
        return None
    return f"{event.event_type}|{event.geonameid}|{event.event_date.isoformat()}"


@dataclass(frozen=True)
class LinkingEvaluation:
    """Per split (dev, test): the linker's score and the baselines' on the same events."""

    scores: dict[str, dict[str, ClusterScore]]  # split -> system name -> score
    n_reports: int
    n_events: int
    n_incidents_linked: int  # incidents of two reports or more


@dataclass(frozen=True)
class LinkedReports:
    """Each report's predicted incident under the linker and under the baseline grouping."""

    linker: dict[str, str]  # report id -> incident label (its lead event's group)
    type_place_day: dict[str, str]  # report id -> baseline label, for reports whose lead event has all three
    n_events: int
    n_incidents_linked: int


def link_reports(reports: Sequence[tuple[str, str, date | None]], nlp: Language, rules: ExtractionRules,
                 incident_rules: IncidentRules) -> LinkedReports:
    """Extract the events of (id, text, publication day) reports, link all of them, and give
    each report the incident of its lead event."""
    keys, leads = [], {}
    texts = ((text, day) for _, text, day in reports)
    for (report_id, _, day), events in zip(reports, extracted_events(texts, nlp, rules), strict=True):
        asserted = [e for e in events if e.modality == "asserted"]
        for number, event in enumerate(asserted):
            keys.append(link_key_of(f"{report_id}#{number}", replace(event, article_id=report_id), day))
        lead = lead_event(asserted)
        if lead is not None:
            leads[report_id] = (f"{report_id}#{asserted.index(lead)}", lead)
    links = links_among(keys, [], incident_rules)
    group_of = complete_link_groups((k.event_id for k in keys), {pair: found.score for pair, found in links.items()})
    sizes = Counter(group_of.values())
    return LinkedReports({report: group_of[event_id] for report, (event_id, _) in leads.items()},
                         {report: label for report, (_, event) in leads.items()
                          if (label := same_type_place_day(event)) is not None},
                         len(keys), sum(1 for n in sizes.values() if n > 1))


def _scores(gold: Mapping[str, str], linked: LinkedReports) -> dict[str, ClusterScore]:
    systems = {"wirehouse": linked.linker, "same type, place and day": linked.type_place_day, "no linking": {}}
    return {name: score_clusters(gold, labels) for name, labels in systems.items()}


def evaluate_muc_linking(corpus_dir: Path, nlp: Language, rules: ExtractionRules,
                         incident_rules: IncidentRules) -> LinkingEvaluation:
    """Extract events from every MUC-3/4 report, link them, and score the reports with one key
    template against the answer keys, beside today's type-place-day grouping and no linking."""
    with (corpus_dir / "muc34" / "muc34.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    gold = gold_incidents(read_key_templates(corpus_dir / "muc34" / "nist_keys"))
    reports = [(r["id"], r["text"], date.fromisoformat(r["date"]) if r.get("date") else None) for r in records]
    linked = link_reports(reports, nlp, rules, incident_rules)
    scores = {split: _scores({m: g for m, g in gold.items() if m.startswith(prefix)}, linked)
              for split, prefix in (("dev", "DEV"), ("test", "TST"))}
    return LinkingEvaluation(scores, len(records), linked.n_events, linked.n_incidents_linked)


def read_cluster_labels(path: Path) -> dict[str, str]:
    """Our own gold (tests/gold/reuters_incident_clusters.csv): report id -> incident label; a
    report of no incident (NONE) is a cluster of its own."""
    with path.open(newline="", encoding="utf-8") as handle:
        return {row["id"]: row["incident"] if row["incident"] != "NONE" else f"NONE:{row['id']}"
                for row in csv.DictReader(handle)}


def reuters_day(value: str) -> date:
    """Reuters-21578's "26-FEB-1987 15:01:01.79" as a day."""
    return datetime.strptime(value.split()[0], "%d-%b-%Y").date()


def evaluate_reuters_linking(corpus_dir: Path, labels_path: Path, nlp: Language, rules: ExtractionRules,
                             incident_rules: IncidentRules) -> LinkingEvaluation:
    """Link the Reuters-21578 items our own gold labels, and score them against it."""
    gold = read_cluster_labels(labels_path)
    with (corpus_dir / "reuters21578" / "reuters21578.jsonl").open(encoding="utf-8") as handle:
        records = [record for line in handle if (record := json.loads(line))["id"] in gold]
    reports = [(r["id"], r["text"], reuters_day(r["date"])) for r in records]
    linked = link_reports(reports, nlp, rules, incident_rules)
    return LinkingEvaluation({"own gold": _scores(gold, linked)}, len(records), linked.n_events,
                             linked.n_incidents_linked)
