"""Reading the corpus folder: bad files are skipped with a warning, never abort the scan."""
import pytest

from index.errors import CorpusError
from index.ingest import scan_corpus


def test_reads_every_txt_recursively(corpus):
    """Articles in sub-folders are found, with paths relative to the corpus."""
    (corpus / "more").mkdir()
    (corpus / "more" / "extra.txt").write_text("Extra news arrived today. It was short.", encoding="utf-8")
    sources = [a.source for a in scan_corpus(corpus).articles]
    assert "more/extra.txt" in sources and len(sources) == 6


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("cyrillic.txt", "Переговоры в Лондоне продолжились.".encode("cp1251"), "not UTF-8"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("marked.txt", b"\xff\xfeA\x00\x00\x00B\x00", "binary"),
    ],
)
def test_unusable_files_are_skipped_with_a_reason(corpus, name, content, reason):
    """A file in another script's encoding, empty or binary is named in a warning; the rest are kept."""
    (corpus / name).write_bytes(content)
    scan = scan_corpus(corpus)
    assert len(scan.articles) == 5
    assert len(scan.skipped) == 1 and name in scan.skipped[0] and reason in scan.skipped[0]


def test_windows_1252_article_is_read_with_a_warning(corpus):
    """Western text saved on Windows (curly quotes, accents) is read, and the guess is said."""
    (corpus / "cp.txt").write_bytes("\u201cThe caf\xe9 closed,\u201d the owner said.".encode("cp1252"))
    scan = scan_corpus(corpus)
    article = next(a for a in scan.articles if a.source == "cp.txt")
    assert article.text == "\u201cThe caf\xe9 closed,\u201d the owner said."
    assert any("cp.txt as Windows-1252" in w for w in scan.warnings) and not scan.skipped


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_unicode_with_byte_order_mark_is_read(corpus, encoding):
    """A UTF-16 or UTF-32 file with its byte-order mark is text, not a binary file."""
    (corpus / "wide.txt").write_bytes("\ufeffThe harbour reopened on Friday.".encode(encoding))
    scan = scan_corpus(corpus)
    article = next(a for a in scan.articles if a.source == "wide.txt")
    assert article.text.lstrip("\ufeff") == "The harbour reopened on Friday." and not scan.skipped


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_read_with_a_warning(corpus, encoding):
    """UTF-16 saved without its mark is told by its zero bytes, read, and the guess is said."""
    (corpus / "wide.txt").write_bytes("The harbour reopened on Friday.\nIt had been shut.".encode(encoding))
    scan = scan_corpus(corpus)
    article = next(a for a in scan.articles if a.source == "wide.txt")
    assert article.text == "The harbour reopened on Friday.\nIt had been shut." and not scan.skipped
    assert any(f"wide.txt as {encoding.upper()}" in w for w in scan.warnings)


def test_unreadable_file_is_skipped(corpus):
    """A file that cannot be opened is skipped, not fatal."""
    bad = corpus / "locked.txt"
    bad.mkdir()  # a folder named like an article cannot be read as one
    (corpus / "dangling.txt").symlink_to(corpus / "nowhere")
    assert len(scan_corpus(corpus).articles) == 5


def test_missing_corpus_is_a_corpus_error(tmp_path):
    """A corpus folder that does not exist gives a clear error."""
    with pytest.raises(CorpusError, match="not found"):
        scan_corpus(tmp_path / "nope")


def test_a_web_page_is_read_as_its_text_with_a_warning(corpus):
    """A page saved as .txt is indexed without its markup, and the reading is said."""
    page = "<html><body>\n<p>The <b>harbour</b> reopened on Friday.</p>\n</body></html>\n"
    (corpus / "page.txt").write_text(page, encoding="utf-8")
    scan = scan_corpus(corpus)
    article = next(a for a in scan.articles if a.source == "page.txt")
    assert article.text.split("\n")[1].strip() == "The harbour reopened on Friday."
    assert any("page.txt as a web page" in w for w in scan.warnings)
