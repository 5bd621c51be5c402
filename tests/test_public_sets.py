"""Public evaluation sets written from ../shared/data (skipped where the shared data is absent)."""

import json

import pytest

from rag.documents import load_corpus
from rag.evaluation import load_questions
from rag.public_sets import DATA_DIR, SUMMIT_QUESTIONS, build, parallel_pairs

pytestmark = pytest.mark.skipif(not DATA_DIR.exists(), reason="shared data not present")


def test_parallel_set_pairs_each_english_sentence_with_its_korean_line(tmp_path):
    built = build("parallel_ko_en", tmp_path, limit=5)
    assert (built.documents, built.question_count) == (5, 5)
    articles = load_corpus(built.corpus).articles
    questions = load_questions(built.questions)
    pairs = parallel_pairs(limit=5)
    for (english, korean), q in zip(pairs, questions):
        [gold] = [a for a in articles if q.is_gold_article(a.source)]
        assert q.question == english and gold.text == korean and q.lang == "en"


def test_passage_set_cuts_the_korean_lines_into_passages_and_asks_each_question_in_both_languages(tmp_path):
    built = build("parallel_passages", tmp_path)
    articles = load_corpus(built.corpus).articles
    korean = [ko for _, ko in parallel_pairs()]
    assert built.documents == len(articles) == 200
    assert articles[3].text == " ".join(korean[15:20])
    questions = load_questions(built.questions)
    by_doc: dict[str, set[str]] = {}
    for q in questions:
        assert any(q.is_gold_article(a.source) for a in articles), q.id
        by_doc.setdefault(q.doc, set()).add(q.lang)
    assert len(by_doc) == 50 and all(langs == {"ko", "en"} for langs in by_doc.values())


def test_summit_questions_point_at_evidence_in_their_gold_article(tmp_path):
    built = build("summit_news", tmp_path)
    articles = load_corpus(built.corpus).articles
    assert built.documents == len(articles) == 449
    questions = load_questions(built.questions)
    assert {q.lang for q in questions} == {"ko", "en"} and any(q.history for q in questions)
    collapse = " ".join
    for q in questions:
        if not q.doc:
            continue
        holders = [a.source for a in articles if collapse(q.evidence.split()) in collapse(a.text.split())]
        assert holders == [q.doc], q.id
        gold = next(a for a in articles if a.source == q.doc)
        assert any(answer in gold.text for answer in q.answers), q.id


def test_unknown_set_name_is_a_clear_error(tmp_path):
    from rag.errors import IngestError

    with pytest.raises(IngestError, match="unknown public set 'belebele'"):
        build("belebele", tmp_path)


def test_an_existing_corpus_folder_is_never_replaced(tmp_path):
    from rag.errors import IngestError

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "mine.txt").write_text("내 기사", encoding="utf-8")
    with pytest.raises(IngestError, match="not written by `rag public`"):
        build("parallel_ko_en", tmp_path, limit=2)
    assert (tmp_path / "corpus" / "mine.txt").exists()
    build("parallel_ko_en", tmp_path / "set", limit=2)
    assert build("parallel_ko_en", tmp_path / "set", limit=3).documents == 3


def test_summit_question_file_is_valid_jsonl():
    for line in SUMMIT_QUESTIONS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert record["lang"] in {"ko", "en"} and ("question" in record or "turns" in record)
