"""The `quotebot` command: index, ask (one question, stdin batch, or chat), eval, discord.

User mistakes become one line on stderr and exit code 2; anything else is a bug and keeps its
traceback. Heavy imports (torch, faiss) happen only once a command needs them.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from index.errors import UserError

EXIT_USER_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotebot",
        description="Answers questions by quoting the one sentence of your articles that answers them.",
    )
    parser.add_argument("--config", type=Path, help="TOML config file (default: ./config.toml if present)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def corpus_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--corpus", type=Path, help="folder of .txt articles (default: seeds/)")
        p.add_argument("--index-dir", type=Path, help="where indexes are kept (default: .quotebot/)")

    p = sub.add_parser("index", help="build or update the index of a corpus")
    corpus_options(p)
    p.add_argument("--rebuild", action="store_true", help="rebuild from scratch")

    p = sub.add_parser("ask", help="answer a question (no question: read stdin, or chat in a terminal)")
    p.add_argument("question", nargs="?", help="the question; omit to read one per line from stdin")
    corpus_options(p)
    answer_options(p)
    p.add_argument("--json", action="store_true", help="one JSON object per question")
    p.add_argument("--show-closest", action="store_true", help="when abstaining, show the closest sentence")
    p.add_argument("--all", action="store_true", help="print every distinct answer, not just the best")

    p = sub.add_parser("chat", help="an interactive session (the same as ask in a terminal)")
    corpus_options(p)
    answer_options(p)
    p.add_argument("--show-closest", action="store_true", help="when abstaining, show the closest sentence")

    p = sub.add_parser("eval", help="score answers against a gold JSONL file")
    p.add_argument("gold", type=Path, help="gold questions, one JSON object per line")
    corpus_options(p)
    answer_options(p)
    p.add_argument("--compare", nargs="*", metavar="MODE", help="run several modes (default: all) in one table")
    p.add_argument("--json", action="store_true", help="metrics as JSON")
    p.add_argument("--runs", type=Path, help="write each question's answers (ask --json shape) to FILE")
    p.add_argument("--plot", type=Path, help="save the accuracy-vs-coverage curve to FILE.png")
    p.add_argument("--calibrate", action="store_true", help="search the abstention threshold on this gold set")
    p.add_argument("--write-config", type=Path, metavar="TOML", help="with --calibrate: store the threshold in TOML")
    p.add_argument("--failures", type=int, default=20, metavar="N", help="failures to list (default 20)")
    p.add_argument("--limit", type=int, help="only the first N gold questions")

    p = sub.add_parser("discord", help="run the Discord bot")
    corpus_options(p)
    answer_options(p)
    p.add_argument("--sync-guild", type=int, help="sync slash commands to this guild on start")
    p.add_argument("--sync-global", action="store_true", help="sync slash commands globally (slow to spread)")
    return parser


def answer_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--top-k", type=int, help="distinct answers per question")
    p.add_argument("--mode", choices=["dense", "bm25", "hybrid", "rerank"], help="ranking mode")
    p.add_argument("--context", type=int, help="neighbouring sentences to show")
    p.add_argument("--threshold", type=float, help="abstain below this score")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="quotebot: warning: %(message)s")
    from . import commands

    try:
        return commands.run(args)
    except UserError as exc:
        print(f"quotebot: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("quotebot: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
