"""Open the index of a corpus: reuse it, update it incrementally, or build it — atomically.

Layout of one corpus's index folder:

    <index_dir>/<corpus-name>-<hash of its path>/
        CURRENT            name of the live version folder (replaced atomically)
        v<time>-<pid>/     manifest.json, sentences.json, vectors.faiss
                           [second.faiss: vectors of the second-stage model, when one is used]

A new version is written beside the live one and becomes live by one `os.replace` of
CURRENT, so a build that dies half-way leaves the previous index usable.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import numpy as np

from .embed import Embedder, get_embedder, model_dim, resolve_second_model
from .errors import CorpusError
from .ingest import Article, scan_corpus
from .manifest import FORMAT_VERSION, INGEST_VERSION, FileEntry, Manifest
from .segment import collapse_whitespace, split_sentences
from .settings import IndexSettings
from .store import FaissStore, VectorStore, choose_kind
from .table import Sentence, SentenceTable

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (sentences embedded so far, sentences to embed)
POINTER = "CURRENT"
MANIFEST = "manifest.json"
SENTENCES = "sentences.json"
VECTORS = "vectors.faiss"
SECOND_VECTORS = "second.faiss"


@dataclass
class CorpusIndex:
    """A loaded index: manifest, sentence table and vector store."""

    corpus: Path
    manifest: Manifest
    table: SentenceTable
    store: VectorStore
    embedder: Embedder
    second: VectorStore | None = None  # the same sentences under the second-stage model
    second_embedder: Embedder | None = None


@dataclass
class BuildReport:
    """What opening the index did."""

    action: str  # "reused", "updated", "built"
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    embedded: int = 0
    notes: list[str] = field(default_factory=list)


def index_location(settings: IndexSettings) -> Path:
    """The folder holding the index of `settings.corpus`."""
    corpus = settings.corpus.resolve()
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", corpus.name or "root")[:40]
    digest = hashlib.sha1(str(corpus).encode("utf-8")).hexdigest()[:12]
    return settings.index_dir.resolve() / f"{name}-{digest}"


def open_index(
    settings: IndexSettings, *, rebuild: bool = False, progress: Progress | None = None
) -> tuple[CorpusIndex, BuildReport]:
    """The up-to-date index of the corpus, building or updating it on disk when needed."""
    corpus = settings.corpus.resolve()
    scan = scan_corpus(settings.corpus)
    if not scan.articles:
        why = f" ({len(scan.skipped)} files skipped)" if scan.skipped else ""
        raise CorpusError(f"no usable .txt articles in {settings.corpus}{why}")
    location = index_location(settings)
    embedder = get_embedder(settings.model)
    report = BuildReport(action="built", skipped=scan.skipped)

    previous = None if rebuild else _load_live(location, settings, report)
    articles = {a.source: a for a in scan.articles}
    if previous is not None:
        old_files = previous.manifest.files
        report.added = sorted(s for s in articles if s not in old_files)
        report.changed = sorted(
            s for s in articles if s in old_files and old_files[s].sha256 != articles[s].sha256
        )
        report.removed = sorted(s for s in old_files if s not in articles)
        if not (report.added or report.changed or report.removed):
            report.action = "reused"
            return previous, report
        report.action = "updated"
    else:
        report.added = sorted(articles)

    index = _apply_changes(settings, corpus, embedder, previous, articles, report, progress)
    _publish(location, index)
    return index, report


def _load_live(location: Path, settings: IndexSettings, report: BuildReport) -> CorpusIndex | None:
    """The live index if it can be reused for these settings, else None (with a note why)."""
    pointer = location / POINTER
    if not pointer.exists():
        return None
    try:
        version = location / pointer.read_text(encoding="utf-8").strip()
        manifest = Manifest.load(version / MANIFEST)
        if (manifest.format_version, manifest.ingest_version) != (FORMAT_VERSION, INGEST_VERSION):
            report.notes.append("index was made by another quotebot version; rebuilding")
            return None
        if manifest.model != settings.model:
            report.notes.append(f"model changed ({manifest.model} → {settings.model}); rebuilding")
            return None
        second_model = resolve_second_model(settings.second_model)
        if manifest.second_model != second_model:
            report.notes.append(
                f"second-stage model changed ({manifest.second_model} → {second_model}); rebuilding"
            )
            return None
        table = SentenceTable.load(version / SENTENCES)
        store = FaissStore.load(version / VECTORS, manifest.dim, manifest.store)
        second = None
        if second_model:
            second = FaissStore.load(version / SECOND_VECTORS, model_dim(second_model), "flat")
        if len(table) != manifest.sentence_count or len(store) != len(table) or (
            second is not None and len(second) != len(table)
        ):
            raise ValueError("sentence table and vectors disagree")
    except Exception as exc:  # any damage means the same thing: rebuild from the articles
        report.notes.append(f"index at {location} is unreadable ({exc.__class__.__name__}); rebuilding")
        log.warning("index at %s is unreadable: %s", location, exc)
        return None
    return CorpusIndex(
        settings.corpus.resolve(), manifest, table, store, get_embedder(settings.model),
        second, get_embedder(second_model) if second_model else None,
    )


def _apply_changes(
    settings: IndexSettings,
    corpus: Path,
    embedder: Embedder,
    previous: CorpusIndex | None,
    articles: dict[str, Article],
    report: BuildReport,
    progress: Progress | None,
) -> CorpusIndex:
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    dead = set(report.changed) | set(report.removed)
    second_model = resolve_second_model(settings.second_model)
    second_embedder = get_embedder(second_model) if second_model else None
    if previous is not None:
        kept = [s for s in previous.table.sentences if s.source not in dead]
        store, second = previous.store, previous.second
        dead_ids = np.asarray(previous.table.ids_of(dead), dtype=np.int64)
        store.remove(dead_ids)
        if second is not None:
            second.remove(dead_ids)
        files = {k: v for k, v in previous.manifest.files.items() if k not in dead}
        next_id = previous.manifest.next_id
    else:
        kept, files, next_id = [], {}, 0
        store = second = None
        if second_embedder is not None:
            second = FaissStore(second_embedder.dim, "flat")

    fresh: list[Sentence] = []
    for source in sorted(set(report.added) | set(report.changed)):
        article = articles[source]
        spans = split_sentences(article.text)
        for span in spans:
            text = collapse_whitespace(article.text[span.start : span.end])
            fresh.append(Sentence(next_id, source, span.line, span.start, span.end, text))
            next_id += 1
        files[source] = FileEntry(sha256=article.sha256, sentences=len(spans), indexed_at=now)

    total = len(kept) + len(fresh)
    if total == 0:
        raise CorpusError(f"no sentences found in the articles of {settings.corpus}")
    kind = choose_kind(settings.index_type, total, settings.approximate_above)
    if store is None or store.kind != kind:
        store = _restore(store, kind, embedder.dim)
    targets = [(store, embedder)] + ([(second, second_embedder)] if second is not None else [])
    _embed_into(targets, fresh, settings.batch_size, progress)
    report.embedded = len(fresh)

    manifest = Manifest(
        corpus=str(corpus), model=embedder.name, dim=model_dim(embedder.name), store=kind,
        second_model=second_model, files=dict(sorted(files.items())), sentence_count=total,
        next_id=next_id, built_at=now,
    )
    table = SentenceTable(sorted(kept + fresh, key=lambda s: (s.source, s.start)))
    return CorpusIndex(corpus, manifest, table, store, embedder, second, second_embedder)


def _restore(old: VectorStore | None, kind: str, dim: int) -> FaissStore:
    """An empty store of `kind`, holding the vectors of `old` if there was one."""
    store = FaissStore(dim, kind)
    if old is not None and len(old):
        store.add(*old.export())
    return store


def _embed_into(
    targets: list[tuple[VectorStore, Embedder]], sentences: list[Sentence], batch: int,
    progress: Progress | None,
) -> None:
    """Encode in chunks straight into each store, so vectors are never held twice."""
    chunk = batch * 16
    if progress:
        progress(0, len(sentences))
    for i in range(0, len(sentences), chunk):
        part = sentences[i : i + chunk]
        texts = [s.text for s in part]
        ids = np.asarray([s.id for s in part], dtype=np.int64)
        for store, embedder in targets:
            store.add(ids, embedder.encode(texts, batch_size=batch, kind="passage"))
        if progress:
            progress(i + len(part), len(sentences))


def _publish(location: Path, index: CorpusIndex) -> None:
    """Write the index as a new version folder, then make it live in one atomic step."""
    location.mkdir(parents=True, exist_ok=True)
    name = f"v{time.time_ns()}-{os.getpid()}"
    staging = location / f".{name}.tmp"
    staging.mkdir()
    try:
        index.store.save(staging / VECTORS)
        if index.second is not None:
            index.second.save(staging / SECOND_VECTORS)
        index.table.save(staging / SENTENCES)
        index.manifest.save(staging / MANIFEST)  # last: its presence marks a complete folder
        _fsync_tree(staging)
        os.replace(staging, location / name)
        pointer_tmp = location / f".{POINTER}.{os.getpid()}.tmp"
        pointer_tmp.write_text(name, encoding="utf-8")
        os.replace(pointer_tmp, location / POINTER)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    for old in location.iterdir():
        if old.is_dir() and old.name != name:
            shutil.rmtree(old, ignore_errors=True)


def _fsync_tree(folder: Path) -> None:
    for path in folder.iterdir():
        with open(path, "rb") as handle:
            os.fsync(handle.fileno())
