"""Raw user input → a question fit to search with, or a QuestionError."""
import html
import re
import unicodedata
from collections.abc import Callable
from typing import Literal

from index.segment import sentences_of

from .errors import QuestionError
from .text import content_terms, normal_form, word_form

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# A terminal's colour or title sequence, whole, as text copied out of a coloured terminal holds
# it: dropping only its escape character would leave "[31m" to be read as a word.
_TERMINAL_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?)")
_SPACE = re.compile(r"\s+")
# Markup pasted with a question from a web page or an e-mail ("<b>who led…</b>", "&amp;").
_MARKUP_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
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

# Words that ask, typed with or without an apostrophe; and verbs that ask when they open a question.
_QUESTION_WORDS = r"who|whom|whose|whos|what|what's|whats|wat|when|whens|where|wheres|which|why|how|hows"
_ASKING_VERBS = r"is|are|was|were|do|does|did|can|could|will|would|should|has|have|had"
# A sentence that asks: closed by a question mark, opened by a verb that asks ("did exports
# fall"), or holding a question word anywhere ("in what month…", "…the worst in how many years").
_ASKING_WORDS = rf"^(?:{_ASKING_VERBS})\b|\b(?:{_QUESTION_WORDS})\b"
_ASKS = re.compile(rf"{_ASKING_WORDS}|\?\W*$", re.IGNORECASE)
# A sentence asking a question of its own, by its words: not "pestis were found…?", which pysbd
# split off "What strains of y." at the abbreviation.
_ASKS_BY_ITS_WORDS = re.compile(_ASKING_WORDS, re.IGNORECASE)
# Pronouns by which a question may point back to what was said before it ("There were talks in
# London. Who led them?"); possessives and "this"/"that" are left out, being mostly about a thing
# the question itself names ("when he made his statement", "this round of talks").
_PRONOUN = re.compile(r"\b(?:he|she|it|they|them|him|her)\b", re.IGNORECASE)
_NAME = re.compile(r"(?<=\s)[A-Z]")
# A sentence about the asker or the exchange, not about the articles: "I'm writing a report.",
# "Sorry to bother you.", "Thanks!", and the subjectless "Asking for a friend.", "Need it for work.".
_ABOUT_THE_ASKER = re.compile(
    r"(?i:\b(?:i'm|im|i've|i'd|me|my|you|your|thanks|thank|cheers)\b|^(?:just\s+)?(?:asking|need|needed|wondering|curious)\b)|\bI\b|^i\b|!\W*$"
)
# Where a text may hold more than one sentence: a closing mark with more after it.
_INNER_CLOSE = re.compile(r"[.?!…]\W*\s+\S")

# Where one sentence asks a second question: "… and how long did the talks last?". Not "… and
# what other country…", which asks one thing of two.
_AND_ASKS = re.compile(
    rf",?\s+(?:and|&)\s+(?=(?:{_QUESTION_WORDS})\s+(?:(?:long|much|many|often|far|old)\s+)?(?:{_ASKING_VERBS})\b)",
    re.IGNORECASE,
)
_LINK = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
# A list mark opening an item: "1)", "2.", "(3)", "-", "•", "*".
_LIST_MARK = re.compile(r"(?:^|(?<=\s))(?:\(?\d{1,2}[.)]|[-•*])\s+")
# More questions than this in one message are answered as one: a reply stays readable.
MAX_QUESTIONS = 3

# What people say to a chat bot besides questions: thanks (or an "ok" after an answer), a greeting.
_SMALL_TALK = {
    "thanks": re.compile(
        r"(?:(?:ok(?:ay)?|great|perfect|cool|awesome|nice|got it|that helps|brilliant)\W*)*"
        r"(?:thanks?(?: you)?(?: (?:so|very) much| a (?:lot|ton|bunch))?|thx|tysm|ty|cheers|much appreciated"
        r"|ok(?:ay)?|great|perfect|cool|awesome|nice|got it|that helps|brilliant)"
        r"(?: (?:quotebot|bot|again|mate|man))?"
    ),
    "greeting": re.compile(
        r"(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening))(?: (?:there|quotebot|bot|all|everyone))?"
    ),
}

# English words that ask, anywhere in a question: one makes it English.
_ENGLISH_ASKING = re.compile(rf"\b(?:{_QUESTION_WORDS}|{_ASKING_VERBS}|tell|name|list)\b", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")

# A short opening, a few words set off by a comma, colon or dash: "btw, who…", "honest question: did…".
_PREAMBLE = re.compile(r"^(?P<head>[^,:;–—?]{1,30}?)\s*(?:[,:;–—]|\s-\s)\s*(?P<rest>\w.+)$", re.DOTALL)


def _no_names(word: str) -> bool:
    """The `is_name` of a caller that knows no names but capitalised ones."""
    return False


def _without_controls(text: str) -> str:
    """`text` with terminal sequences, control characters and direction marks made spaces."""
    return _CONTROL.sub(" ", _TERMINAL_SEQUENCE.sub(" ", text))


def clean_question(raw: str, max_chars: int) -> str:
    """Strip control and direction marks and pasted markup, collapse whitespace, cut to
    `max_chars` whole words."""
    text = _without_controls(raw)
    if "<" in text or "&" in text:
        text = html.unescape(_MARKUP_TAG.sub(" ", text))
    text = _SPACE.sub(" ", text).strip()
    if len(text) > max_chars:
        cut = text.rfind(" ", 0, max_chars)
        text = text[: cut if cut > 0 else max_chars]
    example = "ask about the articles, e.g. \"who led China's delegation?\""
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


def without_links(question: str) -> str:
    """The question without web addresses pasted into it ("https://… who led the talks?"): the
    articles are plain text, and "https" read as a word would be repaired into one. Nothing is
    left of a question that was only an address: it names nothing to look for."""
    return _SPACE.sub(" ", _LINK.sub(" ", question)).strip()


def without_lead_in(question: str) -> str:
    """The question without how it was opened: "quick question: do you know who led the talks"
    asks "who led the talks". Nothing is taken when nothing would be left."""
    rest = question
    while (match := _LEAD_IN.match(rest)) and match.end() < len(rest):
        rest = rest[match.end() :]
    return rest


def asking_part(
    question: str, is_known: Callable[[str], bool], is_name: Callable[[str], bool] = _no_names,
) -> str:
    """The question without the sentences said around it that do not ask, where `is_known` tells
    which terms the articles use (and `is_name`, of a lower-case word, which are names they
    write: "hassett"): "I'm writing a report. How much did exports fall? Thanks!" asks
    "How much did exports fall?". A sentence that asks is always kept. Left out: sentences naming
    nothing the articles use ("Quick one."), and those about the asker or the exchange unless a
    sentence that asks points back ("I read about Bessent. What did he say?"). Kept: sentences
    about what the articles are about ("Combustion needs an oxidant. What role does oxygen play?")."""
    if not _INNER_CLOSE.search(question):
        return question
    sentences = sentences_of(question)
    asking = [s for s in sentences if _ASKS.search(without_lead_in(s))]
    points_back = any(_points_back(s, is_name) for s in asking or sentences)

    def said_aside(sentence: str) -> bool:
        if not any(is_known(t) for t in content_terms(sentence)):
            return True
        return not points_back and bool(_ABOUT_THE_ASKER.search(sentence))

    kept = [s for s in sentences if s in asking or not said_aside(s)]
    return " ".join(kept) if kept and len(kept) < len(sentences) else question


def separate_questions(
    question: str, names_known: Callable[[str], bool], is_name: Callable[[str], bool] = _no_names,
) -> list[str]:
    """The questions a message asks, each to be answered on its own: "Who led China's delegation?
    How long did the talks last?", "who led China's delegation and how long did the talks
    last?", a numbered list ("1) who led… 2) how long…") or one question a line ask two.
    Sentences without a word that asks go with the question after them (or the last). Kept as
    one — the message itself — when a part names nothing the articles use (`names_known` tells)
    or points back to another ("Who led the talks? What did he say?", "Where and when did they
    meet?"; not "… What did hassett say when he spoke?", where `is_name` knows "hassett"), or
    when there are more than MAX_QUESTIONS."""
    question = _without_controls(question)
    lines = _listed(question)
    whole = _SPACE.sub(" ", question).strip()
    if len(lines) == 1 and not _AND_ASKS.search(whole) and not _INNER_CLOSE.search(whole):
        return [whole]
    parts: list[str] = []
    pending: list[str] = []
    for sentence in (s for line in lines for s in sentences_of(line)):
        if not _ASKS_BY_ITS_WORDS.search(without_lead_in(sentence)):
            pending.append(sentence)
            continue
        first, *more = _AND_ASKS.split(sentence)
        parts.append(" ".join([*pending, first]))
        parts.extend(more)
        pending = []
    if pending and parts:
        parts[-1] = " ".join([parts[-1], *pending])
    separable = (
        1 < len(parts) <= MAX_QUESTIONS
        and all(names_known(p) for p in parts)
        and not any(_points_back(p, is_name) for p in parts[1:])
    )
    return parts if separable else [whole]


def _listed(message: str) -> list[str]:
    """The lines of a message, without list marks; a one-line message opening with a list mark
    ("1) who led… 2) how long…") cut at each of its marks."""
    lines = [_SPACE.sub(" ", line).strip() for line in message.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) == 1 and _LIST_MARK.match(lines[0]):
        lines = _LIST_MARK.split(lines[0])
    return [item for line in lines if (item := _without_list_mark(line))]


def _without_list_mark(line: str) -> str:
    """A line without the list mark opening it ("2) how long…"); one inside it stays ("presence - his")."""
    mark = _LIST_MARK.match(line)
    return (line[mark.end() :] if mark else line).strip()


def small_talk(question: str) -> Literal["thanks", "greeting"] | None:
    """What a message that is not a question says: "thanks!", "ok, thank you", "hi quotebot"."""
    said = " ".join(_LETTERS.findall(normal_form(question)))
    return next((kind for kind, words in _SMALL_TALK.items() if words.fullmatch(said)), None)


def has_asking_words(text: str) -> bool:
    """Whether a text asks by its words: a question word anywhere, or an opening "did/is/can…"."""
    return bool(_ASKS_BY_ITS_WORDS.search(text))


def _points_back(sentence: str, is_name: Callable[[str], bool] = _no_names) -> bool:
    """Whether a pronoun of the sentence may stand for something named before it: one with no
    name ahead of it in the sentence ("who led them", not "what did Trump say when he…"). A name
    is capitalised, or a word `is_name` knows ("where was hassett speaking when he…")."""
    pronoun = _PRONOUN.search(sentence)
    if pronoun is None or _NAME.search(sentence, 0, pronoun.start()):
        return False
    return not any(is_name(word_form(normal_form(w))) for w in _LETTERS.findall(sentence, 0, pronoun.start()))


def seems_other_language(question: str, is_strange: Callable[[str], bool]) -> bool:
    """Whether the question seems to be in a language other than English and the articles', where
    `is_strange` tells a word neither uses: no English question word, and at least half its words
    strange — two or more, or one in another script ("谁率领中国代表团？"). Capitalised words after
    the first are names, not counted ("Wer leitete die chinesische Delegation?" is German;
    "Zelensky, Putin, Erdogan?" is not)."""
    if _ENGLISH_ASKING.search(question):
        return False
    words = _LETTERS.findall(question)
    strange = [
        w for i, w in enumerate(words)
        if (i == 0 or not w[0].isupper()) and is_strange(word_form(normal_form(w)))
    ]
    other_script = any(not _is_latin(c) for w in strange for c in w)
    return bool(words) and 2 * len(strange) >= len(words) and (len(strange) >= 2 or other_script)


def seems_other_language_as_read(
    question: str, read_as: str, is_strange: Callable[[str], bool], in_articles: Callable[[str], bool],
) -> bool:
    """Whether the question seems to be in another language both as typed and as read (typos
    make English words strange too: "whos kdvin hasset" is read "whos kevin hassett"). A word
    the reading put in counts as strange unless the articles use it: the speller's nearest
    English word is no sign of English ("quien dirigió…" read "queen dirigió…")."""
    typed = {word_form(normal_form(w)) for w in _LETTERS.findall(question)}
    return seems_other_language(question, is_strange) and seems_other_language(
        read_as, lambda word: is_strange(word) or (word not in typed and not in_articles(word)),
    )


def _is_latin(letter: str) -> bool:
    return unicodedata.name(letter, "").startswith("LATIN")
