"""Values a question and a sentence pin down, and when they disagree (retrieval.values)."""
from retrieval.values import disagree, pinned_values


def test_weekdays_months_and_years_are_read_by_kind():
    """ "on Tuesday in April 2012" names a weekday, a month and a year."""
    assert pinned_values("They met on Tuesday in April 2012.") == {
        "weekday": frozenset({"tuesday"}), "month": frozenset({"april"}), "year": frozenset({"2012"}),
    }


def test_may_is_a_month_only_where_it_reads_as_one():
    """ "talks may restart" names no month; "in may" and a capitalised "May" inside a sentence do."""
    assert "month" not in pinned_values("The talks may restart.")
    assert pinned_values("what fell in may")["month"] == {"may"}
    assert pinned_values("Exports fell in the first week of May.")["month"] == {"may"}


def test_ordinals_in_words_and_digits_meet():
    """ "the third round" and "the 3rd round" name the same ordinal."""
    assert pinned_values("the third round")["ordinal:round"] == pinned_values("the 3rd round")["ordinal:round"] == {"3"}


def test_counts_in_words_and_digits_meet():
    """ "seven elements" and "7 elements" name the same count; digits inside a word ("H2O") are no count."""
    assert pinned_values("seven elements")["count:element"] == pinned_values("7 elements")["count:element"] == {"7"}
    assert not pinned_values("the Nvidia H2O chips")


def test_numbers_keep_their_value_without_their_unit_or_grouping():
    """ "3,792,261 people" is a count of 3792261."""
    assert pinned_values("a drop among 3,792,261 people")["count:peopl"] == {"3792261"}


def test_a_percentage_is_a_share_not_a_count():
    """ "34.5%", "12 percent" and "12 per cent" are shares; "5 per day" is still a count."""
    assert pinned_values("a 34.5% drop") == {"share": frozenset({"34.5"})}
    assert pinned_values("rose 12 percent")["share"] == pinned_values("rose 12 per cent")["share"] == {"12"}
    assert pinned_values("5 per day")["count:day"] == {"5"} and "share" not in pinned_values("5 per day")


def test_a_clock_time_is_not_a_count():
    """ "5pm" and "5 pm" are one clock time; "10:00" is 10 o'clock, not the counts 10 and 0."""
    assert pinned_values("at 5pm") == pinned_values("at 5 pm") == {"clock": frozenset({"5pm"})}
    assert pinned_values("around 10:00 GMT") == {"clock": frozenset({"10"})}
    assert pinned_values("at 10:30") == {"clock": frozenset({"10:30"})}


def test_a_count_in_the_question_does_not_disagree_with_clock_times():
    """ "what time will the two sides meet" does not disagree with "at 5pm", which counts nothing."""
    assert not disagree(pinned_values("what time will the two sides meet"), pinned_values("they meet at 5pm"))


def test_a_count_is_compared_only_with_a_count_of_the_same_thing():
    """ "what two artists joined" does not disagree with "five solo tackles"; "six elements" does with "seven elements"."""
    assert not disagree(pinned_values("what two artists joined the band"), pinned_values("five solo tackles"))
    assert disagree(pinned_values("the other six rare earth elements"), pinned_values("seven rare earth elements"))


def test_an_ordinal_is_compared_only_with_one_of_the_same_thing():
    """ "when was the term first used" does not disagree with "his third regeneration"."""
    assert not disagree(pinned_values("when was the term first used"), pinned_values("his third regeneration"))


def test_a_count_or_ordinal_of_nothing_named_is_not_pinned():
    """ "the talks on the 9th" pins no ordinal, so it does not disagree with "…on the 10th"."""
    assert disagree(pinned_values("the talks on the 9th"), pinned_values("They resume on the 10th")) is False


def test_a_number_after_a_capitalised_word_is_part_of_a_name():
    """ "Super Bowl 50" and "Apollo 13" name things; they count nothing."""
    assert pinned_values("He played in Super Bowl 50 after Apollo 13 flew.") == {}


def test_a_decade_with_an_apostrophe_is_the_decade():
    """ "the 1950's" and "the 1950s" name the same decade."""
    assert pinned_values("in the 1950's") == pinned_values("in the 1950s") == {"year": frozenset({"1950s"})}


def test_countries_are_taken_as_given():
    """The countries of the text's places are a kind of value too."""
    assert pinned_values("the talks", frozenset({"CN"}))["country"] == {"CN"}


def test_another_value_of_the_same_kind_disagrees():
    """ "the other six elements" disagrees with "seven elements"; "in June" with "in April"."""
    assert disagree(pinned_values("the other six elements"), pinned_values("seven elements"))
    assert disagree(pinned_values("what shipped in June"), pinned_values("halted in April"))


def test_a_sentence_naming_the_asked_value_among_others_agrees():
    """A sentence about Monday and Tuesday does not disagree with a question about Tuesday."""
    assert not disagree(pinned_values("the Tuesday session"), pinned_values("talks on Monday resumed Tuesday"))


def test_a_sentence_naming_no_value_of_the_kind_agrees():
    """A sentence without a month does not disagree with a question naming one."""
    assert not disagree(pinned_values("what shipped in June"), pinned_values("seven elements were restricted"))



def test_next_last_and_this_place_the_thing_after_them():
    """ "the next round" and "this second round" place the round; "last for hours" places nothing."""
    assert pinned_values("where will the next round be held")["relative:round"] == {"next"}
    assert pinned_values("This second round of talks comes at a crucial moment")["relative:round"] == {"this"}
    assert pinned_values("the previous month") == pinned_values("last month") == {"relative:month": frozenset({"last"})}
    assert not pinned_values("how long did the talks last")
    assert not pinned_values("the talks last for hours")


def test_the_next_thing_disagrees_with_this_one():
    """ "the next round" is not "this second round"; "the next round" is itself."""
    asked = pinned_values("where will the next round be held")
    assert disagree(asked, pinned_values("This second round comes at a crucial moment"))
    assert not disagree(asked, pinned_values("The next round will be held in Washington"))
