"""`quotebot eval`: run gold questions through the searcher and print what was measured."""
from __future__ import annotations

import argparse
import json
import logging
import re
import textwrap
import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from index.errors import ConfigError
from index.table import Sentence
from retrieval.evaluate import (
    Metrics, Report, answer_sentences, calibrate, coverage_curve, cross_validated_accuracy, load_gold, report_of,
    sources_not_in,
)
from retrieval.question import clean_question
from retrieval.errors import GoldError, QuestionError

from .commands import open_searcher
from .config import Settings
from .terminal import answer_json

ALL_MODES = ["dense", "bm25", "hybrid", "rerank"]

log = logging.getLogger(__name__)


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    gold = load_gold(args.gold)
    if args.limit:
        gold = gold[: args.limit]
    if args.write_config and not args.calibrate:
        raise ConfigError("--write-config needs --calibrate")
    modes = _modes(args, settings)
    # MRR@10 needs ten distinct answers per question, whatever the user's top-k is.
    settings.retrieval.top_k = max(settings.retrieval.top_k, 10)
    searcher, _ = open_searcher(settings, quiet=args.json)
    _check_sources(gold, searcher.index.manifest.files, settings)
    askable = [g for g in gold if _askable(g.question, settings)]
    if len(askable) < len(gold):
        skipped = [g.id for g in gold if g not in askable]
        log.warning("left out %d gold questions with nothing to ask (%s)", len(skipped), _some(skipped))
    gold = askable
    err = Console(stderr=True)
    started = time.perf_counter()
    with Progress(
        TextColumn("answering"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err, transient=True, disable=args.json,
    ) as progress:
        task = progress.add_task("eval", total=len(gold))
        runs = searcher.ask_modes(
            [g.question for g in gold], modes, progress=lambda n: progress.advance(task, n)
        )
    seconds = time.perf_counter() - started
    reports = {m: report_of(gold, runs[m], searcher.threshold(m), seconds) for m in modes}
    main_mode = modes[-1] if settings.retrieval.mode not in modes else settings.retrieval.mode

    calibrated = None
    if args.calibrate:
        outcomes = reports[main_mode].outcomes
        threshold, accuracy = calibrate(outcomes)
        calibrated = {
            "mode": main_mode, "threshold": threshold, "accuracy": round(accuracy, 4),
            "cross_validated_accuracy": round(cross_validated_accuracy(outcomes), 4),
        }
        if args.write_config:
            _write_threshold(args.write_config, threshold)
    if args.runs:
        args.runs.write_text("".join(answer_json(r) + "\n" for r in runs[main_mode]), encoding="utf-8")
    if args.plot:
        _plot(reports[main_mode], args.plot, main_mode)

    if args.json:
        out = {m: r.as_dict(args.failures) for m, r in reports.items()} if len(modes) > 1 else reports[main_mode].as_dict(args.failures)
        if calibrated:
            out = {"report": out, "calibrated": calibrated}
        print(json.dumps(out, ensure_ascii=False))
        return 0
    console = Console()
    if len(modes) > 1:
        console.print(_compare_table(reports))
    console.print(_kind_table(reports[main_mode], main_mode))
    _print_failures(console, reports[main_mode], args.failures, searcher.index.table.sentences)
    if calibrated:
        where = f", written to {args.write_config}" if args.write_config else ""
        console.print(
            f"calibrated threshold for {main_mode}: {calibrated['threshold']}{where} "
            f"(accuracy {calibrated['accuracy']:.3f} on these questions; "
            f"{calibrated['cross_validated_accuracy']:.3f} on questions left out of calibrating, 10-fold)"
        )
    console.print(f"[dim]{len(gold)} questions in {seconds:.1f} s ({len(gold) / seconds:.1f} questions/s)[/dim]")
    return 0


def _modes(args: argparse.Namespace, settings: Settings) -> list[str]:
    if args.compare is None:
        return [settings.retrieval.mode]
    modes = args.compare or ALL_MODES
    unknown = [m for m in modes if m not in ALL_MODES]
    if unknown:
        raise ConfigError(f"unknown mode {unknown[0]!r}; modes: {', '.join(ALL_MODES)}")
    return modes


def _check_sources(gold: list, articles, settings: Settings) -> None:
    """A gold file meant for another corpus is an error; a few sources missing, a warning."""
    missing = sources_not_in(gold, articles)
    named = {a.source for g in gold for a in g.answers}
    if named and len(missing) == len(named):
        raise GoldError(
            f"no file named by the gold answers is an article of {settings.index.corpus} "
            f"({_some(missing)}); is --corpus right?"
        )
    if missing:
        log.warning(
            "%d of %d files named by the gold answers are not articles of %s (%s): "
            "their questions cannot be answered right",
            len(missing), len(named), settings.index.corpus, _some(missing),
        )


def _some(names: list[str], shown: int = 3) -> str:
    return ", ".join(names[:shown]) + (f", … {len(names) - shown} more" if len(names) > shown else "")


def _askable(question: str, settings: Settings) -> bool:
    try:
        clean_question(question, settings.retrieval.max_question_chars)
        return True
    except QuestionError:
        return False


# Short or two-line titles: an 80-column terminal (or a pipe) shows every title and kind whole.
_COLUMNS = [
    ("Hit@1", "hit1"), ("Hit@3", "hit3"), ("MRR@10", "mrr10"),
    ("abstain\nrecall", "abstain_recall"), ("false\nabstain", "false_abstain"), ("accuracy", "accuracy"),
]

_ANSWERABLE_ONLY = "Hit@1, Hit@3 and MRR@10 are over the answerable questions."


def _compare_table(reports: dict[str, Report]) -> Table:
    table = Table(title="modes compared", caption=_ANSWERABLE_ONLY)
    table.add_column("mode", no_wrap=True)
    for title, _ in _COLUMNS:
        table.add_column(title, justify="right")
    table.add_column("paraphrase\nHit@1", justify="right")
    for mode, report in reports.items():
        m = report.overall
        para = report.by_kind.get("paraphrase")
        table.add_row(mode, *_cells(m), _cell(para, "hit1") if para else "–")
    return table


def _kind_table(report: Report, mode: str) -> Table:
    table = Table(title=f"{mode}, threshold {report.threshold}", caption=_ANSWERABLE_ONLY)
    table.add_column("kind", no_wrap=True)
    table.add_column("n", justify="right")
    for title, _ in _COLUMNS:
        table.add_column(title, justify="right")
    rows = list(sorted(report.by_kind.items())) + [("overall", report.overall)]
    for kind, m in rows:
        table.add_row(kind, str(m.questions), *_cells(m))
    return table


def _cell(m: Metrics, key: str) -> str:
    """A metric to three places, or "–" where the group has no questions it is over."""
    return f"{getattr(m, key):.3f}" if m.measurable(key) else "–"


def _cells(m: Metrics) -> list[str]:
    return [_cell(m, key) for _, key in _COLUMNS]


def _print_failures(console: Console, report: Report, limit: int, sentences: list[Sentence]) -> None:
    """Each failure: why, what was returned, and — when the right sentence was not returned
    first — where it is, or that no sentence of the corpus holds a gold quote."""
    if not report.failures or limit <= 0:
        return
    console.print(f"[bold]failures[/bold] ({len(report.failures)}; first {min(limit, len(report.failures))}):")
    for o in report.failures[:limit]:
        top = o.result.answers[0] if o.result.answers else None
        said = f"{top.source}:{top.line} {top.quote[:100]!r} ({top.score:.3f})" if top else "nothing"
        _indented(console, f"{o.gold.id} [{o.why()}] {o.gold.question!r}", 2)
        _indented(console, f"→ {said}", 6)
        if o.gold.answerable and o.rank != 1:
            right = answer_sentences(o.gold, sentences)
            wanted = (
                f"expected {right[0].source}:{right[0].line} {right[0].text[:100]!r}" if right
                else "expected: no sentence of the corpus holds a gold quote (a typo, or split across sentences?)"
            )
            _indented(console, wanted, 6)


def _indented(console: Console, text: str, indent: int) -> None:
    """`text` wrapped to the console, every line indented (rich's own wrapping would not indent)."""
    for line in textwrap.wrap(text, width=max(console.width - indent, 20)) or [""]:
        console.print(" " * indent + line, markup=False, highlight=False, soft_wrap=True)


def _write_threshold(path: Path, threshold: float) -> None:
    """Set retrieval.threshold in a TOML file, keeping everything else in it."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    line = f"threshold = {threshold}"
    section = re.search(r"(?m)^\[retrieval\]\s*$", text)
    if section is None:
        text = text.rstrip("\n") + ("\n\n" if text else "") + f"[retrieval]\n{line}\n"
    else:
        body_end = re.search(r"(?m)^\[", text[section.end():])
        end = section.end() + (body_end.start() if body_end else len(text) - section.end())
        body = text[section.end():end]
        if re.search(r"(?m)^threshold\s*=", body):
            body = re.sub(r"(?m)^threshold\s*=.*$", line, body)
        else:
            body = "\n" + line + body
        text = text[: section.end()] + body + text[end:]
    path.write_text(text, encoding="utf-8")


def _plot(report: Report, path: Path, mode: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    thresholds, coverage, accuracy = coverage_curve(report.outcomes)
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(coverage, accuracy, marker=".")
    ax.set_xlabel("coverage (share of questions answered)")
    ax.set_ylabel("accuracy of answered questions")
    ax.set_title(f"quotebot {mode}: accuracy vs coverage")
    ax.set_ylim(0, 1.02)
    ax.grid(True, alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
