"""Context vectors: each sentence embedded together with the sentence before it in its article.

ReQA's context trick: a question often names what only the previous sentence says ("He said
the talks went well" answers a question about Lutnick). The second stage compares the question
with this vector beside the sentence's own. On held-out SQuAD v1.1 articles it lifts the
reranker's Hit@1 by 0.7 points with e5 (0.765 → 0.772) and 0.3 without (previous + sentence beat
sentence + next and a three-sentence window); on the seed news articles, whose paragraphs are a
sentence or two, it did not help, so it is off unless `context_vectors` is set.

Rows are kept per segment as float16 in a memory-mapped .npy, in the order of the segment's
sentences: a large index pays disk, not RAM, and a question reads only its candidates' rows.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .table import Sentence

CONTEXT_VECTORS = "context.npy"


def context_texts(sentences: list[Sentence]) -> list[str]:
    """Per sentence (given in reading order per file): the sentence before it in its file, then itself."""
    return [
        f"{sentences[i - 1].text} {s.text}" if i and sentences[i - 1].source == s.source else s.text
        for i, s in enumerate(sentences)
    ]


class ContextTable:
    """One segment's context vectors, by sentence id."""

    def __init__(self, dim: int, ids: np.ndarray | None = None, rows: np.ndarray | None = None) -> None:
        self.dim = dim
        self._chunks: list[tuple[np.ndarray, np.ndarray]] = []
        self._ids = np.zeros(0, np.int64) if ids is None else ids
        self._rows = np.zeros((0, dim), np.float16) if rows is None else rows
        self._order = np.argsort(self._ids, kind="stable")

    def __len__(self) -> int:
        return len(self._ids) + sum(len(ids) for ids, _ in self._chunks)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        self._chunks.append((np.asarray(ids, np.int64), np.asarray(vectors, np.float16)))

    def _settle(self) -> None:
        if self._chunks:
            self._ids = np.concatenate([self._ids, *(ids for ids, _ in self._chunks)])
            self._rows = np.concatenate([self._rows, *(rows for _, rows in self._chunks)])
            self._order = np.argsort(self._ids, kind="stable")
            self._chunks = []

    def holds(self, ids: np.ndarray) -> np.ndarray:
        """Mask of the ids this table has rows for."""
        self._settle()
        where = np.searchsorted(self._ids, ids, sorter=self._order)
        where = np.minimum(where, max(len(self._ids) - 1, 0))
        return self._ids[self._order[where]] == ids if len(self._ids) else np.zeros(len(ids), bool)

    def vectors(self, ids: np.ndarray) -> np.ndarray:
        """float32 rows of these ids (each must be held)."""
        self._settle()
        return np.asarray(self._rows[self._order[np.searchsorted(self._ids, ids, sorter=self._order)]], np.float32)

    def save(self, folder: Path, ids: np.ndarray) -> None:
        """Write the rows of `ids` (the segment's sentences), in that order."""
        np.save(folder / CONTEXT_VECTORS, self.vectors(ids).astype(np.float16))

    @classmethod
    def load(cls, folder: Path, dim: int, ids: np.ndarray) -> "ContextTable":
        """The rows saved for `ids`, memory-mapped."""
        rows = np.load(folder / CONTEXT_VECTORS, mmap_mode="r")
        if rows.shape != (len(ids), dim):
            raise ValueError(f"segment {folder.name}: context vectors are {rows.shape}, expected ({len(ids)}, {dim})")
        return cls(dim, ids, rows)


class ContextVectors:
    """The context vectors of every segment, looked up by sentence id."""

    def __init__(self, parts: list[ContextTable]) -> None:
        self.parts = parts

    def vectors(self, ids: np.ndarray) -> np.ndarray:
        ids = np.asarray(ids, np.int64)
        if len(self.parts) == 1:
            return self.parts[0].vectors(ids)
        out = np.zeros((len(ids), self.parts[0].dim if self.parts else 0), np.float32)
        todo = np.ones(len(ids), bool)
        for part in self.parts:
            here = todo & part.holds(ids)
            if here.any():
                out[here] = part.vectors(ids[here])
                todo &= ~here
        return out
