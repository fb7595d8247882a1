"""Values a text pins down — weekdays, months, years, ordinals, counts, shares, clock times and
countries — so a question and a sentence can be seen to disagree.

A sentence that names another value of the kind the question names ("what happened in *June*"
against "in *April*", "the *third* round" against "the *second* round", "the other *six*
elements" against "*seven* elements") is about something else, however many words it shares:
one of the ways SQuAD 2.0 makes a question that looks answered but is not. A count or an
ordinal is compared only with one of the same thing — the words after it ("six *rare earth
elements*", "the third *round*") —, so "what two artists joined Coldplay" does not disagree
with "…five solo tackles", nor "when was the term first *used*" with "his third *regeneration*".
A number after a capitalised word is part of a name ("Super Bowl 50", "Apollo 13"), no count.
"The *next* round" is not "*this* second round", nor "*last* month" "*next* month".
"""
from __future__ import annotations

import re

from .text import DIGITS_OF_WORD, STOPWORDS, stem

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset("january february march april may june july august september october november december".split())
# Months that are also everyday words ("may restart", "march on"): a month only when capitalised
# inside a sentence or after a word that goes before dates.
_AMBIGUOUS_MONTHS = frozenset(("may", "march"))
_BEFORE_DATE = frozenset("in since until by of early late mid from before after".split())
_ORDINALS = {
    word: str(n) for n, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), start=1
    )
}
# Words placing a thing relative to now or to the text ("the *next* round", "*last* month"),
# read as one of three values.
RELATIVE = {"next": "next", "upcoming": "next", "last": "last", "previous": "last", "this": "this", "current": "this"}
# Words, and numbers with what is written onto them ("5pm", "34.5%", "10:00", "1990s", "11th"),
# not the digits inside a word ("H2O").
_TOKEN = re.compile(r"[^\W\d_]+|(?<![^\W\d_])\d+(?:[,.:]\d+)*[^\W_]*%?")
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)")
_YEAR = re.compile(r"(?:1\d{3}|20\d{2})s?")
_NUMBER = re.compile(r"\d+(?:[,.]\d+)*")
_CLOCK = re.compile(r"(\d{1,2})(?::(\d\d))?([ap]m)?")
_HALF_DAY = frozenset(("am", "pm"))
_DECADE_APOSTROPHE = re.compile(r"(\d0)['’]s\b")  # "the 1950's" is "the 1950s"


def pinned_values(text: str, countries: frozenset[str] = frozenset()) -> dict[str, frozenset[str]]:
    """The values `text` names, by kind ("weekday", "month", "year", "share", "clock",
    "country"; "count:<term>" and "ordinal:<term>" for each term of the words after a count or
    ordinal; "relative:<term>" for the thing "next", "last" or "this" places: RELATIVE);
    `countries` are the countries its places belong to (places.countries)."""
    found: dict[str, set[str]] = {}

    def pin(kinds: list[str], value: str) -> None:
        for kind in kinds:
            found.setdefault(kind, set()).add(value)

    tokens = _TOKEN.findall(_DECADE_APOSTROPHE.sub(r"\1s", text))
    for i, token in enumerate(tokens):
        lower = token.lower()
        before = tokens[i - 1].lower() if i else ""
        after = tokens[i + 1 : i + 4]
        if lower in WEEKDAYS:
            pin(["weekday"], lower)
        elif lower in MONTHS:
            if lower not in _AMBIGUOUS_MONTHS or (i and token[0].isupper()) or before in _BEFORE_DATE:
                pin(["month"], lower)
        elif _is_ordinal(lower):
            pin(_of_what("ordinal", after), _ORDINALS.get(lower) or _ORDINAL_DIGITS.match(lower).group(1))
        elif _YEAR.fullmatch(lower):
            pin(["year"], lower)
        elif lower[0].isdigit():
            if i > 1 and tokens[i - 1][0].isupper():
                continue  # after a capitalised word that does not open the text: "Super Bowl 50"
            kind, value = _number_value(lower, [t.lower() for t in after[:2]])
            pin(_of_what(kind, after) if kind == "count" else [kind], value)
        elif lower in DIGITS_OF_WORD:
            pin(_of_what("count", after), DIGITS_OF_WORD[lower])
        elif lower in RELATIVE and (thing := _placed_thing(tokens[i + 1 : i + 3])):
            pin([f"relative:{thing}"], RELATIVE[lower])
    if countries:
        found["country"] = set(countries)
    return {kind: frozenset(values) for kind, values in found.items()}


def _of_what(kind: str, after: list[str]) -> list[str]:
    """`kind` keyed by each content term of the words after a count or ordinal ("count:element");
    none when nothing follows ("talks on the *9th*" pins no ordinal of a thing)."""
    terms = [
        stem(w) for w in (t.lower() for t in after) if w.isalpha() and w not in STOPWORDS and w not in DIGITS_OF_WORD
    ]
    return [f"{kind}:{t}" for t in dict.fromkeys(terms)]


def _is_ordinal(word: str) -> bool:
    return word in _ORDINALS or _ORDINAL_DIGITS.fullmatch(word) is not None


def _placed_thing(after: list[str]) -> str | None:
    """The term of the thing "next", "last" or "this" places: the word right after it, or after
    an ordinal ("this *second* round" places the round); none for "last *for* hours"."""
    words = [t.lower() for t in after]
    if words[:1] and _is_ordinal(words[0]):
        words = words[1:]
    word = words[0] if words else ""
    return stem(word) if word.isalpha() and word not in STOPWORDS else None


def _number_value(token: str, following: list[str]) -> tuple[str, str]:
    """The kind and value of a number as written, given the two words after it: a clock time
    ("5pm", "5 pm", "10:00" → 10) or a share ("34.5%", "12 percent", "12 per cent") is not a
    count of things, so "what time do the two sides meet" does not disagree with "at 5pm"."""
    if clock := _CLOCK.fullmatch(token):
        hour, minutes, half_day = clock.group(1), clock.group(2), clock.group(3)
        half_day = half_day or (following[0] if following[:1] and following[0] in _HALF_DAY else "")
        if minutes or half_day:
            return "clock", hour + (f":{minutes}" if minutes not in (None, "00") else "") + half_day
    number = _NUMBER.match(token).group().replace(",", "")
    percent = token.endswith("%") or following[:1] in (["percent"], ["percentage"]) or following == ["per", "cent"]
    return ("share" if percent else "count"), number


def disagree(
    asked: dict[str, frozenset[str]], told: dict[str, frozenset[str]], kinds: frozenset[str] | None = None,
) -> bool:
    """Whether, of some kind (of `kinds`, when given: "count" stands for every "count:<term>"),
    each names a value the other does not (a sentence naming Monday and Tuesday does not
    disagree with a question about Tuesday)."""
    return any(
        kind in told and values - told[kind] and told[kind] - values
        for kind, values in asked.items() if kinds is None or kind.partition(":")[0] in kinds
    )
