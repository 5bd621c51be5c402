"""Article -> sentences and overlapping chunks, all with character offsets into the cleaned text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .documents import Article
from .text import SENTENCES_VERSION, TOKENS_VERSION, analyze


@dataclass(frozen=True)
class ChunkingConfig:
    """Chunks gather whole sentences up to ``max_chars``; consecutive chunks share ``overlap`` sentences."""

    max_chars: int = 450
    overlap: int = 1

    def __post_init__(self):
        if self.max_chars < 50:
            raise ValueError(f"max_chars must be at least 50, got {self.max_chars}")
        if not 0 <= self.overlap <= 3:
            raise ValueError(f"overlap must be between 0 and 3 sentences, got {self.overlap}")

    @property
    def key(self) -> str:
        """Names how chunks and their search tokens are made: an index built another way is rebuilt."""
        return f"s{self.max_chars}-o{self.overlap}-t{TOKENS_VERSION}-b{SENTENCES_VERSION}"

    @property
    def vectors_key(self) -> str:
        """Names how the texts embedded are cut (sentences and chunks, not their search tokens): vectors cached under
        another key are embedded again. (Written as the one key was before the two were told apart.)"""
        return f"s{self.max_chars}-o{self.overlap}-t{SENTENCES_VERSION}"


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: offsets into ``Article.text`` and its search tokens."""

    start: int
    end: int
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class Chunk:
    """Consecutive sentences ``first..last`` (inclusive) of one article."""

    chunk_id: str
    source: str
    start: int
    end: int
    text: str
    first: int
    last: int


@dataclass(frozen=True)
class ChunkedArticle:
    article: Article
    sentences: tuple[Sentence, ...]
    chunks: tuple[Chunk, ...]

    def chunk_tokens(self, chunk: Chunk) -> list[str]:
        return [t for s in self.sentences[chunk.first : chunk.last + 1] for t in s.tokens]


def split_sentences_many(texts: Sequence[str]) -> list[list[Sentence]]:
    """Sentences of each text, never crossing a line break (lines are paragraphs, headings, captions);
    all lines of all texts go through Kiwi in one call (several times faster than one text at a time)."""
    lines, owners = [], []
    for i, text in enumerate(texts):
        pos = 0
        for line in text.split("\n"):
            if line.strip():
                lines.append(line)
                owners.append((i, pos))
            pos += len(line) + 1
    out: list[list[Sentence]] = [[] for _ in texts]
    for (i, offset), spans in zip(owners, analyze(lines)):
        out[i].extend(Sentence(offset + s.start, offset + s.end, s.tokens) for s in spans)
    return out


def split_sentences(text: str) -> list[Sentence]:
    return split_sentences_many([text])[0]


def group_sentences(sentences: Sequence[Sentence], config: ChunkingConfig) -> list[tuple[int, int]]:
    """(first, last) sentence ranges: greedy up to max_chars, then step back ``overlap`` sentences."""
    ranges: list[tuple[int, int]] = []
    first = 0
    while first < len(sentences):
        last = first
        while (
            last + 1 < len(sentences)
            and sentences[last + 1].end - sentences[first].start <= config.max_chars
        ):
            last += 1
        ranges.append((first, last))
        if last + 1 >= len(sentences):
            break
        first = max(last + 1 - config.overlap, first + 1)
    return ranges


def chunk_articles(articles: Sequence[Article], config: ChunkingConfig = ChunkingConfig()) -> list[ChunkedArticle]:
    """Chunk many articles with one Kiwi pass over all of them."""
    return [_chunk(a, s, config) for a, s in zip(articles, split_sentences_many([a.text for a in articles]))]


def chunk_article(article: Article, config: ChunkingConfig = ChunkingConfig()) -> ChunkedArticle:
    return chunk_articles([article], config)[0]


def _chunk(article: Article, sentences: list[Sentence], config: ChunkingConfig) -> ChunkedArticle:
    chunks = tuple(
        Chunk(
            chunk_id=f"{article.source}::{i}",
            source=article.source,
            start=sentences[a].start,
            end=sentences[b].end,
            text=article.text[sentences[a].start : sentences[b].end],
            first=a,
            last=b,
        )
        for i, (a, b) in enumerate(group_sentences(sentences, config))
    )
    return ChunkedArticle(article, tuple(sentences), chunks)
