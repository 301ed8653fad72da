"""The event evaluation as one table: every figure beside its trivial baseline, the best known
figure and the target, for every gold set that is present (sets outside the project are
skipped with a note when absent)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language

from evaluation import (
    DEFAULT_CASE_PATH,
    DEFAULT_GVA_DIR,
    DEFAULT_PLOVER_PATH,
    DEFAULT_TEMPEVAL_DIR,
    DEFAULT_WIKIEVENTS_DIR,
    EVENT_GOLD_DIR,
    GENERAL_EVENT_GOLD,
)
from evaluation.case2021 import BEST_KNOWN_WEIGHTED_F1, KEYWORD_RULES_WEIGHTED_F1, CaseEvaluation, case_labels
from evaluation.case2021 import evaluate_case
from evaluation.dates import evaluate_dates
from evaluation.events import EventScore, evaluate_event_gold, extracted_events, score_events
from evaluation.gold.case2021 import iter_case
from evaluation.gold.events import GoldEventArticle, read_event_gold_dir, read_general_gold
from evaluation.gold.gva import iter_gva
from evaluation.gold.plover import iter_plover
from evaluation.gold.tempeval import iter_tempeval
from evaluation.gold.wikievents import iter_wikievents
from evaluation.gva import GvaScore, evaluate_gva
from evaluation.plover import PloverEvaluation, evaluate_plover
from evaluation.wikievents import WikiEventsEvaluation, evaluate_wikievents
from extract.events import Event
from extract.rule_sets import ExtractionRules

# The targets the event extractor is held to (docs/events.md, "Where the targets stand").
TARGETS = {"gva killed": 0.92, "gva injured": 0.88, "gva date": 0.85, "gva address": 0.60, "gva home": 0.97,
           "case weighted F1": 0.75, "own precision": 0.85, "own recall": 0.80, "plover type": 0.60,
           "wikievents attack F1": 0.60, "tempeval": 0.95}


@dataclass(frozen=True)
class Figure:
    gold_set: str
    measure: str
    value: float
    baseline: float | None
    baseline_name: str
    best_known: float | None = None
    target: float | None = None
    detail: str = ""

    @property
    def beats_baseline(self) -> bool:
        return self.baseline is None or self.value > self.baseline


@dataclass
class EventReport:
    figures: list[Figure]
    notes: list[str]
    errors: dict[str, list[str]]  # set -> example misses
    case: CaseEvaluation | None = None


def own_gold_figures(score: EventScore, n_articles: int) -> list[Figure]:
    name = f"own gold ({n_articles} articles, {score.n_gold} events)"
    b = score.baseline
    return [
        Figure(name, "event precision", score.precision, b.precision, "every sentence an event",
               target=TARGETS["own precision"], detail=f"{score.n_matched}/{score.n_predicted}"),
        Figure(name, "event recall", score.recall, b.recall, "every sentence an event",
               target=TARGETS["own recall"], detail=f"{score.n_matched}/{score.n_gold}"),
        Figure(name, "event F1", score.f1, b.f1, "every sentence an event"),
        Figure(name, "class (matched)", score.class_accuracy, score.baseline_class / max(score.n_matched, 1),
               "commonest class"),
        Figure(name, "country (matched)", score.country_accuracy, None, "",
               detail=f"of {score.n_with_country}"),
        Figure(name, "killed exact (matched)", score.killed_exact, score.baseline_killed / max(score.n_with_killed, 1),
               "always 0", detail=f"of {score.n_with_killed}"),
        Figure(name, "injured exact (matched)", score.injured_exact,
               score.baseline_injured / max(score.n_with_injured, 1), "always 0", detail=f"of {score.n_with_injured}"),
        Figure(name, "day (matched)", score.date_accuracy, score.baseline_date / max(score.n_with_date, 1),
               "publication date", detail=f"of {score.n_with_date}"),
        Figure(name, "articles without events left quiet",
               1 - score.n_quiet_with_events / max(score.n_quiet_articles, 1), None, "",
               detail=f"of {score.n_quiet_articles}"),
    ]


VIOLENT_ACLED_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


def violent_rate_figure(gold_set: str, golds: Sequence[GoldEventArticle], predicted: Sequence[Sequence[Event]]
                        ) -> Figure:
    """Violent ACLED events per 100 political or business articles, against the gold's own
    rate; the detail says how far off (the target: within 2)."""
    ordinary = [(g, p) for g, p in zip(golds, predicted, strict=True) if g.topic in ("politics", "business")]
    ours = sum(1 for _, events in ordinary for e in events if e.acled_event_type in VIOLENT_ACLED_TYPES)
    gold = sum(1 for g, _ in ordinary for e in g.events if e.acled_event_type in VIOLENT_ACLED_TYPES)
    per_100 = 100 / max(len(ordinary), 1)
    return Figure(gold_set, "violent events per 100 political/business articles", ours * per_100, None, "",
                  detail=f"gold {gold * per_100:.1f} in {len(ordinary)} articles (target: within 2)")


def gva_figures(score: GvaScore, split: str) -> list[Figure]:
    targets = {"killed exact": TARGETS["gva killed"], "injured exact": TARGETS["gva injured"],
               "incident date exact": TARGETS["gva date"], "address exact": TARGETS["gva address"],
               "events in the US or unplaced": TARGETS["gva home"]}
    return [Figure(f"GVA {split} ({score.n_articles} articles)", measure, value, baseline, baseline_name, best,
                   targets.get(measure)) for measure, value, baseline, baseline_name, best in score.figures()]


def case_figures(result: CaseEvaluation) -> list[Figure]:
    name = f"CASE 2021 dev ({result.score.n_items} snippets, 30 classes)"
    s, m = result.score, result.majority
    return [
        Figure(name, "accuracy", s.accuracy, m.accuracy, f"majority class ({result.majority_label})"),
        Figure(name, "weighted F1", s.weighted_f1, m.weighted_f1, "majority class", BEST_KNOWN_WEIGHTED_F1,
               TARGETS["case weighted F1"], f"untuned keyword rules {KEYWORD_RULES_WEIGHTED_F1}"),
        Figure(name, "macro F1", s.macro_f1, m.macro_f1, "majority class"),
    ]


def plover_figures(result: PloverEvaluation) -> list[Figure]:
    name = f"PLOVER records ({result.n_records})"
    return [Figure(name, "PLOVER type", result.n_type_correct / result.n_records,
                   result.n_majority_correct / result.n_records, f"majority type ({result.majority_type})",
                   target=TARGETS["plover type"], detail=f"no event on {result.n_no_event}")]


def wikievents_figures(result: WikiEventsEvaluation, split: str) -> list[Figure]:
    name = f"WikiEvents {split}"
    rows = []
    for label, detection, baseline in (("attack trigger F1", result.attack_triggers, result.attack_baseline),
                                       ("die trigger F1", result.die_triggers, result.die_baseline),
                                       ("injure trigger F1", result.injure_triggers, result.injure_baseline)):
        rows.append(Figure(name, label, detection.f1, baseline.f1, "every word of the kind (attack, kill, injure)",
                           target=TARGETS["wikievents attack F1"] if label.startswith("attack") else None,
                           detail=f"P {detection.precision:.2f} R {detection.recall:.2f}"))
    return rows


def tempeval_figures(folder: Path) -> list[Figure]:
    result = evaluate_dates(iter_tempeval(folder))
    return [Figure(f"TempEval-3 platinum ({result.n_expressions} dates)", "calendar value exact", result.accuracy,
                   result.baseline_accuracy, "publication date", 0.973, TARGETS["tempeval"],
                   "plain dateparser 0.667")]


def build_event_report(nlp: Language, rules: ExtractionRules, seeds_dir: Path, gva_split: str = "dev",
                       show_errors: int = 0) -> EventReport:
    """Run every event evaluation whose gold is present."""
    report = EventReport([], [], {})
    for name, present, run in _runs(nlp, rules, seeds_dir, gva_split, report, show_errors):
        if present:
            run()
        else:
            report.notes.append(f"{name}: not found, not scored")
    return report


def _runs(nlp: Language, rules: ExtractionRules, seeds_dir: Path, gva_split: str, report: EventReport,
          show_errors: int) -> Iterator[tuple[str, bool, Callable[[], None]]]:
    """Each gold set's run, named, with whether its data is present. Long because it lists the
    seven sets' small closures side by side, in the order the report prints them."""
    def own() -> None:
        golds = read_event_gold_dir(EVENT_GOLD_DIR)
        score = evaluate_event_gold(golds, nlp, rules)
        report.figures += own_gold_figures(score, len(golds))
        report.errors["own gold missed"] = score.misses[:show_errors]
        report.errors["own gold spurious"] = score.spurious[:show_errors]

    def general() -> None:
        golds, skipped = read_general_gold(GENERAL_EVENT_GOLD)
        predicted = list(extracted_events(((g.text, g.published_at) for g in golds), nlp, rules))
        score = score_events(zip(golds, predicted, strict=True))
        name = f"general news ({len(golds)} articles, {score.n_gold} events)"
        report.figures += [replace(f, gold_set=name, target={"event precision": 0.90, "event recall": 0.80}.get(f.measure))
                           for f in own_gold_figures(score, len(golds))[:3]]
        report.figures.append(violent_rate_figure(name, golds, predicted))
        if skipped:
            report.notes.append(f"general news: {skipped} articles skipped (set WIREHOUSE_POLNEAR_DIR for PolNeAR)")
        report.errors["general news spurious"] = score.spurious[:show_errors]

    def gva() -> None:
        score = evaluate_gva(list(iter_gva(DEFAULT_GVA_DIR / f"{gva_split}.jsonl")), nlp, rules)
        report.figures += gva_figures(score, gva_split)
        report.errors["GVA"] = score.misses[:show_errors]

    def case() -> None:
        result = evaluate_case(list(iter_case(DEFAULT_CASE_PATH)), nlp, rules, case_labels(seeds_dir))
        report.figures += case_figures(result)
        report.case = result
        report.errors["CASE"] = [f"{s.label} -> {p}: {s.text[:120]}" for s, p in result.predictions
                                 if s.label != p][:show_errors]

    def plover() -> None:
        report.figures += plover_figures(evaluate_plover(list(iter_plover(DEFAULT_PLOVER_PATH)), nlp, rules))

    def wikievents() -> None:
        for split in ("dev", "test"):
            path = DEFAULT_WIKIEVENTS_DIR / f"{split}.jsonl"
            if path.exists():
                report.figures += wikievents_figures(evaluate_wikievents(list(iter_wikievents(path)), nlp, rules),
                                                     split)

    yield "own gold", EVENT_GOLD_DIR.is_dir(), own
    yield "general news", GENERAL_EVENT_GOLD.exists(), general
    yield f"GVA {gva_split}", (DEFAULT_GVA_DIR / f"{gva_split}.jsonl").exists(), gva
    yield "CASE 2021 dev", DEFAULT_CASE_PATH.exists(), case
    yield "PLOVER records", DEFAULT_PLOVER_PATH.exists(), plover
    yield "WikiEvents", (DEFAULT_WIKIEVENTS_DIR / "dev.jsonl").exists(), wikievents
    yield "TempEval-3", DEFAULT_TEMPEVAL_DIR.is_dir(), lambda: report.figures.extend(
        tempeval_figures(DEFAULT_TEMPEVAL_DIR))
