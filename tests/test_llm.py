"""The chat-completions client against a scripted server (protocol handling, not answer quality)."""

import time

import pytest

from rag.llm import LLMClient, LLMConfig, LLMError
from tests.llm_server import Reply


def _client(server, timeout=5.0, key="sk-test-123"):
    return LLMClient(LLMConfig(server.url, "test-model", key, timeout))


def test_streamed_reply_arrives_piece_by_piece(llm_server):
    llm_server.script.answer = Reply("즈푸AI는 5억 5800만 달러를 조달했다 [1].")
    pieces = list(_client(llm_server).stream([{"role": "user", "content": "q"}]))
    assert len(pieces) == 6 and "".join(pieces) == "즈푸AI는 5억 5800만 달러를 조달했다 [1]."
    request = llm_server.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["body"]["stream"] is True
    assert request["body"]["model"] == "test-model"
    assert request["headers"]["Authorization"] == "Bearer sk-test-123"


def test_pieces_are_yielded_as_they_arrive(llm_server):
    llm_server.script.answer = Reply("one two three four", piece_delay=0.3)
    started = time.monotonic()
    first = next(iter(_client(llm_server).stream([{"role": "user", "content": "q"}])))
    assert first == "one " and time.monotonic() - started < 0.9  # not after the whole reply (1.2 s)


def test_non_streamed_reply_and_json_mode(llm_server):
    llm_server.script.rewrite = Reply('{"standalone": "q", "korean": "질문"}')
    assert _client(llm_server).complete([{"role": "user", "content": "q"}], json_mode=True) == \
        '{"standalone": "q", "korean": "질문"}'
    assert llm_server.requests[0]["body"]["response_format"] == {"type": "json_object"}


@pytest.mark.parametrize("reply, message", [
    (Reply(status=500), "HTTP 500"),
    (Reply(raw=b"<html>oops</html>"), "not JSON"),
    (Reply(raw=b'{"choices": []}'), r"no choices\[0\]\.message\.content"),
])
def test_failures_are_one_line_errors(llm_server, reply, message):
    llm_server.script.answer = reply
    with pytest.raises(LLMError, match=message):
        _client(llm_server).complete([{"role": "user", "content": "q"}])


def test_hanging_endpoint_times_out_within_the_limit(llm_server):
    llm_server.script.answer = Reply("late", hang=5)
    started = time.monotonic()
    with pytest.raises(LLMError, match="took longer than 0.5 s"):
        list(_client(llm_server, timeout=0.5).stream([{"role": "user", "content": "q"}]))
    assert time.monotonic() - started < 1.5


def test_unreachable_endpoint():
    with pytest.raises(LLMError, match="cannot reach the LLM at 127.0.0.1:9"):
        LLMClient(LLMConfig("http://127.0.0.1:9/v1", "m", timeout=2)).complete([{"role": "user", "content": "q"}])


def test_configuration_from_the_environment_never_shows_the_key():
    assert LLMConfig.from_env({}) is None
    cfg = LLMConfig.from_env({"RAG_LLM_BASE_URL": "http://h:1/v1", "RAG_LLM_MODEL": "m", "OPENAI_API_KEY": "sk-secret",
                              "RAG_LLM_TIMEOUT": "7"})
    assert (cfg.endpoint, cfg.model, cfg.api_key, cfg.timeout) == ("http://h:1/v1/chat/completions", "m", "sk-secret", 7.0)
    assert "sk-secret" not in repr(cfg)
    assert LLMConfig.from_env({"RAG_LLM_BASE_URL": "http://h:1/v1", "RAG_LLM_MODEL": "m", "RAG_LLM_API_KEY": "a",
                               "OPENAI_API_KEY": "b"}, model="other").api_key == "a"
    with pytest.raises(LLMError, match="RAG_LLM_MODEL is not set"):
        LLMConfig.from_env({"RAG_LLM_BASE_URL": "http://h:1/v1"})
    with pytest.raises(LLMError, match="'ftp://x'"):
        LLMConfig.from_env({"RAG_LLM_BASE_URL": "ftp://x", "RAG_LLM_MODEL": "m"})
    with pytest.raises(LLMError, match="'soon'"):
        LLMConfig.from_env({"RAG_LLM_BASE_URL": "http://h/v1", "RAG_LLM_MODEL": "m", "RAG_LLM_TIMEOUT": "soon"})
