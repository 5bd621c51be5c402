import numpy as np

from rag.indexer import update_index
from rag.store import Store


def test_reindex_embeds_only_what_changed(corpus_copy, tmp_path, fake_encoder):
    index = tmp_path / "index"
    first = update_index(corpus_copy, index, fake_encoder, show_progress=False)
    assert len(first.added) == 4 and first.embedded_texts > 0

    fake_encoder.texts = 0
    again = update_index(corpus_copy, index, fake_encoder, show_progress=False)
    assert len(again.unchanged) == 4 and fake_encoder.texts == 0

    path = corpus_copy / "003_faf59091394b998f.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n새로 추가된 문장으로 기사가 바뀌었다고 가정한다.", encoding="utf-8")
    (corpus_copy / "002_89ef6dcf7f0acffa.txt").unlink()
    changed = update_index(corpus_copy, index, fake_encoder, show_progress=False)
    assert changed.updated == ["003_faf59091394b998f.txt"]
    assert changed.removed == ["002_89ef6dcf7f0acffa.txt"]
    assert len(changed.unchanged) == 2
    store = Store.load(index)
    doc = store.articles[store.by_source["003_faf59091394b998f.txt"]]
    assert fake_encoder.texts == len(doc.chunks) + len(doc.sentences)
    assert "002_89ef6dcf7f0acffa.txt" not in store.by_source
    assert "새로 추가된 문장" in doc.article.text


def test_vectors_come_from_the_cache_after_a_rebuild(corpus_copy, tmp_path, fake_encoder):
    index = tmp_path / "index"
    update_index(corpus_copy, index, fake_encoder, show_progress=False)
    fake_encoder.texts = 0
    report = update_index(corpus_copy, index, fake_encoder, rebuild=True, show_progress=False)
    assert len(report.added) == 4 and fake_encoder.texts == 0


def test_unreadable_file_is_reported_and_the_rest_indexed(corpus_copy, tmp_path, fake_encoder):
    (corpus_copy / "broken.txt").write_bytes(b"\x00\x00binary")
    report = update_index(corpus_copy, tmp_path / "index", fake_encoder, show_progress=False)
    assert len(report.added) == 4
    assert any("broken.txt" in e and "binary" in e for e in report.errors)


def test_identical_texts_are_embedded_once(tmp_path, fake_encoder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = ['{"text": "어선 50만여척이 항구로 대피했다."}', '{"text": "경찰은 여성 2명을 모두 석방했다."}']
    (corpus / "short.jsonl").write_text("\n".join(lines), encoding="utf-8")
    report = update_index(corpus, tmp_path / "index", fake_encoder, show_progress=False)
    assert report.embedded_texts == 4  # a chunk and a sentence per record ...
    assert fake_encoder.texts == 2  # ... but each record's one text is encoded once
    store = Store.load(tmp_path / "index")
    np.testing.assert_array_equal(store.chunk_vectors, store.sentence_vectors)
