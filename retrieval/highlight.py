"""Highlight spans: the words of a quote that match the question's content words."""
from __future__ import annotations

import re
from functools import lru_cache

from .text import STOPWORDS, normal_form, stem

_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*")


@lru_cache(maxsize=100_000)
def _content_stem(raw: str) -> str | None:
    """The stem a raw word of a quote contributes to matching, or None for a stopword."""
    word = normal_form(raw).replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace(".", "").replace("'", "")
    return stem(word) if word and word not in STOPWORDS else None


def highlight_spans(quote: str, question_terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """[start, end) character spans of `quote` whose stemmed word is a question term."""
    wanted = set(question_terms)
    spans: list[tuple[int, int]] = []
    for match in _WORD.finditer(quote):
        if _content_stem(match.group()) in wanted:
            end = match.end()
            if "." in match.group() and quote[end : end + 1] == ".":
                end += 1  # an abbreviation keeps its final dot: "U.S."
            if spans and quote[spans[-1][1] : match.start()].strip() == "":
                spans[-1] = (spans[-1][0], end)  # adjacent words make one span
            else:
                spans.append((match.start(), end))
    return spans
