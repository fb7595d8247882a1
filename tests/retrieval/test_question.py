"""How a question is opened, and what is said around it, is not what it asks (retrieval.question)."""
import pytest

from retrieval.question import (
    MAX_QUESTIONS, asking_part, seems_other_language, seems_other_language_as_read, separate_questions, small_talk,
    without_lead_in, without_preamble,
)
from retrieval.text import content_terms


def _articles_using(words: str):
    """An is_known for articles that use these words (compared as terms, as the index does)."""
    terms = set(content_terms(words))
    return lambda term: term in terms


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


def test_a_short_opening_of_words_the_articles_never_use_is_left_out():
    """ "btw, " and "honest question: " name nothing the articles use: the question is what follows."""
    assert without_preamble("btw, who led the talks?", _articles_using("led talk")) == "who led the talks?"
    assert without_preamble("honest question: did exports fall?", _articles_using("export")) == "did exports fall?"


def test_an_opening_with_a_word_the_articles_use_is_kept():
    """ "in London, who led the talks" is about London."""
    question = "in london, who led the talks?"
    assert without_preamble(question, _articles_using("london led talk")) == question


@pytest.mark.parametrize("question", ["In 1990, who won the cup?", "Speaking of OPEC, what did they say?"])
def test_an_opening_with_a_number_or_a_name_is_kept(question):
    """A year or a name says what is asked about, even when the articles never use it."""
    assert without_preamble(question, _articles_using("")) == question


def test_a_wh_word_set_off_by_a_comma_is_kept():
    """ "What, along with solar, …" keeps its "what": an opening of stopwords is no opening."""
    question = "What, along with solar, uses the heat process?"
    assert without_preamble(question, _articles_using("")) == question


@pytest.mark.parametrize(
    "typed",
    ["I'm writing a report. Who led the U.S. side?", "Quick one. Who led the U.S. side?",
     "Who led the U.S. side? Thanks!", "Sorry to bother you. Who led the U.S. side? I couldn't find it.",
     "Who led the U.S. side? Need it for work."],
)
def test_a_sentence_about_the_asker_is_left_out(typed):
    """A sentence said around the question about the asker, or naming nothing the articles use, is not asked."""
    assert asking_part(typed, _articles_using("report writing led side find work")) == "Who led the U.S. side?"


def test_a_sentence_that_asks_is_kept_whoever_it_mentions():
    """ "What did you find on exports?" asks, though it says "you"."""
    question = "Thanks for that. What did you find on exports?"
    assert asking_part(question, _articles_using("export find")) == "What did you find on exports?"


def test_a_sentence_about_what_the_articles_are_about_is_kept():
    """A statement naming things the articles use sets the question's topic: "…make up four of five counties. What is the last?" """
    question = "Orange and Riverside make up four of the five counties. What is the name of the last county?"
    assert asking_part(question, _articles_using("orange riverside county name")) == question


def test_the_asker_s_sentence_is_kept_when_the_question_points_back_to_it():
    """ "I read about Bessent. What did he say?": "he" is Bessent."""
    question = "I read about Bessent. What did he say?"
    assert asking_part(question, _articles_using("bessent read say")) == question


def test_a_pronoun_after_a_name_does_not_point_back():
    """ "What did Hassett say when he spoke?" names whom "he" is: the asker's sentence goes."""
    question = "I'm writing a report. What did Hassett say when he spoke?"
    assert asking_part(question, _articles_using("report hassett say spoke")) == "What did Hassett say when he spoke?"


def test_a_pronoun_after_a_name_typed_in_lower_case_does_not_point_back():
    """ "where was hassett speaking when he…" names whom "he" is, if the articles know the name."""
    question = "where was hassett speaking from when he spoke? Asking for a friend."
    known = _articles_using("hassett speaking spoke friend asking")
    assert asking_part(question, known, lambda word: word == "hassett") == "where was hassett speaking from when he spoke?"
    assert asking_part(question, known) == question


def test_a_single_sentence_is_not_split():
    """ "Who led the U.S. side?" is one sentence, whatever the abbreviation's full stops."""
    assert asking_part("Who led the U.S. side?", _articles_using("")) == "Who led the U.S. side?"


def _strange_but(*words: str):
    """An is_strange for a reader who knows only these words (English and the articles' alike)."""
    return lambda word: word not in words


@pytest.mark.parametrize(
    "question",
    ["¿Quién encabezó la delegación china?", "Wer leitete die chinesische Delegation?", "谁率领中国代表团？",
     "Кто возглавлял китайскую делегацию?"],
)
def test_a_question_in_another_language_is_told_apart(question):
    """Half its words or more strange to English and the articles, and no English question word."""
    assert seems_other_language(question, _strange_but("china", "die", "delegation", "la"))


@pytest.mark.parametrize("question", ["who is Zelensky?", "whos kdvin hasset", "Zelensky, Putin, Erdogan?", "asdfgh"])
def test_an_english_question_about_strange_names_is_english(question):
    """An English question word, names written as names, or one strange Latin word: not another language."""
    assert not seems_other_language(question, _strange_but("is"))


def test_an_english_word_the_speller_put_in_is_no_sign_of_english():
    """"quien dirigió…" read as "queen dirigió…" is still another language: "queen" is not the articles'."""
    strange = _strange_but("queen", "la", "china")
    in_articles = {"china", "la"}.__contains__
    typed, read = "quien dirigio la delegacion china", "queen dirigio la delegacion china"
    assert seems_other_language_as_read(typed, read, strange, in_articles)


def test_a_question_repaired_into_the_articles_words_is_english():
    """"whos kdvin hasset", read "whos kevin hassett", is an English question with typos."""
    strange = _strange_but("whos", "kevin", "hassett")
    in_articles = {"whos", "kevin", "hassett"}.__contains__
    assert not seems_other_language_as_read("whos kdvin hasset", "whos kevin hassett", strange, in_articles)


def _naming(words: str):
    """A names_known for articles that use these words."""
    terms = set(content_terms(words))
    return lambda text: not terms.isdisjoint(content_terms(text))


@pytest.mark.parametrize(
    "typed",
    ["Who led China's delegation? How long did the talks last?",
     "who led China's delegation and how long did the talks last?",
     "Who led China's delegation, and how long did the talks last?"],
)
def test_two_questions_in_one_message_are_separated(typed):
    """Two questions, as two sentences or joined by "and", are answered each on its own."""
    parts = separate_questions(typed, _naming("delegation talks"))
    assert [p.rstrip("?").lower() for p in parts] == ["who led china's delegation", "how long did the talks last"]


@pytest.mark.parametrize(
    "typed",
    ["1) who led China's delegation 2) how long did the talks last",
     "who led China's delegation\nhow long did the talks last",
     "- who led China's delegation\n- how long did the talks last"],
)
def test_questions_listed_or_one_a_line_are_separated(typed):
    """A numbered list, or one question a line, asks its questions each on its own."""
    parts = separate_questions(typed, _naming("delegation talks"))
    assert parts == ["who led China's delegation", "how long did the talks last"]


def test_a_sentence_that_does_not_ask_goes_with_the_question_after_it():
    """"Talks were held in London." stays with the question it leads to."""
    parts = separate_questions("Talks were held in London. Who attended? Who led China's side?", _naming("talks london china"))
    assert parts == ["Talks were held in London. Who attended?", "Who led China's side?"]


@pytest.mark.parametrize(
    "typed",
    ["Who led the talks? What did he say?", "Where and when did the talks begin?",
     "Who led China's delegation? And when?", "China and what other country held talks?",
     "Can exports be cut?  If so, is it legal?"],
)
def test_questions_that_lean_on_each_other_stay_one(typed):
    """A part pointing back ("he", "it") or naming nothing ("And when?") is not asked alone."""
    assert separate_questions(typed, _naming("talks china delegation exports")) == [" ".join(typed.split())]


def test_a_pronoun_after_a_name_typed_in_lower_case_leans_on_no_other_question():
    """ "What did hassett say when he spoke?" is its own question when "hassett" is a name."""
    typed = "Who led China's delegation? What did hassett say when he spoke?"
    naming = _naming("delegation hassett")
    assert len(separate_questions(typed, naming, lambda word: word == "hassett")) == 2
    assert separate_questions(typed, naming) == [typed]


def test_more_questions_than_the_limit_are_asked_as_one():
    """A list of many questions in one message is not split into many answers."""
    typed = " ".join(f"Who led talk number {n}?" for n in range(MAX_QUESTIONS + 1))
    assert separate_questions(typed, _naming("talk")) == [typed]


@pytest.mark.parametrize(
    ("said", "kind"),
    [("thanks!", "thanks"), ("ok, thank you so much", "thanks"), ("great, thx", "thanks"), ("cheers quotebot", "thanks"),
     ("hi", "greeting"), ("Hello there!", "greeting"), ("good morning", "greeting")],
)
def test_thanks_and_greetings_are_told_apart_from_questions(said, kind):
    """A message that only thanks or greets is small talk of its kind."""
    assert small_talk(said) == kind


@pytest.mark.parametrize("question", ["thanks, who led the talks?", "hi, what did Lutnick say", "great wall of china", "what"])
def test_a_question_with_thanks_or_a_greeting_is_no_small_talk(question):
    """Thanks or a greeting around a question leaves it a question."""
    assert small_talk(question) is None


def test_a_dash_inside_a_line_is_no_list_mark():
    """Only a mark opening a line is taken off: "presence - his agency" keeps its words."""
    typed = "what did Lutnick's presence - his agency - show\nwho led China's side"
    parts = separate_questions(typed, _naming("lutnick agency china side"))
    assert parts == ["what did Lutnick's presence - his agency - show", "who led China's side"]
