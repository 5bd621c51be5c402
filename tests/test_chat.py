from rag import chat
from rag.answer import Answer, Citation


def _answer():
    text = "앞 문장. <script>alert(1)</script> 인용 문장이다. 뒤 문장."
    quote = "<script>alert(1)</script> 인용 문장이다."
    start = text.index(quote)
    citation = Citation(1, "x.txt", "x.txt::0", "<b>제목</b>", "서울경제", "박윤선", "2025-01-08", "",
                        text, quote, ((start, start + len(quote)),), 0)
    return Answer("q", "ko", "<img src=x onerror=alert(1)> 인용 문장이다. [1]", False, (citation,))


def test_markup_in_articles_and_answers_is_escaped():
    html = chat.sources_html(_answer())
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt; 인용 문장이다.</mark>" in html
    assert "<b>제목</b>" not in html
    md = chat.answer_markdown(_answer())
    assert "<img" not in md and "&lt;img" in md
    assert "[1] 서울경제 · 2025-01-08" in md


def test_respond_streams_and_ends_with_sources(service):
    steps = list(chat.respond(service, "즈푸AI는 홍콩 상장으로 얼마를 조달했나?", []))
    assert len(steps) > 2
    history, sources = steps[-1]
    assert history[0] == {"role": "user", "content": "즈푸AI는 홍콩 상장으로 얼마를 조달했나?"}
    assert "5억 5800만 달러" in history[-1]["content"]
    assert "<mark>" in sources and "서울경제" in sources
    partial = steps[0][0][-1]["content"]
    assert len(partial) < len(history[-1]["content"])


def test_follow_up_in_chat_uses_earlier_user_turns(service):
    first = list(chat.respond(service, "즈푸AI는 언제 홍콩증권거래소에 상장했나?", []))[-1][0]
    second = list(chat.respond(service, "그 회사는 얼마를 조달했어?", first))[-1][0]
    assert "5억 5800만" in second[-1]["content"]


def test_empty_and_huge_questions(service):
    history, _ = list(chat.respond(service, "   ", []))[-1]
    assert "질문을 입력해 주세요" in history[-1]["content"]
    payload = chat.ask_api(service, "우한 " * 5000)
    assert "cut to its first" in payload["notice"]
