"""The second stage: small logistic models over named features, their weights kept as data.

`rerank_weights.json` holds, per second-stage model (or "none", since the features differ), again
per model for indexes without context vectors ("<model>/no-context"), and each of those again
with the word-piece match ("…/word-pieces"):
- `ranker`: P(candidate sentence answers the question), from candidate features;
- `abstainer`: P(the best-ranked sentence is a right answer), from features of the top
  candidate and of the question (how much of it the corpus has never seen, not counting
  words that name the kind of thing asked for when the sentence holds that kind; whether the
  sentence holds an antonym of a question word, denies where the question does not, or names
  another country). quotebot abstains when this falls below the threshold, and whatever it is
  when the best-ranked sentence contradicts the question (`contradicts`).

Both were fitted on SQuAD v1.1 + v2.0 with an article-level split (`bench/train_reranker.py`),
never on the seed gold questions; the threshold is calibrated with `quotebot eval --calibrate`.
"""
from __future__ import annotations

import json
from functools import cached_property, lru_cache
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .features import FEATURE_NAMES

WEIGHTS_FILE = Path(__file__).with_name("rerank_weights.json")
# Suffix of the models fitted for indexes without context vectors (their ranker lacks context_dense).
NO_CONTEXT = "/no-context"
# Suffix of the models that also read the word-piece match (`[retrieval] word_pieces`).
WORD_PIECES = "/word-pieces"
# What the abstainer sees of a ranked candidate list (see `abstain_features`).
ABSTAIN_FEATURES = (
    "top_score", "margin", "unseen", "has_unseen", "top_missing_rare", "top_type_miss", "top_coverage",
    "top_coverage_context", "top_dense", "top_second_dense", "top_related_coverage",
    "top_negation_mismatch", "top_country_conflict", "top_antonym",
)
# A best-ranked sentence flagged for one of these says something else than the question asks
# about — a quantity or a time goes the other way, it names another value ("the *third*
# round" against "this *second* round"), it gives the asked thing to another country ("U.S.
# Commerce Secretary" for "China's commerce minister"), or it has only others speak where the
# question asks what someone said ("*Reuters* reported that… Greer" for "what did Greer say")
# — and is never an answer: on SQuAD 2.0
# the top sentence was so flagged for 329 unanswerable questions and 20 rightly answered ones,
# and the owner of the thing asked refuses 18 unanswerable ones more. (WordNet's
# antonyms are noisier — "Emma's *brother*" against "Emma, *sister* of" can be right — and
# another country may be named in another role: the abstainer weighs those.)
CONTRADICTIONS = ("opposite", "conflict")
# A number or date question ("how much are the exports worth", "when did the talks begin") whose
# best-ranked sentence holds no number or date is answered only at this confidence or above.
# SQuAD's abstainer learns little from that miss, as "who" and "where" are often answered
# without a name ("the architect", "in the laboratory"); a number or a date is written out.
NUMBER_MISS_CONFIDENCE = 0.3


@dataclass(frozen=True)
class LinearModel:
    """sigmoid(bias + Σ weight·standardised feature) over named features."""

    features: tuple[str, ...]
    weights: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray

    def score(self, matrix: np.ndarray, names: tuple[str, ...]) -> np.ndarray:
        """Scores of the rows of `matrix`, whose columns are named by `names`."""
        weights, bias = self._raw
        return 1.0 / (1.0 + np.exp(-(matrix[:, _columns(self.features, names)] @ weights + bias)))

    @cached_property
    def _raw(self) -> tuple[np.ndarray, float]:
        """Weights and bias on unstandardised features (the standardisation folded in, asked per question)."""
        weights = self.weights / self.scale
        return weights, float(self.bias - self.mean @ weights)

    def to_json(self) -> dict:
        return {
            "features": list(self.features), "weights": self.weights.round(6).tolist(),
            "bias": round(float(self.bias), 6), "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
        }

    @classmethod
    def from_json(cls, data: dict) -> "LinearModel":
        return cls(
            tuple(data["features"]), np.asarray(data["weights"], float), float(data["bias"]),
            np.asarray(data["mean"], float), np.asarray(data["scale"], float),
        )

    @classmethod
    def fit(cls, x: np.ndarray, y: np.ndarray, names: tuple[str, ...], l2: float = 1.0) -> "LinearModel":
        """A logistic regression on standardised columns."""
        mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
        weights, bias = fit_logistic((x - mean) / scale, y, l2=l2)
        return cls(names, weights, bias, mean, scale)


@dataclass(frozen=True)
class SecondStage:
    """The ranker, the abstainer and the abstainer's default threshold, fitted together."""

    ranker: LinearModel
    abstainer: LinearModel
    threshold: float

    def rank(self, features: np.ndarray) -> np.ndarray:
        """Ranker scores of candidates (rows of a FEATURE_NAMES matrix)."""
        return self.ranker.score(features, FEATURE_NAMES)

    def confidence(self, features: np.ndarray, scores: np.ndarray) -> float:
        """P(the top-ranked candidate is a right answer); 0 when it contradicts the question, or
        misses the number or date asked for below NUMBER_MISS_CONFIDENCE."""
        if not len(scores) or contradicts(features, scores):
            return 0.0
        row = abstain_features(features, scores)[None, :]
        confidence = float(self.abstainer.score(row, ABSTAIN_FEATURES)[0])
        return float(served_confidence(confidence, misses_number(features, scores)))

    def to_json(self) -> dict:
        return {"ranker": self.ranker.to_json(), "abstainer": self.abstainer.to_json(), "threshold": self.threshold}

    @classmethod
    def from_json(cls, data: dict) -> "SecondStage":
        return cls(LinearModel.from_json(data["ranker"]), LinearModel.from_json(data["abstainer"]), float(data["threshold"]))


def abstain_features(features: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """ABSTAIN_FEATURES of one question's candidates (rows of FEATURE_NAMES) and their scores."""
    best = int(np.argmax(scores))  # the first of equal bests, as a stable sort would give
    runner_up = float(np.max(np.delete(scores, best))) if len(scores) > 1 else 0.0
    unseen, asked, *top = features[best, _columns(_TOP_FEATURES, FEATURE_NAMES)]
    # A word the articles never use that names the kind of thing asked for ("which *law firm*",
    # "who's the trade *rep*") need not be in the answer, which names the thing itself — as long
    # as the sentence holds a thing of the kind asked for ("what's the *price*…" and no sum: unseen).
    unseen -= asked * (1.0 - top[_TYPE_MISS])
    return np.array([scores[best], scores[best] - runner_up, unseen, float(unseen > 1e-9), *top])


def misses_number(features: np.ndarray, scores: np.ndarray) -> bool:
    """Whether the best-scored candidate holds no number or date where the question asks one."""
    return bool(features[int(np.argmax(scores)), FEATURE_NAMES.index("number_miss")])


def served_confidence(confidence, number_missed):
    """The abstainer's confidence as served: 0 below NUMBER_MISS_CONFIDENCE where the number or
    date asked for is missed (scalars or arrays)."""
    return np.where(number_missed & (confidence < NUMBER_MISS_CONFIDENCE), 0.0, confidence)


def contradicts(features: np.ndarray, scores: np.ndarray) -> bool:
    """Whether the best-scored candidate is flagged for one of CONTRADICTIONS."""
    return bool(features[int(np.argmax(scores)), _columns(CONTRADICTIONS, FEATURE_NAMES)].any())


# The candidate features abstain_features reads off the top candidate: "unseen", "unseen_asked",
# then each "top_<feature>" of ABSTAIN_FEATURES after top_score, in order.
_TOP_FEATURES = ("unseen", "unseen_asked", *(n.removeprefix("top_") for n in ABSTAIN_FEATURES[4:]))
_TYPE_MISS = ABSTAIN_FEATURES[4:].index("top_type_miss")


@lru_cache(maxsize=64)
def _columns(wanted: tuple[str, ...], names: tuple[str, ...]) -> list[int]:
    """Positions of `wanted` among `names` (asked per question: worth keeping)."""
    return [names.index(f) for f in wanted]


def load_second_stage(
    second_model: str | None, context: bool = False, word_pieces: bool = False, path: Path = WEIGHTS_FILE
) -> SecondStage:
    """The models fitted for this second-stage encoder ("none" when there is none), with or
    without context vectors in the index, with or without the word-piece match."""
    sets = json.loads(path.read_text(encoding="utf-8"))
    return SecondStage.from_json(sets[weights_key(second_model if second_model in sets else "none", context, word_pieces)])


def weights_key(model: str, context: bool, word_pieces: bool) -> str:
    """The key of a variant in rerank_weights.json."""
    return f"{model}{'' if context else NO_CONTEXT}{WORD_PIECES if word_pieces else ''}"


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, iterations: int = 50) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-regularised logistic regression, by Newton's method."""
    n, d = x.shape
    design = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.eye(d + 1) * l2
    penalty[-1, -1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(design @ w)))
        gradient = design.T @ (p - y) + penalty @ w
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])
