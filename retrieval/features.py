"""Second-stage features of a (question, candidate sentence) pair, beyond first-stage scores.

Each feature is cheap text arithmetic: how much of the question's rare vocabulary the sentence
holds (a place counts as held when the sentence names another place of its country), how many
of its pairs of neighbouring words it holds (in either order), how much more it holds through
words of like meaning, whether a rare question word is missing, whether the sentence holds the
kind of thing the question asks for (a number for "how many", a date for "when", a name for
"who") and a quantity of the very thing a "how many" question counts, whether it holds an
antonym of a question word, has a quantity or a time go the other way, or denies where the
question does not (or the other way round), whether it names another value of a kind the
question names (another month, year, count or ordinal of the same thing, share, clock time, or
"next" thing for "this" one: retrieval/values.py), gives the asked thing to another country
(retrieval/roles.py) or has only others speak where the question asks what someone said
(retrieval/speakers.py), and apart from those whether it names another country; whether it opens
by pointing back at the sentence before ("He…", "They…") and what that sentence lends it; when
asked for, how well its word pieces meet the question's (retrieval/token_match.py).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .answer_kinds import (
    asked_for_words, counted_thing, holds_count_of, holds_exact, holds_wanted, is_polar, names_in, wanted_kinds,
    names_time, numbers_in, without_numbers, without_times,
)
from .fusion import ranks
from .places import countries, find_places
from .roles import countries_of_things, owned_by_another
from .speakers import AskedSpeaker, asked_speaker, speaks_for_another
from .related import (
    AFTER_WORDS, BEFORE_WORDS, FALL_TERMS, LESS_WORDS, MORE_WORDS, RISE_TERMS, direction, opposite_terms, related_terms,
)
from .text import STOPWORDS, content_words, is_negated, is_past_tense, points_back, stem, words
from .values import disagree, pinned_values
from .word_classes import is_written_as_no_thing, names_a_thing

# Terms by which a question points at the articles themselves or their bylines ("who edited the
# article", "who wrote the piece").
DOCUMENT_TERMS = frozenset(stem(w) for w in ("article", "story", "piece", "text", "author", "writer"))
# Casual words for someone ("what does the atlantic council *guy* think"): the articles name the
# person instead, so such a word says nothing about whether they cover the question.
SOMEONE_TERMS = frozenset(stem(w) for w in ("guy", "dude", "fella", "bloke", "chap", "folks", "gal"))

FEATURE_NAMES = (
    "dense", "dense_gap", "dense_recip_rank", "bm25_rel", "bm25_recip_rank", "coverage",
    "missing_rare", "bigram_overlap", "type_match", "type_miss", "short", "coverage_context",
    "unseen", "second_dense", "second_gap", "related_coverage", "context_dense",
    "coverage_gap", "coverage_context_gap", "bigram_gap", "coverage_z", "token_maxsim", "token_maxsim_gap",
    "unseen_asked", "opposite", "negation_mismatch", "type_exact_miss", "conflict",
    "count_miss", "country_conflict", "antonym", "points_back", "points_back_context_gain", "previous_dense",
    "points_back_previous_dense", "number_miss",
)
# Text and word-piece features also given relative to the question's best candidate, as the
# cosines are (dense_gap), and coverage as a z-score among the candidates: how much of a question
# a sentence holds matters most against its rivals. On held-out SQuAD articles the gaps lifted
# rerank Hit@1 0.745 → 0.759 (e5) and 0.713 → 0.740 (MiniLM only); the z-score then to 0.765 and
# 0.751.
RELATIVE_TEXT_FEATURES = {
    "coverage_gap": "coverage", "coverage_context_gap": "coverage_context", "bigram_gap": "bigram_overlap",
    "token_maxsim_gap": "token_maxsim",
}


@dataclass(frozen=True, slots=True)
class QuestionView:
    """What the features need of a question, computed once per question."""

    text: str  # the question as read (typos repaired)
    terms: tuple[str, ...]
    term_set: frozenset[str]
    bigrams: frozenset[frozenset[str]]  # word_pairs
    wants: frozenset[str]  # answer_kinds.KINDS
    places: dict[str, str]  # term of a place name → its country ("beijing" → CN)
    related: dict[str, frozenset[str]]  # term → terms of like meaning (WordNet), where known
    asked: frozenset[str]  # terms naming what is asked for ("which *law firm*"): answer_kinds.asked_for_words
    asked_head: str | None  # the last of them, the head of the phrase ("which law *firm*")
    opposites: dict[str, frozenset[str]]  # term → terms of opposite meaning (WordNet), where known
    named: frozenset[str]  # terms of the names the question writes capitalised ("how did *Harris* react")
    not_things: frozenset[str]  # terms its wording shows to name no thing ("to *sum* up", "*right* now")
    negated: bool  # the question denies something ("which country did *not* attend")
    polar: bool  # a yes/no question ("did exports rise"), answered by a denial or the opposite too
    values: dict[str, frozenset[str]]  # the weekdays, months, years, counts… it names: values.pinned_values
    owners: dict[str, frozenset[str]]  # term → the countries written onto it: roles.countries_of_things
    counted: str | None  # the term of what a "how many" question counts: answer_kinds.counted_thing
    speaker: AskedSpeaker | None  # who "what did X say" asks to have spoken: speakers.asked_speaker


def view_question(
    question: str, resolve=lambda words: [stem(w) for w in words], as_written=lambda text: text,
) -> QuestionView:
    """The question's terms (its content words, with compounds as the articles write them through
    `as_written`, then through `resolve`: stemming and spelling repair) and type cues."""
    seq = resolve(content_words(as_written(question)))
    terms = tuple(dict.fromkeys(seq))
    asked = resolve(content_words(" ".join(asked_for_words(question))))
    places = {t: p.country for p in find_places(question) for t in p.terms if t in terms}
    return QuestionView(
        text=question,
        terms=terms,
        term_set=frozenset(terms),
        bigrams=word_pairs(seq, places),
        wants=wanted_kinds(question),
        places=places,
        related={t: r for t in terms if (r := related_terms(t))},
        asked=frozenset(asked),
        asked_head=asked[-1] if asked else None,
        opposites={t: o for t in terms if (o := opposite_terms(t))},
        named=_capitalised_names(question),
        not_things=frozenset(resolve(_written_as_no_thing(question))),
        negated=is_negated(question),
        polar=is_polar(question),
        values=_asked_values(pinned_values(question, frozenset(places.values()))),
        owners=countries_of_things(question),
        counted=counted_thing(question),
        speaker=asked_speaker(question, resolve, SOMEONE_TERMS),
    )


def _asked_values(values: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """The values a question pins, less "this": it points at the text the asker read ("what is
    *this* process called"), not at a time."""
    out = {kind: v - {"this"} if kind.startswith("relative:") else v for kind, v in values.items()}
    return {kind: v for kind, v in out.items() if v}


# Words that stress a when ("*right* now"), and the words of a when they stress.
_STRESSING = frozenset(("right", "well", "way", "straight"))
_WHEN_WORDS = frozenset(("now", "after", "before", "away", "then", "back", "ahead", "afterwards"))


def _written_as_no_thing(question: str) -> list[str]:
    """Words followed by "up" or "out", which makes them verbs whatever else they can be ("sum
    up", "team up", "freak out", "rule out"; other particles follow nouns too: "the islands *off*
    the coast", "prices *down*"), words in a past tense ("which building *hosted*…", "the
    *restricted* elements"), words stressing a when ("*right* now", "*right* after the
    handshake", "*well* before", "*way* back"), and words mostly used as no noun though their
    stem's word is one ("is the ban *dangerous*": not "danger"), adjectives' compared forms
    too ("hit *hardest*")."""
    seq = words(question)
    return [
        w for w, after in zip(seq, [*seq[1:], ""])
        if w not in STOPWORDS
        and (
            after in ("up", "out") or is_past_tense(w) or (w in _STRESSING and after in _WHEN_WORDS)
            or is_written_as_no_thing(w)
        )
    ]


def _capitalised_names(question: str) -> frozenset[str]:
    """Terms of the names a question writes capitalised, unless it capitalises most of its words
    (UPPER CASE, Title Case): then capitals tell nothing."""
    words = question.split()
    if 2 * sum(w[:1].isupper() for w in words) > len(words):
        return frozenset()
    return frozenset(t for name in names_in(question) for t in name)


@dataclass(frozen=True, slots=True)
class SentenceView:
    """What the features need of a sentence, computed once per sentence."""

    terms: frozenset[str]
    context_terms: frozenset[str]  # with the previous sentence of the article ("He said…")
    bigrams: frozenset[frozenset[str]]  # word_pairs
    length: int
    negated: bool
    points_back: bool  # opens with a pronoun for something the sentence before names: text.points_back
    values: dict[str, frozenset[str]]  # values.pinned_values
    owners: dict[str, frozenset[str]]  # roles.countries_of_things
    text: str  # for what it holds and names, looked up only when a question asks


def word_pairs(seq: list[str], places: dict[str, str]) -> frozenset[frozenset[str]]:
    """Neighbouring content terms as unordered pairs, a place's terms read as its country (`places`:
    term → country code), so "the president of China", "China's president" and "the Chinese
    president" make one pair."""
    marks = [places.get(t, t) for t in seq]
    return frozenset(frozenset(pair) for pair in zip(marks, marks[1:]) if pair[0] != pair[1])


def view_sentence(sentence: str, seq: list[str], previous: list[str] = ()) -> SentenceView:
    """The view of a sentence, given its content terms and those of the sentence before it."""
    places = find_places(sentence)
    return SentenceView(
        terms=frozenset(seq),
        context_terms=frozenset(seq) | frozenset(previous),
        bigrams=word_pairs(seq, {t: p.country for p in places for t in p.terms}),
        length=len(seq),
        negated=is_negated(sentence),
        points_back=points_back(sentence),
        values=pinned_values(sentence, frozenset(p.country for p in places)),
        owners=countries_of_things(sentence) if places else {},
        text=sentence,
    )


def text_features(
    q: QuestionView, sentences: list[SentenceView], weights: list[float],
    relatives: dict[str, frozenset[str]] | None = None, opposites: dict[str, frozenset[str]] | None = None,
    speaker: AskedSpeaker | None = None,
) -> dict[str, np.ndarray]:
    """The text-only features of a question against each sentence, by name; `weights` are the
    IDFs of q.terms, `relatives` and `opposites` those of its terms' relatives and opposites
    worth looking for (default q.related, q.opposites), `speaker` q.speaker with every spelling
    the articles give its names (default q.speaker).

    Column by column over the candidates (one pass per question term), not sentence by
    sentence: the per-question cost stays a few list comprehensions.
    """
    n, m = len(sentences), len(q.terms)
    relatives = q.related if relatives is None else relatives
    opposites = q.opposites if opposites is None else opposites
    w = np.asarray(weights, dtype=np.float64)
    total = float(w.sum()) or 1.0
    # Rows: each term held by the sentence, held with the sentence before, held only by relatives.
    held = np.zeros((3, m, n), dtype=bool)
    for i, t in enumerate(q.terms):
        held[0, i] = [t in s.terms for s in sentences]
        held[1, i] = [t in s.context_terms for s in sentences]
        if t in q.places:
            # A place is covered by another place of its country (Switzerland by Geneva).
            country = q.places[t]
            same_country = [country in countries(s.text) for s in sentences]
            held[0, i] |= same_country
            held[1, i] |= same_country
        if relatives.get(t):
            held[2, i] = [not relatives[t].isdisjoint(s.terms) for s in sentences]
    # A relative in the sentence itself counts for the sentence with its predecessor too, or the
    # context coverage would credit the words of a neighbour over a like word of the sentence's
    # own ("the *negotiations* are being *led* by…" for "who led the talks").
    held[1] |= held[2]
    held[2] &= ~held[0]
    coverage, coverage_context, related = (w @ held) / total
    missing = np.where(held[0], 0.0, w[:, None]).max(axis=0, initial=0.0)
    type_match = (
        np.array([holds_wanted(q.wants, q.term_set, s.text) for s in sentences], dtype=float) if q.wants else np.zeros(n)
    )
    return {
        "coverage": coverage,
        "missing_rare": missing / (max(weights, default=1.0) or 1.0),
        "bigram_overlap": (
            np.array([len(q.bigrams & s.bigrams) for s in sentences], dtype=float) / len(q.bigrams)
            if q.bigrams else np.zeros(n)
        ),
        "type_match": type_match,
        "type_miss": (1.0 - type_match) if q.wants else np.zeros(n),
        "number_miss": _number_miss(q, sentences, type_match),
        "short": np.array([s.length < 4 for s in sentences], dtype=float),
        "coverage_context": coverage_context,
        "related_coverage": related,
        "antonym": _antonym(q, sentences, opposites),
        "opposite": _opposite(q, sentences),
        "negation_mismatch": np.array([not q.polar and q.negated != s.negated for s in sentences], dtype=float),
        "type_exact_miss": (
            np.array([not holds_exact(q.wants, q.text, q.term_set, s.text) for s in sentences], dtype=float)
            if not q.wants.isdisjoint(("time", "place")) else np.zeros(n)
        ),
        "count_miss": (
            np.array([not holds_count_of(q.counted, s.text) for s in sentences], dtype=float)
            if q.counted else np.zeros(n)
        ),
        "conflict": np.maximum.reduce([
            _disagreeing(q, sentences, THING_VALUES), _owned_by_another(q, sentences),
            _spoken_by_another(speaker or q.speaker, sentences),
        ]),
        "country_conflict": _disagreeing(q, sentences, frozenset(("country",))),
    }


# The kinds of answer that are a number or a date.
NUMBER_KINDS = frozenset(("share", "money", "count", "time", "duration"))


# Values whose disagreement says a sentence is about something else. Countries are apart: news
# names several in other roles ("the talks in *Geneva*" against "*Washington* and *Beijing*
# agreed…"), and a place name may be read as the wrong one ("Victoria"). The country a thing
# belongs to does conflict (`_owned_by_another`).
THING_VALUES = frozenset(("weekday", "month", "year", "ordinal", "count", "share", "clock", "relative"))


def _disagreeing(q: QuestionView, sentences: list[SentenceView], kinds: frozenset[str]) -> np.ndarray:
    """Whether each sentence names another value of one of `kinds` than the question does."""
    if not any(kind.partition(":")[0] in kinds for kind in q.values):
        return np.zeros(len(sentences))
    return np.array([disagree(q.values, s.values, kinds) for s in sentences], dtype=float)


def _owned_by_another(q: QuestionView, sentences: list[SentenceView]) -> np.ndarray:
    """Whether each sentence writes what the question asks of one country onto another ("who is
    *China's* commerce minister" against "…*U.S.* Treasury Secretary Scott Bessent, Commerce
    Secretary Lutnick…"): roles.owned_by_another."""
    if not q.owners:
        return np.zeros(len(sentences))
    return np.array(
        [owned_by_another(q.owners, s.owners, s.values.get("country", frozenset())) for s in sentences], dtype=float,
    )


def _number_miss(q: QuestionView, sentences: list[SentenceView], type_match: np.ndarray) -> np.ndarray:
    """Whether each sentence lacks the number or date a number or date question asks for, the
    question's own numbers aside ("a *90*-day pause" for "when will the *90*-day pause end").
    Apart from type_miss: what answers "who" or "where" varies more ("the architect", "in the
    laboratory"); a number or a date is written out."""
    if not q.wants or not q.wants <= NUMBER_KINDS:
        return np.zeros(len(sentences))
    own = numbers_in(q.text)
    counts_times = q.wants == {"count"} and not names_time(q.text)
    if not own and not counts_times:
        return 1.0 - type_match

    def told(text: str) -> str:
        text = without_numbers(text, own) if own else text
        return without_times(text) if counts_times else text

    return np.array([not holds_wanted(q.wants, q.term_set, told(s.text)) for s in sentences], dtype=float)


def _spoken_by_another(speaker: AskedSpeaker | None, sentences: list[SentenceView]) -> np.ndarray:
    """Whether each sentence has only others speak where the question asks what someone said
    ("what did *Greer* say" against "*Reuters* reported that… Greer"): speakers.speaks_for_another."""
    if speaker is None:
        return np.zeros(len(sentences))
    return np.array([speaks_for_another(speaker, s.text) for s in sentences], dtype=float)


def _antonym(q: QuestionView, sentences: list[SentenceView], opposites: dict[str, frozenset[str]]) -> np.ndarray:
    """Whether each sentence lacks a question word but holds a WordNet antonym of it ("who was
    Emma's *brother*" over "Emma, *sister* of…"; not for a yes/no question). A quantity's way
    is left to `_opposite`'s listed words of both ways: "the fall in shipments" is not
    contradicted by "exports rose… the worst drop"."""
    found = np.zeros(len(sentences), dtype=bool)
    if not q.polar:
        for t, opposite in opposites.items():
            if opposite and t not in RISE_TERMS and t not in FALL_TERMS:
                found |= [t not in s.terms and not opposite.isdisjoint(s.terms) for s in sentences]
    return found.astype(float)


def _opposite(q: QuestionView, sentences: list[SentenceView]) -> np.ndarray:
    """Whether each sentence has a quantity go or a thing happen only the other way: "by what
    percent did exports *grow*" over "a 34.5% *drop*", "what did Lutnick say *after* the talks"
    over "*before* the talks", "the *least* used type" over "the *most* used" (not for a yes/no
    question: "did exports rise" is answered by "exports fell"; nor for the order in time told
    from the other side: "the talks came four days *after* the call" answers "how long *before*
    the talks…")."""
    found = np.zeros(len(sentences), dtype=bool)
    if not q.polar:
        if asked := direction(q.term_set):
            found |= [direction(s.terms) == -asked for s in sentences]
        asked_words, told = words(q.text), None
        for up, down in ((AFTER_WORDS, BEFORE_WORDS), (MORE_WORDS, LESS_WORDS)):
            if asked := direction(frozenset(asked_words), up, down):
                told = told or [words(s.text) for s in sentences]
                found |= [
                    direction(frozenset(w), up, down) == -asked
                    and not (up is AFTER_WORDS and _told_from_the_other_side(asked_words, w))
                    for w in told
                ]
    return found.astype(float)


_TIME_ORDER_WORDS = AFTER_WORDS | BEFORE_WORDS


def _told_from_the_other_side(question_words: list[str], sentence_words: list[str]) -> bool:
    """Whether a sentence gives the question's order in time from the other side: "how many days
    *before the talks* did they speak" is answered by "the *talks* took place four days *after*
    a phone call", where what the question places things before comes first."""
    at = next((i for i, w in enumerate(question_words) if w in _TIME_ORDER_WORDS), None)
    anchor = next((stem(w) for w in question_words[at + 1 :] if w not in STOPWORDS), None) if at is not None else None
    told_at = next((i for i, w in enumerate(sentence_words) if w in _TIME_ORDER_WORDS), None)
    return anchor is not None and told_at is not None and anchor in {stem(w) for w in sentence_words[:told_at]}


def candidate_features(
    q: QuestionView, sentences: list[SentenceView], dense: np.ndarray, bm25: np.ndarray,
    second: np.ndarray, context: np.ndarray, previous: np.ndarray, lexicon, pieces: np.ndarray | None = None,
) -> np.ndarray:
    """The (candidates × FEATURE_NAMES) matrix of one question's candidates; `context` is the
    question's cosine with each sentence embedded after its predecessor (index/context.py),
    `previous` its cosine with the predecessor itself (0 for an article's first sentence),
    `pieces` its word-piece match with each (retrieval/token_match.py; the dense cosine stands
    in when the model gives no pieces).

    `lexicon` gives `idf(term)`, `is_known(term)` and `place_terms(country)` over the corpus.
    """
    n = len(sentences)
    weights = [lexicon.idf(t) for t in q.terms]
    total = sum(weights) or 1.0
    unseen_set = set(unseen_terms(q, lexicon))
    unseen = {t: w for t, w in zip(q.terms, weights) if t in unseen_set}
    # The phrase's words are forgiven only with its head: "what was the *GDP* growth" asks for
    # growth, which the articles name, so "GDP" must be in the answer too.
    forgivable = unseen if q.asked_head is not None and not known_to(lexicon, q, q.asked_head) else {}
    top_bm25 = float(bm25.max()) if n and bm25.max() > 0 else 1.0
    text_columns = text_features(
        q, sentences, weights, _in_corpus(q.related, lexicon), _in_corpus(q.opposites, lexicon),
        _as_spelled(q.speaker, lexicon),
    )
    columns = {
        **text_columns,
        "dense": dense,
        "dense_gap": dense - dense.max(initial=-1.0),
        "dense_recip_rank": 1.0 / (1 + ranks(dense)),
        "bm25_rel": bm25 / top_bm25,
        "bm25_recip_rank": np.where(bm25 > 0, 1.0 / (1 + ranks(bm25)), 0.0),
        "second_dense": second,
        "second_gap": second - second.max(initial=-1.0),
        "unseen": np.full(n, sum(unseen.values()) / total),
        # Of those, the ones naming what is asked for: the abstainer forgives them when the
        # sentence holds the kind of thing asked for (rerank.abstain_features). A name or a
        # place is no kind of thing: "who is *Zelensky's* envoy" asks about someone else.
        "unseen_asked": np.full(
            n, sum(w for t, w in forgivable.items() if t in q.asked and t not in q.named and t not in q.places) / total,
        ),
        "context_dense": context,
        **_pointing_back(sentences, text_columns["coverage_context"] - text_columns["coverage"], previous),
        "token_maxsim": dense if pieces is None else pieces,
    }
    columns.update(relative_text_features(columns))
    return np.column_stack([columns[name] for name in FEATURE_NAMES]).reshape(n, len(FEATURE_NAMES))


def unseen_terms(q: QuestionView, lexicon) -> list[str]:
    """The question's terms for things the articles never name. An unseen verb ("slapped", "sum
    up") is mostly another wording, and "the article" is the asker pointing at the articles,
    which rarely name themselves. A name written capitalised names a thing, whatever its stem
    ("Harris" is not the verb "harry"), and so does a place, whatever its word class ("the
    *Japanese* delegation")."""
    return [
        t for t in q.terms
        if not known_to(lexicon, q, t) and ((names_a_thing(t) and t not in q.not_things) or t in q.named or t in q.places)
        and t not in DOCUMENT_TERMS and t not in SOMEONE_TERMS
    ]


def known_to(lexicon, q: QuestionView, term: str) -> bool:
    """Whether the articles use a question term, or name its place by another name ("American"
    over articles that write "the U.S.")."""
    return lexicon.is_known(term) or (term in q.places and bool(lexicon.place_terms(q.places[term])))


def _pointing_back(
    sentences: list[SentenceView], context_gain: np.ndarray, previous: np.ndarray,
) -> dict[str, np.ndarray]:
    """What the sentence before lends a candidate that opens by pointing back at it ("*They* may
    exist to increase the chloroplast's surface area…" answers "why do stromules exist", which
    the sentence before names): the question words only it holds, and its cosine with the
    question. Refitted with them, held-out SQuAD rerank Hit@1 rose 0.774 → 0.778 (e5, no context
    vectors; +0.1 to +0.4 points in all eight variants), and 0.645 → 0.685 where the answer so
    opens."""
    opens = np.array([s.points_back for s in sentences], dtype=float)
    return {
        "points_back": opens,
        "points_back_context_gain": opens * context_gain,
        "previous_dense": previous,
        "points_back_previous_dense": opens * previous,
    }


def _as_spelled(speaker: AskedSpeaker | None, lexicon) -> AskedSpeaker | None:
    """The asked speaker with each other spelling the articles give its names ("Bescent" for
    "Bessent": the question's terms are read in the spelling they use most)."""
    if speaker is None:
        return None
    return AskedSpeaker(frozenset(lexicon.spellings(tuple(speaker.terms))), speaker.countries)


def _in_corpus(words_of: dict[str, frozenset[str]], lexicon) -> dict[str, frozenset[str]]:
    """Of each term's relatives (or opposites), those the corpus holds: only they can be in a
    sentence, and most questions then look for none."""
    return {t: frozenset(w for w in words if lexicon.is_known(w)) for t, words in words_of.items()}


def relative_text_features(columns: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """RELATIVE_TEXT_FEATURES and coverage_z of one question's candidates, from their absolute columns."""
    coverage = columns["coverage"]
    spread = float(coverage.std()) if len(coverage) else 0.0
    return {
        **{gap: columns[name] - columns[name].max(initial=0.0) for gap, name in RELATIVE_TEXT_FEATURES.items()},
        "coverage_z": (coverage - coverage.mean()) / spread if spread > 1e-9 else np.zeros(len(coverage)),
    }
