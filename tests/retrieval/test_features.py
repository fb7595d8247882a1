"""Second-stage features: what a question asks for, what a sentence holds, spelling repair."""
import pytest

from index.table import Sentence, SentenceTable
from retrieval.features import FEATURE_NAMES, pair_features, view_question, view_sentence
from retrieval.lexical import LexicalIndex
from retrieval.text import content_terms


def _type_features(question: str, sentence: str) -> tuple[float, float]:
    q = view_question(question)
    s = view_sentence(sentence, content_terms(sentence))
    features = dict(zip(FEATURE_NAMES[5:12], pair_features(q, s, [1.0] * len(q.terms))))
    return features["type_match"], features["type_miss"]


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("what tariff rate did trump announce", {"share"}),
        ("what's the price of dysprosium", {"money"}),
        ("How many magnets did China ship?", {"count"}),
        ("when did the talks resume", {"time"}),
        ("who led the delegation", {"person"}),
        ("where were the talks held", {"place"}),
        ("why are rare earths important", set()),
    ],
)
def test_question_wants_the_kind_its_words_ask_for(question, wanted):
    """Each question cue maps to the kind of answer it asks for."""
    assert view_question(question).wants == wanted


def test_a_rate_question_is_not_answered_by_a_date():
    """A sentence with only a date does not hold the share a "rate" question wants."""
    assert _type_features("what tariff rate did Trump announce?", "Trump announced tariffs on April 2.") == (0.0, 1.0)


def test_a_rate_question_is_answered_by_a_percentage():
    """A percentage holds the share a "rate" question wants."""
    assert _type_features("what tariff rate did Trump announce?", "Trump announced a 34% tariff.") == (1.0, 0.0)


def test_a_price_question_needs_an_amount_of_money():
    """A price question matches a currency amount and misses a bare count."""
    assert _type_features("what is the price of gold?", "Gold costs $2,300 an ounce.") == (1.0, 0.0)
    assert _type_features("what is the price of gold?", "Two traders sold gold.") == (0.0, 1.0)


def test_who_question_matches_a_name_it_does_not_already_hold():
    """A new multi-word name answers "who"; the name asked about does not."""
    assert _type_features("who met Scott Bessent?", "Scott Bessent met He Lifeng in London.")[0] == 1.0
    assert _type_features("who met Scott Bessent?", "He met Scott Bessent there.")[1] == 1.0


def _lexicon(*texts: str) -> LexicalIndex:
    sentences = [Sentence(id=i, source="a.txt", line=i + 1, start=0, end=len(t), text=t) for i, t in enumerate(texts)]
    return LexicalIndex(SentenceTable(sentences))


def test_misspelt_name_is_repaired_to_the_corpus_spelling():
    """A word English does not know, one edit from a corpus term, becomes that term."""
    lexicon = _lexicon("Treasury Secretary Scott Bessent led the talks.", "Rare earth exports fell.")
    assert lexicon.resolve(["bescent"]) == ["bessent"]


def test_english_word_is_not_repaired_into_another():
    """A real word absent from the corpus stays itself ("rate" does not become "rare")."""
    lexicon = _lexicon("Rare earth exports fell.", "The talks went well.")
    assert lexicon.resolve(["rate"]) == ["rate"]
