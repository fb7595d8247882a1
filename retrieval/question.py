"""Raw user input → a question fit to search with, or a QuestionError."""
import re
import unicodedata
from collections.abc import Callable

from .errors import QuestionError
from .text import content_terms

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACE = re.compile(r"\s+")
_CLOSING_MARKS = re.compile(r"[\s?？.!。]+$")
# How people open a question to a chat bot, before asking it: greetings, "quick question:",
# "do you know", "can you tell me", "I was wondering"… Not before "if" or "whether": "can you
# tell me if exports fell" asks yes or no, which "exports fell" no longer says.
_LEAD_IN = re.compile(
    r"""^(?:
        (?:hey|hi|hello|yo|ok(?:ay)?|so|um+|uh+|please|quotebot)
      | (?:well|sorry|excuse\s+me|help|bot)(?=\s*[,:;!.–—])
      | just\s+(?:curious|wondering|asking|checking)
      | (?:real(?:ly)?\s+)?quick(?:ly)?(?=\s*[,:;!.–—])
      | out\s+of\s+curiosity
      | remind\s+me
      | i\s+(?:need|have)\s+to\s+know
      | (?:a\s+)?(?:quick\s+)?q(?:uestion)?(?=\s*[:,\-–—])
      | (?:quick\s+)?question\s+for\s+(?:you|quotebot)
      | i\s*(?:was|am|'m|m)?\s+wonder(?:ing)?
      | (?:do|does)\s+(?:you|any\s*one|any\s*body)\s+know
      | (?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:tell|show)\s+me
      | (?:please\s+)?tell\s+me
      | i(?:'d|\s+would)\s+like\s+to\s+know
      | i\s+want(?:ed)?\s+to\s+know
      | (?:any|got\s+an?)\s+idea
    )(?!\s+(?:if|whether)\b)(?:\s*[,:;!.–—]+\s*|\s+-\s+|\s+|$)""",
    re.IGNORECASE | re.VERBOSE,
)

# A short opening, a few words set off by a comma, colon or dash: "btw, who…", "honest question: did…".
_PREAMBLE = re.compile(r"^(?P<head>[^,:;–—?]{1,30}?)\s*(?:[,:;–—]|\s-\s)\s*(?P<rest>\w.+)$", re.DOTALL)


def clean_question(raw: str, max_chars: int) -> str:
    """Strip control and direction marks, collapse whitespace, cut to `max_chars` whole words."""
    text = _SPACE.sub(" ", _CONTROL.sub(" ", raw)).strip()
    if len(text) > max_chars:
        cut = text.rfind(" ", 0, max_chars)
        text = text[: cut if cut > 0 else max_chars]
    example = 'ask about the articles, e.g. "who led the talks?"'
    if not text:
        raise QuestionError(f"the question is empty; {example}")
    if not any(unicodedata.category(c)[0] in "LN" for c in text):
        raise QuestionError(f"the question has no words to look for, only signs or emoji; {example}")
    return text


def as_encoded(question: str) -> str:
    """What the encoders read: the question closed by one question mark, whatever closed it
    before, so "who led the talks" and "who led the talks?" meet the same sentences with the
    same confidence. A mark, not none: MiniLM reads it (the second stage was fitted on SQuAD's
    questions, which carry it; without it, held-out Hit@1 0.759 -> 0.755)."""
    return (_CLOSING_MARKS.sub("", question) or question) + "?"


def without_preamble(question: str, is_known: Callable[[str], bool]) -> str:
    """The question without a short opening that names nothing the articles use ("btw, who led
    the talks", "honest question: …"), where `is_known` tells which terms they use. An opening
    with a name or a number ("In 1990, who won…", "Speaking of OPEC, what…") is kept: it says
    what is asked about, even when the articles never name it."""
    while (match := _PREAMBLE.match(question)) and _names_nothing(match["head"], is_known):
        question = match["rest"]
    return question


def _names_nothing(head: str, is_known: Callable[[str], bool]) -> bool:
    """Whether an opening of at most four words holds no name, no number and no word the
    articles use, yet some word: "What, along with solar, …" keeps its "what"."""
    words = head.split()
    if len(words) > 4 or any(c.isdigit() for c in head) or any(w[0].isupper() for w in words[1:]):
        return False
    terms = [t for t in content_terms(head) if t != "not"]
    return bool(terms) and not any(is_known(t) for t in terms)


def without_lead_in(question: str) -> str:
    """The question without how it was opened: "quick question: do you know who led the talks"
    asks "who led the talks". Nothing is taken when nothing would be left."""
    rest = question
    while (match := _LEAD_IN.match(rest)) and match.end() < len(rest):
        rest = rest[match.end() :]
    return rest
