import json

import pytest

from rag import chat
from rag.errors import QueryError


def final(service, message, turns=(), settings=chat.ChatSettings(), language="ko"):
    return list(chat.respond(service, message, [], turns, settings, language))[-1]


def test_respond_streams_and_ends_with_sources(service):
    steps = list(chat.respond(service, "즈푸AI는 홍콩 상장으로 얼마를 조달했나?", []))
    assert len(steps) > 2
    last = steps[-1]
    assert last.messages[0] == {"role": "user", "content": "즈푸AI는 홍콩 상장으로 얼마를 조달했나?"}
    assert "5억 5800만 달러" in last.messages[-1]["content"] and "cite-t1-n1" in last.messages[-1]["content"]
    assert "<mark>" in last.sources and "서울경제" in last.sources and "기사 전체 보기" in last.sources
    assert [t.turn for t in last.turns] == [1] and last.turns[0].message_index == 1
    partial = steps[0].messages[-1]["content"]
    assert len(partial) < len(last.messages[-1]["content"])
    assert all(s.messages[-1]["content"].count("<") == s.messages[-1]["content"].count(">") for s in steps)


def test_follow_up_in_chat_uses_earlier_turns(service):
    first = final(service, "즈푸AI는 언제 홍콩증권거래소에 상장했나?")
    second = list(chat.respond(service, "그 회사는 얼마를 조달했어?", first.messages, first.turns))[-1]
    assert "5억 5800만" in second.messages[-1]["content"]
    assert second.turns[-1].history == ("즈푸AI는 언제 홍콩증권거래소에 상장했나?",)
    assert "class='turn-sources' data-turn='1'" in second.sources  # the first answer's chips still work
    assert "class='turn-sources current' data-turn='2'" in second.sources


def test_interface_language_follows_the_question_unless_chosen(service):
    assert final(service, "How much did Zhipu AI raise in its IPO?").language == "en"
    assert final(service, "How much did Zhipu AI raise in its IPO?", settings=chat.ChatSettings(language="ko")).language == "ko"
    assert "View article" in final(service, "How much did Zhipu AI raise in its IPO?").sources


def test_settings_choose_mode_and_passages(service):
    one = final(service, "즈푸AI는 홍콩 상장으로 얼마를 조달했나?", settings=chat.ChatSettings("bm25", 1))
    assert one.turns[0].answer.citations[0].source == "001_059b92a04e5dc1f0.txt"
    assert {c.n for c in one.turns[0].answer.citations} == {1}
    with pytest.raises(QueryError, match="passages"):
        chat.ChatSettings(passages=0)
    with pytest.raises(QueryError, match="'fuzzy'"):
        chat.ChatSettings(mode="fuzzy")


def test_empty_and_huge_questions(service):
    view = final(service, "   ")
    assert "질문을 입력해 주세요" in view.messages[-1]["content"] and view.turns == []
    payload = chat.ask_api(service, "우한 " * 5000)
    assert "cut to its first" in payload["notice"]


def test_feedback_is_saved_with_the_answer_it_rates(service, tmp_path):
    view = final(service, "즈푸AI는 홍콩 상장으로 얼마를 조달했나?")
    path = tmp_path / "fb" / "feedback.jsonl"
    chat.record_feedback(path, view.turns, view.turns[0].message_index, liked=False)
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["liked"] is False and record["question"] == "즈푸AI는 홍콩 상장으로 얼마를 조달했나?"
    assert record["citations"][0]["source"] == "001_059b92a04e5dc1f0.txt" and "5억 5800만" in record["answer"]
    with pytest.raises(QueryError, match="message 0"):
        chat.record_feedback(path, view.turns, 0, liked=True)  # the user's own message is not an answer


def test_new_chat_files_the_conversation(service):
    view = final(service, "즈푸AI는 홍콩 상장으로 얼마를 조달했나?")
    archive = chat.new_chat(view.messages, view.turns, [])
    assert archive[0]["title"] == "즈푸AI는 홍콩 상장으로 얼마를 조달했나?" and archive[0]["turns"] == view.turns
    assert chat.new_chat([], [], archive) == archive  # an empty chat is not filed


def test_llm_answer_streams_into_the_chat_and_marks_unsupported_sentences(llm_service, llm_server):
    from tests.llm_server import Reply, passage_with

    def reply(body):
        n = passage_with(body, "5억 5800만 달러")
        return f"즈푸AI는 5억 5800만 달러를 조달했다 [{n}]. 미니맥스는 9억 달러를 조달했다 [1]."

    llm_server.script.answer = Reply(reply)
    steps = list(chat.respond(llm_service, "즈푸AI는 홍콩 상장으로 얼마를 조달했나?", []))
    growing = [s.messages[-1]["content"] for s in steps[:-1]]
    assert len(growing) >= 8 and all(len(a) < len(b) for a, b in zip(growing, growing[1:]))  # token by token
    final = steps[-1].messages[-1]["content"]
    assert "cite-t1-n1" in final and "<span class='unsupported' title='number 900,000,000 not in the cited passage'>" in final
    assert steps[-1].turns[0].answer.mode == "llm"
    extractive = list(chat.respond(llm_service, "즈푸AI는 홍콩 상장으로 얼마를 조달했나?", [],
                                   settings=chat.ChatSettings(answer_mode="extractive")))[-1]
    assert extractive.turns[0].answer.mode == "extractive"
