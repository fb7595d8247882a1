"""Words of like and of opposite meaning, so a question and a sentence can meet when they word a
thing differently — and part when they word it the other way round.

`related.tsv` (made by bench/make_related.py from WordNet 3.0) maps a stem to the stems of
words sharing one of its common senses or derived from it ("negotiation" ~ "talks",
"curb" ~ "restrict", "cut" ~ "reduce"). The rerank features count such matches apart from
exact ones, so the learned weights decide how much a looser match is worth.
`opposites.tsv` (bench/make_opposites.py) maps a stem to its antonyms' ("rise" / "fall"): a
sentence saying the opposite of what the question asks is a SQuAD 2.0-style near miss.
WordNet gives few antonyms to the words news uses for a quantity going up or down ("grow" has
none, "drop" none), and none to "before" and "after", so those two pairs of directions are
listed here.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .text import stem

RELATED_FILE = Path(__file__).with_name("related.tsv")
OPPOSITES_FILE = Path(__file__).with_name("opposites.tsv")


@lru_cache(maxsize=2)
def _table(path: Path) -> dict[str, frozenset[str]]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            term, others = line.split("\t")
            table[term] = frozenset(others.split())
    return table


def related_terms(term: str) -> frozenset[str]:
    """Stems of words related to the stemmed `term` (empty when WordNet knows none)."""
    return _table(RELATED_FILE).get(term, frozenset())


def opposite_terms(term: str) -> frozenset[str]:
    """Stems of the antonyms of the stemmed `term` (empty when WordNet knows none)."""
    return _table(OPPOSITES_FILE).get(term, frozenset())


# Words for a quantity going up, and going down, as stems (verbs and their nouns).
RISE_TERMS = frozenset(stem(w) for w in (
    "rise rose risen grow grew grown growth increase gain climb jump surge soar rally expand expansion boost "
    "raise accelerate"
).split())
FALL_TERMS = frozenset(stem(w) for w in (
    "fall fell fallen drop decline decrease shrink shrank shrunk plunge plummet slump tumble cut reduce "
    "reduction slow slash dip"
).split())
# Words placing one thing before, and after, another in time: stopwords most of them, so
# looked for among a text's words, not its terms.
BEFORE_WORDS = frozenset("before prior earlier previously preceding".split())
AFTER_WORDS = frozenset("after later afterwards subsequently following".split())
# Words for more, and for less, of something ("the *least* used type" against "the *most* used"),
# also looked for among the words: "more", "most" and "less" are stopwords.
MORE_WORDS = frozenset("more most greater greatest higher highest larger largest bigger biggest".split())
LESS_WORDS = frozenset("less least fewer fewest lower lowest smaller smallest".split())


def direction(terms: frozenset[str], up: frozenset[str] = RISE_TERMS, down: frozenset[str] = FALL_TERMS) -> int:
    """Which way the terms go: +1 when they hold an `up` word and no `down` word, -1 the other
    way round, 0 when neither or both (by default: a quantity rising or falling)."""
    return int(not up.isdisjoint(terms)) - int(not down.isdisjoint(terms))
