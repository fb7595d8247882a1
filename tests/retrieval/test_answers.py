"""Grouping of sources, context, highlighting and question cleaning."""
import numpy as np
import pytest

from retrieval.errors import QuestionError
from retrieval.grouping import group_ranked
from retrieval.highlight import highlight_spans
from retrieval.question import as_encoded, clean_question
from retrieval.text import content_terms


def test_near_duplicates_join_the_first_group():
    """Rows similar to an earlier head join it; others head new groups up to the limit."""
    v = np.array([[1, 0], [0.99, 0.141], [0, 1], [0.1, 0.995], [0.7071, 0.7071]], dtype=np.float32)
    assert group_ranked(v, 0.95, limit=2) == [[0, 1], [2, 3]]


def test_group_limit_still_collects_duplicates():
    """Past the limit, new facts are dropped but duplicates of kept ones still join."""
    v = np.array([[1, 0], [0, 1], [1, 0]], dtype=np.float32)
    assert group_ranked(v, 0.9, limit=1) == [[0, 2]]


def test_rows_join_only_heads_that_hold_the_kind_asked_as_they_do():
    """A near-duplicate with the date asked for and one without are two answers, each with its own sources."""
    v = np.array([[1, 0], [0.99, 0.141], [1, 0], [0.99, 0.141]], dtype=np.float32)
    holds = np.array([False, True, False, True])
    assert group_ranked(v, 0.9, limit=3, holds=holds) == [[0, 2], [1, 3]]
    assert group_ranked(v, 0.9, limit=3) == [[0, 1, 2, 3]]


def test_highlight_marks_matching_words_only():
    """Question words (stemmed) are marked; stopwords are not; adjacent words merge."""
    quote = "The Chinese delegation was led by Vice Premier He Lifeng."
    spans = highlight_spans(quote, tuple(content_terms("who led the chinese delegations?")))
    assert [quote[s:e] for s, e in spans] == ["Chinese delegation", "led"]


def test_highlight_keeps_abbreviation_dots():
    """'U.S.' is highlighted whole, final dot included."""
    quote = "In May, the U.S. suspended shipments."
    spans = highlight_spans(quote, tuple(content_terms("what did the US suspend")))
    assert [quote[s:e] for s, e in spans] == ["U.S. suspended"]


def test_highlight_marks_a_percent_sign_for_percent():
    """"By what percent…" marks the sign the sentence writes, as matching reads it."""
    quote = "Exports fell 34.5% in May."
    spans = highlight_spans(quote, tuple(content_terms("by what percent did exports fall")))
    assert [quote[s:e] for s, e in spans] == ["Exports fell", "%"]


def test_clean_question_strips_controls_and_cuts_long_input():
    """Control and direction marks vanish; long questions are cut at a word."""
    assert clean_question("\u202ewho\x00 led\n the talks?\u202c", 100) == "who led the talks?"
    assert len(clean_question("word " * 1000, 50)) <= 50


def test_clean_question_drops_terminal_colour_sequences_whole():
    """Text copied from a coloured terminal keeps no "[31m" to be read as a word."""
    assert clean_question("\x1b[1;31mwho led\x1b[0m the talks?\x1b]0;title\x07", 100) == "who led the talks?"


def test_clean_question_drops_pasted_markup():
    """HTML tags and entities pasted with a question are read as the text they mark up."""
    assert clean_question("<b>who led</b> the <a href='x'>talks</a> &amp; why?", 100) == "who led the talks & why?"
    assert clean_question("is 2 < 3 & 4 > 1?", 100) == "is 2 < 3 & 4 > 1?"


@pytest.mark.parametrize(("raw", "says"), [("", "empty"), ("  ", "empty"), ("\x00\x01", "empty"), ("?!?", "no words"), ("🙂🙂", "no words")])
def test_clean_question_refuses_input_without_words(raw, says):
    """Nothing to search for is a QuestionError saying whether the question was empty or wordless."""
    with pytest.raises(QuestionError, match=says):
        clean_question(raw, 100)


@pytest.mark.parametrize("asked", ["who led the talks?", "who led the talks ??", "who led the talks？", "who led the talks", "who led the talks."])
def test_encoders_read_the_question_closed_by_one_question_mark(asked):
    """However the question is closed, the encoders read it with one question mark."""
    assert as_encoded(asked) == "who led the talks?"


def test_a_question_mark_inside_the_question_stays():
    """Only the closing marks are replaced: "5?6" is not cut."""
    assert as_encoded("is it 5?6 or 7") == "is it 5?6 or 7?"


def test_answer_starting_with_a_pronoun_carries_the_sentence_before(seed_index):
    """'He said the expectation was…' comes with the sentence that says who 'he' is."""
    from retrieval.searcher import Searcher
    from retrieval.settings import RetrievalSettings

    searcher = Searcher(seed_index, RetrievalSettings(top_k=10, group_similarity=1.0))
    result = searcher.ask("He said the expectation was that immediately after the handshake, export controls would be eased")
    he = [a for a in result.answers if a.quote.startswith("He said the expectation")]
    assert he and he[0].context_before and "Hassett" in he[0].context_before[0].quote


def test_answer_finding_the_question_only_with_the_sentence_before_carries_it(seed_index):
    """ "The talks on the 9th…" holds "who led China" only with the sentence before it, so carries it."""
    from retrieval.searcher import Searcher
    from retrieval.settings import RetrievalSettings

    searcher = Searcher(seed_index, RetrievalSettings(top_k=10, group_similarity=1.0))
    result = searcher.ask("who led China in the talks")
    after = [a for a in result.answers if a.quote.startswith("The talks on the 9th")]
    assert after and after[0].context_before and "He Lifeng" in after[0].context_before[0].quote


def test_context_option_adds_neighbours(seed_index):
    """--context 1 adds the sentence before and after from the same file."""
    from retrieval.searcher import Searcher
    from retrieval.settings import RetrievalSettings

    searcher = Searcher(seed_index, RetrievalSettings(context=1))
    best = searcher.ask("who led China's delegation?").answers[0]
    assert len(best.context_before) == 1 and len(best.context_after) <= 1
    assert all(q.source == best.source for q in best.context_before + best.context_after)
    assert best.context_before[0].end <= best.start


def test_same_fact_from_several_articles_is_one_answer_with_sources(seed_searcher):
    """'The Chinese delegation was led by … He Lifeng' from two articles is one answer, two sources."""
    result = seed_searcher.ask("who led the Chinese delegation?")
    best = result.answers[0]
    assert "He Lifeng" in best.quote and best.also
    assert {best.source, *(q.source for q in best.also)} >= {"000_05be51cd5a653693.txt", "001_a47d68a45776695b.txt"}
    for a in result.answers:
        assert a.source not in {q.source for q in a.also}
    others = [a.quote for a in result.answers[1:]]
    assert not any(q.startswith("The Chinese delegation was led by") for q in others)
