"""Rendering an AnswerSet as a Discord message: inert, escaped, and within Discord's limits.

Plain functions of plain data, so every rule (length, escaping, mentions, refusal text,
grouped sources) is tested without Discord.
"""
from __future__ import annotations

import re

from discord.utils import escape_markdown, escape_mentions

from retrieval.answer import Answer, AnswerSet

from .wording import refusal, sureness

MESSAGE_LIMIT = 2000
APOLOGY = "Sorry — something went wrong while answering. The error was logged; please try again."
ABOUT = (
    "**quotebot** answers questions about a fixed set of news articles by quoting, verbatim, the "
    "one sentence that answers — with its file and line — or says plainly that the articles "
    "don't say. It never writes an answer of its own. Ask with `/ask`, by mentioning me, or in a DM "
    "(follow up with \"what did she say?\" or \"and the US?\"); to check what someone wrote, "
    "right-click their message → Apps → **Find in articles**."
)
NOTHING_TO_FIND = "That message has no words to look for in the articles."
_MENTION_LIKE = re.compile(r"<(@[!&]?|#)(\d+)>")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s")


def inert(text: str) -> str:
    """Text shown as typed: no markdown takes effect and no mention can ping or resolve."""
    text = escape_mentions(text)
    text = _MENTION_LIKE.sub(lambda m: f"<{m.group(1)}\u200b{m.group(2)}>", text)
    return escape_markdown(text)


def highlighted_quote(answer: Answer) -> str:
    """The quote escaped, with the words matching the question in bold."""
    parts, pos = [], 0
    for start, end in answer.highlights:
        parts.append(inert(answer.quote[pos:start]))
        parts.append(f"**{inert(answer.quote[start:end])}**")
        pos = end
    parts.append(inert(answer.quote[pos:]))
    return "".join(parts)


def render_answer(result: AnswerSet, threshold: float, limit: int = MESSAGE_LIMIT) -> str:
    """The message for one question, never longer than `limit` characters; for a message asking
    several, each question (as Discord subtext) and its answer, in an equal share of the room."""
    if result.more:
        parts = result.each()
        room = (limit - len(parts) + 1) // len(parts)
        return "\n".join(_with_question(part, threshold, room) for part in parts)
    best = result.best
    # Discord's subtext: the question as searched, when typos in it were repaired.
    read_as = f"-# read as: {trim_at_boundary(inert(result.read_as), 300)}" if result.read_as else ""
    if best is None:
        return _lines(refusal(result, lambda text: trim_at_boundary(inert(text), 300)), read_as)
    source = f"— `{_code(best.source)}:{best.line}` ({sureness(result, threshold)})"
    also = "also: " + ", ".join(f"`{_code(q.source)}:{q.line}`" for q in best.also) if best.also else ""
    before = " ".join(inert(q.quote) for q in best.context_before)
    after = " ".join(inert(q.quote) for q in best.context_after)
    quote = highlighted_quote(best)
    body = " ".join(p for p in (before, quote, after) if p)
    for attempt in (body, quote):  # drop context first, then trim the quote itself
        message = _lines(f"> {attempt}", source, also, read_as)
        if len(message) <= limit:
            return message
    room = limit - len(_lines("> ", source)) - 1
    return _lines(f"> {trim_at_boundary(inert(best.quote), room)}", source)


def _with_question(part: AnswerSet, threshold: float, room: int) -> str:
    question = f"-# {trim_at_boundary(inert(part.question), 200)}"
    return _lines(question, render_answer(part, threshold, room - len(question) - 1))


def _lines(*lines: str) -> str:
    return "\n".join(line for line in lines if line)


def _code(text: str) -> str:
    return text.replace("`", "ˋ")


def trim_at_boundary(text: str, room: int) -> str:
    """`text` cut to at most `room` characters at a sentence end, else a word end, with '…'."""
    if len(text) <= room:
        return text
    window = text[: max(0, room - 1)]
    ends = [m.end() for m in _SENTENCE_END.finditer(window + " ")]
    if ends and ends[-1] > room // 2:
        return window[: ends[-1]].rstrip()
    cut = window.rfind(" ")
    cut = cut if cut > 0 else len(window)
    # Never leave a dangling escape backslash at the cut.
    return window[:cut].rstrip().rstrip("\\") + "…"


def render_cooldown(retry_after: float) -> str:
    return f"You're asking quickly — please try again in {max(1, round(retry_after))} s."


def render_sources(files: dict, limit: int = MESSAGE_LIMIT) -> str:
    """The indexed articles: name, sentence count and when each was indexed."""
    lines = [f"**{len(files)} articles indexed**"]
    for name, entry in files.items():
        lines.append(f"• `{_code(name)}` — {entry.sentences} sentences, indexed {entry.indexed_at}")
    out = ""
    for i, line in enumerate(lines):
        if len(out) + len(line) + 1 > limit - 20:
            return out + f"\n… and {len(lines) - i} more"
        out += ("\n" if out else "") + line
    return out
