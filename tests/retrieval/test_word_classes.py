"""Word classes: which question words name things."""
import pytest

from retrieval.text import stem
from retrieval.word_classes import names_a_thing


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
