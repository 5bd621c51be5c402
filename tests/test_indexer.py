import numpy as np

from rag.indexer import update_index
from rag.store import Store, live_generation


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


def _searches(store, encoder, questions=("우한시 컴퓨팅 능력", "즈푸AI 상장 조달", "인식트그룹 보고서", "H800 칩")):
    from rag.retrieval import Retriever

    retriever = Retriever(store, encoder)
    return [[(h.chunk.chunk_id, round(h.score, 6)) for h in retriever.search(q, k=5)] for q in questions]


def test_adding_a_file_reads_only_that_file_and_equals_a_rebuild(corpus_copy, tmp_path, fake_encoder, monkeypatch):
    import rag.documents

    extra = corpus_copy / "003_faf59091394b998f.txt"
    held_back = tmp_path / extra.name
    extra.rename(held_back)
    update_index(corpus_copy, tmp_path / "index", fake_encoder, show_progress=False)
    held_back.rename(extra)
    first_segment = {p.name: p.stat().st_ino for p in live_generation(tmp_path / "index").glob("seg-*")}
    parsed = []
    real_parse = rag.documents.parse_file_bytes
    monkeypatch.setattr(rag.documents, "parse_file_bytes", lambda data, source: parsed.append(source) or real_parse(data, source))
    report = update_index(corpus_copy, tmp_path / "index", fake_encoder, show_progress=False)
    assert parsed == [extra.name] and report.added == [extra.name] and len(report.unchanged) == 3
    monkeypatch.undo()
    update_index(corpus_copy, tmp_path / "scratch", fake_encoder, show_progress=False)
    grown, scratch = Store.load(tmp_path / "index"), Store.load(tmp_path / "scratch")
    assert sorted(grown.by_source) == sorted(scratch.by_source)
    assert _searches(grown, fake_encoder) == _searches(scratch, fake_encoder)
    assert (grown.bm25.size, len(grown.bm25.vocab)) == (scratch.bm25.size, len(scratch.bm25.vocab))
    assert len(grown.segments) == 2  # the first segment's files are linked into the new generation, not rewritten
    assert {p.name: p.stat().st_ino for p in grown.folder.glob("seg-*") if p.name in first_segment} == first_segment
    again = update_index(corpus_copy, tmp_path / "index", fake_encoder, show_progress=False)
    assert (again.added, again.updated, again.removed, len(again.unchanged), again.embedded_texts) == ([], [], [], 4, 0)


def test_edited_metadata_makes_every_file_count_as_changed(corpus_copy, tmp_path, fake_encoder):
    import json

    update_index(corpus_copy, tmp_path / "index", fake_encoder, show_progress=False)
    meta = json.loads((corpus_copy / "metadata.json").read_text(encoding="utf-8"))
    meta["003_faf59091394b998f.txt"]["outlet"] = "한겨레"
    (corpus_copy / "metadata.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    report = update_index(corpus_copy, tmp_path / "index", fake_encoder, show_progress=False)
    assert report.updated == ["003_faf59091394b998f.txt"] and len(report.unchanged) == 3
    assert Store.load(tmp_path / "index").articles[-1].article.outlet == "한겨레"


def test_appended_articles_join_the_hnsw_graph_as_an_exact_tail(corpus_copy, tmp_path, fake_encoder, monkeypatch):
    from rag import ann

    monkeypatch.setattr(ann, "EXACT_MAX", 20)
    extra = corpus_copy / "003_faf59091394b998f.txt"
    held_back = tmp_path / extra.name
    extra.rename(held_back)
    update_index(corpus_copy, tmp_path / "index", fake_encoder, show_progress=False)
    graph_file = live_generation(tmp_path / "index") / "sentence.faiss"
    graph_inode, before = graph_file.stat().st_ino, Store.load(tmp_path / "index").dense_index("sentence").ntotal
    held_back.rename(extra)
    monkeypatch.setattr(ann, "EXACT_MAX", 100)  # the new article's sentences fit in the tail
    update_index(corpus_copy, tmp_path / "index", fake_encoder, show_progress=False)
    store = Store.load(tmp_path / "index")
    index = store.dense_index("sentence")
    assert index.graph.ntotal == before < index.ntotal == store.sentence_vectors.shape[0]
    assert (store.folder / "sentence.faiss").stat().st_ino == graph_inode  # the graph file was linked, not rewritten
    last = store.sentence_vectors[-3:]
    _, found = index.search(last, 1)
    assert list(found[:, 0]) == list(range(index.ntotal - 3, index.ntotal))  # the appended rows are searchable


def test_segments_are_merged_past_the_limit_and_the_index_equals_a_rebuild(corpus_copy, tmp_path, fake_encoder, monkeypatch):
    import rag.store

    monkeypatch.setattr(rag.store, "MAX_SEGMENTS", 2)
    held = {}
    for name in ("002_89ef6dcf7f0acffa.txt", "003_faf59091394b998f.txt"):
        held[name] = tmp_path / name
        (corpus_copy / name).rename(held[name])
    update_index(corpus_copy, tmp_path / "index", fake_encoder, show_progress=False)
    counts = []
    for name, path in held.items():
        path.rename(corpus_copy / name)
        report = update_index(corpus_copy, tmp_path / "index", fake_encoder, show_progress=False)
        assert report.added == [name]
        counts.append(len(Store.load(tmp_path / "index").segments))
    assert counts == [2, 1]  # a second segment, then all merged into one
    update_index(corpus_copy, tmp_path / "scratch", fake_encoder, show_progress=False)
    merged, scratch = Store.load(tmp_path / "index"), Store.load(tmp_path / "scratch")
    assert merged.layout.sources == scratch.layout.sources
    assert _searches(merged, fake_encoder) == _searches(scratch, fake_encoder)


def test_an_unchanged_corpus_removes_a_generation_a_killed_save_left_behind(corpus_copy, tmp_path, fake_encoder):
    import shutil

    index = tmp_path / "index"
    update_index(corpus_copy, index, fake_encoder, show_progress=False)
    live = live_generation(index)
    shutil.copytree(live, index / "gen-20000101000000-deadbeef")  # the old generation a killed save left
    report = update_index(corpus_copy, index, fake_encoder, show_progress=False)
    assert len(report.unchanged) == 4
    assert [p.name for p in index.iterdir() if p.name.startswith("gen-")] == [live.name]
    assert Store.load(index).by_source  # the live generation is untouched


def test_new_search_tokens_analyse_again_without_embedding(corpus_copy, tmp_path, fake_encoder, monkeypatch):
    import rag.chunking

    index = tmp_path / "index"
    update_index(corpus_copy, index, fake_encoder, show_progress=False)
    fake_encoder.texts = 0
    monkeypatch.setattr(rag.chunking, "TOKENS_VERSION", rag.chunking.TOKENS_VERSION + 1)
    report = update_index(corpus_copy, index, fake_encoder, show_progress=False)
    assert len(report.added) == 4 and fake_encoder.texts == 0  # the store is rebuilt, its vectors come from the cache
    assert Store.load(index).chunking.endswith(f"-t{rag.chunking.TOKENS_VERSION}-b{rag.chunking.SENTENCES_VERSION}")
    monkeypatch.setattr(rag.chunking, "SENTENCES_VERSION", rag.chunking.SENTENCES_VERSION + 1)
    report = update_index(corpus_copy, index, fake_encoder, show_progress=False)
    assert len(report.added) == 4 and fake_encoder.texts > 0  # other sentences: embedded again
