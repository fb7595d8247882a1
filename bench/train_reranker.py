"""Fit the second-stage combiner on SQuAD with an article-level split; write its weights.

    python bench/train_reranker.py [--out retrieval/rerank_weights.json]

Articles are split by a hash of their title: even hashes train, odd ones test. The seed gold
questions are never used. SQuAD v1.1 gives answerable questions; SQuAD v2.0 adds adversarial
unanswerable ones, so the score also learns when the best candidate is not an answer.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.build import open_index  # noqa: E402
from index.settings import IndexSettings  # noqa: E402
from retrieval.answer import Quote  # noqa: E402
from retrieval.evaluate import is_correct, load_gold  # noqa: E402
from retrieval.features import FEATURE_NAMES  # noqa: E402
from retrieval.fusion import reciprocal_rank_fusion  # noqa: E402
from retrieval.rerank import WEIGHTS_FILE, LinearReranker, fit_logistic  # noqa: E402
from retrieval.searcher import Searcher  # noqa: E402
from retrieval.settings import RetrievalSettings  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def article_of(source: str) -> str:
    return source.rsplit("_p", 1)[0]


def is_train(article: str) -> bool:
    return int(hashlib.md5(article.encode()).hexdigest(), 16) % 2 == 0


def collect(folder: Path, index_dir: Path, limit: int | None):
    """Per question: article, answerable flag, feature matrix, labels."""
    settings = IndexSettings(corpus=folder / "articles", index_dir=index_dir)
    t = time.perf_counter()
    index, report = open_index(settings, progress=lambda d, n: print(f"\r  embedding {d}/{n}", end="", file=sys.stderr))
    print(f"\n  index {report.action} in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    searcher = Searcher(index, RetrievalSettings())
    gold = load_gold(folder / "gold.jsonl")[:limit]
    rows = []
    done = 0
    last_article = ""
    for g, (_, _, cands) in zip(gold, searcher.candidate_stream([g.question for g in gold])):
        table = index.table
        labels = np.array([
            is_correct(Quote(quote=table[int(i)].text, source=table[int(i)].source, line=0, start=0, end=0), g)
            for i in cands.ids
        ])
        # Unanswerable SQuAD 2.0 questions name no source; the gold file is in article order.
        article = article_of(g.answers[0].source) if g.answers else last_article
        last_article = article
        rows.append((article, bool(g.answers), cands.features, labels, cands.dense, cands.bm25))
        done += 1
        if done % 500 == 0:
            print(f"\r  features {done}/{len(gold)}", end="", file=sys.stderr)
    print(file=sys.stderr)
    return rows


def ranking_metrics(rows, scorer) -> dict:
    hit1, mrr = [], []
    for _, answerable, f, y, d, b in rows:
        if not answerable:
            continue
        order = np.argsort(-scorer(f, d, b), kind="stable")
        hits = np.nonzero(y[order])[0]
        hit1.append(bool(len(hits)) and hits[0] == 0)
        mrr.append(1.0 / (hits[0] + 1) if len(hits) and hits[0] < 10 else 0.0)
    return {"hit1": round(float(np.mean(hit1)), 4), "mrr10": round(float(np.mean(mrr)), 4), "n": len(hit1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--squad1", type=Path, default=SHARED / "squad-v1.1-dev")
    parser.add_argument("--squad2", type=Path, default=SHARED / "squad-v2.0-dev")
    parser.add_argument("--index-dir", type=Path, default=Path(".quotebot"))
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    parser.add_argument("--limit", type=int, help="questions per set (for a quick run)")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--features", nargs="*", default=list(FEATURE_NAMES))
    args = parser.parse_args()

    print("SQuAD v1.1", file=sys.stderr)
    rows1 = collect(args.squad1, args.index_dir, args.limit)
    print("SQuAD v2.0", file=sys.stderr)
    rows2 = collect(args.squad2, args.index_dir, args.limit)
    train = [r for r in rows1 + rows2 if is_train(r[0])]
    test1 = [r for r in rows1 if not is_train(r[0])]
    columns = [FEATURE_NAMES.index(f) for f in args.features]
    x = np.vstack([r[2][:, columns] for r in train])
    y = np.concatenate([r[3] for r in train]).astype(float)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    weights, bias = fit_logistic((x - mean) / scale, y, l2=args.l2)
    model = LinearReranker(tuple(args.features), weights, bias, mean, scale)

    report = {
        "train_questions": len(train), "train_pairs": int(len(y)),
        "test_squad1": {
            "dense": ranking_metrics(test1, lambda f, d, b: d),
            "bm25": ranking_metrics(test1, lambda f, d, b: b),
            "hybrid": ranking_metrics(test1, lambda f, d, b: reciprocal_rank_fusion(d, b)),
            "rerank": ranking_metrics(test1, lambda f, d, b: model.score(f)),
        },
        "weights": dict(zip(args.features, np.round(weights, 3).tolist())),
    }
    print(json.dumps(report, indent=1))
    args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
