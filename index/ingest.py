"""Corpus folder → decoded articles; files that cannot be articles are skipped with a warning."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusError

log = logging.getLogger(__name__)

# A NUL byte never occurs in text; a few in the head of a file mean it is binary.
_BINARY_SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class Article:
    """One readable article: its path relative to the corpus, its text and content hash."""

    source: str
    text: str
    sha256: str


@dataclass(slots=True)
class CorpusScan:
    """What a scan of the corpus folder found."""

    articles: list[Article]
    skipped: list[str]  # one human-readable line per skipped file


def article_paths(corpus: Path) -> list[Path]:
    """Every *.txt file under `corpus`, recursively, in a stable order."""
    if not corpus.exists():
        raise CorpusError(f"corpus folder not found: {corpus}")
    if not corpus.is_dir():
        raise CorpusError(f"corpus is not a folder: {corpus}")
    return sorted(p for p in corpus.rglob("*.txt") if p.is_file())


def read_article(path: Path, source: str) -> Article | str:
    """The article at `path`, or the reason it was skipped."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"skipped {source}: unreadable ({exc.strerror or exc})"
    if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        return f"skipped {source}: binary file"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"skipped {source}: not UTF-8 (byte {exc.start})"
    if not text.strip():
        return f"skipped {source}: empty"
    return Article(source, text, hashlib.sha256(data).hexdigest())


def scan_corpus(corpus: Path) -> CorpusScan:
    """Read every article of the corpus; never aborts on one bad file."""
    scan = CorpusScan([], [])
    for path in article_paths(corpus):
        result = read_article(path, path.relative_to(corpus).as_posix())
        if isinstance(result, Article):
            scan.articles.append(result)
        else:
            log.warning(result)
            scan.skipped.append(result)
    return scan
