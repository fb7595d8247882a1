"""Who a question asks to have spoken, and who a sentence has speak (retrieval.speakers)."""
import pytest

from retrieval.speakers import asked_speaker, speaks_for_another
from retrieval.text import stem


def asked(question: str):
    return asked_speaker(question, lambda words: [stem(w) for w in words], frozenset({"guy"}))


def test_the_speaker_is_read_between_the_auxiliary_and_the_verb():
    """ "what did Jamieson Greer say…" asks about Jamieson Greer."""
    assert asked("what did Jamieson Greer say to reporters").terms == {"jamieson", "greer"}


def test_a_casual_word_for_someone_is_left_out_of_the_speaker():
    """ "the atlantic council guy" is the Atlantic Council's someone."""
    assert asked("what does the atlantic council guy think went wrong").terms == {"atlant", "council"}


def test_a_country_speaker_keeps_its_country():
    """ "what did the Chinese delegation say" asks China."""
    assert asked("what did the Chinese delegation say after the talks").countries == {"CN"}


@pytest.mark.parametrize("question", [
    "what did he say about the talks",
    "what do you think about the talks",
    "who led the talks",
    "what did the US stop shipping in May",
])
def test_questions_naming_no_speaker_ask_none(question):
    """A pronoun, or no verb of saying, asks no speaker."""
    assert asked(question) is None


@pytest.mark.parametrize("sentence", [
    "Reuters reported that the U.S. participants in the talks were Bessent and Jamieson Greer.",
    "During the call, President Trump said Greer would lead the talks.",
    "“The talks were productive,” said Scott Bessent, the Treasury Secretary.",
    "According to Bessent, Greer will stay in London.",
    "White House press secretary Karoline Leavitt called on China to keep its side of the deal.",
])
def test_a_sentence_where_only_another_name_speaks_is_flagged(sentence):
    """Greer named only inside what someone else says, or not at all, does not speak."""
    assert speaks_for_another(asked("what did Greer say to reporters"), sentence)


@pytest.mark.parametrize("sentence", [
    "Greer told reporters the talks went well.",
    "“We held a good meeting,” Bessent told reporters, but Greer described the talks as “productive.”",
    "“They left too many things open,” said Jamieson Greer, the trade representative.",
    "According to Greer, the talks will go on.",
    "He said the talks went well.",
    "Greer, who led the team, and Bessent spoke to reporters, Reuters reported.",
    "The talks were described as productive by Bessent.",
    "The U.S. delegation was led by Bessent, and Greer also attended.",
])
def test_a_sentence_where_the_asked_one_may_speak_is_not_flagged(sentence):
    """The asked one as a speaker, a pronoun speaker, the asked one outside a report, or no
    active verb of saying: nothing says someone else spoke instead."""
    assert not speaks_for_another(asked("what did Greer say to reporters"), sentence)


def test_a_place_of_the_asked_country_speaks_for_it():
    """ "Beijing said" speaks for China."""
    assert not speaks_for_another(asked("what did China say about the talks"), "Beijing said it would respond.")


def test_a_weekday_is_no_other_speaker():
    """ "On Monday, officials said" names no one but a day."""
    assert not speaks_for_another(asked("what did Greer say"), "On Monday, officials said the talks went well.")


def test_a_place_of_two_words_before_the_verb_is_read_whole():
    """ "Hong Kong officials said" speaks for Hong Kong."""
    assert not speaks_for_another(asked("what did Hong Kong say"), "Hong Kong officials said the market was calm.")


@pytest.mark.parametrize("question", [
    "what has Greer said about rare earths",
    "what is Greer saying about the talks",
    "What did Greer tell reporters?",
])
def test_other_tenses_ask_a_speaker_too(question):
    """ "has X said", "is X saying" and "did X tell" ask X."""
    assert asked(question).terms == {"greer"}


def test_a_plural_noun_is_no_verb_of_saying():
    """ "he had received positive *reports*" gives no pronoun speaker to Trump's words."""
    sentence = "“We are doing well with China,” President Trump told reporters, adding that he had received positive reports."
    assert speaks_for_another(asked("what did China say"), sentence)


def test_a_plural_noun_form_after_its_speaker_is_a_verb():
    """ "Reuters *reports* that…" has Reuters speak."""
    assert speaks_for_another(asked("what did Greer say"), "Reuters reports that Greer will lead the talks.")
