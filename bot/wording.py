"""What quotebot says in words, whichever front end says it: the refusal, and how sure an answer is."""
from __future__ import annotations

from typing import Callable

from retrieval.answer import AnswerSet

NOT_IN_ARTICLES = "The articles don't say."
OTHER_LANGUAGE = "quotebot reads questions in English, and this one seems to be in another language."
NAMES_NOTHING = (
    "That question names nothing to look for: say who or what you mean "
    "(\"what did the minister say?\", not \"what did he say?\")."
)

YOU_ARE_WELCOME = "You're welcome. Ask about the articles any time."
HELLO = (
    "Hello! Ask about the articles (\"who led China's delegation?\") and quotebot quotes the "
    "sentence that answers, with its file and line."
)

# What is said for a question that could not be searched, by why (AnswerSet.unreadable).
_SAID_INSTEAD = {
    "other language": OTHER_LANGUAGE, "names nothing": NAMES_NOTHING, "thanks": YOU_ARE_WELCOME, "greeting": HELLO,
}


def refusal(result: AnswerSet, escape: Callable[[str], str] = str) -> str:
    """Why quotebot gives no answer: the articles don't say (and what of the question they never
    mention, passed through the front end's `escape`: it is the asker's text), it could not
    search the question, or the message was thanks or a greeting (answered in kind)."""
    said = _SAID_INSTEAD.get(result.unreadable, NOT_IN_ARTICLES)
    unused = never_used(result)
    return f"{said} {escape(unused)}" if unused else said


# At most this many of the words the articles never use are named in a refusal, each cut to
# MAX_WORD_CHARS: a question may be long, or typed in a hurry.
MAX_UNUSED_WORDS = 3
MAX_WORD_CHARS = 40


def never_used(result: AnswerSet) -> str:
    """What a refusal adds when the question names things the articles never do ("They never
    use the word “japan”."): true whatever else the refusal rests on, and checkable. "" when
    there are none or the question was not refused for want of an answer. User text: escape it
    for the front end."""
    if not result.abstained or result.unreadable or not result.not_in_articles:
        return ""
    quoted = [f"“{w if len(w) <= MAX_WORD_CHARS else w[: MAX_WORD_CHARS - 1] + '…'}”" for w in result.not_in_articles]
    shown = quoted[:MAX_UNUSED_WORDS]
    if len(quoted) > MAX_UNUSED_WORDS:
        listed = ", ".join(shown) + ", …"
    else:
        listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]
    noun = "word" if len(quoted) == 1 and " " not in result.not_in_articles[0] else "words"
    return f"They never use the {noun} {listed}."


def confidence_hint(score: float, threshold: float) -> str:
    """A word for how sure the ranking is, relative to the abstention threshold."""
    margin = score - threshold
    if margin >= 0.3:
        return "high confidence"
    if margin >= 0.1:
        return "medium confidence"
    return "low confidence"


def sureness(result: AnswerSet, threshold: float) -> str:
    """The hint for the answer a user is shown: by the abstainer's confidence where there is one
    (rerank), else by the top answer's score."""
    best = result.answers[0]
    return confidence_hint(result.confidence if result.confidence is not None else best.score, threshold)
