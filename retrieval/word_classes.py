"""Whether a question word names a thing, or says how the asker put it.

`not_nouns.tsv` (made by bench/make_word_classes.py from WordNet 3.0) lists the stems of words
mostly used as verbs, adjectives or adverbs ("slap", "think", "upset"). A word the articles never
use is a sign the question is about something they do not cover when it names a thing ("japan",
"price"); a verb or adjective they never use is most often just another wording.
`not_noun_words.tsv` lists the words so used whose stem is mostly a noun's ("responsible" and
"expensive" share their stems with "response" and "expense"), and the comparatives and
superlatives of adjectives ("hardest", "cheaper"), which WordNet does not list.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

NOT_NOUNS_FILE = Path(__file__).with_name("not_nouns.tsv")
NOT_NOUN_WORDS_FILE = Path(__file__).with_name("not_noun_words.tsv")


@lru_cache(maxsize=2)
def _lines(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def names_a_thing(term: str) -> bool:
    """Whether a stemmed word is mostly a noun; words WordNet lacks (names) count as nouns."""
    return term not in _lines(NOT_NOUNS_FILE)


def is_written_as_no_thing(word: str) -> bool:
    """Whether a lower-case word, as written, is mostly a verb, adjective or adverb though its
    stem is mostly a noun's ("responsible", "expensive", "dangerous"), or compares as an
    adjective does ("hardest")."""
    return word in _lines(NOT_NOUN_WORDS_FILE)
