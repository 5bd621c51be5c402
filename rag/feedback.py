"""👍/👎 feedback on answers, appended to a local JSONL file (one record per click, never sent anywhere).

The file is ``feedback/feedback.jsonl`` unless ``RAG_FEEDBACK_FILE`` names another. Each record holds
the time, the rating, the question and its earlier questions, the answer and its citations.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from .answer import Answer
from .errors import RagError

DEFAULT_FILE = Path("feedback") / "feedback.jsonl"
FEEDBACK_ENV = "RAG_FEEDBACK_FILE"
_lock = threading.Lock()


def feedback_file(environ: dict | None = None) -> Path:
    return Path((os.environ if environ is None else environ).get(FEEDBACK_ENV) or DEFAULT_FILE)


def feedback_record(answer: Answer, liked: bool, history: Sequence[str] = ()) -> dict:
    return {
        "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "liked": bool(liked),
        "question": answer.question,
        "history": list(history),
        "language": answer.language,
        "answer": answer.answer,
        "abstained": answer.abstained,
        "citations": [{"n": c.n, "source": c.source, "chunk_id": c.chunk_id, "quote": c.quote}
                      for c in answer.citations],
    }


def save_feedback(path: Path, answer: Answer, liked: bool, history: Sequence[str] = ()) -> dict:
    """Append one record (a whole line, under a lock, so concurrent clicks never interleave)."""
    record = feedback_record(answer, liked, history)
    line = json.dumps(record, ensure_ascii=False) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _lock, path.open("a", encoding="utf-8") as fh:
            fh.write(line)
    except OSError as exc:
        raise RagError(f"cannot save feedback to {path} ({exc})") from exc
    return record
