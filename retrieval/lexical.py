"""BM25 over the sentence table (bm25s), on stemmed content terms."""
from __future__ import annotations

import logging

import numpy as np

from index.table import SentenceTable

from .places import single_word_places
from .text import content_terms, is_english_word, stem


_REPAIRS_KEPT = 50_000


class LexicalIndex:
    """BM25 scores of every sentence for a question; built in memory from the sentence table."""

    def __init__(self, table: SentenceTable) -> None:
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.ERROR)
        self.ids = np.asarray([s.id for s in table.sentences], dtype=np.int64)
        self._by_id = np.argsort(self.ids, kind="stable")  # positions, in id order
        self._bm25 = bm25s.BM25()
        sentence_terms = [content_terms(s.text) for s in table.sentences]
        self.terms = sentence_terms  # by table position; reused by the rerank features
        self._bm25.index([terms or ["∅"] for terms in sentence_terms], show_progress=False)
        vocab = self._bm25.vocab_dict
        n = len(table)
        df = np.zeros(len(vocab), dtype=np.int64)
        for terms in (set(t) for t in sentence_terms):
            for t in terms:
                df[vocab[t]] += 1
        self._idf = {t: float(np.log(1 + (n - df[i] + 0.5) / (df[i] + 0.5))) for t, i in vocab.items()}
        self._unseen_idf = float(np.log(1 + (n + 0.5) / 0.5))
        self._deletions: dict[str, list[str]] | None = None  # built on the first unknown term
        self._repaired: dict[str, str] = {}  # unknown word → its term, as decided once
        self._places: dict[str, tuple[str, ...]] | None = None  # built on the first place asked

    def resolve(self, words: list[str]) -> list[str]:
        """Stems of question words, misspelt ones mapped to a corpus term one edit away
        (Bescent → Bessent). A word English knows is taken as meant ("rate" is not "rare")."""
        vocab = self._bm25.vocab_dict
        return [t if (t := stem(w)) in vocab else self._repair(w, t) for w in words]

    def _repair(self, word: str, term: str) -> str:
        repaired = self._repaired.get(word)
        if repaired is None:
            if len(self._repaired) >= _REPAIRS_KEPT:  # a long-running bot meets endless new words
                self._repaired.clear()
            near = self._near(term)
            # Asked only when a corpus term is near: the dictionary loads on first use.
            repaired = self._repaired[word] = term if near == term or is_english_word(word) else near
        return repaired

    def positions(self, ids: np.ndarray) -> np.ndarray:
        """Table positions (rows of `self.ids` and of every score array) of sentence ids."""
        return self._by_id[np.searchsorted(self.ids, ids, sorter=self._by_id)]

    def is_known(self, term: str) -> bool:
        return term in self._bm25.vocab_dict

    def place_terms(self, country: str) -> tuple[str, ...]:
        """Corpus terms that name a place of `country` ("china", "beijing", "chines" for CN)."""
        if self._places is None:
            vocab = self._bm25.vocab_dict
            held: dict[str, list[str]] = {}
            for term, code in single_word_places():
                if term in vocab:
                    held.setdefault(code, []).append(term)
            self._places = {code: tuple(sorted(set(terms))) for code, terms in held.items()}
        return self._places.get(country, ())

    def _near(self, term: str) -> str:
        if len(term) < 4:
            return term
        if self._deletions is None:
            self._deletions = {}
            for known in self._bm25.vocab_dict:
                if len(known) >= 4 and known != "∅":
                    for key in {known, *_deletions(known)}:
                        self._deletions.setdefault(key, []).append(known)
        candidates = {c for key in (term, *_deletions(term)) for c in self._deletions.get(key, ())}
        # Same first letter, then the most frequent: typos rarely hit the first letter.
        candidates = [c for c in candidates if c[0] == term[0]]
        return min(candidates, key=lambda c: (self.idf(c), c)) if candidates else term

    def idf(self, term: str) -> float:
        """Inverse document frequency of a stemmed term; unseen terms get the highest."""
        return self._idf.get(term, self._unseen_idf)

    def scores(self, terms: list[str]) -> np.ndarray:
        """BM25 score of every sentence for these (resolved) terms, aligned with `self.ids`."""
        terms = [t for t in terms if t in self._bm25.vocab_dict]
        if not terms:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(terms), dtype=np.float32)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}
