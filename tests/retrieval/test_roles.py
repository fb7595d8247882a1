"""Which country a thing in a text belongs to (retrieval.roles)."""
import pytest

from retrieval.places import countries
from retrieval.roles import countries_of_things, owned_by_another


def test_a_possessive_country_is_written_onto_the_office_after_it():
    """ "China's commerce minister" is China's commerce and minister."""
    assert countries_of_things("who is China's commerce minister") == {
        "commerc": frozenset({"CN"}), "minist": frozenset({"CN"}),
    }


def test_a_list_of_titled_names_shares_the_country_before_it():
    """ "U.S. Treasury Secretary Scott Bessent, Commerce Secretary Lutnick" makes both U.S. officials."""
    owners = countries_of_things("led by U.S. Treasury Secretary Scott Bessent, Commerce Secretary Lutnick, and others")
    assert owners["commerc"] == owners["treasuri"] == owners["lutnick"] == {"US"}
    assert "other" not in owners


def test_the_words_before_of_a_country_are_its():
    """ "the foreign minister of China" is China's minister."""
    assert countries_of_things("the foreign minister of China said")["minist"] == {"CN"}


def test_a_people_name_is_written_onto_a_plural_noun():
    """ "Chinese shares" are China's, though "shares" is also a verb."""
    assert countries_of_things("Chinese shares fell")["share"] == {"CN"}


@pytest.mark.parametrize("text", [
    "China urges the US to lift controls",
    "China urged the US to lift controls",
    "China, in turn, asked the US to lift controls",
    "Beijing has sent Vice Premier He Lifeng",
])
def test_a_verb_a_mark_or_a_stopword_ends_the_phrase(text):
    """A country the subject of a verb, or set off by a comma, is written onto nothing."""
    assert countries_of_things(text) == {}


def test_a_list_does_not_run_into_another_country():
    """ "Chinese President Xi and U.S. President Trump": each president has his own country."""
    owners = countries_of_things("Chinese President Xi Jinping and U.S. President Trump spoke")
    assert owners["xi"] == {"CN"} and owners["trump"] == {"US"}


def test_a_text_without_a_place_owns_nothing():
    """No place, no owner."""
    assert countries_of_things("The Commerce Secretary spoke.") == {}


def _owned_by_another(question: str, sentence: str) -> bool:
    return owned_by_another(countries_of_things(question), countries_of_things(sentence), countries(sentence))


def test_an_office_of_another_country_is_owned_by_another():
    """China's treasury secretary is not "U.S. Treasury Secretary Scott Bessent"."""
    assert _owned_by_another("who is China's treasury secretary", "It is led by U.S. Treasury Secretary Scott Bessent.")


def test_a_sentence_naming_the_question_country_is_no_conflict():
    """ "…while He Lifeng heads the Chinese delegation" may answer of China's side or the US's."""
    assert not _owned_by_another(
        "who heads the US delegation",
        "It is led by U.S. Treasury Secretary Scott Bessent, while He Lifeng heads the Chinese delegation.",
    )


def test_the_question_country_named_outside_any_phrase_is_no_conflict():
    """ "Hong Kong stocks" may be the stocks "trading in Hong Kong"."""
    assert not _owned_by_another(
        "how did Hong Kong stocks react", "U.S. stocks flipped, and Chinese shares trading in Hong Kong entered a correction.",
    )


def test_a_sentence_owning_none_of_the_question_things_is_no_conflict():
    """The Commerce Secretary with no country named is not another country's."""
    assert not _owned_by_another("who is China's commerce minister", "Commerce Secretary Howard Lutnick met the Chinese side.")
