"""BM25 over the sentence table (bm25s), on stemmed content terms."""
from __future__ import annotations

import logging

import numpy as np

from index.table import SentenceTable

from .acronyms import acronyms, spelled_out
from .name_variants import capitalised_words, name_variants
from .places import single_word_places
from .spelling import Speller, is_english
from .text import STOPWORDS, stem, words


# Words that close a compound as its second part ("crackdown", "breakthrough", "setup").
_PARTICLES = frozenset(("up", "down", "out", "off", "over", "back", "through", "away"))
# The shortest part a word the articles write as two is split into ("high tech", not "e mail").
MIN_PART = 3


class LexicalIndex:
    """BM25 scores of every sentence for a question; built in memory from the sentence table."""

    def __init__(self, table: SentenceTable) -> None:
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.ERROR)
        self.ids = np.asarray([s.id for s in table.sentences], dtype=np.int64)
        self._by_id = np.argsort(self.ids, kind="stable")  # positions, in id order
        self._bm25 = bm25s.BM25()
        sentence_words = [words(s.text) for s in table.sentences]
        # Stopwords too: "wass" is "was", not "ways".
        self.speller = Speller(w for ws in sentence_words for w in ws)
        # Bescent → Bessent: one name, whichever spelling a sentence or a question uses.
        self.variants = name_variants(s.text for s in table.sentences)
        variant = self.variants.get
        sentence_terms = [
            [variant(t, t) for w in ws if w not in STOPWORDS for t in (stem(w),)] for ws in sentence_words
        ]
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
        self._places: dict[str, tuple[str, ...]] | None = None  # built on the first place asked
        self._table = table
        self._name_terms: frozenset[str] | None = None  # built on the first follow-up
        self._acronyms: dict[str, tuple[str, int]] | None = None  # built when a question may hold one

    def spell_out(self, question: str) -> str:
        """The question with acronyms of names the articles spell out written as the names ("the
        NEC" → "the National Economic Council"; retrieval/acronyms.py)."""
        return spelled_out(question, self._acronyms_of_names, self.speller.in_articles, is_english)

    def _acronyms_of_names(self) -> dict[str, tuple[str, int]]:
        if self._acronyms is None:
            self._acronyms = acronyms(s.text for s in self._table.sentences)
        return self._acronyms

    def resolve(self, words: list[str]) -> list[str]:
        """Stems of question words, misspelt ones first repaired ("Lutnikc" → "Lutnick"; see
        retrieval/spelling.py; a word English knows is taken as meant: "rate" is not "rare"), a
        name the articles spell two ways in the spelling they use most."""
        vocab = self._bm25.vocab_dict
        terms = [t if (t := stem(w)) in vocab else stem(self.speller.repair_word(w)) for w in words]
        return [self.variants.get(t, t) for t in terms]

    def compounds_as_written(self, text: str) -> str:
        """The words of `text`, compounds written as the articles write them, where a part that
        carries meaning is a word they never use, so the question can only mean their form: a
        pair they write as one word joined ("what did Washington *crack down* on" → "crackdown",
        "*gun powder*" → "gunpowder"), and one word they write as two (hyphenated or not) split
        ("*hightech* products" → "high tech" over "high-tech products"). "Set up" stays two words
        over articles that use "set"."""
        vocab = self._bm25.vocab_dict
        seq = words(text)
        out, i = [], 0
        while i < len(seq):
            pair = seq[i : i + 2]
            if (
                len(pair) == 2 and pair[0] not in STOPWORDS and (pair[1] not in STOPWORDS or pair[1] in _PARTICLES)
                and stem(pair[0] + pair[1]) in vocab
                and any(w not in STOPWORDS and stem(w) not in vocab for w in pair)
            ):
                out.append(pair[0] + pair[1])
                i += 2
                continue
            out.extend(self._written_apart(seq[i]))
            i += 1
        return " ".join(out)

    def _written_apart(self, word: str) -> list[str]:
        """`word`, or its two parts if the articles never use it but write them side by side."""
        vocab = self._bm25.vocab_dict
        if len(word) < 2 * MIN_PART or not word.isalpha() or word in STOPWORDS or stem(word) in vocab:
            return [word]
        for k in range(MIN_PART, len(word) - MIN_PART + 1):
            first, second = word[:k], word[k:]
            if stem(first) in vocab and stem(second) in vocab and self._side_by_side(first, second):
                return [first, second]
        return [word]

    def _side_by_side(self, first: str, second: str) -> bool:
        """Whether a sentence holds the word `first` right before `second`."""
        rows = np.flatnonzero((self.scores([stem(first)]) > 0) & (self.scores([stem(second)]) > 0))
        texts = (self._table.sentences[r].text for r in rows)
        return any((first, second) in zip(ws, ws[1:]) for ws in map(words, texts))

    def spellings(self, terms: tuple[str, ...]) -> tuple[str, ...]:
        """Resolved terms and the other spellings the articles give them (for highlighting)."""
        wanted = set(terms)
        return (*terms, *(v for v, t in self.variants.items() if t in wanted))

    def is_name(self, word: str) -> bool:
        """Whether a lower-case word (typos repaired) is one the articles write only capitalised,
        places aside: mostly the names of people and organisations ("lutnick", not "china")."""
        if self._name_terms is None:
            places = {term for term, _ in single_word_places()}
            texts = (s.text for s in self._table.sentences)
            self._name_terms = frozenset(stem(w) for w in capitalised_words(texts)) - places
        return bool(word) and self.resolve([word])[0] in self._name_terms

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

    def idf(self, term: str) -> float:
        """Inverse document frequency of a stemmed term; unseen terms get the highest."""
        return self._idf.get(term, self._unseen_idf)

    def scores(self, terms: list[str]) -> np.ndarray:
        """BM25 score of every sentence for these (resolved) terms, aligned with `self.ids`."""
        terms = [t for t in terms if t in self._bm25.vocab_dict]
        if not terms:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(terms), dtype=np.float32)

