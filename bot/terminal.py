"""Rendering an AnswerSet for a terminal (rich markup) and as the `--json` record."""
from __future__ import annotations

import json

from rich.markup import escape
from rich.text import Text

from retrieval.answer import Answer, AnswerSet

from .wording import refusal, sureness


def answer_json(result: AnswerSet) -> str:
    """One line of JSON: question, abstained, and the ranked answers with every field."""
    return json.dumps(result.model_dump(mode="json"), ensure_ascii=False)


def quote_text(answer: Answer, *, highlight: bool = True) -> Text:
    """The quote, with the words that match the question in bold yellow."""
    text = Text(answer.quote)
    if highlight:
        for start, end in answer.highlights:
            text.stylize("bold yellow", start, end)
    return text


def render(
    result: AnswerSet, threshold: float, *, show_closest: bool = False, all_answers: bool = False,
) -> list[Text | str]:
    """Lines to print for one message: the answer, its sources and how sure it is (against the
    abstention `threshold`), or the refusal; for a message asking several questions, each
    question and its answer."""
    if result.more:
        lines: list[Text | str] = []
        for k, part in enumerate(result.each()):
            lines.extend([""] * bool(k) + [Text(part.question, style="bold cyan")])
            lines.extend(render(part, threshold, show_closest=show_closest, all_answers=all_answers))
        return lines
    lines = []
    if result.read_as:
        lines.append(f"[dim]read as: {escape(result.read_as)}[/dim]")
    if result.abstained:
        lines.append(f"[bold]{refusal(result, escape)}[/bold]")
        if show_closest and result.answers:
            lines.append("[dim]closest, not an answer:[/dim]")
            lines.extend(_answer_lines(result.answers[0], dim=True))
        return lines
    shown = result.answers if all_answers else result.answers[:1]
    for rank, answer in enumerate(shown):
        if rank:
            lines.append("")
        # The hint speaks of the answer shown first; the ones after it are only its runners-up.
        lines.extend(_answer_lines(answer, hint="" if rank else f", {sureness(result, threshold)}"))
    return lines


def _answer_lines(answer: Answer, dim: bool = False, hint: str = "") -> list[Text | str]:
    out: list[Text | str] = []
    for q in answer.context_before:
        out.append(f"[dim]  {escape(q.quote)}[/dim]")
    body = Text("> ", style="dim" if dim else "bold")
    body.append_text(quote_text(answer, highlight=not dim))
    out.append(body)
    for q in answer.context_after:
        out.append(f"[dim]  {escape(q.quote)}[/dim]")
    out.append(f"  — {escape(answer.source)}, line {answer.line}   [dim](score {answer.score:.2f}{hint})[/dim]")
    if answer.also:
        also = ", ".join(f"{escape(q.source)}:{q.line}" for q in answer.also)
        out.append(f"  [dim]also:[/dim] {also}")
    return out
