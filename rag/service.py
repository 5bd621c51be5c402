"""One object that answers questions over an index: loads the store and encoder once, then serves
search and ask calls (CLI, Gradio app and evaluation all go through it)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .answer import Answer, AnswerConfig, ExtractiveComposer, config_from_env
from .citation_check import CitationChecker
from .documents import Article
from .encoders import BaseEncoder, make_encoder
from .errors import QueryError
from .indexer import IndexReport, Progress, update_index
from .library import FileResult, Staged, remove_article, stage_uploads
from .llm import LLMClient, LLMConfig
from .llm_answer import LLMAnswerer
from .retrieval import Hit, Query, Retriever
from .store import Store, index_exists

DEFAULT_CORPUS = Path("corpus")
DEFAULT_INDEX = Path("index")
MAX_PASSAGES = 20
QUOTED_CACHE_SIZE = 256  # recent answers whose quoted sentences anchor the follow-ups asked next
ANSWER_MODES = ("extractive", "llm")


def _quoted_key(composer: ExtractiveComposer, question: str, history: Sequence[str], mode: str,
                passages: int) -> tuple:
    """What the sentences an answer quoted depend on: the index (its composer), the turns and the settings."""
    return id(composer), question, tuple(history), mode, passages


@dataclass(frozen=True)
class ArticleRow:
    """An indexed article as the corpus tab lists it."""

    source: str
    title: str
    outlet: str
    author: str
    date: str
    chunks: int


@dataclass(frozen=True)
class Paths:
    corpus: Path = DEFAULT_CORPUS
    index: Path = DEFAULT_INDEX


class RagService:
    """Holds the live index; ``reload`` after the index changed on disk."""

    def __init__(self, paths: Paths = Paths(), encoder: BaseEncoder | None = None,
                 answer_config: AnswerConfig | None = None, llm: LLMConfig | None = None):
        """``llm``: an OpenAI-compatible endpoint for LLM answers (None: extractive answers only)."""
        self.paths = paths
        self.encoder = encoder or make_encoder()
        self.answer_config = answer_config or config_from_env()
        self.llm_config = llm
        self._lock = threading.Lock()  # swaps of the live store
        self._write_lock = threading.Lock()  # one corpus change at a time
        # ``_answer``'s recent answers: the sentences each quoted, and whether it abstained
        self._quoted: OrderedDict[tuple, tuple[tuple[int, ...], bool]] = OrderedDict()
        self._quoted_lock = threading.Lock()
        self._load()

    def _load(self, store: Store | None = None) -> None:
        """Serve ``store``, or the index on disk."""
        store = store or Store.load(self.paths.index, encoder_id=self.encoder.id)
        retriever = Retriever(store, self.encoder)
        composer = ExtractiveComposer(retriever, self.answer_config)
        llm = None
        if self.llm_config is not None:
            llm = LLMAnswerer(LLMClient(self.llm_config), retriever, composer, CitationChecker(store, self.encoder))
        with self._lock:
            self.store, self.retriever, self.composer, self.llm = store, retriever, composer, llm
        with self._quoted_lock:
            self._quoted.clear()

    @classmethod
    def open(cls, paths: Paths = Paths(), encoder: BaseEncoder | None = None, build_if_missing: bool = True,
             show_progress: bool | None = None, llm: LLMConfig | None = None) -> RagService:
        """Load the index, building it from the corpus first when there is none."""
        encoder = encoder or make_encoder()
        if build_if_missing and not index_exists(paths.index):
            update_index(paths.corpus, paths.index, encoder, show_progress=show_progress)
        return cls(paths, encoder, llm=llm)

    def reindex(self, rebuild: bool = False, show_progress: bool | None = None,
                progress: Progress | None = None) -> IndexReport:
        report = update_index(self.paths.corpus, self.paths.index, self.encoder, rebuild=rebuild,
                              show_progress=show_progress, progress=progress, loaded=self.store)
        self._load(report.store)
        return report

    def search(self, question: str, history: Sequence[str] = (), k: int = 5, mode: str = "hybrid") -> list[Hit]:
        """The k best passages, in the order the answer reads them (``_ranked``)."""
        with self._lock:
            retriever, composer = self.retriever, self.composer
        return self._ranked(retriever, composer, retriever.prepare(question, history), k, mode, self._passages(None))[:k]

    @property
    def answer_modes(self) -> tuple[str, ...]:
        return ANSWER_MODES if self.llm_config is not None else ANSWER_MODES[:1]

    def ask(self, question: str, history: Sequence[str] = (), mode: str = "hybrid", passages: int | None = None,
            answer_mode: str | None = None) -> Answer:
        """The answer (LLM-written when an LLM is configured, unless ``answer_mode`` is 'extractive')."""
        *_, answer = self.answer_stream(question, history, mode, passages, answer_mode)
        return answer

    def answer_stream(self, question: str, history: Sequence[str] = (), mode: str = "hybrid",
                      passages: int | None = None, answer_mode: str | None = None) -> Iterator[str | Answer]:
        """Pieces of the answer text as an LLM writes them, then the final ``Answer`` (always last; the
        only item for extractive answers)."""
        answer_mode = answer_mode or self.answer_modes[-1]
        if answer_mode not in ANSWER_MODES:
            raise QueryError(f"unknown answer mode {answer_mode!r}; use one of {', '.join(ANSWER_MODES)}")
        if answer_mode == "llm" and self.llm_config is None:
            raise QueryError("LLM answers need an endpoint: set RAG_LLM_BASE_URL and RAG_LLM_MODEL (see README)")
        if answer_mode == "extractive":
            yield self.ask_with_hits(question, history, mode=mode, passages=passages)[0]
            return
        with self._lock:
            llm = self.llm
        yield from llm.stream(question, history, mode, self._passages(passages))

    def _passages(self, passages: int | None) -> int:
        passages = self.answer_config.passages if passages is None else passages
        if not 1 <= passages <= MAX_PASSAGES:
            raise QueryError(f"passages must be between 1 and {MAX_PASSAGES}, got {passages}")
        return passages

    def ask_with_hits(self, question: str, history: Sequence[str] = (), k: int = 5, mode: str = "hybrid",
                      passages: int | None = None) -> tuple[Answer, list[Hit]]:
        """The answer from the best ``passages`` hits (default: the answer config's) and the top-k hits,
        from one encoding of the question."""
        passages = self._passages(passages)
        with self._lock:
            retriever, composer = self.retriever, self.composer
        return self._answer(retriever, composer, question, history, k, mode, passages)

    def _answer(self, retriever: Retriever, composer: ExtractiveComposer, question: str, history: Sequence[str],
                k: int, mode: str, passages: int) -> tuple[Answer, list[Hit]]:
        """``ask_with_hits`` with the store and composer given. A follow-up is anchored to the sentences the
        answer to the turn before it quoted (``Query.anchors``): that answer as this service last composed
        it (a chat asks the turns in order), else composed again the same way."""
        query = retriever.prepare(question, history)
        history = [h for h in history if h and h.strip()]
        if query.turn.is_follow_up and history:
            anchors, unanswered = self._quoted_by(retriever, composer, history[-1], history[:-1], mode, passages)
            query = replace(query, anchors=anchors, earlier_unanswered=unanswered)
            meant = composer.pronoun_meant(query)  # "What did he say?" after "Who moderated the roundtable?"
            if meant:
                query = replace(retriever.prepare(question, history, meant=meant), anchors=anchors,
                                earlier_unanswered=unanswered)
        hits = self._ranked(retriever, composer, query, k, mode, passages)
        answer = composer.compose(query, hits[:passages])
        self._remember(composer, question, history, mode, passages, (answer.quoted, answer.abstained))
        return answer, hits[:k]

    def _quoted_by(self, retriever: Retriever, composer: ExtractiveComposer, question: str, history: Sequence[str],
                   mode: str, passages: int) -> tuple[tuple[int, ...], bool]:
        """The sentences the extractive answer to ``question`` (after ``history``) quotes, and whether it abstained."""
        with self._quoted_lock:
            known = self._quoted.get(_quoted_key(composer, question, history, mode, passages))
        if known is not None:
            return known
        answer = self._answer(retriever, composer, question, history, passages, mode, passages)[0]
        return answer.quoted, answer.abstained

    def _remember(self, composer: ExtractiveComposer, question: str, history: Sequence[str], mode: str,
                  passages: int, outcome: tuple[tuple[int, ...], bool]) -> None:
        with self._quoted_lock:
            self._quoted[_quoted_key(composer, question, history, mode, passages)] = outcome
            while len(self._quoted) > QUOTED_CACHE_SIZE:
                self._quoted.popitem(last=False)

    @staticmethod
    def _ranked(retriever: Retriever, composer: ExtractiveComposer, query: Query, k: int, mode: str,
                passages: int) -> list[Hit]:
        """At least k hits: the ``passages`` best reordered by the sentences they hold
        (``ExtractiveComposer.rank_passages``), then the rest in retrieval order."""
        hits = retriever.rank(query, k=max(k, passages), mode=mode)
        return composer.rank_passages(query, hits[:passages]) + hits[passages:]

    def articles(self) -> list[ArticleRow]:
        """One row per indexed article, in corpus order."""
        return [ArticleRow(d.article.source, d.article.display_title, d.article.outlet, d.article.author,
                           d.article.date, len(d.chunks)) for d in self.store.articles]

    def article(self, source: str) -> Article:
        i = self.store.by_source.get(source)
        if i is None:
            raise QueryError(f"no article {source!r} in the index")
        return self.store.articles[i].article

    def add_files(self, uploads: Sequence[tuple[str, Path]], progress: Progress | None = None) -> list[FileResult]:
        """Check, store and index uploaded (name, file) pairs; one result per file. A file that fails its
        checks changes nothing; if indexing fails, the corpus folder is put back as it was."""
        with self._write_lock:
            layout = self.store.layout
            staged = stage_uploads(self.paths.corpus, uploads, dict(zip(layout.text_hashes, layout.sources)))
            self._apply(staged, progress)
            return self._with_chunk_counts(staged.results)

    def remove(self, source: str, progress: Progress | None = None) -> FileResult:
        """Take an article out of the corpus folder and the index."""
        with self._write_lock:
            if source not in self.store.by_source:
                raise QueryError(f"no article {source!r} in the index")
            staged = remove_article(self.paths.corpus, source)
            self._apply(staged, progress)
            return staged.results[0]

    def _apply(self, staged: Staged, progress: Progress | None) -> None:
        if not staged.changed:
            return
        try:
            self.reindex(show_progress=False, progress=progress)
        except BaseException:
            staged.rollback()
            raise

    def _with_chunk_counts(self, results: list[FileResult]) -> list[FileResult]:
        out = []
        for r in results:
            chunks = [len(self.store.articles[self.store.by_source[s]].chunks) for s in r.sources
                      if s in self.store.by_source]
            if r.status in ("added", "updated") and chunks:
                r = replace(r, message=f"{r.message}, {sum(chunks)} passages indexed")
            out.append(r)
        return out
