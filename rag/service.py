"""One object that answers questions over an index: loads the store and encoder once, then serves
search and ask calls (CLI, Gradio app and evaluation all go through it)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .answer import Answer, AnswerConfig, ExtractiveComposer, config_from_env
from .encoders import BaseEncoder, make_encoder
from .indexer import IndexReport, update_index
from .retrieval import Hit, Retriever
from .store import Store, index_exists

DEFAULT_CORPUS = Path("corpus")
DEFAULT_INDEX = Path("index")


@dataclass(frozen=True)
class Paths:
    corpus: Path = DEFAULT_CORPUS
    index: Path = DEFAULT_INDEX


class RagService:
    """Holds the live index; ``reload`` after the index changed on disk."""

    def __init__(self, paths: Paths = Paths(), encoder: BaseEncoder | None = None,
                 answer_config: AnswerConfig | None = None):
        self.paths = paths
        self.encoder = encoder or make_encoder()
        self.answer_config = answer_config or config_from_env()
        self._lock = threading.Lock()
        self._load()

    def _load(self) -> None:
        store = Store.load(self.paths.index, encoder_id=self.encoder.id)
        self.store = store
        self.retriever = Retriever(store, self.encoder)
        self.composer = ExtractiveComposer(self.retriever, self.answer_config)

    @classmethod
    def open(cls, paths: Paths = Paths(), encoder: BaseEncoder | None = None, build_if_missing: bool = True,
             show_progress: bool | None = None) -> RagService:
        """Load the index, building it from the corpus first when there is none."""
        encoder = encoder or make_encoder()
        if build_if_missing and not index_exists(paths.index):
            update_index(paths.corpus, paths.index, encoder, show_progress=show_progress)
        return cls(paths, encoder)

    def reindex(self, rebuild: bool = False, show_progress: bool | None = None) -> IndexReport:
        report = update_index(self.paths.corpus, self.paths.index, self.encoder, rebuild=rebuild,
                              show_progress=show_progress)
        with self._lock:
            self._load()
        return report

    def search(self, question: str, history: Sequence[str] = (), k: int = 5, mode: str = "hybrid") -> list[Hit]:
        return self.retriever.search(question, history, k=k, mode=mode)

    def ask(self, question: str, history: Sequence[str] = (), mode: str = "hybrid") -> Answer:
        return self.ask_with_hits(question, history, mode=mode)[0]

    def ask_with_hits(self, question: str, history: Sequence[str] = (), k: int = 5,
                      mode: str = "hybrid") -> tuple[Answer, list[Hit]]:
        """The answer and the top-k hits, from one encoding of the question."""
        query = self.retriever.prepare(question, history)
        hits = self.retriever.rank(query, k=max(k, self.answer_config.passages), mode=mode)
        return self.composer.compose(query, hits[: self.answer_config.passages]), hits[:k]
