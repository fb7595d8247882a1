"""Sentence splitting and cleaning, on the real seed articles."""
import re

import pytest

from index.segment import collapse_whitespace, split_sentences
from tests.conftest import SEEDS


def sentences_of(name: str) -> list[str]:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return [collapse_whitespace(text[s.start : s.end]) for s in split_sentences(text)]


ALL = {p.name: sentences_of(p.name) for p in sorted(SEEDS.glob("*.txt"))}


def test_wrapped_lines_are_joined_into_one_sentence():
    """002's Bessent sentence, broken over three lines, is one sentence."""
    joined = [s for s in ALL["002_a11e9ca4008d744f.txt"] if "Scott Bessent" in s]
    assert len(joined) == 1
    assert joined[0].startswith("Beijing has sent Vice Premier He Lifeng")
    assert joined[0].endswith("at Lancaster House.")


def test_lowercase_continuation_lines_are_joined():
    """A line starting in lower case continues the previous line's sentence."""
    assert any(
        s.startswith("Top US and Chinese officials met in London") and "amidst tensions" in s
        for s in ALL["002_a11e9ca4008d744f.txt"]
    )


@pytest.mark.parametrize("heading", ["Navigating Differences", "Delegates arrive", "Current News"])
def test_headings_are_not_glued_to_the_next_sentence(heading):
    """A heading without a final period never starts a longer sentence."""
    for sentences in ALL.values():
        assert not any(s.startswith(heading) and s != heading for s in sentences)


def test_long_heading_stays_its_own_sentence():
    """'US officials desire ‘handshake’ agreement' is not joined to 'According to Trump…'."""
    sentences = ALL["002_a11e9ca4008d744f.txt"]
    assert "US officials desire ‘handshake’ agreement" in sentences
    assert any(s.startswith("According to Trump") for s in sentences)


@pytest.mark.parametrize(
    "boilerplate",
    ["Comments (0)", "Leave the first comment", "What is your opinion on this topic?",
     "blog comments powered by Disqus", "Tags", "/", "------------", "Bloomberg L.P.",
     "This is not investment advice.", "ArcaMax", "Comments"],
)
def test_boilerplate_is_never_a_sentence(boilerplate):
    """Comment prompts, tags, separators, copyright lines and site names are dropped."""
    for sentences in ALL.values():
        assert not any(boilerplate in s for s in sentences), boilerplate


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting, which began Monday just after 1 p.m. local time, is expected to extend into the U.K. evening and may restart Tuesday if necessary.",
        "Reuters reported that China has agreed to provide temporary export clearances to three U.S. automakers.",
        "The timing is significant, particularly as customs data released Monday revealed a 34.5% drop in China's exports to the U.S. in May, the steepest decline since the start of the COVID-19 pandemic.",
    ],
)
def test_abbreviations_and_decimals_do_not_end_sentences(sentence):
    """U.S., U.K., p.m. and 34.5% stay inside their sentence."""
    assert any(sentence == s for sentences in ALL.values() for s in sentences)


def test_corp_abbreviation_stays_inside_sentence():
    """'Nvidia Corp. used to power…' is one sentence."""
    assert any("Nvidia Corp. used to power artificial intelligence." in s for s in ALL["004_1023d307a01e64fc.txt"])


@pytest.mark.parametrize("name", sorted(ALL))
def test_offsets_slice_back_to_the_quote(name):
    """Each span is the original slice; collapsed, it equals the sentence text."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    for span in split_sentences(text):
        raw = text[span.start : span.end]
        assert raw == raw.strip()
        assert collapse_whitespace(raw) == re.sub(r"[ \t\r\n]+", " ", raw)
        assert text.count("\n", 0, span.start) + 1 == span.line


def test_non_ascii_and_no_break_spaces_stay_intact():
    """Curly quotes and a no-break space inside a sentence are kept as they are."""
    sentences = ALL["003_9f6454c9d33b079a.txt"]
    assert any('today",\xa0Lutnick told reporters.' in s for s in sentences)
    assert any("“We held a good meeting,”" in s for s in ALL["000_05be51cd5a653693.txt"])


def test_title_line_is_kept_as_a_sentence():
    """An article's title line (no period) can still be quoted."""
    assert "Lutnick says U.S.-China trade talks going well on second day" in ALL["003_9f6454c9d33b079a.txt"]


def test_run_on_text_is_cut_into_bounded_windows():
    """A 100 KB line without punctuation becomes many bounded sentences, none lost."""
    text = " ".join(f"word{i}" for i in range(20000))
    spans = split_sentences(text)
    assert len(spans) > 10
    assert all(s.end - s.start <= 1200 for s in spans)
    assert spans[0].start == 0 and spans[-1].end == len(text)


def test_a_paragraph_too_long_for_pysbd_at_once_splits_as_its_sentences():
    """A 70,000-character paragraph without line breaks is split in chunks, never inside a sentence."""
    sentences = ["Mr. Smith met Dr. Jones at 5 p.m. on Monday.", "They talked about the U.S. economy for an hour."]
    text = " ".join(sentences * 800)
    assert len(text) > 3 * 20_000
    quotes = [text[s.start : s.end] for s in split_sentences(text)]
    assert quotes == sentences * 800


def test_a_long_paragraph_without_capitals_is_cut_at_full_stops():
    """Lower-case chat pasted on one line has no sure sentence end: chunks end at a full stop, not mid-sentence."""
    text = "we met at noon by the river. then we talked about the harbour for an hour. " * 1000
    quotes = [text[s.start : s.end] for s in split_sentences(text)]
    assert quotes == ["we met at noon by the river.", "then we talked about the harbour for an hour."] * 1000


@pytest.mark.parametrize(
    "line", ["**Scott Bessent** led the US delegation.", "* Talks lasted seven hours on Monday."],
)
def test_markdown_bold_and_bullets_are_not_footnotes(line):
    """A line opening with "**bold**" or a "* " bullet is content; "*This is not…" is a footnote."""
    text = f"{line}\n\n*This is not investment advice.\n"
    quotes = [collapse_whitespace(text[s.start : s.end]) for s in split_sentences(text)]
    assert quotes == [line]
