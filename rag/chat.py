"""Chat logic for the UI: plain functions over a RagService; the Gradio file only wires components.

``respond`` turns a chat turn into an answer (streamed word by word) and the sources panel; the chat's
answers are kept as ``ChatTurn`` records so a citation chip of any earlier answer can bring up its
passage, and a 👍/👎 click can be saved with the answer it rates. ``new_chat`` files the conversation
under "earlier chats" for the browser session.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import QueryError, RagError
from .feedback import save_feedback
from .render import ChatTurn, answer_html, sources_html
from .retrieval import MODES
from .service import MAX_PASSAGES, RagService
from .ui_text import AUTO, ui_language

EMPTY_PROMPT = {
    "ko": "질문을 입력해 주세요. 예: 우한시가 올해 갖출 컴퓨팅 능력은?",
    "en": "Please type a question, e.g. How much did Zhipu AI raise in its IPO?",
}
MAX_QUESTION_CHARS = 2000
TRUNCATED_NOTICE = "(질문이 너무 길어 앞부분 {n}자만 사용했습니다 / the question was cut to its first {n} characters)"
EXAMPLES = [
    "우한시가 올해 갖출 예정인 총 컴퓨팅 능력은?",
    "즈푸AI는 홍콩 상장으로 얼마를 조달했나?",
    "How much money did Zhipu AI raise in its Hong Kong IPO?",
    "What is Insikt Group?",
]


@dataclass(frozen=True)
class ChatSettings:
    """What the settings tab controls."""

    mode: str = "hybrid"
    passages: int = 5
    language: str = AUTO  # interface language: auto (follow the question), ko or en
    answer_mode: str | None = None  # extractive or llm; None: llm when one is configured

    def __post_init__(self):
        if self.mode not in MODES:
            raise QueryError(f"unknown retrieval mode {self.mode!r}; use one of {', '.join(MODES)}")
        if not 1 <= int(self.passages) <= MAX_PASSAGES:
            raise QueryError(f"passages must be between 1 and {MAX_PASSAGES}, got {self.passages}")


@dataclass(frozen=True)
class ChatView:
    """What the UI shows after a step: chat messages, sources panel, answered turns, interface language."""

    messages: list[dict]
    sources: str
    turns: list[ChatTurn]
    language: str


def prepare_question(message: str) -> tuple[str, str]:
    """(question, notice): whitespace collapsed, cut to MAX_QUESTION_CHARS with a notice."""
    question = " ".join(str(message or "").split())
    if len(question) > MAX_QUESTION_CHARS:
        return question[:MAX_QUESTION_CHARS], TRUNCATED_NOTICE.format(n=MAX_QUESTION_CHARS)
    return question, ""


def article_texts(service: RagService, turns: Sequence[ChatTurn]) -> dict[str, str]:
    """Cleaned text of every article the turns cite and the index still holds."""
    out = {}
    for turn in turns:
        for c in turn.answer.citations:
            if c.source not in out:
                try:
                    out[c.source] = service.article(c.source).text
                except QueryError:
                    continue
    return out


def render_sources(service: RagService, turns: Sequence[ChatTurn], language: str) -> str:
    return sources_html(turns, article_texts(service, turns), language)


def respond(service: RagService, message: str, history: list[dict], turns: Sequence[ChatTurn] = (),
            settings: ChatSettings = ChatSettings(), language: str = "ko") -> Iterator[ChatView]:
    """Yield the chat as the answer appears word by word; the last view has the sources panel. The
    questions of the earlier turns are the follow-up context; the question is shown escaped."""
    history, turns = list(history or []), list(turns or [])
    question, notice = prepare_question(message)
    language = ui_language(settings.language, question, language)
    if not question:
        prompt = EMPTY_PROMPT["ko"] + "\n\n" + EMPTY_PROMPT["en"]
        yield ChatView(history + [{"role": "assistant", "content": prompt}], render_sources(service, turns, language),
                       turns, language)
        return
    earlier = [turn.question for turn in turns]
    history = history + [{"role": "user", "content": html.escape(question)}]
    written = ""
    try:
        for item in service.answer_stream(question, earlier, settings.mode, int(settings.passages),
                                          settings.answer_mode):
            if isinstance(item, str):  # an LLM writing: show its text as it arrives
                written += item
                yield ChatView(history + [{"role": "assistant", "content": html.escape(written)}], "", turns, language)
            else:
                answer = item
    except RagError as exc:
        yield ChatView(history + [{"role": "assistant", "content": f"⚠️ {html.escape(str(exc))}"}],
                       render_sources(service, turns, language), turns, language)
        return
    if notice:
        answer = replace(answer, notice=notice)
    turn = ChatTurn(len(turns) + 1, question, tuple(earlier), answer, len(history))
    final = answer_html(answer, turn.turn)
    if not written:  # an extractive answer appears word by word
        words = final.split(" ")
        step = max(1, len(words) // 12)
        for i in range(step, len(words), step):
            partial = " ".join(words[:i])
            if partial.count("<") == partial.count(">"):  # never show half a tag
                yield ChatView(history + [{"role": "assistant", "content": partial}], "", turns, language)
    turns = turns + [turn]
    yield ChatView(history + [{"role": "assistant", "content": final}], render_sources(service, turns, language),
                   turns, language)


def record_feedback(path: Path, turns: Sequence[ChatTurn], message_index: int, liked: bool) -> ChatTurn:
    """Save a 👍/👎 on the answer shown at ``message_index`` of the chat; returns the turn rated."""
    for turn in turns:
        if turn.message_index == message_index:
            save_feedback(path, turn.answer, liked, turn.history)
            return turn
    raise QueryError(f"no answer at chat message {message_index} to rate")


def chat_title(turns: Sequence[ChatTurn]) -> str:
    first = turns[0].question
    return first if len(first) <= 60 else first[:57] + "…"


def new_chat(history: list[dict], turns: Sequence[ChatTurn], archive: list[dict]) -> list[dict]:
    """The earlier chats with the current one filed first (when it has any answered question)."""
    if not turns:
        return list(archive or [])
    return [{"title": chat_title(turns), "messages": list(history), "turns": list(turns)}, *(archive or [])]


def ask_api(service: RagService, question: str, history: list[str] | None = None) -> dict:
    """The /ask endpoint: same object as `python -m rag ask --json`."""
    question, notice = prepare_question(question)
    if not question:
        return {"question": "", "answer": EMPTY_PROMPT["en"], "language": "en", "abstained": True,
                "citations": [], "follow_up_context": [], "notice": "empty question"}
    payload = service.ask(question, [str(h) for h in (history or [])]).to_json()  # LLM-written when configured
    if notice:
        payload["notice"] = notice
    return payload

