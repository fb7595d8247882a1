"""Searching several segments as one, with tombstoned id ranges."""
import numpy as np

from index.segments import SegmentedStore, is_deleted
from index.store import FLAT, HNSW, FaissStore


def unit_rows(n, dim=8, seed=0):
    v = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def two_segments():
    big, small = FaissStore(8, HNSW), FaissStore(8, FLAT)
    a, b = unit_rows(200, seed=1), unit_rows(10, seed=2)
    big.add(np.arange(0, 200), a)
    small.add(np.arange(200, 210), b)
    return big, small, a, b


def test_search_spans_every_segment():
    """The best match is found whichever segment holds it."""
    big, small, a, b = two_segments()
    store = SegmentedStore([big, small], deleted=[])
    _, ids = store.search(np.vstack([a[7], b[3]]), 1)
    assert ids[:, 0].tolist() == [7, 203] and len(store) == 210


def test_tombstoned_ids_are_never_returned():
    """Ids in a deleted range vanish from results and from the count."""
    big, small, a, _ = two_segments()
    store = SegmentedStore([big, small], deleted=[(0, 100)])
    _, ids = store.search(a[:50], 5)
    assert not is_deleted(ids.ravel(), [(0, 100)]).any() and len(store) == 110


def test_vectors_come_from_the_owning_segment():
    """vectors(ids) reads each id from the segment that holds it."""
    big, small, a, b = two_segments()
    store = SegmentedStore([big, small], deleted=[])
    got = store.vectors(np.array([205, 3]))
    assert np.allclose(got[0], b[5], atol=1e-3) and np.allclose(got[1], a[3], atol=1e-3)
