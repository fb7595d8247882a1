"""Write retrieval/not_nouns.tsv: stems of English words mostly used as verbs, adjectives or adverbs,
and retrieval/not_noun_words.tsv: words so used whose stem is mostly a noun's.

    pip install -e ".[wordnet]" && python bench/make_word_classes.py [--wordnet-dir DIR]

A word's commonest use is read from WordNet 3.0's sense-tagged counts (`index.sense`, from the
SemCor corpus), or its number of senses per part of speech where none was tagged. Counts are
summed per quotebot stem, so "slapped", "slaps" and "slap" share one answer. Only words of at
least --min-frequency in pyspellchecker's English frequency list are kept. The abstainer reads
it: a question word the articles never use says "not in the articles" when it names a thing
("japan", "price"), far less when it is how the asker put it ("slapped", "think", "upset").
A stem sums words of several classes: "respons" is mostly "response", so "responsible" and
"expensive" need the second table, of the words themselves. It also holds the comparatives and
superlatives of adjectives ("hardest", "biggest"), which WordNet does not list.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from common import REPO
from make_related import default_dict_dir, wordnet_table_arguments, write_wordnet_table

OUT = REPO / "retrieval" / "not_nouns.tsv"
WORDS_OUT = REPO / "retrieval" / "not_noun_words.tsv"
# index.sense's synset types: 1 noun, 2 verb, 3 adjective, 4 adverb, 5 adjective satellite.
_NOUN = "1"
_ADJECTIVE = "3"
_INDEX_POS = {"noun": "1", "verb": "2", "adj": "3", "adv": "4"}


def tagged_uses(folder: Path) -> dict[str, dict[str, int]]:
    """Lemma → synset type → SemCor tag count summed over its senses."""
    uses: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with (folder / "index.sense").open(encoding="latin-1") as lines:
        for line in lines:
            key, _, _, count = line.split()
            lemma, rest = key.split("%", 1)
            kind = rest[0]
            uses[lemma.lower()]["3" if kind == "5" else kind] += int(count)
    return uses


def sense_counts(folder: Path) -> dict[str, dict[str, int]]:
    """Lemma → synset type → number of senses."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for pos, kind in _INDEX_POS.items():
        with (folder / f"index.{pos}").open(encoding="latin-1") as lines:
            for line in lines:
                if not line.startswith(" "):
                    fields = line.split()
                    counts[fields[0]][kind] += int(fields[2])
    return counts


def main() -> None:
    args = wordnet_table_arguments(__doc__, OUT).parse_args()
    from spellchecker import SpellChecker

    from retrieval.text import STOPWORDS, stem

    folder = args.wordnet_dir or default_dict_dir()
    tagged, senses = tagged_uses(folder), sense_counts(folder)
    frequency = SpellChecker(language="en").word_frequency
    by_stem: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    by_word: dict[str, dict[str, float]] = {}
    for lemma, kinds in senses.items():
        if not lemma.isalpha() or lemma in STOPWORDS or frequency[lemma] < args.min_frequency:
            continue
        # Spelled numbers stem as digits and name a value ("the *third* round"), whatever their class.
        if stem(lemma)[:1].isdigit():
            continue
        uses = tagged.get(lemma) or {}
        # Tagged uses decide; untagged words fall back to their senses (worth less than one use).
        by_word[lemma] = {kind: uses.get(kind, 0) + 0.1 * kinds[kind] for kind in kinds}
        for kind, weight in by_word[lemma].items():
            by_stem[stem(lemma)][kind] += weight
    not_nouns = {s for s, kinds in by_stem.items() if _commonest(kinds) != _NOUN}
    write_wordnet_table(
        args.out, "stems whose commonest use is not as a noun (WordNet 3.0 SemCor tag counts, else senses)",
        "make_word_classes.py", sorted(not_nouns),
    )
    print(f"{len(not_nouns)} of {len(by_stem)} stems are not mostly nouns → {args.out}")
    adjectives = [w for w, kinds in by_word.items() if _commonest(kinds) == _ADJECTIVE]
    # WordNet lists no inflected forms: an adjective's comparative and superlative ("harder",
    # "hardest") are words it lacks, which would read as names.
    compared = {
        form for adjective in adjectives for form in compared_forms(adjective)
        if form not in senses and frequency[form] >= args.min_frequency
    }
    not_noun_words = sorted(
        w for w in {w for w, kinds in by_word.items() if _commonest(kinds) != _NOUN} | compared
        if stem(w) not in not_nouns
    )
    write_wordnet_table(
        WORDS_OUT,
        "words whose commonest use is not as a noun though their stem's is (as not_nouns.tsv), and "
        "adjectives' comparatives and superlatives",
        "make_word_classes.py", not_noun_words,
    )
    print(f"{len(not_noun_words)} words are no nouns though their stems are, or compare → {WORDS_OUT}")


def _commonest(kinds: dict[str, float]) -> str:
    return max(kinds, key=kinds.get)


_VOWELS = frozenset("aeiou")


def compared_forms(adjective: str) -> list[str]:
    """The comparative and superlative English spelling rules give an adjective: "harder",
    "hardest"; "larger", "largest"; "happier", "happiest"; "bigger", "biggest"."""
    if adjective.endswith("e"):
        return [adjective + "r", adjective + "st"]
    if adjective.endswith("y") and len(adjective) > 2 and adjective[-2] not in _VOWELS:
        return [adjective[:-1] + "ier", adjective[:-1] + "iest"]
    base = adjective
    if (len(adjective) >= 3 and adjective[-1] not in _VOWELS | {"w", "x", "y"}
            and adjective[-2] in _VOWELS and adjective[-3] not in _VOWELS):
        base = adjective + adjective[-1]  # one vowel before one consonant: "big" → "bigg-"
    return [base + "er", base + "est"]


if __name__ == "__main__":
    main()
