"""Terminal rendering: the answer with its source and confidence, or the plain refusal."""
from bot.terminal import render
from bot.wording import NOT_IN_ARTICLES, OTHER_LANGUAGE
from retrieval.answer import Answer, AnswerSet


def answer(quote: str, line: int, score: float) -> Answer:
    return Answer(quote=quote, source="001.txt", line=line, start=0, end=len(quote), score=score)


def plain(lines) -> list[str]:
    return [getattr(line, "plain", line) for line in lines]


def ranked(abstained: bool = False) -> AnswerSet:
    answers = [answer("He Lifeng led the delegation.", 3, 0.8), answer("Bessent led the US side.", 5, 0.1)]
    return AnswerSet(question="who led China's delegation", abstained=abstained, answers=answers, confidence=0.7)


def test_answer_line_names_file_line_score_and_confidence():
    """The source line carries the score and the same confidence word Discord shows."""
    lines = plain(render(ranked(), threshold=0.04))
    assert lines[0] == "> He Lifeng led the delegation."
    assert "001.txt, line 3" in lines[1] and "score 0.80, high confidence" in lines[1]


def test_only_the_first_of_all_answers_carries_the_hint():
    """--all: the runners-up show their score but no confidence word of their own."""
    lines = plain(render(ranked(), threshold=0.04, all_answers=True))
    sources = [line for line in lines if "001.txt, line" in line]
    assert len(sources) == 2
    assert "confidence" in sources[0] and "confidence" not in sources[1]


def test_refusal_shows_no_answer_and_no_hint():
    """When quotebot abstains it says so, and nothing else unless asked for the closest."""
    lines = plain(render(ranked(abstained=True), threshold=0.04))
    assert lines == [f"[bold]{NOT_IN_ARTICLES}[/bold]"]


def test_refusal_names_the_words_the_articles_never_use_as_text_not_markup():
    """ "They never use the word “[red]Japan[/red]”." is printed as typed: the asker's words are no markup."""
    refused = ranked(abstained=True).model_copy(update={"not_in_articles": ["[red]Japan[/red]"]})
    assert plain(render(refused, threshold=0.04)) == [
        f"[bold]{NOT_IN_ARTICLES} They never use the word “\\[red]Japan\\[/red]”.[/bold]"
    ]


def test_closest_sentence_is_marked_not_an_answer_without_a_hint():
    """--show-closest: the nearest sentence is labelled as not an answer and given no confidence."""
    lines = plain(render(ranked(abstained=True), threshold=0.04, show_closest=True))
    assert any("closest, not an answer" in line for line in lines)
    assert not any("confidence" in line for line in lines)


def test_a_repaired_question_is_shown_as_read():
    """When typos were repaired the terminal says how the question was read, before the answer."""
    result = ranked().model_copy(update={"read_as": "who led China's delegation"})
    assert plain(render(result, threshold=0.04))[0] == "[dim]read as: who led China's delegation[/dim]"


def test_a_question_in_another_language_is_refused_as_such():
    """ "The articles don't say" would be untrue of a question quotebot cannot read: it says which it is."""
    refused = ranked(abstained=True).model_copy(update={"unreadable": "other language"})
    assert plain(render(refused, threshold=0.04)) == [f"[bold]{OTHER_LANGUAGE}[/bold]"]


def test_each_question_of_a_message_is_printed_before_its_answer():
    """A message asking two questions prints each question, then its answer."""
    second = ranked().model_copy(update={"question": "who led the US side"})
    lines = plain(render(ranked().model_copy(update={"more": [second]}), threshold=0.04))
    assert lines.index("who led China's delegation") < lines.index("who led the US side")
    assert lines.count("> He Lifeng led the delegation.") == 2
