"""A chat-completions HTTP server for tests, started inside the test process, with scripted replies.

It speaks the OpenAI protocol (streaming as server-sent events, or one JSON reply) so the client, the
fallbacks and the citation checker can be tested for real. The replies are scripted: they prove the
plumbing, not the quality of any model's answers.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    text: str | Callable[[dict], str] = ""  # or a function of the request body (to cite the right passage)
    status: int = 200
    raw: bytes | None = None  # sent as the body instead of a proper reply
    hang: float = 0.0  # seconds to wait before answering
    piece_delay: float = 0.0  # seconds between streamed pieces


@dataclass
class Script:
    """What the server answers: ``rewrite`` for JSON-mode calls (query rewriting), ``answer`` otherwise."""

    answer: Reply = field(default_factory=Reply)
    rewrite: Reply = field(default_factory=lambda: Reply(json.dumps({"standalone": "", "korean": ""})))


class ScriptedLLM:
    def __init__(self):
        self.script = Script()
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                server.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                reply = server.script.rewrite if "response_format" in body else server.script.answer
                if callable(reply.text):
                    reply = Reply(reply.text(body), reply.status, reply.raw, reply.hang, reply.piece_delay)
                time.sleep(reply.hang)
                if reply.raw is not None or reply.status != 200:
                    self._send(reply.status, reply.raw or b'{"error": "scripted failure"}')
                elif body.get("stream"):
                    self._stream(reply)
                else:
                    payload = {"choices": [{"index": 0, "message": {"role": "assistant", "content": reply.text}}]}
                    self._send(200, json.dumps(payload, ensure_ascii=False).encode("utf-8"))

            def _send(self, status: int, data: bytes):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, reply: Reply):
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                self._event({"choices": [{"index": 0, "delta": {"role": "assistant"}}]})
                for piece in pieces(reply.text):
                    time.sleep(reply.piece_delay)
                    self._event({"choices": [{"index": 0, "delta": {"content": piece}}]})
                self.wfile.write(b"data: [DONE]\n\n")

            def _event(self, payload: dict):
                self.wfile.write(b"data: " + json.dumps(payload, ensure_ascii=False).encode("utf-8") + b"\n\n")
                self.wfile.flush()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def answer_requests(self) -> list[dict]:
        return [r["body"] for r in self.requests if "response_format" not in r["body"]]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def pieces(text: str) -> list[str]:
    """The text cut into word-sized pieces (spaces kept), as a model streams it."""
    out, word = [], ""
    for ch in text:
        word += ch
        if ch == " ":
            out.append(word)
            word = ""
    return out + ([word] if word else [])


def passage_with(body: dict, text: str) -> int:
    """The number of the passage in the request's prompt that contains ``text`` (0 if none)."""
    prompt = body["messages"][-1]["content"]
    for block in prompt.split("<passage ")[1:]:
        if text in block:
            return int(block.split('"')[1])
    return 0
