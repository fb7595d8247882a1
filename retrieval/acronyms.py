"""Acronyms of the names the articles spell out: "who heads the NEC" is read as "who heads the
National Economic Council", "the USTR" as "the US Trade Representative".

An acronym is the initials of a run of capitalised words in the articles (a dotted or upper-case
abbreviation gives all its letters: "U.S. Trade Representative" is USTR), with or without the
little words inside the name ("Bank of England": BE, BoE). Only runs of two words or more that
give three letters or more count: two letters spell too many things. A question word is read as
the name when the articles never use the word itself and it is typed in capitals ("ECB"), or is
no English word and the articles write the name more than once ("nec"; not "cat" for a "Central
Asia Trade" forum, nor "kgs" for the "Komm Gott Sch…" of one German quotation).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

# Little words a name may hold inside ("Bank *of* England", "Secretary *of* Commerce"); not "and",
# which mostly joins two names ("Bessent and Trade Representative Greer").
_INNER = frozenset(("of", "for", "on", "de", "&"))
_TOKEN = re.compile(r"[A-Za-z][A-Za-z.'’-]*|&")
MIN_LETTERS = 3
MAX_LETTERS = 6
# A name's longest run of words looked at: longer runs are lists of names, not one name.
MAX_WORDS = 6


def _initials(word: str) -> str:
    """The letters a word gives an acronym: all of a short abbreviation's ("U.S.", "UK", "II"),
    else the first."""
    letters = word.replace(".", "")
    return letters.upper() if letters.isupper() else word[0].upper()


def _in_name(word: str) -> bool:
    """Whether a capitalised word can be part of a name spelt as an acronym: a word written
    with a capital ("Trade") or a short abbreviation ("U.S.", "UK", "II"); not an acronym of
    its own ("MVP", "PSPACE"), whose letters would make a new one by chance."""
    letters = word.replace(".", "")
    return len(letters) >= 2 and (letters[1:].islower() or (letters.isupper() and (len(letters) <= 2 or "." in word)))


def _runs(text: str) -> list[list[str]]:
    """Runs of capitalised words, little words inside them kept."""
    runs, run = [], []
    for token in _TOKEN.findall(text):
        word = token.rstrip("'’").removesuffix("'s").removesuffix("’s")
        # A full stop, not an abbreviation's ("…with China. China is…"), ends the run after the word.
        full_stop = word.endswith(".") and word.count(".") == 1 and not word[:-1].isupper()
        word = word[:-1] if full_stop else word
        if token[0].isupper() and _in_name(word):
            run.append(word)
            if full_stop:
                runs.append(run)
                run = []
        elif token.lower() in _INNER and run:
            run.append(token)
        else:
            runs.append(run)
            run = []
    runs.append(run)
    return [r for r in runs if r]


def acronyms(texts: Iterable[str]) -> dict[str, tuple[str, int]]:
    """Lower-case acronym → the name it stands for (the one the articles write most often) and
    how often they write it."""
    found: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        for run in _runs(text):
            for start in range(len(run)):
                if run[start].lower() in _INNER:
                    continue
                for end in range(start + 2, min(start + MAX_WORDS, len(run)) + 1):
                    words = run[start:end]
                    if words[-1].lower() in _INNER:
                        continue
                    name = " ".join(words)
                    capitals = "".join(_initials(w) for w in words if w.lower() not in _INNER)
                    with_inner = "".join(w[0] if w.lower() in _INNER else _initials(w) for w in words)
                    for letters in {capitals, with_inner}:
                        if MIN_LETTERS <= len(letters) <= MAX_LETTERS:
                            found[letters.lower()][name] += 1
    return {letters: _commonest(names) for letters, names in found.items()}


def _commonest(names: Counter) -> tuple[str, int]:
    """The name written most often and how often, its spellings with and without dots counted as
    one ("U.S. Trade Representative", "US Trade Representative")."""
    times: Counter = Counter()
    for name, n in names.items():
        times[name.replace(".", "")] += n
    undotted, n = times.most_common(1)[0]
    return max((name for name in names if name.replace(".", "") == undotted), key=names.__getitem__), n


# A word that may be an acronym, and its possessive ("the USTR's office"); not a part of a
# contraction ("isn't").
_WORD = re.compile(rf"(?<![\w'’-])([A-Za-z]{{{MIN_LETTERS},{MAX_LETTERS}}})(['’]s)?(?![\w'’-])")


def spelled_out(
    question: str, names: Callable[[], dict[str, tuple[str, int]]], in_articles: Callable[[str], bool],
    is_english: Callable[[str], bool],
) -> str:
    """The question with each acronym of `names()` (from `acronyms`) replaced by the name, where
    the articles never use the word (`in_articles`, lower case) and it is typed in capitals, or is
    no English word and the articles write the name more than once. `names` is called only for a
    word that may be an acronym: most questions hold none, and reading a big corpus's names takes
    seconds."""
    # In a question typed in capitals throughout, capitals say nothing (a word or two alone may be
    # the acronym itself).
    typed_words = question.split()
    shouted = len(typed_words) > 2 and 2 * sum(w.isupper() for w in typed_words) > len(typed_words)

    def replace(match: re.Match) -> str:
        typed = match.group(1)
        word = typed.lower()
        capitals = typed.isupper() and not shouted
        if in_articles(word) or not (capitals or not is_english(word)):
            return match.group()
        name, times = names().get(word, (None, 0))
        if name is None or not (capitals or times > 1):
            return match.group()
        return name + (match.group(2) or "")

    return _WORD.sub(replace, question)
