"""Word classes: which question words name things."""
import pytest

from retrieval.text import stem
from retrieval.word_classes import is_written_as_no_thing, names_a_thing


@pytest.mark.parametrize("word", ["slapped", "think", "upset", "bring"])
def test_verbs_and_adjectives_do_not_name_things(word):
    """Words mostly used as verbs or adjectives are not nouns, in any inflection."""
    assert not names_a_thing(stem(word))


@pytest.mark.parametrize("word", ["price", "bread", "capital", "tower"])
def test_nouns_name_things(word):
    """Words mostly used as nouns name things."""
    assert names_a_thing(stem(word))


def test_a_word_wordnet_lacks_counts_as_a_name():
    """An unknown word (most often a name) names a thing."""
    assert names_a_thing("dysprosiumx")


@pytest.mark.parametrize("word", ["responsible", "expensive", "dangerous"])
def test_a_word_is_read_apart_from_the_noun_its_stem_is_mostly(word):
    """An adjective whose stem is mostly a noun's ("respons" of "response") names no thing as written."""
    assert names_a_thing(stem(word)) and is_written_as_no_thing(word)


@pytest.mark.parametrize("word", ["hardest", "largest", "cheaper"])
def test_an_adjectives_comparative_or_superlative_names_no_thing(word):
    """WordNet lists no "hardest": the compared forms of adjectives are listed so as not to read as names."""
    assert is_written_as_no_thing(word)


@pytest.mark.parametrize("word", ["response", "expense", "third", "interest", "number"])
def test_nouns_and_numbers_are_not_read_as_no_thing(word):
    """A noun, or a spelled number (a value), is not written as no thing."""
    assert not is_written_as_no_thing(word)
