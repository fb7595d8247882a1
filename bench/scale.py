"""The vector store at 100k and 1M sentences: recall of the approximate index, latency, RAM, disk.

    python bench/scale.py [--sizes 100000 1000000] [--queries 200]

Vectors come from real text: SQuAD sentences embedded once with MiniLM, then varied into as
many distinct vectors as needed by mixing two real sentence vectors with random weights
(a·u + b·v, normalised) plus a little noise. That keeps the neighbourhood structure of real
sentence embeddings (clusters by topic) without embedding a million sentences, which would
take about an hour here. Queries are real SQuAD questions.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import numpy as np

from common import SQUAD1, machine, percentile, row, timed


def real_vectors(n_sentences: int, n_questions: int):
    from index.embed import get_embedder
    from index.segment import collapse_whitespace, split_sentences

    texts = []
    for path in sorted((SQUAD1 / "articles").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        texts += [collapse_whitespace(raw[s.start : s.end]) for s in split_sentences(raw)]
        if len(texts) >= n_sentences:
            break
    questions = [json.loads(l)["question"] for l in (SQUAD1 / "gold.jsonl").read_text().splitlines()[:n_questions]]
    model = get_embedder("all-MiniLM-L6-v2-int8")
    return model.encode(texts[:n_sentences]), model.encode(questions, kind="query"), model


def varied(base: np.ndarray, n: int, rng) -> np.ndarray:
    out = np.empty((n, base.shape[1]), dtype=np.float32)
    for start in range(0, n, 100_000):
        m = min(100_000, n - start)
        a, b = rng.integers(0, len(base), m), rng.integers(0, len(base), m)
        w = rng.uniform(0.55, 1.0, (m, 1)).astype(np.float32)
        v = w * base[a] + (1 - w) * base[b] + rng.normal(0, 0.01, (m, base.shape[1])).astype(np.float32)
        out[start : start + m] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--base", type=int, default=5000, help="real sentences embedded")
    args = parser.parse_args()
    from index.store import FLAT, HNSW, FaissStore

    rng = np.random.default_rng(0)
    base, queries, model = real_vectors(args.base, args.queries)
    print(f"# scale: {machine()}; vectors varied from {len(base)} real SQuAD sentence vectors")
    for n in args.sizes:
        vectors = varied(base, n, rng)
        ids = np.arange(n, dtype=np.int64)
        exact = FaissStore(vectors.shape[1], FLAT)
        exact.add(ids, vectors)
        _, truth = exact.search(queries, 10)
        del exact
        before = rss_mb()
        store = FaissStore(vectors.shape[1], HNSW)
        build_s, _ = timed(store.add, ids, vectors)
        ram = rss_mb() - before
        del vectors
        _, found = store.search(queries, 10)
        recall = np.mean([len(set(t) & set(f)) / 10 for t, f in zip(truth, found)])
        latencies = []
        for q in queries:
            latencies.append(timed(store.search, q[None, :], 10)[0])
        encode = [timed(model.encode, ["who led the talks?"], kind="query")[0] for _ in range(20)]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "v.faiss"
            store.save(path)
            disk = path.stat().st_size / 2**20
        extra = rng.normal(size=(40, base.shape[1])).astype(np.float32)
        extra /= np.linalg.norm(extra, axis=1, keepdims=True)
        add_s, _ = timed(store.add, np.arange(n, n + 40, dtype=np.int64), extra)
        print(f"## {n:,} vectors ({store.kind})")
        row("  recall@10 vs exact", recall, target="(target ≥ 0.98)")
        row("  search p50, ms (one question, warm)", percentile(latencies, 50) * 1000, target="(target ≤ 50 ms at 1M)")
        row("  search p95, ms", percentile(latencies, 95) * 1000)
        row("  question encode p50, ms", percentile(encode, 50) * 1000)
        row("  index RAM, MB", ram, target="(target ≤ 1024 MB at 1M)")
        row("  build, s", build_s)
        row("  on disk, MB", disk)
        row("  add one 40-sentence article, ms", add_s * 1000)
        del store


if __name__ == "__main__":
    main()
