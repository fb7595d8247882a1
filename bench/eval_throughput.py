"""Batch eval throughput against its limit: the bare batched encode of the same questions.

    python bench/eval_throughput.py [--gold FILE --corpus DIR] [--limit N]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from common import REPO, SQUAD1, add_index_options, machine, open_benchmark_index, row, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=SQUAD1 / "gold.jsonl")
    add_index_options(parser, SQUAD1 / "articles", REPO / "bench" / "out" / "index")
    parser.add_argument("--limit", type=int, default=2000, help="questions (0: all)")
    args = parser.parse_args()
    from retrieval.evaluate import load_gold

    index, searcher = open_benchmark_index(args)
    gold = load_gold(args.gold)
    gold = gold[: args.limit] if args.limit else gold
    questions = [g.question for g in gold]
    encoders = [index.embedder] + ([index.second_embedder] if index.second_embedder else [])
    searcher.ask_many(questions[:64])  # warm-up
    bare = sum(timed(e.encode, questions, batch_size=64, kind="query")[0] for e in encoders)
    full, _ = timed(searcher.ask_many, questions)
    print(f"# eval throughput: {len(questions)} questions over {len(index.table)} sentences, {machine()}")
    row("bare batched encode, questions/s", len(questions) / bare)
    row("quotebot eval answering, questions/s", len(questions) / full, len(questions) / bare, target="(target ≥ 0.8)")


if __name__ == "__main__":
    main()
