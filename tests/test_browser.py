"""The UI in a real browser: Playwright drives Debian's Chromium (headless) against the app, started here
on copies of the corpus and the real index. Screenshots are saved in test-artifacts/screenshots/.

Needs /usr/bin/chromium (Debian packages chromium and fonts-nanum) and the playwright package; without
them these tests skip, unless RAG_REQUIRE_BROWSER=1 (set by .ci/run), where they fail instead.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import CORPUS, ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path(os.environ.get("RAG_CHROMIUM", "/usr/bin/chromium"))
SHOTS = Path(os.environ.get("RAG_ARTIFACTS", ROOT / "test-artifacts")) / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]
ANSWER_TIMEOUT_MS = 120_000

QUANTUM = ("서울시는 내년부터 마포구에 양자컴퓨터 연구소를 세운다고 밝혔다. 연구소 건립에는 모두 500억 원이 투입된다. "
           "연구소는 2028년 문을 열 예정이다.\n")
HOSTILE = ("부산시는 드론 택시 시범 운항을 2027년 3월에 시작한다고 밝혔다. <script>window.__xss = 1</script> "
           "<img src=x onerror=\"window.__xss = 2\"> 드론 택시는 해운대와 김해공항을 잇는다.\n")


def _require_browser():
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium fonts-nanum)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright package")
    if missing:
        message = "browser tests need " + " and ".join(missing)
        if os.environ.get("RAG_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def ui(tmp_path_factory, real_index, default_encoder):
    _require_browser()
    import app
    from rag.service import Paths, RagService

    base = tmp_path_factory.mktemp("ui")
    shutil.copytree(CORPUS, base / "corpus")
    shutil.copytree(real_index, base / "index")
    service = RagService(Paths(base / "corpus", base / "index"), default_encoder)
    demo = app.build_app(service, feedback_path=base / "feedback.jsonl")
    port = _free_port()
    app.launch(demo, server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    (base / "uploads").mkdir()
    yield SimpleNamespace(url=f"http://127.0.0.1:{port}/", base=base, service=service)
    demo.close()


@pytest.fixture(scope="module")
def llm_ui(real_index, default_encoder):
    """A second app whose answers come from the scripted chat-completions server."""
    _require_browser()
    import app
    from rag.llm import LLMConfig
    from rag.service import Paths, RagService
    from tests.llm_server import ScriptedLLM

    server = ScriptedLLM()
    service = RagService(Paths(CORPUS, real_index), default_encoder, llm=LLMConfig(server.url, "test-model", timeout=10))
    demo = app.build_app(service)
    port = _free_port()
    app.launch(demo, server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield SimpleNamespace(url=f"http://127.0.0.1:{port}/", server=server)
    demo.close()
    server.close()


@pytest.fixture(scope="module")
def browser(ui):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, ui):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(ui.url)
    page.wait_for_selector("#question textarea")
    yield page
    page.close()


def ask(page, question: str, turn: int):
    """Type a question, wait until answer ``turn`` and its sources are shown."""
    page.fill("#question textarea", question)
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#sources .turn-sources.current[data-turn='{turn}']", timeout=ANSWER_TIMEOUT_MS)
    return page.locator("#chatbot .message-row, #chatbot [data-testid='bot']").last


def upload(page, ui, files: dict[str, str | bytes]):
    paths = []
    for name, content in files.items():
        path = ui.base / "uploads" / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        paths.append(str(path))
    page.get_by_role("tab", name="기사 모음").click()
    page.locator("#upload input[type=file]").set_input_files(paths)
    page.wait_for_selector("#upload .file-preview, #upload table", timeout=30_000)
    page.click("#add-files")


def test_korean_answer_has_chips_and_a_click_highlights_the_sentence(page):
    ask(page, "즈푸AI는 홍콩 상장으로 얼마를 조달했나?", 1)
    chip = page.locator("#chatbot .cite-chip").first
    assert chip.inner_text().startswith("[1] 서울경제")
    page.screenshot(path=SHOTS / "01-answer-with-citation-chips.png")

    chip.click()
    card = page.locator("#sources .source-card.active")
    card.wait_for()
    assert "5억 5800만 달러" in card.locator("mark").first.inner_text()
    assert "서울경제 · 박윤선" in card.locator(".source-meta").inner_text()
    page.screenshot(path=SHOTS / "02-citation-click-highlighted-sentence.png")

    card.locator("summary").click()
    passage = card.locator(".article-view .cited-passage")
    passage.wait_for()
    assert passage.is_visible() and "5억 5800만 달러" in passage.locator("mark").first.inner_text()
    assert len(card.locator(".article-text").inner_text()) > 3 * len(card.locator(".source-text").inner_text())
    page.screenshot(path=SHOTS / "03-view-article.png")


def test_english_question_switches_the_interface_and_older_chips_still_work(page):
    ask(page, "우한시가 올해 갖출 예정인 총 컴퓨팅 능력은?", 1)
    assert page.get_by_role("tab", name="대화").is_visible()
    ask(page, "How much money did Zhipu AI raise in its Hong Kong IPO?", 2)
    page.get_by_role("tab", name="Chat").wait_for()
    assert page.locator("#question textarea").get_attribute("placeholder").startswith("Ask a question")
    assert "5억 5800만 달러" in page.locator("#sources .turn-sources.current mark").first.inner_text()
    page.screenshot(path=SHOTS / "04-english-question.png")

    page.locator("#chatbot .cite-t1-n1").click()  # a chip of the first answer
    current = page.locator("#sources .turn-sources.current")
    assert current.get_attribute("data-turn") == "1"
    assert "30엑사플롭스" in page.locator("#sources .source-card.active").inner_text()


def test_upload_shows_progress_and_per_file_results_then_answers_from_it(page, ui):
    records = "".join(
        json.dumps({"title": f"시험 기사 {i}", "outlet": "시험일보", "date": "2026-11-22",
                    "text": f"시험 기사 {i}번의 본문이다. 지역 축제 {i}회차는 {i + 3}일 동안 열린다. "
                            f"축제에는 주민 {i * 100 + 50}명이 참여할 예정이다."}, ensure_ascii=False) + "\n"
        for i in range(10)
    )
    upload(page, ui, {"quantum.txt": QUANTUM, "festivals.jsonl": records, "scan.pdf": b"%PDF-1.4",
                      "empty.txt": b"", "copy.txt": (CORPUS / "002_89ef6dcf7f0acffa.txt").read_bytes()})
    progress = page.locator("#upload-results [role=progressbar]")
    progress.wait_for(timeout=30_000)
    page.screenshot(path=SHOTS / "05-upload-progress.png")

    page.wait_for_selector("#upload-results li", timeout=ANSWER_TIMEOUT_MS)
    lines = page.locator("#upload-results li").all_inner_texts()
    page.screenshot(path=SHOTS / "06-upload-results.png")
    assert len(lines) == 5
    assert lines[0].startswith("added quantum.txt") and lines[1].startswith("added festivals.jsonl")
    assert lines[2].startswith("error scan.pdf") and "unsupported file type .pdf" in lines[2]
    assert lines[3].startswith("error empty.txt") and "empty" in lines[3]
    assert lines[4].startswith("duplicate copy.txt") and "002_89ef6dcf7f0acffa.txt" in lines[4]
    assert "quantum.txt" in page.locator("#corpus-table").inner_text()
    assert not (ui.base / "corpus" / "scan.pdf").exists() and not (ui.base / "corpus" / "empty.txt").exists()

    page.get_by_role("tab", name="대화").click()
    ask(page, "양자컴퓨터 연구소 건립에 얼마가 투입되나?", 1)
    card = page.locator("#sources .turn-sources.current .source-card").first
    assert "quantum.txt" in card.inner_text() and any("500억 원" in m for m in card.locator("mark").all_inner_texts())


def test_markup_in_articles_and_questions_is_shown_as_text(page, ui):
    upload(page, ui, {"busan.txt": HOSTILE})
    page.wait_for_selector("#upload-results li.upload-added", timeout=ANSWER_TIMEOUT_MS)
    page.get_by_role("tab", name="대화").click()
    ask(page, "부산시 드론 택시 시범 운항은 언제 시작하나?", 1)
    card = page.locator("#sources .turn-sources.current .source-card").first
    assert "busan.txt" in card.inner_text()
    assert "<script>window.__xss = 1</script>" in card.inner_text()
    assert "<img src=x onerror=" in card.inner_text()
    ask(page, "<img src=x onerror=\"window.__xss = 3\"> <b>굵게</b> 드론 택시?", 2)
    assert "<b>굵게</b>" in page.locator("#chatbot").inner_text()
    page.screenshot(path=SHOTS / "07-markup-shown-as-text.png")
    assert page.evaluate("window.__xss") is None


def test_feedback_click_is_saved_locally(page, ui):
    ask(page, "즈푸AI는 홍콩 상장으로 얼마를 조달했나?", 1)
    page.locator("#chatbot button[aria-label='Dislike']").last.click()
    page.wait_for_selector("#feedback-note :text('의견을 저장했습니다')", timeout=30_000)
    record = json.loads((ui.base / "feedback.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert record["liked"] is False and record["question"] == "즈푸AI는 홍콩 상장으로 얼마를 조달했나?"
    assert record["citations"][0]["source"] == "001_059b92a04e5dc1f0.txt"


def test_new_chat_files_the_conversation_and_removal_updates_the_corpus(page, ui):
    ask(page, "즈푸AI는 홍콩 상장으로 얼마를 조달했나?", 1)
    page.click("#new-chat")
    page.wait_for_function("document.querySelectorAll('#chatbot .cite-chip').length === 0")
    page.locator("#earlier-chats input").click()
    page.locator("ul[role=listbox] li", has_text="즈푸AI는 홍콩 상장으로").click()
    page.wait_for_selector("#chatbot .cite-chip")

    page.get_by_role("tab", name="기사 모음").click()
    page.locator("#remove-pick input").click()
    page.locator("ul[role=listbox] li", has_text="003_faf59091394b998f.txt").click()
    page.click("#remove-article")
    page.wait_for_selector("#remove-result li.upload-removed", timeout=ANSWER_TIMEOUT_MS)
    assert "003_faf59091394b998f.txt" not in page.locator("#corpus-table").inner_text()
    assert "003_faf59091394b998f.txt" not in {a.source for a in ui.service.articles()}


def test_llm_answer_streams_token_by_token_and_marks_unsupported_sentences(browser, llm_ui):
    from tests.llm_server import Reply, passage_with

    def reply(body):
        n = passage_with(body, "5억 5800만 달러")
        return (f"Zhipu AI listed on the Hong Kong stock exchange and raised $558 million in its IPO [{n}]. "
                f"Its shares then tripled to a value of $90 billion [{n}].")

    llm_ui.server.script.answer = Reply(reply, piece_delay=0.15)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(llm_ui.url)
    page.fill("#question textarea", "How much money did Zhipu AI raise in its Hong Kong IPO?")
    page.keyboard.press("Enter")
    seen = []
    while not page.locator("#chatbot .cite-chip").count():
        bot = page.locator("#chatbot .bot, #chatbot [data-testid='bot']")
        if bot.count():
            text = bot.last.inner_text()
            if text and (not seen or text != seen[-1]):
                seen.append(text)
        page.wait_for_timeout(50)
    assert len(seen) >= 5 and all(len(a) < len(b) for a, b in zip(seen, seen[1:]))  # it grew piece by piece
    unsupported = page.locator("#chatbot .unsupported")
    unsupported.wait_for()
    assert "$90 billion" in unsupported.inner_text()
    assert "90,000,000,000 not in the cited passage" in unsupported.get_attribute("title")
    page.screenshot(path=SHOTS / "08-llm-answer-checked.png")
    page.close()
