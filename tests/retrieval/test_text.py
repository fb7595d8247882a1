"""Word stems (irregular verb forms meet their base, other words keep the stemmer's stem, accents
off Latin letters), word tokens, denial."""
import pytest

from retrieval.text import content_terms, is_negated, points_back, stem, without_accents, words


@pytest.mark.parametrize(("form", "base"), [("met", "meet"), ("rose", "rise"), ("fell", "fall"), ("grew", "grow"), ("led", "lead")])
def test_irregular_form_shares_its_base_stem(form, base):
    """A past form the stemmer cannot join ("met") gets the stem of its base ("meet")."""
    assert stem(form) == stem(base)


def test_regular_forms_still_go_through_the_stemmer():
    """Regular inflections keep the stemmer's own result ("restricted" ~ "restrict")."""
    assert stem("restricted") == stem("restrict") == "restrict"


def test_form_that_is_also_a_verb_base_keeps_its_own_stem():
    """"saw" (the tool, the verb to saw) is not taken for "see"."""
    assert stem("saw") != stem("see")


@pytest.mark.parametrize(("typed", "written"), [("cafe", "café"), ("zurich", "Zürich"), ("menendez", "Menéndez"), ("sao", "São")])
def test_a_word_typed_without_accents_meets_the_accented_one(typed, written):
    """"cafe" in a question finds the article's "café": accents come off Latin letters."""
    assert content_terms(typed) == content_terms(written)


def test_other_scripts_keep_their_marks():
    """A Devanagari vowel sign spells a sound: "हिंदी" keeps its marks; only Latin letters lose theirs."""
    assert without_accents("हिंदी") == "हिंदी"
    assert without_accents("crème brûlée") == "creme brulee"


def test_question_and_sentence_terms_meet():
    """'when did the two sides meet' and 'the two sides met' share the verb's term."""
    assert "meet" in set(content_terms("when did the two sides meet")) & set(content_terms("The two sides met in London."))


def test_contractions_carry_no_terms_but_their_negation():
    """"they're" is a function word and "won't" is "not": no terms "theyre" or "wont"."""
    assert content_terms("which chips won't they're saying lifted") == [stem(w) for w in ("chips", "not", "saying", "lifted")]


def test_a_negated_question_meets_a_negated_sentence():
    """"didn't" in the question and "did not" in the sentence share the term "not"."""
    assert "not" in set(content_terms("what didn't they agree on")) & set(content_terms("They did not agree on chips."))


@pytest.mark.parametrize("text, negated", [
    ("They didn’t agree.", True), ("There was no deal.", True), ("They left without a deal.", True),
    ("They agreed on a deal.", False), ("Nothing new: the notice stands.", False),
])
def test_a_denial_is_read_in_any_of_its_forms(text, negated):
    """is_negated reads "n't" (curly apostrophe too), "no" and "without", and not words merely starting so."""
    assert is_negated(text) is negated


def test_a_percent_sign_reads_as_the_word():
    """"By what percent…" meets "fell 34.5%": the sign is the word "percent"."""
    assert words("Exports fell 34.5% in May.") == ["exports", "fell", "345", "percent", "in", "may"]


def test_addressing_the_bot_adds_no_terms():
    """ "hey quotebot, … please" asks the same as the bare question."""
    assert content_terms("hey quotebot, who led the delegation please?") == content_terms("who led the delegation?")


@pytest.mark.parametrize(("word", "term"), [("seven", "7"), ("ninety", "90"), ("twelve", "12"), ("one", "one")])
def test_number_words_stem_to_their_digits(word, term):
    """ "seven hours" meets "7 hours"; "one" stays a word, mostly a pronoun."""
    assert stem(word) == term


@pytest.mark.parametrize(("word", "term"), [("tenth", "10th"), ("third", "3rd"), ("twelfth", "12th"), ("second", "second")])
def test_ordinal_words_stem_as_written_in_digits(word, term):
    """ "on the tenth" meets "on the 10th"; "second" stays a word, a unit of time as often."""
    assert stem(word) == term
    assert stem(term) == term


@pytest.mark.parametrize(("text", "opens_so"), [
    ("He was not part of the earlier Geneva discussions.", True),
    ("“They're going well,” Lutnick said.", True),
    ("The company declined to comment.", True),
    ("Their purpose is thought to be…", True),
    ("Hearings resumed on Monday.", False),
    ("The talks resumed on Monday.", False),
    ("Beijing sent He Lifeng.", False),
])
def test_a_sentence_opening_with_a_pronoun_points_back(text, opens_so):
    """A pronoun or "the company" at the opening points back; a word merely starting so does not."""
    assert points_back(text) is opens_so
