"""Typo repair for questions: "who led chinas delegaton" is read as "who led chinas delegation".

A question word the articles do not use and English does not know — or knows only as a rare
word one slip from a corpus word ("chian") — is read as the word one slip of the fingers away
that the articles use most, else as the commonest English word one slip away ("acheve" →
"achieve", "wihch" → "which"). A slip is a letter dropped, two swapped, a key hit beside the right one or a
vowel for a vowel, a key pressed twice or beside its neighbour (`is_slip`); the first letter is
taken as typed. Words of three letters or fewer are left alone. A name the articles never use is
seldom one slip from a word, so it stays unseen and the question is still refused: taking any
one edit had read "OPEC" as "open" and "Sunak" as "sunk", and answered such questions.
A contraction typed without its apostrophe gets it back ("whats" → "what's"), and an informal
shortening is read as its word ("govt" → "government": it was refused as an unseen noun).

The repaired question is what both encoders and the text features read, so a typo no longer
costs the word its match: on the seed dev questions with one typo each, false abstentions
0.196–0.353 → 0.059–0.078 (`bench/robustness.py`).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from .text import STOPWORDS, normal_form, stem, word_form

# Shorter words are not repaired.
MIN_LETTERS = 4
# In words this short a wrong or extra key too often spells another word ("seng" → "sent",
# "ford" → "for"): only a drop, a swap or a doubled key is taken for a slip.
SHORT = 4
# In words this long one edit seldom spells another word by chance: any edit is taken for a slip.
LONG = 8
# An English word used less than about once in a million words (pyspellchecker's counts, of 1.6
# billion) is taken for a typo when the corpus has a word one slip away ("chian" → "china"): on
# seed dev questions with one typo each, false abstentions 0.078 → 0.059; SQuAD as written the same.
RARE_ENGLISH = 1000
# Contractions typed without their apostrophe, where that spells no other word ("wont", "its",
# "well" and "shell" do): the encoders learnt them with it.
_APOSTROPHES = {
    w.replace("'", ""): w for w in """what's who's how's where's when's why's that's there's don't doesn't
    didn't isn't aren't wasn't weren't can't couldn't shouldn't wouldn't hasn't haven't hadn't
    you're they're i've""".split()
}
# Informal shortenings people type, each read as its word unless the corpus uses the shortening
# itself. Ambiguous ones are not here ("sec" is also a second, "min" a minute, "co" Colorado).
_SHORTENINGS = {
    "govt": "government", "govts": "governments", "gov": "government", "prez": "president",
    "pres": "president", "rep": "representative", "reps": "representatives", "dept": "department",
    "intl": "international", "natl": "national", "econ": "economy", "admin": "administration",
    "biz": "business", "corp": "corporation", "mgmt": "management", "approx": "approximately",
    "info": "information", "pct": "percent", "bn": "billion", "mln": "million", "tn": "trillion",
    "ppl": "people", "abt": "about", "thru": "through", "cuz": "because", "msg": "message",
    "yr": "year", "yrs": "years", "hr": "hour", "hrs": "hours", "wk": "week", "wks": "weeks",
    "mth": "month", "mths": "months", "avg": "average", "ur": "your",
}
# British and American endings of one word ("labour"/"labor", "programme"/"program",
# "organise"/"organize", "centre"/"center", "defence"/"defense"), each way round: a question may
# be spelt the other way from its articles ("travelled" and "traveled" already share a stem). At
# least this many letters come before an ending, so "four" is never "for" nor "tour" "tor".
_SPELLING_PAIRS = (
    ("our", "or"), ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"), ("ourite", "orite"),
    ("mme", "m"), ("mmes", "ms"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"),
    ("isation", "ization"), ("isations", "izations"), ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"),
    ("tre", "ter"), ("tres", "ters"), ("ence", "ense"), ("ogue", "og"), ("ogues", "ogs"),
)
_STEM_LETTERS = 3


def other_spellings(word: str) -> list[str]:
    """The word with a British ending made American, or an American one British."""
    found = []
    for british, american in _SPELLING_PAIRS:
        for ending, other in ((british, american), (american, british)):
            if word.endswith(ending) and len(word) - len(ending) >= _STEM_LETTERS:
                found.append(word[: len(word) - len(ending)] + other)
    return found


# Letter runs of a question, apostrophes inside kept ("don't") and a possessive apart
# ("Lutnikc's" is repaired as "Lutnikc"): what a repair replaces.
_WORD = re.compile(r"([^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*)(['’][sS]\b)?")


@lru_cache(maxsize=1)
def _english():
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


def is_english(word: str) -> bool:
    """Whether English (pyspellchecker's dictionary) knows a lower-case word."""
    return word in _english().word_frequency


class Speller:
    """Repairs question words against the words of one corpus (and English)."""

    def __init__(self, corpus_words: Iterable[str]) -> None:
        self._counts = Counter(w for w in corpus_words if w.isalpha())
        self._stems = {stem(w) for w in self._counts}
        self._repairs: dict[str, str] = {}

    def knows(self, word: str) -> bool:
        """Whether a lower-case word needs no repair: the corpus has it (or a form of it), it is
        a stopword or English, or it is too short to guess. A rare English word one slip from a
        corpus word is likelier a typo of it ("chian", "custos", "chis": each in the dictionary)."""
        if len(word) < MIN_LETTERS or not word.isalpha() or self.in_articles(word):
            return True
        english = _english().word_frequency
        return word in english and (english[word] >= RARE_ENGLISH or self._near(word, self._counts) is None)

    def is_strange(self, word: str) -> bool:
        """Whether a lower-case word is neither the articles' (in any form) nor English nor a stopword."""
        return not self.in_articles(word) and word not in _english().word_frequency

    def in_articles(self, word: str) -> bool:
        """Whether a lower-case word is a stopword or the articles use it in some form."""
        return word in STOPWORDS or word in self._counts or stem(word) in self._stems

    def repair_word(self, word: str) -> str:
        """The word meant by a lower-case question word (the word itself when none is found)."""
        if word in _SHORTENINGS and word not in self._counts:
            return _SHORTENINGS[word]
        if not self.in_articles(word):
            # Spelt the other side of the Atlantic from the articles ("labour" over "labor").
            spelt = next((w for w in other_spellings(word) if w in self._counts), None)
            if spelt:
                return spelt
        if self.knows(word):
            return word
        repaired = self._repairs.get(word)
        if repaired is None:
            if len(self._repairs) >= 50_000:  # a long-running bot meets endless new words
                self._repairs.clear()
            repaired = self._repairs[word] = self._nearest(word) or word
        return repaired

    def repair(self, question: str) -> str:
        """The question with each misspelt word replaced, in the case it was typed in."""
        def replace(match: re.Match) -> str:
            typed, possessive = match.group(1), match.group(2) or ""
            if typed.lower() in _APOSTROPHES:
                return _in_case_of(typed, _APOSTROPHES[typed.lower()]) + possessive
            word = word_form(normal_form(typed))
            meant = self.repair_word(word)
            return match.group() if meant == word else _in_case_of(typed, meant) + possessive

        return _WORD.sub(replace, question)

    def _nearest(self, word: str) -> str | None:
        """The corpus's commonest word one edit away, else English's."""
        return self._near(word, self._counts) or self._near(word, _english().word_frequency)

    @staticmethod
    def _near(word: str, counts) -> str | None:
        """Of the words one slip of the fingers away with the same first letter, the one
        `counts` counts most; two letters swapped first, as that rarely makes another word by
        chance ("duek" is "duke", not the commoner "due")."""
        letters = sorted(word)
        known = [
            c for c in _english().edit_distance_1(word) if c[0] == word[0] and c in counts and is_slip(word, c)
        ]
        return max(known, key=lambda c: (sorted(c) == letters, counts[c], c)) if known else None


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=64)
def keys_beside(key: str) -> frozenset[str]:
    """The keys around `key` on a QWERTY keyboard (none for a key not on it)."""
    for r, row in enumerate(_KEYBOARD_ROWS):
        if key in row:
            i = row.index(key)
            rows = _KEYBOARD_ROWS[max(0, r - 1) : r + 2]
            return frozenset(k for other in rows for k in other[max(0, i - 1) : i + 2]) - {key}
    return frozenset()


def _adjacent(a: str, b: str) -> bool:
    return a == b or b in keys_beside(a)


def _confusable(a: str, b: str) -> bool:
    """Keys side by side, or two vowels: spelling by ear swaps those ("seperate", "definately")."""
    return _adjacent(a, b) or (a in _VOWELS and b in _VOWELS)


def is_slip(typed: str, meant: str) -> bool:
    """Whether `typed` is `meant` with one slip of the fingers: a letter dropped, two swapped, a
    key hit beside the right one (or a vowel for another), or one pressed twice or beside its
    neighbour. An unknown name one edit from a word is seldom such a slip ("Sunak" is not "sunk"
    with an "a" slipped in, "OPEC" is not "open" with a "c" for its "n")."""
    if len(typed) >= LONG:
        return True
    if len(typed) == len(meant):
        diff = [i for i, (a, b) in enumerate(zip(typed, meant)) if a != b]
        if len(diff) == 2:  # swapped
            return True
        return len(typed) > SHORT and len(diff) == 1 and _confusable(typed[diff[0]], meant[diff[0]])
    if len(typed) + 1 == len(meant):  # a letter dropped
        return True
    if len(typed) == len(meant) + 1:  # a letter slipped in: doubled, or beside a neighbour's key
        i = next((k for k in range(len(meant)) if typed[k] != meant[k]), len(meant))
        beside = [typed[k] for k in (i - 1, i + 1) if 0 <= k < len(typed)]
        return typed[i] in beside or (len(meant) >= SHORT and any(_adjacent(typed[i], b) for b in beside))
    return False


def _in_case_of(typed: str, word: str) -> str:
    """`word` written as `typed` was: all capitals, a capital first, or lower case."""
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    if typed[0].isupper():
        return word[0].upper() + word[1:]
    return word
