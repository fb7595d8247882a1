"""Who a question asks to have said or thought something, and who a sentence has say it.

"What did Greer say to reporters" is not answered by "Reuters *reported* that the U.S.
participants in the talks were… Jamieson Greer": the sentence has someone speak, only not Greer.
News gives what is said to a speaker by a verb of saying next to a name: "Greer *said*", "…,”
*said* Josh Lipsky", "*according to* Trump". A sentence whose every speaker is someone else,
named, speaks for them. One with no verb of saying, with a pronoun speaker ("he said", who may
be the asked one), with the asked one among its speakers, or naming the asked one outside what
is reported ("Blackburne argued that…, while *Fritschel* pointed out…": not every verb of
saying is listed) is never so read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .places import countries, place_tokens
from .text import STOPWORDS, content_words, stem, straightened
from .values import MONTHS, WEEKDAYS

# "what did X say…", "how does X think…", "what has X said…", "what is X saying…": the speaker
# is what stands between the auxiliary and the verb (at most six words).
_ASKS_SPEAKER = re.compile(
    r"^\W*(?:what|wat|wht|how|why)\s+(?:"
    r"(?:did|does|do|will|would)\s+(?P<who>(?:\S+\s+){0,5}?\S+)\s+"
    r"(?:say|tell|think|believe|feel|claim|argue|warn|comment|describe|write|state|suggest)"
    r"|(?:has|have|had)\s+(?P<who_has>(?:\S+\s+){0,5}?\S+)\s+"
    r"(?:said|told|thought|believed|felt|claimed|argued|warned|commented|described|written|wrote|stated|suggested)"
    r"|(?:is|are|was|were)\s+(?P<who_is>(?:\S+\s+){0,5}?\S+)\s+"
    r"(?:saying|telling|thinking|claiming|arguing|warning|suggesting)"
    r")\b",
    re.IGNORECASE,
)
_SPEAKING = frozenset(
    """said says say told tells tell added adds noted notes stated states wrote writes warned warns argued argues
    claimed claims described describes believes believed thinks thought urged urges asked asks called calls confirmed confirms
    announced announces explained explains insisted insists stressed stresses predicted predicts reported reports
    commented comments replied replies posted suggested suggests acknowledged acknowledges hopes hoped expects
    feels felt emphasized emphasised emphasizes signaled signalled indicated indicates cautioned cautions declared
    declares admitted admits remarked testified maintained maintains concluded concludes estimated estimates
    asserted asserts theorized theorised taught criticized criticised praised denied denies proclaimed""".split()
)
# Where the words before a verb of saying stop being its speaker ("Reuters reported *that* …
# Greer", "…*during which* Trump said").
_CLAUSE_BREAKS = frozenset('" ; : ( ) that which who whom whose but while because'.split())
_QUOTE = frozenset('"')
# Where the source named after "according to" ends.
_SOURCE_ENDS = frozenset(',.;:"')
# Where what a verb of saying reports ends.
_REPORT_ENDS = frozenset('" ; but while whereas'.split())
_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "it", "you"))
# Verbs of saying that are plural nouns too ("he had received positive *reports*"): a verb only
# right after its speaker, a name or a pronoun ("Reuters *reports*", "he *notes*").
_NOUNS_TOO = frozenset("reports notes states claims calls comments hopes estimates".split())
# Before a verb of saying, these make it passive ("has been described as"): no speaker.
_PASSIVE = frozenset(("be", "been", "being", "was", "were", "is", "are"))
_SPEAKER_SPAN = 12
# Capitalised words that name no one: stopwords, and when, not who ("On *Monday*, officials said").
_NOT_SPEAKERS = STOPWORDS | WEEKDAYS | MONTHS


@dataclass(frozen=True, slots=True)
class AskedSpeaker:
    """The terms of the one a question asks to have spoken, and the countries they name."""

    terms: frozenset[str]
    countries: frozenset[str]


def asked_speaker(question: str, resolve, someone_terms: frozenset[str] = frozenset()) -> AskedSpeaker | None:
    """Who "what did X say/think/tell…" asks about; None for other questions and for a pronoun
    ("what did he say": who that is, the question does not say). `resolve` makes words terms as
    the question's other terms are made; `someone_terms` are casual words for a person ("guy")."""
    match = _ASKS_SPEAKER.match(question)
    if not match:
        return None
    who = match.group("who") or match.group("who_has") or match.group("who_is")
    if _PRONOUNS & set(who.lower().split()):
        return None
    terms = frozenset(resolve(content_words(who))) - someone_terms
    return AskedSpeaker(terms, countries(who)) if terms else None


def speaks_for_another(asked: AskedSpeaker, sentence: str) -> bool:
    """Whether the sentence has someone speak, and every speaker is a name other than `asked`."""
    tokens = place_tokens(straightened(sentence), marks=True)
    reported = _reported(tokens)
    if any(i not in reported and stem(t.lower()) in asked.terms for i, t in enumerate(tokens)):
        return False
    someone_else = False
    for speaker in _speakers(tokens):
        if not _PRONOUNS.isdisjoint(t.lower() for t in speaker):
            return False
        if asked.countries and not asked.countries.isdisjoint(countries(" ".join(speaker))):
            return False
        someone_else |= any(t[:1].isupper() and t.lower() not in _NOT_SPEAKERS for t in speaker)
    return someone_else


def _speakers(tokens: list[str]):
    """The words that may name the speaker of each verb of saying, in reading order: those before
    it back to a clause break, and, when it follows a quote ("…,” said Josh Lipsky, chair of…"),
    those after it up to the next quote; the words after "according to"."""
    for v, token in enumerate(tokens):
        if _according_to(tokens, v):
            yield _until(tokens, range(v + 2, min(v + 2 + _SPEAKER_SPAN, len(tokens))), _SOURCE_ENDS)
            continue
        if not _says(tokens, v):
            continue
        if v and tokens[v - 1] == '"':
            yield _until(tokens, range(v + 1, min(v + 1 + _SPEAKER_SPAN, len(tokens))), _QUOTE)
        else:
            yield _until(tokens, range(v - 1, max(v - 1 - _SPEAKER_SPAN, -1), -1), _CLAUSE_BREAKS)[::-1]


def _reported(tokens: list[str]) -> set[int]:
    """Positions of what the sentence reports: inside quotes, and after a verb of saying that
    does not follow a quote, up to the next quote or a clause of its own ("…, *while*…")."""
    out, quoted = set(), False
    for v, token in enumerate(tokens):
        if token == '"':
            quoted = not quoted
        elif quoted:
            out.add(v)
        elif _according_to(tokens, v):
            # What is said "according to X" is the rest of the sentence, before or after.
            source = _until_positions(tokens, range(v + 2, min(v + 2 + _SPEAKER_SPAN, len(tokens))), _SOURCE_ENDS)
            out.update(set(range(len(tokens))) - {v, v + 1, *source})
        elif _says(tokens, v) and not (v and tokens[v - 1] == '"'):
            out.update(_until_positions(tokens, range(v + 1, len(tokens)), _REPORT_ENDS))
    return out


def _says(tokens: list[str], at: int) -> bool:
    """Whether the token at `at` is a verb of saying with a speaker (not "has been described")."""
    word = tokens[at].lower()
    if word in _NOUNS_TOO and not (at and (tokens[at - 1][:1].isupper() or tokens[at - 1].lower() in _PRONOUNS)):
        return False
    return word in _SPEAKING and not (at and tokens[at - 1].lower() in _PASSIVE)


def _according_to(tokens: list[str], at: int) -> bool:
    return tokens[at].lower() == "according" and at + 1 < len(tokens) and tokens[at + 1].lower() == "to"


def _until(tokens: list[str], positions: range, stop: frozenset[str]) -> list[str]:
    """The tokens at `positions`, in that order, up to the first in `stop`."""
    return [tokens[i] for i in _until_positions(tokens, positions, stop)]


def _until_positions(tokens: list[str], positions: range, stop: frozenset[str]) -> list[int]:
    """`positions`, in that order, up to the first whose token is in `stop`."""
    out = []
    for i in positions:
        if tokens[i].lower() in stop:
            break
        out.append(i)
    return out
