"""Fusing the dense and lexical rankings of the same candidates."""
from __future__ import annotations

import numpy as np

RRF_K = 60


def ranks(scores: np.ndarray) -> np.ndarray:
    """0-based rank of each score, best (highest) first."""
    order = np.argsort(-scores, kind="stable")
    out = np.empty(len(scores), dtype=np.int64)
    out[order] = np.arange(len(scores))
    return out


def reciprocal_rank_fusion(*score_lists: np.ndarray, k: int = RRF_K) -> np.ndarray:
    """Σ 1/(k + rank) over the rankings (Cormack et al., 2009)."""
    return sum(1.0 / (k + 1 + ranks(s)) for s in score_lists)


def weighted_fusion(dense: np.ndarray, lexical: np.ndarray, dense_weight: float = 0.5) -> np.ndarray:
    """Weighted sum of the cosine and the max-normalised BM25 score."""
    top = float(lexical.max()) if len(lexical) else 0.0
    return dense_weight * dense + (1 - dense_weight) * (lexical / top if top > 0 else lexical)
