"""Check a generated answer against the passages it cites, sentence by sentence.

Each sentence of the answer keeps the citation markers [n] that name a passage it was given (others are
removed and reported). A sentence is *supported* when it cites at least one passage and
- every number it states occurs in a cited passage (``rag.numbers``: "$558 million" matches
  "5억 5800만 달러"), and every code it names (A100, H800) occurs there, and
- it is close in meaning to a cited passage: the cosine between the sentence (encoded as a query) and the
  passage's best sentence, or the whole passage, reaches a floor per language. The English floor 0.79
  keeps about 95% of true English→Korean translation pairs of parallel_ko_en and about 4% of random
  pairs (measured with the bundled e5 model); Korean answers paraphrase Korean text, so their floor is
  higher (0.85).

Supported sentences carry the passage sentence that matched best, for highlighting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .encoders import Encoder
from .numbers import format_value, unsupported_numbers
from .retrieval import Hit
from .store import Store

MARKER_GROUP = re.compile(r"\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]")
SENTENCE_END = re.compile(r"(?<=[.!?。])\s+(?=\S)|(?<=\])\s+(?=[^\s\[])|\n+")
CODE = re.compile(r"\b(?=[A-Za-z-]*\d)(?=[\d-]*[A-Za-z])(?!\d+(?:st|nd|rd|th|s)\b)[A-Za-z\d-]{2,}\b")  # A100, not 8th


@dataclass(frozen=True)
class CheckConfig:
    min_similarity: dict = field(default_factory=lambda: {"ko": 0.85, "en": 0.79})


@dataclass(frozen=True)
class CheckedSentence:
    """One answer sentence: its text without markers, the passages (1-based) it cites, the verdict."""

    text: str
    cited: tuple[int, ...]
    supported: bool
    reason: str = ""
    similarity: float = 0.0
    evidence: tuple[int, ...] = ()  # store sentence ids that support it (one per cited passage that matched)


@dataclass(frozen=True)
class CheckedAnswer:
    sentences: tuple[CheckedSentence, ...]
    invalid_markers: tuple[int, ...]  # markers that named no given passage, removed

    @property
    def any_supported(self) -> bool:
        return any(s.supported for s in self.sentences)


def split_sentences(answer: str) -> list[tuple[str, list[int]]]:
    """(sentence text without markers, marker numbers) for each sentence of a generated answer; markers
    that open a piece ("… 조달했다. [1] 또한 …") belong to the sentence before."""
    pieces = [p.strip() for p in SENTENCE_END.split(answer.strip()) if p and p.strip()]
    out: list[tuple[str, list[int]]] = []
    for piece in pieces:
        leading = re.match(r"(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+", piece)
        if leading and out:
            out[-1][1].extend(_numbers_in(leading.group(0)))
            piece = piece[leading.end():].strip()
            if not piece:
                continue
        markers = _numbers_in(piece)
        text = " ".join(MARKER_GROUP.sub(" ", piece).split())
        text = re.sub(r"\s+([.,!?。])", r"\1", text)
        if text:
            out.append((text, markers))
        elif out:
            out[-1][1].extend(markers)
    return out


def _numbers_in(text: str) -> list[int]:
    return [int(n) for group in MARKER_GROUP.findall(text) for n in re.split(r"\s*[,;]\s*", group)]


class CitationChecker:
    def __init__(self, store: Store, encoder: Encoder, config: CheckConfig = CheckConfig()):
        self.store = store
        self.encoder = encoder
        self.config = config

    def check(self, answer: str, hits: Sequence[Hit], language: str) -> CheckedAnswer:
        parsed = split_sentences(answer)
        invalid = sorted({n for _, markers in parsed for n in markers if not 1 <= n <= len(hits)})
        vectors = self.encoder.encode_primary([text for text, _ in parsed], is_query=True) if parsed else np.zeros((0, 1))
        floor = self.config.min_similarity["ko" if language == "ko" else "en"]
        sentences = []
        for (text, markers), vector in zip(parsed, vectors):
            cited = tuple(dict.fromkeys(n for n in markers if 1 <= n <= len(hits)))
            sentences.append(self._judge(text, cited, vector, [hits[n - 1] for n in cited], floor))
        return CheckedAnswer(tuple(sentences), tuple(invalid))

    def _judge(self, text: str, cited: tuple[int, ...], vector: np.ndarray, hits: list[Hit],
               floor: float) -> CheckedSentence:
        if not cited:
            return CheckedSentence(text, cited, False, "cites no passage")
        sources = " ".join(h.chunk.text for h in hits)
        missing = unsupported_numbers(text, sources)
        if missing:
            shown = ", ".join(format_value(v) for v in missing)
            return CheckedSentence(text, cited, False, f"number {shown} not in the cited passage")
        codes = [c for c in CODE.findall(text) if c.lower() not in sources.lower()]
        if codes:
            return CheckedSentence(text, cited, False, f"{', '.join(codes)} not in the cited passage")
        best, evidence = 0.0, []
        for hit in hits:
            ids = list(self.store.chunk_sentence_ids(hit.chunk_index))
            sims = self.store.sentence_vectors[ids] @ vector
            passage = float(self.store.chunk_vectors[hit.chunk_index] @ vector)
            best = max(best, float(sims.max()), passage)
            if max(float(sims.max()), passage) >= floor:
                evidence.append(ids[int(np.argmax(sims))])
        if best < floor:
            return CheckedSentence(text, cited, False, f"not close enough to the cited passage ({best:.2f} < {floor})",
                                   best)
        return CheckedSentence(text, cited, True, "", best, tuple(evidence))
