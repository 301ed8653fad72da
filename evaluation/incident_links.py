"""Incident linking against MUC-3/4: reports whose answer-key templates give the same incident
date, location and type and share a target describe one incident.

Only reports with exactly one key template are scored (a report of several incidents has no
single incident to place); every report is linked, so the others can still pull scored reports
into wrong incidents. A report's incident is that of its lead event: its first violent event, or
its first event. Scored as pairwise precision and recall over report pairs and as B-cubed.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from spacy.language import Language

from evaluation.events import extracted_events
from evaluation.gold.muc_incidents import gold_incidents, read_cluster_labels, read_key_templates
from extract.events.records import Event
from extract.rule_sets import ExtractionRules
from link.groups import complete_link_groups
from link.incidents import IncidentRules, link_key_of, links_among

VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


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
