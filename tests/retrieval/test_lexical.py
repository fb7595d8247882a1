"""The BM25 lexicon's bookkeeping (retrieval.lexical)."""
import numpy as np

from index.table import Sentence, SentenceTable
from retrieval.lexical import LexicalIndex


def test_positions_follow_table_order_not_id_order():
    """Sentence ids map to their table rows even when ids are not in row order."""
    texts = {7: "Talks resumed.", 2: "Exports fell.", 5: "Tariffs rose."}
    sentences = [Sentence(id=i, source="a.txt", line=n + 1, start=0, end=len(t), text=t) for n, (i, t) in enumerate(texts.items())]
    lexicon = LexicalIndex(SentenceTable(sentences))
    assert lexicon.positions(np.array([5, 7, 2])).tolist() == [2, 0, 1]


def _lexicon(*texts: str) -> LexicalIndex:
    sentences = [Sentence(id=i, source="a.txt", line=i + 1, start=0, end=len(t), text=t) for i, t in enumerate(texts)]
    return LexicalIndex(SentenceTable(sentences))


def test_a_question_naming_one_spelling_meets_sentences_of_the_other():
    """BM25 scores "Scott Bescent told reporters" for a question about Bessent."""
    lexicon = _lexicon("Scott Bessent led the talks.", "Scott Bessent spoke.", "Scott Bescent told reporters.")
    assert lexicon.scores(lexicon.resolve(["bessent"]))[2] > 0


def test_highlighting_covers_every_spelling_of_a_name():
    """The other spellings of a question's name are among the words to highlight."""
    lexicon = _lexicon("Scott Bessent led the talks.", "Scott Bessent spoke.", "Scott Bescent told reporters.")
    assert set(lexicon.spellings(("bessent",))) == {"bessent", "bescent"}


def test_a_name_is_a_word_the_articles_write_only_capitalised_places_aside():
    """ "Lutnick" (even typed "lutnikc") is a name; "talks" and "China" are not."""
    lexicon = _lexicon("Howard Lutnick met officials.", "China held talks.", "Talks went on, Lutnick said.")
    assert lexicon.is_name("lutnick") and lexicon.is_name("lutnikc")
    assert not lexicon.is_name("talks") and not lexicon.is_name("china")


def test_a_pair_the_articles_write_as_one_word_is_read_joined():
    """ "crack down" over articles that write "crackdown" and never "crack" is read "crackdown"."""
    lexicon = _lexicon("Washington's crackdown on student visas.", "Exports fell.")
    assert lexicon.compounds_as_written("What did Washington crack down on?") == "what did washington crackdown on"


def test_a_pair_whose_words_the_articles_use_stays_open():
    """ "set up" stays two words over articles that use "set" as well as "setup"."""
    lexicon = _lexicon("The setup was new.", "They set rules.")
    assert lexicon.compounds_as_written("who set up the talks") == "who set up the talks"


def test_a_word_the_articles_write_as_two_is_read_split():
    """ "hightech" over articles that write "high-tech" (and never "hightech") is read "high tech"."""
    lexicon = _lexicon("The US restricts high-tech products.", "Exports fell.")
    assert lexicon.compounds_as_written("which hightech products") == "which high tech products"
    assert lexicon.compounds_as_written("which hightides products") == "which hightides products"
