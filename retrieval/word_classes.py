"""Whether a question word names a thing, or says how the asker put it.

`not_nouns.tsv` (made by bench/make_word_classes.py from WordNet 3.0) lists the stems of words
mostly used as verbs, adjectives or adverbs ("slap", "think", "upset"). A word the articles never
use is a sign the question is about something they do not cover when it names a thing ("japan",
"price"); a verb or adjective they never use is most often just another wording.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

NOT_NOUNS_FILE = Path(__file__).with_name("not_nouns.tsv")


@lru_cache(maxsize=1)
def _not_nouns() -> frozenset[str]:
    lines = NOT_NOUNS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def names_a_thing(term: str) -> bool:
    """Whether a stemmed word is mostly a noun; words WordNet lacks (names) count as nouns."""
    return term not in _not_nouns()
