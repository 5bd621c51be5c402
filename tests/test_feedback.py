import json
import threading

from rag.answer import Answer, Citation
from rag.feedback import DEFAULT_FILE, feedback_file, save_feedback


def _answer(i=0):
    c = Citation(1, "x.txt", "x.txt::0", "제목", "서울경제", "", "", "", "본문 인용.", "인용.", ((3, 6),), 0)
    return Answer(f"질문 {i}", "ko", "인용. [1]", False, (c,))


def test_records_hold_the_rating_question_answer_and_citations(tmp_path):
    path = tmp_path / "deep" / "fb.jsonl"
    save_feedback(path, _answer(), True, ["앞 질문"])
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["liked"] is True and record["question"] == "질문 0" and record["history"] == ["앞 질문"]
    assert record["citations"] == [{"n": 1, "source": "x.txt", "chunk_id": "x.txt::0", "quote": "인용."}]


def test_concurrent_clicks_append_whole_lines(tmp_path):
    path = tmp_path / "fb.jsonl"
    threads = [threading.Thread(target=save_feedback, args=(path, _answer(i), i % 2 == 0)) for i in range(40)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["question"] for r in records) == sorted(f"질문 {i}" for i in range(40))


def test_file_location_from_the_environment(tmp_path):
    assert feedback_file({}) == DEFAULT_FILE
    assert feedback_file({"RAG_FEEDBACK_FILE": str(tmp_path / "f.jsonl")}) == tmp_path / "f.jsonl"
