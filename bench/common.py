"""Helpers shared by the benchmarks: repo on sys.path, timing, percentiles, memory."""
from __future__ import annotations

import os
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SQUAD1 = SHARED / "data" / "squad-v1.1-dev"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - start, value


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def median(values: list[float]) -> float:
    return statistics.median(values)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    return f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {os.uname().machine}"


def row(name: str, value: float, limit: float | None = None, unit: str = "", target: str = "") -> None:
    ratio = f"  ratio {value / limit:.2f}" if limit else ""
    lim = f"  limit {limit:.4g}{unit}" if limit is not None else ""
    print(f"{name:<38} {value:.4g}{unit}{lim}{ratio}  {target}".rstrip(), flush=True)


def add_index_options(parser, corpus: Path, index_dir: Path) -> None:
    """--corpus, --index-dir, --model and --second-model, as every index benchmark takes them."""
    parser.add_argument("--corpus", type=Path, default=corpus)
    parser.add_argument("--index-dir", type=Path, default=index_dir)
    parser.add_argument("--model", default=None, help="embedding model (default: config)")
    parser.add_argument("--second-model", default=None, help="auto | none | a model name (default: config)")


def open_benchmark_index(args, **retrieval):
    """The configured settings with the benchmark's index options laid over them; index + searcher."""
    from bot.config import load_settings
    from index.build import open_index
    from retrieval.searcher import Searcher

    settings = load_settings()
    updates = {"corpus": args.corpus, "index_dir": args.index_dir}
    updates.update({k: v for k, v in (("model", args.model), ("second_model", args.second_model)) if v})
    index, _ = open_index(settings.index.model_copy(update=updates))
    return index, Searcher(index, settings.retrieval.model_copy(update=retrieval))
