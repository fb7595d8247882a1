"""Place names and their countries (retrieval.places)."""
from retrieval.places import countries, find_places


def test_city_and_country_name_the_same_country():
    """Geneva and Switzerland both belong to CH."""
    assert countries("talks in Geneva") == countries("talks in switzerland") == {"CH"}


def test_capital_and_demonym_name_their_country():
    """Beijing and "Chinese" belong to CN, Washington and "American" to US."""
    assert countries("Beijing and the Chinese side") == {"CN"}
    assert countries("Washington and American officials") == {"US"}


def test_abbreviation_counts_only_in_capitals():
    """"U.S." is the United States; the pronoun "us" is not."""
    assert countries("The U.S. said") == {"US"}
    assert countries("tell us more") == frozenset()


def test_abbreviation_in_lower_case_after_the_is_the_country():
    """ "what did the us stop" names the United States ("the" never goes before the pronoun)."""
    assert countries("what did the us stop shipping") == {"US"}
    assert countries("the uk economy") == {"GB"}


def test_city_that_is_a_common_word_counts_only_capitalised():
    """"nice" the adjective is no place; "Nice" is in France."""
    assert countries("a nice day") == frozenset()
    assert countries("a day in Nice") == {"FR"}


def test_longest_name_wins():
    """"United States of America" is one place, not "America" alone."""
    places = find_places("the United States of America")
    assert [p.country for p in places] == ["US"]
    assert places[0].terms == ("unit", "state", "of", "america")


def test_possessive_is_dropped():
    """"China's" names China."""
    assert countries("China's exports") == {"CN"}


def test_the_uks_nations_are_its_places():
    """England, Scotland and Wales are the UK, which countryinfo alone does not say."""
    assert countries("talks in England") == countries("a Scotland visit") == countries("Wales") == {"GB"}


def test_a_province_named_by_a_common_word_is_no_place():
    """ "Western forces" and "the Central Committee" name no place (Sri Lanka has such provinces)."""
    assert countries("When did Western forces invade?") == frozenset()
    assert countries("the Central Committee met") == frozenset()
