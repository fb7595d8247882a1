"""Index build speed against its limit: the bare encoder(s) on the same sentences.

    python bench/build_speed.py [--corpus DIR] [--model NAME] [--second-model auto|none]
                                [--context-vectors] [--runs N]

The limit is `encode` of exactly the texts the index embeds, same batch size: its sentences
under every model, and with --context-vectors each sentence after its predecessor under the
first; the ratio says what ingest, FAISS and the manifest add. Also splits up to 8,000
of the sentences as one paragraph without a line break (an article pasted on one line) and one
to a line (a table).
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from common import SQUAD1, machine, median, row, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SQUAD1 / "articles")
    parser.add_argument("--model", default=None, help="embedding model (default: the settings' default)")
    parser.add_argument("--second-model", default="none")
    parser.add_argument("--context-vectors", action="store_true", help="also build context vectors")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit-files", type=int, default=300, help="articles used (0: all)")
    args = parser.parse_args()

    from index.build import open_index
    from index.context import context_texts
    from index.embed import get_embedder, resolve_second_model
    from index.settings import IndexSettings

    args.model = args.model or IndexSettings().model

    corpus = args.corpus
    with tempfile.TemporaryDirectory() as tmp:
        if args.limit_files:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            for path in sorted(args.corpus.rglob("*.txt"))[: args.limit_files]:
                shutil.copy(path, corpus / path.name)
        settings = IndexSettings(
            corpus=corpus, index_dir=Path(tmp) / "ix", model=args.model, second_model=args.second_model,
            context_vectors=args.context_vectors,
        )
        index, _ = open_index(settings)  # warm-up: loads models, and gives the sentences
        texts = [s.text for s in index.table.sentences]
        models = [get_embedder(args.model)] + (
            [get_embedder(m)] if (m := resolve_second_model(args.second_model)) else []
        )
        work = [(m, texts) for m in models]
        if args.context_vectors:
            work.append((models[0], context_texts(index.table.sentences)))
        builds, bares = [], []
        for _ in range(args.runs):
            bares.append(sum(timed(m.encode, t, batch_size=settings.batch_size, kind="passage")[0] for m, t in work))
            builds.append(timed(open_index, settings, rebuild=True)[0])
    n = len(texts)
    print(f"# build speed: {n} sentences, models {[m.name for m in models]}, context vectors {args.context_vectors}, {machine()}, median of {args.runs}")
    row("bare encode, sentences/s", n / median(bares))
    row("quotebot index build, sentences/s", n / median(builds), n / median(bares), target="(target ≥ 0.90)")
    # An article pasted without line breaks is one paragraph; pysbd alone rescans it per sentence.
    from index.segment import split_sentences

    for shape, joiner in (("one unbroken paragraph", " "), ("one sentence a line", "\n")):
        document = joiner.join(texts[:8000])
        seconds, spans = timed(split_sentences, document)
        row(f"split {shape} ({len(document):,} chars), sentences/s", len(spans) / seconds)


if __name__ == "__main__":
    main()
