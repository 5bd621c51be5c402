"""Gradio UI over the Korean news index: chat with citation chips and a sources panel, a corpus tab
(upload, list, remove) and settings. UI wiring only; the logic lives in rag/ (chat, render, service)."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402

from rag import chat  # noqa: E402
from rag.errors import RagError  # noqa: E402
from rag.feedback import feedback_file  # noqa: E402
from rag.llm import LLMConfig  # noqa: E402
from rag.render import PAGE_CSS, PAGE_JS, upload_results_html  # noqa: E402
from rag.retrieval import MODES  # noqa: E402
from rag.service import RagService  # noqa: E402
from rag.ui_text import AUTO, LANGUAGE_CHOICES, t, ui_language  # noqa: E402

AUTH_ENV = "RAG_AUTH"


def auth_from_env(environ: dict | None = None) -> list[tuple[str, str]] | None:
    """Logins from ``RAG_AUTH`` ("user:password", several separated by commas); None when unset."""
    raw = (os.environ if environ is None else environ).get(AUTH_ENV, "").strip()
    if not raw:
        return None
    pairs = []
    for item in raw.split(","):
        user, sep, password = item.strip().partition(":")
        if not sep or not user or not password:
            raise SystemExit(f"error: {AUTH_ENV} must look like 'user:password' (several separated by commas); "
                             f"got an entry without a user or password")
        pairs.append((user, password))
    return pairs


def corpus_table(service: RagService, language: str) -> dict:
    rows = [[a.source, a.title, a.outlet, a.date, a.chunks] for a in service.articles()]
    return {"headers": t("columns", language), "data": rows}


def build_app(service: RagService, feedback_path: Path | None = None) -> gr.Blocks:
    feedback_path = feedback_path or feedback_file()
    answer_mode_info = "answer_mode_llm" if service.llm_config is not None else "answer_mode_info"
    with gr.Blocks(title="Korean news Q&A") as demo:
        language = gr.State("ko")
        turns = gr.State([])
        archive = gr.State([])
        title = gr.Markdown(t("title", "ko"), elem_id="title")
        with gr.Tabs():
            with gr.Tab(t("tab_chat", "ko"), id="chat") as chat_tab, gr.Row():
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(height=520, elem_id="chatbot", show_label=False)
                    question = gr.Textbox(placeholder=t("placeholder", "ko"), show_label=False,
                                          elem_id="question", submit_btn=True)
                    gr.Examples(examples=chat.EXAMPLES, inputs=question)
                    with gr.Row():
                        clear = gr.Button(t("new_chat", "ko"), size="sm", elem_id="new-chat")
                        earlier = gr.Dropdown(choices=[], value=None, label=t("earlier", "ko"),
                                              elem_id="earlier-chats")
                    feedback_note = gr.Markdown("", elem_id="feedback-note")
                with gr.Column(scale=2):
                    sources_head = gr.Markdown(t("sources", "ko"))
                    sources = gr.HTML(chat.render_sources(service, [], "ko"), elem_id="sources")
            with gr.Tab(t("tab_corpus", "ko"), id="corpus") as corpus_tab:
                upload = gr.File(label=t("upload", "ko"), file_count="multiple", type="filepath", elem_id="upload")
                add = gr.Button(t("add", "ko"), variant="primary", elem_id="add-files")
                upload_results = gr.HTML("", elem_id="upload-results")
                table = gr.Dataframe(value=corpus_table(service, "ko"), interactive=False, wrap=True,
                                     elem_id="corpus-table")
                with gr.Row():
                    remove_pick = gr.Dropdown(choices=[a.source for a in service.articles()], value=None,
                                              label=t("remove_pick", "ko"), elem_id="remove-pick")
                    remove = gr.Button(t("remove", "ko"), variant="stop", elem_id="remove-article")
                remove_result = gr.HTML("", elem_id="remove-result")
            with gr.Tab(t("tab_settings", "ko"), id="settings") as settings_tab:
                ui_choice = gr.Radio(LANGUAGE_CHOICES, value=AUTO, label=t("ui_language", "ko"), elem_id="ui-language")
                mode = gr.Radio(list(MODES), value="hybrid", label=t("mode", "ko"), elem_id="mode")
                passages = gr.Slider(1, 10, value=service.answer_config.passages, step=1, label=t("passages", "ko"),
                                     elem_id="passages")
                answer_mode = gr.Radio(list(service.answer_modes), value=service.answer_modes[-1],
                                       label=t("answer_mode", "ko"), info=t(answer_mode_info, "ko"),
                                       interactive=len(service.answer_modes) > 1, elem_id="answer-mode")

        labelled = [title, question, clear, earlier, sources_head, chat_tab, corpus_tab, settings_tab, upload, add,
                    remove_pick, remove, ui_choice, mode, passages, answer_mode]

        def relabel(lang: str):
            return [
                t("title", lang), gr.update(placeholder=t("placeholder", lang)), gr.update(value=t("new_chat", lang)),
                gr.update(label=t("earlier", lang)), t("sources", lang), gr.update(label=t("tab_chat", lang)),
                gr.update(label=t("tab_corpus", lang)), gr.update(label=t("tab_settings", lang)),
                gr.update(label=t("upload", lang)), gr.update(value=t("add", lang)),
                gr.update(label=t("remove_pick", lang)), gr.update(value=t("remove", lang)),
                gr.update(label=t("ui_language", lang)), gr.update(label=t("mode", lang)),
                gr.update(label=t("passages", lang)),
                gr.update(label=t("answer_mode", lang), info=t(answer_mode_info, lang)),
            ]

        def respond(message, history, turns_now, choice, mode_now, passages_now, answer_now, lang):
            settings = chat.ChatSettings(mode_now, int(passages_now), choice, answer_now)
            for view in chat.respond(service, message, history, turns_now, settings, lang):
                yield view.messages, view.sources or gr.update(), view.turns, view.language

        asked = gr.State("")
        question.submit(lambda text: ("", text), question, [question, asked], queue=False).then(  # clear at once
            respond, [asked, chatbot, turns, ui_choice, mode, passages, answer_mode, language],
            [chatbot, sources, turns, language]).then(relabel, language, labelled)

        def choose_language(choice, lang, turns_now):
            lang = ui_language(choice, "", lang)
            return [lang, chat.render_sources(service, turns_now, lang), *relabel(lang)]

        ui_choice.change(choose_language, [ui_choice, language, turns], [language, sources, *labelled])

        def archive_choices(saved):
            return gr.update(choices=[(c["title"], i) for i, c in enumerate(saved)], value=None)

        def start_new_chat(history, turns_now, saved, lang):
            saved = chat.new_chat(history, turns_now, saved)
            return [], [], saved, chat.render_sources(service, [], lang), archive_choices(saved), ""

        clear.click(start_new_chat, [chatbot, turns, archive, language],
                    [chatbot, turns, archive, sources, earlier, feedback_note])

        def open_earlier(picked, history, turns_now, saved, lang):
            if picked is None or not 0 <= int(picked) < len(saved):
                return gr.update(), gr.update(), saved, gr.update(), gr.update()
            chosen = saved[int(picked)]
            rest = chat.new_chat(history, turns_now, saved[: int(picked)] + saved[int(picked) + 1 :])
            return (chosen["messages"], chosen["turns"], rest, chat.render_sources(service, chosen["turns"], lang),
                    archive_choices(rest))

        earlier.input(open_earlier, [earlier, chatbot, turns, archive, language],
                      [chatbot, turns, archive, sources, earlier])

        def rate(data: gr.LikeData, turns_now, lang):
            index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
            try:
                chat.record_feedback(feedback_path, turns_now, int(index), bool(data.liked))
            except RagError as exc:
                return f"⚠️ {exc}"
            return t("thanks", lang)

        chatbot.like(rate, [turns, language], feedback_note)

        def add_files(files, lang, progress=gr.Progress()):
            if not files:
                return t("no_files", lang), gr.update(), gr.update(), gr.update()

            def report(stage: str, done: int, total: int) -> None:
                progress((done, total), desc=t(stage, lang), unit="")

            uploads = [(Path(f).name, Path(f)) for f in files]
            try:
                results = service.add_files(uploads, report)
            except RagError as exc:
                return f"<p>⚠️ {exc}</p>", gr.update(), gr.update(), gr.update()
            return (upload_results_html(results), corpus_table(service, lang),
                    gr.update(choices=[a.source for a in service.articles()]), None)

        add.click(add_files, [upload, language], [upload_results, table, remove_pick, upload],
                  show_progress_on=upload_results)

        def remove_article(source, lang, progress=gr.Progress()):
            if not source:
                return "", gr.update(), gr.update()
            try:
                result = service.remove(source, lambda stage, done, total: progress((done, total), desc=t(stage, lang)))
            except RagError as exc:
                return f"<p>⚠️ {exc}</p>", gr.update(), gr.update()
            return (upload_results_html([result]), corpus_table(service, lang),
                    gr.update(choices=[a.source for a in service.articles()], value=None))

        remove.click(remove_article, [remove_pick, language], [remove_result, table, remove_pick],
                     show_progress_on=remove_result)

        def ask(question: str, history: list[str] | None = None) -> dict:
            return chat.ask_api(service, question, history)

        gr.api(ask, api_name="ask")
    return demo


def launch(demo: gr.Blocks, **kwargs):
    """Start the server with the page's CSS and script (shared by main and the tests)."""
    return demo.queue(default_concurrency_limit=4).launch(css=PAGE_CSS, head=PAGE_JS, footer_links=["api"], **kwargs)


def main() -> None:
    auth = auth_from_env()
    try:
        service = RagService.open(llm=LLMConfig.from_env())
    except RagError as exc:
        raise SystemExit(f"error: {exc}") from None
    launch(
        build_app(service),
        server_name=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
        server_port=int(os.environ.get("GRADIO_SERVER_PORT", "7860")),
        auth=auth,
    )


if __name__ == "__main__":
    main()
