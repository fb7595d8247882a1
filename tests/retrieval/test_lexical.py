"""The BM25 lexicon's bookkeeping (retrieval.lexical)."""
import numpy as np

from index.table import Sentence, SentenceTable
from retrieval.lexical import LexicalIndex


def test_positions_follow_table_order_not_id_order():
    """Sentence ids map to their table rows even when ids are not in row order."""
    texts = {7: "Talks resumed.", 2: "Exports fell.", 5: "Tariffs rose."}
    sentences = [Sentence(id=i, source="a.txt", line=n + 1, start=0, end=len(t), text=t) for n, (i, t) in enumerate(texts.items())]
    lexicon = LexicalIndex(SentenceTable(sentences))
    assert lexicon.positions(np.array([5, 7, 2])).tolist() == [2, 0, 1]
