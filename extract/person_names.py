"""A person's name as one identity: the parts of a name, the key two spellings of one person
share, and whether a known person is the one a variant spelling names.

"Donald J. Trump", "Donald Trump" and "Mr. Donald Trump" share the key "donald trump";
"Hillary Rodham Clinton" is "hillary clinton"; "Bill Clinton" is "william clinton" (given-name
variants, seeds/given_names.csv); "Donald Trump Jr." keeps his suffix. Across articles a
variant that the key cannot settle ("H. Clinton", "Rence Priebus", a lone "Trump") joins the one
known person it can only mean (match_known_person).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from seedrows import read_rows

# A word of a person's name: letters (any script), with inner apostrophes, hyphens and periods
# ("O'Neill", "Ki-moon", "J.M."); anything else (digits, colons, brackets) is no name.
_NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’.-])*$")
MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class NamePart:
    """A row of seeds/name_parts.csv: a suffix ("jr") or a surname particle ("de")."""

    part: str
    role: str  # suffix | particle


@dataclass(frozen=True)
class GivenName:
    """A row of seeds/given_names.csv: a short or variant given name and its formal form."""

    variant: str
    canonical: str


@dataclass(frozen=True)
class NameRules:
    suffixes: frozenset[str]
    particles: frozenset[str]
    given_names: Mapping[str, str]  # variant -> canonical, casefolded


def load_name_rules(seeds_dir: Path) -> NameRules:
    parts = read_rows(seeds_dir / "name_parts.csv", NamePart)
    given = {row.variant.strip().casefold(): row.canonical.strip().casefold()
             for row in read_rows(seeds_dir / "given_names.csv", GivenName)}
    return NameRules(suffixes=frozenset(p.part.strip().casefold() for p in parts if p.role.strip() == "suffix"),
                     particles=frozenset(p.part.strip().casefold() for p in parts if p.role.strip() == "particle"),
                     given_names=given)


@dataclass(frozen=True)
class PersonName:
    """A normalised person's name in parts: "donald j trump jr" -> given "donald", surname
    "trump", suffix "jr"; a lone "trump" has no given name."""

    given: str | None
    surname: str
    suffix: str | None

    @property
    def key(self) -> str:
        return " ".join(part for part in (self.given, self.surname, self.suffix) if part)

    @property
    def initial_only(self) -> bool:
        return self.given is not None and len(self.given) == 1


def person_name(normalised: str, rules: NameRules) -> PersonName | None:
    """The parts of a normalised name (normalise_name: casefolded, no periods); None for none.
    Middle names and initials are dropped; a particle starts the surname ("pierre de vos")."""
    words = normalised.split()
    suffix = words.pop() if len(words) > 1 and words[-1] in rules.suffixes else None
    if not words:
        return None
    if len(words) == 1:
        return PersonName(None, words[0], suffix)
    start = len(words) - 1
    while start > 1 and words[start - 1] in rules.particles:
        start -= 1
    given = words[0]
    return PersonName(rules.given_names.get(given, given), " ".join(words[start:]), suffix)


def looks_like_person_name(name: str, particles: Iterable[str] = ()) -> bool:
    """Whether a written name has a person's name's shape: one to five words, each a capitalised
    word of letters (a particle such as "de" or "bin" may be lower-case); no digits, colons or
    line breaks. "Hillary Clinton Slams Donald Trump" passes the shape (see is_headline_fragment),
    "6, 2016 9:12PMTrump" and "Trump - 60 percent" do not."""
    words = name.split()
    lower_allowed = frozenset(particles)
    if not 1 <= len(words) <= MAX_NAME_WORDS or "\n" in name:
        return False
    return all(_NAME_WORD.match(word) and (word[0].isupper() or word.casefold() in lower_allowed) for word in words)


@dataclass(frozen=True)
class KnownPerson:
    """A person source (known, or first met in this batch), as variant spellings are matched."""

    source_key: str
    name: PersonName
    n_quotes: int


# A lone surname joins the known person of that surname only when that person holds at least
# this share of the quotes of everyone with the surname ("Trump" in 2016 news is Donald Trump,
# not Ivanka; "Clinton" alone stays apart while Bill and Hillary are quoted alike).
LONE_SURNAME_SHARE = 0.9


def match_known_person(wanted: PersonName, known: Sequence[KnownPerson]) -> KnownPerson | None:
    """The known person a variant spelling can only mean, or None.

    - "h clinton" (an initial) -> the one known Clinton whose given name starts with "h";
    - "rence priebus" -> "reince priebus": one edit in the given name (two in a long one);
    - a lone "trump" -> the Trump who holds LONE_SURNAME_SHARE of the quotes of all Trumps.
    Suffixes must agree: "Donald Trump Jr." never joins "Donald Trump"."""
    same_surname = [p for p in known if p.name.surname == wanted.surname and p.name.suffix == wanted.suffix
                    and p.name.given is not None]
    if not same_surname:
        return None
    if wanted.given is None:
        best = max(same_surname, key=lambda p: (p.n_quotes, p.source_key))
        total = sum(p.n_quotes for p in same_surname)
        return best if total and best.n_quotes / total >= LONE_SURNAME_SHARE else None
    if wanted.initial_only:
        fits = [p for p in same_surname if p.name.given and p.name.given[0] == wanted.given]
    else:
        fits = [p for p in same_surname if p.name.given and not p.name.initial_only
                and _close(wanted.given, p.name.given)]
    identities = {p.name.key for p in fits}
    if len(identities) != 1:
        return None  # "d trump" with Donald and Don Jr.'s brother Eric known is one of two
    return max(fits, key=lambda p: (p.n_quotes, p.source_key))


def _close(a: str, b: str) -> bool:
    """Two given names one typo apart (two for names of seven letters or more)."""
    if a == b:
        return True
    allowed = 2 if min(len(a), len(b)) >= 7 else 1
    return min(len(a), len(b)) >= 4 and edit_distance(a, b, allowed) <= allowed


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, cut off at limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def canonical_person_keys(staged: Mapping[str, int], known: Iterable[tuple[str, int]],
                          rules: NameRules) -> dict[str, str]:
    """Staged person keys that are variant spellings of another person -> that person's key.

    staged: person key -> its quotes in this batch; known: (source key, quotes) of person
    sources already loaded. The people variants can join are the known ones and this batch's
    full names; a misspelt full name joins only a person quoted more often than it is, so two
    spellings never join each other both ways."""
    pool: dict[str, KnownPerson] = {}
    for key, n_quotes in [*known, *staged.items()]:
        name = person_name(key.removeprefix("person:"), rules)
        if name is not None and name.given is not None and not name.initial_only:
            previous = pool.get(key)
            pool[key] = KnownPerson(key, name, n_quotes + (previous.n_quotes if previous else 0))
    people = list(pool.values())
    rewrites: dict[str, str] = {}
    for key in staged:
        wanted = person_name(key.removeprefix("person:"), rules)
        if wanted is None:
            continue
        target = match_known_person(wanted, [p for p in people if p.source_key != key])
        if target is None:
            continue
        fuzzy = wanted.given is not None and not wanted.initial_only and target.name.key != wanted.key
        if fuzzy and target.n_quotes <= pool[key].n_quotes:
            continue
        rewrites[key] = target.source_key
    return rewrites
