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


def _tops(rows, model):
    """(answerable, top score, top is correct) per question."""
    out = []
    for _, answerable, f, y, _, _ in rows:
        scores = model.score(f)
        best = int(np.argmax(scores)) if len(scores) else -1
        out.append((answerable, float(scores[best]) if best >= 0 else 0.0, bool(best >= 0 and y[best])))
    return out


def _accuracy(tops, t) -> float:
    return float(np.mean([(ok and s >= t) if ans else s < t for ans, s, ok in tops]))


def abstention_threshold(rows, model) -> tuple[float, float]:
    """The threshold with the best SQuAD 2.0 accuracy on these rows."""
    tops = _tops(rows, model)
    grid = np.linspace(0.0, 1.0, 201)
    accuracies = [_accuracy(tops, t) for t in grid]
    best = int(np.argmax(accuracies))
    return round(float(grid[best]), 4), accuracies[best]


def abstention_metrics(rows, model) -> dict:
    """Answerable Hit@1 and abstain recall at the model's threshold, and at the best one."""
    tops = _tops(rows, model)
    t = model.threshold
    answerable = [(s, ok) for ans, s, ok in tops if ans]
    unanswerable = [s for ans, s, ok in tops if not ans]
    return {
        "answerable_hit1": round(float(np.mean([ok for _, ok in answerable])), 4),
        "answered_and_right": round(float(np.mean([ok and s >= t for s, ok in answerable])), 4),
        "abstain_recall": round(float(np.mean([s < t for s in unanswerable])), 4),
        "accuracy": round(_accuracy(tops, t), 4),
        "best_threshold_accuracy": round(max(_accuracy(tops, x) for x in np.linspace(0, 1, 201)), 4),
        "answerable": len(answerable), "unanswerable": len(unanswerable),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--squad1", type=Path, default=SHARED / "squad-v1.1-dev")
    parser.add_argument("--squad2", type=Path, default=SHARED / "squad-v2.0-dev")
    parser.add_argument("--index-dir", type=Path, default=Path(".quotebot"))
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    parser.add_argument("--limit", type=int, help="questions per set (for a quick run)")
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args()

    print("SQuAD v1.1", file=sys.stderr)
    rows1 = collect(args.squad1, args.index_dir, args.limit)
    print("SQuAD v2.0", file=sys.stderr)
    rows2 = collect(args.squad2, args.index_dir, args.limit)
    train = [r for r in rows1 + rows2 if is_train(r[0])]
    test1 = [r for r in rows1 if not is_train(r[0])]
    test2 = [r for r in rows2 if not is_train(r[0])]
    y = np.concatenate([r[3] for r in train]).astype(float)
    sets, report = {}, {"train_questions": len(train), "train_pairs": int(len(y))}
    for key, names in (
        ("multilingual-e5-small", list(FEATURE_NAMES)),
        ("none", [f for f in FEATURE_NAMES if not f.startswith("second")]),
    ):
        columns = [FEATURE_NAMES.index(f) for f in names]
        x = np.vstack([r[2][:, columns] for r in train])
        mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
        weights, bias = fit_logistic((x - mean) / scale, y, l2=args.l2)
        model = LinearReranker(tuple(names), weights, bias, mean, scale)
        threshold, accuracy = abstention_threshold([r for r in rows2 if is_train(r[0])], model)
        model = LinearReranker(tuple(names), weights, bias, mean, scale, threshold)
        sets[key] = model.to_json()
        report[key] = {
            "squad1_test": ranking_metrics(test1, lambda f, d, b: model.score(f)),
            "squad2_test": abstention_metrics(test2, model),
            "squad2_train_threshold": threshold,
            "weights": dict(zip(names, np.round(weights, 3).tolist())),
        }
    report["baselines_squad1_test"] = {
        "dense": ranking_metrics(test1, lambda f, d, b: d),
        "bm25": ranking_metrics(test1, lambda f, d, b: b),
        "hybrid": ranking_metrics(test1, lambda f, d, b: reciprocal_rank_fusion(d, b)),
    }
    print(json.dumps(report, indent=1))
    args.out.write_text(json.dumps(sets, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
