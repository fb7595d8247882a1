"""Shared fixtures: the real seeds, a throw-away index folder, a fast fake embedder."""
from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from index import embed
from index.settings import IndexSettings

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


class HashingEmbedder:
    """Deterministic bag-of-words vectors: fast, no model, similar texts get similar vectors."""

    def __init__(self, name: str = "test-hash", dim: int = 64) -> None:
        self.name, self.dim = name, dim
        self.encoded = 0

    def encode(self, texts, *, batch_size: int = 64, kind: str = "passage") -> np.ndarray:
        self.encoded += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                out[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)

    def token_vectors(self, texts):
        """One hashed unit vector per word or sign, as a model's word pieces would be."""
        return [self.encode(re.findall(r"\w+|[^\w\s]", text)) for text in texts]

    def encode_with_pieces(self, texts, *, batch_size: int = 64, kind: str = "passage"):
        return self.encode(texts, batch_size=batch_size, kind=kind), self.token_vectors(texts)


@pytest.fixture
def fake_models(monkeypatch):
    """Two fake models registered by name; returns the live embedder objects."""
    made: dict[str, HashingEmbedder] = {}

    def spec(dim):
        return embed._ModelSpec(dim, lambda name, d: made.setdefault(name, HashingEmbedder(name, d)))

    monkeypatch.setitem(embed.MODELS, "test-hash", spec(64))
    monkeypatch.setitem(embed.MODELS, "test-hash-2", spec(32))
    monkeypatch.setattr(embed, "_loaded", {})
    return made


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A writable copy of the seeds."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def fake_settings(corpus, tmp_path, fake_models) -> IndexSettings:
    return IndexSettings(corpus=corpus, index_dir=tmp_path / "indexes", model="test-hash", second_model="none")


@pytest.fixture(scope="session", autouse=True)
def model_cache(tmp_path_factory):
    """Derived models (the integer-kernel MiniLM) go to a throw-away folder, not the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        folder = tmp_path_factory.mktemp("models")
        patch.setenv("QUOTEBOT_MODEL_CACHE", str(folder))
        yield folder


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory):
    """The seeds indexed once with the real bundled model, shared by read-only tests."""
    from index.build import open_index

    settings = IndexSettings(corpus=SEEDS, index_dir=tmp_path_factory.mktemp("seed-index"))
    index, _ = open_index(settings)
    return index


@pytest.fixture(scope="session")
def seed_searcher(seed_index):
    from retrieval.searcher import Searcher
    from retrieval.settings import RetrievalSettings

    return Searcher(seed_index, RetrievalSettings())
