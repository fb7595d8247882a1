"""Which country a thing in a text belongs to: "China's *commerce minister*", "the U.S.
*Commerce Secretary*", "the *president* of France".

A question about one country's office or body is not answered by a sentence about another
country's: "who is China's commerce minister" by "…led by U.S. Treasury Secretary Scott Bessent,
Commerce Secretary Lutnick…". Both name a country and share the words of the office, so only
which words the country is written onto tells them apart. A country is written onto the words
that follow it in one phrase (nouns and capitalised titles and names, and a list of them: "U.S.
Treasury Secretary Scott Bessent, Commerce Secretary Lutnick, and Trade Representative…"), and
onto the words before "of" it ("the foreign minister of China"). A verb or a stopword ends the
phrase: "China *urged* the US…" writes nothing onto China.
"""
from __future__ import annotations

from .places import place_spans, place_tokens
from .text import STOPWORDS, is_irregular_verb_form, is_past_tense, normal_form, stem
from .word_classes import names_a_thing

# Words before "of <country>" read as the country's ("the deputy prime minister of China").
_BEFORE_OF = 3
_LIST_JOINS = frozenset((",", "and"))
_PEOPLE_ENDINGS = ("ese", "an", "ish", "ch", "ss", "i")  # Chinese, American, British, French, Swiss, Iraqi


def countries_of_things(text: str) -> dict[str, frozenset[str]]:
    """Term → the countries written onto it in `text` ("china's commerce minister" →
    {"commerc": {"CN"}, "minist": {"CN"}})."""
    tokens = place_tokens(text, marks=True)
    spans = place_spans(tokens)
    if not spans:
        return {}
    in_place = {i for start, end, _ in spans for i in range(start, end)}
    found: dict[str, set[str]] = {}
    for start, end, country in spans:
        for i in [*_phrase_after(tokens, end, in_place), *_phrase_before_of(tokens, start, in_place)]:
            found.setdefault(stem(normal_form(tokens[i])), set()).add(country)
    return {term: frozenset(owners) for term, owners in found.items()}


def _is_word(token: str) -> bool:
    return token[:1].isalpha()


def _in_phrase(token: str, after_name: bool = False) -> bool:
    """Whether a word can go on a phrase naming a thing: not a stopword nor a verb's past, and,
    right after a country's bare name, not a verb's "-s" form either ("China *urges*…", where
    "China's *exports*" and "Chinese *shares*" are things)."""
    lower = token.lower()
    if not _is_word(token) or lower in STOPWORDS or is_past_tense(lower) or is_irregular_verb_form(lower):
        return False
    if after_name and not token[:1].isupper() and lower.endswith("s") and not lower.endswith("ss"):
        return names_a_thing(stem(normal_form(token)))
    return True


def _phrase_after(tokens: list[str], at: int, in_place: set[int]) -> list[int]:
    """Positions of the words of the phrase a country opens at `at`."""
    possessive = at < len(tokens) and tokens[at] == "'s"
    # A people's name is said of things ("Chinese shares"); a country's, of what it does too.
    after_name = not possessive and not tokens[at - 1].lower().endswith(_PEOPLE_ENDINGS)
    out, i = [], at + possessive
    while i < len(tokens) and i not in in_place:
        if _in_phrase(tokens[i], after_name and not out):
            out.append(i)
            i += 1
        elif out and tokens[i] in _LIST_JOINS and tokens[i - 1][:1].isupper():
            # A list of titled names goes on ("…Scott Bessent, Commerce Secretary Lutnick"), if
            # another capitalised word that is no place comes after the commas and "and".
            j = i
            while j < len(tokens) and tokens[j] in _LIST_JOINS:
                j += 1
            if j == len(tokens) or j in in_place or not tokens[j][:1].isupper() or not _in_phrase(tokens[j]):
                break
            i = j
        else:
            break
    return out


def _phrase_before_of(tokens: list[str], start: int, in_place: set[int]) -> list[int]:
    """Positions of the words right before "of <country>" ("the *foreign minister* of China")."""
    if start < 2 or tokens[start - 1].lower() != "of":
        return []
    out = []
    for i in range(start - 2, max(start - 2 - _BEFORE_OF, -1), -1):
        if i in in_place or not _in_phrase(tokens[i]):
            break
        out.append(i)
    return out


def owned_by_another(
    asked: dict[str, frozenset[str]], told: dict[str, frozenset[str]], named: frozenset[str],
) -> bool:
    """Whether a sentence writes a thing the question writes onto a country onto another one,
    and names the question's country nowhere (`asked`, `told`: countries_of_things of each;
    `named`: the countries the sentence names).

    News of two countries names both in most sentences, each in a role that a phrase alone
    does not tell: "how did *Hong Kong* stocks react" is answered by "*U.S.* stocks flipped…,
    and Chinese shares trading in *Hong Kong* entered…", and "who heads the *US* delegation" by
    "…led by *U.S.* Treasury Secretary Scott Bessent…, while Vice Premier He Lifeng heads the
    *Chinese* delegation". So a sentence naming the question's country is never so flagged.
    """
    return any(term in told and not owners <= named and told[term] - owners for term, owners in asked.items())
