"""How a question is opened is not what it asks (retrieval.question.without_lead_in)."""
import pytest

from retrieval.question import without_lead_in, without_preamble


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


def _known(*terms: str):
    return lambda term: term in terms


def test_a_short_opening_of_words_the_articles_never_use_is_left_out():
    """ "btw, " and "honest question: " name nothing the articles use: the question is what follows."""
    assert without_preamble("btw, who led the talks?", _known("led", "talk")) == "who led the talks?"
    assert without_preamble("honest question: did exports fall?", _known("export")) == "did exports fall?"


def test_an_opening_with_a_word_the_articles_use_is_kept():
    """ "in London, who led the talks" is about London."""
    question = "in london, who led the talks?"
    assert without_preamble(question, _known("london", "led", "talk")) == question


@pytest.mark.parametrize("question", ["In 1990, who won the cup?", "Speaking of OPEC, what did they say?"])
def test_an_opening_with_a_number_or_a_name_is_kept(question):
    """A year or a name says what is asked about, even when the articles never use it."""
    assert without_preamble(question, _known()) == question


def test_a_wh_word_set_off_by_a_comma_is_kept():
    """ "What, along with solar, …" keeps its "what": an opening of stopwords is no opening."""
    question = "What, along with solar, uses the heat process?"
    assert without_preamble(question, _known()) == question
