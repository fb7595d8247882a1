"""Discord message rendering: limits, escaping, inert mentions, refusal, grouped sources."""
import pytest

from bot.discord_render import (
    MESSAGE_LIMIT, inert, render_answer, render_cooldown, render_sources, trim_at_boundary,
)
from bot.wording import NOT_IN_ARTICLES, OTHER_LANGUAGE
from index.manifest import FileEntry
from retrieval.answer import Answer, AnswerSet, Quote


def result(quote="The Chinese delegation was led by Vice Premier He Lifeng.", abstained=False, **extra):
    answer = Answer(quote=quote, source="001.txt", line=3, start=0, end=len(quote), score=0.9, **extra)
    return AnswerSet(question="q", abstained=abstained, answers=[answer])


def test_answer_is_a_block_quote_with_source_and_confidence():
    """The quote is block-quoted, followed by `file:line` and a confidence hint."""
    text = render_answer(result(), threshold=0.5)
    assert text.startswith("> The Chinese delegation")
    assert "`001.txt:3`" in text and "confidence" in text


def test_abstention_is_plain_and_invents_nothing():
    """When quotebot abstains the reply is only the refusal."""
    assert render_answer(result(abstained=True), threshold=0.5) == NOT_IN_ARTICLES


def test_a_refusal_names_the_unused_words_inert():
    """The words the articles never use follow the refusal, escaped: "@everyone" pings no one."""
    refused = result(abstained=True).model_copy(update={"not_in_articles": ["@everyone", "*Japan*"]})
    text = render_answer(refused, threshold=0.5)
    assert text.startswith(NOT_IN_ARTICLES + " They never use the words")
    assert "@everyone" not in text and "*Japan*" not in text and "\\*Japan\\*" in text


def test_a_question_in_another_language_gets_its_own_refusal():
    """A question quotebot cannot read is refused as such, not with "the articles don't say"."""
    refused = result(abstained=True).model_copy(update={"unreadable": "other language"})
    assert render_answer(refused, threshold=0.5) == OTHER_LANGUAGE


def test_grouped_sources_are_listed():
    """Other articles saying the same fact appear on an 'also' line."""
    also = [Quote(quote="x", source="003.txt", line=25, start=0, end=1)]
    assert "also: `003.txt:25`" in render_answer(result(also=also), threshold=0.5)


@pytest.mark.parametrize("ping", ["@everyone", "@here", "<@123456789>", "<@!123456789>", "<@&987654321>", "<#42>"])
def test_mentions_in_articles_are_inert(ping):
    """Mentions in a quote never survive as mention syntax."""
    text = render_answer(result(f"Officials told {ping} to calm down."), threshold=0.5)
    assert ping not in text


def test_markdown_in_articles_is_escaped():
    """*, _, `, ~ and | in article text are shown literally."""
    text = inert("a *bold* _claim_ `code` ~~gone~~ ||spoiler|| > quote")
    for raw in ("*bold*", "_claim_", "`code`", "~~gone~~", "||spoiler||"):
        assert raw not in text


def test_highlights_are_bold():
    """Words matching the question are wrapped in ** without breaking escaping."""
    text = render_answer(result(highlights=[(4, 11)]), threshold=0.5)
    assert "**Chinese**" in text


def test_long_answers_stay_under_the_limit_and_end_on_a_boundary():
    """A 5,000-character quote is trimmed to at most 2,000 characters at a word or sentence end."""
    quote = " ".join(["Sentence number one is long enough to matter."] * 110)
    text = render_answer(result(quote, context_after=[Quote(quote=quote, source="001.txt", line=4, start=0, end=1)]), threshold=0.5)
    assert len(text) <= MESSAGE_LIMIT
    body = text.splitlines()[0]
    assert body.endswith(".") or body.endswith("…")


def test_trim_never_cuts_mid_word():
    """Trimming keeps whole words."""
    out = trim_at_boundary("alpha beta gamma delta", 14)
    assert out in ("alpha beta…", "alpha…") and len(out) <= 14


def test_cooldown_message_says_when_to_retry():
    assert "3 s" in render_cooldown(2.6)


def test_sources_list_names_counts_and_times_within_limit():
    """/sources lists every article with its sentence count, or says how many more there are."""
    files = {f"article_{i:04d}.txt": FileEntry(sha256="0" * 64, sentences=i, indexed_at="2026-11-25T10:00:00+00:00") for i in range(200)}
    text = render_sources(files)
    assert len(text) <= MESSAGE_LIMIT and "200 articles" in text and "more" in text
    assert "`article_0001.txt` — 1 sentences" in text


def test_a_repaired_question_is_shown_as_subtext():
    """A question whose typos were repaired gets a '-# read as' line, answered or refused."""
    answered = result().model_copy(update={"read_as": "who led the *delegation*"})
    refused = result(abstained=True).model_copy(update={"read_as": "who led the delegation"})
    assert render_answer(answered, threshold=0.5).endswith("\n-# read as: who led the \\*delegation\\*")
    assert render_answer(refused, threshold=0.5) == f"{NOT_IN_ARTICLES}\n-# read as: who led the delegation"


def test_each_question_of_a_message_gets_its_answer_within_the_limit():
    """Two questions in one message: both answered under their question, the whole under 2,000."""
    long = "Talks lasted " + "very " * 400 + "long."
    message = result().model_copy(update={"more": [result(quote=long).model_copy(update={"question": "how long?"})]})
    text = render_answer(message, threshold=0.5)
    assert len(text) <= MESSAGE_LIMIT
    assert text.index("-# q") < text.index("> The Chinese") < text.index("-# how long?") < text.index("> Talks")
