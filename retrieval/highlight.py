"""Highlight spans: the words of a quote that match the question's content words."""
from __future__ import annotations

import re
from functools import lru_cache

from .text import STOPWORDS, normal_form, signs_spelled, stem, word_form

# A percent sign is a word of its own, as matching reads it (text.signs_spelled).
_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*|%")


@lru_cache(maxsize=100_000)
def _content_stem(raw: str) -> str | None:
    """The stem a raw word of a quote contributes to matching, or None for a stopword."""
    word = word_form(signs_spelled(normal_form(raw)).strip())
    return stem(word) if word and word not in STOPWORDS else None


@lru_cache(maxsize=20_000)
def _words(quote: str) -> tuple[tuple[int, int, str | None], ...]:
    """(start, end, stem) of each word of a quote; an abbreviation keeps its final dot ("U.S.")."""
    out = []
    for match in _WORD.finditer(quote):
        end = match.end()
        if "." in match.group() and quote[end : end + 1] == ".":
            end += 1
        out.append((match.start(), end, _content_stem(match.group())))
    return tuple(out)


def highlight_spans(quote: str, question_terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """[start, end) character spans of `quote` whose stemmed word is a question term."""
    wanted = set(question_terms)
    spans: list[tuple[int, int]] = []
    for start, end, word in _words(quote):
        if word in wanted:
            if spans and quote[spans[-1][1] : start].strip() == "":
                spans[-1] = (spans[-1][0], end)  # adjacent words make one span
            else:
                spans.append((start, end))
    return spans
