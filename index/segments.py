"""Immutable index segments and the store that searches across them.

Each build or update writes one new segment (the sentences it embedded, their vectors) and
never rewrites old ones; removed or changed articles become tombstoned id ranges. Adding an
article to a large index therefore costs time in proportion to the article. When tombstones
or segments pile up, a compaction merges everything into one segment.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .context import ContextTable
from .store import FaissStore
from .table import Sentence, SentenceTable

SENTENCES = "sentences.json"
VECTORS = "vectors.faiss"
SECOND_VECTORS = "second.faiss"


@dataclass
class SegmentData:
    """One segment in memory: its sentences, their vectors under each model and their context
    vectors (see index/context.py)."""

    sentences: list[Sentence]
    store: FaissStore
    second: FaissStore | None
    context: ContextTable | None

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        self.store.save(folder / VECTORS)
        if self.second is not None:
            self.second.save(folder / SECOND_VECTORS)
        if self.context is not None:
            self.context.save(folder, np.asarray([s.id for s in self.sentences], dtype=np.int64))
        SentenceTable(self.sentences).save(folder / SENTENCES)

    @classmethod
    def load(cls, folder: Path, dim: int, kind: str, second_dim: int | None, context: bool) -> "SegmentData":
        table = SentenceTable.load(folder / SENTENCES)
        store = FaissStore.load(folder / VECTORS, dim, kind)
        second = FaissStore.load(folder / SECOND_VECTORS, second_dim, "flat") if second_dim else None
        ids = np.asarray([s.id for s in table.sentences], dtype=np.int64)
        context_table = ContextTable.load(folder, dim, ids) if context else None
        if any(len(part) != len(table) for part in (store, second, context_table) if part is not None):
            raise ValueError(f"segment {folder.name}: sentences and vectors disagree")
        return cls(table.sentences, store, second, context_table)


def is_deleted(ids: np.ndarray, deleted: list[tuple[int, int]]) -> np.ndarray:
    """Mask of ids that fall in any tombstoned [start, end) range."""
    mask = np.zeros(len(ids), dtype=bool)
    for start, end in deleted:
        mask |= (ids >= start) & (ids < end)
    return mask


class SegmentedStore:
    """Several FAISS stores searched as one, skipping tombstoned ids."""

    def __init__(self, parts: list[FaissStore], deleted: list[tuple[int, int]]) -> None:
        self.parts = parts
        self.deleted = deleted
        self.kind = parts[0].kind if parts else "flat"
        ids = [part.export_ids() for part in parts]
        self._dead = [int(is_deleted(part_ids, deleted).sum()) for part_ids in ids]
        self._live = sum(len(part_ids) - dead for part_ids, dead in zip(ids, self._dead))
        starts = sorted((int(part_ids.min()) if len(part_ids) else 0, i) for i, part_ids in enumerate(ids))
        self._starts = np.asarray([s for s, _ in starts], dtype=np.int64)
        self._order = np.asarray([i for _, i in starts], dtype=np.int64)

    def __len__(self) -> int:
        return self._live

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        n = len(queries)
        if not self._live:
            return np.zeros((n, 0), np.float32), np.zeros((n, 0), np.int64)
        k = min(k, self._live)
        scores, ids = [], []
        for part, dead in zip(self.parts, self._dead):
            if len(part) - dead <= 0:
                continue
            s, i = part.search(queries, min(len(part), k + dead))
            s = np.where(i >= 0, s, -np.inf)
            if dead:
                s[is_deleted(i.ravel(), self.deleted).reshape(i.shape)] = -np.inf
            scores.append(s)
            ids.append(i)
        if len(self.parts) == 1 and not self._dead[0]:
            # One whole segment: FAISS's own order is already the answer.
            return scores[0][:, :k].astype(np.float32), ids[0][:, :k]
        all_scores, all_ids = np.hstack(scores), np.hstack(ids)
        order = np.argsort(-all_scores, axis=1, kind="stable")[:, :k]
        top_scores = np.take_along_axis(all_scores, order, axis=1)
        top_ids = np.where(np.isfinite(top_scores), np.take_along_axis(all_ids, order, axis=1), -1)
        return top_scores.astype(np.float32), top_ids

    def vectors(self, ids: np.ndarray) -> np.ndarray:
        ids = np.asarray(ids, dtype=np.int64)
        if len(self.parts) == 1:
            return self.parts[0].vectors(ids)
        out = np.zeros((len(ids), self.parts[0].dim if self.parts else 0), np.float32)
        owner = self._order[np.maximum(np.searchsorted(self._starts, ids, side="right") - 1, 0)]
        for part_no in set(owner.tolist()):
            rows = np.nonzero(owner == part_no)[0]
            out[rows] = self.parts[part_no].vectors(ids[rows])
        return out


def live_sentences(segments: list[SegmentData], deleted: list[tuple[int, int]]) -> SentenceTable:
    """The sentence table over all segments: tombstones dropped, each file's rows in order."""
    rows = [s for seg in segments for s in seg.sentences]
    dead = is_deleted(np.asarray([s.id for s in rows], dtype=np.int64), deleted)
    rows = [s for s, gone in zip(rows, dead) if not gone]
    return SentenceTable(sorted(rows, key=lambda s: (s.source, s.start)))
