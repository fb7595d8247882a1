"""Place names and the country they belong to, so a question and a sentence can meet on a place.

A question says "Switzerland", "America" or "Beijing"; the article says "Geneva", "US" or
"China". `places.tsv` (made by bench/make_gazetteer.py from countryinfo and GeoNames) maps
country names, other spellings, demonyms, capitals, states or provinces and cities of 150k+
people to a country code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import normal_form, stem

GAZETTEER_FILE = Path(__file__).with_name("places.tsv")
_TOKEN = re.compile(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*\.?")
# The same words, and each mark or number as a token of its own (they end a phrase: roles.py).
_TOKEN_OR_MARK = re.compile(_TOKEN.pattern + r"|\d+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Place:
    """One place name found in a text: its words' stems and the country it belongs to."""

    terms: tuple[str, ...]
    country: str


@dataclass(frozen=True)
class _Gazetteer:
    any_case: dict[str, str]  # casefolded name → country
    title: dict[str, str]  # name as capitalised (a common word otherwise: Nice, Reading) → country
    upper: dict[str, str]  # abbreviation in capitals (US, UK) → country
    # First word of a name (casefolded for any_case, as written otherwise) → words in its longest name.
    longest: dict[str, int]
    first_any: frozenset[str]
    first_written: frozenset[str]


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    tables: dict[str, dict[str, str]] = {"any": {}, "title": {}, "upper": {}}
    for line in GAZETTEER_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, case, country = line.split("\t")
            tables[case][name] = country
    longest: dict[str, int] = {}
    firsts: dict[str, set[str]] = {"any": set(), "written": set()}
    for case, names in tables.items():
        for name in names:
            words = name.split()
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
            firsts["any" if case == "any" else "written"].add(words[0])
    return _Gazetteer(
        tables["any"], tables["title"], tables["upper"], longest, frozenset(firsts["any"]),
        frozenset(firsts["written"]),
    )


def place_tokens(text: str, marks: bool = False) -> list[str]:
    """Word tokens as written, possessive 's and dots dropped ("U.S.'s" → "US"); with `marks`,
    punctuation, numbers and the possessive 's too, each a token."""
    out = []
    for token in (_TOKEN_OR_MARK if marks else _TOKEN).findall(text):
        possessive = False
        if len(token) > 1 and ("." in token or "'" in token or "’" in token):
            token = token.replace("’", "'")
            if token.endswith("'s"):
                token, possessive = token[:-2], marks
            token = token.replace(".", "").replace("'", "")
        if token:
            out.append(token)
        if possessive:
            out.append("'s")
    return out


def find_places(text: str) -> list[Place]:
    """Place names in `text`, longest match first, left to right."""
    tokens = place_tokens(text)
    return [
        Place(tuple(stem(normal_form(t)) for t in tokens[start:end]), country)
        for start, end, country in place_spans(tokens)
    ]


def place_spans(tokens: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, country) of each place name in `tokens` (place_tokens), longest match first,
    left to right."""
    table = _gazetteer()
    folded = [t.casefold() for t in tokens]
    # An abbreviation typed in lower case after "the" is the country ("what did *the us* stop"):
    # the pronoun "us" never follows it.
    tokens = [
        t.upper() if i and folded[i - 1] == "the" and t.islower() and t.upper() in table.upper else t
        for i, t in enumerate(tokens)
    ]
    # Most sentences name no place: two set intersections settle them.
    if table.first_any.isdisjoint(folded) and table.first_written.isdisjoint(tokens):
        return []
    found, i = [], 0
    while i < len(tokens):
        longest = max(
            table.longest.get(folded[i], 0) if folded[i] in table.first_any else 0,
            table.longest.get(tokens[i], 0) if tokens[i] in table.first_written else 0,
        )
        for n in range(min(longest, len(tokens) - i), 0, -1):
            country = _lookup(table, tokens[i : i + n], " ".join(folded[i : i + n]))
            if country:
                found.append((i, i + n, country))
                i += n
                break
        else:
            i += 1
    return found


def _lookup(table: _Gazetteer, words: list[str], folded: str) -> str | None:
    if len(words) == 1 and len(words[0]) <= 3:
        return table.upper.get(words[0])
    return table.any_case.get(folded) or table.title.get(" ".join(words))


@lru_cache(maxsize=65_536)
def countries(text: str) -> frozenset[str]:
    """The countries whose places `text` names."""
    return frozenset(p.country for p in find_places(text))


@lru_cache(maxsize=1)
def single_word_places() -> tuple[tuple[str, str], ...]:
    """(stem, country) of every one-word place name, for finding a corpus's places by its terms."""
    table = _gazetteer()
    return tuple(
        (stem(normal_form(name)), country)
        for names in (table.any_case, table.title, table.upper)
        for name, country in names.items()
        if " " not in name
    )
