import pytest

from rag.chunking import ChunkingConfig, chunk_article
from rag.documents import load_corpus


@pytest.fixture(scope="module")
def chunked():
    from pathlib import Path

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    return [chunk_article(a) for a in load_corpus(corpus).articles]


def test_offsets_point_into_the_cleaned_text(chunked):
    for doc in chunked:
        for c in doc.chunks:
            assert doc.article.text[c.start : c.end] == c.text
            assert c.start == doc.sentences[c.first].start and c.end == doc.sentences[c.last].end


def test_every_sentence_is_in_a_chunk_and_chunks_overlap_by_one(chunked):
    for doc in chunked:
        covered = {i for c in doc.chunks for i in range(c.first, c.last + 1)}
        assert covered == set(range(len(doc.sentences)))
        for a, b in zip(doc.chunks, doc.chunks[1:]):
            assert b.first == a.last or (a.first == a.last and b.first == a.last + 1)


def test_chunks_respect_the_size_limit_unless_one_sentence_is_longer(chunked):
    for doc in chunked:
        for c in doc.chunks:
            assert len(c.text) <= 450 or c.first == c.last


def test_known_sentence_is_whole_in_one_chunk(chunked):
    doc = next(d for d in chunked if d.article.source.startswith("001"))
    target = "즈푸AI는 8일 중국 AI 스타트업으로는 최초로 홍콩증권거래소에 상장해 5억 5800만 달러(약 8100억 원)를 조달했다."
    assert any(doc.article.text[s.start : s.end] == target for s in doc.sentences)
    assert any(target in c.text for c in doc.chunks)


@pytest.mark.parametrize("kwargs", [{"max_chars": 10}, {"overlap": 7}])
def test_bad_config_is_rejected(kwargs):
    with pytest.raises(ValueError, match="max_chars|overlap"):
        ChunkingConfig(**kwargs)
