"""Scoring AnswerSets against gold questions: metrics, failure reasons, threshold calibration.

A returned sentence is correct when its source equals a gold source and it contains that gold
quote, both in normal form (NFKC, casefold, collapsed whitespace, straight quotes).
Unanswerable gold questions (`answers: []`) are right only when quotebot abstains.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import numpy as np
from scipy.special import logit, ndtr
from pydantic import BaseModel, ValidationError

from index.table import Sentence

from .answer import AnswerSet, Quote
from .errors import GoldError
from .text import normal_form

MRR_DEPTH = 10


class GoldAnswer(BaseModel):
    source: str
    quote: str


class GoldQuestion(BaseModel):
    id: str
    question: str
    kind: str = "unknown"
    answers: list[GoldAnswer]

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


def load_gold(path: Path) -> list[GoldQuestion]:
    """Gold questions from a JSONL file; a bad line is a GoldError naming it."""
    if not path.is_file():
        raise GoldError(f"gold file not found: {path}")
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(GoldQuestion.model_validate(json.loads(line)))
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{number}: not JSON ({exc.msg}, column {exc.colno})") from None
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "the line"
            raise GoldError(f"{path}:{number}: not a gold question ({where}: {first['msg']})") from None
    if not out:
        raise GoldError(f"{path} holds no gold questions")
    return out


def sources_not_in(gold: list[GoldQuestion], articles: Iterable[str]) -> list[str]:
    """Gold sources that are not among the corpus's `articles`: their questions cannot be answered right."""
    known = set(articles)
    return sorted({a.source for g in gold for a in g.answers} - known)


def is_correct(quote: Quote, gold: GoldQuestion) -> bool:
    """Whether a returned sentence answers the gold question."""
    return holds_answer(quote.source, quote.quote, gold)


def holds_answer(source: str, text: str, gold: GoldQuestion) -> bool:
    """Whether the sentence `text` of file `source` holds one of the gold quotes of that file."""
    quotes = [a.quote for a in gold.answers if a.source == source]
    if not quotes:
        return False
    text = normal_form(text)
    return any(normal_form(q) in text for q in quotes)


def answer_sentences(gold: GoldQuestion, sentences: Iterable[Sentence]) -> list[Sentence]:
    """The corpus sentences that would count as a right answer to `gold` (none when a gold quote
    is not in its file, or runs across a sentence boundary)."""
    return [s for s in sentences if holds_answer(s.source, s.text, gold)]


def correct_rank(result: AnswerSet, gold: GoldQuestion) -> int | None:
    """1-based rank of the first correct answer, or None."""
    for rank, answer in enumerate(result.answers, start=1):
        if is_correct(answer, gold):
            return rank
    return None


@dataclass
class Outcome:
    """How one gold question went."""

    gold: GoldQuestion
    result: AnswerSet
    rank: int | None
    top_score: float

    @property
    def right(self) -> bool:
        if self.gold.answerable:
            return self.rank == 1 and not self.result.abstained
        return self.result.abstained

    def why(self) -> str:
        """A failure reason a person can act on."""
        if not self.gold.answerable:
            return "answered an unanswerable question"
        if self.rank == 1:
            return "wrongly abstained"
        if self.rank is None:
            return "not retrieved"
        return f"ranked {self.rank}" + (" and abstained" if self.result.abstained else "")


@dataclass
class Metrics:
    """Quality of one run over a gold set (a group of it)."""

    questions: int = 0
    answerable: int = 0
    hit1: float = 0.0
    hit3: float = 0.0
    mrr10: float = 0.0
    unanswerable: int = 0
    abstain_recall: float = 0.0
    false_abstain: float = 0.0
    accuracy: float = 0.0

    def measurable(self, metric: str) -> bool:
        """Whether this group has the questions `metric` is over (Hit@1 needs answerable ones,
        abstain recall unanswerable ones)."""
        return bool(getattr(self, _OVER.get(metric, "questions")))

    def as_dict(self) -> dict:
        """The metrics by name; null for one the group has no questions to measure."""
        return {
            k: (round(v, 4) if self.measurable(k) else None) if isinstance(v, float) else v
            for k, v in self.__dict__.items()
        }


# The questions each metric is over, where not all of them.
_OVER = {
    "hit1": "answerable", "hit3": "answerable", "mrr10": "answerable", "false_abstain": "answerable",
    "abstain_recall": "unanswerable",
}


@dataclass
class Report:
    """Metrics overall and per kind, the failures, and throughput."""

    overall: Metrics
    by_kind: dict[str, Metrics]
    outcomes: list[Outcome]
    threshold: float
    questions_per_second: float = 0.0
    failures: list[Outcome] = field(default_factory=list)

    def as_dict(self, failures: int = 20) -> dict:
        # Failures first and the headline metrics last, so the tail of the JSON is the summary.
        return {
            "failures": [
                {"id": o.gold.id, "question": o.gold.question, "why": o.why(),
                 "returned": o.result.answers[0].quote if o.result.answers else None,
                 "source": o.result.answers[0].source if o.result.answers else None,
                 "confidence": o.top_score}
                for o in self.failures[:failures]
            ],
            "by_kind": {k: m.as_dict() for k, m in sorted(self.by_kind.items())},
            "threshold": self.threshold,
            "questions_per_second": round(self.questions_per_second, 2),
            "overall": self.overall.as_dict(),
        }


def outcomes_of(gold: list[GoldQuestion], results: list[AnswerSet]) -> list[Outcome]:
    return [
        Outcome(g, r, correct_rank(r, g), _decision_score(r))
        for g, r in zip(gold, results)
    ]


def _decision_score(result: AnswerSet) -> float:
    """The number the abstention threshold is compared with."""
    if result.confidence is not None:
        return result.confidence
    return result.answers[0].score if result.answers else float("-inf")


def metrics_of(outcomes: list[Outcome]) -> Metrics:
    m = Metrics(questions=len(outcomes))
    answerable = [o for o in outcomes if o.gold.answerable]
    unanswerable = [o for o in outcomes if not o.gold.answerable]
    m.answerable, m.unanswerable = len(answerable), len(unanswerable)
    if answerable:
        m.hit1 = _mean(o.rank == 1 for o in answerable)
        m.hit3 = _mean(o.rank is not None and o.rank <= 3 for o in answerable)
        m.mrr10 = _mean(1.0 / o.rank if o.rank and o.rank <= MRR_DEPTH else 0.0 for o in answerable)
        m.false_abstain = _mean(o.result.abstained for o in answerable)
    if unanswerable:
        m.abstain_recall = _mean(o.result.abstained for o in unanswerable)
    m.accuracy = _mean(o.right for o in outcomes) if outcomes else 0.0
    return m


def report_of(gold: list[GoldQuestion], results: list[AnswerSet], threshold: float, seconds: float) -> Report:
    outcomes = outcomes_of(gold, results)
    kinds: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        kinds[o.gold.kind].append(o)
    return Report(
        overall=metrics_of(outcomes),
        by_kind={k: metrics_of(v) for k, v in kinds.items()},
        outcomes=outcomes,
        threshold=threshold,
        questions_per_second=len(outcomes) / seconds if seconds > 0 else 0.0,
        failures=[o for o in outcomes if not o.right],
    )


def accuracy_at(outcomes: list[Outcome], threshold: float) -> float:
    """Overall accuracy if quotebot abstained exactly when the top score is below `threshold`."""
    if not outcomes:
        return 0.0
    scores = np.array([o.top_score for o in outcomes], dtype=float)
    return float(_right_at(outcomes, scores, np.array([threshold]))[0]) / len(outcomes)


def calibrate(outcomes: list[Outcome]) -> tuple[float, float]:
    """The abstention threshold for new questions, and the accuracy it gives on these.

    Like SQuAD 2.0's best-threshold search, every gap between two observed top scores is a
    candidate cut, the threshold sitting midway in it. Which cut wins is judged as if the cut
    could land a little higher or lower (a Gaussian jitter of SMOOTHING standard deviations of
    the scores, in log-odds when they are probabilities): on a small gold set the best exact cut
    is often a narrow gap between two questions, and a cut in the middle of a broad good
    stretch serves new questions better (seed dev, eight variants, random halves: accuracy on the
    unseen half 0.747 → 0.757).
    """
    scores = np.array([o.top_score for o in outcomes], dtype=float)
    finite = np.isfinite(scores)
    distinct = np.unique(scores[finite])
    if not len(distinct):
        return 0.0, 0.0
    cuts = np.concatenate([[distinct[0] - 1e-6], (distinct[:-1] + distinct[1:]) / 2, [distinct[-1] + 1e-6]])
    if len(cuts) > MAX_CUTS:
        # Thousands of questions: neighbouring cuts differ by a question, so quantiles suffice.
        cuts = cuts[np.linspace(0, len(cuts) - 1, MAX_CUTS).round().astype(int)]
    scale = _smoothing_scale(distinct)
    placed = np.where(finite, scale(scores), -np.inf)  # a question without answers is never answered
    spread = SMOOTHING * float(placed[finite].std()) or 1.0
    right_if_answered = np.array([o.gold.answerable and o.rank == 1 for o in outcomes], dtype=float)
    unanswerable = np.array([not o.gold.answerable for o in outcomes], dtype=float)
    expected_right = np.concatenate([
        _expected_right(placed, scale(chunk), spread, right_if_answered, unanswerable)
        for chunk in np.array_split(cuts, max(1, len(cuts) // 128))
    ])
    best = float(cuts[int(np.argmax(expected_right))])
    # Scores carry 4 decimals and the cuts sit midway between them: keep the fifth.
    best = round(best, 5)
    return best, accuracy_at(outcomes, best)


# The jitter of a calibrated cut, in standard deviations of the (log-odds) scores.
SMOOTHING = 0.3
# Candidate cuts judged at most (each is a pass over all scores).
MAX_CUTS = 2000


def _expected_right(
    placed: np.ndarray, cuts: np.ndarray, spread: float, right_if_answered: np.ndarray, unanswerable: np.ndarray,
) -> np.ndarray:
    """How many questions are right at each cut, on average over cuts jittered by N(0, spread)."""
    answered = ndtr((placed[None, :] - cuts[:, None]) / spread)
    return answered @ right_if_answered + (1.0 - answered) @ unanswerable


def _smoothing_scale(scores: np.ndarray):
    """Log-odds for probabilities (the second stage's confidence), the scores as they are otherwise."""
    if scores.min() >= 0.0 and scores.max() <= 1.0:
        return lambda x: logit(np.clip(x, 1e-6, 1 - 1e-6))
    return lambda x: x


def _right_at(outcomes: list[Outcome], scores: np.ndarray, cuts: np.ndarray) -> np.ndarray:
    """How many questions are right at each cut: answerable ones ranked first and scored at or
    above it, unanswerable ones scored below it (one sort, not a pass per cut)."""
    right_if_answered = np.array([o.gold.answerable and o.rank == 1 for o in outcomes])
    order = np.argsort(scores, kind="stable")
    sorted_scores = scores[order]
    # Per cut: how many scores lie below it, and of those, how many are right to abstain or to answer.
    below = np.searchsorted(sorted_scores, cuts, side="left")
    unanswerable = np.array([not o.gold.answerable for o in outcomes])
    abstain_right = np.concatenate([[0], np.cumsum(unanswerable[order])])
    answer_right = np.concatenate([[0], np.cumsum(right_if_answered[order])])
    return abstain_right[below] + (answer_right[-1] - answer_right[below])


def cross_validated_accuracy(outcomes: list[Outcome], folds: int = 10) -> float:
    """Accuracy on questions the threshold was not calibrated on: each of `folds` interleaved
    parts is scored at the threshold calibrated on the others. What calibrating on a small gold
    set promises for new questions of its kind; the in-sample best accuracy is optimistic."""
    folds = min(folds, len(outcomes))
    if folds < 2:
        return accuracy_at(outcomes, calibrate(outcomes)[0])
    right = 0
    for k in range(folds):
        held_out = outcomes[k::folds]
        rest = [o for i, o in enumerate(outcomes) if i % folds != k]
        right += accuracy_at(held_out, calibrate(rest)[0]) * len(held_out)
    return right / len(outcomes)


def coverage_curve(outcomes: list[Outcome]) -> tuple[list[float], list[float], list[float]]:
    """(thresholds, coverage, accuracy-of-answered) as the threshold sweeps the top scores."""
    answerable_scores = sorted({o.top_score for o in outcomes if np.isfinite(o.top_score)}, reverse=True)
    thresholds, coverage, accuracy = [], [], []
    for t in answerable_scores:
        answered = [o for o in outcomes if o.top_score >= t]
        thresholds.append(t)
        coverage.append(len(answered) / len(outcomes))
        accuracy.append(_mean(o.gold.answerable and o.rank == 1 for o in answered))
    return thresholds, coverage, accuracy


def _mean(values) -> float:
    values = list(values)
    return float(sum(bool(v) if isinstance(v, bool) else v for v in values)) / len(values) if values else 0.0
