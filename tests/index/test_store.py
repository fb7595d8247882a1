"""The FAISS vector store: add, remove, search and round-trip, exact and approximate."""
import numpy as np
import pytest

from index.store import FLAT, HNSW, FaissStore, choose_kind


def unit_rows(n, dim=16, seed=0):
    v = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.mark.parametrize("kind", [FLAT, HNSW])
def test_search_finds_a_stored_vector_first(kind):
    """Querying with a stored vector returns its id first."""
    store = FaissStore(16, kind)
    vectors = unit_rows(300)
    store.add(np.arange(100, 400), vectors)
    _, ids = store.search(vectors[[5, 77]], 3)
    assert ids[:, 0].tolist() == [105, 177]


@pytest.mark.parametrize("kind", [FLAT, HNSW])
def test_remove_drops_ids_and_keeps_the_rest(kind):
    """Removed ids are never returned; the others still are."""
    store = FaissStore(16, kind)
    vectors = unit_rows(50)
    store.add(np.arange(50), vectors)
    store.remove(np.arange(0, 50, 2))
    assert len(store) == 25
    _, ids = store.search(vectors, 1)
    assert set(ids[:, 0].tolist()) <= set(range(1, 50, 2))


@pytest.mark.parametrize("kind", [FLAT, HNSW])
def test_save_and_load_round_trip(kind, tmp_path):
    """A saved store loads with the same vectors and ids."""
    store = FaissStore(16, kind)
    vectors = unit_rows(40)
    store.add(np.arange(40), vectors)
    store.save(tmp_path / "v.faiss")
    loaded = FaissStore.load(tmp_path / "v.faiss", 16, kind)
    assert len(loaded) == 40
    assert np.allclose(loaded.vectors(np.array([3, 9])), store.vectors(np.array([3, 9])), atol=1e-6)


def test_index_kind_follows_size_unless_overridden():
    """auto picks exact search for small corpora and HNSW above the threshold."""
    assert choose_kind("auto", 1000, 200_000) == FLAT
    assert choose_kind("auto", 300_000, 200_000) == HNSW
    assert choose_kind("flat", 300_000, 200_000) == FLAT
