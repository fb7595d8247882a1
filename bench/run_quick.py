"""`make bench`: the quick benchmarks in one go (a few minutes on 2 cores)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUICK = [
    ["build_speed.py", "--limit-files", "150", "--runs", "3"],
    ["query_latency.py"],
    ["cold_start.py", "--runs", "5"],
    ["robustness.py"],  # the seed dev set typed carelessly: seconds
    ["follow_ups.py"],  # gold questions asked as follow-ups ("what did she say?"): seconds
    # MiniLM only: the e5 second stage would first spend ~12 minutes embedding SQuAD.
    ["eval_throughput.py", "--limit", "1000", "--second-model", "none"],
    ["scale.py", "--sizes", "100000", "--queries", "100"],
    ["peer_txtai.py", "--limit-files", "400", "--questions", "100"],
]

if __name__ == "__main__":
    for script, *args in QUICK:
        print(f"\n$ python bench/{script} {' '.join(args)}", flush=True)
        subprocess.run([sys.executable, str(HERE / script), *args], check=True)
