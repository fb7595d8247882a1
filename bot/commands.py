"""What each CLI command does, once its arguments are parsed."""
from __future__ import annotations

import argparse
import sys
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from pydantic import ValidationError

from index.errors import ConfigError, UserError
from retrieval.errors import QuestionError
from retrieval.question import clean_question

from .config import Settings, load_settings
from .terminal import answer_json, render

CHAT_EXIT_WORDS = {"exit", "quit", ":q"}


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    handler = {
        "index": cmd_index, "ask": cmd_ask, "chat": cmd_chat, "eval": cmd_eval, "discord": cmd_discord,
    }[args.command]
    return handler(args, settings)


def settings_from(args: argparse.Namespace) -> Settings:
    """The configured settings with this command's flags laid over them."""
    settings = load_settings(args.config)
    overrides = {
        ("index", "corpus"): getattr(args, "corpus", None),
        ("index", "index_dir"): getattr(args, "index_dir", None),
        ("retrieval", "top_k"): getattr(args, "top_k", None),
        ("retrieval", "mode"): getattr(args, "mode", None),
        ("retrieval", "context"): getattr(args, "context", None),
        ("retrieval", "threshold"): getattr(args, "threshold", None),
    }
    data = settings.model_dump()
    for (section, key), value in overrides.items():
        if value is not None:
            data[section][key] = value
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise ConfigError(f"bad option --{str(error['loc'][-1]).replace('_', '-')}: {error['msg']}") from None


def open_searcher(settings: Settings, *, rebuild: bool = False, quiet: bool = False):
    """Load (building or updating as needed) the index, and a Searcher over it."""
    from retrieval.searcher import Searcher

    index, report = build_with_progress(settings, rebuild=rebuild, quiet=quiet)
    return Searcher(index, settings.retrieval), report


def build_with_progress(settings: Settings, *, rebuild: bool = False, quiet: bool = False, load: bool = True):
    """Update the index with a progress bar; the loaded index (or only its manifest) and report."""
    from index.build import open_index, update_index

    err = Console(stderr=True)
    with Progress(
        TextColumn("embedding sentences"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err, transient=True, disable=quiet,
    ) as progress:
        task = progress.add_task("embed", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        build = open_index if load else update_index
        index, report = build(settings.index, rebuild=rebuild, progress=advance)
    for note in report.notes:
        err.print(f"quotebot: {note}", highlight=False)
    return index, report


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    from index.build import say_warnings

    m, report = build_with_progress(settings, rebuild=args.rebuild, load=False)
    if report.action == "reused":  # a build says them itself; asked about the index, say them again
        say_warnings(report.warnings)
    print(
        f"{report.action} index of {settings.index.corpus}: {len(m.files)} articles, "
        f"{m.sentence_count} sentences ({report.embedded} embedded; +{len(report.added)} "
        f"~{len(report.changed)} -{len(report.removed)} files; {len(report.skipped)} skipped) "
        f"model {m.model}, {m.store} index"
    )
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    if args.question is not None:
        clean_question(args.question, settings.retrieval.max_question_chars)  # fail before loading
        searcher, _ = open_searcher(settings, quiet=True)
        result = searcher.ask(args.question)
        _print_result(result, args, searcher.threshold())
        return 0
    if sys.stdin is not None and not sys.stdin.isatty():
        return ask_stream(settings, sys.stdin, sys.stdout, as_json=args.json)
    return cmd_chat(args, settings)


def ask_stream(settings: Settings, lines: TextIO, out: TextIO, *, as_json: bool) -> int:
    """One question per input line → one answer per output line; model and index loaded once."""
    questions = [line.rstrip("\n") for line in lines]
    questions = [q for q in questions if q.strip()]
    if not questions:
        raise QuestionError('no question: give one (quotebot ask "who led China\'s delegation?") or pipe one a line')
    searcher, _ = open_searcher(settings, quiet=True)
    batch = 64
    for i in range(0, len(questions), batch):
        valid, results = [], {}
        chunk = questions[i : i + batch]
        for k, q in enumerate(chunk):
            try:
                clean_question(q, settings.retrieval.max_question_chars)
                valid.append(k)
            except QuestionError as exc:
                results[k] = exc
        for k, result in zip(valid, searcher.ask_many([chunk[k] for k in valid])):
            results[k] = result
        for k, q in enumerate(chunk):
            result = results[k]
            if isinstance(result, UserError):
                out.write(_error_line(q, result, as_json) + "\n")
            elif as_json:
                out.write(answer_json(result) + "\n")
            else:
                out.write(_one_line(result) + "\n")
        out.flush()
    return 0


def _error_line(question: str, exc: Exception, as_json: bool) -> str:
    import json

    if as_json:
        return json.dumps({"question": question, "abstained": True, "answers": [], "error": str(exc)}, ensure_ascii=False)
    return f"error: {exc}"


def _one_line(result) -> str:
    """quote<TAB>file:line<TAB>score, or the refusal; for a message asking several questions,
    each question's, joined by " | "."""
    from .wording import refusal

    if result.more:
        return " | ".join(_one_line(part) for part in result.each())
    best = result.best
    if best is None:
        return refusal(result)
    return f"{best.quote}\t{best.source}:{best.line}\t{best.score:.2f}"


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    console = Console()
    console.print("[dim]loading…[/dim]")
    searcher, _ = open_searcher(settings)
    try:
        import readline  # noqa: F401  (arrow keys edit the line and recall earlier questions)
    except ImportError:  # not on every platform
        pass
    console.print(
        "Ask about the articles; follow up with \"what did she say?\" or \"and the US?\". "
        "[dim](Ctrl-D or 'exit' to leave)[/dim]"
    )
    previous = None
    while True:
        try:
            question = console.input("[bold cyan]? [/bold cyan]")
        except EOFError:
            console.print()
            return 0
        if question.strip().lower() in CHAT_EXIT_WORDS:
            return 0
        if not question.strip():  # Enter alone: ask again, no scolding
            continue
        try:
            result = searcher.ask(question, previous)
        except QuestionError as exc:
            console.print(f"[dim]{exc}[/dim]")
            continue
        previous = result.each()[-1]  # gives a follow-up ("what did she say?") its person
        for line in render(result, searcher.threshold(), show_closest=args.show_closest):
            console.print(line, highlight=False)


def _print_result(result, args, threshold: float) -> None:
    if args.json:
        print(answer_json(result))
        return
    console = Console()
    for line in render(result, threshold, show_closest=args.show_closest, all_answers=args.all):
        console.print(line, highlight=False)


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from .eval_command import run_eval

    return run_eval(args, settings)


def cmd_discord(args: argparse.Namespace, settings: Settings) -> int:
    from .discord_app import run_discord

    return run_discord(args, settings)
