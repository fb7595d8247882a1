"""What kind of answer a question asks for, read off its wh-phrase, and what kinds a sentence holds.

"How long did the talks last" wants a duration, so "last month" does not answer it; "what is the
current tariff rate" wants a share, so a date does not; "who …" wants a name the question does
not already hold. The question's own wh-phrase decides: "When the Rhine leaves the lake, which
way does it flow?" asks "which way", not "when"; "what drove prices up" asks for no price.
The words of that phrase ("which *law firm*") name the kind of thing asked for; the answer
names the thing itself, so they need not be in it (`asked_for_words`).

On SQuAD v1.1 the answer sentence lacks the wanted kind for 8% of the questions that want one
(the wh-word anywhere in the question: 21%), the best-scored wrong candidate for 32% (45%).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .text import STOPWORDS, is_past_tense, stem
from .values import MONTHS, WEEKDAYS
from .word_classes import names_a_thing

KINDS = ("share", "money", "count", "time", "duration", "person", "place")

_WH = re.compile(r"\b(what|which|who|whom|whose|whos|when|where|how|why)\b")
# Head nouns of a "what/which …" phrase and the kind each asks for.
_HEAD_NOUNS = {
    "time": "year years date dates day days month months time century centuries decade decades period era season week weeks",
    "share": "percent percentage share proportion fraction rate rates",
    "money": "price prices cost costs fee fees salary wage wages value budget revenue",
    "count": "number amount quantity size population total",
    "person": "person people man woman men women minister official officials leader president secretary chancellor king queen author player company firm group organization",
    "place": "city cities country countries place places state states region town location venue continent nation capital",
}
_HEAD_KIND = {noun: kind for kind, nouns in _HEAD_NOUNS.items() for noun in nouns.split()}
# Where a wh-phrase ends: the verb or preposition after it ("what tariff rate | did …").
_PHRASE_END = frozenset("did does do is was were are will would can could should has have had of on in for to at by from with that who which as about besides after before during between among since than like".split())
_COPULA = frozenset(("is", "was", "are", "were", "s"))
_HOW = {
    "many": ("count",), "much": ("count", "money", "share"), "long": ("duration",), "often": ("time", "count"),
    "soon": ("time",), **{w: ("count",) for w in "old big large tall far high fast deep wide heavy".split()},
}
_MONEY_CUE = re.compile(r"\b(cost|costs|price|prices|pay|paid|worth|spend|spent|earn|earned|charge|money|fund|funds)\b")
# Words by which "how much" asks for a sum and nothing else ("how much did the stadium *cost*";
# not "how much did *prices* rise", answered by a share too).
_PAYING_CUE = re.compile(r"\b(cost|costs|pay|paid|spend|spent|earn|earned|charge|charged|worth|money)\b")
_NON_WORD = re.compile(r"[^\w%]")


def wanted_kinds(question: str) -> frozenset[str]:
    """The KINDS a question's wh-phrase asks for (none for "why", "what did X say", yes/no)."""
    found = _asking_wh(question)
    if found is None:
        return frozenset()
    wh, after, before = found
    if wh in ("who", "whom", "whose", "whos"):
        return frozenset({"person"})
    if wh == "where":
        return frozenset({"place"})
    if wh == "when":
        return frozenset({"time"})
    if wh == "how":
        kinds = set(_HOW.get(after[0], ())) if after else set()
        if not _MONEY_CUE.search(question.lower()):
            kinds.discard("money")
        elif "money" in kinds and _PAYING_CUE.search(question.lower()):
            kinds = {"money"}
        if before.rstrip().endswith("by"):  # "by how much"
            kinds |= {"share", "count"}
        return frozenset(kinds)
    if wh in ("what", "which"):
        return _head_kind(wh, after)
    return frozenset()


# Auxiliary verbs that open a yes/no question ("*did* exports rise…"), as the first word reads
# with a negation's "nt" taken off ("didnt" → "did"; "cant" → "ca", "wont" → "wo").
_POLAR_OPENERS = frozenset(
    "do does did is are was were am has have had can could will would shall should may might must ca wo".split()
)


def is_polar(question: str) -> bool:
    """Whether the question asks yes or no ("did exports rise in May?"): it opens with an
    auxiliary verb and no wh-word asks. Its answer may well say the opposite ("exports fell")."""
    opening = question.lower().replace("’", "'").split(maxsplit=1)
    if not opening:
        return False
    return _NON_WORD.sub("", opening[0]).removesuffix("nt") in _POLAR_OPENERS and _asking_wh(question) is None


def asked_for_words(question: str) -> list[str]:
    """The words of the wh-phrase that name what is asked for: "what *tv channel* did…", "which
    *law firm*…", "who's *the trade rep*…". The answer sentence names the thing asked for, seldom
    its kind, so these words need not be in it. "How many *ships*" names no kind: the answer
    counts the ships themselves ("*seven* rare earth *elements*"), so the articles must name them."""
    found = _asking_wh(question)
    if found is None:
        return []
    wh, after, _ = found
    if wh in ("who", "whom", "whos"):
        return _phrase(after) if after and after[0] in _COPULA else []
    if wh in ("what", "which"):
        after = after[1:] if after and after[0] in _NUMBER_WORDS else after  # "what one word…"
        return _phrase(after) if _opens_phrase(wh, after) else []
    return []


def counted_thing(question: str) -> str | None:
    """The term of the thing a "how many" question counts ("how many rare earth *magnets*…")."""
    found = _asking_wh(question)
    if found is None or found[0] != "how" or found[1][:1] != ["many"]:
        return None
    phrase = _phrase(found[1][1:])
    return stem(phrase[-1]) if phrase else None


def holds_count_of(term: str, sentence: str) -> bool:
    """Whether a sentence gives a quantity of the thing `term` names, a few words before it
    ("*seven* rare earth *elements*", "*dozens of* *ships*"). On SQuAD 2.0 the best-ranked
    sentence does so for 70% of the "how many" questions it answers rightly, 48% of those it
    cannot answer."""
    tokens = _TOKENS.findall(sentence.lower())
    return any(
        stem(t) == term and any(u[0].isdigit() or u in _COUNTING_WORDS for u in tokens[max(0, i - 4) : i])
        for i, t in enumerate(tokens)
    )


def _asking_wh(question: str) -> tuple[str, list[str], str] | None:
    """The wh-word that asks, the words after it, the text before it (None without one)."""
    lowered = question.lower()
    hits = list(_WH.finditer(lowered))
    if not hits:
        return None
    first = hits[0]
    later = [h for h in hits[1:] if h.group(1) not in ("when", "where")]
    # An opening "when/where" clause followed by the question's own wh-word: that word asks.
    if first.group(1) in ("when", "where") and later and not lowered[: first.start()].strip():
        first = later[0]
    after = [_NON_WORD.sub("", w) for w in lowered[first.end():].split()]
    return first.group(1), after, lowered[: first.start()]


def _head_kind(wh: str, after: list[str]) -> frozenset[str]:
    """The kind of the last head noun of a "what/which" phrase ("what is the current tariff rate on…")."""
    if not _opens_phrase(wh, after):
        return frozenset()
    phrase = _phrase(after)
    heads = [_HEAD_KIND[w] for i, w in enumerate(phrase) if w in _HEAD_KIND and not _measures(phrase, i)]
    return frozenset(heads[-1:])


def _measures(phrase: list[str], i: int) -> bool:
    """Whether the head noun at `i` only measures the word after it: a number before it and a
    word of content after ("the *90 day* pause", "which *17th century* disaster", "the *Seven
    Years* War"), so the phrase asks for the thing, not a time."""
    before = phrase[i - 1] if i else ""
    after = phrase[i + 1] if i + 1 < len(phrase) else ""
    return (before[:1].isdigit() or before in _NUMBER_WORDS) and bool(after) and after not in STOPWORDS


def _opens_phrase(wh: str, after: list[str]) -> bool:
    """Whether the words after "what/which" open a noun phrase: "what drove prices up" asks for
    no price, a verb right after "what" opens a clause. A head noun that is also a verb ("what
    *share* of…", "what *rate*…") opens a phrase there, and so does any word after "which" but
    an auxiliary ("which *building* hosted…": "which" seldom stands alone before a verb)."""
    return (
        not after or after[0] in _COPULA or after[0] in _HEAD_KIND or names_a_thing(stem(after[0]))
        or (wh == "which" and after[0] not in _PHRASE_END)
    )


def _phrase(after: list[str]) -> list[str]:
    """The words of a wh-phrase, a leading copula skipped, up to the verb or preposition after it
    (a past tense too: "which building | hosted the talks")."""
    phrase = []
    for word in after[:7]:
        if word in _COPULA and not phrase:
            continue
        if word in _PHRASE_END or (phrase and is_past_tense(word)):
            break
        phrase.append(word)
    return phrase


_DATE_NAMES = MONTHS | WEEKDAYS
_TIME_UNITS = frozenset("second seconds minute minutes hour hours day days week weeks month months year years decade decades century centuries".split())
_TIME_WORDS = _DATE_NAMES | _TIME_UNITS | frozenset("yesterday today tomorrow am pm gmt morning evening night".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand thousands million millions billion billions trillion dozen dozens half quarter third double twice".split())
_QUANTITY_WORDS = _NUMBER_WORDS | frozenset("a an several few many couple".split())
_COUNTING_WORDS = _QUANTITY_WORDS - {"a", "an"}  # "a ship" tells no count
_SHARE_WORDS = frozenset(
    "percent percentage half halves quarter quarters third thirds fourths fifths tenths double twice triple fraction".split()
)
# A share told as a count of a whole: "3 in 1,000,000", "one out of five".
_SHARE_OF = re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five) (?:in|out of) (?:every )?(?:\d|ten|a hundred|a thousand)")
_MONEY_WORDS = frozenset("dollar dollars yuan renminbi euro euros pound pounds cent cents usd rupee rupees yen".split())
_CURRENCY_SIGNS = frozenset("$€£¥")
# Words and numbers, not the digits inside a word ("the Nvidia H2O chips" tell no count).
_TOKENS = re.compile(r"[a-z]+|(?<![a-z])\d[\d,.]*")
# A span of time told by its ends ("from 1870 to 1939", "1914–18") or by a word.
_SPAN_WORDS = re.compile(
    r"\b(since|until|overnight|\w+-(hour|day|week|month|year)s?(-long)?"
    r"|(?:from|between) \d{3,4} (?:to|and|until) \d{2,4}|\d{4} ?[–-] ?\d{2,4})\b"
)
# "How long" asks a length as well as a time ("how long is the Upper Rhine Plain": "300 km long").
_LENGTH_UNITS = frozenset("km kilometre kilometres kilometer kilometers mile miles metre metres meter meters m feet foot ft yards".split())
# Capitalised names: any run not opening the sentence, or a run of two or more words anywhere.
_INNER_NAME = re.compile(r"(?<=[^.!?\s] )[A-Z][\w'’-]*(?: (?:of |de |van |von )?[A-Z][\w'’-]*)*")
_OPENING_NAME = re.compile(r"^[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)+")


@lru_cache(maxsize=65_536)
def held_kinds(sentence: str) -> frozenset[str]:
    """The KINDS a sentence can answer, names aside (whether a name answers depends on the question)."""
    lowered = sentence.lower()
    tokens = _TOKENS.findall(lowered)
    token_set = frozenset(tokens)
    digit = any(t[0].isdigit() for t in tokens)
    held = set()
    if digit or not token_set.isdisjoint(_NUMBER_WORDS):
        held.add("count")
    if digit or not token_set.isdisjoint(_TIME_WORDS):
        held.add("time")
    if "%" in sentence or "per cent" in lowered or not token_set.isdisjoint(_SHARE_WORDS) or _SHARE_OF.search(lowered):
        held.add("share")
    if not _CURRENCY_SIGNS.isdisjoint(sentence) or not token_set.isdisjoint(_MONEY_WORDS):
        held.add("money")
    if _has_duration(tokens) or _SPAN_WORDS.search(lowered):
        held.add("duration")
    return frozenset(held)


def _has_duration(tokens: list[str]) -> bool:
    """A quantity shortly before a unit of time or length: "more than six hours", "a few days",
    "nearly 86 km"."""
    return any(
        (t in _TIME_UNITS or t in _LENGTH_UNITS)
        and any(u[0].isdigit() or u in _QUANTITY_WORDS for u in tokens[max(0, i - 3) : i])
        for i, t in enumerate(tokens)
    )


def name_phrases(sentence: str) -> list[str]:
    """The capitalised names of a sentence as written ("Kelly Ann Shaw", "White House")."""
    return _INNER_NAME.findall(sentence) + _OPENING_NAME.findall(sentence)


@lru_cache(maxsize=65_536)
def names_in(sentence: str) -> tuple[frozenset[str], ...]:
    """Content terms of each capitalised name of a sentence."""
    return tuple(
        terms for name in name_phrases(sentence)
        if (terms := frozenset(stem(w) for w in name.lower().split() if w not in STOPWORDS))
    )


# A number with the unit of time after it, if any ("90-day", "90 days").
_NUMBER_AND_UNIT = re.compile(r"(?<![\w.])(\d[\d,.]*)(?:[\s-]+(?:second|minute|hour|day|week|month|year)s?\b)?")


def numbers_in(text: str) -> frozenset[str]:
    """The numbers written in digits in a text ("90", "1,000")."""
    return frozenset(t.rstrip(".,") for t in _TOKENS.findall(text.lower()) if t[0].isdigit())


def without_numbers(sentence: str, numbers: frozenset[str]) -> str:
    """The sentence without `numbers` (a question's own), with their units of time: "agreed to
    a 90-day pause" tells no time or count to "when will the 90-day pause end"."""
    return _NUMBER_AND_UNIT.sub(lambda m: "" if m.group(1).rstrip(".,") in numbers else m.group(), sentence)


# Numbers that tell a time, not a count: a quantity of time units ("six hours", "a 90-day
# pause"), a clock time, a year, a day of the month.
_TIME_NUMBER = re.compile(
    r"(?<![\w.])(?:\d[\d,.]*|" + "|".join(sorted(_QUANTITY_WORDS)) + r")[\s-]+(?:"
    + "|".join(sorted(_TIME_UNITS)) + r")\b"
    r"|\b\d{1,2}(?::\d\d)? ?[ap]\.?m\b\.?|\b\d{1,2}:\d\d\b|\b\d{1,2}(?:st|nd|rd|th)\b"
    r"|\b(?:1\d{3}|20\d{2})s?\b(?P<counted>\s+[a-z]+)?",
    re.IGNORECASE,
)


# Words by which a question names time itself, beside its units ("how *old*", "the minimum
# amount of *time*"): a quantity of time units can answer its count.
_TIME_NAMES = _TIME_UNITS | frozenset(("old", "age", "ages", "aged", "time", "times"))


def names_time(question: str) -> bool:
    """Whether a question names time ("how many *years*…", "how *old*…"), so that a time, which
    `without_times` takes out, may be the count it asks for."""
    return not _TIME_NAMES.isdisjoint(_TOKENS.findall(question.lower()))


# Words before a year-like number that make it a year ("*in* 1914 developers acquired…").
_BEFORE_A_YEAR = frozenset("in since by until till from of after before during early late mid around circa".split())


def without_times(sentence: str) -> str:
    """The sentence without the numbers that tell a time: "lasted more than *six hours*" counts
    nothing for "how tall is Lancaster House". A year-like number before a word in lower case
    that is no stopword counts that thing ("*1500 people*"), and stays, unless a word such as
    "in" makes it a year ("in 1914 developers…")."""
    def taken_out(match: re.Match) -> str:
        counted = match.group("counted")
        before = sentence[: match.start()].split()
        a_year = bool(before) and before[-1].lower() in _BEFORE_A_YEAR
        if counted and counted.strip() not in STOPWORDS and counted.strip().islower() and not a_year:
            return match.group()
        return " " + (counted or "")

    return _TIME_NUMBER.sub(taken_out, sentence)


def holds_wanted(wanted: frozenset[str], question_terms: frozenset[str], sentence: str) -> bool:
    """Whether a sentence holds a kind the question wants; for "who" and "where", a name the
    question does not already hold counts."""
    if not wanted.isdisjoint(held_kinds(sentence)):
        return True
    return not wanted.isdisjoint(("person", "place")) and any(not name <= question_terms for name in names_in(sentence))


# A date or time told outright: a year, a day of the month, a month or weekday, a clock time, a
# day or period named relative to now ("last month", "yesterday"), a decade or century. Any
# number counts as a time for `held_kinds`; this is the stricter reading.
# "May" counts only where it reads as the month ("in May", "May 5"), not as "may restart".
_DATE = re.compile(
    r"\b(?:1\d{3}|20\d{2}|\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(_DATE_NAMES - {"may"}))
    + r"|(?:in|since|until|early|late|mid|of|by) may|may \d|yesterday|today|tomorrow|"
    r"(?:last|next|this|previous|following|same) (?:week|month|year|decade|century|day|morning|night|season)|"
    r"\d+ (?:bc|ad|bce|ce)|\d{1,2}(?::\d\d)? ?[ap]\.?m|\d+0s|centur(?:y|ies))\b"
)
# A place told outright: a preposition of place before a capitalised name ("*in London*", "at
# Lancaster House", "from the Rhine").
_AT_PLACE = re.compile(
    r"\b(?:in|at|near|outside|inside|throughout|across|from|within|into)\s+(?:the\s+)?"
    r"([A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*)"
)


def holds_exact(wanted: frozenset[str], question: str, question_terms: frozenset[str], sentence: str) -> bool:
    """Whether a sentence tells outright the time or place a "when" or "where" question asks for,
    one the question does not hold itself: a date, not any number ("on June 9", "last month",
    not "90 days"); a place after a preposition, not any name ("in London", not "the Chinese
    side"). On SQuAD v1.1 the right sentence of a "when" question does so 89% of the time, the
    best-ranked wrong one 72% (any number: 95% and 87%); of a "where" question, 47% and 32%."""
    if "time" in wanted:
        asked = question.lower()
        if any(m.group() not in asked for m in _DATE.finditer(sentence.lower())):
            return True
    if "place" in wanted:
        for m in _AT_PLACE.finditer(sentence):
            terms = frozenset(stem(w) for w in m.group(1).lower().split() if w not in STOPWORDS)
            if terms and not terms <= question_terms:
                return True
    return False
