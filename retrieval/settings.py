"""Settings of the retrieval layer: how candidates are found, ranked, grouped and refused."""
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, PositiveInt

Mode = Literal["dense", "bm25", "hybrid", "rerank"]


class RetrievalSettings(BaseModel):
    """How a question becomes answers."""

    model_config = ConfigDict(extra="forbid")

    mode: Mode = Field("rerank", description="dense | bm25 | hybrid (fused) | rerank (fused + second stage).")
    fusion: Literal["rrf", "weighted"] = Field(
        "rrf", description="How hybrid mode fuses dense and BM25: reciprocal ranks or weighted scores."
    )
    top_k: PositiveInt = Field(3, le=50, description="Distinct answers returned per question.")
    candidates: PositiveInt = Field(40, le=1000, description="Candidates each first-stage retriever passes on.")
    threshold: float | None = Field(
        None, description="Score below which quotebot abstains; unset uses the calibrated default of the mode."
    )
    context: NonNegativeInt = Field(0, le=10, description="Neighbouring sentences shown around an answer.")
    group_similarity: float = Field(
        0.7, ge=0.0, le=1.0, description="Cosine similarity at which two sentences count as the same fact."
    )
    word_pieces: bool = Field(
        False,
        description="Rerank also by word-piece match (MaxSim): better on SQuAD, the same on the seed news, "
        "and each sentence is encoded again when first a candidate.",
    )
    max_question_chars: PositiveInt = Field(2000, description="Longer questions are cut to this length.")
