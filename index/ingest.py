"""Corpus folder → decoded articles; files that cannot be articles are skipped with a warning."""
from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CorpusError
from .web_page import is_web_page, page_text


# A NUL byte never occurs in text; a few in the head of a file mean it is binary.
_BINARY_SNIFF_BYTES = 8192
# Text saved as UTF-16 or UTF-32 ("Unicode" in Windows editors) opens with a byte-order mark.
# UTF-32's little-endian mark begins like UTF-16's: it is tried first.
_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Share of zero bytes on one side of the pairs that marks UTF-16 text without a byte-order mark.
_UTF16_ZERO_SHARE = 0.9
# A file that is not UTF-8 is read as Windows-1252 (Western text saved on Windows: curly quotes,
# dashes, accents) only when at most this share of its letters would be non-ASCII: Western
# languages stay far below it, while another script's encoding (Cyrillic, Greek…) read so
# would be all accented gibberish.
_MAX_LEGACY_ACCENTED = 0.2


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
    # Every line worth telling the user (the skipped files, and articles read by a guessed
    # encoding), said by whoever decides it is news: the index build, not every reuse of it.
    warnings: list[str] = field(default_factory=list)


def article_paths(corpus: Path) -> list[Path]:
    """Every *.txt file under `corpus`, recursively, in a stable order."""
    if not corpus.exists():
        raise CorpusError(f"corpus folder not found: {corpus}")
    if not corpus.is_dir():
        raise CorpusError(f"corpus is not a folder: {corpus}")
    return sorted(p for p in corpus.rglob("*.txt") if p.is_file())


def read_article(path: Path, source: str, warnings: list[str] | None = None) -> Article | str:
    """The article at `path`, or the reason it was skipped; a guessed encoding is said in `warnings`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"skipped {source}: unreadable ({exc.strerror or exc})"
    decoded = decode_text(data)
    if isinstance(decoded, Unreadable):
        return f"skipped {source}: {decoded.reason}"
    if not decoded.text.replace("\ufeff", "").strip():
        return f"skipped {source}: empty"
    if decoded.not_utf8_at is not None and warnings is not None:
        warnings.append(f"read {source} as {decoded.encoding}: it is not UTF-8 (byte {decoded.not_utf8_at})")
    text = decoded.text
    if is_web_page(text):
        text = page_text(text)
        if warnings is not None:
            warnings.append(f"read {source} as a web page: its markup is left out (offsets count its text)")
        if not text.strip():
            return f"skipped {source}: a web page with no text"
    return Article(source, text, hashlib.sha256(data).hexdigest())


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, the encoding it was read in, and where UTF-8 failed if it did."""

    text: str
    encoding: str
    not_utf8_at: int | None = None


@dataclass(frozen=True, slots=True)
class Unreadable:
    """Bytes that are not text in an encoding quotebot reads, and why."""

    reason: str


def decode_text(data: bytes) -> Decoded | Unreadable:
    """The text of a file's bytes: UTF-8, UTF-16 or UTF-32 opening with a byte-order mark
    (kept, as a UTF-8 one is, so offsets count it), UTF-16 without one, or else UTF-8, or else
    Western text in Windows-1252."""
    for bom, encoding in _UNICODE_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return Unreadable(f"not {encoding.upper()} though it opens like it")
            # Text has no NUL; binary data that happens to open like a mark decodes to some.
            return Unreadable("binary file") if "\x00" in text[:_BINARY_SNIFF_BYTES] else Decoded(text, encoding)
    if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        return _bomless_utf16(data) or Unreadable("binary file")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        not_utf8_at = exc.start
    # Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned in Windows-1252.
    text = data.decode("cp1252", errors="replace")
    letters = [c for c in text if c.isalpha()]
    if "\ufffd" in text or sum(not c.isascii() for c in letters) > _MAX_LEGACY_ACCENTED * len(letters):
        return Unreadable(f"not UTF-8 (byte {not_utf8_at})")
    return Decoded(text, "Windows-1252", not_utf8_at)


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 saved without a byte-order mark, told by its zero bytes: Latin text puts one beside
    nearly every character, on the odd side (little-endian) or the even side (big-endian)."""
    head = data[: _BINARY_SNIFF_BYTES & ~1]
    if len(data) % 2 or len(head) < 2:
        return None
    for encoding, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) >= _UTF16_ZERO_SHARE * len(zeros):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            # A guess, said like Windows-1252's: where UTF-8 fails is the first zero byte.
            return None if "\x00" in text else Decoded(text, encoding.upper(), data.index(0))
    return None


def scan_corpus(corpus: Path) -> CorpusScan:
    """Read every article of the corpus; never aborts on one bad file."""
    scan = CorpusScan([], [])
    for path in article_paths(corpus):
        result = read_article(path, path.relative_to(corpus).as_posix(), scan.warnings)
        if isinstance(result, Article):
            scan.articles.append(result)
        else:
            scan.warnings.append(result)
            scan.skipped.append(result)
    return scan
