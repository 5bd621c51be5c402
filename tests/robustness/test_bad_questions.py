"""Whatever is typed into the chat or the API gets an answer, an abstention or a gentle prompt: never an error."""

import pytest

from rag import chat

ODD_QUESTIONS = [
    "🤖🔥💯",
    "武漢市は今年どれだけの計算能力を持つのか？",
    "武汉市今年将拥有多少算力？",
    "우한시\x00의 \x07컴퓨팅\u200b 능력은\x1b[31m?",
    "<script>alert('x')</script><img src=x onerror=alert(1)> 즈푸AI 상장?",
    "?!?!...,,,",
    "a",
    "SELECT * FROM articles; DROP TABLE index;--",
]


def final_turn(service, message):
    *_, view = chat.respond(service, message, [])
    return view.messages[-1]["content"], view.sources


@pytest.mark.parametrize("message", ["", "   \n\t  ", None])
def test_empty_question_gets_a_gentle_prompt(service, message):
    reply, sources = final_turn(service, message)
    assert reply.startswith(chat.EMPTY_PROMPT["ko"]) and chat.EMPTY_PROMPT["en"] in reply
    assert "출처가 없습니다" in sources
    assert chat.ask_api(service, message or "")["notice"] == "empty question"


def test_a_100k_character_question_is_cut_with_a_notice(service):
    message = "우한시가 올해 갖출 예정인 총 컴퓨팅 능력은? " + "가" * 100_000
    reply, _ = final_turn(service, message)
    assert "2000" in reply and "cut to its first" in reply
    payload = chat.ask_api(service, message)
    assert len(payload["question"]) == chat.MAX_QUESTION_CHARS and "2000" in payload["notice"]


@pytest.mark.parametrize("message", ODD_QUESTIONS)
def test_odd_questions_are_answered_or_declined(service, message):
    payload = chat.ask_api(service, message)
    assert isinstance(payload["abstained"], bool) and payload["answer"]
    if payload["abstained"]:
        assert payload["citations"] == []
    else:
        assert payload["citations"] and all(f"[{c['n']}]" in payload["answer"] for c in payload["citations"])
    reply, _ = final_turn(service, message)
    assert "<script>" not in reply and "<img" not in reply


@pytest.mark.parametrize("message", ["?!?!...,,,", "🤖🔥💯"])
def test_a_question_without_words_is_declined(service, message):
    payload = chat.ask_api(service, message)
    assert payload["abstained"] and payload["citations"] == []


def test_html_in_a_question_is_shown_as_text(service):
    reply, _ = final_turn(service, "<b>bold</b> <script>alert(1)</script>")
    view = list(chat.respond(service, "<b>bold</b> <script>alert(1)</script>", []))[-1]
    assert view.messages[0]["content"] == "&lt;b&gt;bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;"
    assert view.turns[0].question == "<b>bold</b> <script>alert(1)</script>"  # asked and kept as typed
    assert "<script>" not in reply
