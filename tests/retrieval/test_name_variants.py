"""Two spellings of one name in the articles (retrieval.name_variants)."""
from retrieval.name_variants import name_variants


def test_two_spellings_after_one_first_name_are_one_name():
    """"Scott Bescent" is read as the commoner "Scott Bessent"."""
    texts = ["Scott Bessent led the talks.", "Scott Bessent spoke.", "Scott Bescent told reporters."]
    assert name_variants(texts) == {"bescent": "bessent"}


def test_names_after_different_first_names_stay_apart():
    """"Kevin Hassett" and "Mary Hassatt" are two people."""
    assert name_variants(["Kevin Hassett spoke.", "Mary Hassatt wrote."]) == {}


def test_a_title_used_in_lower_case_is_not_a_first_name():
    """Two kings one letter apart are not one king: "king" also appears in lower case."""
    texts = ["King Harold fell.", "King Harald sailed.", "The king died."]
    assert name_variants(texts) == {}


def test_names_differing_in_their_ending_stay_apart():
    """"Anna Roberta" and "Anna Roberto" differ where related words do, not by a slip."""
    assert name_variants(["Anna Roberta sang.", "Anna Roberto danced."]) == {}


def test_roman_numerals_stay_apart():
    """Super Bowl XXVIII and Super Bowl XLVIII are different games."""
    assert name_variants(["Super Bowl XXVIII was played.", "Super Bowl XLVIII was played."]) == {}


def test_a_word_written_in_lower_case_is_not_a_name():
    """A spelling the articles also write in lower case is a word, not a name variant."""
    assert name_variants(["Scott Bessent spoke.", "Scott Bescent spoke.", "A bescent is a thing."]) == {}
