"""The index on disk and in memory: chunk metadata, dense vectors (FAISS), BM25 state, manifest.

Layout of an index folder::

    CURRENT            name of the live generation (replaced atomically)
    gen-<id>/          one complete index: manifest.json, the files of its segments, bm25_vocab.json,
                       terms.json + term_vectors.npy (Korean terms for the English bridge) and
                       chunk.faiss / sentence.faiss (HNSW graphs, only above rag.ann.EXACT_MAX vectors)
    cache/             vectors by article content hash and by term, so re-indexing only embeds what changed
    .lock              held by whoever writes

A *segment* is a run of articles saved together and never changed afterwards: ``<seg>.articles.jsonl``
(one article per line), ``<seg>.layout.npz`` (sources, hashes, sentence and chunk boundaries, line
offsets), its chunk and sentence vectors, sentence latent terms and BM25 term frequencies. Adding
articles writes one new segment and hard-links the existing ones into the new generation, so its cost
does not grow with the index; past ``MAX_SEGMENTS`` they are merged into one.

A save writes a new generation next to the live one and then swaps CURRENT with ``os.replace``, so a
crash at any moment leaves the previous index loadable. The manifest records the format version,
encoder, chunking, segments and an xxh3-128 checksum of every file, verified at load.

Loading reads no article: the layout tables give every offset, and an article is decoded from its line
when it is first needed (a bounded cache keeps the recent ones). Vectors stay in their files; a search
reads the rows it rescores.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import threading
import time
import uuid
import weakref
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

from . import ann
from .chunking import Chunk, ChunkedArticle, Sentence
from .documents import Article
from .errors import IndexMismatchError, IndexNotFoundError
from .lexical import BM25Index, load_part, save_part

FORMAT_VERSION = 4  # 4: segments shared between generations, lazily decoded articles, xxh3 checksums
DENSE_KINDS = ("chunk", "sentence")
CURRENT = "CURRENT"
REBUILD_HINT = "rebuild it with `python -m rag index --rebuild`"
MAX_SEGMENTS = 8
DECODED_CACHE = 2048  # articles kept decoded


@dataclass(frozen=True)
class ArticleVectors:
    """One article's dense chunk and sentence vectors and, when the encoder has them, sentence latent terms."""

    chunks: np.ndarray
    sentences: np.ndarray
    latent: sparse.csr_matrix | None = None

    def fits(self, doc: ChunkedArticle) -> bool:
        return self.chunks.shape[0] == len(doc.chunks) and self.sentences.shape[0] == len(doc.sentences)


def checksum(path: Path) -> str:
    import xxhash

    digest = xxhash.xxh3_128()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 23), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _article_record(doc: ChunkedArticle) -> dict:
    a = doc.article
    return {
        "source": a.source, "title": a.title, "outlet": a.outlet, "author": a.author, "date": a.date,
        "url": a.url, "language": a.language, "text": a.text,
        "sentences": [[s.start, s.end, list(s.tokens)] for s in doc.sentences],
        "chunks": [[c.start, c.end, c.first, c.last] for c in doc.chunks],
    }


def _article_from_record(rec: dict) -> ChunkedArticle:
    fields = ("source", "text", "title", "outlet", "author", "date", "url", "language")
    article = Article(**{k: rec[k] for k in fields})
    sentences = tuple(Sentence(s, e, tuple(map(sys.intern, toks))) for s, e, toks in rec["sentences"])  # one str per term
    chunks = tuple(
        Chunk(f"{article.source}::{i}", article.source, s, e, article.text[s:e], first, last)
        for i, (s, e, first, last) in enumerate(rec["chunks"])
    )
    return ChunkedArticle(article, sentences, chunks)


_TEXT_FIELDS = ("sources", "hashes", "text_hashes")
_COUNT_FIELDS = ("sentence_counts", "chunk_counts", "chunk_first", "chunk_last")


@dataclass(frozen=True)
class Layout:
    """Per-article and per-chunk tables: everything the store needs to know without decoding articles."""

    sources: list[str]
    hashes: list[str]  # content hashes (text and metadata): what the vector cache is keyed by
    text_hashes: list[str]  # hashes of the text alone: what makes an upload a duplicate
    sentence_counts: np.ndarray  # per article
    chunk_counts: np.ndarray  # per article
    chunk_first: np.ndarray  # per chunk: first and last sentence, numbered within the article
    chunk_last: np.ndarray

    @classmethod
    def of(cls, docs: Sequence[ChunkedArticle]) -> Layout:
        return cls(
            [d.article.source for d in docs], [d.article.content_hash for d in docs],
            [d.article.text_hash for d in docs],
            np.array([len(d.sentences) for d in docs], dtype=np.int64),
            np.array([len(d.chunks) for d in docs], dtype=np.int64),
            np.array([c.first for d in docs for c in d.chunks], dtype=np.int64),
            np.array([c.last for d in docs for c in d.chunks], dtype=np.int64),
        )

    @classmethod
    def joined(cls, parts: Sequence[Layout]) -> Layout:
        return cls(
            **{name: [x for p in parts for x in getattr(p, name)] for name in _TEXT_FIELDS},
            **{name: np.concatenate([getattr(p, name) for p in parts]) if parts else np.zeros(0, dtype=np.int64)
               for name in _COUNT_FIELDS},
        )

    def part(self, a0: int, a1: int) -> Layout:
        c0, c1 = int(self.chunk_counts[:a0].sum()), int(self.chunk_counts[:a1].sum())
        return Layout(self.sources[a0:a1], self.hashes[a0:a1], self.text_hashes[a0:a1], self.sentence_counts[a0:a1],
                      self.chunk_counts[a0:a1], self.chunk_first[c0:c1], self.chunk_last[c0:c1])

    def save(self, path: Path, line_starts: np.ndarray) -> None:
        with path.open("wb") as fh:
            np.savez(fh, line_starts=line_starts, **{name: np.array(getattr(self, name), dtype=str) for name in _TEXT_FIELDS},
                     **{name: getattr(self, name) for name in _COUNT_FIELDS})

    @classmethod
    def load(cls, path: Path) -> tuple[Layout, np.ndarray]:
        with np.load(path) as data:
            layout = cls(**{name: data[name].tolist() for name in _TEXT_FIELDS}, **{name: data[name] for name in _COUNT_FIELDS})
            return layout, data["line_starts"]


class _Lazy(Sequence):
    """A sequence whose items are made on demand by ``_item(i)``, ``0 <= i < len``; indexed like a list."""

    def _item(self, i: int):
        raise NotImplementedError

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self._item(j) for j in range(*i.indices(len(self)))]
        i = int(i)
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        return self._item(i % len(self))


class SavedArticles(_Lazy):
    """A segment's articles, each read from its JSON line and decoded on first use."""

    def __init__(self, path: Path, line_starts: np.ndarray):
        self.line_starts = line_starts
        self._fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self._fd)
        self._decoded: OrderedDict[int, ChunkedArticle] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.line_starts) - 1

    def line(self, i: int) -> bytes:
        start, end = int(self.line_starts[i]), int(self.line_starts[i + 1])
        return os.pread(self._fd, end - start, start)

    def _item(self, i: int) -> ChunkedArticle:
        with self._lock:
            doc = self._decoded.get(i)
            if doc is not None:
                self._decoded.move_to_end(i)
                return doc
        doc = _article_from_record(json.loads(self.line(i)))
        with self._lock:
            self._decoded[i] = doc
            if len(self._decoded) > DECODED_CACHE:
                self._decoded.popitem(last=False)
        return doc


class Articles(_Lazy):
    """Saved segments' articles followed by articles still in memory, as one sequence."""

    def __init__(self, parts: Sequence[Sequence[ChunkedArticle]]):
        self.parts = [p for p in parts if len(p)]
        self.starts = np.cumsum([0] + [len(p) for p in self.parts])

    def __len__(self) -> int:
        return int(self.starts[-1])

    def _locate(self, i: int) -> tuple[Sequence[ChunkedArticle], int]:
        p = int(np.searchsorted(self.starts, i, side="right")) - 1
        return self.parts[p], i - int(self.starts[p])

    def _item(self, i: int) -> ChunkedArticle:
        part, j = self._locate(i)
        return part[j]

    def __iter__(self) -> Iterator[ChunkedArticle]:
        for part in self.parts:
            yield from part

    def record(self, i: int) -> bytes:
        """Article ``i`` as its saved JSON line."""
        part, j = self._locate(i)
        if isinstance(part, SavedArticles):
            return part.line(j)
        return (json.dumps(_article_record(part[j]), ensure_ascii=False) + "\n").encode("utf-8")

    def __add__(self, docs: Sequence[ChunkedArticle]) -> Articles:
        return Articles([*self.parts, list(docs)])


class Chunks(_Lazy):
    """Every chunk of the store by global number, taken from its (lazily decoded) article."""

    def __init__(self, store: Store):
        self.store = store

    def __len__(self) -> int:
        return len(self.store.chunk_article)

    def _item(self, i: int) -> Chunk:
        a = int(self.store.chunk_article[i])
        return self.store.articles[a].chunks[i - int(self.store.article_first_chunk[a])]


class RowFile:
    """The rows of a saved .npy matrix, read from the file when asked for (runs of consecutive rows in
    one ``pread``) and never held in memory: a search reads a few hundred sentence rows, mostly in runs
    (a chunk's sentences are consecutive). A memory map would not do: the page cache hands out large
    folios, so a thousand scattered rows made the whole file resident. Indexed like the array, by row,
    slice or array of rows."""

    def __init__(self, path: Path):
        with path.open("rb") as fh:
            version = np.lib.format.read_magic(fh)
            read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            shape, fortran, dtype = read_header(fh)
            self.offset = fh.tell()
        if fortran or len(shape) != 2:
            raise ValueError(f"{path.name} is not a row-major matrix")
        self.shape, self.dtype = shape, dtype
        self.row_bytes = shape[1] * dtype.itemsize
        self._fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self._fd)

    def __len__(self) -> int:
        return self.shape[0]

    def _read(self, first: int, count: int) -> np.ndarray:
        data = os.pread(self._fd, count * self.row_bytes, self.offset + first * self.row_bytes)
        if len(data) != count * self.row_bytes:
            raise IndexMismatchError(f"a vector file ends early; {REBUILD_HINT}")
        return np.frombuffer(data, dtype=self.dtype).reshape(count, self.shape[1])

    def __getitem__(self, key):
        n = self.shape[0]
        if isinstance(key, slice):
            start, stop, step = key.indices(n)
            if step == 1:
                return self._read(start, max(stop - start, 0))
            key = np.arange(start, stop, step)
        if np.isscalar(key):
            return self._read(int(key) % n, 1)[0]
        ids = np.asarray(key, dtype=np.int64) % max(n, 1)
        wanted, where = np.unique(ids, return_inverse=True)
        firsts = np.flatnonzero(np.diff(wanted, prepend=-2) != 1)  # where runs of consecutive rows begin
        counts = np.diff(np.append(firsts, len(wanted)))
        size, base = self.row_bytes, self.offset
        data = b"".join(os.pread(self._fd, c * size, base + r * size)
                        for r, c in zip(wanted[firsts].tolist(), counts.tolist()))
        if len(data) != len(wanted) * size:
            raise IndexMismatchError(f"a vector file ends early; {REBUILD_HINT}")
        return np.frombuffer(data, dtype=self.dtype).reshape(len(wanted), self.shape[1])[where]

    def __matmul__(self, other):
        return self[:] @ other

    def __array__(self, dtype=None, copy=None):
        whole = self[:]
        return whole if dtype is None else whole.astype(dtype)


class Rows:
    """Dense arrays or CSR matrices stacked by rows without being copied into one (the rows of several
    segments), indexed like one array: by row, slice or array of rows."""

    def __init__(self, parts: Sequence):
        self.parts = [p for p in parts if p.shape[0]] or list(parts[:1])
        self.starts = np.cumsum([0] + [p.shape[0] for p in self.parts])
        self.sparse = bool(self.parts) and sparse.issparse(self.parts[0])

    @property
    def shape(self) -> tuple[int, int]:
        return int(self.starts[-1]), self.parts[0].shape[1]

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(self.shape[0])
            if step == 1:
                return self._stack([p[max(start - a, 0) : max(stop - a, 0)]
                                    for p, a in zip(self.parts, self.starts) if a < stop and start < a + p.shape[0]]
                                   ) if stop > start else self.parts[0][:0]
            key = np.arange(start, stop, step)
        if np.isscalar(key):
            i = int(key) % self.shape[0]
            p = int(np.searchsorted(self.starts, i, side="right")) - 1
            return self.parts[p][i - int(self.starts[p])]
        ids = np.asarray(key, dtype=np.int64) % max(self.shape[0], 1)
        owner = np.searchsorted(self.starts, ids, side="right") - 1
        order = np.argsort(owner, kind="stable")
        pieces = [self.parts[p][ids[order][owner[order] == p] - self.starts[p]] for p in np.unique(owner)]
        stacked = self._stack(pieces) if pieces else self.parts[0][:0]
        return stacked[np.argsort(order)]

    def _stack(self, pieces: list):
        if len(pieces) == 1:
            return pieces[0]
        return sparse.vstack(pieces, format="csr") if self.sparse else np.concatenate(pieces)

    def __matmul__(self, other):
        return self[:] @ other

    def __array__(self, dtype=None, copy=None):
        whole = np.asarray(self[:])
        return whole if dtype is None else whole.astype(dtype)

    def appended(self, parts: Sequence) -> Rows:
        return Rows([*self.parts, *parts])


@dataclass(frozen=True)
class Segment:
    """A run of articles saved together: counts, and the checksum of each of its files."""

    name: str
    articles: int
    chunks: int
    sentences: int
    files: dict[str, str]


@dataclass
class Store:
    """Everything retrieval needs, with flat tables over all articles' chunks and sentences."""

    encoder_id: str
    dim: int
    chunking: str
    articles: Sequence[ChunkedArticle]
    chunk_vectors: np.ndarray
    sentence_vectors: np.ndarray
    sentence_latent: sparse.csr_matrix | None = None
    bm25: BM25Index = field(default=None)  # type: ignore[assignment]
    terms: list[str] = field(default_factory=list)  # Korean terms embedded for the English bridge
    term_vectors: np.ndarray | None = None
    corpus_files: dict[str, str] = field(default_factory=dict)  # corpus file -> digest of the bytes indexed
    layout: Layout = field(default=None)  # type: ignore[assignment]
    segments: list[Segment] = field(default_factory=list)  # saved segments, covering the first rows
    folder: Path | None = None  # the generation holding the saved segments' files

    def __post_init__(self):
        if not isinstance(self.articles, Articles):
            self.articles = Articles([list(self.articles)])
        if self.layout is None:
            self.layout = Layout.of(self.articles)
        layout = self.layout
        self.by_source = {s: i for i, s in enumerate(layout.sources)}
        self.chunk_article = np.repeat(np.arange(len(layout.sources)), layout.chunk_counts).astype(np.int64)
        self.article_first_chunk = np.concatenate([[0], np.cumsum(layout.chunk_counts)])[:-1].astype(np.int64)
        offsets = np.concatenate([[0], np.cumsum(layout.sentence_counts)]).astype(np.int64)
        self.sentence_offset = offsets[:-1]
        self.chunk_sentences = np.stack(
            [offsets[:-1][self.chunk_article] + layout.chunk_first, offsets[:-1][self.chunk_article] + layout.chunk_last],
            axis=1).reshape(-1, 2).astype(np.int64)
        n_sent = int(offsets[-1])
        self.sentence_first_chunk = np.searchsorted(self.chunk_sentences[:, 1], np.arange(n_sent), side="left")
        self.sentence_article = np.repeat(np.arange(len(layout.sources)), layout.sentence_counts).astype(np.int64)
        self.chunks = Chunks(self)
        if len(self.articles) != len(layout.sources):
            raise IndexMismatchError(f"{len(self.articles)} articles but a layout of {len(layout.sources)}; {REBUILD_HINT}")
        if self.chunk_vectors.shape != (len(self.chunks), self.dim):
            raise IndexMismatchError(f"chunk vectors have shape {self.chunk_vectors.shape}, expected "
                                     f"({len(self.chunks)}, {self.dim}); {REBUILD_HINT}")
        if self.sentence_vectors.shape != (n_sent, self.dim):
            raise IndexMismatchError(f"sentence vectors have shape {self.sentence_vectors.shape}, expected "
                                     f"({n_sent}, {self.dim}); {REBUILD_HINT}")
        if self.sentence_latent is not None and self.sentence_latent.shape[0] != n_sent:
            raise IndexMismatchError(f"latent-term rows {self.sentence_latent.shape[0]} != sentences {n_sent}; {REBUILD_HINT}")
        if self.bm25 is None:
            self.bm25 = BM25Index()
            self.bm25.add([doc.chunk_tokens(c) for doc in self.articles for c in doc.chunks])
        if self.bm25.size != len(self.chunks):
            raise IndexMismatchError(f"BM25 holds {self.bm25.size} chunks, the store {len(self.chunks)}; {REBUILD_HINT}")
        if self.term_vectors is not None and self.term_vectors.shape != (len(self.terms), self.dim):
            raise IndexMismatchError(f"term vectors have shape {self.term_vectors.shape}, expected "
                                     f"({len(self.terms)}, {self.dim}); {REBUILD_HINT}")
        self._dense: dict[str, object] = {}
        self._saved_graphs: dict[str, tuple[object, str]] = {}  # kind -> (graph, checksum of its file in folder)

    # ---- lookups -------------------------------------------------------------------------
    def article_of_chunk(self, chunk_idx: int) -> ChunkedArticle:
        return self.articles[int(self.chunk_article[chunk_idx])]

    def content_hash(self, source: str) -> str:
        return self.layout.hashes[self.by_source[source]]

    def sentence(self, sent_idx: int) -> tuple[ChunkedArticle, Sentence]:
        i = int(self.sentence_article[sent_idx])
        doc = self.articles[i]
        return doc, doc.sentences[sent_idx - int(self.sentence_offset[i])]

    def sentence_text(self, sent_idx: int) -> str:
        doc, s = self.sentence(sent_idx)
        return doc.article.text[s.start : s.end]

    def chunk_sentence_ids(self, chunk_idx: int) -> range:
        first, last = self.chunk_sentences[chunk_idx]
        return range(int(first), int(last) + 1)

    def sentence_chunks(self, sent_idx: int) -> list[int]:
        """The chunks (one, or two where chunks overlap) that contain a sentence."""
        c = int(self.sentence_first_chunk[sent_idx])
        out = [c]
        while c + 1 < len(self.chunks) and self.chunk_sentences[c + 1, 0] <= sent_idx <= self.chunk_sentences[c + 1, 1]:
            c += 1
            out.append(c)
        return out

    def article_vectors(self, source: str) -> ArticleVectors:
        """This article's vectors, for reuse when re-indexing."""
        i = self.by_source[source]
        c0 = int(self.article_first_chunk[i])
        s0 = int(self.sentence_offset[i])
        c1, s1 = c0 + int(self.layout.chunk_counts[i]), s0 + int(self.layout.sentence_counts[i])
        latent = self.sentence_latent[s0:s1] if self.sentence_latent is not None else None
        return ArticleVectors(np.asarray(self.chunk_vectors[c0:c1]), np.asarray(self.sentence_vectors[s0:s1]), latent)

    def vectors(self, kind: str) -> np.ndarray:
        if kind not in DENSE_KINDS:
            raise ValueError(f"kind must be one of {DENSE_KINDS}, got {kind!r}")
        return self.chunk_vectors if kind == "chunk" else self.sentence_vectors

    def dense_index(self, kind: str):
        """Search index over 'chunk' or 'sentence' vectors: exact, or an HNSW graph with an exact tail,
        by size (``rag.ann``); loaded with the index when it was saved, else built on first use."""
        if kind not in self._dense:
            index = ann.build(self.vectors(kind))
            self._dense[kind] = index if ann.is_exact(index.ntotal) else ann.Tailed(index, self.vectors(kind)[:0])
        return self._dense[kind]

    def extended(self, docs: list[ChunkedArticle], vectors: list[ArticleVectors]) -> Store:
        """A new store with articles appended, sharing what exists: this one stays valid (searches in
        flight go on). Vectors are stacked, BM25 gets a new part and an HNSW graph a longer exact tail;
        indexes that stay exact are rebuilt on first use, which is cheap."""
        latent = None
        if self.sentence_latent is not None and all(v.latent is not None for v in vectors):
            latent = _rows(self.sentence_latent).appended([v.latent for v in vectors])
        store = Store(
            self.encoder_id, self.dim, self.chunking, self.articles + list(docs),
            _rows(self.chunk_vectors).appended([v.chunks for v in vectors]),
            _rows(self.sentence_vectors).appended([v.sentences for v in vectors]),
            latent, self.bm25.extended([doc.chunk_tokens(c) for doc in docs for c in doc.chunks]),
            self.terms, self.term_vectors, dict(self.corpus_files),
            Layout.joined([self.layout, Layout.of(docs)]), list(self.segments), self.folder,
        )
        for kind, index in self._dense.items():
            if isinstance(index, ann.Tailed):
                store._dense[kind] = index.appended(store.vectors(kind)[self.vectors(kind).shape[0]:])
        store._saved_graphs = dict(self._saved_graphs)
        return store

    def saved_index_kinds(self) -> list[str]:
        """The dense indexes large enough to be saved with the store (HNSW), not rebuilt at load."""
        return [kind for kind in DENSE_KINDS if not ann.is_exact(self.vectors(kind).shape[0])]

    def build_saved_indexes(self) -> None:
        for kind in self.saved_index_kinds():
            self.dense_index(kind)

    # ---- persistence ---------------------------------------------------------------------
    def manifest(self, segments: list[Segment], graphs: dict[str, int]) -> dict:
        return {
            "format_version": FORMAT_VERSION,
            "encoder": {"id": self.encoder_id, "dim": self.dim},
            "chunking": self.chunking,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "counts": {"articles": len(self.articles), "chunks": len(self.chunks),
                       "sentences": int(self.sentence_vectors.shape[0])},
            "segments": [vars(s) for s in segments],
            "graphs": graphs,  # kind -> vectors in the saved HNSW graph (the rest is its exact tail)
            "corpus_files": self.corpus_files,
        }

    def _write_segment(self, folder: Path, a0: int) -> Segment:
        """Articles ``a0..`` (to the end) as a new segment in ``folder``."""
        name = f"seg-{uuid.uuid4().hex[:8]}"
        a1 = len(self.articles)
        c0, c1 = int(self.article_first_chunk[a0]) if a0 < a1 else len(self.chunks), len(self.chunks)
        s0 = int(self.sentence_offset[a0]) if a0 < a1 else int(self.sentence_vectors.shape[0])
        s1 = int(self.sentence_vectors.shape[0])
        starts = [0]
        with (folder / f"{name}.articles.jsonl").open("wb") as fh:
            for i in range(a0, a1):
                line = self.articles.record(i)
                fh.write(line)
                starts.append(starts[-1] + len(line))
        self.layout.part(a0, a1).save(folder / f"{name}.layout.npz", np.array(starts, dtype=np.int64))
        np.save(folder / f"{name}.chunk_vectors.npy", np.asarray(self.chunk_vectors[c0:c1], dtype=np.float32))
        np.save(folder / f"{name}.sentence_vectors.npy", np.asarray(self.sentence_vectors[s0:s1], dtype=np.float32))
        files = ["articles.jsonl", "layout.npz", "chunk_vectors.npy", "sentence_vectors.npy", "bm25_tf.npz"]
        save_part(self.bm25.rows(c0, c1), folder / f"{name}.bm25_tf.npz")
        if self.sentence_latent is not None:
            sparse.save_npz(folder / f"{name}.sentence_latent.npz", self.sentence_latent[s0:s1], compressed=False)
            files.append("sentence_latent.npz")
        paths = [folder / f"{name}.{f}" for f in files]
        for path in paths:
            _fsync_path(path)
        return Segment(name, a1 - a0, c1 - c0, s1 - s0, {p.name: checksum(p) for p in paths})

    def save(self, index_dir: Path) -> Path:
        """Write a new generation and make it live atomically; returns its folder. Saved segments are
        linked from the generation they live in; the articles after them become one new segment."""
        index_dir = Path(index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        name = f"gen-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
        tmp = index_dir / f".tmp-{name}"
        tmp.mkdir()
        try:
            segments = list(self.segments) if len(self.segments) < MAX_SEGMENTS else []
            files: dict[str, str] = {}
            for segment in segments:
                for f, digest in segment.files.items():
                    _link(self.folder / f, tmp / f)
                    files[f] = digest
            covered = sum(s.articles for s in segments)
            if covered < len(self.articles) or not segments:
                segments.append(self._write_segment(tmp, covered))
                files.update(segments[-1].files)
            written = [self.bm25.save_vocab(tmp)]
            if self.term_vectors is not None:
                (tmp / "terms.json").write_text(json.dumps(self.terms, ensure_ascii=False), encoding="utf-8")
                np.save(tmp / "term_vectors.npy", self.term_vectors.astype(np.float16))
                written += ["terms.json", "term_vectors.npy"]
            graphs, saved_graphs = {}, {}
            for kind in self.saved_index_kinds():  # so that loading does not rebuild them
                graph = self.dense_index(kind).graph
                saved = self._saved_graphs.get(kind)
                if saved is not None and saved[0] is graph:
                    _link(self.folder / f"{kind}.faiss", tmp / f"{kind}.faiss")
                    files[f"{kind}.faiss"] = saved[1]
                else:
                    ann.save(graph, tmp / f"{kind}.faiss")
                    written.append(f"{kind}.faiss")
                graphs[kind] = graph.ntotal
            for f in written:
                _fsync_path(tmp / f)
                files[f] = checksum(tmp / f)
            for kind in graphs:
                saved_graphs[kind] = (self.dense_index(kind).graph, files[f"{kind}.faiss"])
            manifest = self.manifest(segments, graphs)
            manifest["files"] = files
            (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
            _fsync_path(tmp / "manifest.json")
            _fsync_path(tmp)  # its entries, links included
            final = index_dir / name
            os.rename(tmp, final)
            _fsync_path(index_dir)
            pointer = index_dir / f".{CURRENT}.{uuid.uuid4().hex[:8]}"
            pointer.write_text(name, encoding="utf-8")
            _fsync_path(pointer)
            os.replace(pointer, index_dir / CURRENT)
            _fsync_path(index_dir)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self.segments, self.folder, self._saved_graphs = segments, final, saved_graphs
        remove_stale(index_dir, keep=name)
        return final

    @classmethod
    def load(cls, index_dir: Path, encoder_id: str | None = None, verify: bool = True) -> Store:
        folder = live_generation(index_dir)
        manifest = read_manifest(folder)
        if manifest.get("format_version") != FORMAT_VERSION:
            raise IndexMismatchError(
                f"the index in {index_dir} has format version {manifest.get('format_version')}, this program "
                f"reads version {FORMAT_VERSION}; {REBUILD_HINT}"
            )
        built_with = manifest["encoder"]["id"]
        if encoder_id is not None and built_with != encoder_id:
            raise IndexMismatchError(
                f"the index in {index_dir} was built with encoder {built_with!r} but {encoder_id!r} is "
                f"configured; {REBUILD_HINT} (or set RAG_ENCODER to match)"
            )
        if verify:
            for name, digest in manifest.get("files", {}).items():
                path = folder / name
                if not path.exists() or checksum(path) != digest:
                    raise IndexMismatchError(f"index file {path} is missing or damaged (checksum mismatch); {REBUILD_HINT}")
        try:
            segments = [Segment(**s) for s in manifest["segments"]]
            layouts, saved, chunk_vectors, sentence_vectors, latents, tf_parts = [], [], [], [], [], []
            for s in segments:
                layout, line_starts = Layout.load(folder / f"{s.name}.layout.npz")
                layouts.append(layout)
                saved.append(SavedArticles(folder / f"{s.name}.articles.jsonl", line_starts))
                chunk_vectors.append(np.load(folder / f"{s.name}.chunk_vectors.npy"))  # a fifth of the rows: kept in memory
                sentence_vectors.append(RowFile(folder / f"{s.name}.sentence_vectors.npy"))
                latent_path = folder / f"{s.name}.sentence_latent.npz"
                latents.append(sparse.load_npz(latent_path).tocsr() if latent_path.exists() else None)
                tf_parts.append(load_part(folder / f"{s.name}.bm25_tf.npz"))
            store = cls(
                encoder_id=built_with,
                dim=int(manifest["encoder"]["dim"]),
                chunking=manifest["chunking"],
                articles=Articles(saved),
                chunk_vectors=_stacked(chunk_vectors),
                sentence_vectors=_stacked(sentence_vectors),
                sentence_latent=_stacked(latents) if latents and all(x is not None for x in latents) else None,
                bm25=BM25Index.load(folder, tf_parts),
                **_load_terms(folder),
                corpus_files=manifest.get("corpus_files", {}),
                layout=Layout.joined(layouts),
                segments=segments,
                folder=folder,
            )
            for kind, rows in manifest.get("graphs", {}).items():
                graph = ann.load(folder / f"{kind}.faiss")
                if graph.ntotal != rows:
                    raise ValueError(f"{kind}.faiss holds {graph.ntotal} vectors, the manifest says {rows}")
                store._dense[kind] = ann.Tailed(graph, store.vectors(kind)[rows:])
                store._saved_graphs[kind] = (graph, manifest["files"][f"{kind}.faiss"])
            return store
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:  # RuntimeError: FAISS
            raise IndexMismatchError(f"cannot read the index in {folder} ({exc}); {REBUILD_HINT}") from exc


def _stacked(parts: list):
    """One segment's rows as they are, several as ``Rows`` (not copied into one array)."""
    return parts[0] if len(parts) == 1 else Rows(parts)


def _rows(rows) -> Rows:
    return rows if isinstance(rows, Rows) else Rows([rows])


def _link(source: Path, target: Path) -> None:
    """Hard-link an immutable file into a new generation (copy where links are not possible)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _load_terms(folder: Path) -> dict:
    if not (folder / "term_vectors.npy").exists():
        return {}
    terms = json.loads((folder / "terms.json").read_text(encoding="utf-8"))
    return {"terms": terms, "term_vectors": np.load(folder / "term_vectors.npy").astype(np.float32)}


def live_generation(index_dir: Path) -> Path:
    pointer = Path(index_dir) / CURRENT
    if not pointer.exists():
        raise IndexNotFoundError(f"no index in {index_dir}; build one with `python -m rag index`")
    folder = Path(index_dir) / pointer.read_text(encoding="utf-8").strip()
    if not folder.is_dir():
        raise IndexMismatchError(f"{pointer} names a missing folder {folder.name}; {REBUILD_HINT}")
    return folder


def read_manifest(folder: Path) -> dict:
    try:
        return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexMismatchError(f"cannot read {folder / 'manifest.json'} ({exc}); {REBUILD_HINT}") from exc


def index_exists(index_dir: Path) -> bool:
    return (Path(index_dir) / CURRENT).exists()


def remove_stale(index_dir: Path, keep: str) -> None:
    """Delete generations other than ``keep`` and temporary folders left by interrupted saves."""
    for path in Path(index_dir).iterdir():
        if path.name == keep:
            continue
        if path.is_dir() and (path.name.startswith("gen-") or path.name.startswith(".tmp-gen-")):
            shutil.rmtree(path, ignore_errors=True)
        elif path.is_file() and path.name.startswith(f".{CURRENT}."):
            path.unlink(missing_ok=True)
