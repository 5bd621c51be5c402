"""The sparse BM25 against rank-bm25's BM25Okapi (the reference) on the real corpus."""

from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from rag.chunking import chunk_article
from rag.documents import load_corpus
from rag.lexical import BM25Index, load_part, save_part
from rag.text import tokenize

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
QUESTIONS = [
    "우한시가 올해 갖출 컴퓨팅 능력은?", "즈푸AI는 얼마를 조달했나?", "A100 H800 칩", "딥시크 공개",
    "인식트그룹은 어떤 기관인가?", "CSET 보고서", "미니맥스 상장", "반도체 수출 규제", "없는단어 질문",
]


@pytest.fixture(scope="module")
def chunk_tokens():
    docs = [chunk_article(a) for a in load_corpus(CORPUS).articles]
    return [d.chunk_tokens(c) for d in docs for c in d.chunks]


def test_scores_equal_rank_bm25(chunk_tokens):
    ref = BM25Okapi(chunk_tokens)
    index = BM25Index()
    index.add(chunk_tokens)
    for q in QUESTIONS:
        tokens = tokenize(q)
        np.testing.assert_allclose(index.scores(tokens), ref.get_scores(tokens), rtol=1e-9, atol=1e-9)
        ids, _ = index.top_k(tokens, 10)
        ref_scores = ref.get_scores(tokens)
        expected = [i for i in np.lexsort((np.arange(len(ref_scores)), -ref_scores)) if ref_scores[i] > 0][:10]
        assert list(ids) == expected


def test_incremental_add_equals_building_at_once(chunk_tokens, tmp_path):
    whole = BM25Index()
    whole.add(chunk_tokens)
    whole_first = BM25Index()
    whole_first.add(chunk_tokens[:10])
    first = BM25Index()
    first.add(chunk_tokens[:10])
    parts = first.extended(chunk_tokens[10:])
    assert first.size == 10 and parts.size == len(chunk_tokens)  # extending leaves the original as it was
    parts.save_vocab(tmp_path)
    for i, part in enumerate(parts.parts):
        save_part(part, tmp_path / f"{i}.npz")
    loaded = BM25Index.load(tmp_path, [load_part(tmp_path / f"{i}.npz") for i in range(len(parts.parts))])
    for q in QUESTIONS:
        t = tokenize(q)
        np.testing.assert_allclose(loaded.scores(t), whole.scores(t))
        np.testing.assert_allclose(first.scores(t), whole_first.scores(t))
    np.testing.assert_array_equal(loaded.rows(3, 17).toarray(), whole.rows(3, 17).toarray())


def test_known_fraction():
    index = BM25Index()
    index.add([["중국", "반도체"], ["미국"]])
    assert index.known_fraction(["중국", "semiconductor"]) == 0.5
    assert index.known_fraction([]) == 0.0


def test_weights_scale_each_token(chunk_tokens):
    index = BM25Index()
    index.add(chunk_tokens)
    np.testing.assert_allclose(index.scores(["우한", "컴퓨팅"], [1.0, 1.0]), index.scores(["우한", "컴퓨팅"]))
    np.testing.assert_allclose(index.scores(["우한", "컴퓨팅"], [2.0, 0.5]),
                               2.0 * index.scores(["우한"]) + 0.5 * index.scores(["컴퓨팅"]))


def test_document_frequency_counts_documents_not_occurrences(chunk_tokens):
    index = BM25Index()
    index.add(chunk_tokens)
    df = index.document_frequency()
    for term in ("우한", "즈푸", "a100"):
        assert df[index.vocab[term]] == sum(term in set(tokens) for tokens in chunk_tokens)


def test_mentions_finds_terms_and_words_inside_terms():
    index = BM25Index()
    index.add([["야오순위", "합류"], ["텐센트"]])
    assert index.mentions("합류") and index.mentions("순위")  # inside 야오순위
    assert not index.mentions("삼성전자")
    index.add([["삼성전자"]])  # the vocabulary grew: looked up again
    assert index.mentions("삼성전자")
