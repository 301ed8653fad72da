"""Sources: resolve each quote's speaker to a person, organisation, government or anonymous source.

Within an article "JM Berger" = "Berger" = "he"; across articles a source is one row per
normalised name and kind, split only when the affiliations conflict (assign_source_ids).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from extract.confidence import confidence_weights
from extract.person_mentions import full_names_by_surname, untagged_surname_subjects
from extract.person_names import NameRules, load_name_rules, looks_like_person_name, person_name
from extract.quote_parts import POSSESSIVE, speaker_entity, speaker_span
from extract.quotes import Attribution
from extract.source_bodies import companies_by_short_name, is_unnamed_body
from extract.speaker_gender import genders_of_people
from extract.speaker_roles import RoleDescriptions, is_role_description
from nlp.antecedents import MentionsInOrder, Spans
from nlp.doc_index import DocIndex, span_text
from seedrows import read_column, read_rows

SOURCES_VERSION = "sources.v4"  # v4: "the company" and "the statement" as the body named last; people tagged ORG

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
PLURAL_PRONOUNS = frozenset({"they", "them"})
SUBJECT_LIKE_DEPS = frozenset({"nsubj", "nsubjpass", "appos", "pobj", "conj", "ROOT", "poss"})
# An organisation "it" or "they" can stand for is one the text made a subject or an owner:
# in "talks with <Vitro S.A.> of Monterrey, Mexico ... It said" "it" is the company talking.
BODY_DEPS = frozenset({"nsubj", "nsubjpass", "appos", "conj", "ROOT", "poss"})
LEADING_ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.I)


@dataclass(frozen=True)
class SourceRules:
    """Source nouns ("experts" -> anonymous, "police" -> organization) and the places that
    stand for governments ("Ankara" and "Turkey" -> Turkey)."""

    nouns: Mapping[str, str]
    government_places: Mapping[str, str]
    person_titles: frozenset[str]  # casefolded: "president", "assemblywoman", "dr."
    honorific_gender: Mapping[str, str]  # "mr." -> "m", "mme" -> "f" (seeds/honorifics.csv)
    unresolved_speaker: float  # a quote whose speaker is no source keeps this share of its confidence
    names: NameRules  # suffixes, surname particles, given-name variants
    outlets: Mapping[str, str]  # casefolded spelling -> the outlet's name (seeds/outlets.csv)
    not_name_words: frozenset[str]  # casefolded words no person's name holds ("says", "tower")
    given_name_gender: Mapping[str, str]  # "hillary" -> "f" (seeds/given_name_genders.csv)
    company_suffixes: frozenset[str]  # "ltd", "inc" (seeds/company_suffixes.csv)

    def strip_titles(self, name: str) -> str:
        """ "Assemblywoman Selena Torres" -> "Selena Torres"; a lone title stays as it is."""
        words = strip_article(name).split()
        while len(words) > 1 and words[0].casefold() in self.person_titles:
            words = words[1:]
        return " ".join(words)


@dataclass(frozen=True)
class SourceConfidence:
    unresolved_speaker: float  # a quote whose speaker is no source keeps this share of its confidence


@dataclass(frozen=True)
class Honorific:
    """A row of seeds/honorifics.csv: an honorific, lowercased, and the gender it tells."""

    honorific: str
    gender: str  # m | f


@dataclass(frozen=True)
class GivenNameGender:
    """A row of seeds/given_name_genders.csv: a given name, lowercased, and the gender most who
    bear it have."""

    name: str
    gender: str  # m | f


@dataclass(frozen=True)
class SourceNoun:
    """A row of seeds/source_nouns.csv: a noun that names a kind of source ("officials")."""

    noun: str
    kind: str


@dataclass(frozen=True)
class OutletSpelling:
    """The columns of seeds/outlets.csv a source needs: an outlet and its other spellings."""

    name: str
    aliases: str  # "|"-separated


def load_outlet_names(seeds_dir: Path) -> dict[str, str]:
    """Casefolded spelling -> outlet name, from seeds/outlets.csv ("wash-post" -> "The Washington Post")."""
    names: dict[str, str] = {}
    for row in read_rows(seeds_dir / "outlets.csv", OutletSpelling):
        for spelling in [row.name, *row.aliases.split("|")]:
            names[spelling.strip().casefold()] = row.name
    return names


def load_source_rules(seeds_dir: Path, government_places: Mapping[str, str]) -> SourceRules:
    nouns = {row.noun.strip().casefold(): row.kind.strip() for row in read_rows(seeds_dir / "source_nouns.csv", SourceNoun)}
    titles = frozenset(title.strip().casefold() for title in read_column(seeds_dir / "person_titles.csv", "title"))
    honorifics = {row.honorific: row.gender for row in read_rows(seeds_dir / "honorifics.csv", Honorific)}
    return SourceRules(nouns=nouns, government_places=government_places, person_titles=titles,
                       honorific_gender=honorifics,
                       unresolved_speaker=confidence_weights(seeds_dir, "sources", SourceConfidence).unresolved_speaker,
                       names=load_name_rules(seeds_dir), outlets=load_outlet_names(seeds_dir),
                       not_name_words=frozenset(w.strip().casefold() for w in read_column(seeds_dir / "not_name_words.csv", "word")),
                       given_name_gender={row.name: row.gender for row in read_rows(
                           seeds_dir / "given_name_genders.csv", GivenNameGender)},
                       company_suffixes=frozenset(w.strip().casefold() for w in read_column(seeds_dir / "company_suffixes.csv", "suffix")))


@dataclass(frozen=True)
class ResolvedSource:
    key: str  # "person:jm berger": kind and normalised name
    name: str
    kind: str  # person | organization | government | group | anonymous


def normalise_name(name: str) -> str:
    """Casefolded, accents and punctuation dropped, spaces collapsed: "J.M. Berger" -> "jm berger"."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s-]", "", letters).casefold().split())


def source_key(kind: str, name: str) -> str:
    return f"{kind}:{normalise_name(name)}"


def person_key(name: str, rules: NameRules) -> str:
    """A person's source key: "Donald J. Trump" and "Donald Trump" -> "person:donald trump",
    "Bill Clinton" -> "person:william clinton" (extract.person_names.person_name)."""
    normalised = normalise_name(name)
    parts = person_name(normalised, rules)
    return f"person:{parts.key if parts is not None else normalised}"


def strip_article(text: str) -> str:
    return LEADING_ARTICLES.sub("", text.strip())


def _looks_like_name(text: str) -> bool:
    """Every word capitalised: the small model sometimes tags "outdo Al-Qaeda" as a PERSON."""
    words = strip_article(text).split()
    return bool(words) and all(word[:1].isupper() for word in words)


class ArticleSourceResolver:
    """Resolves the speakers of one article in text order; remembers who spoke before."""

    def __init__(self, index: DocIndex, rules: SourceRules, quoted: Sequence[tuple[int, int]] = ()):
        self.index = index
        self.doc = index.doc
        self.rules = rules
        self.full_names = full_names_by_surname(
            index, lambda ent, name: self._tagged_person(ent) and self._names_a_person(name, ent), rules.strip_titles)
        self.companies = companies_by_short_name(index, rules.company_suffixes)  # "buitoni" -> "Buitoni SpA"
        self.resolved: MentionsInOrder[ResolvedSource] = MentionsInOrder()  # sources resolved so far, by position
        self.gender = genders_of_people(  # source key -> "m" | "f"
            index, rules.honorific_gender, rules.given_name_gender, self._person_key_and_name)
        # Antecedents of pronouns: people named as the subject of a clause ("Hotak said ... in
        # Maidan Wardak ... he said" is Hotak, not a place mis-tagged PERSON), and organisations.
        self.people: MentionsInOrder[ResolvedSource] = MentionsInOrder()
        self.bodies: MentionsInOrder[ResolvedSource] = MentionsInOrder()
        inside_quotes = Spans(quoted)
        for ent in index.ents:
            if inside_quotes.holds(ent.start_char):
                continue  # '"... until I meet with Bibi," he said': a name the speaker says is not the speaker
            if ent.root.dep_ in SUBJECT_LIKE_DEPS and self._is_person_mention(ent):
                self.people.add(ent.end_char, ent.start_char, self._person(span_text(ent)))
            elif (ent.label_ in ("ORG", "NORP") and ent.root.dep_ in BODY_DEPS
                  and (body := self._resolve_entity(ent)) is not None):
                self.bodies.add(ent.end_char, ent.start_char, body)
        for token in untagged_surname_subjects(index, self.full_names):  # "Quirin denied ..."
            if not inside_quotes.holds(token.idx):
                self.people.add(token.idx + len(token.text), token.idx, self._person(token.text))
        self.organisations_naming: dict[str, MentionsInOrder[Span]] = {}  # noun -> ORG entities holding it
        role_nouns = frozenset(noun for noun, kind in rules.nouns.items() if kind == "role")
        self.roles = RoleDescriptions(index, role_nouns, self._names_a_person, self._person)

    def _is_person_mention(self, ent: Span) -> bool:
        """A person's name, or a word the model took for an organisation that is the surname of
        a person this article names in full ("Trump's unwillingness" tagged ORG)."""
        if self._tagged_person(ent):
            return self._names_a_person(span_text(ent), ent)
        return ent.label_ == "ORG" and len(ent) == 1 and span_text(ent).casefold() in self.full_names

    def _tagged_person(self, ent: Span) -> bool:
        """PERSON, or an ORG that opens with a given name ("Antoine Quirin" tagged ORG)."""
        words = span_text(ent).split()
        return ent.label_ == "PERSON" or (ent.label_ == "ORG" and 2 <= len(words) <= 3
                                          and words[0].casefold() in self.rules.given_name_gender)

    def _names_a_person(self, text: str, tokens: Span | None = None) -> bool:
        """Whether a mention is a person's name: a name's shape (looks_like_person_name), no word
        a person's name never holds ("Trump Says He Never", "Trump Tower"), no verb the parse
        found inside it, no outlet or platform ("Politico", "Twitter"), and more than a title."""
        name = self.rules.strip_titles(text)
        if not looks_like_person_name(name, self.rules.names.particles) or name.casefold() in self.rules.outlets:
            return False
        if all(word.casefold() in self.rules.person_titles for word in name.split()):
            return False  # a title alone ("Retired General", "Mr. President") names no one
        if any(POSSESSIVE.sub("", word.casefold().strip(".,")) in self.rules.not_name_words for word in name.split()):
            return False
        if name.split()[-1].casefold().strip(".,") in self.rules.company_suffixes:
            return False  # a company's legal form ends its name: "Buitoni SpA"
        return tokens is None or not any(t.pos_ in ("VERB", "AUX") for t in tokens)

    def resolve(self, attribution: Attribution) -> ResolvedSource | None:
        if attribution.speaker_root is None:
            return None
        root = self.doc[attribution.speaker_root]
        position = attribution.speaker_start if attribution.speaker_start is not None else attribution.content_start
        source = self._resolve_token(root, position)
        if source is not None:
            self.resolved.add(position, position, source)
        return source

    def _resolve_token(self, root: Token, position: int) -> ResolvedSource | None:
        if root.tag_ == "WP" and root.head.dep_ == "relcl" and root.head.head.pos_ in ("NOUN", "PROPN"):
            root = root.head.head  # "Anna Berg, who said ...": "who" is Anna Berg
        named = self._named_in_apposition(root)
        if named is not None:
            return self._person(named.text)  # "The Vice President, Mike Pence"
        if root.pos_ == "PRON":
            return self._resolve_pronoun(root.lower_, position)
        if root.pos_ == "NUM":  # "One of the officials said": of the officials
            root = next((g for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), root)
        entity = speaker_entity(self.index, root)
        if entity is not None:
            return self._resolve_entity(entity)
        mention = self.index.text[slice(*speaker_span(self.index, root))]
        if root.pos_ == "PROPN" and _looks_like_name(mention) and not any(
                t.like_num or t.pos_ in ("DET", "NUM") for t in root.lefts):
            # but "One MP" is not a name, nor "Politico" or "Trump Tower"
            return self._person(mention) if self._names_a_person(mention) else self._outlet(mention)
        return self._resolve_noun(root, position)

    def _person_key_and_name(self, ent: Span) -> tuple[str, str]:
        person = self._person(span_text(ent))
        return person.key, person.name

    def _named_in_apposition(self, root: Token) -> Span | None:
        """A person named in apposition to a title or a number: "The mayor, Sadiq Khan, said", "one
        of the attorneys, Justin Bamberg, said"."""
        entity = self.index.entity_at(root.i)
        if entity is not None and entity.label_ != "CARDINAL":
            return None
        for child in root.children:
            if child.dep_ == "appos":
                entity = self.index.entity_at(child.i)
                if entity is not None and entity.label_ == "PERSON" and self._names_a_person(span_text(entity), entity):
                    return entity
        return None

    def _is_known_person(self, name: str) -> bool:
        words = name.split()
        return bool(words) and words[-1].casefold() in self.full_names

    def _person(self, name: str) -> ResolvedSource:
        words = self.rules.strip_titles(POSSESSIVE.sub("", name.strip())).split()  # "Donald Trump’s"
        if len(words) == 1:
            words = self.full_names.get(words[0].casefold(), words[0]).split()
        full = " ".join(words)
        return ResolvedSource(person_key(full, self.rules.names), full, "person")

    def _outlet(self, mention: str) -> ResolvedSource | None:
        """An outlet or platform named where a person was expected ("Politico reveals"), or a
        company by its legal form ("Equity Silver Mines Ltd"); None for anything else that is no
        name ("Trump Tower", a headline fragment)."""
        name = " ".join(strip_article(mention).split())
        outlet = self.rules.outlets.get(name.casefold())
        if outlet is None and name.split() and name.split()[-1].casefold().strip(".,") in self.rules.company_suffixes:
            outlet = name
        return None if outlet is None else ResolvedSource(source_key("organization", outlet), outlet, "organization")

    def _resolve_entity(self, entity: Span) -> ResolvedSource | None:
        # "Burlington Northern Inc's" unit; Reuters marks a company "<Federal Industries Ltd>"
        name = POSSESSIVE.sub("", strip_article(span_text(entity))).strip("<>")
        company = self.companies.get(name.casefold())  # "Buitoni said", after "Buitoni SpA"
        if company is not None:
            return ResolvedSource(source_key("organization", company), company, "organization")
        country = self.rules.government_places.get(name.casefold())
        if country is not None:
            # "Ankara says", "Tunisia said": a country or its capital speaking is its government.
            government = f"Government of {country}"
            return ResolvedSource(source_key("government", government), government, "government")
        untitled = self.rules.strip_titles(name)
        if self._tagged_person(entity) or (
            _looks_like_name(untitled)
            and (self._is_known_person(untitled) or (untitled != name and len(untitled.split()) >= 2))
        ):
            # "Trump" tagged ORG after "Donald Trump" was named; "Assemblywoman Selena Torres" tagged ORG.
            return self._person(untitled) if self._names_a_person(untitled, entity) else self._outlet(untitled)
        if entity.label_ in ("GPE", "LOC"):
            return ResolvedSource(source_key("government", name), name, "government")
        if entity.label_ == "NORP":
            return ResolvedSource(source_key("group", name), name, "group")
        name = self.rules.outlets.get(name.casefold(), name)  # "POLITICO" and "Politico" are one outlet
        return ResolvedSource(source_key("organization", name), name, "organization")

    def _resolve_pronoun(self, pronoun: str, position: int) -> ResolvedSource | None:
        """He/she: the nearest person named before; they/it: the nearest group or organisation."""
        if pronoun in PERSON_PRONOUNS:
            wanted, named = {"person"}, self.people
        elif pronoun in PLURAL_PRONOUNS or pronoun == "it":
            wanted = {"organization", "government", "group"} | ({"anonymous"} if pronoun != "it" else set())
            named = self.bodies
        else:
            return None  # "I", "we", "you": the speaker is inside a quotation
        wanted_gender = PRONOUN_GENDER.get(pronoun)

        def agrees(source: ResolvedSource) -> bool:
            # skip people known to be of the other gender ("She" after "Mme Spanton ... Redouane")
            return wanted_gender is None or self.gender.get(source.key, wanted_gender) == wanted_gender

        mentioned = named.latest(position, agrees)
        # not a body no name was found for ("the firm said ... It said" is the firm the article named)
        spoke = self.resolved.latest(
            position, lambda s: s.kind in wanted and agrees(s) and not is_unnamed_body(s.kind, s.name), inclusive=False)
        if mentioned is None and spoke is None:
            return None
        chosen = spoke[1] if mentioned is None or (spoke is not None and spoke[0] > mentioned[0]) else mentioned[1]
        if wanted_gender is not None:
            self.gender.setdefault(chosen.key, wanted_gender)
        return chosen

    def _resolve_noun(self, root: Token, position: int) -> ResolvedSource:
        """ "experts" -> anonymous experts; "the ministry" -> the ministry named before, if any."""
        lemma = root.lemma_.casefold()
        kind = self.rules.nouns.get(lemma) or self.rules.nouns.get(root.lower_) or "anonymous"
        if kind in ("named_body", "issued"):
            # "The company said", "The statement said": the organisation named last, as "it" would be
            bare = root.tag_ == "NN" and all(c.dep_ == "det" for c in root.lefts)  # not "the lawn products company"
            body = self._resolve_pronoun("it", position) if bare else None
            if body is not None and body.kind == "organization" and not is_unnamed_body(body.kind, body.name):
                return body
            kind = "organization" if kind == "named_body" else "anonymous"  # a statement is no organisation
        if kind == "role":
            person = self._resolve_role(root, lemma, position)
            if person is not None:
                return person
            kind = "anonymous"  # "a candidate", "candidates", or nobody introduced yet
        if kind in ("organization", "government"):
            named = self._organisations_naming(root.lower_).latest(position)
            if named is not None and (body := self._resolve_entity(named[1])) is not None:
                return body
        start, end = speaker_span(self.index, root)
        name = " ".join(strip_article(self.index.text[start:end]).casefold().split())  # no line break inside
        if kind == "anonymous":
            # "German officials", "state media", "the Business Day newspaper": the noun with its
            # adjectives and compounds, not its determiners
            modifiers = [m for t in root.lefts if t.dep_ in ("amod", "compound") for m in t.subtree if not m.is_space]
            name = " ".join([t.lower_ for t in modifiers] + [root.lower_])
        return ResolvedSource(source_key(kind, name), name, kind)


    def _resolve_role(self, root: Token, lemma: str, position: int) -> ResolvedSource | None:
        """ "The Republican candidate said": the person the article described so, else the
        person named as a subject or quoted last (extract/speaker_roles.py)."""
        if not is_role_description(root):
            return None
        described = self.roles.latest(lemma, position)
        if described is not None:
            return described
        mentioned = self.people.latest(position)
        spoke = self.resolved.latest(position, lambda s: s.kind == "person", inclusive=False)
        latest = [found for found in (mentioned, spoke) if found is not None]
        return max(latest, key=lambda found: found[0])[1] if latest else None

    def _organisations_naming(self, noun: str) -> MentionsInOrder[Span]:
        """The ORG entities whose text holds `noun` ("ministry" in "the Ministry of Defence"), in
        order; found once per noun an article uses."""
        if noun not in self.organisations_naming:
            found: MentionsInOrder[Span] = MentionsInOrder()
            for ent in self.index.ents:
                if ent.label_ == "ORG" and noun in span_text(ent).casefold():
                    found.add(ent.end_char, ent.start_char, ent)
            self.organisations_naming[noun] = found
        return self.organisations_naming[noun]


