"""Open the index of a corpus: reuse it, update it incrementally, or build it — atomically.

Layout of one corpus's index folder:

    <index_dir>/<corpus-name>-<hash of its path>/
        CURRENT              name of the live manifest version (replaced atomically)
        v<time>-<pid>.json   a manifest: files, segments, tombstoned id ranges
        segments/s<time>-<pid>/  sentences.json, vectors.faiss [, second.faiss] [, context.npy]

An update writes one new segment with the sentences of added or changed articles and a new
manifest, then makes it live with one `os.replace` of CURRENT. Old segments are never
rewritten, so a build that dies half-way leaves the previous index usable, and adding an
article costs time in proportion to the article.
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

from .context import ContextTable, ContextVectors, context_texts
from .embed import Embedder, get_embedder, model_dim, resolve_second_model
from .errors import CorpusError
from .ingest import Article, scan_corpus
from .manifest import FORMAT_VERSION, INGEST_VERSION, FileEntry, Manifest, SegmentEntry
from .segment import Span, collapse_whitespace, split_sentences
from .segments import SegmentData, SegmentedStore, is_deleted, live_sentences
from .settings import IndexSettings
from .store import FaissStore, choose_kind
from .table import Sentence, SentenceTable

# Below this much new text, starting worker processes costs more than it saves (2 cores:
# 100 SQuAD paragraphs, 70k characters, split in 0.36 s alone and 0.50 s on workers; 400
# paragraphs, 280k characters, in 1.26 s alone and 1.00 s on workers).
PARALLEL_SEGMENT_ABOVE_CHARS = 200_000

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (sentences embedded so far, sentences to embed)
POINTER = "CURRENT"
SEGMENTS = "segments"
# Merge all segments into one when this share of ids is tombstoned or there are this many.
COMPACT_DEAD_SHARE = 0.3
COMPACT_SEGMENTS = 12


@dataclass
class CorpusIndex:
    """A loaded index: manifest, sentence table and vector stores."""

    corpus: Path
    manifest: Manifest
    table: SentenceTable
    store: SegmentedStore
    embedder: Embedder
    context: ContextVectors | None  # each sentence after the one before it, under the first model
    second: SegmentedStore | None = None  # the same sentences under the second-stage model
    second_embedder: Embedder | None = None


@dataclass
class BuildReport:
    """What opening the index did."""

    action: str  # "reused", "updated", "built"
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the scan's: skipped files, guessed encodings
    embedded: int = 0
    notes: list[str] = field(default_factory=list)


def say_warnings(warnings: list[str]) -> None:
    """Tell the user the scan's warnings (skipped files, guessed encodings), one line each."""
    for warning in warnings:
        log.warning(warning)


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
    manifest, report = update_index(settings, rebuild=rebuild, progress=progress)
    try:
        return load_index(settings, manifest), report
    except Exception as exc:  # a damaged segment: rebuild once from the articles
        log.warning("index segments unreadable (%s); rebuilding", exc)
        manifest, report = update_index(settings, rebuild=True, progress=progress)
        report.notes.append(f"index at {index_location(settings)} was unreadable; rebuilt")
        return load_index(settings, manifest), report


def update_index(
    settings: IndexSettings, *, rebuild: bool = False, progress: Progress | None = None
) -> tuple[Manifest, BuildReport]:
    """Bring the on-disk index up to date with the corpus; returns the live manifest."""
    corpus = settings.corpus.resolve()
    scan = scan_corpus(settings.corpus)
    if not scan.articles:
        why = f" ({len(scan.skipped)} files skipped)" if scan.skipped else ""
        say_warnings(scan.warnings)
        raise CorpusError(f"no usable .txt articles in {settings.corpus}{why}")
    location = index_location(settings)
    report = BuildReport(action="built", skipped=scan.skipped, warnings=scan.warnings)
    previous = None if rebuild else _live_manifest(location, settings, report)
    articles = {a.source: a for a in scan.articles}
    if previous is not None:
        old = previous.files
        report.added = sorted(s for s in articles if s not in old)
        report.changed = sorted(s for s in articles if s in old and old[s].sha256 != articles[s].sha256)
        report.removed = sorted(s for s in old if s not in articles)
        if not (report.added or report.changed or report.removed):
            # Said when the index was built: every question would repeat it.
            report.action = "reused"
            return previous, report
        report.action = "updated"
    else:
        report.added = sorted(articles)
    say_warnings(scan.warnings)

    manifest = _write_update(settings, corpus, location, previous, articles, report, progress)
    if _needs_compaction(manifest):
        manifest = _compact(settings, location, manifest)
        report.notes.append("index segments compacted")
    _publish(location, manifest)
    return manifest, report


def load_index(settings: IndexSettings, manifest: Manifest) -> CorpusIndex:
    """Read every live segment of a manifest into a searchable index."""
    location = index_location(settings)
    second_dim = model_dim(manifest.second_model) if manifest.second_model else None
    segments = [
        SegmentData.load(
            location / SEGMENTS / seg.name, manifest.dim, seg.store, second_dim, manifest.context_vectors
        )
        for seg in manifest.segments
    ]
    table = live_sentences(segments, manifest.deleted)
    if len(table) != manifest.sentence_count:
        raise ValueError("sentence count differs from the manifest")
    store = SegmentedStore([s.store for s in segments], manifest.deleted)
    second = SegmentedStore([s.second for s in segments], manifest.deleted) if second_dim else None
    return CorpusIndex(
        Path(manifest.corpus), manifest, table, store, get_embedder(manifest.model),
        ContextVectors([s.context for s in segments]) if manifest.context_vectors else None,
        second, get_embedder(manifest.second_model) if manifest.second_model else None,
    )


def _live_manifest(location: Path, settings: IndexSettings, report: BuildReport) -> Manifest | None:
    """The live manifest if its index can be updated for these settings, else None (with a note)."""
    pointer = location / POINTER
    if not pointer.exists():
        return None
    try:
        manifest = Manifest.load(location / pointer.read_text(encoding="utf-8").strip())
    except Exception as exc:  # any damage means the same thing: rebuild from the articles
        report.notes.append(f"index at {location} is unreadable ({exc.__class__.__name__}); rebuilding")
        return None
    if (manifest.format_version, manifest.ingest_version) != (FORMAT_VERSION, INGEST_VERSION):
        report.notes.append("index was made by another quotebot version; rebuilding")
        return None
    if manifest.model != settings.model:
        report.notes.append(f"model changed ({manifest.model} → {settings.model}); rebuilding")
        return None
    second_model = resolve_second_model(settings.second_model)
    if manifest.second_model != second_model:
        report.notes.append(f"second-stage model changed ({manifest.second_model} → {second_model}); rebuilding")
        return None
    if manifest.context_vectors != settings.context_vectors:
        report.notes.append(f"context_vectors changed to {settings.context_vectors}; rebuilding")
        return None
    missing = [s.name for s in manifest.segments if not (location / SEGMENTS / s.name).is_dir()]
    if missing:
        report.notes.append(f"index at {location} lost segment {missing[0]}; rebuilding")
        return None
    return manifest


def _write_update(
    settings: IndexSettings, corpus: Path, location: Path, previous: Manifest | None,
    articles: dict[str, Article], report: BuildReport, progress: Progress | None,
) -> Manifest:
    """Embed added and changed articles into one new segment; tombstone what they replace."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    embedder = get_embedder(settings.model)
    second_model = resolve_second_model(settings.second_model)
    dead = set(report.changed) | set(report.removed)
    if previous is not None:
        files = {k: v for k, v in previous.files.items() if k not in dead}
        deleted = list(previous.deleted) + [
            (e.first_id, e.first_id + e.sentences) for k, e in previous.files.items() if k in dead and e.sentences
        ]
        segments, next_id = list(previous.segments), previous.next_id
    else:
        files, deleted, segments, next_id = {}, [], [], 0

    fresh: list[Sentence] = []
    sources = sorted(set(report.added) | set(report.changed))
    for source, spans in zip(sources, _segment_all([articles[s].text for s in sources])):
        article = articles[source]
        files[source] = FileEntry(sha256=article.sha256, sentences=len(spans), indexed_at=now, first_id=next_id)
        for span in spans:
            text = collapse_whitespace(article.text[span.start : span.end])
            fresh.append(Sentence(next_id, source, span.line, span.start, span.end, text))
            next_id += 1
    total = sum(e.sentences for e in files.values())
    if total == 0:
        raise CorpusError(f"no sentences found in the articles of {settings.corpus}")

    if fresh:
        kind = choose_kind(settings.index_type, len(fresh), settings.approximate_above)
        segment = SegmentData(fresh, FaissStore(embedder.dim, kind), None, None)
        texts = [s.text for s in fresh]
        targets = [(segment.store, embedder, texts)]
        if settings.context_vectors:
            segment.context = ContextTable(embedder.dim)
            targets.append((segment.context, embedder, context_texts(fresh)))
        if second_model:
            segment.second = FaissStore(model_dim(second_model), "flat")
            targets.append((segment.second, get_embedder(second_model), texts))
        _embed_into(targets, [s.id for s in fresh], settings.batch_size, progress)
        segments.append(_save_segment(location, segment, kind))
    report.embedded = len(fresh)
    # A segment whose every id is tombstoned holds nothing live: drop it and its tombstones.
    segments = [s for s in segments if not _all_dead(s, deleted)]
    deleted = [(a, b) for a, b in deleted if any(s.first_id < b and a < s.end_id for s in segments)]
    return Manifest(
        corpus=str(corpus), model=embedder.name, dim=model_dim(embedder.name),
        store=choose_kind(settings.index_type, total, settings.approximate_above),
        second_model=second_model, context_vectors=settings.context_vectors,
        files=dict(sorted(files.items())), segments=segments, deleted=sorted(deleted),
        sentence_count=total, next_id=next_id, built_at=now,
    )


def _segment_all(texts: list[str]) -> list[list[Span]]:
    """Sentence spans of each text; much text is split on every core (pysbd is pure Python:
    ~13% of a MiniLM build when run alone)."""
    workers = min(os.cpu_count() or 1, 4)
    if workers < 2 or sum(map(len, texts)) < PARALLEL_SEGMENT_ABOVE_CHARS:
        return [split_sentences(t) for t in texts]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver, not fork: the Discord bot rebuilds from a worker thread, and forking a
    # threaded process can copy a held lock into the child.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("forkserver")) as pool:
        return list(pool.map(split_sentences, texts, chunksize=max(1, len(texts) // (workers * 8))))


def _all_dead(segment: SegmentEntry, deleted: list[tuple[int, int]]) -> bool:
    ids = np.arange(segment.first_id, segment.end_id, dtype=np.int64)
    return bool(is_deleted(ids, deleted).all())


def _needs_compaction(manifest: Manifest) -> bool:
    span = sum(s.end_id - s.first_id for s in manifest.segments)
    dead = span - manifest.sentence_count
    return len(manifest.segments) > COMPACT_SEGMENTS or (span and dead / span > COMPACT_DEAD_SHARE)


def _compact(settings: IndexSettings, location: Path, manifest: Manifest) -> Manifest:
    """Merge every segment's live rows into one new segment (vectors are copied, not re-embedded)."""
    index = load_index(settings, manifest)
    ids = np.asarray([s.id for s in index.table.sentences], dtype=np.int64)
    kind = choose_kind(settings.index_type, len(ids), settings.approximate_above)
    merged = SegmentData(list(index.table.sentences), FaissStore(index.embedder.dim, kind), None, None)
    pairs = [(index.store, merged.store)]
    if index.context is not None:
        merged.context = ContextTable(index.embedder.dim)
        pairs.append((index.context, merged.context))
    if index.second is not None:
        merged.second = FaissStore(model_dim(manifest.second_model), "flat")
        pairs.append((index.second, merged.second))
    for source, target in pairs:
        for start in range(0, len(ids), 65536):
            chunk = ids[start : start + 65536]
            target.add(chunk, source.vectors(chunk))
    entry = _save_segment(location, merged, kind)
    return manifest.model_copy(update={"segments": [entry], "deleted": [], "store": kind})


def _save_segment(location: Path, segment: SegmentData, kind: str) -> SegmentEntry:
    """Write a segment beside the live ones (staged, then renamed into place)."""
    name = f"s{time.time_ns()}-{os.getpid()}"
    folder = location / SEGMENTS
    staging = folder / f".{name}.tmp"
    try:
        segment.save(staging)
        _fsync_tree(staging)
        os.replace(staging, folder / name)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    ids = [s.id for s in segment.sentences]
    return SegmentEntry(name=name, first_id=min(ids), end_id=max(ids) + 1, store=kind, sentences=len(ids))


def _embed_into(
    targets: list[tuple[FaissStore | ContextTable, Embedder, list[str]]], ids: list[int], batch: int,
    progress: Progress | None,
) -> None:
    """Encode each target's texts (one per id) in chunks straight into its store, so vectors are
    never held twice. A text repeated within a chunk (one wire story in several articles) is
    encoded once."""
    chunk = batch * 16
    if progress:
        progress(0, len(ids))
    for i in range(0, len(ids), chunk):
        part = np.asarray(ids[i : i + chunk], dtype=np.int64)
        for store, embedder, texts in targets:
            unique: dict[str, int] = {}
            rows = np.asarray([unique.setdefault(t, len(unique)) for t in texts[i : i + chunk]], dtype=np.int64)
            store.add(part, embedder.encode(list(unique), batch_size=batch, kind="passage")[rows])
        if progress:
            progress(i + len(part), len(ids))


def _publish(location: Path, manifest: Manifest) -> None:
    """Make `manifest` live in one atomic step, then drop what no manifest refers to."""
    location.mkdir(parents=True, exist_ok=True)
    name = f"v{time.time_ns()}-{os.getpid()}.json"
    staged = location / f".{name}.tmp"
    manifest.save(staged)
    _fsync_file(staged)
    os.replace(staged, location / name)
    pointer = location / f".{POINTER}.{os.getpid()}.tmp"
    pointer.write_text(name, encoding="utf-8")
    _fsync_file(pointer)
    os.replace(pointer, location / POINTER)
    live = {s.name for s in manifest.segments}
    for old in location.glob("v*"):
        if old.name != name:
            shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
    for old in (location / SEGMENTS).iterdir() if (location / SEGMENTS).is_dir() else []:
        if old.name not in live and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_tree(folder: Path) -> None:
    for path in folder.iterdir():
        _fsync_file(path)
