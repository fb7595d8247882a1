"""A follow-up read with the person the exchange before it was about (retrieval.follow_up)."""
import pytest

from retrieval.answer import Answer, AnswerSet
from retrieval.follow_up import instead, names_in_question, person_of, with_person

SHAW = "Kelly Ann Shaw, a former White House trade adviser at Akin Gump in Washington, said she expects China to act."
# Words the articles write only capitalised, places aside.
NAMES = frozenset("kelly ann shaw lutnick trump hassett lifeng bessent greer".split())


def is_name(word: str) -> bool:
    return word in NAMES


def answered(question: str, quote: str, abstained: bool = False) -> AnswerSet:
    answer = Answer(quote=quote, source="a.txt", line=1, start=0, end=len(quote), score=0.9)
    return AnswerSet(question=question, abstained=abstained, answers=[answer])


def test_a_name_of_several_words_is_one_name_as_typed():
    """ "kelly ann shaw" is one name; "china" (a place) is none; "Lutnick's" is Lutnick."""
    assert names_in_question("what does kelly ann shaw expect china to do", is_name) == ["kelly ann shaw"]
    assert names_in_question("what does Lutnick's agency oversee", is_name) == ["Lutnick"]


def test_the_person_asked_about_is_the_one_the_question_named():
    """ "what does kelly ann shaw expect" was about Kelly Ann Shaw, answered or not."""
    assert person_of(answered("what does kelly ann shaw expect china to do", SHAW), is_name) == "kelly ann shaw"
    assert person_of(answered("what does kelly ann shaw expect", SHAW, abstained=True), is_name) == "kelly ann shaw"


def test_a_who_question_is_about_the_name_its_answer_gives_without_titles():
    """ "who led China's delegation?" was about "Lifeng" of "Vice Premier He Lifeng"."""
    quote = "The Chinese delegation was led by Vice Premier He Lifeng."
    assert person_of(answered("who led China's delegation?", quote), is_name) == "Lifeng"


def test_who_is_a_name_is_about_that_name():
    """ "who is kelly ann shaw" was about her, not the first name her answer gives."""
    assert person_of(answered("who is kelly ann shaw", SHAW), is_name) == "kelly ann shaw"


def test_who_is_a_title_is_about_the_name_the_answer_gives():
    """ "who is the white house press secretary" was about the answer's name, not the White House."""
    quote = "White House press secretary Karoline Leavitt called on China to keep its side."
    names = lambda word: word in NAMES | {"white", "house", "karoline", "leavitt"}
    assert person_of(answered("who is the white house press secretary", quote), names) == "Karoline Leavitt"


def test_no_person_when_the_question_named_several():
    """Two names asked about point at no one in particular."""
    assert person_of(answered("did trump and lutnick meet?", SHAW), is_name) is None


def test_a_who_question_answered_with_several_names_is_about_the_first():
    """ "…led by Scott Bessent and Jamieson Greer": the sentence is first about Bessent."""
    quote = "The talks were led by Scott Bessent and Jamieson Greer."
    assert person_of(answered("who led the talks?", quote), is_name) == "Bessent"


@pytest.mark.parametrize(
    ("follow_up", "meant"),
    [("where does she work?", "where does kelly ann shaw work?"),
     ("what did her firm say", "what did kelly ann shaw's firm say"),
     ("who hired her in May", "who hired kelly ann shaw in May"),
     ("what is his view", "what is kelly ann shaw's view"),
     ("what did she say when she spoke", "what did kelly ann shaw say when she spoke")],
)
def test_the_first_person_pronoun_is_read_as_the_person(follow_up, meant):
    """he/she/him stand for the name, his/hers and "her" before a noun for its possessive."""
    assert with_person(follow_up, answered("what does kelly ann shaw expect", SHAW), is_name) == meant


def test_a_question_naming_someone_itself_is_left_alone():
    """ "what did Lutnick say when he…" names its own person."""
    question = "what did Lutnick say when he spoke"
    assert with_person(question, answered("what does kelly ann shaw expect", SHAW), is_name) == question


def test_without_a_previous_answer_nothing_changes():
    """Outside a conversation a question is read as asked."""
    assert with_person("what did she say?", None, is_name) == "what did she say?"


@pytest.mark.parametrize(
    ("before", "follow_up", "meant"),
    [("what did lutnick say about the talks", "and hassett?", "what did hassett say about the talks"),
     ("what did Lutnick say about the talks", "how about Trump", "what did Trump say about the talks"),
     ("who led China's delegation?", "what about the US?", "who led the US delegation?")],
)
def test_and_x_asks_the_question_before_about_x(before, follow_up, meant):
    """ "and X?" puts X for the one name (else place) the question before held."""
    assert instead(follow_up, answered(before, SHAW, abstained=True), is_name) == meant


@pytest.mark.parametrize("follow_up", ["and when?", "and who led them?", "and?", "what about it"])
def test_and_a_new_question_is_no_question_about_another(follow_up):
    """ "and when?" or "and who led them?" asks anew, about nothing to put in place."""
    assert instead(follow_up, answered("what did lutnick say", SHAW), is_name) == follow_up


def test_and_x_after_a_question_without_one_name_is_left_alone():
    """ "who led the talks" names no one and no place to stand in for."""
    assert instead("and the US?", answered("who led the talks", SHAW), is_name) == "and the US?"


def test_and_x_after_an_unread_and_y_is_left_alone():
    """ "what about the greenback" after "and the US side?" (read as asked) has no question to borrow."""
    assert instead("what about the greenback", answered("and the US side?", SHAW), is_name) == "what about the greenback"


def test_and_x_keeps_one_article_before_the_name():
    """ "and the EU?" after "what did the US say" reads "what did the EU say", not "the the EU"."""
    assert instead("and the EU?", answered("what did the US say", SHAW), is_name) == "what did the EU say"
