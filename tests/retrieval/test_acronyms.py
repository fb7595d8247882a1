"""Acronyms of names the articles spell out (retrieval.acronyms)."""
from retrieval.acronyms import acronyms, spelled_out
from retrieval.spelling import is_english

ARTICLES = (
    "Kevin Hassett, director of the National Economic Council, spoke on Monday.",
    "The National Economic Council advises the president; the MVP Of Super League did not.",
    "U.S. Trade Representative Jamieson Greer attended, as did the Bank of England.",
    "The US Trade Representative's office was shut.",
    "Bessent and Trade Representative Greer met. China. China is not easy.",
)
NAMES = acronyms(ARTICLES)
WORDS = frozenset(w.strip(".,").lower() for text in ARTICLES for w in text.split())


def _spelled_out(question: str) -> str:
    return spelled_out(question, lambda: NAMES, lambda word: word in WORDS, is_english)


def test_initials_of_a_capitalised_run_name_it():
    """ "National Economic Council" gives NEC, an abbreviation all its letters: "U.S. Trade Representative" is USTR."""
    assert NAMES["nec"] == ("National Economic Council", 2)
    assert NAMES["ustr"][0] in ("U.S. Trade Representative", "US Trade Representative")


def test_a_little_word_inside_a_name_may_count_or_not():
    """ "Bank of England" is both BE (too short) and BoE."""
    assert NAMES["boe"][0] == "Bank of England"
    assert "be" not in NAMES


def test_and_and_a_full_stop_end_a_name():
    """ "Bessent and Trade…" is two names; "China. China" is two sentences."""
    assert "batr" not in NAMES and "btr" not in NAMES
    assert "cc" not in NAMES and not any(name.startswith("China China") for name, _ in NAMES.values())


def test_an_acronym_is_no_part_of_a_name():
    """ "MVP Of Super League" gives no "MVPOSL": its letters would spell new acronyms by chance."""
    assert not any("MVP" in name for name, _ in NAMES.values())


def test_an_acronym_in_a_question_is_read_as_the_name():
    """Typed in capitals, or as no English word for a name written more than once; a possessive kept."""
    assert _spelled_out("who heads the nec?") == "who heads the National Economic Council?"
    assert _spelled_out("what is the USTR's name") == "what is the U.S. Trade Representative's name"
    assert _spelled_out("where is the boe") == "where is the boe"  # written once


def test_spellings_with_and_without_dots_are_one_name():
    """ "U.S. Trade Representative" and "US Trade Representative" count as one name written twice."""
    assert NAMES["ustr"][1] == 2


def test_a_contraction_is_no_acronym():
    """ "isn't" holds no acronym "isn"."""
    names = {**NAMES, "isn": ("Iroquois Six Nations", 2)}
    assert spelled_out("what isn't known", lambda: names, lambda word: False, is_english) == "what isn't known"


def test_a_word_the_articles_use_or_a_lower_case_english_word_stays():
    """ "nec" spelt out only where the articles lack it; an English word is read as typed unless in capitals."""
    names = {**NAMES, "cat": ("Central Asia Trade", 2)}
    nowhere = lambda word: False  # noqa: E731
    assert spelled_out("is the cat here", lambda: names, nowhere, is_english) == "is the cat here"
    assert spelled_out("is the CAT here", lambda: names, nowhere, is_english) == "is the Central Asia Trade here"
    used = lambda word: word == "nec"  # noqa: E731
    assert spelled_out("who heads the NEC", lambda: NAMES, used, is_english) == "who heads the NEC"


def test_a_question_in_capitals_throughout_spells_out_no_english_word():
    """In "IS THE CAT HERE" the capitals say nothing about "CAT"."""
    names = {**NAMES, "cat": ("Central Asia Trade", 2)}
    assert spelled_out("IS THE CAT HERE", lambda: names, lambda word: False, is_english) == "IS THE CAT HERE"


def test_the_names_are_read_only_for_a_word_that_may_be_an_acronym():
    """A question of English words in lower case never asks for the corpus's names (slow on a big corpus)."""
    def no_names():
        raise AssertionError("names read")

    assert spelled_out("who led the talks", no_names, lambda word: False, is_english) == "who led the talks"
