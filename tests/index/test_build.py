"""The index on disk: built once, reused, updated incrementally, rebuilt when it must be."""
import json

import numpy as np
import pytest

from index import build
from index.build import index_location, open_index
from index.errors import CorpusError
from retrieval.searcher import Searcher
from retrieval.settings import RetrievalSettings


def live_manifest(settings):
    location = index_location(settings)
    return location / (location / build.POINTER).read_text().strip()


def segment_folders(settings):
    return sorted(p for p in (index_location(settings) / build.SEGMENTS).iterdir() if not p.name.startswith("."))


def test_first_open_builds_and_writes_a_manifest(fake_settings):
    """The manifest records format, model, dimension, file hashes, counts and build time."""
    index, report = open_index(fake_settings)
    assert report.action == "built"
    manifest = json.loads(live_manifest(fake_settings).read_text())
    assert manifest["model"] == "test-hash" and manifest["dim"] == 64
    assert len(manifest["files"]) == 5 and all(len(f["sha256"]) == 64 for f in manifest["files"].values())
    assert manifest["sentence_count"] == len(index.table) > 50
    assert manifest["built_at"] and manifest["format_version"] >= 1


def test_index_lives_outside_the_corpus(fake_settings):
    """Nothing is written into the corpus folder."""
    before = sorted(p.name for p in fake_settings.corpus.iterdir())
    open_index(fake_settings)
    assert sorted(p.name for p in fake_settings.corpus.iterdir()) == before


def test_unchanged_corpus_reuses_the_index(fake_settings, fake_models):
    """A second open embeds nothing."""
    open_index(fake_settings)
    fake_models["test-hash"].encoded = 0
    _, report = open_index(fake_settings)
    assert report.action == "reused" and fake_models["test-hash"].encoded == 0


def test_skipped_files_are_warned_of_when_built_not_on_every_reuse(fake_settings, caplog):
    """A skipped file is said once when the index is built; reusing the index stays quiet."""
    (fake_settings.corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    open_index(fake_settings)
    assert "skipped image.txt: binary file" in caplog.text
    caplog.clear()
    _, report = open_index(fake_settings)
    assert report.action == "reused" and "image.txt" not in caplog.text
    assert report.warnings == ["skipped image.txt: binary file"]


def test_added_file_alone_is_embedded(fake_settings, fake_models):
    """Adding an article embeds only its sentences, and it becomes searchable."""
    open_index(fake_settings)
    (fake_settings.corpus / "new.txt").write_text(
        "The zebra committee met in Oslo on Friday. It chose a striped logo.", encoding="utf-8"
    )
    fake_models["test-hash"].encoded = 0
    index, report = open_index(fake_settings)
    assert report.added == ["new.txt"] and fake_models["test-hash"].encoded == 2
    assert "new.txt" in index.manifest.files
    assert any(s.source == "new.txt" for s in index.table.sentences)


def test_repeated_sentence_is_embedded_once_and_indexed_everywhere(fake_settings, fake_models):
    """Two articles carrying the same sentence: one encode, both sentences searchable."""
    open_index(fake_settings)
    line = "The zebra committee met in Oslo on Friday."
    (fake_settings.corpus / "a.txt").write_text(line + " It chose a striped logo.", encoding="utf-8")
    (fake_settings.corpus / "b.txt").write_text(line, encoding="utf-8")
    fake_models["test-hash"].encoded = 0
    index, _ = open_index(fake_settings)
    assert fake_models["test-hash"].encoded == 2
    copies = [s for s in index.table.sentences if s.text == line]
    assert {s.source for s in copies} == {"a.txt", "b.txt"}
    vectors = index.store.vectors(np.asarray([s.id for s in copies]))
    assert np.allclose(vectors[0], vectors[1]) and np.linalg.norm(vectors[0]) > 0


def test_removed_file_disappears_from_answers(fake_settings):
    """After deleting an article no answer quotes it, and its vectors are gone."""
    open_index(fake_settings)
    (fake_settings.corpus / "001_a47d68a45776695b.txt").unlink()
    index, report = open_index(fake_settings)
    assert report.removed == ["001_a47d68a45776695b.txt"]
    assert len(index.store) == len(index.table)
    searcher = Searcher(index, RetrievalSettings(mode="dense", top_k=10))
    result = searcher.ask("The Chinese delegation was led by Vice Premier He Lifeng.")
    assert all(a.source != "001_a47d68a45776695b.txt" for a in result.answers)


def test_changed_file_is_reembedded(fake_settings):
    """Editing an article replaces its sentences."""
    open_index(fake_settings)
    path = fake_settings.corpus / "000_05be51cd5a653693.txt"
    path.write_text("Completely new text about penguins. Penguins swim fast.", encoding="utf-8")
    index, report = open_index(fake_settings)
    assert report.changed == ["000_05be51cd5a653693.txt"]
    texts = [s.text for s in index.table.sentences if s.source == path.name]
    assert texts == ["Completely new text about penguins.", "Penguins swim fast."]


def test_model_change_rebuilds(fake_settings):
    """Another model means every sentence is embedded again, with its dimension."""
    open_index(fake_settings)
    index, report = open_index(fake_settings.model_copy(update={"model": "test-hash-2"}))
    assert report.action == "built" and index.manifest.dim == 32
    assert any("model changed" in n for n in report.notes)


@pytest.mark.parametrize("damage", ["manifest", "sentences.json", "vectors.faiss"])
def test_corrupt_index_is_rebuilt_with_a_note(fake_settings, damage):
    """A damaged file in the live index gives a note and a fresh build."""
    open_index(fake_settings)
    target = live_manifest(fake_settings) if damage == "manifest" else segment_folders(fake_settings)[0] / damage
    target.write_bytes(b"garbage")
    index, report = open_index(fake_settings)
    assert report.action == "built" and any("unreadable" in n for n in report.notes)
    assert len(index.table) == index.manifest.sentence_count


def test_foreign_index_folder_is_rebuilt(fake_settings):
    """A CURRENT pointing at something that is not a quotebot manifest is rebuilt, not trusted."""
    open_index(fake_settings)
    live_manifest(fake_settings).write_text('{"hello": "world"}')
    index, report = open_index(fake_settings)
    assert report.action == "built" and len(index.table) == index.manifest.sentence_count


def test_update_writes_a_new_segment_and_leaves_old_ones_untouched(fake_settings):
    """Adding an article adds one small segment; existing segment files are not rewritten."""
    open_index(fake_settings)
    (first,) = segment_folders(fake_settings)
    stamp = (first / "vectors.faiss").stat().st_mtime_ns
    (fake_settings.corpus / "new.txt").write_text("One more article. It has two sentences.", encoding="utf-8")
    index, _ = open_index(fake_settings)
    folders = segment_folders(fake_settings)
    assert len(folders) == 2 and first in folders
    assert (first / "vectors.faiss").stat().st_mtime_ns == stamp
    assert len(index.manifest.segments[-1].model_dump()) and index.manifest.segments[-1].sentences == 2


def test_many_removals_compact_into_one_segment(fake_settings):
    """When most rows are tombstoned, segments merge and tombstones disappear."""
    open_index(fake_settings)
    for path in sorted(fake_settings.corpus.glob("*.txt"))[:4]:
        path.unlink()
    index, report = open_index(fake_settings)
    assert index.manifest.deleted == [] and len(index.manifest.segments) == 1
    assert {s.source for s in index.table.sentences} == {"004_1023d307a01e64fc.txt"}
    assert len(index.store) == len(index.table)


def test_crash_while_publishing_keeps_the_previous_index(fake_settings, monkeypatch):
    """A build that dies before the switch leaves the old index live and usable."""
    open_index(fake_settings)
    old = live_manifest(fake_settings)
    (fake_settings.corpus / "new.txt").write_text("A new article arrives. It says little.", encoding="utf-8")

    def die(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(build.Manifest, "save", die)
        with pytest.raises(KeyboardInterrupt):
            open_index(fake_settings)
    assert live_manifest(fake_settings) == old
    index, report = open_index(fake_settings)
    assert report.added == ["new.txt"] and "new.txt" in index.manifest.files


def test_corpus_without_usable_articles_is_an_error(tmp_path, fake_models):
    """A folder with no readable .txt gives a CorpusError, not an empty index."""
    from index.settings import IndexSettings

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "bad.txt").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(CorpusError, match="no usable"):
        open_index(IndexSettings(corpus=tmp_path / "c", index_dir=tmp_path / "i", model="test-hash"))


def test_parallel_segmentation_gives_the_same_sentences(fake_settings, monkeypatch):
    """Articles split on worker processes yield exactly the sentences of a serial split."""
    serial, _ = open_index(fake_settings)
    monkeypatch.setattr(build, "PARALLEL_SEGMENT_ABOVE_CHARS", 1)
    monkeypatch.setattr(build.os, "cpu_count", lambda: 2)
    parallel, _ = open_index(fake_settings, rebuild=True)
    assert [(s.source, s.line, s.start, s.end, s.text) for s in parallel.table.sentences] == [
        (s.source, s.line, s.start, s.end, s.text) for s in serial.table.sentences
    ]
