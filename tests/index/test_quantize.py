"""Deriving the integer-kernel MiniLM: once, into the cache, with integer MatMuls inside."""
import os

import onnx
import pytest

from index import quantize
from index.embed import _minilm_int8_path


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTEBOT_MODEL_CACHE", str(tmp_path / "models"))
    return tmp_path / "models"


def test_derived_model_multiplies_in_integers(cache):
    """The derived model multiplies weights only in MatMulInteger; float MatMuls read no weight."""
    path = quantize.dynamic_int8_model(_minilm_int8_path())
    graph = onnx.load(path).graph
    weights = {w.name for w in graph.initializer}
    assert os.path.dirname(path) == str(cache)
    assert any(node.op_type == "MatMulInteger" for node in graph.node)
    assert not [n.name for n in graph.node if n.op_type == "MatMul" and weights & set(n.input)]


def test_derived_model_is_reused(cache):
    """A second request returns the same file without deriving it again."""
    first = quantize.dynamic_int8_model(_minilm_int8_path())
    stamp = os.stat(first).st_mtime_ns
    assert quantize.dynamic_int8_model(_minilm_int8_path()) == first
    assert os.stat(first).st_mtime_ns == stamp
    assert os.listdir(cache) == [os.path.basename(first)]


def test_unwritable_cache_falls_back_to_temp(tmp_path, monkeypatch):
    """A cache root that cannot be created (a file is in the way) falls back to the temp folder."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(quantize.tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    assert quantize._writable(blocker / "models").parent == tmp_path / "tmp"


def test_read_only_cache_falls_back_to_temp(tmp_path, monkeypatch):
    """An existing cache folder that cannot be written to falls back to the temp folder."""
    folder = tmp_path / "models"
    folder.mkdir()
    monkeypatch.setattr(quantize.os, "access", lambda path, mode: path != folder)
    monkeypatch.setattr(quantize.tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    assert quantize._writable(folder).parent == tmp_path / "tmp"
