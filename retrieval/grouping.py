"""Corroboration: near-duplicate sentences (the same fact in several articles) become one answer."""
from __future__ import annotations

import numpy as np


def group_ranked(
    vectors: np.ndarray, similarity: float, limit: int, holds: np.ndarray | None = None,
) -> list[list[int]]:
    """Groups of row indices of `vectors` (rows ranked best first), at most `limit` groups.

    A row joins the first earlier group whose head it matches at cosine ≥ `similarity`;
    otherwise it heads a new group while fewer than `limit` exist. With `holds` (per row, whether
    it holds the kind of answer asked), rows join only a head that holds it as they do: "The two
    countries have begun talks in London…" tells nothing of when, so it is no second source
    for "…began in London on the 10th", however alike the two read, nor does the one with the
    date hide behind the one without.
    """
    groups: list[list[int]] = []
    heads = np.empty((limit, len(vectors)))  # cosines of each group head to every row
    row = 0
    # Heads are decided in rank order, so walk the rows until the last group has begun ...
    while row < len(vectors) and len(groups) < limit:
        if len(groups):
            best = int(heads[: len(groups), row].argmax())
            if heads[best, row] >= similarity:
                groups[best].append(row)
                row += 1
                continue
        heads[len(groups)] = vectors @ vectors[row]
        if holds is not None:
            heads[len(groups), holds != holds[row]] = -np.inf
        groups.append([row])
        row += 1
    # ... then the rest only join groups, all at once.
    if row < len(vectors) and len(groups):
        rest = heads[: len(groups), row:]
        best = rest.argmax(axis=0)
        joins = rest[best, np.arange(rest.shape[1])] >= similarity
        for r, g in zip((np.nonzero(joins)[0] + row).tolist(), best[joins].tolist()):
            groups[g].append(r)
    return groups
