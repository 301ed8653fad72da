"""The quote extractor's rules, read once from seeds/: speech verbs with how surely each
reports speech and what its object is, cue nouns, and the word lists that keep a cue from
quoting what nobody said. extract/quotes.py applies them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from extract.confidence import confidence_weights
from seedrows import read_column, read_rows


@dataclass(frozen=True)
class QuoteConfidence:
    """How sure a quote is (seeds/confidence_weights.csv says what each weight means)."""

    base: float
    per_verb_strength: float
    pronoun_speaker: float
    ceiling: float
    according_to: float
    continued_paragraph: float
    noun_cue: float


@dataclass(frozen=True)
class QuoteRules:
    """Cue lexicon from seeds/reporting_verbs.csv: lemma -> strength (0-1)."""

    reporting_verbs: Mapping[str, float]
    confidence: QuoteConfidence
    cue_nouns: frozenset[str] = frozenset()  # "remark", "message": nouns that introduce a quotation
    object_is_said: frozenset[str] = frozenset()  # "announced the deal": the object is what was said
    vague_objects: frozenset[str] = frozenset()  # "the information", "remarks": name what was said, say nothing
    object_is_hearer: frozenset[str] = frozenset()  # "told", "warned": the object is who was spoken to
    withheld: frozenset[str] = frozenset()  # "unable", "declined": "was unable to say" says nothing
    according_to_norms: frozenset[str] = frozenset()  # "according to plan": a measure, no source

    def is_cue(self, token: Token) -> bool:
        return self.cue_strength(token) is not None

    def cue_strength(self, token: Token) -> float | None:
        """How surely a verb reports speech: its lemma's or form's row, or the row of the verb with
        its object ("put it"); None for no speech verb."""
        if token.pos_ not in ("VERB", "AUX"):
            return None
        lemma = token.lemma_.casefold()
        strength = self.reporting_verbs.get(lemma, self.reporting_verbs.get(token.lower_))
        if strength is None:
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            strength = self.reporting_verbs.get(f"{lemma} {obj.lower_}") if obj is not None else None
        return strength


@dataclass(frozen=True)
class ReportingVerb:
    """A row of seeds/reporting_verbs.csv: a speech verb and how surely it reports speech."""

    lemma: str
    strength: float
    object_is_said: bool  # "announced the deal", "acknowledged the reality": its noun object is what was said
    object_is_hearer: bool  # "told a meeting of harbour workers that ...": its object is who was spoken to


def load_quote_rules(seeds_dir: Path) -> QuoteRules:
    rows = read_rows(seeds_dir / "reporting_verbs.csv", ReportingVerb)
    verbs = {row.lemma.strip().casefold(): row.strength for row in rows}
    return QuoteRules(reporting_verbs=verbs, confidence=confidence_weights(seeds_dir, "quotes", QuoteConfidence),
                      cue_nouns=frozenset(noun.strip().casefold() for noun in read_column(seeds_dir / "cue_nouns.csv", "noun")),
                      object_is_said=frozenset(row.lemma.strip().casefold() for row in rows if row.object_is_said),
                      vague_objects=frozenset(noun.strip().casefold() for path in ("cue_nouns.csv", "vague_objects.csv")
                                              for noun in read_column(seeds_dir / path, "noun")),
                      object_is_hearer=frozenset(row.lemma.strip().casefold() for row in rows if row.object_is_hearer),
                      withheld=frozenset(word.strip().casefold() for word in read_column(seeds_dir / "withheld_speech.csv", "word")),
                      according_to_norms=frozenset(noun.strip().casefold()
                                                   for noun in read_column(seeds_dir / "according_to_norms.csv", "noun")))
