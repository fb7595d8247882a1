"""Raw article text → sentence spans with exact offsets into that text.

News text arrives hard-wrapped (a link on its own line, a comma starting the next one), with
headings that carry no period and with site boilerplate. Lines are first joined into units
(paragraph pieces that belong together), boilerplate units are dropped, and the remaining
units are split into sentences by pysbd. Every span keeps offsets into the original text, so a
quote is always the original slice with whitespace runs collapsed.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

# Whitespace that is collapsed in quotes; no-break spaces are content and stay.
_COLLAPSIBLE = re.compile(r"[ \t\r\n\f\v\ufeff]+")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_CONTINUES_PREVIOUS = re.compile(r"^[,.;:!?)\]%…]|^[a-z]")
_INLINE_FRAGMENT_FOLLOWER = re.compile(r"^[,.;:)]")
_DANGLING_END = re.compile(r"[,;:(\-–—&/]$")
_FUNCTION_WORDS = frozenset(
    """a an the of to by for with and or but nor in on at from as that which who whose whom
    is are was were be been being has have had his her their its our your my than into onto
    over under about between including include such via per if while whereas because""".split()
)
_LETTER_OR_DIGIT = re.compile(r"\w")
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")

# Families of site furniture, matched on a whole unit (case-insensitive).
_BOILERPLATE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^comments?\b.{0,20}$",  # "Comments", "Comments (0)"
        r"\b(leave|post|add|write) (the first|a|your) (comment|reply)\b",
        r"\bcomments? powered by\b",
        r"^what (is|are) your (opinion|thoughts?|views?)\b",
        r"^(tags?|share( this)?|advertisement|related( articles| stories)?|read more|"
        r"sign up|subscribe|follow us)\b.{0,40}$",
        r"^(published|posted|filed) (in|under)\b.{0,60}$",
        r"©|\(c\)\s*\d{4}|\ball rights reserved\b|\bdistributed by\b",
        r"^\*(?![*\s])",  # footnote and disclaimer lines ("*This is not…"; not "**bold**", "* item")
    )
]
# Units shorter than this many words without sentence punctuation are headings or site names.
MIN_HEADING_WORDS = 3
# Units longer than this are given to pysbd in chunks of half to all as many characters.
PYSBD_CHUNK_CHARS = 20_000
_SURE_END = re.compile(r"(?<=[a-z]{3}[.!?]) (?=[A-Z])")
# Past this length a "sentence" (a list, a table, a run-on) is cut into windows of whole words.
MAX_SENTENCE_CHARS = 1200


@dataclass(frozen=True, slots=True)
class Span:
    """One sentence: [start, end) into the document text, and the 1-based line of start."""

    start: int
    end: int
    line: int


@dataclass(slots=True)
class _Line:
    begin: int  # offset of the raw line, before its indentation
    start: int
    end: int
    number: int
    text: str


def collapse_whitespace(text: str) -> str:
    """The quote form of a slice: whitespace runs become one space, ends trimmed."""
    return _COLLAPSIBLE.sub(" ", text).strip(" ")


def split_sentences(text: str) -> list[Span]:
    """Every answerable sentence of a document, in reading order."""
    lines = _lines(text)
    line_begins = [line.begin for line in lines]
    spans: list[Span] = []
    for unit in _units(lines):
        start, end = unit[0].start, unit[-1].end
        unit_text = collapse_whitespace(text[start:end])
        if _is_boilerplate(unit_text):
            continue
        for s, e in _sentence_offsets(text, start, end):
            if _is_sentence(collapse_whitespace(text[s:e])):
                spans.append(Span(s, e, _line_of(lines, line_begins, s)))
    return spans


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        body = raw.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        stripped = body.strip(" \t\ufeff")
        lead = len(body) - len(body.lstrip(" \t\ufeff"))
        out.append(_Line(pos, pos + lead, pos + lead + len(stripped), number, stripped))
        pos += len(raw)
    return out


def _units(lines: list[_Line]) -> list[list[_Line]]:
    """Group lines into units; a blank line (or one of only no-break spaces) always separates."""
    units: list[list[_Line]] = []
    paragraph: list[_Line] = []
    for line in lines + [_Line(0, 0, 0, 0, "")]:
        if line.text.strip():
            paragraph.append(line)
            continue
        units.extend(_join_paragraph(paragraph))
        paragraph = []
    return units


def _join_paragraph(paragraph: list[_Line]) -> list[list[_Line]]:
    units: list[list[_Line]] = []
    for i, line in enumerate(paragraph):
        if units and _joins(units[-1][-1], line, paragraph[i + 1] if i + 1 < len(paragraph) else None):
            units[-1].append(line)
        else:
            units.append([line])
    return units


def _joins(previous: _Line, line: _Line, following: _Line | None) -> bool:
    """Whether `line` continues the sentence that `previous` left open."""
    if _CONTINUES_PREVIOUS.search(line.text):
        return True
    if _TERMINAL.search(previous.text):
        return False
    if _DANGLING_END.search(previous.text):
        return True
    words = _WORD.findall(previous.text)
    if words and words[-1].lower() in _FUNCTION_WORDS:
        return True
    # A line followed by one that opens with a comma is an inline fragment (a link, a name)
    # cut out of the sentence that `previous` started.
    return following is not None and bool(_INLINE_FRAGMENT_FOLLOWER.search(following.text))


def _is_boilerplate(unit_text: str) -> bool:
    if not _LETTER_OR_DIGIT.search(unit_text):
        return True
    if any(p.search(unit_text) for p in _BOILERPLATE):
        return True
    return len(_WORD.findall(unit_text)) < MIN_HEADING_WORDS and not _TERMINAL.search(unit_text)


def _is_sentence(sentence: str) -> bool:
    return len(_WORD.findall(sentence)) >= 2 or (
        bool(_WORD.findall(sentence)) and bool(_TERMINAL.search(sentence))
    )


# pysbd builds a regex per abbreviation at run time (~3,600 distinct patterns on SQuAD), more
# than the `re` module's compile cache keeps (512), so every document recompiled most of them:
# 60% of segmentation time. A larger cache makes segmentation ~1.4x faster.
_REGEX_CACHE_SIZE = 8192


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    if getattr(re, "_MAXCACHE", _REGEX_CACHE_SIZE) < _REGEX_CACHE_SIZE:
        re._MAXCACHE = _REGEX_CACHE_SIZE
    return pysbd.Segmenter(language="en", clean=False, char_span=False)


@lru_cache(maxsize=4096)
def sentences_of(text: str) -> tuple[str, ...]:
    """The sentences of a short text such as a question, as pysbd splits them ("Quick one. Who led
    the U.S. side?" is two, "the U.S. side" stays whole). Cached: a question is split both to
    find its questions and to find the sentences around them."""
    return tuple(piece.strip() for piece in _segmenter().segment(text) if piece.strip())


def _sentence_offsets(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence boundaries inside text[start:end], found by pysbd on the collapsed form."""
    collapsed, origin = _collapse_with_origin(text, start, end)
    offsets: list[tuple[int, int]] = []
    for lo, hi in _pysbd_chunks(collapsed):
        cursor = lo
        for piece in _segmenter().segment(collapsed[lo:hi]):
            piece = piece.strip(" ")
            if not piece:
                continue
            at = collapsed.find(piece, cursor, hi)
            if at < 0:  # pysbd altered the text; fall back to the rest of the chunk as one sentence
                at = cursor
                piece = collapsed[cursor:hi].strip(" ")
            for s, e in _windows(collapsed, at, at + len(piece)):
                offsets.append((origin[s], origin[e - 1] + 1))
            cursor = at + len(piece)
            if cursor >= hi:
                break
    return offsets


def _pysbd_chunks(collapsed: str) -> Iterator[tuple[int, int]]:
    """[lo, hi) pieces of a unit to give pysbd one at a time: pysbd rescans the whole text for
    each sentence, so one unbroken 500 KB paragraph took hours (8,000 sentences: 54 s), and past
    a few hundred sentences it loses track and joins them. Pieces end where a sentence surely
    does — a full stop, "!" or "?" after a lower-case word of 3+ letters, then a capital — or,
    in text without one, at the last full stop or question mark, else a space."""
    start = 0
    while len(collapsed) - start > PYSBD_CHUNK_CHARS:
        limit = start + PYSBD_CHUNK_CHARS
        boundary = _SURE_END.search(collapsed, start + PYSBD_CHUNK_CHARS // 2, limit + 1)
        if boundary is not None:
            cut, start_next = boundary.start(), boundary.end()
        else:  # no sure end (lower-case chat, a list): the last full stop, else space, else anywhere
            stop = max(collapsed.rfind(". ", start + 1, limit), collapsed.rfind("? ", start + 1, limit))
            space = stop + 1 if stop > start else collapsed.rfind(" ", start + 1, limit)
            cut, start_next = (space, space + 1) if space > start else (limit, limit)
        yield start, cut
        start = start_next
    if start < len(collapsed):
        yield start, len(collapsed)


def _collapse_with_origin(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """Collapse whitespace in text[start:end], remembering each kept character's offset."""
    chars: list[str] = []
    origin: list[int] = []
    pos = start
    for match in _COLLAPSIBLE.finditer(text, start, end):
        chars.append(text[pos : match.start()])
        origin.extend(range(pos, match.start()))
        chars.append(" ")
        origin.append(match.start())
        pos = match.end()
    chars.append(text[pos:end])
    origin.extend(range(pos, end))
    return "".join(chars), origin


def _windows(collapsed: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an over-long sentence into word-aligned windows of at most MAX_SENTENCE_CHARS."""
    out = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = collapsed.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        out.append((start, cut))
        start = cut + 1 if collapsed[cut : cut + 1] == " " else cut
    if end > start:
        out.append((start, end))
    return out


def _line_of(lines: list[_Line], begins: list[int], offset: int) -> int:
    """1-based number of the line holding `offset`, given where each line begins."""
    return lines[max(0, bisect_right(begins, offset) - 1)].number
