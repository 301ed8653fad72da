"""`wirehouse eval ...`: the extractors scored against gold data, each figure beside its
trivial baseline and the best known figure."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from flows.settings import Settings

eval_app = typer.Typer(help="Score the extractors against gold data.", no_args_is_help=True)
console = Console()
error_console = Console(stderr=True)


@eval_app.command("layout")
def eval_layout(
    corpus: Annotated[Optional[Path], typer.Option(help="folder holding muc34/ and reuters21578/ (default: ../shared/corpus)")] = None,
) -> None:
    """Dateline place and date accuracy on MUC-3/4 and Reuters-21578."""
    from evaluation import DEFAULT_CORPUS_DIR
    from evaluation.gold.datelines import muc_datelines, reuters_datelines
    from evaluation.layout import score_datelines
    from nlp.gazetteer_store import load_dateline_names
    from extract.layout_parts import load_layout_rules

    corpus_dir = corpus or DEFAULT_CORPUS_DIR
    if not (corpus_dir / "muc34").is_dir():
        error_console.print(f"[red]error:[/red] no corpus at {corpus_dir} (expected muc34/ and reuters21578/)")
        raise typer.Exit(1)
    rules = load_layout_rules(Settings().seeds_dir, load_dateline_names())
    table = Table("corpus", "articles", "dateline place", "dateline date", "commonest misses (gold, parsed, n)")
    for name, golds in [("MUC-3/4", muc_datelines(corpus_dir)), ("Reuters-21578", reuters_datelines(corpus_dir))]:
        score = score_datelines(golds, rules)
        table.add_row(name, f"{score.n_articles:,}", f"{score.place_accuracy:.1%}",
                      f"{score.date_accuracy:.1%} of {score.n_dated:,}" if score.n_dated else "-",
                      "; ".join(f"{g} / {p} / {n}" for g, p, n in score.misses[:4]))
    console.print(table)


@eval_app.command("quotes")
def eval_quotes(
    gold: Annotated[Optional[Path], typer.Option(help="folder of <slug>.txt + <slug>.json gold (default: tests/gold)")] = None,
    polnear: Annotated[Optional[Path], typer.Option(envvar="WIREHOUSE_POLNEAR_DIR",
                                                    help="unpacked PolNeAR data folder (or WIREHOUSE_POLNEAR_DIR)")] = None,
    split: Annotated[str, typer.Option(help="PolNeAR split: train, dev or test")] = "dev",
    show_errors: Annotated[int, typer.Option(help="print this many missed and spurious quotes per gold set")] = 0,
) -> None:
    """Quote precision, recall and F1 (overlap >= 0.3 and exact), speaker, cue and source accuracy.
    (Long because Typer reads its four options from the signature.)"""
    from flows.tasks import extraction_rules
    from evaluation import GOLD_DIR
    from evaluation.gold.quotes import read_gold_dir
    from evaluation.quotes import evaluate_quotes
    from nlp.pipeline import load_pipeline

    settings = Settings()
    nlp = load_pipeline(settings.model)
    rules = extraction_rules(settings.seeds_dir)
    gold_sets = [("own gold", lambda: read_gold_dir(gold or GOLD_DIR), None)]
    if polnear is not None:
        from evaluation.gold.polnear import iter_polnear
        from evaluation.quotes import speech_cue_quotes

        speech_verbs = frozenset(verb for verb, strength in rules.quotes.reporting_verbs.items() if strength >= 0.8)
        gold_sets.append((f"PolNeAR {split}, speech cues",
                          lambda: (speech_cue_quotes(g, speech_verbs) for g in iter_polnear(polnear, split)),
                          speech_verbs))
        gold_sets.append((f"PolNeAR {split}, all cues", lambda: iter_polnear(polnear, split), None))
    else:
        error_console.print("PolNeAR not scored: pass --polnear DIR or set WIREHOUSE_POLNEAR_DIR")
    table = Table("gold", "articles", "quotes", "P", "R", "F1", "exact P/R", "speaker", "cue", "source",
                  "pronoun", "direct R", "extract/parse")
    for name, golds, only_cues in gold_sets:
        result = evaluate_quotes(golds(), nlp, rules, only_cues=only_cues)
        s = result.score
        table.add_row(
            name, str(result.n_articles), f"{s.n_gold}/{s.n_predicted}", f"{s.precision:.3f}", f"{s.recall:.3f}",
            f"{s.f1:.3f}", f"{s.exact_precision:.2f}/{s.exact_recall:.2f}", f"{s.speaker_accuracy:.3f}",
            f"{s.cue_accuracy:.3f}", f"{s.source_accuracy:.3f}" if s.n_with_gold_source else "-",
            f"{s.pronoun_accuracy:.3f} of {s.n_gold_pronoun}" if s.n_gold_pronoun else "-",
            f"{s.direct_recall:.3f}" if s.n_gold_direct else "-",
            f"{result.extract_seconds / result.parse_seconds:.1%}",
        )
        for label, rows in (("missed", s.missed), ("spurious", s.spurious)):
            for doc_id, text in rows[:show_errors]:
                console.print(f"[dim]{name} {label}[/dim] {doc_id}: {text}")
    console.print(table)
    console.print("P/R/F1: content matched one-to-one at character overlap >= 0.3 of the gold span; "
                  "speech cues: PolNeAR attributions whose cue is a speech verb of seeds/reporting_verbs.csv "
                  "(strength >= 0.8) or 'according to', scored against our quotes with such cues; all cues adds belief and evidence cues (thinks, shows); "
                  "speaker, cue, source: accuracy on matched quotes; extract/parse: quote and source "
                  "extraction time as a share of the spaCy parse")


@eval_app.command("dates")
def eval_dates(
    tempeval: Annotated[Optional[Path], typer.Option(help="TempEval-3 platinum .tml folder "
                                                          "(default: ../shared/eval/tempeval3_platinum)")] = None,
    show_errors: Annotated[int, typer.Option(help="print this many wrong resolutions")] = 10,
) -> None:
    """Accuracy of resolved calendar dates on TempEval-3 platinum (from the document's date)."""
    from evaluation import DEFAULT_TEMPEVAL_DIR
    from evaluation.dates import evaluate_dates
    from evaluation.gold.tempeval import iter_tempeval

    folder = tempeval or DEFAULT_TEMPEVAL_DIR
    if not folder.is_dir():
        error_console.print(f"[red]error:[/red] no TempEval-3 folder at {folder}")
        raise typer.Exit(1)
    result = evaluate_dates(iter_tempeval(folder))
    console.print(f"TempEval-3 platinum: {result.n_correct} of {result.n_expressions} calendar dates resolved "
                  f"right: {result.accuracy:.1%} (plain dateparser: 66.7%)")
    for doc_id, text, gold, got in result.misses[:show_errors]:
        console.print(f"[dim]miss[/dim] {doc_id}: {text!r} gold {gold}, resolved {got}")


@eval_app.command("events")
def eval_events(
    gva_split: Annotated[str, typer.Option(help="GVA split to score: dev (report) or train (study and tune)")] = "dev",
    show_errors: Annotated[int, typer.Option(help="print this many misses per gold set")] = 0,
) -> None:
    """Events on every gold set present: own gold, GVA news, CASE 2021, PLOVER, WikiEvents,
    TempEval-3; each figure beside its trivial baseline, the best known figure and the target."""
    from evaluation.event_report import build_event_report
    from flows.tasks import extraction_rules
    from nlp.pipeline import load_pipeline

    settings = Settings()
    report = build_event_report(load_pipeline(settings.model), extraction_rules(settings.seeds_dir),
                                settings.seeds_dir, gva_split, show_errors)
    table = Table("gold set", "measure", "wirehouse", "trivial baseline", "best known", "target", "detail")
    for f in report.figures:
        value = f"{f.value:.3f}" if f.beats_baseline else f"[red]{f.value:.3f}[/red]"
        baseline = f"{f.baseline:.3f} ({f.baseline_name})" if f.baseline is not None else "-"
        table.add_row(f.gold_set, f.measure, value, baseline, f"{f.best_known:.3f}" if f.best_known else "-",
                      f"{f.target:.2f}" if f.target else "-", f.detail)
    console.print(table)
    if report.case is not None:
        per_class = Table("CASE class", "P", "R", "F1", "n")
        for c in report.case.score.per_class:
            per_class.add_row(c.label, f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}", str(c.support))
        console.print(per_class)
        console.print("commonest CASE confusions (gold -> predicted, n): " + "; ".join(
            f"{g} -> {p} {n}" for g, p, n in report.case.score.confusions[:15]))
    for name, rows in report.errors.items():
        for row in rows:
            console.print(f"[dim]{name}[/dim] {row}")
    for note in report.notes:
        error_console.print(note)
    console.print("red: at or below its trivial baseline. Own gold: a gold event is found when its trigger "
                  "(or a mention) lies in a sentence of one of the predicted event's mentions, one to one; "
                  "PLOVER's verbal events are left out there (tests/gold/events/README.md).")


@eval_app.command("places")
def eval_places(
    show_errors: Annotated[int, typer.Option(help="print this many wrong places")] = 10,
) -> None:
    """The geocoder on our place gold (tests/gold/places.jsonl: GVA dev, Reuters-21578,
    Wikinews and, with WIREHOUSE_POLNEAR_DIR, PolNeAR mentions), beside its baselines."""
    from evaluation import PLACE_GOLD
    from evaluation.places import evaluate_places
    from evaluation.gold.places import read_place_gold
    from flows.tasks import extraction_rules
    from nlp.pipeline import load_pipeline

    settings = Settings()
    score, skipped = evaluate_places(read_place_gold(PLACE_GOLD), load_pipeline(settings.model),
                                     extraction_rules(settings.seeds_dir).events)
    table = Table("measure", "wirehouse", "baseline", "target", "detail")
    targets = {"toponym precision": "0.95", "resolution accuracy (geocoded)": "0.90"}
    for measure, value, baseline, name, detail in score.figures():
        shown = f"{value:.3f}" if value > baseline else f"[red]{value:.3f}[/red]"
        table.add_row(measure, shown, f"{baseline:.3f} ({name})", targets.get(measure, "-"), detail)
    console.print(f"place gold: {score.n_mentions} mentions scored, {skipped} skipped (corpus absent)")
    console.print(table)
    for row in score.errors[:show_errors]:
        console.print(f"[dim]{escape(row)}[/dim]")


@eval_app.command("html")
def eval_html(
    pages: Annotated[Optional[Path], typer.Option(envvar="WIREHOUSE_HTML_EVAL_DIR", help=(
        "the tests/ folder of a clone of github.com/adbar/trafilatura (evaldata.json, cache/, eval/)"))] = None,
    fast: Annotated[Optional[bool], typer.Option("--fast/--fallback", help="trafilatura without / with its "
                                                 "fallback extractors (default: the html_fast setting)")] = None,
) -> None:
    """Main-text extraction on trafilatura's 990 evaluation pages: precision, recall and F1 of
    4-word shingles beside all the page's visible text and trafilatura's own figure."""
    from evaluation.html import BEST_KNOWN_F1, TARGET_F1, evaluate_html, visible_text, wirehouse_text
    from evaluation.gold.trafilatura_pages import read_eval_pages

    if pages is None or not (pages / "evaldata.json").is_file():
        error_console.print("[yellow]skipped:[/yellow] no evaluation pages; clone github.com/adbar/trafilatura "
                            "and pass --pages <clone>/tests (or set WIREHOUSE_HTML_EVAL_DIR)", soft_wrap=True)
        return
    use_fast = Settings().html_fast if fast is None else fast
    mode = "fast" if use_fast else "fallback"
    ours = evaluate_html(read_eval_pages(pages), wirehouse_text(use_fast))
    baseline = evaluate_html(read_eval_pages(pages), visible_text)
    table = Table("split", "pages", "extractor", "precision", "recall", "F1", "ms / page")
    for split in ("dev", "test", "all"):
        for name, scores in ((f"wirehouse (trafilatura, {mode})", ours), ("baseline: all visible text", baseline)):
            score = scores[split]
            f1 = f"{score.f1:.3f}" if name.startswith("baseline") or score.f1 > baseline[split].f1 \
                else f"[red]{score.f1:.3f}[/red]"
            table.add_row(split, f"{score.pages:,}", name, f"{score.precision:.3f}", f"{score.recall:.3f}", f1,
                          f"{score.ms_per_page:.1f}")
    console.print(table)
    console.print(f"best known: trafilatura's own F1 on these pages {BEST_KNOWN_F1[mode]:.3f} ({mode}; its "
                  f"measure counts whole passages, not shingles); target F1 >= {TARGET_F1:.2f}. Pages refused "
                  f"(no main text, undecodable): {len(ours['all'].failures)}.", soft_wrap=True)


@eval_app.command("incidents")
def eval_incidents(
    corpus: Annotated[Optional[Path], typer.Option(help="folder holding muc34/ and reuters21578/ (default: ../shared/corpus)")] = None,
    labels: Annotated[Optional[Path], typer.Option(help="own gold clusters of Reuters items (default: tests/gold/reuters_incident_clusters.csv)")] = None,
) -> None:
    """Incident linking against MUC-3/4's NIST answer keys and our own clusters of Reuters-21578
    wire items: pairwise and B-cubed scores beside today's same type-place-day grouping and no
    linking at all."""
    from evaluation import DEFAULT_CORPUS_DIR, GOLD_DIR
    from evaluation.incident_links import evaluate_muc_linking, evaluate_reuters_linking
    from flows.tasks import extraction_rules
    from link.incidents import load_incident_rules
    from nlp.pipeline import load_pipeline

    corpus_dir = corpus or DEFAULT_CORPUS_DIR
    labels_path = labels or GOLD_DIR / "reuters_incident_clusters.csv"
    settings = Settings()
    nlp, rules = load_pipeline(settings.model), extraction_rules(settings.seeds_dir)
    incident_rules = load_incident_rules(settings.seeds_dir)
    table = Table("gold", "system", "pair P", "pair R", "B-cubed P", "B-cubed R", "B-cubed F1", "reports", "gold pairs")
    if (corpus_dir / "muc34" / "nist_keys").is_dir():
        muc = evaluate_muc_linking(corpus_dir, nlp, rules, incident_rules)
        _add_linking_rows(table, {f"MUC-3/4 {split}": scores for split, scores in muc.scores.items()})
        console.print(f"MUC-3/4: {muc.n_reports:,} reports, {muc.n_events:,} asserted events, "
                      f"{muc.n_incidents_linked:,} incidents of two reports or more", soft_wrap=True)
    else:
        error_console.print(f"[yellow]skipped:[/yellow] no MUC-3/4 corpus and keys at {corpus_dir / 'muc34'}")
    if (corpus_dir / "reuters21578").is_dir() and labels_path.exists():
        own = evaluate_reuters_linking(corpus_dir, labels_path, nlp, rules, incident_rules)
        _add_linking_rows(table, {"Reuters-21578, own clusters": own.scores["own gold"]})
    else:
        error_console.print(f"[yellow]skipped:[/yellow] own clusters need {corpus_dir / 'reuters21578'} and {labels_path}")
    console.print(table)
    console.print("Target B-cubed F1 >= 0.85, precision first; no published figure for either set. "
                  "Red: at or below a baseline.", soft_wrap=True)


def _add_linking_rows(table: Table, scores_by_gold: dict) -> None:
    for gold, scores in scores_by_gold.items():
        best_baseline = max(s.bcubed_f1 for name, s in scores.items() if name != "wirehouse")
        for name, s in scores.items():
            f1 = f"{s.bcubed_f1:.3f}" if name != "wirehouse" or s.bcubed_f1 > best_baseline else f"[red]{s.bcubed_f1:.3f}[/red]"
            table.add_row(gold, name, f"{s.pair_precision:.3f}", f"{s.pair_recall:.3f}", f"{s.bcubed_precision:.3f}",
                          f"{s.bcubed_recall:.3f}", f1, str(s.n_items), str(s.n_gold_pairs))


@eval_app.command("statements")
def eval_statements(
    polnear: Annotated[Optional[Path], typer.Option(envvar="WIREHOUSE_POLNEAR_DIR",
                                                    help="unpacked PolNeAR data folder (or WIREHOUSE_POLNEAR_DIR)")] = None,
    splits: Annotated[str, typer.Option(help="PolNeAR splits to load, comma-separated")] = "train,dev",
    scratch: Annotated[Optional[Path], typer.Option(help="scratch warehouse (default: a temporary file; "
                                                         "an existing one is reused)")] = None,
    judgments: Annotated[Optional[Path], typer.Option(help="hand-checked pairs (default: tests/gold/polnear_statement_pairs.csv)")] = None,
    sample_out: Annotated[Optional[Path], typer.Option(help="write the sample of linked pairs with their words, to check")] = None,
) -> None:
    """Statements across outlets on PolNeAR: how many were repeated and across how many outlets,
    and the precision of linked quote pairs on a hand-checked sample of 200."""
    import tempfile

    from evaluation import GOLD_DIR
    from evaluation.statements import evaluate_statements, load_polnear, write_sample
    from flows.tasks import extraction_rules
    from nlp.pipeline import load_pipeline

    if polnear is None:
        error_console.print("[yellow]skipped:[/yellow] pass --polnear DIR or set WIREHOUSE_POLNEAR_DIR")
        return
    with tempfile.TemporaryDirectory() as folder:
        warehouse = scratch or Path(folder) / "polnear.duckdb"
        if not warehouse.exists():
            settings = Settings()
            load_polnear(polnear, splits.split(","), warehouse, load_pipeline(settings.model),
                         extraction_rules(settings.seeds_dir))
        result = evaluate_statements(warehouse, judgments or GOLD_DIR / "polnear_statement_pairs.csv")
        warehouse_copy = _scored_gold(warehouse)
    if sample_out is not None:
        write_sample(result.sample, sample_out)
    console.print(f"PolNeAR {splits}: {result.n_articles:,} articles from {result.n_outlets} outlets, "
                  f"{result.n_quotes:,} quotes ({result.n_quotes_with_source:,} with a source), "
                  f"{result.n_statements:,} statements; {result.n_repeated:,} quoted by two articles or more "
                  f"({result.n_repeated_across_outlets:,} by two outlets or more; at most {result.max_outlets} "
                  f"outlets, {result.mean_outlets_of_repeated:.2f} on average). Baseline: no linking, 0 repeated.",
                  soft_wrap=True)
    table = Table("link reason", "linked pairs", "judged", "precision", "target")
    for reason in sorted(set(result.n_pairs) | {"all"}):
        same, seen = result.judged.get(reason, (0, 0))
        n_pairs = sum(result.n_pairs.values()) if reason == "all" else result.n_pairs[reason]
        precision = f"{same / seen:.3f}" if seen else "-"
        table.add_row(reason, f"{n_pairs:,}", str(seen), precision, ">= 0.95" if reason == "all" else "")
    console.print(table)
    for source, content, outlets, articles in result.top:
        console.print(f"  {outlets} outlets, {articles} articles: {escape(source)}: \"{escape(content[:110])}\"", soft_wrap=True)
    _print_statement_gold(warehouse_copy)


def _scored_gold(warehouse: Path) -> dict:
    """Everything the statement and source-identity gold say of a scratch warehouse (read while it
    exists), for _print_statement_gold."""
    from evaluation import GOLD_DIR
    from evaluation.statement_gold import (
        article_texts, in_one_statement, not_a_source_as_person, person_sources_not_names, read_quotes, read_remarks,
        read_source_names, score_identities, score_remarks, with_equal_words,
    )
    from extract.person_names import load_name_rules
    from extract.sources import load_outlet_names
    from seedrows import read_column

    seeds = Settings().seeds_dir
    quotes = read_quotes(warehouse)
    remarks = read_remarks(GOLD_DIR / "polnear_remarks.csv")
    mentions = read_source_names(GOLD_DIR / "polnear_source_names.csv")
    not_name_words = [word.casefold() for word in read_column(seeds / "not_name_words.csv", "word")]
    return {
        "remarks": {(scope, name): score_remarks(remarks, quotes, same, scope == "across outlets")
                    for scope in ("all articles", "across outlets")
                    for name, same in (("wirehouse", in_one_statement), ("exact words", with_equal_words))},
        "n_remarks": len({r.remark for r in remarks}),
        "identities": score_identities(mentions, quotes, article_texts(warehouse)),
        "artefacts": not_a_source_as_person(mentions, quotes),
        "not_names": person_sources_not_names(warehouse, load_name_rules(seeds).particles, not_name_words,
                                              load_outlet_names(seeds)),
    }


def _print_statement_gold(scored: dict) -> None:
    """Statement recall and pair precision on tests/gold/polnear_remarks.csv, source identity
    B-cubed on tests/gold/polnear_source_names.csv, and the person-name check, beside baselines."""
    table = Table("pairs", "linker", "gold pairs", "recall", "linked pairs", "pair precision", "target")
    for (scope, name), score in scored["remarks"].items():
        baseline = scored["remarks"][(scope, "exact words")]
        recall = f"{score.recall:.3f}" if name != "wirehouse" or score.recall > baseline.recall else f"[red]{score.recall:.3f}[/red]"
        table.add_row(scope, name, str(score.gold_pairs), recall, str(score.linked_pairs), f"{score.precision:.3f}",
                      "R >= 0.80 at P >= 0.95" if scope == "across outlets" and name == "wirehouse" else "")
    console.print(f"Statements against our gold of {scored['n_remarks']} remarks, each quoted by two articles or one twice "
                  "(tests/gold/polnear_remarks.csv; the former linker, speakers by surname and whole contents, scored "
                  "recall 0.574 / 0.259):", soft_wrap=True)
    console.print(table)
    table = Table("source identity", "B3 precision", "B3 recall", "B3 F1", "mentions", "target")
    best = max(s.f1 for name, s in scored["identities"].items() if name != "wirehouse")
    for name, score in scored["identities"].items():
        f1 = f"{score.f1:.3f}" if name != "wirehouse" or score.f1 > best else f"[red]{score.f1:.3f}[/red]"
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f1, str(score.n_items),
                      ">= 0.95" if name == "wirehouse" else "")
    console.print(table)
    as_person, artefacts = scored["artefacts"]
    console.print(f"Gold mentions that are no source (headline fragments, places) made a person: {as_person} of {artefacts}.")
    console.print(f"Person sources whose name is no person's name (sql/evaluation/person_sources_not_names.sql; "
                  f"target 0): {len(scored['not_names'])}", soft_wrap=True)
    for source_id, name, n_quotes in scored["not_names"][:20]:
        console.print(f"  {escape(name)} ({n_quotes} quotes, {source_id})", soft_wrap=True)
