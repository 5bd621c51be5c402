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
from dataclasses import dataclass, field, fields
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

    def is_gold_article(self, source: str) -> bool:
        """``doc`` names the article by a prefix of its source ("001" for 001_x.txt, "a.jsonl#12" for line 12)."""
        if not self.doc or not source.startswith(self.doc):
            return False
        rest = source[len(self.doc):]
        return not rest or not rest[0].isdigit()

    def is_gold(self, source: str, text: str) -> bool:
        return self.is_gold_article(source) and _collapse(self.evidence or "") in _collapse(text)


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
    composed: int = 0  # answerable questions whose answer was composed and checked
    with_facts: int = 0  # ... of which have gold answer strings
    judged_unanswerable: int = 0  # unanswerable questions whose answer was composed
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

    def add(self, other: Tally) -> None:
        for f in fields(self):
            if f.name != "failures":
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def summary(self) -> dict:
        def share(count: float, total: int) -> float | None:
            return round(count / total, 3) if total else None

        return {
            "questions": self.answerable + self.unanswerable,
            "answerable": self.answerable,
            "unanswerable": self.unanswerable,
            "recall@1": share(self.r1, self.answerable),  # None for a set of unanswerables only
            "recall@5": share(self.r5, self.answerable),
            "mrr@10": share(self.mrr, self.answerable),
            "answer_has_fact": share(self.fact, self.with_facts),
            "gold_passage_cited": share(self.gold_cited, self.composed),
            "citation_precision": share(self.citations_gold_article, self.citations),
            "correct_abstentions": share(self.correct_abstentions, self.judged_unanswerable),
            "false_abstentions": self.false_abstentions if self.composed else None,
            "mean_latency_ms": round(1000 * self.seconds / max(self.answerable + self.unanswerable, 1), 1),
            "failures": self.failures,
        }


def _score_question(t: Tally, service: RagService, q: EvalQuestion, answers: bool) -> None:
    started = time.perf_counter()
    if answers:
        answer, hits = service.ask_with_hits(q.question, q.history, k=10)
    else:
        answer, hits = None, service.search(q.question, q.history, k=10)
    t.seconds += time.perf_counter() - started
    if not q.doc:
        t.unanswerable += 1
        if answer is not None:
            t.judged_unanswerable += 1
            t.correct_abstentions += answer.abstained
            if not answer.abstained:
                t.failures.append(f"{q.id}: answered an unanswerable question")
        return
    t.answerable += 1
    ranks = [i for i, h in enumerate(hits) if q.is_gold(h.chunk.source, h.chunk.text)]
    first = ranks[0] if ranks else None
    t.r1 += first == 0
    t.r5 += first is not None and first < 5
    t.mrr += 1 / (first + 1) if first is not None else 0.0
    if answer is None:
        if first is None or first >= 5:
            t.failures.append(f"{q.id}: rank {first}")
        return
    t.composed += 1
    has_fact = any(a in answer.answer for a in q.answers) if q.answers else True
    t.with_facts += bool(q.answers)
    t.fact += bool(q.answers) and has_fact
    t.gold_cited += any(q.is_gold(c.source, c.text) for c in answer.citations)
    t.citations += len(answer.citations)
    t.citations_gold_article += sum(q.is_gold_article(c.source) for c in answer.citations)
    t.false_abstentions += answer.abstained
    if answer.abstained or not has_fact or first is None or first >= 5:
        t.failures.append(f"{q.id}: rank {first}, {'abstained' if answer.abstained else 'fact ' + str(has_fact)}")


def evaluate(service: RagService, questions: list[EvalQuestion], answers: bool = True) -> dict[str, dict]:
    """Per-language report (plus "all"); ``answers=False`` scores retrieval only (no answer composed)."""
    tallies: dict[str, Tally] = {}
    for q in questions:
        _score_question(tallies.setdefault(q.lang, Tally()), service, q, answers)
    report = {lang: tally.summary() for lang, tally in sorted(tallies.items())}
    total = Tally()
    for tally in tallies.values():
        total.add(tally)
    report["all"] = {k: v for k, v in total.summary().items() if k != "failures"}
    return report


def best_floor(answerable: list[float], unanswerable: list[float]) -> tuple[float, int]:
    """The abstention floor with the fewest errors (answerable questions under it plus unanswerable ones
    at or over it), placed mid-way in the widest gap among equally good ones; returns (floor, errors)."""
    values = sorted(set(answerable) | set(unanswerable))
    if not values:
        return 0.0, 0
    cuts = [values[0] - 0.01] + [(a + b) / 2 for a, b in zip(values, values[1:])] + [values[-1] + 0.01]

    def errors(cut: float) -> int:
        return sum(s < cut for s in answerable) + sum(s >= cut for s in unanswerable)

    def gap(cut: float) -> float:
        below = [v for v in values if v < cut]
        above = [v for v in values if v >= cut]
        return (min(above) if above else cut + 0.01) - (max(below) if below else cut - 0.01)

    best = min(cuts, key=lambda c: (errors(c), -gap(c)))
    return round(best, 4), errors(best)


def calibrate(service: RagService, questions: list[EvalQuestion]) -> dict[str, dict]:
    """Per language: the abstention support of every answer, split by answerable and unanswerable
    questions, and the floor ``best_floor`` picks from those distributions."""
    by_lang: dict[str, tuple[list[float], list[float]]] = {}
    for q in questions:
        answer = service.ask(q.question, q.history)
        if answer.support is None:
            continue
        answerable, unanswerable = by_lang.setdefault(answer.language, ([], []))
        (answerable if q.doc else unanswerable).append(round(answer.support, 4))
    report = {}
    for lang, (answerable, unanswerable) in sorted(by_lang.items()):
        floor, errors = best_floor(answerable, unanswerable)
        report[lang] = {"suggested_floor": floor, "errors_at_floor": errors,
                        "current_floor": service.answer_config.min_support[lang],
                        "answerable": sorted(answerable), "unanswerable": sorted(unanswerable)}
    return report


def _cell(value) -> str:
    return "–" if value is None else str(value)


def format_report(report: dict[str, dict]) -> str:
    keys = ["questions", "recall@1", "recall@5", "mrr@10", "answer_has_fact", "gold_passage_cited",
            "citation_precision", "correct_abstentions", "false_abstentions", "mean_latency_ms"]
    lines = ["| metric | " + " | ".join(report) + " |", "|---|" + "---|" * len(report)]
    for key in keys:
        lines.append(f"| {key} | " + " | ".join(_cell(report[lang].get(key)) for lang in report) + " |")
    for lang, row in report.items():
        for failure in row.get("failures", []):
            lines.append(f"miss ({lang}) {failure}")
    return "\n".join(lines)
