"""Score a question set (format of ../shared/eval/dev.jsonl, plus a "turns" form for conversations).

Per language: retrieval R@1, R@5 and MRR@10 (a chunk hits when it comes from the gold article and
contains the evidence string, whitespace collapsed); the share of answers containing one of the gold
answer strings; the share citing a gold passage; citation precision (cited passages from the gold
article); correct abstentions on unanswerable questions and false abstentions on answerable ones;
mean latency per question.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import QueryError
from .service import RagService


def _collapse(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class EvalQuestion:
    id: str
    lang: str
    question: str
    history: tuple[str, ...]
    doc: str | None
    evidence: str | None
    answers: tuple[str, ...]

    def is_gold(self, source: str, text: str) -> bool:
        return bool(self.doc) and source.startswith(self.doc) and _collapse(self.evidence or "") in _collapse(text)


def load_questions(path: Path) -> list[EvalQuestion]:
    questions = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            turns = rec.get("turns") or [rec["question"]]
            questions.append(EvalQuestion(
                str(rec.get("id", number)), rec.get("lang") or "ko", str(turns[-1]), tuple(map(str, turns[:-1])),
                rec.get("doc"), rec.get("evidence"), tuple(rec.get("answer") or ()),
            ))
        except (ValueError, KeyError, TypeError) as exc:
            raise QueryError(f"{path} line {number}: not a question record ({exc})") from exc
    return questions


@dataclass
class Tally:
    answerable: int = 0
    unanswerable: int = 0
    r1: int = 0
    r5: int = 0
    mrr: float = 0.0
    fact: int = 0
    gold_cited: int = 0
    citations: int = 0
    citations_gold_article: int = 0
    correct_abstentions: int = 0
    false_abstentions: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        n, u = max(self.answerable, 1), max(self.unanswerable, 1)
        return {
            "questions": self.answerable + self.unanswerable,
            "answerable": self.answerable,
            "unanswerable": self.unanswerable,
            "recall@1": round(self.r1 / n, 3),
            "recall@5": round(self.r5 / n, 3),
            "mrr@10": round(self.mrr / n, 3),
            "answer_has_fact": round(self.fact / n, 3),
            "gold_passage_cited": round(self.gold_cited / n, 3),
            "citation_precision": round(self.citations_gold_article / max(self.citations, 1), 3),
            "correct_abstentions": round(self.correct_abstentions / u, 3) if self.unanswerable else None,
            "false_abstentions": self.false_abstentions,
            "mean_latency_ms": round(1000 * self.seconds / max(self.answerable + self.unanswerable, 1), 1),
            "failures": self.failures,
        }


def evaluate(service: RagService, questions: list[EvalQuestion]) -> dict[str, dict]:
    tallies: dict[str, Tally] = {}
    for q in questions:
        t = tallies.setdefault(q.lang, Tally())
        started = time.perf_counter()
        answer, hits = service.ask_with_hits(q.question, q.history, k=10)
        t.seconds += time.perf_counter() - started
        if not q.doc:
            t.unanswerable += 1
            t.correct_abstentions += answer.abstained
            if not answer.abstained:
                t.failures.append(f"{q.id}: answered an unanswerable question")
            continue
        t.answerable += 1
        ranks = [i for i, h in enumerate(hits) if q.is_gold(h.chunk.source, h.chunk.text)]
        first = ranks[0] if ranks else None
        t.r1 += first == 0
        t.r5 += first is not None and first < 5
        t.mrr += 1 / (first + 1) if first is not None else 0.0
        has_fact = any(a in answer.answer for a in q.answers)
        t.fact += has_fact
        t.gold_cited += any(q.is_gold(c.source, c.text) for c in answer.citations)
        t.citations += len(answer.citations)
        t.citations_gold_article += sum(c.source.startswith(q.doc) for c in answer.citations)
        t.false_abstentions += answer.abstained
        if answer.abstained or not has_fact or first is None or first >= 5:
            t.failures.append(f"{q.id}: rank {first}, {'abstained' if answer.abstained else 'fact ' + str(has_fact)}")
    report = {lang: tally.summary() for lang, tally in sorted(tallies.items())}
    total = Tally()
    for tally in tallies.values():
        for name in ("answerable", "unanswerable", "r1", "r5", "fact", "gold_cited", "citations",
                     "citations_gold_article", "correct_abstentions", "false_abstentions"):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
        total.mrr += tally.mrr
        total.seconds += tally.seconds
    report["all"] = {k: v for k, v in total.summary().items() if k != "failures"}
    return report


def format_report(report: dict[str, dict]) -> str:
    keys = ["questions", "recall@1", "recall@5", "mrr@10", "answer_has_fact", "gold_passage_cited",
            "citation_precision", "correct_abstentions", "false_abstentions", "mean_latency_ms"]
    lines = ["| metric | " + " | ".join(report) + " |", "|---|" + "---|" * len(report)]
    for key in keys:
        lines.append(f"| {key} | " + " | ".join(str(report[lang].get(key, "")) for lang in report) + " |")
    for lang, row in report.items():
        for failure in row.get("failures", []):
            lines.append(f"miss ({lang}) {failure}")
    return "\n".join(lines)
