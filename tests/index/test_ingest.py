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
        ("latin1.txt", "Caf\xe9 news.".encode("latin-1"), "not UTF-8"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ],
)
def test_unusable_files_are_skipped_with_a_reason(corpus, name, content, reason):
    """A non-UTF-8, empty or binary file is named in a warning; the others are kept."""
    (corpus / name).write_bytes(content)
    scan = scan_corpus(corpus)
    assert len(scan.articles) == 5
    assert len(scan.skipped) == 1 and name in scan.skipped[0] and reason in scan.skipped[0]


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
