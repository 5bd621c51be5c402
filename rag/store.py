"""The index on disk and in memory: chunk metadata, dense vectors (FAISS), BM25 state, manifest.

Layout of an index folder::

    CURRENT            name of the live generation (replaced atomically)
    gen-<id>/          one complete, immutable index: manifest.json, articles.jsonl,
                       chunk_vectors.npy, sentence_vectors.npy, sentence_latent.npz, bm25_tf.npz,
                       bm25_vocab.json, terms.json + term_vectors.npy (Korean terms for the bridge),
                       chunk.faiss / sentence.faiss (HNSW indexes, only above rag.ann.EXACT_MAX vectors)
    cache/             vectors by article content hash and by term, so re-indexing only embeds what changed
    .lock              held by whoever writes

A save writes a new generation next to the live one and then swaps CURRENT with ``os.replace``, so
a crash at any moment leaves the previous index loadable. The manifest records the format version,
encoder, chunking, the content hash of every article and a SHA-256 of every file.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

from . import ann
from .chunking import Chunk, ChunkedArticle, Sentence
from .documents import Article
from .errors import IndexMismatchError, IndexNotFoundError
from .lexical import BM25Index

FORMAT_VERSION = 3  # 3: Kiwi without its multi-word dictionary (search tokens changed)
DENSE_KINDS = ("chunk", "sentence")
CURRENT = "CURRENT"
REBUILD_HINT = "rebuild it with `python -m rag index --rebuild`"


@dataclass(frozen=True)
class ArticleVectors:
    """One article's dense chunk and sentence vectors and, when the encoder has them, sentence latent terms."""

    chunks: np.ndarray
    sentences: np.ndarray
    latent: sparse.csr_matrix | None = None

    def fits(self, doc: ChunkedArticle) -> bool:
        return self.chunks.shape[0] == len(doc.chunks) and self.sentences.shape[0] == len(doc.sentences)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
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
        "url": a.url, "language": a.language, "text": a.text, "hash": a.content_hash,
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


@dataclass
class Store:
    """Everything retrieval needs, with flat tables over all articles' chunks and sentences."""

    encoder_id: str
    dim: int
    chunking: str
    articles: list[ChunkedArticle]
    chunk_vectors: np.ndarray
    sentence_vectors: np.ndarray
    sentence_latent: sparse.csr_matrix | None = None
    bm25: BM25Index = field(default=None)  # type: ignore[assignment]
    terms: list[str] = field(default_factory=list)  # Korean terms embedded for the English bridge
    term_vectors: np.ndarray | None = None
    corpus_files: dict[str, str] = field(default_factory=dict)  # corpus file -> digest of the bytes indexed

    def __post_init__(self):
        self.chunks: list[Chunk] = [c for doc in self.articles for c in doc.chunks]
        self.by_source = {doc.article.source: i for i, doc in enumerate(self.articles)}
        self.chunk_article = np.array(
            [i for i, doc in enumerate(self.articles) for _ in doc.chunks], dtype=np.int64
        )
        offsets = np.cumsum([0] + [len(doc.sentences) for doc in self.articles])
        self.sentence_offset = offsets[:-1]
        self.chunk_sentences = np.array(
            [[offsets[i] + c.first, offsets[i] + c.last] for i, doc in enumerate(self.articles) for c in doc.chunks],
            dtype=np.int64,
        ).reshape(-1, 2)
        self.sentence_first_chunk = np.zeros(int(offsets[-1]), dtype=np.int64)
        for c in range(len(self.chunks) - 1, -1, -1):
            self.sentence_first_chunk[self.chunk_sentences[c, 0] : self.chunk_sentences[c, 1] + 1] = c
        self.sentence_article = np.repeat(np.arange(len(self.articles)), np.diff(offsets)).astype(np.int64)
        n_sent = int(offsets[-1])
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

    # ---- lookups -------------------------------------------------------------------------
    def article_of_chunk(self, chunk_idx: int) -> ChunkedArticle:
        return self.articles[int(self.chunk_article[chunk_idx])]

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
        c0 = int(np.searchsorted(self.chunk_article, i))
        s0 = int(self.sentence_offset[i])
        doc = self.articles[i]
        s1 = s0 + len(doc.sentences)
        latent = self.sentence_latent[s0:s1] if self.sentence_latent is not None else None
        return ArticleVectors(self.chunk_vectors[c0 : c0 + len(doc.chunks)], self.sentence_vectors[s0:s1], latent)

    def vectors(self, kind: str) -> np.ndarray:
        if kind not in DENSE_KINDS:
            raise ValueError(f"kind must be one of {DENSE_KINDS}, got {kind!r}")
        return self.chunk_vectors if kind == "chunk" else self.sentence_vectors

    def dense_index(self, kind: str):
        """FAISS index over 'chunk' or 'sentence' vectors, exact or HNSW by size (``rag.ann``); loaded
        with the index when it was saved, else built on first use."""
        if kind not in self._dense:
            self._dense[kind] = ann.build(self.vectors(kind))
        return self._dense[kind]

    def extended(self, docs: list[ChunkedArticle], vectors: list[ArticleVectors]) -> Store:
        """This store with articles appended, without rebuilding what exists: vectors are stacked, the
        BM25 matrices and the saved (HNSW) FAISS indexes grow in place, so this store must not be used
        afterwards. Indexes that stay exact are rebuilt on first use, which is cheap."""
        latent = None
        if self.sentence_latent is not None and all(v.latent is not None for v in vectors):
            latent = sparse.vstack([self.sentence_latent, *(v.latent for v in vectors)], format="csr")
        self.bm25.add([doc.chunk_tokens(c) for doc in docs for c in doc.chunks])
        store = Store(
            self.encoder_id, self.dim, self.chunking, self.articles + list(docs),
            np.concatenate([self.chunk_vectors, *(v.chunks for v in vectors)]),
            np.concatenate([self.sentence_vectors, *(v.sentences for v in vectors)]),
            latent, self.bm25, self.terms, self.term_vectors, dict(self.corpus_files),
        )
        for kind, index in self._dense.items():
            if kind in self.saved_index_kinds() and kind in store.saved_index_kinds():
                index.add(np.ascontiguousarray(store.vectors(kind)[self.vectors(kind).shape[0]:], dtype=np.float32))
                store._dense[kind] = index
        return store

    def saved_index_kinds(self) -> list[str]:
        """The dense indexes large enough to be saved with the store (HNSW), not rebuilt at load."""
        return [kind for kind in DENSE_KINDS if not ann.is_exact(self.vectors(kind).shape[0])]

    def build_saved_indexes(self) -> None:
        for kind in self.saved_index_kinds():
            self.dense_index(kind)

    # ---- persistence ---------------------------------------------------------------------
    def manifest(self) -> dict:
        return {
            "format_version": FORMAT_VERSION,
            "encoder": {"id": self.encoder_id, "dim": self.dim},
            "chunking": self.chunking,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "counts": {"articles": len(self.articles), "chunks": len(self.chunks),
                       "sentences": int(self.sentence_vectors.shape[0])},
            "articles": {d.article.source: {"hash": d.article.content_hash, "chunks": len(d.chunks)}
                         for d in self.articles},
            "corpus_files": self.corpus_files,
        }

    def save(self, index_dir: Path) -> Path:
        """Write a new generation and make it live atomically; returns its folder."""
        index_dir = Path(index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        name = f"gen-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
        tmp = index_dir / f".tmp-{name}"
        tmp.mkdir()
        try:
            with (tmp / "articles.jsonl").open("w", encoding="utf-8") as fh:
                for doc in self.articles:
                    fh.write(json.dumps(_article_record(doc), ensure_ascii=False) + "\n")
            np.save(tmp / "chunk_vectors.npy", self.chunk_vectors.astype(np.float32))
            np.save(tmp / "sentence_vectors.npy", self.sentence_vectors.astype(np.float32))
            files = ["articles.jsonl", "chunk_vectors.npy", "sentence_vectors.npy", *self.bm25.save(tmp)]
            if self.sentence_latent is not None:
                sparse.save_npz(tmp / "sentence_latent.npz", self.sentence_latent, compressed=False)
                files.append("sentence_latent.npz")
            for kind in self.saved_index_kinds():  # so that loading does not rebuild them
                ann.save(self.dense_index(kind), tmp / f"{kind}.faiss")
                files.append(f"{kind}.faiss")
            if self.term_vectors is not None:
                (tmp / "terms.json").write_text(json.dumps(self.terms, ensure_ascii=False), encoding="utf-8")
                np.save(tmp / "term_vectors.npy", self.term_vectors.astype(np.float16))
                files += ["terms.json", "term_vectors.npy"]
            manifest = self.manifest()
            manifest["files"] = {f: _sha256(tmp / f) for f in files}
            (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
            for f in [*files, "manifest.json"]:
                _fsync_path(tmp / f)
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
                if not path.exists() or _sha256(path) != digest:
                    raise IndexMismatchError(f"index file {path} is missing or damaged (checksum mismatch); {REBUILD_HINT}")
        try:
            with (folder / "articles.jsonl").open(encoding="utf-8") as fh:
                articles = [_article_from_record(json.loads(line)) for line in fh]
            store = cls(
                encoder_id=built_with,
                dim=int(manifest["encoder"]["dim"]),
                chunking=manifest["chunking"],
                articles=articles,
                chunk_vectors=np.load(folder / "chunk_vectors.npy"),
                sentence_vectors=np.load(folder / "sentence_vectors.npy"),
                sentence_latent=(sparse.load_npz(folder / "sentence_latent.npz").tocsr()
                                 if (folder / "sentence_latent.npz").exists() else None),
                bm25=BM25Index.load(folder),
                **_load_terms(folder),
                corpus_files=manifest.get("corpus_files", {}),
            )
            for kind in DENSE_KINDS:
                if (folder / f"{kind}.faiss").exists():
                    store._dense[kind] = ann.load(folder / f"{kind}.faiss")
            return store
        except (OSError, ValueError, KeyError, RuntimeError) as exc:  # RuntimeError: FAISS
            raise IndexMismatchError(f"cannot read the index in {folder} ({exc}); {REBUILD_HINT}") from exc


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
