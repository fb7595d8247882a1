"""Context vectors: each sentence embedded after the sentence before it, kept per segment."""
import numpy as np

from index.build import open_index
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
    table.save(tmp_path)
    loaded = ContextTable.load(tmp_path, 2)
    assert len(loaded) == 3 and np.allclose(loaded.vectors(np.array([5, 7])), [[0.6, 0.8], [1, 0]], atol=1e-3)


def test_vectors_are_looked_up_across_segments():
    """Ids held by different segments come back in the order asked."""
    first, second = ContextTable(1), ContextTable(1)
    first.add(np.array([0, 1]), np.array([[1.0], [2.0]]))
    second.add(np.array([2]), np.array([[3.0]]))
    assert ContextVectors([first, second]).vectors(np.array([2, 0, 1])).ravel().tolist() == [3.0, 1.0, 2.0]


def test_index_holds_each_sentence_embedded_after_its_predecessor(fake_settings, fake_models):
    """A built index's context vector is the model's vector of the context text."""
    index, _ = open_index(fake_settings)
    rows = index.table.sentences[:3]
    expected = fake_models["test-hash"].encode(context_texts(rows))
    got = index.context.vectors(np.asarray([s.id for s in rows]))
    assert np.allclose(got, expected, atol=1e-2)
    assert not np.allclose(got[1], index.store.vectors(np.asarray([rows[1].id]))[0], atol=1e-2)
