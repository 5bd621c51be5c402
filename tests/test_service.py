"""RagService: corpus changes from the UI (upload, remove) reach the live index, or change nothing."""

import pytest

from rag.errors import QueryError
from rag.indexer import update_index
from rag.service import Paths, RagService

NEW = ("서울시는 내년부터 양자컴퓨터 연구소를 세운다고 밝혔다. 연구소 건립에는 500억 원이 투입된다. "
       "양자컴퓨터 연구소는 마포구에 들어선다.\n")


@pytest.fixture
def fake_service(corpus_copy, tmp_path, fake_encoder):
    index = tmp_path / "index"
    update_index(corpus_copy, index, fake_encoder, show_progress=False)
    return RagService(Paths(corpus_copy, index), fake_encoder)


def _upload(tmp_path, name, text):
    path = tmp_path / "up" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return name, path


def test_uploaded_article_is_searchable_at_once_with_progress(fake_service, tmp_path):
    stages = []
    results = fake_service.add_files([_upload(tmp_path, "quantum.txt", NEW), _upload(tmp_path, "bad.pdf", "x")],
                                     progress=lambda stage, done, total: stages.append((stage, done, total)))
    assert [(r.name, r.status) for r in results] == [("quantum.txt", "added"), ("bad.pdf", "error")]
    assert "passages indexed" in results[0].message
    assert [s for s, *_ in stages][0] == "reading" and ("embedding", 0, stages[1][2]) in stages
    assert stages[-1][0] == "saving" and any(s == "embedding" and d == t > 0 for s, d, t in stages)
    hits = fake_service.search("양자컴퓨터 연구소 건립 비용", k=1)
    assert hits[0].chunk.source == "quantum.txt"
    assert any(row.source == "quantum.txt" for row in fake_service.articles())


def test_remove_takes_the_article_out_of_the_index(fake_service):
    result = fake_service.remove("003_faf59091394b998f.txt")
    assert result.status == "removed"
    assert "003_faf59091394b998f.txt" not in {row.source for row in fake_service.articles()}
    assert all(h.chunk.source != "003_faf59091394b998f.txt" for h in fake_service.search("인식트그룹", k=10))
    with pytest.raises(QueryError, match="no article '003_faf59091394b998f.txt'"):
        fake_service.remove("003_faf59091394b998f.txt")


def test_failed_indexing_puts_the_corpus_back(fake_service, tmp_path, monkeypatch):
    import rag.service

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(rag.service, "update_index", broken)
    def visible():
        return sorted(p.name for p in fake_service.paths.corpus.iterdir() if not p.name.startswith("."))

    before = visible()
    with pytest.raises(OSError, match="disk full"):
        fake_service.add_files([_upload(tmp_path, "quantum.txt", NEW)])
    with pytest.raises(OSError, match="disk full"):
        fake_service.remove("000_0ff4d9a7b0de7461.txt")
    assert visible() == before
    assert len(fake_service.articles()) == 4


def test_passages_setting_is_validated(fake_service):
    with pytest.raises(QueryError, match="between 1 and 20, got 0"):
        fake_service.ask("우한", passages=0)
    answer, hits = fake_service.ask_with_hits("즈푸AI 상장 조달", passages=1)
    assert len({c.chunk_id for c in answer.citations}) <= 1


def test_a_follow_up_is_anchored_to_the_answer_the_turn_before_got(corpus_copy, tmp_path, fake_encoder, monkeypatch):
    from rag.answer import AnswerConfig

    update_index(corpus_copy, tmp_path / "index", fake_encoder, show_progress=False)
    never_abstains = AnswerConfig(min_support={"ko": -1.0, "en": -1.0})
    fake_service = RagService(Paths(corpus_copy, tmp_path / "index"), fake_encoder, answer_config=never_abstains)
    earlier = "즈푸AI는 언제 홍콩증권거래소에 상장했나?"
    first = fake_service.ask(earlier, answer_mode="extractive")
    composed = []
    compose = fake_service.composer.compose
    monkeypatch.setattr(fake_service.composer, "compose", lambda q, h: composed.append(q) or compose(q, h))
    fake_service.ask("그 회사는 얼마를 조달했어?", [earlier], answer_mode="extractive")
    # the earlier answer is remembered, not composed again, and its sentences anchor the follow-up
    assert len(composed) == 1 and composed[0].anchors == first.quoted and first.quoted
    fake_service.reindex()  # a new index: remembered sentence ids no longer apply
    composed.clear()
    monkeypatch.setattr(fake_service.composer, "compose", lambda q, h: composed.append(q) or compose(q, h))
    fake_service.ask("그 회사는 얼마를 조달했어?", [earlier], answer_mode="extractive")
    assert [q.text for q in composed] == [earlier, "그 회사는 얼마를 조달했어?"]
