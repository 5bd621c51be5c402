"""The CLI contracts of DESIGN.md, run as real subprocesses on the real corpus."""

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import CORPUS, DEV_SET, ROOT

ENV = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"}


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "rag", *args], capture_output=True, text=True, input=stdin,
                          cwd=ROOT, env=ENV, timeout=600)


@pytest.fixture(scope="module")
def cli_index(real_index):
    return ["--corpus", str(CORPUS), "--index", str(real_index)]


def test_index_prints_a_one_line_summary(real_index):
    out = run("index", "--corpus", str(CORPUS), "--index", str(real_index))
    assert out.returncode == 0, out.stderr
    assert re.fullmatch(r"index: 0 added, 0 updated, 4 unchanged, 0 removed, 0 failed; \d+ chunks; .*\n", out.stdout)


@pytest.mark.skipif(not DEV_SET.exists(), reason="shared dev set not present")
def test_search_on_the_dev_set_meets_the_recall_floor(cli_index):
    out = run("search", "--jsonl", str(DEV_SET), "--k", "5", *cli_index)
    assert out.returncode == 0, out.stderr
    gold = {q["id"]: q for q in map(json.loads, DEV_SET.read_text(encoding="utf-8").splitlines())}
    found = {"ko": [], "en": []}
    for line in out.stdout.splitlines():
        result = json.loads(line)
        q = gold[result["id"]]
        assert len(result["hits"]) == 5
        assert set(result["hits"][0]) >= {"source", "chunk_id", "text", "score"}
        if q["doc"]:
            evidence = " ".join(q["evidence"].split())
            found[q["lang"]].append(any(
                h["source"].startswith(q["doc"]) and evidence in " ".join(h["text"].split()) for h in result["hits"]
            ))
    assert sum(found["ko"]) / len(found["ko"]) == 1.0
    assert sum(found["en"]) / len(found["en"]) >= 0.9


def test_ask_json_contract(cli_index):
    out = run("ask", "--json", "How much money did Zhipu AI raise in its Hong Kong IPO?", *cli_index)
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert {"answer", "language", "abstained", "citations"} <= set(answer)
    assert answer["language"] == "en" and not answer["abstained"]
    cited = [c for c in answer["citations"] if c["source"] == "001_059b92a04e5dc1f0.txt"]
    assert any("5억 5800만 달러" in c["text"] and c["quote"] in c["text"] for c in cited)
    for c in answer["citations"]:
        assert {"n", "source", "title", "text", "quote"} <= set(c)
        assert f"[{c['n']}]" in answer["answer"]


def test_ask_jsonl_with_history_from_stdin(cli_index):
    lines = "\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"id": "a", "question": "그 회사는 얼마를 조달했어?", "history": ["즈푸AI는 언제 홍콩증권거래소에 상장했나?"]},
        {"id": "b", "question": "What is Wuhan's population?"},
    ])
    out = run("ask", "--jsonl", "-", *cli_index, stdin=lines)
    assert out.returncode == 0, out.stderr
    a, b = map(json.loads, out.stdout.splitlines())
    assert a["id"] == "a" and "5억 5800만" in a["answer"]
    assert b["id"] == "b" and b["abstained"] and b["citations"] == []


def test_ask_with_history_option(cli_index):
    out = run("ask", "--json", "And what about MiniMax?", "--history", "How much did Zhipu AI raise in its IPO?",
              *cli_index)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["follow_up_context"] == ["How much did Zhipu AI raise in its IPO?"]


def test_errors_are_one_clear_line(cli_index, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    out = run("search", "--jsonl", str(bad), *cli_index)
    assert out.returncode == 2 and out.stderr.startswith("error: ") and "line 1" in out.stderr
    assert "Traceback" not in out.stderr
    out = run("ask", "--json", "", *cli_index)
    assert out.returncode == 2 and "error:" in out.stderr


def _llm_args(server, *extra):
    return ["--llm-base-url", server.url, "--llm-model", "test-model", "--llm-timeout", "5", *extra]


def test_ask_streams_llm_words_as_they_arrive_then_the_checked_answer(cli_index, llm_server):
    from llm_server import Reply, passage_with

    llm_server.script.answer = Reply(lambda body: "Zhipu AI listed in Hong Kong on the 8th and raised $558 million "
                                                  f"[{passage_with(body, '5억 5800만 달러')}].", piece_delay=0.25)
    env = {**ENV, "RAG_LLM_API_KEY": "sk-never-shown"}
    proc = subprocess.Popen([sys.executable, "-m", "rag", "ask", "How much did Zhipu AI raise in its IPO?",
                             *_llm_args(llm_server), *cli_index], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    first = b""
    while b"Zhipu" not in first:
        first += os.read(proc.stdout.fileno(), 64)
    assert proc.poll() is None  # the first words are out while the model is still writing
    rest, err = proc.communicate(timeout=120)
    out = (first + rest).decode("utf-8")
    assert proc.returncode == 0, err
    assert "— checked against the cited passages —" in out and "[1] 시장서 환호한 중국 AI" in out
    assert "sk-never-shown" not in out + err.decode("utf-8")
    assert llm_server.requests[-1]["headers"]["Authorization"] == "Bearer sk-never-shown"


def test_ask_json_shows_queries_and_sentence_support(cli_index, llm_server):
    from llm_server import Reply, passage_with

    llm_server.script.rewrite = Reply(json.dumps({"standalone": "How much did Zhipu AI raise in its IPO?",
                                                  "korean": "즈푸AI는 상장으로 얼마를 조달했나?"}))
    llm_server.script.answer = Reply(lambda body: f"It raised $558 million [{passage_with(body, '5억 5800만 달러')}]. "
                                                  "It is worth $90 billion [2].")
    out = run("ask", "--json", "How much did it raise?", "--history", "When did Zhipu AI list?",
              *_llm_args(llm_server), *cli_index)
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    assert payload["queries"] == {"original": "How much did it raise?", "standalone": "How much did Zhipu AI raise in its IPO?",
                                  "korean": "즈푸AI는 상장으로 얼마를 조달했나?"}
    assert [s["supported"] for s in payload["sentences"]] == [True, False]
    assert "90,000,000,000" in payload["sentences"][1]["reason"]


def test_unreachable_llm_falls_back_with_a_notice(cli_index):
    out = run("ask", "--json", "즈푸AI는 홍콩 상장으로 얼마를 조달했나?", "--llm-base-url", "http://127.0.0.1:9/v1",
              "--llm-model", "m", *cli_index)
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    assert payload["mode"] == "extractive" and "5억 5800만 달러" in payload["answer"]
    assert payload["notice"].startswith("LLM unavailable (cannot reach the LLM at 127.0.0.1:9")
