"""The vector store at 100k and 1M sentences: recall of the approximate index, latency, RAM, disk.

    python bench/scale.py [--sizes 100000 1000000] [--queries 200]

Vectors come from real text: SQuAD sentences embedded once with MiniLM, then varied into as
many distinct vectors as needed: each is a random convex combination of three real sentence
vectors (Dirichlet weights) plus a little noise, normalised. That keeps them in the region real
sentence embeddings occupy without embedding a million sentences (about 1.5 hours here).
Mixing only two vectors with one dominant made clusters of hundreds of near-identical vectors,
far denser than real text, on which any top-10 is a coin toss. Queries are real SQuAD questions.
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
    from index.settings import IndexSettings

    texts = []
    for path in sorted((SQUAD1 / "articles").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        texts += [collapse_whitespace(raw[s.start : s.end]) for s in split_sentences(raw)]
        if len(texts) >= n_sentences:
            break
    questions = [json.loads(l)["question"] for l in (SQUAD1 / "gold.jsonl").read_text().splitlines()[:n_questions]]
    model = get_embedder(IndexSettings().model)
    return model.encode(texts[:n_sentences]), model.encode(questions, kind="query"), model


def varied(base: np.ndarray, n: int, rng) -> np.ndarray:
    out = np.empty((n, base.shape[1]), dtype=np.float32)
    for start in range(0, n, 100_000):
        m = min(100_000, n - start)
        picks = rng.integers(0, len(base), (m, 3))
        w = rng.dirichlet(np.ones(3), m).astype(np.float32)
        v = np.einsum("mk,mkd->md", w, base[picks]) + rng.normal(0, 0.01, (m, base.shape[1])).astype(np.float32)
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
    parser.add_argument("--base", type=int, default=10000, help="real sentences embedded")
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
        # quotebot adds an article as a new small segment beside the big one (index/segments.py):
        # embed-independent cost = a flat store of its vectors, written to disk.
        extra = varied(base, 40, rng)

        def add_segment():
            segment = FaissStore(base.shape[1], FLAT)
            segment.add(np.arange(n, n + 40, dtype=np.int64), extra)
            with tempfile.TemporaryDirectory() as tmp:
                segment.save(Path(tmp) / "segment.faiss")

        add_s, _ = timed(add_segment)
        print(f"## {n:,} vectors ({store.kind})")
        row("  recall@10 vs exact", recall, target="(target ≥ 0.98)")
        row("  search p50, ms (one question, warm)", percentile(latencies, 50) * 1000, target="(target ≤ 50 ms at 1M)")
        row("  search p95, ms", percentile(latencies, 95) * 1000)
        row("  question encode p50, ms", percentile(encode, 50) * 1000)
        row("  index RAM, MB", ram, target="(target ≤ 1024 MB at 1M)")
        row("  build, s", build_s)
        row("  on disk, MB", disk)
        row("  add one 40-sentence article (new segment), ms", add_s * 1000)
        del store


if __name__ == "__main__":
    main()
