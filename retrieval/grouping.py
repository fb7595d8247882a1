"""Corroboration: near-duplicate sentences (the same fact in several articles) become one answer."""
from __future__ import annotations

import numpy as np


def group_ranked(vectors: np.ndarray, similarity: float, limit: int) -> list[list[int]]:
    """Groups of row indices of `vectors` (rows ranked best first), at most `limit` groups.

    A row joins the first earlier group whose head it matches at cosine ≥ `similarity`;
    otherwise it heads a new group while fewer than `limit` exist.
    """
    groups: list[list[int]] = []
    # Cosines to each head, computed once per head (there are at most `limit`).
    head_sims: list[list[float]] = []
    for row in range(len(vectors)):
        if head_sims:
            best = max(range(len(head_sims)), key=lambda g: head_sims[g][row])
            if head_sims[best][row] >= similarity:
                groups[best].append(row)
                continue
        if len(groups) < limit:
            groups.append([row])
            head_sims.append((vectors @ vectors[row]).tolist())
    return groups
