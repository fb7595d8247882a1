"""The reference backend: a sentence-transformers model (torch) loaded from a folder on disk."""
from __future__ import annotations

import threading
from typing import Callable, Sequence

import numpy as np

from .embed import Kind, offline


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a folder on disk; loaded on first use."""

    def __init__(self, name: str, dim: int, locate: Callable[[], str]) -> None:
        self.name = name
        self.dim = dim
        self._locate = locate
        self._model = None
        self._lock = threading.Lock()

    def _loaded(self):
        with self._lock:
            if self._model is None:
                offline()
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as transformers_logging

                transformers_logging.set_verbosity_error()
                transformers_logging.disable_progress_bar()
                self._model = SentenceTransformer(str(self._locate()), device="cpu")
            return self._model

    def encode(self, texts: Sequence[str], *, batch_size: int = 64, kind: Kind = "passage") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._loaded().encode(
            list(texts), batch_size=batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)
