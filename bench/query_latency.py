"""Warm single-question latency against its limit: the bare encode of that question.

    python bench/query_latency.py [--corpus DIR] [--questions N] [--mode rerank]

Loads the index and models once, then asks each question alone, timing ask() and the bare
question encode alternately so both see the same machine noise.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from common import REPO, SHARED, add_index_options, machine, open_benchmark_index, percentile, row, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_index_options(parser, REPO / "seeds", REPO / ".quotebot")
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev.jsonl")
    parser.add_argument("--questions", type=int, default=60)
    parser.add_argument("--mode", default="rerank")
    args = parser.parse_args()

    index, searcher = open_benchmark_index(args, mode=args.mode)
    questions = [json.loads(l)["question"] for l in args.gold.read_text().splitlines() if l.strip()][: args.questions]
    encoders = [index.embedder] + ([index.second_embedder] if index.second_embedder and args.mode == "rerank" else [])
    for q in questions[:5]:  # warm-up
        searcher.ask(q)
    asks, bares = [], []
    for q in questions:
        bares.append(sum(timed(e.encode, [q], kind="query")[0] for e in encoders))
        asks.append(timed(searcher.ask, q)[0])
    print(f"# warm ask: {len(index.table)} sentences, mode {args.mode}, encoders {[e.name for e in encoders]}, {machine()}")
    for label, q in (("p50", 50), ("p95", 95)):
        row(f"ask {label}, ms", percentile(asks, q) * 1000, percentile(bares, q) * 1000, unit="", target="(target p50 ≤ 1.3)" if q == 50 else "")


if __name__ == "__main__":
    main()
