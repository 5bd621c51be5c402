"""FAISS index by size: exact search equals brute force; HNSW finds nearly all of the exact top-10."""

import numpy as np
import pytest

from rag import ann


def _clustered(n, dim=64, seed=0):
    rng = np.random.default_rng(seed)
    centers = rng.normal(size=(max(8, n // 200), dim))
    x = centers[rng.integers(0, len(centers), n)] + 0.7 * rng.normal(size=(n, dim))
    x = x.astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def _brute_top(x, q, k):
    scores = q @ x.T
    return np.argsort(-scores, axis=1, kind="stable")[:, :k]


def test_small_sets_are_searched_exactly():
    x = _clustered(3000)
    q = _clustered(50, seed=1)
    index = ann.build(x)
    assert type(index).__name__ == "IndexFlatIP"
    _, got = index.search(q, 10)
    np.testing.assert_array_equal(got, _brute_top(x, q, 10))


def test_large_sets_use_hnsw_with_high_recall(monkeypatch, tmp_path):
    monkeypatch.setattr(ann, "EXACT_MAX", 1000)
    x = _clustered(12000)
    q = x[:200] + 0.05 * _clustered(200, seed=2)
    q = (q / np.linalg.norm(q, axis=1, keepdims=True)).astype(np.float32)
    index = ann.build(x)
    assert type(index).__name__ == "IndexHNSWSQ" and index.hnsw.efSearch == ann.SEARCH_DEPTH
    _, got = index.search(q, 10)
    truth = _brute_top(x, q, 10)
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(truth, got)])
    assert recall >= 0.95
    ann.save(index, tmp_path / "x.faiss")
    again = ann.load(tmp_path / "x.faiss")
    np.testing.assert_array_equal(again.search(q, 10)[1], got)


def test_store_saves_and_reloads_large_indexes(monkeypatch, tmp_path, corpus_copy, fake_encoder):
    from rag.indexer import update_index
    from rag.store import Store

    monkeypatch.setattr(ann, "EXACT_MAX", 20)
    update_index(corpus_copy, tmp_path / "index", fake_encoder, show_progress=False)
    store = Store.load(tmp_path / "index")
    folder = next((tmp_path / "index").glob("gen-*"))
    assert (folder / "chunk.faiss").exists() and (folder / "sentence.faiss").exists()
    assert type(store.dense_index("sentence").graph).__name__ == "IndexHNSWSQ"
    q = store.sentence_vectors[:5]
    _, got = store.dense_index("sentence").search(q, 5)
    assert (got[:, 0] == np.arange(5)).all()  # each sentence finds itself first
    with pytest.raises(ValueError, match="'word'"):
        store.dense_index("word")


def test_tail_is_searched_exactly_and_folded_into_the_graph_past_the_limit(monkeypatch):
    monkeypatch.setattr(ann, "EXACT_MAX", 500)
    x = _clustered(1600)
    graph = ann.build(x[:1000])
    small = ann.Tailed(graph, x[:0]).appended(x[1000:1300])
    assert small.graph is graph and small.ntotal == 1300
    q = x[1000:1300:10] + 0.01 * _clustered(30, seed=3)
    _, got = small.search(q.astype(np.float32), 10)
    truth = _brute_top(x[:1300], q, 10)
    assert np.mean([len(set(a) & set(b)) / 10 for a, b in zip(truth, got)]) >= 0.95
    assert (got[:, 0] == np.arange(1000, 1300, 10)).all()  # tail rows are found under their own numbers
    folded = small.appended(x[1300:])  # the tail would pass EXACT_MAX: it joins a copy of the graph
    assert folded.graph is not graph and folded.graph.ntotal == 1600 and folded.tail.shape[0] == 0
    assert graph.ntotal == 1000 and small.ntotal == 1300  # searches in flight keep their index
    _, got = folded.search(x[1590:1600], 1)
    assert list(got[:, 0]) == list(range(1590, 1600))
