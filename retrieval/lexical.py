"""BM25 over the sentence table (bm25s), on stemmed content terms."""
from __future__ import annotations

import logging

import numpy as np

from index.table import SentenceTable

from .text import content_terms


class LexicalIndex:
    """BM25 scores of every sentence for a question; built in memory from the sentence table."""

    def __init__(self, table: SentenceTable) -> None:
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.ERROR)
        self.ids = np.asarray([s.id for s in table.sentences], dtype=np.int64)
        self._bm25 = bm25s.BM25()
        self._bm25.index([content_terms(s.text) or ["∅"] for s in table.sentences], show_progress=False)
        vocab = self._bm25.vocab_dict
        n = len(table)
        df = np.zeros(len(vocab), dtype=np.int64)
        for terms in (set(content_terms(s.text)) for s in table.sentences):
            for t in terms:
                df[vocab[t]] += 1
        self._idf = {t: float(np.log(1 + (n - df[i] + 0.5) / (df[i] + 0.5))) for t, i in vocab.items()}
        self._unseen_idf = float(np.log(1 + (n + 0.5) / 0.5))

    def idf(self, term: str) -> float:
        """Inverse document frequency of a stemmed term; unseen terms get the highest."""
        return self._idf.get(term, self._unseen_idf)

    def scores(self, question: str) -> np.ndarray:
        """BM25 score of every sentence, aligned with `self.ids`."""
        terms = [t for t in content_terms(question) if t in self._bm25.vocab_dict]
        if not terms:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(terms), dtype=np.float32)
