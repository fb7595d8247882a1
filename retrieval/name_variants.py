"""Name variants: two spellings of one name in the articles ("Scott Bescent", "Scott Bessent")
read as one, so a question naming either meets the sentences of both."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from .text import STOPWORDS, stem

# Shorter names one letter apart are mostly different names (Hanna, Hanno; Lewis, Lewin).
MIN_LETTERS = 6
# An edit among the last letters makes another word of the same root (America, American).
ENDING = 2

_TOKEN_SPLIT = re.compile(r"([^\W\d_]+)")
_ROMAN = re.compile(r"[ivxlcdm]+")


def _edit_at(a: str, b: str) -> int | None:
    """Where the shorter of a and b is the other with one letter changed, dropped, added or two
    neighbours swapped; None when it is not."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1 or a == b:
        return None
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    if len(a) < len(b):
        return i if a[i:] == b[i + 1 :] else None
    if a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1]):
        return i
    return None


def _may_be_one_name(a: str, b: str, beside: dict[str, set[str]]) -> bool:
    """Whether two capitalised spellings one edit apart name one thing: the edit is not in the
    ending, both follow one first name ("Scott", a word the articles never write in lower case:
    not a title such as "King", which two Harolds share) — a misspelt name keeps its first name,
    two people one letter apart rarely share one — and they are not two Roman numerals
    ("Super Bowl XXVIII", "XLVIII")."""
    at = _edit_at(a, b)
    return (
        at is not None
        and at < min(len(a), len(b)) - ENDING
        and not beside.get(a, set()).isdisjoint(beside.get(b, ()))
        and not (_ROMAN.fullmatch(a) and _ROMAN.fullmatch(b))
    )


def name_variants(texts: Iterable[str]) -> dict[str, str]:
    """Stem → the stem it is read as, for the rarer spellings of names the articles write two
    ways (never lower case, at least MIN_LETTERS long, the same first letter)."""
    parts = _TOKEN_SPLIT.split("\n".join(texts))  # separator, word, separator, word, …
    tokens = Counter(parts[1::2])
    counts: Counter[str] = Counter()
    for token, n in tokens.items():
        counts[token.lower()] += n
    lower = {token for token in tokens if not token[0].isupper()}
    names = sorted(w for w in counts if len(w) >= MIN_LETTERS and w not in lower)
    first_names = {t for t in tokens if t[0].isupper() and t.lower() not in lower and t.lower() not in STOPWORDS}
    beside: defaultdict[str, set[str]] = defaultdict(set)  # first names a name follows
    for before, space, word in zip(parts[1::2], parts[2::2], parts[3::2]):
        if space == " " and before in first_names and len(word) >= MIN_LETTERS:
            beside[word.lower()].add(before.lower())
    by_deletion: defaultdict[str, list[str]] = defaultdict(list)
    for name in names:
        for k in range(1, len(name)):  # the first letter stays
            by_deletion[name[:k] + name[k + 1 :]].append(name)
        by_deletion[name].append(name)
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    for group in by_deletion.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if (ra := root(a)) != (rb := root(b)) and _may_be_one_name(a, b, beside):
                    keep, drop = sorted((ra, rb), key=lambda w: (-counts[w], w))
                    parent[drop] = keep
    return {stem(name): stem(root(name)) for name in names if stem(root(name)) != stem(name)}


def capitalised_words(texts: Iterable[str]) -> frozenset[str]:
    """Lower-case forms of the words the articles only ever write capitalised: mostly names."""
    tokens = set(_TOKEN_SPLIT.split("\n".join(texts))[1::2])
    lower = {token.lower() for token in tokens if not token[0].isupper()}
    return frozenset(token.lower() for token in tokens if token[0].isupper()) - lower
