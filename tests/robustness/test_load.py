"""Concurrent chat sessions through gradio_client against the real app process: zero errors, latency
reported. CI runs 4 sessions for 10 s; ``RAG_LONG_TESTS=1`` (``make robustness``) runs 20 for 60 s."""

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time

from conftest import CORPUS, ROOT

LONG = os.environ.get("RAG_LONG_TESTS") == "1"
SESSIONS, SECONDS = (20, 60) if LONG else (4, 10)
QUESTIONS = [
    ("우한시가 올해 갖출 예정인 총 컴퓨팅 능력은?", None),
    ("How much did Zhipu AI raise in its IPO?", None),
    ("And what about MiniMax?", ["How much did Zhipu AI raise in its IPO?"]),
    ("그 회사는 얼마를 조달했어?", ["즈푸AI는 언제 홍콩증권거래소에 상장했나?"]),
    ("What is the capital of Australia?", None),
    ("", None),
]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_concurrent_sessions_get_answers_without_errors(tmp_path, real_index):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    shutil.copytree(real_index, tmp_path / "index")
    port = _free_port()
    env = {**os.environ, "GRADIO_SERVER_PORT": str(port), "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"}
    app = subprocess.Popen([sys.executable, str(ROOT / "app.py")], cwd=tmp_path, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        from gradio_client import Client

        url = f"http://127.0.0.1:{port}/"
        deadline = time.time() + 120
        while True:
            try:
                Client(url, verbose=False)
                break
            except Exception:
                assert app.poll() is None and time.time() < deadline, app.stderr.read() if app.poll() else "timeout"
                time.sleep(1)
        latencies, errors, lock = [], [], threading.Lock()

        def session(n: int) -> None:
            client = Client(url, verbose=False)
            stop = time.time() + SECONDS
            i = n
            while time.time() < stop:
                question, history = QUESTIONS[i % len(QUESTIONS)]
                i += 1
                started = time.perf_counter()
                try:
                    result = client.predict(question, history, api_name="/ask")
                    assert isinstance(result["abstained"], bool) and result["answer"]
                except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
                    with lock:
                        errors.append(f"{question!r}: {exc!r}")
                    continue
                with lock:
                    latencies.append(time.perf_counter() - started)

        threads = [threading.Thread(target=session, args=(n,)) for n in range(SESSIONS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        latencies.sort()
        figures = {"sessions": SESSIONS, "seconds": SECONDS, "requests": len(latencies), "errors": len(errors),
                   "p50_ms": round(1000 * statistics.median(latencies)),
                   "p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))])}
        out = ROOT / "test-artifacts"
        out.mkdir(exist_ok=True)
        (out / "load.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
        print("load:", figures)
        assert not errors, errors[:5]
        assert len(latencies) >= SESSIONS
    finally:
        app.terminate()
        app.wait(timeout=30)
