"""The Searcher: questions → AnswerSets over one loaded index.

First stage: dense (FAISS) and lexical (BM25) candidates. Then, by mode, one ranking of the
union: dense cosine, BM25, their fusion, or the learned second stage. Then near-duplicates are
grouped, the top answer is checked against the abstention threshold, and context and highlights
are attached.
"""
from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Iterator

import numpy as np

from index.build import CorpusIndex
from index.table import Sentence

from .answer import Answer, AnswerSet, Quote
from .features import (
    FEATURE_NAMES, QuestionView, SentenceView, candidate_features, known_to, unseen_terms, view_question,
    view_sentence,
)
from .follow_up import read_in_conversation
from .fusion import reciprocal_rank_fusion, weighted_fusion
from .grouping import group_ranked
from .highlight import highlight_spans
from .lexical import LexicalIndex
from .question import (
    as_encoded, asking_part, clean_question, seems_other_language_as_read, separate_questions, small_talk,
    without_lead_in, without_links, without_preamble,
)
from .rerank import SecondStage, load_second_stage
from .settings import Mode, RetrievalSettings
from .text import STOPWORDS, content_words, words
from .token_match import PieceCache, max_sim

# Scores below which the first-stage modes abstain (rerank's threshold is stored with its
# weights), calibrated like it on the seed dev gold (`quotebot eval GOLD --mode M --calibrate`),
# which searches one for any corpus. BM25's scale grows with the corpus (IDF), so a large
# corpus wants its own. Hybrid's scale depends on the fusion: one threshold per fusion.
DEFAULT_THRESHOLDS: dict[str, float] = {"dense": 0.276, "bm25": 2.04, "hybrid-rrf": 0.0315, "hybrid-weighted": 0.568}


@dataclass
class Candidates:
    """The first-stage union for one question, with every signal the modes rank by."""

    ids: np.ndarray
    vectors: np.ndarray
    dense: np.ndarray
    bm25: np.ndarray
    features: np.ndarray  # rows × FEATURE_NAMES


class Searcher:
    """Answers questions from one CorpusIndex; load once, ask many times."""

    def __init__(
        self, index: CorpusIndex, settings: RetrievalSettings, second_stage: SecondStage | None = None
    ) -> None:
        self.index = index
        self.settings = settings
        self.lexical = LexicalIndex(index.table)
        self.second_stage = second_stage or load_second_stage(
            index.manifest.second_model, context=index.manifest.context_vectors, word_pieces=settings.word_pieces
        )
        self._views: dict[int, SentenceView] = {}
        self._pieces = PieceCache(index.embedder.token_vectors)

    def threshold(self, mode: Mode | None = None) -> float:
        """The abstention threshold of `mode` (default: the configured mode)."""
        s = self.settings
        mode = mode or s.mode
        if mode == s.mode and s.threshold is not None:
            return s.threshold
        if mode == "rerank":
            return self.second_stage.threshold
        return DEFAULT_THRESHOLDS[f"hybrid-{s.fusion}" if mode == "hybrid" else mode]

    def ask(self, question: str, previous: AnswerSet | None = None) -> AnswerSet:
        """Answers to one question (raises QuestionError for an empty one). In a conversation,
        `previous` is the answer before it: a follow-up is read with the person that one was
        about ("what did she say?" → "what did Kelly Ann Shaw say?"), "and Hassett?" as that
        question about Hassett (shown in read_as)."""
        asked = clean_question(question, self.settings.max_question_chars)
        meant = read_in_conversation(asked, previous, self.lexical.is_name)
        result = self.ask_many([meant])[0]
        if meant == asked:
            return result
        return result.model_copy(update={"question": asked, "read_as": result.read_as or meant})

    def ask_many(self, questions: list[str], batch_size: int = 64) -> list[AnswerSet]:
        """Answers to many questions, encoding them in batches."""
        return self.ask_modes(questions, [self.settings.mode], batch_size)[self.settings.mode]

    def ask_modes(
        self, questions: list[str], modes: list[Mode], batch_size: int = 64,
        progress: Callable[[int], None] | None = None,
    ) -> dict[str, list[AnswerSet]]:
        """Answers under several modes at once: candidates are found once per question. A message
        asking several questions gets each answered on its own (AnswerSet.more)."""
        limit = self.settings.max_question_chars
        cleaned = [clean_question(q, limit) for q in questions]
        parts = [
            [whole] if len(ps := separate_questions(q, self._names_known, self.lexical.is_name)) == 1
            else [clean_question(p, limit) for p in ps]
            for q, whole in zip(questions, cleaned)
        ]
        flat = [p for ps in parts for p in ps]
        last_parts = set(np.cumsum([len(ps) for ps in parts]) - 1)
        answered: dict[str, list[AnswerSet]] = {m: [] for m in modes}
        stream = self.candidate_stream(flat, batch_size, second_stage="rerank" in modes)
        for k, (question, view, cands) in enumerate(stream):
            for mode in modes:
                answered[mode].append(self._answer(question, view, cands, mode))
            if progress and k in last_parts:
                progress(1)
        return {mode: _by_message(cleaned, parts, answered[mode]) for mode in modes}

    def _names_known(self, text: str) -> bool:
        """Whether a text names something the articles use (its typos repaired)."""
        return any(self.lexical.is_known(t) for t in self.lexical.resolve(content_words(text)))

    def candidate_stream(
        self, questions: list[str], batch_size: int = 64, *, second_stage: bool = True,
        progress: Callable[[int], None] | None = None,
    ) -> Iterator[tuple[str, QuestionView, Candidates]]:
        """(clean question, its view, its candidates) per question, encoding in batches. Encoders
        and features read the question as the view's `text`: without an opening like "quick
        question:" (retrieval/question.py), its typos repaired (retrieval/spelling.py)."""
        cleaned = [clean_question(q, self.settings.max_question_chars) for q in questions]
        pairs = [(q, self._as_read(q)) for q in cleaned]  # (asked, read)
        second = self.index.second_embedder if second_stage else None
        batches = [pairs[i : i + batch_size] for i in range(0, len(pairs), batch_size)]

        def encode(batch: list[tuple[str, str]]):
            batch = [as_encoded(read) for _, read in batch]
            embedder, qpieces = self.index.embedder, None
            if second_stage and self.settings.word_pieces:
                qvecs, qpieces = embedder.encode_with_pieces(batch, batch_size=batch_size, kind="query")
            else:
                qvecs = embedder.encode(batch, batch_size=batch_size, kind="query")
            second_qvecs = second.encode(batch, batch_size=batch_size, kind="query") if second else None
            _, dense_ids = self.index.store.search(qvecs, self.settings.candidates)
            return qvecs, second_qvecs, qpieces, dense_ids

        def ranked(batch: list[tuple[str, str]], qvecs, second_qvecs, qpieces, dense_ids):
            for j, (question, read) in enumerate(batch):
                view = view_question(read, self.lexical.resolve, self.lexical.compounds_as_written)
                second_q = second_qvecs[j] if second_qvecs is not None else None
                pieces = qpieces[j] if qpieces is not None else None
                yield question, view, self.candidates(view, qvecs[j], second_q, dense_ids[j], pieces)
            if progress:
                progress(len(batch))

        if len(batches) == 1:  # one question (`ask`): no thread to start
            yield from ranked(batches[0], *encode(batches[0]))
            return
        # The encoders run outside the GIL: the next batch encodes while this one is ranked.
        with ThreadPoolExecutor(1) as ahead:
            pending = ahead.submit(encode, batches[0]) if batches else None
            for k, batch in enumerate(batches):
                encoded = pending.result()
                if k + 1 < len(batches):
                    pending = ahead.submit(encode, batches[k + 1])
                yield from ranked(batch, *encoded)

    def _as_read(self, question: str) -> str:
        """The question as encoders and features read it: without web addresses, the sentences
        that ask, without their opening, acronyms spelt out, typos repaired."""
        known = self.lexical.is_known
        asking = asking_part(without_links(question), known, self.lexical.is_name)
        opened = without_preamble(without_lead_in(asking), known)
        return self.lexical.speller.repair(self.lexical.spell_out(opened))

    def candidates(
        self, view: QuestionView, qvec: np.ndarray, second_qvec: np.ndarray | None, dense_ids: np.ndarray,
        question_pieces: np.ndarray | None = None,
    ) -> Candidates:
        """The union of dense and BM25 top candidates, with their features (the word-piece
        match only given the question's pieces)."""
        bm25_all = self.lexical.scores(self._lexical_query(view))
        lexical_top = _top(bm25_all, self.settings.candidates)
        lexical_top = lexical_top[bm25_all[lexical_top] > 0]
        dense_ids = dense_ids[dense_ids >= 0]
        ids = np.asarray(list(dict.fromkeys([*dense_ids.tolist(), *self.lexical.ids[lexical_top].tolist()])), dtype=np.int64)
        vectors = self.index.store.vectors(ids)
        dense = vectors @ qvec
        # The lexical index is built over the table's rows in order: positions are shared.
        bm25 = bm25_all[self.lexical.positions(ids)]
        # Without a second-stage model its features mirror the first model's.
        second = (
            self.index.second.vectors(ids) @ second_qvec
            if second_qvec is not None and self.index.second is not None else dense
        )
        context = self.index.context.vectors(ids) @ qvec if self.index.context is not None else dense
        features = candidate_features(
            view, [self._sentence_view(int(i)) for i in ids], dense, bm25, second, context,
            self._previous_dense(ids, dense, qvec), self.lexical, self._piece_match(question_pieces, ids),
        )
        return Candidates(ids, vectors, dense, bm25, features)

    def _previous_dense(self, ids: np.ndarray, dense: np.ndarray, qvec: np.ndarray) -> np.ndarray:
        """The question's cosine with the sentence before each candidate in its article (0 for
        an article's first sentence); `dense` holds it already where that sentence is a candidate."""
        table = self.index.table
        listed = ids.tolist()
        candidate_at = {sentence_id: k for k, sentence_id in enumerate(listed)}
        out = np.zeros(len(ids), dtype=np.float32)
        fetch, into = [], []
        for k, sentence_id in enumerate(listed):
            row = table.position(sentence_id)
            if row and table.sentences[row - 1].source == table.sentences[row].source:
                before = table.sentences[row - 1].id
                if before in candidate_at:
                    out[k] = dense[candidate_at[before]]
                else:
                    fetch.append(before)
                    into.append(k)
        if fetch:
            out[into] = self.index.store.vectors(np.asarray(fetch, dtype=np.int64)) @ qvec
        return out

    def _piece_match(self, question_pieces: np.ndarray | None, ids: np.ndarray) -> np.ndarray | None:
        if question_pieces is None:
            return None
        table = self.index.table
        sentence_pieces = self._pieces.get(ids.tolist(), lambda i: table[i].text)
        return None if sentence_pieces is None else max_sim(question_pieces, sentence_pieces)

    def _lexical_query(self, view: QuestionView) -> list[str]:
        """The question's terms, and for a place the corpus never names, the corpus's names of
        its country (America → US). Places the corpus names are left alone: expanding them too
        drowned SQuAD questions in a country's every city (BM25 Hit@1 0.635 → 0.571)."""
        countries = {c for t, c in view.places.items() if not self.lexical.is_known(t)}
        places = {t for country in countries for t in self.lexical.place_terms(country)}
        return [*view.terms, *sorted(places - view.term_set)]

    def _sentence_view(self, sentence_id: int) -> SentenceView:
        view = self._views.get(sentence_id)
        if view is None:
            table, terms = self.index.table, self.lexical.terms
            row = table.position(sentence_id)
            sentence = table.sentences[row]
            previous = terms[row - 1] if row and table.sentences[row - 1].source == sentence.source else []
            view = self._views[sentence_id] = view_sentence(sentence.text, terms[row], previous)
        return view

    def rank(self, cands: Candidates, mode: Mode) -> np.ndarray:
        """Score of every candidate under `mode` (higher is better)."""
        if not len(cands.ids):
            return np.zeros(0)
        if mode == "dense":
            return cands.dense
        if mode == "bm25":
            return cands.bm25
        if mode == "hybrid":
            if self.settings.fusion == "weighted":
                return weighted_fusion(cands.dense, cands.bm25)
            return reciprocal_rank_fusion(cands.dense, cands.bm25)
        return self.second_stage.rank(cands.features)

    def _answer(self, question: str, view: QuestionView, cands: Candidates, mode: Mode) -> AnswerSet:
        scores = self.rank(cands, mode)
        order = np.argsort(-scores, kind="stable")
        groups = group_ranked(
            cands.vectors[order], self.settings.group_similarity, self.settings.top_k,
            _holds_kind_asked(view, cands.features)[order] if view.wants else None,
        )
        answers = [self._build_answer(view, cands, scores, order, g) for g in groups]
        # The rerank mode decides with its abstainer; the others with their top score.
        confidence = (
            self.second_stage.confidence(cands.features, scores) if mode == "rerank"
            else (answers[0].score if answers else float("-inf"))
        )
        # Decide on the confidence as reported, so a threshold calibrated on reported values
        # reproduces the same decisions.
        confidence = round(float(confidence), 4)
        speller = self.lexical.speller
        other_language = seems_other_language_as_read(question, view.text, speller.is_strange, speller.in_articles)
        unreadable = small_talk(question) or (
            "other language" if other_language else "names nothing" if not view.terms else None
        )
        abstained = (
            not answers or unreadable is not None or self._names_nothing_known(view)
            or confidence < self.threshold(mode)
        )
        return AnswerSet(
            question=question, abstained=abstained, answers=answers,
            confidence=confidence if answers else None,
            read_as=view.text if view.text not in (question, "") and unreadable not in _NOT_READ else None,
            unreadable=unreadable,
            not_in_articles=self._not_in_articles(view) if abstained and unreadable is None else [],
        )

    def _not_in_articles(self, view: QuestionView) -> list[str]:
        """The question's names of things the articles never name (features.unseen_terms), as
        the question writes them; neighbouring words make one ("Eiffel Tower", "sci-fi book")."""
        unseen = set(unseen_terms(view, self.lexical))
        if not unseen:
            return []
        seq = words(view.text)
        runs, run = [], []
        for word, term in zip(seq, self.lexical.resolve(seq)):
            if term in unseen and word not in STOPWORDS:
                run.append(word)
            elif run:
                runs.append(run)
                run = []
        runs += [run] if run else []
        return list(dict.fromkeys(_as_written(run, view.text) for run in runs))

    def _names_nothing_known(self, view: QuestionView) -> bool:
        """Whether the question shares no word with the articles: only stopwords ("who is he?",
        "tell me") or only words they never use ("who is Intel?"). Whatever ranks first would
        be a guess (on SQuAD 1 answerable question in 16,498 is such; on seed dev none). A
        place the articles name otherwise is known ("what is happening with *American* hiring"
        over articles that write "the U.S.")."""
        return not any(known_to(self.lexical, view, t) for t in view.terms)

    def _build_answer(
        self, view: QuestionView, cands: Candidates, scores: np.ndarray, order: np.ndarray, group: list[int]
    ) -> Answer:
        table = self.index.table
        head = table[int(cands.ids[order[group[0]]])]
        # One quote per other article: a corpus may hold the same sentence many times over.
        also, seen = [], {head.source}
        for r in group[1:]:
            other = table[int(cands.ids[order[r]])]
            if other.source not in seen:
                seen.add(other.source)
                also.append(_quote(other))
        before, after = table.neighbours(head.id, self.settings.context, self.settings.context)
        leans = _leans_on_before(cands.features[order[group[0]]])
        if not before and (self._sentence_view(head.id).points_back or leans):
            before, _ = table.neighbours(head.id, 1, 0)
        # Built from the index's own typed rows: validation would only re-check them, per answer.
        return Answer.model_construct(
            quote=head.text, source=head.source, line=head.line, start=head.start, end=head.end,
            score=round(float(scores[order[group[0]]]), 4), also=also,
            context_before=[_quote(s) for s in before], context_after=[_quote(s) for s in after],
            highlights=highlight_spans(head.text, self.lexical.spellings(view.terms)),
        )


# Share of the question's weight an answer finds only in the sentence before it, from which on
# the answer carries that sentence: "who led China in the talks" may quote "The talks on the 9th
# took place…", whose "led" is in "The Chinese delegation was led by…" just before it.
_LEANS_ON_BEFORE = 0.3
_COVERAGE_COLUMNS = [FEATURE_NAMES.index(n) for n in ("coverage_context", "coverage", "related_coverage")]


def _leans_on_before(features: np.ndarray) -> bool:
    """Whether a candidate (its row of FEATURE_NAMES) holds enough of the question only with the
    sentence before it: context coverage beyond its own words and their relatives."""
    with_before, own, relatives = features[_COVERAGE_COLUMNS]
    return bool(with_before - own - relatives >= _LEANS_ON_BEFORE)


# Unreadable questions whose reading says nothing worth showing.
_NOT_READ = ("other language", "thanks", "greeting")


def _as_written(run: list[str], text: str) -> str:
    """Neighbouring words (as `words` reads them) as `text` writes them: its case, its hyphens."""
    between = r"(?:['’]s)?\W+"  # "Zelensky's envoy" reads as "zelensky envoy"
    found = re.search(r"\b" + between.join(map(re.escape, run)) + r"\b", text, flags=re.IGNORECASE)
    return found.group(0) if found else " ".join(run)


def _by_message(messages: list[str], parts: list[list[str]], answered: list[AnswerSet]) -> list[AnswerSet]:
    """One answer set per message from those of its questions: the first's, carrying the
    others in `more` and the whole message as its question."""
    out, answers = [], iter(answered)
    for message, questions in zip(messages, parts):
        first, *more = [next(answers) for _ in questions]
        if more:
            read = first.read_as or first.question
            first = first.model_copy(update={"question": message, "read_as": read, "more": more})
        out.append(first)
    return out


def _holds_kind_asked(view: QuestionView, features: np.ndarray) -> np.ndarray:
    """Whether each candidate holds the kind of answer `view` asks for: the exact kind for a time
    or place ("the second day" is no date), any fitting value for the others."""
    if view.wants.isdisjoint(("time", "place")):
        return features[:, FEATURE_NAMES.index("type_match")] > 0
    return features[:, FEATURE_NAMES.index("type_exact_miss")] == 0


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    """Positions of the n highest scores, best first (a partial sort: the corpus may be large)."""
    if len(scores) > n:
        part = np.argpartition(-scores, n)[:n]
        return part[np.argsort(-scores[part], kind="stable")]
    return np.argsort(-scores, kind="stable")


def _quote(sentence: Sentence) -> Quote:
    return Quote.model_construct(
        quote=sentence.text, source=sentence.source, line=sentence.line, start=sentence.start,
        end=sentence.end,
    )
