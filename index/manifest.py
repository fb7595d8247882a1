"""The manifest: what an index on disk was built from, so it can be reused or updated."""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

# Bump when the on-disk layout changes; older indexes are rebuilt.
FORMAT_VERSION = 2
# Bump when sentence splitting or cleaning changes; every file is re-ingested.
INGEST_VERSION = 1


class FileEntry(BaseModel):
    """One indexed article; its sentences hold ids first_id … first_id + sentences - 1."""

    sha256: str
    sentences: int
    indexed_at: str
    first_id: int = 0


class SegmentEntry(BaseModel):
    """One immutable segment folder: sentences with ids in [first_id, end_id)."""

    name: str
    first_id: int
    end_id: int
    store: str
    sentences: int


class Manifest(BaseModel):
    """Header of an index folder."""

    model_config = ConfigDict(extra="forbid")

    format_version: int = FORMAT_VERSION
    ingest_version: int = INGEST_VERSION
    corpus: str
    model: str
    dim: int
    store: str
    second_model: str | None = None
    context_vectors: bool = False
    files: dict[str, FileEntry]
    segments: list[SegmentEntry]
    deleted: list[tuple[int, int]] = []  # tombstoned [start, end) id ranges
    sentence_count: int
    next_id: int
    built_at: str

    def save(self, path: Path) -> None:
        path.write_text(self.model_dump_json(indent=2), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "Manifest":
        return cls.model_validate_json(path.read_text(encoding="utf-8"))
