"""How a question is opened is not what it asks (retrieval.question.without_lead_in)."""
import pytest

from retrieval.question import without_lead_in


@pytest.mark.parametrize(
    "typed",
    ["quick question: who led the talks?", "hey quotebot, do you know who led the talks?", "So, um, who led the talks?",
     "can you tell me who led the talks?", "I was wondering who led the talks?", "sorry, who led the talks?"],
)
def test_an_opening_is_left_out(typed):
    """Greetings, "quick question:", "do you know", "can you tell me" and the like open, not ask."""
    assert without_lead_in(typed) == "who led the talks?"


def test_a_yes_no_opening_is_kept():
    """ "can you tell me if exports fell" asks yes or no; "exports fell" would not."""
    assert without_lead_in("can you tell me if exports fell") == "can you tell me if exports fell"


@pytest.mark.parametrize("typed", ["help with tariffs", "well water in Geneva", "bot makers in London", "question time"])
def test_a_word_that_can_be_asked_about_stays_without_punctuation(typed):
    """ "help", "well", "bot" and "question" open a question only when punctuation follows them."""
    assert without_lead_in(typed) == typed


def test_nothing_is_left_out_when_nothing_would_remain():
    """ "hello" alone stays "hello": a question is never emptied."""
    assert without_lead_in("hello") == "hello"
