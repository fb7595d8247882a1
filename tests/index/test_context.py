"""Context vectors: each sentence embedded after the sentence before it, kept per segment."""
import numpy as np
import pytest

from index.build import index_location, open_index
from index.context import ContextTable, ContextVectors, context_texts
from index.table import Sentence


def sentence(id_, source, text):
    return Sentence(id_, source, 1, 0, len(text), text)


def test_context_text_is_the_previous_sentence_of_the_same_file_then_the_sentence():
    """The first sentence of a file stands alone; later ones follow their predecessor."""
    rows = [sentence(0, "a.txt", "Lutnick spoke."), sentence(1, "a.txt", "He said it went well."),
            sentence(2, "b.txt", "Markets rose.")]
    assert context_texts(rows) == ["Lutnick spoke.", "Lutnick spoke. He said it went well.", "Markets rose."]


def test_table_finds_rows_by_id_in_any_order(tmp_path):
    """Rows come back by id, whatever order they were added in, also after a save and load."""
    table = ContextTable(2)
    table.add(np.array([7, 3]), np.array([[1, 0], [0, 1]], np.float32))
    table.add(np.array([5]), np.array([[0.6, 0.8]], np.float32))
    assert np.allclose(table.vectors(np.array([3, 5, 7])), [[0, 1], [0.6, 0.8], [1, 0]], atol=1e-3)
    table.save(tmp_path, np.array([3, 5, 7]))
    loaded = ContextTable.load(tmp_path, 2, np.array([3, 5, 7]))
    assert len(loaded) == 3 and np.allclose(loaded.vectors(np.array([5, 7])), [[0.6, 0.8], [1, 0]], atol=1e-3)


def test_vectors_are_looked_up_across_segments():
    """Ids held by different segments come back in the order asked."""
    first, second = ContextTable(1), ContextTable(1)
    first.add(np.array([0, 1]), np.array([[1.0], [2.0]]))
    second.add(np.array([2]), np.array([[3.0]]))
    assert ContextVectors([first, second]).vectors(np.array([2, 0, 1])).ravel().tolist() == [3.0, 1.0, 2.0]


@pytest.fixture
def context_settings(fake_settings):
    return fake_settings.model_copy(update={"context_vectors": True})


def test_index_holds_each_sentence_embedded_after_its_predecessor(context_settings, fake_models):
    """A built index's context vector is the model's vector of the context text."""
    index, _ = open_index(context_settings)
    rows = index.table.sentences[:3]
    expected = fake_models["test-hash"].encode(context_texts(rows))
    got = index.context.vectors(np.asarray([s.id for s in rows]))
    assert np.allclose(got, expected, atol=1e-2)
    assert not np.allclose(got[1], index.store.vectors(np.asarray([rows[1].id]))[0], atol=1e-2)


def test_compaction_keeps_the_context_vectors(context_settings):
    """After most articles are removed, the merged segment still has every live context row."""
    before, _ = open_index(context_settings)
    kept = [s for s in before.table.sentences if s.source == "004_1023d307a01e64fc.txt"]
    ids = np.asarray([s.id for s in kept])
    for path in sorted(context_settings.corpus.glob("*.txt"))[:4]:
        path.unlink()
    after, _ = open_index(context_settings)
    assert len(after.manifest.segments) == 1
    assert np.allclose(after.context.vectors(ids), before.context.vectors(ids))


def test_without_context_vectors_nothing_is_written(fake_settings):
    """The default index has no context files and no context store."""
    index, _ = open_index(fake_settings)
    assert index.context is None
    assert not list(index_location(fake_settings).rglob("context.npy"))


def test_turning_context_vectors_on_rebuilds_with_a_note(fake_settings, context_settings):
    """An index made without context vectors is rebuilt when they are asked for."""
    open_index(fake_settings)
    index, report = open_index(context_settings)
    assert report.action == "built" and any("context_vectors" in n for n in report.notes)
    assert index.context is not None and index.manifest.context_vectors


def test_an_added_article_gets_context_rows_in_its_own_segment(context_settings, fake_models):
    """After an update, every live sentence of both segments has its context vector."""
    open_index(context_settings)
    (context_settings.corpus / "new.txt").write_text("The zebra committee met. It chose stripes.", encoding="utf-8")
    index, report = open_index(context_settings)
    assert report.action == "updated" and len(index.manifest.segments) == 2
    new = [s for s in index.table.sentences if s.source == "new.txt"]
    expected = fake_models["test-hash"].encode(context_texts(new))
    assert np.allclose(index.context.vectors(np.asarray([s.id for s in new])), expected, atol=1e-2)
    ids = np.asarray([s.id for s in index.table.sentences])
    assert (np.linalg.norm(index.context.vectors(ids), axis=1) > 0.99).all()
