"""Metrics, failure reasons and calibration on hand-computed fixtures."""
import json

import pytest

from retrieval.answer import Answer, AnswerSet
from retrieval.errors import GoldError
from index.table import Sentence
from retrieval.evaluate import (
    GoldAnswer, GoldQuestion, Outcome, answer_sentences, calibrate, cross_validated_accuracy, is_correct, load_gold,
    metrics_of, outcomes_of, sources_not_in,
)


def answer(quote, source="a.txt", score=0.9):
    return Answer(quote=quote, source=source, line=1, start=0, end=len(quote), score=score)


def gold(qid, answers, kind="lexical"):
    return GoldQuestion(id=qid, question=qid, kind=kind, answers=answers)


def test_correct_needs_same_source_and_quote_in_normal_form():
    """Curly quotes, case and whitespace do not matter; the file does."""
    g = gold("q", [{"source": "a.txt", "quote": 'said "Hello  World"'}])
    assert is_correct(answer("Then he SAID “hello world” twice."), g)
    assert not is_correct(answer("Then he SAID “hello world” twice.", source="b.txt"), g)
    assert not is_correct(answer("Then he said hello."), g)


def test_answer_sentences_are_the_corpus_sentences_that_would_count():
    """The sentences holding a gold quote in its own file, in normal form; none for a quote split
    across two sentences."""
    corpus = [
        Sentence(0, "a.txt", 1, 0, 20, "He said “Hello  World”."),
        Sentence(1, "b.txt", 1, 0, 20, "He said hello world."),
        Sentence(2, "a.txt", 2, 21, 40, "Then he left."),
    ]
    assert answer_sentences(gold("q", [{"source": "a.txt", "quote": "hello world"}]), corpus) == [corpus[0]]
    assert answer_sentences(gold("q", [{"source": "a.txt", "quote": "world. Then"}]), corpus) == []


def test_metrics_on_a_hand_computed_run():
    """Hit@1, Hit@3, MRR@10, abstain recall, false abstain, accuracy as computed by hand."""
    golds = [
        gold("right", [{"source": "a.txt", "quote": "alpha"}]),
        gold("second", [{"source": "a.txt", "quote": "beta"}]),
        gold("missed", [{"source": "a.txt", "quote": "gamma"}]),
        gold("abstained", [{"source": "a.txt", "quote": "delta"}]),
        gold("unans-ok", []),
        gold("unans-bad", []),
    ]
    results = [
        AnswerSet(question="right", abstained=False, answers=[answer("alpha x"), answer("zzz")]),
        AnswerSet(question="second", abstained=False, answers=[answer("zzz"), answer("beta y")]),
        AnswerSet(question="missed", abstained=False, answers=[answer("zzz")]),
        AnswerSet(question="abstained", abstained=True, answers=[answer("delta")]),
        AnswerSet(question="unans-ok", abstained=True, answers=[answer("zzz")]),
        AnswerSet(question="unans-bad", abstained=False, answers=[answer("zzz")]),
    ]
    outcomes = outcomes_of(golds, results)
    m = metrics_of(outcomes)
    assert m.hit1 == pytest.approx(2 / 4)
    assert m.hit3 == pytest.approx(3 / 4)
    assert m.mrr10 == pytest.approx((1 + 0.5 + 0 + 1) / 4)
    assert m.abstain_recall == pytest.approx(1 / 2)
    assert m.false_abstain == pytest.approx(1 / 4)
    assert m.accuracy == pytest.approx(2 / 6)  # "right" and "unans-ok"
    assert [o.why() for o in outcomes if not o.right] == [
        "ranked 2", "not retrieved", "wrongly abstained", "answered an unanswerable question",
    ]


def test_calibration_finds_the_separating_threshold():
    """Answerable questions scoring high and unanswerable low: the cut falls between them."""
    golds = [gold(f"a{i}", [{"source": "a.txt", "quote": "yes"}]) for i in range(3)] + [gold(f"u{i}", []) for i in range(3)]
    scores = [0.9, 0.8, 0.7, 0.4, 0.3, 0.2]
    results = [
        AnswerSet(question=g.id, abstained=False, answers=[answer("yes" if g.answers else "no", score=s)])
        for g, s in zip(golds, scores)
    ]
    threshold, accuracy = calibrate(outcomes_of(golds, results))
    assert 0.4 < threshold < 0.7 and accuracy == 1.0


def scored(pattern):
    """Outcomes from (answerable and ranked first?, top score) pairs."""
    return [
        Outcome(
            gold=gold(f"q{i}", [{"source": "a.txt", "quote": "x"}] if answerable else []),
            result=AnswerSet(question=f"q{i}", abstained=False, answers=[]), rank=1 if answerable else None,
            top_score=score,
        )
        for i, (answerable, score) in enumerate(pattern)
    ]


def test_calibration_prefers_a_broad_gap_to_a_narrow_one():
    """Cuts at 0.105 and 0.31 both get 4 of 5 right; the one not squeezed between two scores wins."""
    outcomes = scored([(False, 0.10), (True, 0.11), (False, 0.12), (True, 0.5), (True, 0.9)])
    threshold, accuracy = calibrate(outcomes)
    assert threshold == pytest.approx(0.31) and accuracy == pytest.approx(4 / 5)


def test_calibration_of_scores_beyond_one():
    """Scores that are not probabilities (BM25's) are cut between the answerable and the unanswerable."""
    threshold, accuracy = calibrate(scored([(True, 9.0), (True, 8.0), (False, 4.0), (True, 7.0), (False, 2.5)]))
    assert 4.0 < threshold < 7.0 and accuracy == 1.0


def test_questions_without_answers_count_as_abstained():
    """A question with no answer at all (top score -inf) is abstained at any threshold."""
    threshold, accuracy = calibrate(scored([(False, float("-inf")), (True, 0.7), (False, 0.3)]))
    assert 0.3 < threshold < 0.7 and accuracy == 1.0


def test_cross_validation_scores_each_part_at_the_others_threshold():
    """Two folds, worked by hand: calibrated on the two unanswerable questions the threshold
    abstains on everything, on the two answerable ones it answers everything; each half is
    then half right, while the in-sample best is 3 of 4."""
    outcomes = scored([(True, 0.9), (False, 0.8), (True, 0.7), (False, 0.6)])
    assert calibrate(outcomes)[1] == pytest.approx(0.75)
    assert cross_validated_accuracy(outcomes, folds=2) == pytest.approx(0.5)


def test_cross_validation_of_separable_scores_is_perfect():
    """When every answerable question outscores every unanswerable one, held-out parts are right too."""
    outcomes = scored([(i % 2 == 0, 0.9 - 0.01 * i if i % 2 == 0 else 0.4 - 0.01 * i) for i in range(20)])
    assert cross_validated_accuracy(outcomes) == 1.0


def test_malformed_gold_line_names_the_line(tmp_path):
    """A gold file with a broken line is a GoldError pointing at it."""
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"id": "1", "question": "q", "answers": []}) + "\n{broken\n")
    with pytest.raises(GoldError, match=":2:"):
        load_gold(path)


def test_gold_line_missing_a_field_names_the_field(tmp_path):
    """A gold question without `answers` says which field is missing, not only that the line is bad."""
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"id": "1", "question": "q"}) + "\n")
    with pytest.raises(GoldError, match=r":1: not a gold question \(answers: Field required\)"):
        load_gold(path)


def test_sources_not_in_the_corpus_are_found():
    """Gold sources the corpus lacks are listed once each; unanswerable questions name none."""
    gold = [
        GoldQuestion(id="1", question="q", answers=[GoldAnswer(source="a.txt", quote="x"), GoldAnswer(source="z.txt", quote="y")]),
        GoldQuestion(id="2", question="q", answers=[GoldAnswer(source="z.txt", quote="x")]),
        GoldQuestion(id="3", question="q", answers=[]),
    ]
    assert sources_not_in(gold, ["a.txt", "b.txt"]) == ["z.txt"]
