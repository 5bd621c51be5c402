"""Public evaluation sets built from ../shared/data, in the corpus + question-set formats of this project.

* ``parallel_ko_en``: 1,000 line-aligned English/Korean news sentence pairs (korean-english-park dev,
  CC BY-SA 3.0). Each Korean sentence becomes one document; each English sentence is a question
  whose gold document is its Korean counterpart: cross-lingual retrieval, English -> Korean.
* ``parallel_passages``: the Korean side of parallel_ko_en cut into passages of five consecutive
  sentences (200 passages over many stories), with hand-written questions about one detail of a passage,
  in English and in Korean (eval/parallel_passages.jsonl, gold = ``passages.jsonl#N``): question ->
  passage retrieval in the style of Belebele, whose data is not on this machine.
* ``summit_news``: 449 Korean newspaper articles on the inter-Korean summits (CC BY 4.0). The
  articles become one .jsonl corpus file (line N = CSV row N); the questions are hand-written in
  eval/summit_news.jsonl (Korean and English, gold article = ``summit_news.jsonl#N``).

The data is read from ../shared/data at run time and written to an output folder; nothing third-party
is committed. ``python -m rag public NAME --out DIR`` writes ``DIR/corpus/`` and ``DIR/questions.jsonl``,
which ``python -m rag eval DIR/questions.jsonl --corpus DIR/corpus --index DIR/index`` then scores.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import IngestError

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SUMMIT_QUESTIONS = Path(__file__).resolve().parent.parent / "eval" / "summit_news.jsonl"
PASSAGE_QUESTIONS = Path(__file__).resolve().parent.parent / "eval" / "parallel_passages.jsonl"
PARALLEL_FILE = "parallel.jsonl"
SUMMIT_FILE = "summit_news.jsonl"
PASSAGES_FILE = "passages.jsonl"
PASSAGE_LINES = 5
NAMES = ("parallel_ko_en", "parallel_passages", "summit_news")
MARKER = ".rag-public-set"  # marks an output folder as ours, so its corpus/ may be replaced


@dataclass(frozen=True)
class PublicSet:
    name: str
    corpus: Path
    questions: Path
    documents: int
    question_count: int


def _write_jsonl(path: Path, records) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def _require(path: Path) -> Path:
    if not path.exists():
        raise IngestError(f"public data not found: {path} (pass --data DIR pointing at shared/data)")
    return path


def parallel_pairs(data_dir: Path = DATA_DIR, limit: int | None = None) -> list[tuple[str, str]]:
    """(english, korean) sentence pairs, in file order."""
    folder = _require(Path(data_dir) / "parallel_ko_en")
    english = _require(folder / "korean-english-park.dev.en").read_text(encoding="utf-8").splitlines()
    korean = _require(folder / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()
    if len(english) != len(korean):
        raise IngestError(f"{folder}: {len(english)} English lines but {len(korean)} Korean lines")
    pairs = [(e.strip(), k.strip()) for e, k in zip(english, korean) if e.strip() and k.strip()]
    return pairs[:limit] if limit else pairs


def summit_articles(data_dir: Path = DATA_DIR) -> Iterator[dict]:
    """The summit_news CSV rows as corpus records (text, title, outlet, date)."""
    path = _require(Path(data_dir) / "summit_news" / "inter_korean_summit_sample.csv")
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield {"text": row["text"], "title": row.get("title") or "", "outlet": row.get("newspaper") or "",
                   "date": row.get("year") or "", "url": row.get("doc_id") or ""}


def _copy_questions(source: Path, target: Path) -> int:
    shutil.copyfile(_require(source), target)
    return sum(1 for line in target.read_text(encoding="utf-8").splitlines() if line.strip())


def build(name: str, out_dir: Path, data_dir: Path = DATA_DIR, limit: int | None = None) -> PublicSet:
    """Write the corpus and the question set of public set ``name`` under ``out_dir``."""
    out_dir = Path(out_dir)
    corpus = out_dir / "corpus"
    marker = out_dir / MARKER
    if corpus.exists() and not marker.exists():
        raise IngestError(f"{corpus} exists and was not written by `rag public`; choose another --out folder")
    if corpus.exists():
        shutil.rmtree(corpus)
    out_dir.mkdir(parents=True, exist_ok=True)
    marker.write_text(name, encoding="utf-8")
    questions = out_dir / "questions.jsonl"
    if name == "parallel_ko_en":
        pairs = parallel_pairs(data_dir, limit)
        documents = _write_jsonl(corpus / PARALLEL_FILE, ({"text": ko} for _, ko in pairs))
        count = _write_jsonl(questions, (
            {"id": f"p{n:04d}", "lang": "en", "question": en, "doc": f"{PARALLEL_FILE}#{n}", "evidence": ""}
            for n, (en, _) in enumerate(pairs, start=1)
        ))
    elif name == "parallel_passages":
        korean = [ko for _, ko in parallel_pairs(data_dir, limit)]
        documents = _write_jsonl(corpus / PASSAGES_FILE, (
            {"text": " ".join(korean[i : i + PASSAGE_LINES])} for i in range(0, len(korean), PASSAGE_LINES)))
        count = _copy_questions(PASSAGE_QUESTIONS, questions)
    elif name == "summit_news":
        documents = _write_jsonl(corpus / SUMMIT_FILE, summit_articles(data_dir))
        count = _copy_questions(SUMMIT_QUESTIONS, questions)
    else:
        raise IngestError(f"unknown public set {name!r}; use one of {', '.join(NAMES)}")
    return PublicSet(name, corpus, questions, documents, count)
