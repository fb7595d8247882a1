"""The abstainer's view of a ranked candidate list (retrieval.rerank)."""
import numpy as np

from retrieval.features import FEATURE_NAMES
from retrieval.rerank import (
    ABSTAIN_FEATURES, CONTRADICTIONS, NUMBER_MISS_CONFIDENCE, abstain_features, contradicts, load_second_stage,
    served_confidence,
)


def test_abstainer_reads_the_best_candidate_and_its_margin():
    """Each top_<feature> is the best-scored candidate's own, the margin is to the runner-up."""
    features = np.arange(3 * len(FEATURE_NAMES), dtype=float).reshape(3, len(FEATURE_NAMES))
    features[:, FEATURE_NAMES.index("unseen_asked")] = 0.0
    scores = np.array([0.2, 0.9, 0.5])
    row = dict(zip(ABSTAIN_FEATURES, abstain_features(features, scores)))
    best = dict(zip(FEATURE_NAMES, features[1]))
    assert row["top_score"] == 0.9 and np.isclose(row["margin"], 0.4)
    assert row["unseen"] == best["unseen"] and row["has_unseen"] == 1.0
    for name in ABSTAIN_FEATURES:
        if name.startswith("top_") and name != "top_score":
            assert row[name] == best[name.removeprefix("top_")]


def _unseen_seen_by_abstainer(unseen: float, asked: float, type_miss: float) -> tuple[float, float]:
    features = np.zeros((2, len(FEATURE_NAMES)))
    features[:, FEATURE_NAMES.index("unseen")] = unseen
    features[:, FEATURE_NAMES.index("unseen_asked")] = asked
    features[:, FEATURE_NAMES.index("type_miss")] = type_miss
    row = dict(zip(ABSTAIN_FEATURES, abstain_features(features, np.array([0.8, 0.1]))))
    return row["unseen"], row["has_unseen"]


def test_unseen_words_naming_the_kind_asked_for_are_forgiven_when_the_answer_holds_that_kind():
    """"Which *law firm*": the answer names the firm, not the words, so they are not unseen."""
    assert _unseen_seen_by_abstainer(0.4, 0.4, type_miss=0.0) == (0.0, 0.0)


def test_unseen_words_naming_the_kind_asked_for_count_when_the_answer_lacks_that_kind():
    """"What's the *price*" over a sentence without a sum: the unseen word still counts."""
    assert _unseen_seen_by_abstainer(0.4, 0.4, type_miss=1.0) == (0.4, 1.0)


def test_other_unseen_words_count_whatever_the_answer_holds():
    """Only the asked-for words are forgiven; "japan" in the rest of the question still counts."""
    unseen, has_unseen = _unseen_seen_by_abstainer(0.6, 0.4, type_miss=0.0)
    assert np.isclose(unseen, 0.2) and has_unseen == 1.0


def test_a_best_candidate_flagged_as_contradicting_is_refused():
    """Confidence is 0 when the best-scored candidate says the opposite or names another value."""
    stage = load_second_stage("multilingual-e5-small", context=False)
    features = np.zeros((2, len(FEATURE_NAMES)))
    features[:, FEATURE_NAMES.index("coverage")] = 1.0
    scores = np.array([0.9, 0.1])
    assert stage.confidence(features, scores) > 0.0
    for name in CONTRADICTIONS:
        flagged = features.copy()
        flagged[0, FEATURE_NAMES.index(name)] = 1.0
        assert contradicts(flagged, scores) and stage.confidence(flagged, scores) == 0.0


def test_a_missed_number_is_refused_below_its_own_bar():
    """A number or date question's best sentence without one is served at 0 below the bar, as is above it."""
    low, high = NUMBER_MISS_CONFIDENCE / 2, (1 + NUMBER_MISS_CONFIDENCE) / 2
    assert served_confidence(low, True) == 0.0 and served_confidence(high, True) == high
    assert served_confidence(low, False) == low


def test_the_number_miss_read_is_the_best_candidates():
    """Confidence drops to 0 only when the best-scored candidate misses the number asked for."""
    stage = load_second_stage("multilingual-e5-small", context=False)
    features = np.zeros((2, len(FEATURE_NAMES)))
    scores = np.array([0.9, 0.1])
    confidence = stage.confidence(features, scores)
    assert 0.0 < confidence < NUMBER_MISS_CONFIDENCE
    features[1, FEATURE_NAMES.index("number_miss")] = 1.0
    assert stage.confidence(features, scores) == confidence
    features[0, FEATURE_NAMES.index("number_miss")] = 1.0
    assert stage.confidence(features, scores) == 0.0


def test_a_contradicting_candidate_below_the_best_does_not_refuse():
    """Only the best-scored candidate's flags count."""
    features = np.zeros((2, len(FEATURE_NAMES)))
    features[1, FEATURE_NAMES.index("conflict")] = 1.0
    assert not contradicts(features, np.array([0.9, 0.1]))


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
