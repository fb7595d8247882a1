"""Write a large corpus of real text for scale runs: SQuAD paragraphs repeated with variation.

    python bench/make_corpus.py OUT_DIR [--sentences 100000]

Each copy of a paragraph has its sentences in a shuffled order and a copy number in its
file name, so files differ while the language stays real.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

from common import SHARED


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sentences", type=int, default=100_000)
    args = parser.parse_args()
    from index.segment import collapse_whitespace, split_sentences

    paragraphs = []
    for folder in ("squad-v1.1-dev", "squad-v2.0-dev"):
        for path in sorted((SHARED / "data" / folder / "articles").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            paragraphs.append((path.stem, [collapse_whitespace(text[s.start : s.end]) for s in split_sentences(text)]))
    rng = random.Random(0)
    args.out.mkdir(parents=True, exist_ok=True)
    written, copy = 0, 0
    while written < args.sentences:
        for stem, sentences in paragraphs:
            order = sentences[:]
            rng.shuffle(order)
            (args.out / f"{stem}_copy{copy:03d}.txt").write_text(" ".join(order) + "\n", encoding="utf-8")
            written += len(order)
            if written >= args.sentences:
                break
        copy += 1
    print(f"wrote {written} sentences into {args.out}")


if __name__ == "__main__":
    main()
