"""Corroboration: near-duplicate sentences (the same fact in several articles) become one answer."""
from __future__ import annotations

import numpy as np


def group_ranked(vectors: np.ndarray, similarity: float, limit: int) -> list[list[int]]:
    """Groups of row indices of `vectors` (rows ranked best first), at most `limit` groups.

    A row joins the first earlier group whose head it matches at cosine ≥ `similarity`;
    otherwise it heads a new group while fewer than `limit` exist.
    """
    groups: list[list[int]] = []
    heads: list[np.ndarray] = []
    for row in range(len(vectors)):
        if heads:
            sims = np.asarray(heads) @ vectors[row]
            best = int(np.argmax(sims))
            if sims[best] >= similarity:
                groups[best].append(row)
                continue
        if len(groups) < limit:
            groups.append([row])
            heads.append(vectors[row])
    return groups
