"""What kind of answer a question's wh-phrase asks for, what kinds a sentence holds, yes/no questions."""
import pytest

from retrieval.answer_kinds import (
    asked_for_words, counted_thing, held_kinds, holds_count_of, holds_exact, holds_wanted, is_polar, wanted_kinds,
    numbers_in, without_numbers, without_times,
)


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("how long did the geneva talks last", {"duration"}),
        ("what is the current us tariff rate on chinese goods", {"share"}),
        ("in what month did the us revoke export licenses", {"time"}),
        ("which minister headed Beijing's team?", {"person"}),
        ("by how much did exports fall", {"count", "share"}),
        ("how much did the ticket cost", {"money"}),
        ("how much money did the committee raise", {"money"}),
        ("how much did prices rise", {"count", "money", "share"}),
        ("by how much did the cost rise", {"count", "money", "share"}),
        ("what tariff rate did trump announce", {"share"}),
        ("what's the price of dysprosium", {"money"}),
        ("what share of the world's rare earths comes from china", {"share"}),
        ("which nation holds most of the forest", {"place"}),
        ("How many magnets did China ship?", {"count"}),
        ("when did the talks resume", {"time"}),
        ("who led the delegation", {"person"}),
        ("where were the talks held", {"place"}),
        ("why are rare earths important", set()),
    ],
)
def test_the_wh_phrase_decides_the_kind(question, wanted):
    """The wh-word and the head noun of its phrase name the kind asked for."""
    assert wanted_kinds(question) == wanted


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("what radio station did the minister speak to", ["radio", "station"]),
        ("which bank does the adviser work for", ["bank"]),
        ("who's the chief negotiator at the talks", ["the", "chief", "negotiator"]),
        ("who is the trade envoy", ["the", "trade", "envoy"]),
        ("how many ships were held at the port", []),
        ("what two words did he use", ["words"]),
        ("what drove prices up", []),
        ("which building hosted the talks", ["building"]),
        ("which rare earths besides dysprosium were restricted", ["rare", "earths"]),
        ("who represented japan at the talks", []),
        ("why did the talks stall", []),
        ("did exports grow", []),
    ],
)
def test_the_asked_for_words_are_the_wh_phrase(question, asked):
    """The words naming what is asked for: the noun phrase of "what/which" and "who is …", not "how many …"."""
    assert asked_for_words(question) == asked


@pytest.mark.parametrize("question", [
    "what is the 90 day pause",
    "which 17th century disaster did the house survive",
    "What was the Seven Years War?",
])
def test_a_time_unit_after_a_number_measures_the_thing_asked_for(question):
    """ "the *90 day* pause" asks for the pause, not a time."""
    assert wanted_kinds(question) == frozenset()


def test_a_kind_after_a_number_that_ends_the_phrase_still_asks():
    """ "what was one location…" still asks for a place."""
    assert wanted_kinds("What was one location the readings were taken at?") == {"place"}


def test_an_opening_when_clause_does_not_ask_for_a_time():
    """In "When X, which way…?" the later wh-word asks, not "when"."""
    assert wanted_kinds("When the Rhine leaves the lake, which way does it flow?") == frozenset()


def test_a_verb_after_what_asks_for_no_kind():
    """"What drove prices up" asks what drove them, not for a price."""
    assert wanted_kinds("What drove rental prices up in New York?") == frozenset()


def test_a_question_without_a_wh_word_asks_for_no_kind():
    """A yes/no question ("did exports grow") wants no particular kind."""
    assert wanted_kinds("did china's overall exports grow in may") == frozenset()


def test_a_month_is_not_a_duration():
    """"last month" dates a thing; it does not say how long it lasted."""
    assert "duration" not in held_kinds("A preliminary agreement was reached in Geneva last month.")


def test_a_quantity_of_time_units_is_a_duration():
    """"more than six hours" answers "how long"."""
    assert "duration" in held_kinds("Their first meeting lasted more than six hours on Monday.")


@pytest.mark.parametrize("sentence", [
    "The Summer Theatre was in operation from 1870 to 1939.",
    "The war of 1914–18 changed the city.",
    "This section is nearly 86 km long.",
])
def test_a_span_between_years_or_a_length_is_a_duration(sentence):
    """ "How long" is answered by the ends of a span, and by a length."""
    assert "duration" in held_kinds(sentence)


@pytest.mark.parametrize("sentence", ["Failures came at 3 in 1,000,000 plants.", "It killed three-fourths of the people."])
def test_a_count_of_a_whole_or_a_fraction_is_a_share(sentence):
    """ "3 in 1,000,000" and "three-fourths" tell a share."""
    assert "share" in held_kinds(sentence)


def test_a_percentage_holds_a_share_and_a_count():
    """A percentage answers "what rate" and "how much"."""
    assert {"share", "count"} <= held_kinds("Exports to the US fell 34.5% in May.")


def test_digits_inside_a_word_are_no_number():
    """ "the Nvidia H2O chips" holds no count; "COVID-19" does."""
    assert "count" not in held_kinds("restrictions stay on the Nvidia H2O chips")
    assert "count" in held_kinds("the steepest decline since COVID-19")


@pytest.mark.parametrize(("question", "counted"), [
    ("how many rare earth magnets did China ship in June?", "magnet"),
    ("How many people attended the talks", "peopl"),
    ("how much did the talks cost", None),
    ("who led the talks", None),
])
def test_a_how_many_question_counts_the_last_word_of_its_phrase(question, counted):
    """The thing counted is the head of the phrase after "how many"; other questions count nothing."""
    assert counted_thing(question) == counted


@pytest.mark.parametrize(("sentence", "holds"), [
    ("The US hopes China will lift restrictions on seven rare earth elements.", True),
    ("Shipments fell by dozens of elements.", True),
    ("The first meeting lasted more than six hours.", False),
    ("China restricts an element used in magnets.", False),
])
def test_a_count_of_the_thing_is_a_quantity_a_few_words_before_it(sentence, holds):
    """ "seven rare earth elements" counts elements; "six hours" or "an element" does not."""
    assert holds_count_of("element", sentence) == holds


def test_who_is_answered_by_a_new_name_only():
    """A name the question already holds does not answer "who"; another name does."""
    terms = frozenset({"met", "bessent"})
    assert holds_wanted(frozenset({"person"}), terms, "Bessent met Greer and He Lifeng in London.")
    assert not holds_wanted(frozenset({"person"}), terms, "He met Bessent there.")


@pytest.mark.parametrize(("question", "polar"), [
    ("did china's overall exports grow in may", True),
    ("Didn’t exports rise?", True),
    ("can't they agree", True),
    ("is it true that they met", True),
    ("when did exports rise", False),
    ("what did they do", False),
    ("did they say when they would meet", False),
    ("doing well?", False),
])
def test_a_yes_no_question_opens_with_an_auxiliary_and_asks_no_wh(question, polar):
    """is_polar: an opening auxiliary (negated too) and no wh-word asking, not an embedded "when"."""
    assert is_polar(question) is polar


@pytest.mark.parametrize(
    ("sentence", "exact"),
    [("Exports fell in May.", True), ("The talks resumed on Tuesday morning.", True),
     ("They met last month in Geneva.", True), ("The treaty was signed in 1648.", True),
     ("The sides will meet again at 5pm.", True), ("Tariffs were cut for 90 days.", False),
     ("Talks may restart if necessary.", False), ("Six hours of talks ended.", False)],
)
def test_when_is_answered_exactly_by_a_date_not_any_number(sentence, exact):
    """A year, month, weekday, clock time or "last month" tells when; "90 days" or modal "may" does not."""
    assert holds_exact(frozenset({"time"}), "when did the talks end", frozenset({"talk", "end"}), sentence) is exact


def test_a_date_the_question_holds_does_not_answer_when():
    """ "1990" in "what happened after 1990" is no answer to it."""
    assert not holds_exact(frozenset({"time"}), "when did it change after 1990", frozenset(), "After 1990 it changed.")


@pytest.mark.parametrize(
    ("sentence", "exact"),
    [("The talks took place at Lancaster House.", True), ("They met in London on Monday.", True),
     ("The talks took place after a call between the Chinese and US presidents.", False),
     ("The talks took place in the Summit of Talks.", True), ("The talks took place in Talk.", False)],
)
def test_where_is_answered_exactly_by_a_place_after_a_preposition(sentence, exact):
    """ "in London" tells where; a name without a preposition of place, or the question's own, does not."""
    question_terms = frozenset({"talk", "take", "place"})
    assert holds_exact(frozenset({"place"}), "where did the talks take place", question_terms, sentence) is exact


def test_other_kinds_are_never_held_exactly():
    """Only "when" and "where" have a stricter reading."""
    assert not holds_exact(frozenset({"person", "count"}), "who led 5 talks", frozenset(), "In 1990, in London, 5 people.")


def test_the_numbers_a_question_holds_leave_the_sentence_with_their_units():
    """ "90-day" goes for a question about the 90-day pause; other numbers stay."""
    own = numbers_in("when will the 90 day pause end")
    assert without_numbers("a 90-day pause until 2026", own) == "a  pause until 2026"


@pytest.mark.parametrize(("sentence", "left"), [
    ("It lasted six hours.", "It lasted  ."),
    ("They agreed a 90-day pause.", "They agreed a   pause."),
    ("It began at 1 p.m. on the 9th in 2012.", "It began at   on the   in  ."),
    ("Seven rare earth elements and 34.5% of exports.", "Seven rare earth elements and 34.5% of exports."),
    ("Some 1500 people came.", "Some 1500 people came."),
    ("In 1914 developers came.", "In   developers came."),
])
def test_numbers_telling_a_time_are_taken_out(sentence, left):
    """Quantities of time units, clock times, days of the month and years go; counts stay,
    a year-like one too when it counts the word after it ("1500 people")."""
    assert without_times(sentence) == left
