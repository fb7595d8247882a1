"""Typo repair of questions (retrieval.spelling): what is repaired, into what, and what is left alone."""
import pytest

from retrieval.spelling import Speller, is_slip

CORPUS_WORDS = "the chinese delegation was led by lutnick talks talks nvidia licenses rare earths".split()


def _speller() -> Speller:
    return Speller(CORPUS_WORDS)


def test_a_misspelt_corpus_word_is_read_as_that_word():
    """A dropped letter is put back from the corpus's spelling."""
    assert _speller().repair("who led the delegaton") == "who led the delegation"


def test_swapped_letters_are_repaired():
    """Two letters typed the wrong way round are one edit, too."""
    assert _speller().repair("what did lutnikc say") == "what did lutnick say"


def test_case_and_possessive_are_kept():
    """The repair is written as the word was typed, its possessive kept."""
    assert _speller().repair("What did Lutnikc's team say about NVDIA") == "What did Lutnick's team say about NVIDIA"


def test_an_english_word_is_taken_as_meant():
    """A real word the corpus lacks is not turned into a corpus word one edit away ("rate" is not "rare")."""
    assert _speller().repair("what rate was set") == "what rate was set"


def test_a_word_neither_knows_falls_back_to_common_english():
    """Without a corpus word one edit away, the most common English word one edit away is taken."""
    assert _speller().repair("what did they acheve") == "what did they achieve"


def test_the_first_letter_is_taken_as_typed():
    """"xalks" is not "talks": candidates share the typed first letter."""
    assert _speller().repair_word("xalks") == "xalks"


def test_short_words_are_left_alone():
    """Three letters are too few to guess from: "tlk" stays."""
    assert _speller().repair_word("tlk") == "tlk"


def test_a_form_of_a_corpus_word_is_known():
    """"delegations" is the corpus's "delegation" in another form, not a typo."""
    assert _speller().repair_word("delegations") == "delegations"


def test_swapped_letters_win_over_a_commoner_word():
    """"duek" is read as "duke" (two letters swapped), not the commoner "due" (one dropped)."""
    assert Speller("the duke was due due due".split()).repair_word("duek") == "duke"


def test_a_typo_of_a_stopword_is_read_as_it():
    """"wass" is "was", the corpus's commonest word one edit away, not the content word "ways"."""
    assert Speller("it was the way it was done in two ways".split()).repair_word("wass") == "was"


def test_a_contraction_gets_its_apostrophe_back():
    """ "whats" is read as "what's", as the encoders learnt it; "its", a word of its own, stays."""
    assert _speller().repair("Whats its price") == "What's its price"


def test_an_informal_shortening_is_read_as_its_word():
    """ "govt" is "government", even though it is no typo of it."""
    assert _speller().repair("what did the govt say") == "what did the government say"


def test_the_letters_of_a_dotted_abbreviation_stay():
    """ "U.S." keeps its letters: no single letter is read as a word ("u" as "you")."""
    assert _speller().repair("what is the U.S. position") == "what is the U.S. position"


def test_a_shortening_the_corpus_itself_uses_stays():
    """When the articles write "info" themselves, a question's "info" is left as typed."""
    assert Speller("the info desk".split()).repair_word("info") == "info"


def test_a_rare_english_word_one_edit_from_a_corpus_word_is_taken_for_a_typo():
    """ "chian" is in the dictionary, but seldom meant: beside the corpus's "china" it is a typo."""
    assert Speller("china rose".split()).repair_word("chian") == "china"


@pytest.mark.parametrize(("typed", "meant"), [("delegaton", "delegation"), ("lutnikc", "lutnick"), ("tqlks", "talks"),
                                              ("tarifff", "tariff"), ("wass", "was"), ("dael", "deal")])
def test_slips_of_the_fingers_are_slips(typed, meant):
    """A dropped letter, a swap, a key beside the right one, a doubled key: each is one slip."""
    assert is_slip(typed, meant)


@pytest.mark.parametrize(("typed", "meant"), [("sunak", "sunk"), ("opec", "open"), ("seng", "sent"), ("ford", "for"),
                                              ("yellen", "yelled")])
def test_an_unknown_name_one_edit_from_a_word_is_no_slip(typed, meant):
    """A letter no finger slips to, or a wrong key in a short word, makes a name, not a typo."""
    assert not is_slip(typed, meant)


def test_an_unknown_name_is_not_turned_into_a_corpus_word():
    """ "opec" stays "opec" beside the corpus's "open": the question stays about something unseen."""
    assert Speller("the market will open".split()).repair_word("opec") == "opec"


@pytest.mark.parametrize("typed, articles, read", [
    ("what did the labour union say", "the labor union met", "what did the labor union say"),
    ("when did the programme end", "the program ended", "when did the program end"),
    ("which organization grew", "the organisation grew", "which organisation grew"),
    ("what did the defence minister say", "the defense minister spoke", "what did the defense minister say"),
])
def test_a_word_spelt_the_other_side_of_the_atlantic_is_read_as_the_articles_spell_it(typed, articles, read):
    """British and American spellings meet: "labour" is read "labor" over articles that write it so."""
    assert Speller(articles.split()).repair(typed) == read


def test_a_short_word_is_no_other_spelling():
    """ "four" is never read as "for", nor "tour" as "tor": too little comes before the ending."""
    assert Speller("tor for".split()).repair("four tours") == "four tours"
