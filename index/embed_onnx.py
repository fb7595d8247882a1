"""A sentence-transformers model exported to ONNX, run by onnxruntime + tokenizers (no torch).

Mean pooling over the attention mask and L2 normalisation, as all-MiniLM-L6-v2's own pooling
config does; inputs are truncated to the model's 256 word pieces.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from .embed import Kind, LazyEmbedder

MAX_TOKENS = 256
# onnxruntime on 2 cores ran fastest with small batches (SQuAD sentences: 177/s at 8,
# 147/s at 32, 116/s at 64), so larger requested batches are split.
MAX_BATCH = 8


class OnnxEmbedder(LazyEmbedder):
    """Texts → normalised mean-pooled vectors from an ONNX encoder; loaded on first use."""

    def __init__(self, name: str, dim: int, model_path: Callable[[], str], tokenizer_path: Callable[[], str]) -> None:
        super().__init__(name, dim)
        self._model_path = model_path
        self._tokenizer_path = tokenizer_path

    def _load(self):
        import onnxruntime
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(self._tokenizer_path())
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        session = onnxruntime.InferenceSession(self._model_path(), options, providers=["CPUExecutionProvider"])
        return session, tokenizer

    def _encode(self, model, texts: list[str], batch_size: int, kind: Kind) -> np.ndarray:
        session, tokenizer = model
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        # Sorting by length keeps padding (wasted compute) small within each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        batch_size = min(batch_size, MAX_BATCH)
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            encodings = tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
            mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
            hidden = session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            out[rows] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out
