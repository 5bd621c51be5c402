"""BM25 over Kiwi morphemes, as sparse matrices.

Scores are exactly those of rank-bm25's ``BM25Okapi`` (same idf with its epsilon floor, same k1, b),
proven by tests against it, but a query costs one sparse column slice per part instead of a Python loop
over every document. Term frequencies are kept in parts (one per batch of appended documents, as
column-major matrices); only the corpus statistics (document frequencies, lengths) are shared, and
the BM25 weights of a query's terms are computed when it is asked. Appending documents therefore
never touches the existing parts: no re-tokenising, no recomputed weight matrix.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

VOCAB_FILE = "bm25_vocab.json"


class BM25Index:
    """Term-frequency parts (documents x vocabulary) plus the statistics BM25Okapi derives from them."""

    def __init__(self, k1: float = 1.5, b: float = 0.75, epsilon: float = 0.25):
        if k1 <= 0 or not 0 <= b <= 1:
            raise ValueError(f"BM25 needs k1 > 0 and 0 <= b <= 1, got k1={k1}, b={b}")
        self.k1, self.b, self.epsilon = k1, b, epsilon
        self.vocab: dict[str, int] = {}
        self.parts: list[sparse.csc_matrix] = []
        self.offsets: list[int] = []  # first document of each part
        self.df = np.zeros(0, dtype=np.int64)
        self.doc_len = np.zeros(0)
        self.idf = np.zeros(0)
        self._norm = np.zeros(0)
        self._terms_text = ""  # the vocabulary as one string, for ``mentions``
        self._terms_text_size = 0

    @property
    def size(self) -> int:
        return len(self.doc_len)

    def add(self, documents: Sequence[Sequence[str]]) -> None:
        """Append documents (token lists) as a new part."""
        rows, cols, vals = [], [], []
        for row, tokens in enumerate(documents):
            for term, count in Counter(tokens).items():
                rows.append(row)
                cols.append(self.vocab.setdefault(term, len(self.vocab)))
                vals.append(count)
        shape = (len(documents), len(self.vocab))
        self.add_part(sparse.csc_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=shape))

    def extended(self, documents: Sequence[Sequence[str]]) -> BM25Index:
        """A copy with ``documents`` appended as a new part; this index is left as it is."""
        copy = BM25Index(self.k1, self.b, self.epsilon)
        copy.vocab, copy.parts, copy.offsets = dict(self.vocab), list(self.parts), list(self.offsets)
        copy.df, copy.doc_len, copy.idf, copy._norm = self.df, self.doc_len, self.idf, self._norm
        copy.add(documents)
        return copy

    def add_part(self, tf: sparse.spmatrix) -> None:
        """Append a term-frequency matrix whose columns are this index's term ids."""
        tf = sparse.csc_matrix(tf, dtype=np.float32)
        if tf.shape[1] > len(self.vocab):
            raise ValueError(f"term-frequency part has {tf.shape[1]} columns, the vocabulary {len(self.vocab)} terms")
        if tf.shape[0] == 0:
            return
        self.offsets.append(self.size)
        self.parts.append(tf)
        df = np.zeros(len(self.vocab), dtype=np.int64)
        df[: len(self.df)] = self.df
        df[: tf.shape[1]] += np.diff(tf.indptr)
        self.df = df
        self.doc_len = np.concatenate([self.doc_len, np.asarray(tf.sum(axis=1, dtype=np.float64)).ravel()])
        self._refresh()

    def _refresh(self) -> None:
        n_docs = self.size
        df = self.df.astype(np.float64)
        idf = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
        if len(idf):
            idf[idf < 0] = self.epsilon * idf.mean()
        self.idf = idf
        avgdl = self.doc_len.sum() / n_docs if n_docs else 1.0
        self._norm = self.k1 * (1 - self.b + self.b * self.doc_len / avgdl)

    def scores(self, query: Sequence[str], weights: Sequence[float] | None = None) -> np.ndarray:
        """BM25Okapi score of every document for the query tokens (repeats count, unknown terms don't);
        ``weights`` scale each token's contribution (default 1 each)."""
        counts: dict[int, float] = defaultdict(float)
        for i, t in enumerate(query):
            if t in self.vocab:
                counts[self.vocab[t]] += 1.0 if weights is None else float(weights[i])
        out = np.zeros(self.size)
        if not counts or self.size == 0:
            return out
        cols = np.fromiter(counts.keys(), dtype=np.int64)
        qw = self.idf[cols] * np.fromiter(counts.values(), dtype=np.float64)
        for offset, part in zip(self.offsets, self.parts):
            inside = cols < part.shape[1]
            if not inside.any():
                continue
            sub = part[:, cols[inside]]
            rows = sub.indices + offset
            tf = sub.data.astype(np.float64)
            contribution = np.repeat(qw[inside], np.diff(sub.indptr)) * tf * (self.k1 + 1) / (tf + self._norm[rows])
            out += np.bincount(rows, contribution, minlength=self.size)
        return out

    def top_k(self, query: Sequence[str], k: int) -> tuple[np.ndarray, np.ndarray]:
        """(document ids, scores) of the k best documents with a positive score, best first."""
        scores = self.scores(query)
        positive = np.flatnonzero(scores > 0)
        if positive.size > k:
            positive = positive[np.argpartition(-scores[positive], k - 1)[:k]]
        order = positive[np.lexsort((positive, -scores[positive]))]
        return order, scores[order]

    def document_frequency(self) -> np.ndarray:
        """Number of documents containing each vocabulary term (by term id)."""
        return self.df

    def mentions(self, word: str) -> bool:
        """Whether the corpus uses ``word``: as a term, or inside one (Kiwi may keep "야오순위" whole in the
        text and split it in a question)."""
        if word in self.vocab:
            return True
        if self._terms_text_size != len(self.vocab):
            self._terms_text, self._terms_text_size = "\n".join(self.vocab), len(self.vocab)
        return word in self._terms_text

    def known_fraction(self, query: Sequence[str]) -> float:
        """Share of the query's tokens that occur in the indexed vocabulary."""
        return sum(t in self.vocab for t in query) / len(query) if query else 0.0

    def rows(self, start: int, stop: int) -> sparse.csc_matrix:
        """Term frequencies of documents ``start..stop-1`` (one part as it is, when it spans exactly that)."""
        for offset, part in zip(self.offsets, self.parts):
            if offset == start and offset + part.shape[0] == stop:
                return part
        width = len(self.vocab)
        if start >= stop:
            return sparse.csc_matrix((0, width), dtype=np.float32)
        whole = sparse.vstack([_widened(p, width) for p in self.parts], format="csr")
        return whole[start:stop].tocsc()

    def save_vocab(self, folder: Path) -> str:
        terms = sorted(self.vocab, key=self.vocab.__getitem__)
        params = {"k1": self.k1, "b": self.b, "epsilon": self.epsilon, "terms": terms}
        (folder / VOCAB_FILE).write_text(json.dumps(params, ensure_ascii=False), encoding="utf-8")
        return VOCAB_FILE

    @classmethod
    def load(cls, folder: Path, parts: Sequence[sparse.spmatrix]) -> BM25Index:
        """The index from its vocabulary file and its term-frequency parts, in document order."""
        params = json.loads((folder / VOCAB_FILE).read_text(encoding="utf-8"))
        index = cls(params["k1"], params["b"], params["epsilon"])
        index.vocab = {t: i for i, t in enumerate(params["terms"])}
        for part in parts:
            index.add_part(part)
        return index


def _widened(part: sparse.csc_matrix, width: int) -> sparse.csc_matrix:
    """``part`` with empty columns appended up to ``width`` (terms that came after it)."""
    return sparse.csc_matrix((part.data, part.indices, np.concatenate(
        [part.indptr, np.full(width - part.shape[1], part.indptr[-1], dtype=part.indptr.dtype)])),
        shape=(part.shape[0], width))


def save_part(part: sparse.csc_matrix, path: Path) -> None:
    sparse.save_npz(path, part, compressed=False)


def load_part(path: Path) -> sparse.csc_matrix:
    return sparse.load_npz(path).tocsc()
