"""The sentence table: the source of truth for sentence text, file, line and offsets."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Sentence:
    """One indexed sentence; `text` is the original slice [start, end) with whitespace collapsed."""

    id: int
    source: str
    line: int
    start: int
    end: int
    text: str


class SentenceTable:
    """Sentences in reading order per file, addressable by id and by position."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self._position = {s.id: i for i, s in enumerate(sentences)}

    def __len__(self) -> int:
        return len(self.sentences)

    def __getitem__(self, sentence_id: int) -> Sentence:
        return self.sentences[self._position[sentence_id]]

    def position(self, sentence_id: int) -> int:
        """Row number of a sentence (rows of one file are consecutive, in reading order)."""
        return self._position[sentence_id]

    def neighbours(self, sentence_id: int, before: int, after: int) -> tuple[list[Sentence], list[Sentence]]:
        """Up to `before`/`after` sentences of the same file around a sentence."""
        i = self._position[sentence_id]
        source = self.sentences[i].source
        prev = [s for s in self.sentences[max(0, i - before) : i] if s.source == source]
        nxt = [s for s in self.sentences[i + 1 : i + 1 + after] if s.source == source]
        return prev, nxt

    def save(self, path: Path) -> None:
        columns = {
            "id": [s.id for s in self.sentences],
            "source": [s.source for s in self.sentences],
            "line": [s.line for s in self.sentences],
            "start": [s.start for s in self.sentences],
            "end": [s.end for s in self.sentences],
            "text": [s.text for s in self.sentences],
        }
        path.write_text(json.dumps(columns, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "SentenceTable":
        columns = json.loads(path.read_text(encoding="utf-8"))
        rows = zip(*(columns[k] for k in ("id", "source", "line", "start", "end", "text")))
        return cls([Sentence(*row) for row in rows])
