"""The language of an article's text, offline: py3langid (langid.py's model, shipped with the
package) restricted to the news languages listed in seeds/languages.csv.

A guess below the confidence floor, or on too little text, is no evidence: the article keeps
the language the input declares, else the spaCy pipeline's, as before detection existed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from seedrows import read_column

# The start of the text is enough to tell a language, and keeps detection cheap on long texts.
SAMPLE_CHARS = 3000
MIN_LETTERS = 40
MIN_CONFIDENCE = 0.90


@dataclass(frozen=True)
class LanguageGuess:
    code: str
    confidence: float


class LanguageDetector:
    """py3langid over a fixed set of candidate languages, loaded once per process."""

    def __init__(self, languages: list[str]):
        self.languages = tuple(languages)
        self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        self._identifier.set_languages(list(languages))

    def guess(self, text: str) -> LanguageGuess | None:
        """The text's language when it is clear, else None."""
        sample = text[:SAMPLE_CHARS]
        if sum(char.isalpha() for char in sample) < MIN_LETTERS:
            return None
        code, confidence = self._identifier.classify(sample)
        return LanguageGuess(code, float(confidence)) if confidence >= MIN_CONFIDENCE else None


def load_language_detector(seeds_dir: Path) -> LanguageDetector:
    return LanguageDetector(list(read_column(seeds_dir / "languages.csv", "code")))


def article_language(text: str, declared: str | None, pipeline_language: str, detector: LanguageDetector) -> str:
    """A clear guess from the text, else what the input declares, else the pipeline's language."""
    guess = detector.guess(text)
    if guess is not None:
        return guess.code
    return (declared or pipeline_language).lower()
