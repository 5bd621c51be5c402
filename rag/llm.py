"""A client for OpenAI-compatible chat-completions endpoints (Ollama's /v1, vLLM, llama.cpp's server,
OpenAI), streaming or not, with one deadline per call.

Configured by ``RAG_LLM_BASE_URL`` (e.g. http://127.0.0.1:11434/v1), ``RAG_LLM_MODEL``,
``RAG_LLM_API_KEY`` (else ``OPENAI_API_KEY``) and ``RAG_LLM_TIMEOUT`` (seconds, default 60). The key
is only ever sent in the Authorization header: it is never logged, printed or part of ``repr``.
Every failure (refused, timeout, HTTP error, malformed reply) is an ``LLMError`` with a one-line reason.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlparse

from .errors import RagError

DEFAULT_TIMEOUT = 60.0


class LLMError(RagError):
    """The LLM endpoint could not give an answer (unreachable, too slow, or a reply we cannot read)."""


@dataclass(frozen=True)
class LLMConfig:
    base_url: str
    model: str
    api_key: str = field(default="", repr=False)
    timeout: float = DEFAULT_TIMEOUT
    temperature: float = 0.1

    def __post_init__(self):
        parsed = urlparse(self.base_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise LLMError(f"RAG_LLM_BASE_URL must be an http(s) URL such as http://127.0.0.1:11434/v1, "
                           f"got {self.base_url!r}")
        if not self.model:
            raise LLMError("RAG_LLM_MODEL is not set: name the model, e.g. qwen2.5:7b-instruct or exaone3.5:7.8b")
        if not self.timeout > 0:
            raise LLMError(f"RAG_LLM_TIMEOUT must be a positive number of seconds, got {self.timeout!r}")

    @property
    def endpoint(self) -> str:
        return self.base_url.rstrip("/") + "/chat/completions"

    @classmethod
    def from_env(cls, environ: dict | None = None, **overrides) -> LLMConfig | None:
        """The configuration from the environment (CLI options override it); None when no base URL is set."""
        env = os.environ if environ is None else environ
        values = {
            "base_url": env.get("RAG_LLM_BASE_URL", "").strip(),
            "model": env.get("RAG_LLM_MODEL", "").strip(),
            "api_key": (env.get("RAG_LLM_API_KEY") or env.get("OPENAI_API_KEY") or "").strip(),
            "timeout": env.get("RAG_LLM_TIMEOUT", "").strip() or DEFAULT_TIMEOUT,
        }
        values.update({k: v for k, v in overrides.items() if v not in (None, "")})
        if not values["base_url"]:
            return None
        try:
            values["timeout"] = float(values["timeout"])
        except (TypeError, ValueError):
            raise LLMError(f"RAG_LLM_TIMEOUT must be a number of seconds, got {values['timeout']!r}") from None
        return cls(**values)


class LLMClient:
    def __init__(self, config: LLMConfig):
        self.config = config

    def _headers(self) -> dict:
        headers = {"Content-Type": "application/json"}
        if self.config.api_key:
            headers["Authorization"] = f"Bearer {self.config.api_key}"
        return headers

    def _body(self, messages: Sequence[dict], stream: bool, json_mode: bool) -> dict:
        body = {"model": self.config.model, "messages": list(messages), "stream": stream,
                "temperature": self.config.temperature}
        if json_mode:
            body["response_format"] = {"type": "json_object"}
        return body

    def complete(self, messages: Sequence[dict], json_mode: bool = False) -> str:
        """The whole reply text (one request, no streaming)."""
        return "".join(self._request(messages, stream=False, json_mode=json_mode))

    def stream(self, messages: Sequence[dict]) -> Iterator[str]:
        """The reply text piece by piece as the server sends it."""
        return self._request(messages, stream=True, json_mode=False)

    def _request(self, messages: Sequence[dict], stream: bool, json_mode: bool) -> Iterator[str]:
        import httpx

        cfg = self.config
        deadline = time.monotonic() + cfg.timeout
        where = urlparse(cfg.base_url).netloc
        try:
            with httpx.Client(timeout=httpx.Timeout(cfg.timeout)) as http, http.stream(
                "POST", cfg.endpoint, headers=self._headers(), json=self._body(messages, stream, json_mode)
            ) as response:
                if response.status_code != 200:
                    detail = response.read().decode("utf-8", errors="replace")[:200].replace("\n", " ")
                    raise LLMError(f"the LLM at {where} answered HTTP {response.status_code}: {detail}")
                if not stream:
                    yield _message_text(_parse_json(response.read()))
                    return
                for line in response.iter_lines():
                    if time.monotonic() > deadline:
                        raise LLMError(f"the LLM at {where} took longer than {cfg.timeout:g} s")
                    piece = _stream_piece(line)
                    if piece is None:
                        return
                    if piece:
                        yield piece
        except httpx.TimeoutException:
            raise LLMError(f"the LLM at {where} took longer than {cfg.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise LLMError(f"cannot reach the LLM at {where} ({type(exc).__name__}: {exc})") from None


def _parse_json(raw: bytes | str) -> dict:
    try:
        data = json.loads(raw)
    except ValueError:
        raise LLMError(f"the LLM sent a reply that is not JSON: {str(raw)[:120]!r}") from None
    if not isinstance(data, dict):
        raise LLMError("the LLM sent JSON that is not an object")
    return data


def _message_text(data: dict) -> str:
    try:
        content = data["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise LLMError(f"the LLM reply has no choices[0].message.content: {json.dumps(data)[:160]}") from None
    if not isinstance(content, str):
        raise LLMError("the LLM reply's message content is not text")
    return content


def _stream_piece(line: str) -> str | None:
    """The text of one server-sent-events line ('' for keep-alives and role-only chunks, None at [DONE])."""
    line = line.strip()
    if not line or line.startswith(":") or not line.startswith("data:"):
        return ""
    payload = line[5:].strip()
    if payload == "[DONE]":
        return None
    data = _parse_json(payload)
    if "error" in data:
        raise LLMError(f"the LLM reported an error: {str(data['error'])[:160]}")
    try:
        delta = data["choices"][0].get("delta") or {}
    except (KeyError, IndexError, TypeError, AttributeError):
        raise LLMError(f"the LLM sent a stream chunk without choices: {payload[:160]}") from None
    content = delta.get("content")
    return content if isinstance(content, str) else ""
