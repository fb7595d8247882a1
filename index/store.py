"""Vector store behind a small interface: add, remove, search, save, load.

FAISS is the embedded default. It holds only vectors and sentence ids; text and offsets live
in the sentence table.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

FLAT = "flat"
HNSW = "hnsw"
# HNSW with float16 codes: at 100k varied SQuAD vectors, recall@10 vs exact was 0.991 at
# efSearch 768 (8-bit codes stopped at 0.977 whatever the breadth); M=16 keeps 1M vectors
# under 1 GB (768 MB of codes + the graph). See bench/scale.py.
HNSW_M = 16
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 768


class VectorStore(Protocol):
    """Vectors keyed by int64 sentence ids, searched by inner product."""

    kind: str

    def __len__(self) -> int: ...
    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None: ...
    def remove(self, ids: np.ndarray) -> None: ...
    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]: ...
    def save(self, path: Path) -> None: ...
    def vectors(self, ids: np.ndarray) -> np.ndarray: ...
    def export(self) -> tuple[np.ndarray, np.ndarray]: ...


def _faiss():
    import faiss

    return faiss


@lru_cache(maxsize=1)
def _faiss_threads() -> int:
    """faiss's own thread count, read before quotebot first narrows it."""
    return max(1, _faiss().omp_get_max_threads())


class FaissStore:
    """A FAISS IndexIDMap2 over an exact (flat) or HNSW inner-product index."""

    def __init__(self, dim: int, kind: str = FLAT, index=None) -> None:
        faiss = _faiss()
        self.dim = dim
        self.kind = kind
        if index is None:
            if kind == HNSW:
                # float16 codes: half of float32's memory, no measurable recall cost.
                inner = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_fp16, HNSW_M, faiss.METRIC_INNER_PRODUCT)
                inner.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
            else:
                inner = faiss.IndexFlatIP(dim)
            index = faiss.IndexIDMap2(inner)
        self._index = index
        if kind == HNSW:
            faiss.downcast_index(self._index.index).hnsw.efSearch = HNSW_EF_SEARCH

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids):
            vectors = np.ascontiguousarray(vectors, dtype=np.float32)
            if not self._index.is_trained:
                self._index.train(vectors)  # the scalar quantizer learns value ranges once
            self._index.add_with_ids(vectors, np.asarray(ids, dtype=np.int64))

    def remove(self, ids: np.ndarray) -> None:
        if not len(ids):
            return
        ids = np.asarray(ids, dtype=np.int64)
        if self.kind == FLAT:
            self._index.remove_ids(_faiss().IDSelectorBatch(ids))
            return
        # HNSW graphs cannot drop nodes: rebuild from the vectors that stay.
        all_ids, vectors = self.export()
        keep = ~np.isin(all_ids, ids)
        fresh = FaissStore(self.dim, self.kind)
        fresh.add(all_ids[keep], vectors[keep])
        self._index = fresh._index

    def vectors(self, ids: np.ndarray) -> np.ndarray:
        """The stored vectors of these ids, one row each."""
        if not len(ids):
            return np.zeros((0, self.dim), np.float32)
        return self._index.reconstruct_batch(np.asarray(ids, dtype=np.int64))

    def export_ids(self) -> np.ndarray:
        """Every id held, in insertion order."""
        return _faiss().vector_to_array(self._index.id_map).astype(np.int64)

    def export(self) -> tuple[np.ndarray, np.ndarray]:
        """Every (id, vector) held, in insertion order."""
        ids = _faiss().vector_to_array(self._index.id_map).astype(np.int64)
        vectors = self._index.index.reconstruct_n(0, len(ids)) if len(ids) else np.zeros((0, self.dim), np.float32)
        return ids, vectors

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        k = max(1, min(k, len(self)))
        if len(self) == 0:
            n = len(queries)
            return np.zeros((n, 0), np.float32), np.zeros((n, 0), np.int64)
        faiss = _faiss()
        # faiss's OpenMP threads fight torch's on small machines; one query needs one thread.
        faiss.omp_set_num_threads(1 if len(queries) < 16 else _faiss_threads())
        return self._index.search(np.ascontiguousarray(queries, dtype=np.float32), k)

    def save(self, path: Path) -> None:
        _faiss().write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path, dim: int, kind: str) -> "FaissStore":
        index = _faiss().read_index(str(path))
        if index.d != dim:
            raise ValueError(f"vector width {index.d}, expected {dim}")
        return cls(dim, kind, index)


def choose_kind(index_type: str, sentences: int, approximate_above: int) -> str:
    """The FAISS index kind for a corpus of this many sentences."""
    if index_type != "auto":
        return index_type
    return HNSW if sentences > approximate_above else FLAT
