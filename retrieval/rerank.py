"""The second stage: a small logistic combiner of candidate features, its weights kept as data.

The weights in `rerank_weights.json` were fitted on SQuAD (see `bench/train_reranker.py`),
never on the seed gold questions: one set per second-stage model (or "none"), since the
features differ. The output is a probability-like score in [0, 1], which is also what the
abstention threshold of each set is calibrated on.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .features import FEATURE_NAMES

WEIGHTS_FILE = Path(__file__).with_name("rerank_weights.json")


@dataclass(frozen=True)
class LinearReranker:
    """score = sigmoid(bias + Σ weight·feature) over named features."""

    features: tuple[str, ...]
    weights: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray
    threshold: float = 0.5

    def score(self, matrix: np.ndarray) -> np.ndarray:
        """Scores of rows of a (candidates × FEATURE_NAMES) matrix."""
        columns = [FEATURE_NAMES.index(f) for f in self.features]
        x = (matrix[:, columns] - self.mean) / self.scale
        return 1.0 / (1.0 + np.exp(-(x @ self.weights + self.bias)))

    def to_json(self) -> dict:
        return {
            "features": list(self.features), "weights": self.weights.round(6).tolist(),
            "bias": round(float(self.bias), 6), "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(), "threshold": round(float(self.threshold), 4),
        }

    @classmethod
    def from_json(cls, data: dict) -> "LinearReranker":
        return cls(
            tuple(data["features"]), np.asarray(data["weights"], float), float(data["bias"]),
            np.asarray(data["mean"], float), np.asarray(data["scale"], float),
            float(data.get("threshold", 0.5)),
        )


def load_reranker(second_model: str | None, path: Path = WEIGHTS_FILE) -> LinearReranker:
    """The weight set fitted for this second-stage model ("none" when there is none)."""
    sets = json.loads(path.read_text(encoding="utf-8"))
    return LinearReranker.from_json(sets.get(second_model or "none", sets["none"]))


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
