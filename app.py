"""Gradio chat UI over the Korean news index. UI wiring only; the logic lives in rag/."""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402

from rag import chat  # noqa: E402
from rag.errors import RagError  # noqa: E402
from rag.service import RagService  # noqa: E402

CSS = """
.source-card {border: 1px solid #d0d7de; border-radius: 8px; padding: 10px; margin-bottom: 10px;}
.source-meta {color: #57606a; font-size: 0.9em; margin: 4px 0;}
.source-file {color: #8c959f; font-size: 0.85em;}
.source-text mark {background: #fff3a3; padding: 0 2px;}
"""


def build_app(service: RagService) -> gr.Blocks:
    with gr.Blocks(title="Korean news Q&A") as demo:
        gr.Markdown("## 한국어 뉴스 질의응답 · Korean news Q&A\nAnswers quote the articles and cite them [n].")
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Chat", height=520, elem_id="chatbot")
                question = gr.Textbox(placeholder="질문을 입력하세요 / Ask a question", show_label=False,
                                      elem_id="question", submit_btn=True)
                gr.Examples(examples=chat.EXAMPLES, inputs=question)
                clear = gr.Button("새 대화 / New chat", size="sm")
            with gr.Column(scale=2):
                gr.Markdown("### 출처 · Sources")
                sources = gr.HTML(chat.sources_html(None), elem_id="sources")

        def respond(message, history):
            yield from chat.respond(service, message, history)

        question.submit(respond, [question, chatbot], [chatbot, sources]).then(lambda: "", None, question)
        clear.click(lambda: ([], chat.sources_html(None)), None, [chatbot, sources])

        def ask(question: str, history: list[str] | None = None) -> dict:
            return chat.ask_api(service, question, history)

        gr.api(ask, api_name="ask")
    return demo


def main() -> None:
    try:
        service = RagService.open()
    except RagError as exc:
        raise SystemExit(f"error: {exc}") from None
    demo = build_app(service)
    demo.queue(default_concurrency_limit=4).launch(
        server_name=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
        server_port=int(os.environ.get("GRADIO_SERVER_PORT", "7860")),
        css=CSS,
        footer_links=["api"],
    )


if __name__ == "__main__":
    main()
