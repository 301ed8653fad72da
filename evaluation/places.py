"""Places against our own place gold (tests/gold/places.jsonl): which names are toponyms, and
which GeoNames place each is, beside two baselines: every GPE/LOC/FAC of the model geocoded to
the most populous place of that name, and that same resolution for our own toponyms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language

from evaluation.counts import ratio
from evaluation.gold.corpus_texts import corpus_texts
from evaluation.gold.places import GoldPlace
from extract.events.rules import EventRules
from nlp.places import Gazetteer, PlaceContext, place_key
from nlp.toponyms import PLACE_LABELS, place_mentions


@dataclass
class PlaceScore:
    n_mentions: int = 0
    n_predicted: int = 0  # mentions we geocode
    n_predicted_places: int = 0  # ... that the gold calls places
    n_gold_ids: int = 0  # gold places with a geonameid
    n_resolved: int = 0  # ... that we geocode
    n_right: int = 0  # ... to the gold's geonameid
    baseline_predicted: int = 0  # every GPE/LOC/FAC, most populous place of its name
    baseline_places: int = 0
    baseline_resolved: int = 0
    baseline_right: int = 0
    populous_right: int = 0  # our toponyms, resolved to the most populous place of the name
    errors: list[str] = field(default_factory=list)

    def figures(self) -> list[tuple[str, float, float, str, str]]:
        return [
            ("toponym precision", ratio(self.n_predicted_places, self.n_predicted),
             ratio(self.baseline_places, self.baseline_predicted), "every GPE/LOC/FAC",
             f"{self.n_predicted_places}/{self.n_predicted}"),
            ("resolution accuracy (geocoded)", ratio(self.n_right, self.n_resolved),
             ratio(self.baseline_right, self.baseline_resolved), "most populous of the name",
             f"{self.n_right}/{self.n_resolved}"),
            ("resolution accuracy, same toponyms", ratio(self.n_right, self.n_resolved),
             ratio(self.populous_right, self.n_resolved), "most populous of the name", ""),
            ("gold places geocoded right", ratio(self.n_right, self.n_gold_ids),
             ratio(self.baseline_right, self.n_gold_ids), "most populous of the name",
             f"{self.n_right}/{self.n_gold_ids}"),
        ]


def most_populous(text: str, gazetteer: Gazetteer) -> int | None:
    candidates = gazetteer.places_by_key.get(place_key(text.removeprefix("the ").removeprefix("The ")), ())
    return max(candidates, key=lambda p: p.population).geonameid if candidates else None


def evaluate_places(gold: Sequence[GoldPlace], nlp: Language, rules: EventRules) -> tuple[PlaceScore, int]:
    """Score the geocoder on the gold mentions whose corpus is present; and how many were skipped."""
    docs: dict[tuple[str, str], str] = {}
    for corpus in {g.corpus for g in gold}:
        ids = frozenset(g.doc_id for g in gold if g.corpus == corpus)
        docs |= {(corpus, d): t for d, t in corpus_texts(corpus, ids).items()}
    present = [g for g in gold if (g.corpus, g.doc_id) in docs]
    keys = sorted({(g.corpus, g.doc_id) for g in present})
    score = PlaceScore()
    for key, doc in zip(keys, nlp.pipe(docs[k] for k in keys)):
        entities = [(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
        found = place_mentions(entities, rules.gazetteer, PlaceContext(), doc.text, rules.not_places,
                               rules.country_cues, not_town_before=rules.not_town_before).mentions
        for g in (g for g in present if (g.corpus, g.doc_id) == key):
            _judge(score, g, found, entities, rules.gazetteer)
    return score, len(gold) - len(present)


def _judge(score: PlaceScore, gold: GoldPlace, found, entities, gazetteer: Gazetteer) -> None:
    score.n_mentions += 1
    ours = next((m for m in found if m.start < gold.end and gold.start < m.end and m.match.place is not None), None)
    label = next((e[3] for e in entities if e[0] < gold.end and gold.start < e[1]), None)
    baseline = most_populous(gold.text, gazetteer) if label in PLACE_LABELS else None
    if baseline is not None:
        score.baseline_predicted += 1
        score.baseline_places += gold.is_place
    if ours is not None:
        score.n_predicted += 1
        score.n_predicted_places += gold.is_place
        if not gold.is_place:
            score.errors.append(f"not a place: {gold.doc_id} {gold.text!r} -> {ours.match.place.name}")
    if not (gold.is_place and gold.geonameid):
        return
    score.n_gold_ids += 1
    if baseline is not None:
        score.baseline_resolved += 1
        score.baseline_right += baseline == gold.geonameid
    if ours is not None:
        score.n_resolved += 1
        score.n_right += ours.match.place.geonameid == gold.geonameid
        score.populous_right += most_populous(gold.text, gazetteer) == gold.geonameid
        if ours.match.place.geonameid != gold.geonameid:
            score.errors.append(f"wrong place: {gold.doc_id} {gold.text!r} -> {ours.match.place.name} "
                                f"({ours.match.place.country_iso2} {ours.match.place.admin1}), gold {gold.geonameid}")
