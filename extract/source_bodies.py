"""Organisations among the speakers of one article: a company the article names with its legal
form ("Buitoni SpA") and later by its first word ("Buitoni said"), and bodies known only by
their noun ("the firm"), which no pronoun points back to. Pure functions of a DocIndex and of
resolved sources; extract/sources.py uses them."""

from __future__ import annotations

from nlp.doc_index import DocIndex, span_text


def is_unnamed_body(kind: str, name: str) -> bool:
    """A source of this kind and name is an organisation or government known only by its noun
    ("the firm", "central bank"): its name is kept in lower case
    (extract.sources.ArticleSourceResolver._resolve_noun)."""
    return kind in ("organization", "government") and name == name.casefold()


def companies_by_short_name(index: DocIndex, company_suffixes: frozenset[str]) -> dict[str, str]:
    """The companies an article names with a legal form, by their first word: "Buitoni SpA" ->
    {"buitoni": "Buitoni SpA"}, so that "Buitoni said" is the company, not a person."""
    companies: dict[str, str] = {}
    for ent in index.ents:
        if ent.label_ not in ("ORG", "PERSON"):  # the model tags some companies PERSON ("Buitoni SpA")
            continue
        words = span_text(ent).split()
        if len(words) >= 2 and words[-1].casefold().strip(".,") in company_suffixes:
            companies.setdefault(words[0].casefold(), " ".join(words))
    return companies
