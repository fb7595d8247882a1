"""Fit the second-stage combiner on SQuAD with an article-level split; write its weights.

    python bench/train_reranker.py [--out retrieval/rerank_weights.json]

Articles are split by a hash of their title: even hashes train, odd ones test. The seed gold
questions are never used. SQuAD v1.1 gives answerable questions; SQuAD v2.0 adds adversarial
unanswerable ones, so the score also learns when the best candidate is not an answer. The
abstainer is fitted on the questions whose best candidate does not contradict them (those are
refused whatever it says: retrieval/rerank.py `contradicts`).

Eight variants are fitted from the same rows: with and without the e5 second model, with and
without context vectors (`<model>/no-context`), with and without the word-piece match
(`…/word-pieces`). Rows are collected over indexes built with context
vectors (under --index-dir, default settings otherwise) and cached in bench/out/. The written
thresholds are SQuAD 2.0's; recalibrate the served ones on a gold set of your kind of articles
(`quotebot eval GOLD --calibrate`, per variant).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import re
import sys
import time
from pathlib import Path
from typing import NamedTuple

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.build import open_index  # noqa: E402
from index.settings import IndexSettings  # noqa: E402
from retrieval.evaluate import holds_answer, load_gold  # noqa: E402
from retrieval.features import FEATURE_NAMES, relative_text_features  # noqa: E402
from retrieval.fusion import ranks, reciprocal_rank_fusion  # noqa: E402
from retrieval.rerank import (  # noqa: E402
    ABSTAIN_FEATURES, WEIGHTS_FILE, LinearModel, SecondStage, abstain_features, contradicts, misses_number,
    served_confidence, weights_key,
)
from retrieval.searcher import Searcher  # noqa: E402
from retrieval.text import STOPWORDS, content_words, stem  # noqa: E402
from retrieval.word_classes import names_a_thing  # noqa: E402
from retrieval.settings import RetrievalSettings  # noqa: E402

# Bump when what a cached feature row holds changes without FEATURE_NAMES changing (to a number
# never used before: an experiment's rows stay cached under theirs).
ROWS_VERSION = 42
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def article_of(source: str) -> str:
    return source.rsplit("_p", 1)[0]


def is_train(article: str) -> bool:
    return int(hashlib.md5(article.encode()).hexdigest(), 16) % 2 == 0


class Row(NamedTuple):
    """One question's first-stage candidates, as the second stage is trained on them."""

    article: str
    answerable: bool
    features: np.ndarray  # candidates × FEATURE_NAMES
    labels: np.ndarray  # candidate is a right answer
    dense: np.ndarray
    bm25: np.ndarray
    origin: str  # "gold", "swapped" (a word swapped out) or "removed" (answers taken away)
    ids: np.ndarray  # the candidates' sentence ids


def swapped_questions(gold, lexicon, seed: int = 0):
    """Seed-like unanswerable questions: in every other answerable question one corpus word
    (names first, drawn with probability ∝ IDF) becomes an English noun the corpus never uses
    ("who represented japan at the talks"). Returns (source of the original, new question)."""
    from spellchecker import SpellChecker

    rng = np.random.default_rng(seed)
    pool = sorted(
        w for w, count in SpellChecker(language="en").word_frequency.dictionary.items()
        if 2_000 <= count <= 200_000 and w.isalpha() and 4 <= len(w) <= 10
        and w not in STOPWORDS and not lexicon.is_known(stem(w)) and names_a_thing(stem(w))
    )
    out = []
    for g in gold[::2]:
        if not g.answers:
            continue
        known = [w for w in dict.fromkeys(content_words(g.question)) if lexicon.is_known(stem(w))]
        # Names first: an unseen name ("japan") is the commonest way a question leaves the corpus.
        capitalised = {w.lower() for w in re.findall(r"(?<=\s)[A-Z][a-z]+", g.question)}
        known = [w for w in known if w in capitalised] or known
        if not known:
            continue
        weights = np.array([lexicon.idf(stem(w)) for w in known])
        target = known[rng.choice(len(known), p=weights / weights.sum())]
        replacement = pool[rng.integers(len(pool))]
        replacement = replacement.title() if target in capitalised else replacement
        question, n = re.subn(rf"\b{re.escape(target)}\b", replacement, g.question, count=1, flags=re.IGNORECASE)
        if n:
            out.append((g.answers[0].source, question))
    return out


def articles_in_order(gold) -> list[str]:
    """The article of each gold question. Unanswerable SQuAD 2.0 questions name no source; the
    gold file is in article order, so they take the article of the answerable one before them."""
    out, last = [], ""
    for g in gold:
        last = article_of(g.answers[0].source) if g.answers else last
        out.append(last)
    return out


def collect(folder: Path, index_dir: Path, limit: int | None):
    """Per question: article, answerable flag, feature matrix, labels; then the swapped
    unanswerable questions made from the answerable ones."""
    # With context vectors: the rows then serve the variants with and without them.
    settings = IndexSettings(corpus=folder / "articles", index_dir=index_dir, context_vectors=True)
    t = time.perf_counter()
    index, report = open_index(settings, progress=lambda d, n: print(f"\r  embedding {d}/{n}", end="", file=sys.stderr))
    print(f"\n  index {report.action} in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    # With the word-piece match: the rows then serve the variants with and without it.
    searcher = Searcher(index, RetrievalSettings(word_pieces=True))
    gold = load_gold(folder / "gold.jsonl")
    articles = articles_in_order(gold)
    if limit:  # spread over the file, so both halves of the split get questions
        keep = sorted(set(np.linspace(0, len(gold) - 1, min(limit, len(gold))).astype(int).tolist()))
        gold, articles = [gold[k] for k in keep], [articles[k] for k in keep]
    rows = []
    done = 0
    for g, article, (_, _, cands) in zip(gold, articles, searcher.candidate_stream([g.question for g in gold])):
        table = index.table
        labels = np.array([
            holds_answer(table[int(i)].source, table[int(i)].text, g)
            for i in cands.ids
        ])
        rows.append(Row(article, bool(g.answers), cands.features, labels, cands.dense, cands.bm25, "gold", cands.ids))
        done += 1
        if done % 500 == 0:
            print(f"\r  features {done}/{len(gold)}", end="", file=sys.stderr)
    swapped = swapped_questions(gold, searcher.lexical)
    for (source, _), (_, _, cands) in zip(swapped, searcher.candidate_stream([q for _, q in swapped])):
        no_answer = np.zeros(len(cands.ids), dtype=bool)
        rows.append(Row(article_of(source), False, cands.features, no_answer, cands.dense, cands.bm25, "swapped", cands.ids))
    print(f"  {len(swapped)} swapped questions", file=sys.stderr)
    return rows


def without_answers(row):
    """The same question over a corpus that lost its answer sentences: a "not in the articles"
    example. Rank-relative features are recomputed over the remaining candidates."""
    article, answerable, f, y, dense, bm25, _, ids = row
    keep = ~y.astype(bool)
    if not answerable or keep.all() or not keep.any():
        return None
    f, dense, bm25, ids = f[keep].copy(), dense[keep], bm25[keep], ids[keep]
    col = FEATURE_NAMES.index
    second = f[:, col("second_dense")]
    f[:, col("dense_gap")] = dense - dense.max()
    f[:, col("dense_recip_rank")] = 1.0 / (1 + ranks(dense))
    f[:, col("bm25_rel")] = bm25 / (bm25.max() if bm25.max() > 0 else 1.0)
    f[:, col("bm25_recip_rank")] = np.where(bm25 > 0, 1.0 / (1 + ranks(bm25)), 0.0)
    f[:, col("second_gap")] = second - second.max()
    for name, values in relative_text_features({n: f[:, col(n)] for n in FEATURE_NAMES}).items():
        f[:, col(name)] = values
    return Row(article, False, f, np.zeros(len(f), dtype=bool), dense, bm25, "removed", ids)


def cached_rows(folder: Path, args):
    """Feature rows of a gold set, kept in bench/out/ (keyed by the feature set) between runs."""
    key = hashlib.md5(f"{folder.resolve()}|{FEATURE_NAMES}|{args.limit}|{ROWS_VERSION}".encode()).hexdigest()[:12]
    cache = Path(__file__).resolve().parent / "out" / f"rows-{folder.name}-{key}.pkl"
    if cache.exists() and not args.fresh:
        return [Row(*r) for r in pickle.loads(cache.read_bytes())]
    print(folder.name, file=sys.stderr)
    rows = collect(folder, args.index_dir, args.limit)
    cache.parent.mkdir(exist_ok=True)
    cache.write_bytes(pickle.dumps(rows))
    return rows


def split_origin(rows):
    """(gold question rows, swapped question rows)."""
    return [r for r in rows if r.origin == "gold"], [r for r in rows if r.origin == "swapped"]


def ranking_metrics(rows, scorer) -> dict:
    hit1, mrr = [], []
    for _, answerable, f, y, d, b, *_ in rows:
        if not answerable:
            continue
        order = np.argsort(-scorer(f, d, b), kind="stable")
        hits = np.nonzero(y[order])[0]
        hit1.append(bool(len(hits)) and hits[0] == 0)
        mrr.append(1.0 / (hits[0] + 1) if len(hits) and hits[0] < 10 else 0.0)
    return {"hit1": round(float(np.mean(hit1)), 4), "mrr10": round(float(np.mean(mrr)), 4), "n": len(hit1)}


class AbstainRows(NamedTuple):
    """Abstainer inputs and labels (is the ranker's top candidate a right answer?), whether the
    top candidate contradicts the question (then refused whatever the abstainer says) and
    whether it misses the number or date asked for."""

    x: np.ndarray
    y: np.ndarray
    refused: np.ndarray
    number_missed: np.ndarray


def abstain_rows(rows, ranker, names) -> AbstainRows:
    columns = [ABSTAIN_FEATURES.index(n) for n in names]
    x, y, refused, missed = [], [], [], []
    for _, answerable, f, labels, *_ in rows:
        scores = ranker.score(f, FEATURE_NAMES)
        x.append(abstain_features(f, scores)[columns])
        y.append(bool(answerable and labels[int(np.argmax(scores))]))
        refused.append(contradicts(f, scores))
        missed.append(misses_number(f, scores))
    return AbstainRows(np.vstack(x), np.asarray(y, dtype=float), np.asarray(refused), np.asarray(missed))


def confidence_served(abstainer, rows: AbstainRows, names) -> np.ndarray:
    """The confidence quotebot reports for abstain_rows' top candidates (SecondStage.confidence)."""
    return np.where(rows.refused, 0.0, served_confidence(abstainer.score(rows.x, tuple(names)), rows.number_missed))


def best_threshold(confidence, rows, ranker) -> tuple[float, float]:
    """The SQuAD 2.0 threshold (answer when confident, else abstain) with the best accuracy."""
    right_if_answered = np.array([bool(a and y[int(np.argmax(ranker.score(f, FEATURE_NAMES)))]) for _, a, f, y, *_ in rows])
    unanswerable = np.array([not r.answerable for r in rows])
    grid = np.linspace(0, 1, 401)
    accuracy = [np.mean(np.where(confidence >= t, right_if_answered, unanswerable)) for t in grid]
    best = int(np.argmax(accuracy))
    return round(float(grid[best]), 4), float(accuracy[best])


def abstention_metrics(rows, ranker, abstainer, names, threshold) -> dict:
    top = abstain_rows(rows, ranker, names)
    right = top.y.astype(bool)
    confidence = confidence_served(abstainer, top, names)
    answerable = np.array([r.answerable for r in rows])
    answered = confidence >= threshold
    return {
        "answerable_hit1": round(float(right[answerable].mean()), 4),
        "answered_and_right": round(float((right & answered)[answerable].mean()), 4),
        "false_abstain": round(float((~answered)[answerable].mean()), 4),
        "abstain_recall": round(float((~answered)[~answerable].mean()), 4),
        "accuracy": round(float(np.where(answered, right, ~answerable).mean()), 4),
        "answerable": int(answerable.sum()), "unanswerable": int((~answerable).sum()),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--squad1", type=Path, default=SHARED / "squad-v1.1-dev")
    parser.add_argument("--squad2", type=Path, default=SHARED / "squad-v2.0-dev")
    parser.add_argument("--index-dir", type=Path, default=Path(".quotebot"))
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    parser.add_argument("--limit", type=int, help="questions per set (for a quick run)")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--fresh", action="store_true", help="recompute cached feature rows")
    args = parser.parse_args()

    rows1, swapped1 = split_origin(cached_rows(args.squad1, args))
    rows2, swapped2 = split_origin(cached_rows(args.squad2, args))
    swapped_train = [r for r in swapped1 + swapped2 if is_train(r.article)]
    swapped_test = [r for r in swapped1 + swapped2 if not is_train(r.article)]
    train = [r for r in rows1 + rows2 if is_train(r.article)]
    train2 = [r for r in rows2 if is_train(r.article)]
    test1 = [r for r in rows1 if not is_train(r.article)]
    test2 = [r for r in rows2 if not is_train(r.article)]
    y = np.concatenate([r.labels for r in train]).astype(float)
    sets, report = {}, {"train_questions": len(train), "train_pairs": int(len(y))}
    variants = [
        (weights_key(model, with_context, with_pieces), with_second, with_context, with_pieces)
        for model, with_second in (("multilingual-e5-small", True), ("none", False))
        for with_context in (True, False)
        for with_pieces in (False, True)
    ]
    for key, with_second, with_context, with_pieces in variants:
        # unseen_asked only tempers the abstainer's unseen words (rerank.abstain_features).
        names = tuple(
            f for f in FEATURE_NAMES
            if (with_second or not f.startswith("second")) and (with_context or f != "context_dense")
            and (with_pieces or not f.startswith("token_")) and f != "unseen_asked"
        )
        x = np.vstack([r.features[:, [FEATURE_NAMES.index(f) for f in names]] for r in train])
        ranker = LinearModel.fit(x, y, names, l2=args.l2)
        abstain_names = tuple(n for n in ABSTAIN_FEATURES if with_second or "second" not in n)
        removed = [r for r in map(without_answers, [r for r in rows1 if is_train(r.article)]) if r is not None]
        # Fitted on the questions it decides: a contradicted top candidate is refused anyway.
        ax, ay, refused, _ = abstain_rows(train + removed + swapped_train, ranker, abstain_names)
        abstainer = LinearModel.fit(ax[~refused], ay[~refused], abstain_names, l2=args.l2)
        # Calibrate on held-in articles: SQuAD 2.0's unanswerable questions, v1.1 questions
        # whose answer sentences were taken away and questions with a swapped-in unseen word.
        calibration = train2 + removed + swapped_train
        confidence = confidence_served(abstainer, abstain_rows(calibration, ranker, abstain_names), abstain_names)
        threshold, _ = best_threshold(confidence, calibration, ranker)
        # The served threshold is recalibrated on a gold set of the user's kind of articles
        # (`quotebot eval GOLD --calibrate`); SQuAD 2.0's stays beside it for reference.
        sets[key] = SecondStage(ranker, abstainer, threshold).to_json() | {"squad2_threshold": threshold}
        report[key] = {
            "squad1_test": ranking_metrics(test1, lambda f, d, b: ranker.score(f, FEATURE_NAMES)),
            "squad2_test": abstention_metrics(test2, ranker, abstainer, abstain_names, threshold),
            "squad1_test_answers_removed": abstention_metrics(
                test1 + [r for r in map(without_answers, test1) if r is not None], ranker, abstainer,
                abstain_names, threshold,
            ),
            "swapped_test": abstention_metrics(test1 + swapped_test, ranker, abstainer, abstain_names, threshold),
            "squad2_train_threshold": threshold,
            "ranker": dict(zip(names, np.round(ranker.weights, 3).tolist())),
            "abstainer": dict(zip(abstain_names, np.round(abstainer.weights, 3).tolist())),
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
