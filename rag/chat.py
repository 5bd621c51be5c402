"""Chat logic for the UI: ``respond(message, history)`` turns a chat turn into an answer and the
HTML of its sources. Plain functions over a RagService; the Gradio file only wires components."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence

from .answer import Answer, Citation
from .errors import RagError
from .service import RagService

EMPTY_PROMPT = {
    "ko": "질문을 입력해 주세요. 예: 우한시가 올해 갖출 컴퓨팅 능력은?",
    "en": "Please type a question, e.g. How much did Zhipu AI raise in its IPO?",
}
MAX_QUESTION_CHARS = 2000
TRUNCATED_NOTICE = "(질문이 너무 길어 앞부분 {n}자만 사용했습니다 / the question was cut to its first {n} characters)"
MARKER = re.compile(r"\[(\d+)\]")
EXAMPLES = [
    "우한시가 올해 갖출 예정인 총 컴퓨팅 능력은?",
    "즈푸AI는 홍콩 상장으로 얼마를 조달했나?",
    "How much money did Zhipu AI raise in its Hong Kong IPO?",
    "What is Insikt Group?",
]


def user_questions(history: Sequence[dict]) -> list[str]:
    """Earlier user questions of a Gradio 'messages' history."""
    out = []
    for message in history or []:
        if isinstance(message, dict) and message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, str) and content.strip():
                out.append(content)
    return out


def citation_label(c: Citation) -> str:
    meta = " · ".join(x for x in (c.outlet, c.date) if x)
    return f"[{c.n}] {meta}" if meta else f"[{c.n}]"


def answer_markdown(answer: Answer) -> str:
    """The answer as chat markdown: escaped text, markers shown as chips with outlet and date."""
    labels = {c.n: citation_label(c) for c in answer.citations}
    text = html.escape(answer.answer)
    text = MARKER.sub(lambda m: f"<sup><b>{html.escape(labels.get(int(m.group(1)), m.group(0)))}</b></sup>", text)
    if answer.notice:
        text = f"{text}\n\n_{html.escape(answer.notice)}_"
    return text


def highlight(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Escaped passage with the quoted sentences wrapped in <mark>."""
    out, pos = [], 0
    for start, end in sorted(spans):
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def sources_html(answer: Answer | None) -> str:
    if answer is None or not answer.citations:
        return "<div class='sources-empty'>No sources for this answer. / 이 답변에는 출처가 없습니다.</div>"
    cards = []
    for c in answer.citations:
        meta = " · ".join(html.escape(x) for x in (c.outlet, c.author, c.date) if x)
        cards.append(
            f"<div class='source-card' id='source-{c.n}'>"
            f"<div class='source-head'><span class='source-n'>[{c.n}]</span> <b>{html.escape(c.title)}</b></div>"
            f"<div class='source-meta'>{meta or '&nbsp;'} <span class='source-file'>{html.escape(c.source)}</span></div>"
            f"<div class='source-text'>{highlight(c.text, c.quote_spans)}</div></div>"
        )
    return "".join(cards)


def prepare_question(message: str) -> tuple[str, str]:
    """(question, notice): whitespace collapsed, cut to MAX_QUESTION_CHARS with a notice."""
    question = " ".join(str(message or "").split())
    if len(question) > MAX_QUESTION_CHARS:
        return question[:MAX_QUESTION_CHARS], TRUNCATED_NOTICE.format(n=MAX_QUESTION_CHARS)
    return question, ""


def respond(service: RagService, message: str, history: list[dict]) -> Iterator[tuple[list[dict], str]]:
    """Yield (chat history, sources HTML) as the answer appears, word by word."""
    history = list(history or [])
    question, notice = prepare_question(message)
    if not question:
        yield history + [{"role": "assistant", "content": EMPTY_PROMPT["ko"] + "\n\n" + EMPTY_PROMPT["en"]}], sources_html(None)
        return
    earlier = user_questions(history)
    history = history + [{"role": "user", "content": question}]
    try:
        answer = service.ask(question, earlier)
    except RagError as exc:
        yield history + [{"role": "assistant", "content": f"⚠️ {html.escape(str(exc))}"}], sources_html(None)
        return
    if notice:
        answer = Answer(**{**answer.__dict__, "notice": notice})
    final = answer_markdown(answer)
    words = final.split(" ")
    step = max(1, len(words) // 12)
    for i in range(step, len(words), step):
        yield history + [{"role": "assistant", "content": " ".join(words[:i])}], ""
    yield history + [{"role": "assistant", "content": final}], sources_html(answer)


def ask_api(service: RagService, question: str, history: list[str] | None = None) -> dict:
    """The /ask endpoint: same object as `python -m rag ask --json`."""
    question, notice = prepare_question(question)
    if not question:
        return {"question": "", "answer": EMPTY_PROMPT["en"], "language": "en", "abstained": True,
                "citations": [], "follow_up_context": [], "notice": "empty question"}
    payload = service.ask(question, [str(h) for h in (history or [])]).to_json()
    if notice:
        payload["notice"] = notice
    return payload
