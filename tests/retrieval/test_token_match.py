"""Word-piece matching (MaxSim) and the cache of sentences' word pieces."""
import numpy as np
import pytest

from retrieval.token_match import PieceCache, max_sim

X, Y, Z = np.eye(3, dtype=np.float32)


def test_each_question_piece_takes_its_best_match():
    """A question piece scores its best cosine in the sentence; the scores are averaged."""
    question = np.stack([X, Y])
    sentences = [np.stack([X, Z]), np.stack([X, Y, Z]), np.stack([(X + Y) / np.sqrt(2)])]
    assert max_sim(question, sentences) == pytest.approx([0.5, 1.0, np.sqrt(0.5)])


def test_sentence_without_pieces_scores_zero():
    """An empty sentence (nothing encoded) scores 0 without upsetting its neighbours."""
    assert max_sim(np.stack([X]), [np.zeros((0, 3)), np.stack([X]), np.zeros((0, 3))]).tolist() == [0, 1, 0]


def test_no_candidates_no_scores():
    assert max_sim(np.stack([X]), []).shape == (0,)


def _counting_encoder():
    calls = []

    def encode(texts):
        calls.append(list(texts))
        return [np.full((len(t), 3), 0.5) for t in texts]

    return encode, calls


def test_cache_encodes_each_sentence_once():
    """A sentence met again is taken from the cache, not encoded again."""
    encode, calls = _counting_encoder()
    cache = PieceCache(encode)
    text = {1: "a", 2: "bb", 3: "ccc"}.__getitem__
    first = cache.get([1, 2], text)
    second = cache.get([2, 3, 2], text)
    assert calls == [["a", "bb"], ["ccc"]]
    assert [len(p) for p in first] == [1, 2] and [len(p) for p in second] == [2, 3, 2]


def test_cache_drops_the_least_recently_used():
    """Past its size the cache forgets the sentence used longest ago."""
    encode, calls = _counting_encoder()
    cache = PieceCache(encode, size=2)
    text = str
    cache.get([1], text)
    cache.get([2], text)
    cache.get([1], text)  # 1 is now the most recent
    cache.get([3], text)  # evicts 2
    cache.get([1], text)
    cache.get([2], text)
    assert calls == [["1"], ["2"], ["3"], ["2"]]


def test_cache_passes_on_a_model_without_pieces():
    """A model that gives no word pieces yields None, so the features fall back."""
    assert PieceCache(lambda texts: None).get([1], str) is None
