"""Build or update the index from a corpus folder: documents -> chunks -> vectors/tokens -> store.

Only new or changed articles are embedded: vectors are reused from the live index when an article's
content hash is unchanged, else taken from the vector cache (keyed by encoder, chunking and content
hash), else computed. Deleted articles are dropped. One writer at a time (a lock file).
"""

from __future__ import annotations

import fcntl
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

from .chunking import ChunkedArticle, ChunkingConfig, chunk_articles
from .documents import Article, load_corpus
from .encoders import BaseEncoder, make_encoder
from .errors import IndexMismatchError, IndexNotFoundError
from .store import ArticleVectors, Store, index_exists, live_generation, remove_stale
from .timing import Stopwatch

Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)`` while indexing; stages: reading, embedding, terms, saving."""


@dataclass
class IndexReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    chunks: int = 0
    embedded_texts: int = 0
    embedded_terms: int = 0
    seconds: float = 0.0
    timings: dict = field(default_factory=dict)  # seconds per stage: cleaning, analysis, embedding, bm25, terms, saving
    store: Store | None = field(default=None, repr=False)  # the live store afterwards (None: no index)

    def summary(self) -> str:
        return (
            f"index: {len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed, {len(self.errors)} failed; {self.chunks} chunks; "
            f"embedded {self.embedded_texts} texts and {self.embedded_terms} terms in {self.seconds:.1f}s"
        )


@contextmanager
def index_lock(index_dir: Path) -> Iterator[None]:
    """Serialise writers of one index folder (blocks until the other writer is done)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / ".lock").open("a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another indexer working on {index_dir} ...", file=sys.stderr)
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def chunk_embedding_text(doc: ChunkedArticle, chunk_index: int) -> str:
    """Chunks are embedded with their article's headline in front, for context."""
    title = doc.article.title
    text = doc.chunks[chunk_index].text
    return f"{title}\n{text}" if title else text


class VectorCache:
    """Per-article vectors on disk, keyed by encoder, how texts are cut (``ChunkingConfig.vectors_key``) and content
    hash."""

    def __init__(self, index_dir: Path, encoder_id: str, chunking: str):
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", encoder_id)
        self.folder = index_dir / "cache" / slug / chunking

    def _path(self, article: Article) -> Path:
        return self.folder / f"{article.content_hash}.npz"

    def get(self, article: Article) -> ArticleVectors | None:
        try:
            with np.load(self._path(article)) as data:
                latent = None
                if "latent_data" in data:
                    latent = sparse.csr_matrix(
                        (data["latent_data"], data["latent_indices"], data["latent_indptr"]),
                        shape=tuple(data["latent_shape"]),
                    )
                return ArticleVectors(data["chunks"], data["sentences"], latent)
        except (OSError, ValueError, KeyError):
            return None

    def put(self, article: Article, vectors: ArticleVectors) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f".{article.content_hash}.{os.getpid()}.tmp.npz"
        arrays = {"chunks": vectors.chunks, "sentences": vectors.sentences}
        if vectors.latent is not None:
            arrays.update(latent_data=vectors.latent.data, latent_indices=vectors.latent.indices,
                          latent_indptr=vectors.latent.indptr, latent_shape=np.array(vectors.latent.shape))
        np.savez(tmp, **arrays)
        os.replace(tmp, self._path(article))


MAX_TERM_VECTORS = 50_000  # most frequent Korean terms embedded for the English bridge


class TermVectorCache:
    """Vectors of single Korean terms for one encoder, in one file (terms embedded once, ever)."""

    def __init__(self, index_dir: Path, encoder_id: str):
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", encoder_id)
        self.path = index_dir / "cache" / slug / "terms.npz"

    def load(self) -> dict[str, np.ndarray]:
        try:
            with np.load(self.path) as data:
                return dict(zip(data["terms"].tolist(), data["vectors"]))
        except (OSError, ValueError, KeyError):
            return {}

    def save(self, vectors: dict[str, np.ndarray]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".terms.{os.getpid()}.tmp.npz")
        np.savez(tmp, terms=np.array(list(vectors), dtype=str), vectors=np.array(list(vectors.values()), dtype=np.float16))
        os.replace(tmp, self.path)


def bridge_terms(store: Store, limit: int = MAX_TERM_VECTORS) -> list[str]:
    """The Hangul terms of the BM25 vocabulary, most frequent first, at most ``limit``."""
    from .bridge import is_hangul_term

    df = store.bm25.document_frequency()
    terms = [t for t in store.bm25.vocab if is_hangul_term(t)]
    terms.sort(key=lambda t: (-df[store.bm25.vocab[t]], t))
    return terms[:limit]


class _Bar:
    """Counts finished items on a tqdm bar (terminal) and reports them to ``progress`` (the UI's bar)."""

    def __init__(self, stage: str, unit: str, total: int, show_progress: bool, progress: Progress | None):
        from tqdm import tqdm

        self.stage, self.total, self.progress, self.done = stage, total, progress, 0
        self.bar = tqdm(total=total, desc=stage, unit=unit, disable=not show_progress)
        self.update(0)

    def update(self, n: int) -> None:
        self.done += n
        self.bar.update(n)
        if self.progress is not None:
            self.progress(self.stage, self.done, self.total)

    def __enter__(self) -> _Bar:
        return self

    def __exit__(self, *exc) -> None:
        self.bar.close()


def embed_terms(store: Store, encoder: BaseEncoder, cache: TermVectorCache, show_progress: bool,
                progress: Progress | None = None) -> int:
    """Give the store the vectors of its bridge terms (encoders that can translate single words only);
    returns how many terms had to be embedded."""
    if encoder.term_similarity_floor is None:
        return 0
    terms = bridge_terms(store)
    known = cache.load()
    todo = [t for t in terms if t not in known]
    if todo:
        with _Bar("terms", "term", len(todo), show_progress, progress) as bar:
            known.update(zip(todo, encoder.encode(todo, is_query=True, progress=bar.update)))
        cache.save(known)
    store.terms = terms
    store.term_vectors = np.array([known[t] for t in terms], dtype=np.float32).reshape(len(terms), encoder.dim)
    return len(todo)


def _encode_once_each(texts: list[str], encode):
    """``encode`` applied to the distinct texts, rows repeated to match ``texts`` (None if it returns None)."""
    unique = list(dict.fromkeys(texts))
    encoded = encode(unique)
    if encoded is None:
        return None
    row = {text: i for i, text in enumerate(unique)}
    return encoded[[row[t] for t in texts]]


def embed_articles(docs: list[ChunkedArticle], encoder: BaseEncoder, show_progress: bool,
                   progress: Progress | None = None) -> list[ArticleVectors]:
    """Vectors per article, encoded in shared batches with one progress bar; identical texts (a one-sentence
    article's chunk and sentence, repeated sentences) are encoded once."""
    texts: list[str] = []
    sentences: list[str] = []
    for doc in docs:
        texts.extend(chunk_embedding_text(doc, i) for i in range(len(doc.chunks)))
        doc_sentences = [doc.article.text[s.start : s.end] for s in doc.sentences]
        texts.extend(doc_sentences)
        sentences.extend(doc_sentences)
    with _Bar("embedding", "text", len(set(texts)), show_progress, progress) as bar:
        vectors = _encode_once_each(texts, lambda unique: encoder.encode(unique, progress=bar.update))
    latent = _encode_once_each(sentences, encoder.encode_sparse) if sentences else None
    out, pos, spos = [], 0, 0
    for doc in docs:
        nc, ns = len(doc.chunks), len(doc.sentences)
        doc_latent = latent[spos : spos + ns] if latent is not None else None
        out.append(ArticleVectors(vectors[pos : pos + nc], vectors[pos + nc : pos + nc + ns], doc_latent))
        pos += nc + ns
        spos += ns
    return out


def _previous_store(index_dir: Path, encoder: BaseEncoder, chunking: str, report: IndexReport,
                    loaded: Store | None) -> Store | None:
    if not index_exists(index_dir):
        return None
    try:
        if loaded is not None and loaded.folder is not None and loaded.folder.resolve() == live_generation(index_dir).resolve():
            store = loaded
        else:
            store = Store.load(index_dir, encoder_id=encoder.id)
    except (IndexMismatchError, IndexNotFoundError) as exc:
        report.notes.append(f"rebuilding from scratch: {exc}")
        return None
    if store.encoder_id != encoder.id:
        report.notes.append(f"rebuilding: the index was built with {store.encoder_id}")
        return None
    if store.chunking != chunking:
        report.notes.append(f"rebuilding: chunking changed from {store.chunking} to {chunking}")
        return None
    return store


def source_file(source: str) -> str:
    """The corpus file an article came from ("feed.jsonl#3" -> "feed.jsonl")."""
    name, sep, line = source.rpartition("#")
    return name if sep and line.isdigit() and name.lower().endswith(".jsonl") else source


def _new_store(docs: list[ChunkedArticle], vectors: list[ArticleVectors], encoder: BaseEncoder,
               config: ChunkingConfig) -> Store:
    empty = np.zeros((0, encoder.dim), dtype=np.float32)
    latents = [v.latent for v in vectors]
    return Store(
        encoder_id=encoder.id,
        dim=encoder.dim,
        chunking=config.key,
        articles=docs,
        chunk_vectors=np.concatenate([v.chunks for v in vectors]) if docs else empty,
        sentence_vectors=np.concatenate([v.sentences for v in vectors]) if docs else empty,
        sentence_latent=(sparse.vstack(latents, format="csr") if latents and all(x is not None for x in latents)
                         else None),
    )


def update_index(
    corpus_dir: Path,
    index_dir: Path,
    encoder: BaseEncoder | None = None,
    rebuild: bool = False,
    config: ChunkingConfig = ChunkingConfig(),
    show_progress: bool | None = None,
    progress: Progress | None = None,
    loaded: Store | None = None,
) -> IndexReport:
    """Bring the index in ``index_dir`` in line with ``corpus_dir``; see the module docstring.
    ``progress`` receives (stage, done, total) for a UI progress bar. ``loaded``: the store a caller
    already holds; it is used instead of reading the index again when it is the live generation, and
    is left unchanged (the updated store is ``report.store``)."""
    started = time.perf_counter()
    corpus_dir, index_dir = Path(corpus_dir), Path(index_dir)
    show_progress = sys.stderr.isatty() if show_progress is None else show_progress
    encoder = encoder or make_encoder()
    report = IndexReport()
    watch = Stopwatch()
    with index_lock(index_dir):
        if progress is not None:
            progress("reading", 0, 1)
        previous = None if rebuild else _previous_store(index_dir, encoder, config.key, report, loaded)
        known_files = previous.corpus_files if previous is not None else {}
        with watch.stage("cleaning"):  # files whose bytes the index already holds are not read again
            corpus = load_corpus(corpus_dir, lambda name, digest: known_files.get(name) == digest)
        report.errors = corpus.errors
        reused = set(corpus.reused)
        kept = [s for s in previous.layout.sources if source_file(s) in reused] if previous else []
        new_articles: list[Article] = []
        for article in corpus.articles:
            known = previous is not None and article.source in previous.by_source
            if known and previous.content_hash(article.source) == article.content_hash:
                kept.append(article.source)
                continue
            (report.updated if known else report.added).append(article.source)
            new_articles.append(article)
        if previous is not None:
            kept.sort(key=previous.by_source.__getitem__)  # unchanged articles keep their rows
        report.unchanged = kept
        with watch.stage("analysis"):
            fresh = chunk_articles(new_articles, config)
        current = set(report.unchanged) | {a.source for a in new_articles}
        report.removed = sorted(set(previous.by_source) - current) if previous else []
        cache = VectorCache(index_dir, encoder.id, config.vectors_key)
        fresh_vectors = [cache.get(a) for a in new_articles]
        todo = [i for i, v in enumerate(fresh_vectors) if v is None or not v.fits(fresh[i])]
        with watch.stage("embedding"):
            for i, vecs in zip(todo, embed_articles([fresh[i] for i in todo], encoder, show_progress, progress)):
                fresh_vectors[i] = vecs
                cache.put(fresh[i].article, vecs)
                report.embedded_texts += len(fresh[i].chunks) + len(fresh[i].sentences)
        report.chunks = sum(len(d.chunks) for d in fresh) + sum(
            int(previous.layout.chunk_counts[previous.by_source[s]]) for s in kept)
        changed = report.added or report.updated or report.removed or previous is None
        store = previous
        if changed:
            with watch.stage("bm25"):  # building the Store builds or extends the BM25 matrices
                if previous is not None and not report.updated and not report.removed:
                    store = previous.extended(fresh, fresh_vectors)  # only additions: append
                else:
                    docs = [*(previous.articles[previous.by_source[s]] for s in kept), *fresh]
                    vectors = [*(previous.article_vectors(s) for s in kept), *fresh_vectors]
                    store = _new_store(docs, vectors, encoder, config)
            store.corpus_files = corpus.files
            with watch.stage("terms"):
                report.embedded_terms = embed_terms(store, encoder, TermVectorCache(index_dir, encoder.id),
                                                    show_progress, progress)
            with watch.stage("faiss"):
                store.build_saved_indexes()
            if progress is not None:
                progress("saving", 0, 1)
            with watch.stage("saving"):
                store.save(index_dir)
        elif store.folder is not None:
            # a save killed after switching to its new generation left the old one behind: nothing else
            # would remove it while the corpus stays as it is
            remove_stale(index_dir, keep=store.folder.name)
        report.store = store
    report.seconds = time.perf_counter() - started
    report.timings = dict(watch.seconds)
    return report
