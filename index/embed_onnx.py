"""A sentence-transformers model exported to ONNX, run by onnxruntime + tokenizers (no torch).

Mean pooling over the attention mask and L2 normalisation, as all-MiniLM-L6-v2's own pooling
config does; inputs are truncated to the model's 256 word pieces.
"""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

import numpy as np

from .embed import Kind, LazyEmbedder, normalised_pieces

MAX_TOKENS = 256
# On 2 cores onnxruntime ran SQuAD sentences fastest one at a time on parallel workers, each
# single-threaded: no padding at all, and the matrices stay in cache (sentences/s, 2 workers,
# batch 1 / 2 / 4 / 16: integer kernels 391 / 374 / 342 / 271; float kernels 222 at batch 1,
# 195 at 4; one 2-thread session at batch 4: 170). A question alone still uses every core.
MAX_BATCH = 1
WORKERS = max(1, min(4, os.cpu_count() or 1))


class OnnxEmbedder(LazyEmbedder):
    """Texts → normalised mean-pooled vectors from an ONNX encoder; loaded on first use."""

    def __init__(self, name: str, dim: int, model_path: Callable[[], str], tokenizer_path: Callable[[], str]) -> None:
        super().__init__(name, dim)
        self._model_path = model_path
        self._tokenizer_path = tokenizer_path
        self._single_threaded = None  # the session parallel workers share, made on first need
        self._workers: ThreadPoolExecutor | None = None  # kept: a bot asks for a few sentences at a time

    def _session(self, threads: int = 0):
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        options.intra_op_num_threads = threads
        return onnxruntime.InferenceSession(self._model_path(), options, providers=["CPUExecutionProvider"])

    def _load(self):
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(self._tokenizer_path())
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.enable_padding()
        return self._session(), tokenizer

    def _encode(self, model, texts: list[str], batch_size: int, kind: Kind) -> np.ndarray:
        return self._pass(model, texts, batch_size, pieces=False)[0]

    def _tokens(self, model, texts: list[str]) -> list[np.ndarray]:
        return self._pass(model, texts, MAX_BATCH, pieces=True)[1]

    def _encode_with_pieces(self, model, texts: list[str], batch_size: int, kind: Kind):
        return self._pass(model, texts, batch_size, pieces=True)

    def _pass(self, model, texts: list[str], batch_size: int, pieces: bool) -> tuple[np.ndarray, list[np.ndarray]]:
        """One run of the encoder: pooled vectors, and each text's word pieces when asked."""
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        kept: list[np.ndarray] = [np.zeros((0, self.dim), np.float32)] * len(texts)

        def take(rows: list[int], hidden: np.ndarray, mask: np.ndarray) -> None:
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            out[rows] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            if pieces:
                for row, states, used in zip(rows, hidden, mask):
                    kept[row] = normalised_pieces(states[: int(used.sum())])

        self._run(model, texts, batch_size, take)
        return out, kept

    def _run(self, model, texts: list[str], batch_size: int, take: Callable[[list[int], np.ndarray, np.ndarray], None]) -> None:
        """Runs the encoder over `texts` and hands each batch's rows, hidden states and mask to `take`."""
        session, tokenizer = model
        # Sorting by length keeps padding (wasted compute) small within each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        size = min(batch_size, MAX_BATCH)
        batches = [order[start : start + size] for start in range(0, len(order), size)]

        def run(rows: list[int], session) -> None:
            encodings = tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
            mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
            hidden = session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )[0]
            take(rows, hidden, mask)

        if len(batches) == 1 or WORKERS == 1:
            for rows in batches:
                run(rows, session)
            return
        with self._lock:
            if self._single_threaded is None:
                self._single_threaded = self._session(threads=1)
                self._workers = ThreadPoolExecutor(WORKERS, thread_name_prefix="onnx")
        list(self._workers.map(lambda rows: run(rows, self._single_threaded), batches))
