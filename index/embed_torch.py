"""The reference backend: a sentence-transformers model (torch) loaded from a folder on disk."""
from __future__ import annotations

from typing import Callable

import numpy as np

from .embed import Kind, LazyEmbedder, normalised_pieces, offline


class SentenceTransformerEmbedder(LazyEmbedder):
    """A sentence-transformers model from a folder on disk; loaded on first use."""

    def __init__(self, name: str, dim: int, locate: Callable[[], str]) -> None:
        super().__init__(name, dim)
        self._locate = locate

    def _load(self):
        offline()
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.set_verbosity_error()
        transformers_logging.disable_progress_bar()
        return SentenceTransformer(str(self._locate()), device="cpu")

    def _encode(self, model, texts: list[str], batch_size: int, kind: Kind) -> np.ndarray:
        vectors = model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def _tokens(self, model, texts: list[str]) -> list[np.ndarray]:
        states = model.encode(texts, output_value="token_embeddings", convert_to_numpy=False, show_progress_bar=False)
        return [normalised_pieces(s.float().numpy()) for s in states]
