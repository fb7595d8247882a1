"""The abstainer's view of a ranked candidate list (retrieval.rerank)."""
import numpy as np

from retrieval.features import FEATURE_NAMES
from retrieval.rerank import ABSTAIN_FEATURES, abstain_features, load_second_stage


def test_abstainer_reads_the_best_candidate_and_its_margin():
    """Each top_<feature> is the best-scored candidate's own, the margin is to the runner-up."""
    features = np.arange(3 * len(FEATURE_NAMES), dtype=float).reshape(3, len(FEATURE_NAMES))
    scores = np.array([0.2, 0.9, 0.5])
    row = dict(zip(ABSTAIN_FEATURES, abstain_features(features, scores)))
    best = dict(zip(FEATURE_NAMES, features[1]))
    assert row["top_score"] == 0.9 and np.isclose(row["margin"], 0.4)
    assert row["unseen"] == best["unseen"] and row["has_unseen"] == 1.0
    for name in ABSTAIN_FEATURES:
        if name.startswith("top_") and name != "top_score":
            assert row[name] == best[name.removeprefix("top_")]


def test_weights_follow_the_index_context_vectors():
    """Indexes without context vectors get a ranker that never reads context_dense; with them, one that does."""
    for model in ("multilingual-e5-small", None):
        assert "context_dense" not in load_second_stage(model, context=False).ranker.features
        assert "context_dense" in load_second_stage(model, context=True).ranker.features


def test_unknown_second_model_falls_back_to_the_first_model_weights():
    """A second model without fitted weights uses the first-model-only ones."""
    fallback = load_second_stage("some-other-model", context=False)
    assert fallback.ranker.features == load_second_stage(None, context=False).ranker.features
    assert not any(f.startswith("second") for f in fallback.ranker.features)


def test_word_piece_weights_only_when_asked():
    """Only `word_pieces` weights read the word-piece match; every variant has them."""
    for model in ("multilingual-e5-small", None):
        for context in (False, True):
            plain = load_second_stage(model, context=context).ranker.features
            pieces = load_second_stage(model, context=context, word_pieces=True).ranker.features
            assert not any(f.startswith("token_") for f in plain)
            assert {"token_maxsim", "token_maxsim_gap"} <= set(pieces)
