"""A follow-up in a conversation read with the question before it: "what did she say?" with the
person that exchange was about ("what did Kelly Ann Shaw say?"), "and Hassett?" as the question
before about Hassett instead ("what did Lutnick say" → "what did Hassett say"). quotebot keeps
no other memory: a follow-up that points at no one clear is read as asked (and refused as
naming nothing, if it names nothing)."""
from __future__ import annotations

import re
from collections.abc import Callable

from .answer import AnswerSet
from .answer_kinds import name_phrases, wanted_kinds
from .places import find_places
from .question import has_asking_words
from .spelling import is_english
from .text import content_terms, normal_form, word_form

# Pronouns standing for a person: he/she/him, his/hers, and "her" — possessive before a word
# that is not a stopword ("her firm"), else the object ("who hired her in May").
_PRONOUN = re.compile(r"\b(?:(he|she|him)|(his|hers)|(her))\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
# "who is Kelly Ann Shaw?" asks about the name it holds; "who is the press secretary?" about the answer's.
_WHO_IS = re.compile(r"^\s*who(?:['’]?s|\s+is|\s+was|\s+are|\s+were)\s+(?P<rest>.*)$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][sS]\b)?")
# "and Hassett?", "what about the US?", "how about Lutnick": the question before, about another.
_INSTEAD = re.compile(r"^(?:and\s+)?(?:(?:what|how)\s+about\s+)?(?P<other>[^?]+?)\s*\?*$", re.IGNORECASE)
_INSTEAD_OPENING = re.compile(r"^(?:and|what\s+about|how\s+about)\b", re.IGNORECASE)


def names_in_question(question: str, is_name: Callable[[str], bool]) -> list[str]:
    """The names a question holds, as typed: runs of words the articles write only capitalised,
    places aside (`is_name` tells, of a lower-case word): "what does kelly ann shaw expect
    china to do" → ["kelly ann shaw"]."""
    runs: list[list[re.Match]] = []
    for match in _WORD.finditer(question):
        if not is_name(word_form(normal_form(match.group()))):
            continue
        if runs and question[runs[-1][-1].end() : match.start()] == " " and not _possessive(runs[-1][-1]):
            runs[-1].append(match)
        else:
            runs.append([match])
    return [question[run[0].start() : run[-1].end()].removesuffix("'s").removesuffix("’s") for run in runs]


def _possessive(match: re.Match) -> bool:
    return match.group()[-2:].lower() in ("'s", "’s")


def person_of(previous: AnswerSet, is_name: Callable[[str], bool]) -> str | None:
    """The one person the previous exchange was about. For a "who" question other than "who is
    NAME", the first name its answer gave, without the titles before it ("who led the US
    delegation?" → "…led by Treasury Secretary Scott Bescent, and Secretary of Commerce Howard
    Lutnick…" → "Bescent": the one the sentence is about); else the one name its question held,
    as typed ("what does kelly ann shaw expect…" → "kelly ann shaw"). None when there is no
    such name, or the question held several."""
    asked = previous.read_as or previous.question
    named = names_in_question(asked, is_name)
    who = _WHO_IS.match(asked)
    if "person" in wanted_kinds(asked) and not (who and named and who["rest"].startswith(named[0])):
        given = _names_given(previous, asked)
        if given:
            return given[0]
    return named[0] if len(named) == 1 else None


def _names_given(previous: AnswerSet, asked: str) -> list[str]:
    """The names the previous answer gives that its question did not hold, titles taken off."""
    best = previous.best
    if best is None:
        return []
    names = list(dict.fromkeys(name_phrases(best.quote)))
    asked_terms = set(content_terms(asked))
    # A name inside a longer one is that one ("Ann Shaw" in "Kelly Ann Shaw").
    given = [
        n for n in names
        if not _is_place(n) and not any(n != m and n in m for m in names) and asked_terms.isdisjoint(content_terms(n))
    ]
    return [_without_titles(n) for n in given]


def _without_titles(name: str) -> str:
    """A name without the words English knows before its last ("Treasury Secretary Scott Bescent"
    → "Bescent", "President Trump" → "Trump"): titles, and first names common enough to mislead."""
    words = name.split()
    while len(words) > 1 and is_english(words[0].lower()):
        words.pop(0)
    return " ".join(words)


def _is_place(name: str) -> bool:
    """Whether every word of a name belongs to a place ("China", "The Chinese", "Hong Kong")."""
    terms = set(content_terms(name))
    return bool(terms) and terms <= {t for place in find_places(name) for t in place.terms}


def with_person(question: str, previous: AnswerSet | None, is_name: Callable[[str], bool]) -> str:
    """The question with its first person pronoun read as the person the previous exchange was
    about ("where was he speaking from when he…" → "where was hassett speaking from when he…");
    unchanged when it has none, names someone itself ("what did Lutnick say when he…"), or the
    person is unclear."""
    pronoun = _PRONOUN.search(question)
    if previous is None or pronoun is None or names_in_question(question, is_name):
        return question
    person = person_of(previous, is_name)
    if person is None:
        return question
    subject, possessive, _ = pronoun.groups()
    after = _NEXT_WORD.match(question, pronoun.end())
    if subject:
        said = person
    elif possessive or (after and content_terms(after.group(1))):
        said = f"{person}'s"
    else:
        said = person
    return question[: pronoun.start()] + said + question[pronoun.end() :]


def read_in_conversation(question: str, previous: AnswerSet | None, is_name: Callable[[str], bool]) -> str:
    """A follow-up as meant after `previous`: with its person (`with_person`), or, for "and X?" or
    "what about X?", the question before with its one name or place put as X (`instead`)."""
    meant = with_person(question, previous, is_name)
    return meant if meant != question else instead(question, previous, is_name)


def instead(question: str, previous: AnswerSet | None, is_name: Callable[[str], bool]) -> str:
    """ "and Hassett?" after "what did Lutnick say" → "what did Hassett say": the question before
    with the one name it held (else the one place) put as what this one asks about. Unchanged
    when this is no such question, or the one before held no single name or place."""
    other = _asked_about_instead(question)
    if previous is None or other is None:
        return question
    asked = previous.read_as or previous.question
    # The question before, itself an "and X?" left as asked, holds no question to ask again
    # ("what about the greenback" after "and the US side?").
    if _asked_about_instead(asked) is not None:
        return question
    named = names_in_question(asked, is_name)
    if not named:
        named = [
            " ".join(m.group() for m in _WORD.finditer(asked) if set(content_terms(m.group())) & set(place.terms))
            for place in find_places(asked)
        ]
    if len(named) != 1 or not named[0]:
        return question
    at = asked.lower().find(named[0].lower())
    if at < 0:
        return question
    if asked[:at].lower().endswith("the ") and other.lower().startswith("the "):
        other = other[len("the ") :]  # "what did the US say" + "and the EU?": one "the"
    return asked[:at] + other + asked[at + len(named[0]) :]


def _asked_about_instead(question: str) -> str | None:
    """What an "and X?" / "what about X?" question asks about, if it is one: a few words naming
    something, not a new question ("and when?", "and who led them?" ask anew)."""
    match = _INSTEAD.match(question) if _INSTEAD_OPENING.match(question) else None
    other = match["other"] if match else ""
    if not content_terms(other) or len(other.split()) > 4 or has_asking_words(other):
        return None
    return other
