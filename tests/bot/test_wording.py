"""The words every front end shares: the refusal and the confidence hint."""
import pytest

from bot.wording import (
    HELLO, NAMES_NOTHING, NOT_IN_ARTICLES, OTHER_LANGUAGE, YOU_ARE_WELCOME, confidence_hint, never_used, refusal,
    sureness,
)
from retrieval.answer import Answer, AnswerSet


def answer_set(score: float, confidence: float | None) -> AnswerSet:
    answer = Answer(quote="He Lifeng led it.", source="001.txt", line=3, start=0, end=17, score=score)
    return AnswerSet(question="who led it", abstained=False, answers=[answer], confidence=confidence)


@pytest.mark.parametrize(("score", "word"), [(0.75, "high"), (0.35, "high"), (0.20, "medium"), (0.15, "medium"), (0.10, "low")])
def test_hint_grows_with_the_margin_over_the_threshold(score, word):
    """0.3 above the threshold is high, 0.1 above is medium, less is low."""
    assert confidence_hint(score, threshold=0.04) == f"{word} confidence"


def test_sureness_reads_the_abstainer_confidence_over_the_ranking_score():
    """With an abstainer's confidence, the hint follows it, not the top answer's score."""
    assert sureness(answer_set(score=0.9, confidence=0.06), threshold=0.04) == "low confidence"


def test_sureness_falls_back_to_the_top_score_without_a_confidence():
    """Modes without an abstainer (dense, bm25, hybrid) are judged by the top score."""
    assert sureness(answer_set(score=0.9, confidence=None), threshold=0.04) == "high confidence"


@pytest.mark.parametrize(
    ("unreadable", "words"),
    [(None, NOT_IN_ARTICLES), ("other language", OTHER_LANGUAGE), ("names nothing", NAMES_NOTHING),
     ("thanks", YOU_ARE_WELCOME), ("greeting", HELLO)],
)
def test_the_refusal_says_why(unreadable, words):
    """ "The articles don't say" only when they were searched; else why the question could not be."""
    refused = answer_set(0.1, 0.01).model_copy(update={"abstained": True, "unreadable": unreadable})
    assert refusal(refused) == words


@pytest.mark.parametrize(("words", "said"), [
    (["Japan"], "They never use the word “Japan”."),
    (["Eiffel Tower"], "They never use the words “Eiffel Tower”."),
    (["current", "rate", "steel"], "They never use the words “current”, “rate” or “steel”."),
    (["a", "b", "c", "d"], "They never use the words “a”, “b”, “c”, …."),
    (["x" * 60], f"They never use the word “{'x' * 39}…”."),
])
def test_a_refusal_names_the_words_the_articles_never_use(words, said):
    """One word, a phrase, a list, a long list cut at three, a long word cut."""
    refused = answer_set(0.1, 0.01).model_copy(update={"abstained": True, "not_in_articles": words})
    assert never_used(refused) == said


def test_unused_words_are_named_only_in_a_refusal_for_want_of_an_answer():
    """An answer, or a question refused as unreadable, adds nothing about unused words."""
    answered = answer_set(0.9, 0.9).model_copy(update={"not_in_articles": ["soybeans"]})
    foreign = answered.model_copy(update={"abstained": True, "unreadable": "other language"})
    assert never_used(answered) == "" and never_used(foreign) == ""


def test_the_refusal_carries_the_unused_words_through_the_front_ends_escape():
    """Only the asker's part goes through `escape`; the refusal's own words do not."""
    refused = answer_set(0.1, 0.01).model_copy(update={"abstained": True, "not_in_articles": ["Japan"]})
    assert refusal(refused, str.upper) == f"{NOT_IN_ARTICLES} THEY NEVER USE THE WORD “JAPAN”."
