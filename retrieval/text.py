"""Text normal form and word tokens shared by BM25, rerank features, highlighting and scoring."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "′": "'", "″": '"'})
_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*")

# Contractions are listed as words() leaves them, apostrophe dropped ("they're" → "theyre"),
# except where that spells a word of its own: we'll, she'll, i'd (well, shell, id). "Not" is a
# term: "what didn't they agree" and "they did not agree" meet on it. Greetings, "please",
# "thanks" and the bot's own name are how people address a chat bot ("hey quotebot, who led…"),
# not what they ask.
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just let me more most my myself no nor of off on once only or other our ours
    ourselves out over own s same she should so some such t than that the their theirs them
    themselves then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your yours yourself
    yourselves wat whats whos hows wheres whens did does do say said tell told according also
    im ive youre youve youll youd theyre theyve theyll theyd weve thats theres heres lets
    hey hi hello please pls plz thanks thx quotebot""".split()
)


def normal_form(text: str) -> str:
    """NFKC, casefolded, quotes straightened, whitespace collapsed (the gold comparison form)."""
    return _SPACE.sub(" ", straightened(text).casefold()).strip()


def straightened(text: str) -> str:
    """NFKC with curly quotes made straight, case kept."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES)


def words(text: str) -> list[str]:
    """Lower-case word tokens; possessive 's dropped, dotted abbreviations kept whole (u.s), a
    percent sign read as the word ("34.5%" → "34.5", "percent": "by what percent…" meets it)."""
    return [w for w in map(word_form, _TOKEN.findall(signs_spelled(normal_form(text)))) if w]


def signs_spelled(text: str) -> str:
    """Text with the signs matching reads as words spelled out ("%" → " percent ")."""
    return text.replace("%", " percent ")


def word_form(token: str) -> str:
    """A token in normal form as matching sees it: possessive 's dropped, "n't" read as "not"
    (the auxiliary is a stopword, the negation is not), dots and apostrophes removed."""
    if token.endswith("'s"):
        token = token[:-2]
    elif token.endswith("n't") or token == "cannot":
        token = "not"
    return token.replace(".", "").replace("'", "")


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


IRREGULAR_FILE = Path(__file__).with_name("irregular.tsv")


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    # Made by bench/make_irregular.py: "met" → "meet", "rose" → "rise", "fell" → "fall".
    lines = IRREGULAR_FILE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


# Number words read as their digits ("seven hours" meets "7 hours"); not "one", more often a
# pronoun ("the one who…") than a count.
DIGITS_OF_WORD = {
    **{word: str(n) for n, word in enumerate(
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split(), start=2)},
    **{word: str(10 * n) for n, word in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), start=3)},
}


def _ordinal_suffix(n: int) -> str:
    """ "st", "nd", "rd" or "th", as written after the digits of `n` ("3rd", "12th")."""
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


# Ordinal words read as written in digits ("the *tenth*" meets "on the *10th*"). Not "first" and
# "second": an adverb ("first, …") and a unit of time as often, with opposites and relatives of
# their own ("first" / "last").
DIGITS_OF_ORDINAL = {
    word: f"{n}{_ordinal_suffix(n)}" for n, word in enumerate(
        "third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=3)
}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of one lower-case word, accents off Latin letters ("café", "menéndez"),
    irregular verb forms first taken to their base (the question's "when did they meet" finds
    the article's "met"), and number words as digits ("seven" → "7", "tenth" → "10th")."""
    word = without_accents(word)
    if word in DIGITS_OF_WORD:
        return DIGITS_OF_WORD[word]
    if word in DIGITS_OF_ORDINAL:
        return DIGITS_OF_ORDINAL[word]
    return _stemmer().stemWord(_irregular().get(word, word))


def without_accents(word: str) -> str:
    """The word with the accents taken off its Latin letters: people type "cafe" and "Zurich"
    for the articles' "café" and "Zürich". Other scripts keep their marks, which spell
    sounds there ("हिंदी" is not "हद")."""
    if word.isascii():
        return word
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", word):
        if not (unicodedata.combining(char) and kept and kept[-1].isascii()):
            kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


# Words that deny what the clause says, "n't" and "cannot" among them. A search, not words():
# every candidate sentence is asked once, and tokenizing it would cost 10× more.
_NEGATION = re.compile(r"\b(?:not|never|no|neither|nor|without|none|cannot)\b|n['’]t\b", re.IGNORECASE)


def is_negated(text: str) -> bool:
    """Whether the text holds a word of denial ("did *not* attend", "*no* deal", "*without* a deal")."""
    return _NEGATION.search(text) is not None


# A sentence opening with a pronoun or "the company"-like noun points back at the sentence
# before it for who or what it is about ("*He* was not part of the earlier Geneva discussions").
_POINTS_BACK = re.compile(
    r"^\W*(he|she|they|it|this|that|these|those|his|her|their|its|the (company|agency|official|country))\b",
    re.IGNORECASE,
)


def points_back(text: str) -> bool:
    """Whether a sentence opens by pointing back at the one before it (a pronoun, "the company")."""
    return _POINTS_BACK.search(text) is not None


# A word in a past tense or past participle ("hosted", "restricted"), so a verb or an adjective
# whatever else its stem can be; "-eed" words ("speed", "greed") are mostly nouns.
_PAST_TENSE = re.compile(r"[a-z]{2,}[^e\W]ed")


def is_irregular_verb_form(word: str) -> bool:
    """Whether a lower-case word is a form of an irregular verb ("fell", "spoke", "led")."""
    return word in _irregular()


def is_past_tense(word: str) -> bool:
    """Whether a lower-case word is written in a past tense or as a past participle ("hosted")."""
    return _PAST_TENSE.fullmatch(word) is not None


def content_words(text: str) -> list[str]:
    """Words that carry meaning (stopwords removed), in order, unstemmed."""
    return [w for w in words(text) if w not in STOPWORDS]


def content_terms(text: str) -> list[str]:
    """Stemmed words that carry meaning (stopwords removed), in order."""
    return [stem(w) for w in content_words(text)]
