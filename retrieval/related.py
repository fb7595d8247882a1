"""Words of like meaning, so a question and a sentence can meet when they word a thing differently.

`related.tsv` (made by bench/make_related.py from WordNet 3.0) maps a stem to the stems of
words sharing one of its common senses or derived from it ("negotiation" ~ "talks",
"curb" ~ "restrict", "cut" ~ "reduce"). The rerank features count such matches apart from
exact ones, so the learned weights decide how much a looser match is worth.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

RELATED_FILE = Path(__file__).with_name("related.tsv")


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    table = {}
    for line in RELATED_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            term, others = line.split("\t")
            table[term] = frozenset(others.split())
    return table


def related_terms(term: str) -> frozenset[str]:
    """Stems of words related to the stemmed `term` (empty when WordNet knows none)."""
    return _table().get(term, frozenset())
