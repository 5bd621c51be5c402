"""Question -> ranked chunks (Hits): dense + BM25, fused in a way that depends on the query.

Dense relevance of a chunk is the mean of two cosines: the chunk's own vector and its best sentence
(English questions over Korean text match single sentences much better than whole chunks). With a
blended encoder (e5 + USE, the default) each cosine is the models' weighted mean, by the question's
language (``BLEND_WEIGHTS``); answer scoring keeps the primary model's own cosine (``question_vector``). The
encoder's sparse latent terms (concepts shared across languages) add a third signal on the
candidates: the best latent-term overlap among a chunk's sentences. BM25 runs
over Kiwi morphemes; its weight in the fusion is the share of the query's tokens that occur in the
corpus vocabulary, so a Korean question gets full hybrid search while an English question (whose
words mostly do not occur in Korean text) leans on the dense side, keeping what it shares with the
articles: numbers, Latin-script names and codes such as A100, H800, CSET or Qwen. The English words the
index does not know are bridged to Korean terms (``rag.bridge``: names by sound, other words by
meaning), and BM25 over those terms, weighted by match similarity, is a fourth signal. The terms
bridged with high similarity are also appended to the English question before it is encoded for
search ("… Yao Shunyu … 야오순위"): the code-switched text lands nearer the Korean passages that name
them. The plain question's vector is kept for scoring answer sentences and for abstention. Last, the best
candidates are reranked by how much of the question one of their sentences holds (BM25 counts the
question's words anywhere in a chunk; this rewards them together), weighted like BM25 by the share of the
question's words the index knows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

import numpy as np

from .answer_types import names_by_surname
from .bridge import TermBridge, TermMatch, counted, english_candidates, english_words, is_hangul_term, name_candidates
from .casing import is_uncased, latin_spellings, truecased
from .chunking import Chunk
from .conversation import KO_TIME_TOPIC, Turn, resolve_turn
from .documents import Article
from .encoders import Encoder
from .errors import QueryError
from .glossary import phrases, senses
from .names import is_peoples_adjective, is_place_name
from .numbers import asked_currency
from .store import Store
from .text import QuestionWords, detect_language, question_words, tokenize, without_request
from .timing import Stopwatch

MODES = ("hybrid", "dense", "bm25")
LEXICAL_SCALE = 0.12  # BM25 (divided by its best score) is worth at most this much cosine
LATENT_SCALE = 0.2  # latent-term overlap (divided by the best candidate's) is worth at most this much
BRIDGE_SCALE = 0.08  # BM25 of the Korean terms bridged from English words (divided by its best) at most this
# The best share of the question's words (IDF-weighted) that one sentence of a chunk holds, times the
# share of the question's words the index knows, is worth at most this much; it reranks the best
# RERANKED candidates. BM25 counts words anywhere in a chunk, this rewards them together in one sentence.
SENTENCE_SCALE = 0.2
RERANKED = 50
# The models' weights in the dense score when the encoder is a blend (e5, USE; ``rag.encoders``), by the
# question's language; tuned on parallel_ko_en, parallel_passages and the seed questions (docs/EVALUATION.md).
# Korean questions keep e5 alone: USE at 0.1-0.2 put the dev set's d01 at the very edge of the top five.
BLEND_WEIGHTS = {"ko": (1.0, 0.0), "en": (0.8, 0.2)}
SEARCH_TERM_MIN_WEIGHT = 0.9  # bridged terms this close are added to the searched text
LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .'&-]*")  # Latin words between the Hangul of a Korean question
WORD_CACHE_SIZE = 4096
CONTEXT_WEIGHT = 0.5  # earlier turns count half in a follow-up
# A follow-up's passages from the article the earlier answer quoted score this much more: "What did it say
# about China's chip technology?" after "What is Insikt Group?" is about the article that answered it
# (the composer then prefers the sentences just after the quoted one, ``sentence_closeness``). 0.02 left
# "How many does China have?" after "What chips did the US stop selling to China?" outside that article.
ANCHOR_SCALE = 0.04
ANCHOR_REACH = 2  # sentences after a quoted one that count as next to it
MAX_QUESTION_CHARS = 2000


@dataclass(frozen=True)
class Query:
    """A question prepared for search: language, tokens and vectors of the question and its context."""

    turn: Turn
    language: str
    tokens: tuple[str, ...]
    context_tokens: tuple[str, ...]
    vector: np.ndarray  # the searched text (question, bridged terms, context), models weighted by BLEND_WEIGHTS
    question_vector: np.ndarray  # the question alone, primary model only (``Encoder.primary``): answer scoring
    search_vector: np.ndarray  # the searched text, primary model only: answer scoring
    lexical_weight: float
    latent: object = None  # 1 x D sparse latent-term vector of the search text, when the encoder has them
    bridged: tuple[TermMatch, ...] = ()  # Korean terms matched to English words of the question
    context_bridged: tuple[TermMatch, ...] = ()  # the same for the earlier turns of a follow-up
    names: tuple[str, ...] = ()  # the question's acronyms and Kiwi's proper nouns (``text.question_words``)
    anchors: tuple[int, ...] = ()  # a follow-up's: the sentences the answer to the turn before it quoted
    earlier_unanswered: bool = False  # a follow-up's: whether the answer to the turn before it abstained
    noun_words: tuple[str, ...] = ()  # its words that begin with a noun, as written (``text.question_words``)
    has_predicate: bool = False  # whether Kiwi finds a verb or adjective in it

    @property
    def text(self) -> str:
        return self.turn.question


@dataclass(frozen=True)
class Hit:
    chunk_index: int
    chunk: Chunk
    article: Article
    score: float
    dense: float
    lexical: float


def sentence_closeness(store: Store, anchors: Sequence[int], sentence_id: int) -> float:
    """1 for a sentence an earlier answer quoted (``anchors``) or one up to ``ANCHOR_REACH`` sentences
    after it, 0.5 for another sentence of the same article, 0 otherwise."""
    article = store.sentence_article[sentence_id]
    same = [a for a in anchors if store.sentence_article[a] == article]
    if not same:
        return 0.0
    return 1.0 if any(0 <= sentence_id - a <= ANCHOR_REACH for a in same) else 0.5


def in_anchored_article(store: Store, anchors: Sequence[int], chunk_ids: np.ndarray) -> np.ndarray:
    """Per chunk, whether its article holds a sentence an earlier answer quoted (``anchors``)."""
    return np.isin(store.chunk_article[chunk_ids], store.sentence_article[np.asarray(anchors, dtype=np.int64)])


def idf_weights(store: Store, query_tokens: Iterable[str]) -> dict[str, float]:
    """IDF weight of each query token. A token the corpus never uses gets the highest IDF: a Korean
    question about something the articles never mention ("인구", "매출") cannot be well covered."""
    vocab, idf = store.bm25.vocab, store.bm25.idf
    unknown = float(idf.max()) if len(idf) else 1.0
    return {t: max(float(idf[vocab[t]]), 0.05) if t in vocab else unknown for t in set(query_tokens)}


def idf_coverage(weights: dict[str, float], text_tokens: Iterable[str], text: str = "") -> float:
    """IDF-weighted share of the query tokens (``idf_weights``) that occur in the text's tokens, or, for
    words of two or more letters, in ``text`` itself: Kiwi splits an unknown name differently in different
    contexts ("인식트그룹은 …" -> 인식트 + 그룹 in one sentence, 인식트그룹 in another)."""
    total = sum(weights.values())
    if not total:
        return 0.0
    present = set(text_tokens)
    return sum(w for t, w in weights.items() if t in present or (len(t) > 1 and t in text)) / total


def with_surnamed(tokens: tuple[str, ...], text: str, question_tokens: Sequence[str]) -> tuple[str, ...]:
    """A sentence's tokens plus each full name of a Korean question (a Hangul word of three syllables or
    more) that it names by surname and title ("린 기술책임자는" for 린쥔양, "야오 AI책임자는" for 야오순위),
    with the question's shorter tokens that begin the name (Kiwi's 린쥔 of 린쥔양)."""
    named = [t for t in _full_name_candidates(tuple(question_tokens)) if names_by_surname(text, t)]
    return tokens + tuple(t for t in question_tokens if any(n.startswith(t) and len(t) > 1 for n in named))


@lru_cache(maxsize=256)
def _full_name_candidates(question_tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The question's Hangul tokens of three syllables or more, worked out once per question, not once per
    candidate sentence."""
    return tuple(t for t in question_tokens if len(t) >= 3 and is_hangul_term(t))


def _sentences_of(ranges: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sentence ids of chunks given as inclusive (first, last) rows, concatenated, and where each
    chunk's run starts (for ``np.maximum.reduceat``)."""
    lengths = ranges[:, 1] - ranges[:, 0] + 1
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    ids = np.repeat(ranges[:, 0], lengths) + np.arange(int(lengths.sum())) - np.repeat(starts, lengths)
    return ids, starts


def with_bridged_terms(question: str, bridged: Sequence[TermMatch]) -> str:
    """The question followed by the Korean terms bridged from its words with at least
    ``SEARCH_TERM_MIN_WEIGHT`` ("Which company did Yao Shunyu join? 야오순위 기업"): encoded as one text, the
    code-switched question lands nearer the Korean passages that name them."""
    terms = dict.fromkeys(m.term for m in counted(bridged) if m.weight >= SEARCH_TERM_MIN_WEIGHT)
    return f"{question} {' '.join(terms)}" if terms else question


def _single_threaded_blas() -> None:
    """Matrix products on the query path are small; with BLAS threads, the idle threads spin after each
    product and take the cores from the encoder's next pass (measured: 39 ms per question became 90)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


GLUED_PARTICLES = "의은는이가을를와과도에"  # one-syllable particles Kiwi may read as part of an unknown name


class Retriever:
    """Searches a Store with an Encoder; the same object serves every question."""

    def __init__(self, store: Store, encoder: Encoder, candidates: int = 100):
        if encoder.id != store.encoder_id:
            raise QueryError(f"encoder {encoder.id!r} does not match the index's {store.encoder_id!r}")
        if candidates < 1:
            raise ValueError(f"candidates must be positive, got {candidates}")
        self.store = store
        self.encoder = encoder
        self.candidates = candidates
        self._word_vectors: dict[str, np.ndarray] = {}
        _single_threaded_blas()


    @cached_property
    def latin_spellings(self) -> dict[str, str]:
        """The Latin words the articles write with capitals, by their lower-case form (``casing``)."""
        return latin_spellings(doc.article.text for doc in self.store.articles)

    def truecased(self, text: str) -> str:
        """``text`` with the capitals restored when it was typed without any (``casing.truecased``)."""
        return truecased(text, self.latin_spellings) if is_uncased(text) else text

    @cached_property
    def bridge(self) -> TermBridge:
        store = self.store
        return TermBridge([t for t in store.bm25.vocab if is_hangul_term(t)], store.terms, store.term_vectors,
                          self.encoder.term_similarity_floor)

    def word_vectors(self, words: Sequence[str]) -> np.ndarray:
        """Primary query vectors of single words, for the bridge (cached, bounded: the same words come back)."""
        found = {w: self._word_vectors.get(w) for w in words}
        todo = [w for w, v in found.items() if v is None]
        if todo:
            found.update(zip(todo, self.encoder.encode_primary(todo, is_query=True)))
            if len(self._word_vectors) + len(todo) > WORD_CACHE_SIZE:
                self._word_vectors = {}
            self._word_vectors.update((w, found[w]) for w in todo)
        return np.array([found[w] for w in words])

    def bridge_matches(self, question: str, language: str, watch: Stopwatch | None = None,
                       sense: np.ndarray | None = None) -> tuple[TermMatch, ...]:
        """Korean terms for the question's English words: names and loanwords by sound, and for an
        English question, other words through the glossary (the rendering nearest ``sense``, the
        question's vector) or, when it lacks them, by meaning (``watch`` counts encoding those words as
        encoding)."""
        watch = watch or Stopwatch()
        vocab = self.store.bm25.vocab
        with watch.stage("bridge"):
            # a Korean question's Latin words run by run ("Alibaba의 CEO는 …": Alibaba, then CEO; not AlibabaCEO)
            candidates = ([c for run in LATIN_RUN.findall(question) for c in name_candidates(run, vocab, first_word=True)]
                          if language == "ko" else name_candidates(question, vocab))
            matches = self.bridge.by_sound([w for w in candidates if not is_peoples_adjective(w)])
            words = []
            if language == "en":
                matches += self.bridge.by_territory(question)
                named = {m.word for m in matches}
                words = [w for w in english_candidates(question, vocab) if not any(w in name for name in named)]
                # a phrase Korean says in one word is glossed as one ("Blue House" 청와대, not 주택; "take off" 이륙)
                joined = phrases(english_words(question))
                words = [w for w in words if not any(w in run for _, run in joined)]
                # a capitalised word the bridge did not hear or place may be a word of a name Korean translates
                # ("Panmunjom Declaration" 판문점 선언; "United States" is placed): glossed when the index holds a
                # rendering of it, else matched by meaning ("Wind", the data firm 윈드, is no 바람)
                in_glossary = [head for head, _ in joined] + [w for w in words if senses(w)]
                glossed = self.bridge.by_glossary(in_glossary, sense)
                matches += glossed
                done = {m.word for m in glossed} | {w for w in in_glossary if w.islower()}
                words = [w for w in words if w not in done] if self.bridge.translates_meaning else []
        if words:
            with watch.stage("encoding"):
                vectors = self.word_vectors(words)
            with watch.stage("bridge"):
                matches += self.bridge.by_meaning(words, vectors)
        return tuple(matches)

    def prepare(self, question: str, history: Sequence[str] = (), watch: Stopwatch | None = None,
                meant: str = "") -> Query:
        """The question analysed (tokens), encoded (dense and latent vectors) and bridged; ``watch`` times
        the three stages; ``meant``, whom a follow-up's pronoun means (``Turn.meant``)."""
        watch = watch or Stopwatch()
        question = " ".join(str(question).split())[:MAX_QUESTION_CHARS]
        if not question:
            raise QueryError("the question is empty")
        with watch.stage("analysis"):
            question = self.truecased(question)
            history = [self.truecased(h) for h in history]
            turn = resolve_turn(question, history, tokenize)
            if meant and turn.is_follow_up:
                turn = replace(turn, meant=meant)
            asked = without_request(question)  # "…을 알려줘": 알리 is no word to search for
            if turn.is_follow_up:  # "지금은 어디서 일해?": now, against the earlier turn's past, is no word to search for
                asked = KO_TIME_TOPIC.sub(" ", asked)
            words = question_words(asked)
            tokens, names = words.tokens, words.names
            whole = self._whole_words(words)
            # the single syllables a whole word was split into only dilute it ("주송춘은" -> 주 + 송 + 춘)
            tokens = tuple(t for t in tokens if len(t) > 1 or not any(t in w for w in whole))
            tokens += tuple(w for w in whole if w not in tokens)
            tokens, names = self._unglued(tokens), self._unglued(names)
            names = tuple(n for n in names if not asked_currency(n))  # "원화로는?": Kiwi's proper noun 원화로 is a currency
            context_tokens = tuple(t for h in (*turn.context, turn.meant) for t in tokenize(h))
            language = detect_language(question)
        with watch.stage("encoding"):
            plain = self.encoder.encode_query(question)
            question_vector = self.encoder.primary(plain)
        # bridged in full (a name that opens what is asked is still heard: "Tell me about Wuhan's …"), but for the
        # request's words ("tell", "explain", "list")
        request = {w.lower() for w in question[: max(question.find(asked), 0)].split()}
        bridged = tuple(m for m in self.bridge_matches(question, language, watch, question_vector)
                        if m.word.lower() not in request)
        if language == "ko":
            with watch.stage("bridge"):
                # a country's or region's Korean name has one spelling: 일본 is no 일보 of 양쯔일보
                respelled = self.bridge.by_spelling([w for w in words.noun_words if not is_place_name(w)])
                # an English word the articles write in Korean ("EUV 시제품을 만든 시기는?": 극자외선), glossed
                vocab = self.store.bm25.vocab
                glossed = self.bridge.by_glossary([w for w in english_words(question) if w.lower() not in vocab],
                                                  question_vector)
            # a name in Latin letters the articles write in Hangul ("MiniMax는 얼마를 모았나요?": 미니맥스), heard by sound
            heard = [m for m in bridged if m.how == "sound" and m.weight >= SEARCH_TERM_MIN_WEIGHT
                     and m.word.lower() not in vocab and m.word.isascii()]
            # the index lacks them: no token to cover
            unknown = {m.word.lower() for m in glossed} | {w.lower() for m in heard for w in english_words(m.word)}
            tokens = tuple(t for t in tokens if t not in unknown)
            tokens += tuple(dict.fromkeys(m.term for m in (*respelled, *glossed, *heard) if m.term not in tokens))
            # and such a name is the Hangul name among the question's names ("Alibaba의 CEO는?": 알리바바's CEO)
            spelt = {m.word.lower(): m.term for m in heard}
            names = tuple(dict.fromkeys([*(spelt.get(n.lower(), n) for n in names), *spelt.values()]))
            bridged += tuple(respelled) + tuple(glossed)
        context = " ".join(turn.context)
        context_bridged = self.bridge_matches(context, detect_language(context), watch) if context else ()
        with watch.stage("encoding"):
            searched = with_bridged_terms(question, bridged)
            vector = plain if searched == question else self.encoder.encode_query(searched)
            if turn.is_follow_up:
                vector = vector + self.encoder.encode_query(turn.search_text)
                vector = vector / max(float(np.linalg.norm(vector)), 1e-12)
            search_vector = self.encoder.primary(vector)
            vector = self.encoder.reweighted(vector, BLEND_WEIGHTS["ko" if language == "ko" else "en"])
            latent = self.encoder.encode_sparse([turn.search_text]) if self.store.sentence_latent is not None else None
        lexical_weight = self.store.bm25.known_fraction(tokens + context_tokens)
        return Query(turn, language, tokens, context_tokens, vector, question_vector, search_vector, lexical_weight, latent,
                     bridged, context_bridged, names, noun_words=words.noun_words, has_predicate=words.has_predicate)

    def _unglued(self, words: Sequence[str]) -> tuple[str, ...]:
        """``words`` with a particle Kiwi left on a name cut off ("발렌틴 베버의 소속은?" gives the proper noun 베버의):
        a word the index lacks whose stem, one particle syllable shorter, it has ("베버")."""
        vocab = self.store.bm25.vocab
        return tuple(dict.fromkeys(w[:-1] if len(w) > 2 and w[-1] in GLUED_PARTICLES and w not in vocab
                                   and w[:-1].lower() in vocab else w for w in words))

    def _whole_words(self, words: QuestionWords) -> tuple[str, ...]:
        """The nouns Kiwi split into syllables in the question that the articles hold whole (an unknown
        name splits differently before different particles: "주송춘은" -> 주 + 송 + 춘, while the article's
        "주송춘과" gives 주송춘): those the index has as a term."""
        vocab = self.store.bm25.vocab
        return tuple(w for w in words.split_nouns if w in vocab)

    def lexical_scores(self, query: Query) -> np.ndarray:
        scores = self.store.bm25.scores(query.tokens)
        if query.context_tokens:
            scores = scores + CONTEXT_WEIGHT * self.store.bm25.scores(query.context_tokens)
        return scores

    def bridged_scores(self, query: Query) -> np.ndarray | None:
        """BM25 of the bridged Korean terms, each weighted by its match similarity (the context's at
        ``CONTEXT_WEIGHT``); None without any."""
        matches = [(m.term, m.weight) for m in query.bridged]
        matches += [(m.term, CONTEXT_WEIGHT * m.weight) for m in query.context_bridged]
        if not matches:
            return None
        terms, weights = zip(*matches)
        return self.store.bm25.scores(list(terms), list(weights))

    def _dense_candidates(self, query: Query) -> np.ndarray:
        store = self.store
        n = len(store.chunks)
        if n <= self.candidates:
            return np.arange(n)
        q = query.vector[None, :].astype(np.float32)
        _, chunk_ids = store.dense_index("chunk").search(q, self.candidates)
        _, sent_ids = store.dense_index("sentence").search(q, self.candidates)
        from_sentences = [c for s in sent_ids[0] if s >= 0 for c in store.sentence_chunks(int(s))]
        return np.unique(np.concatenate([chunk_ids[0][chunk_ids[0] >= 0], np.array(from_sentences, dtype=np.int64)]))

    def dense_scores(self, query: Query, chunk_ids: np.ndarray) -> np.ndarray:
        """Mean of the chunk cosine and the best sentence cosine, for the given chunks."""
        store = self.store
        chunk_cos = store.chunk_vectors[chunk_ids] @ query.vector
        sentence_ids, starts = _sentences_of(store.chunk_sentences[chunk_ids])
        if not len(sentence_ids):
            return chunk_cos
        sims = store.sentence_vectors[sentence_ids] @ query.vector
        return (chunk_cos + np.maximum.reduceat(sims, starts)) / 2

    def sentence_latent_scores(self, query: Query, sentence_ids: np.ndarray) -> np.ndarray:
        """Latent-term overlap of the query with each given sentence (zeros without latent terms)."""
        if query.latent is None or self.store.sentence_latent is None:
            return np.zeros(len(sentence_ids))
        return np.asarray((self.store.sentence_latent[sentence_ids] @ query.latent.T).todense()).ravel()

    def sentence_coverage_scores(self, query: Query, chunk_ids: np.ndarray) -> np.ndarray:
        """The best ``idf_coverage`` of the question's own words among each chunk's sentences."""
        store = self.store
        weights = idf_weights(store, query.tokens)
        covered: dict[int, float] = {}  # overlapping chunks share sentences: each is scored once

        def coverage(sentence_id: int) -> float:
            if sentence_id not in covered:
                doc, sentence = store.sentence(sentence_id)
                text = doc.article.text[sentence.start : sentence.end]
                tokens = with_surnamed(sentence.tokens, text, query.tokens) if query.language == "ko" else sentence.tokens
                covered[sentence_id] = idf_coverage(weights, tokens, text)
            return covered[sentence_id]

        return np.array([max((coverage(s) for s in store.chunk_sentence_ids(c)), default=0.0) for c in chunk_ids.tolist()])

    def latent_scores(self, query: Query, chunk_ids: np.ndarray) -> np.ndarray:
        """Best latent-term overlap among each chunk's sentences."""
        sentence_ids, starts = _sentences_of(self.store.chunk_sentences[chunk_ids])
        if not len(sentence_ids):
            return np.zeros(len(chunk_ids))
        unique, where = np.unique(sentence_ids, return_inverse=True)  # overlapping chunks share sentences
        return np.maximum.reduceat(self.sentence_latent_scores(query, unique)[where], starts)

    def rank(self, query: Query, k: int = 5, mode: str = "hybrid", watch: Stopwatch | None = None) -> list[Hit]:
        """The k best chunks; ``watch`` times the stages: bm25, dense (FAISS search) and fusion (the rest)."""
        watch = watch or Stopwatch()
        if mode not in MODES:
            raise QueryError(f"unknown retrieval mode {mode!r}; use one of {', '.join(MODES)}")
        if k < 1:
            raise QueryError(f"k must be at least 1, got {k}")
        store = self.store
        if not store.chunks:
            return []
        with watch.stage("bm25"):
            lexical = self.lexical_scores(query) if mode != "dense" else np.zeros(len(store.chunks))
            bridged = self.bridged_scores(query) if mode != "dense" else None
        if mode == "bm25":
            total = lexical if bridged is None else lexical + bridged
            ids = np.flatnonzero(total > 0)
            dense = np.zeros(len(ids))
            fused = total[ids]
        else:
            with watch.stage("dense"):
                ids = self._dense_candidates(query)
            with watch.stage("fusion"):
                ids, dense, fused = self._fuse(query, ids, lexical, bridged, mode)
        order = np.lexsort((ids, -fused))[:k]
        return [
            Hit(int(ids[j]), store.chunks[int(ids[j])], store.article_of_chunk(int(ids[j])).article,
                float(fused[j]), float(dense[j]), float(lexical[ids[j]]))
            for j in order
        ]

    def _fuse(self, query: Query, ids: np.ndarray, lexical: np.ndarray, bridged: np.ndarray | None,
              mode: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(candidate ids, dense scores, fused scores): the dense candidates plus, in hybrid mode, the best
        BM25 ones; dense relevance plus the weighted BM25, bridge and latent-term signals."""
        if mode == "hybrid":
            for extra in (lexical, bridged):
                if extra is not None:
                    top = np.argpartition(-extra, self.candidates)[: self.candidates] if len(extra) > self.candidates \
                        else np.arange(len(extra))
                    ids = np.union1d(ids, top[extra[top] > 0])
        dense = self.dense_scores(query, ids)
        fused = dense.copy()
        if mode == "hybrid":
            best_lexical = lexical.max()
            if best_lexical > 0:
                fused += query.lexical_weight * LEXICAL_SCALE * lexical[ids] / best_lexical
            if bridged is not None and bridged.max() > 0:
                fused += BRIDGE_SCALE * bridged[ids] / bridged.max()
            latent = self.latent_scores(query, ids)
            if latent.max() > 0:
                fused += LATENT_SCALE * latent / latent.max()
            if query.anchors:
                fused += ANCHOR_SCALE * in_anchored_article(self.store, query.anchors, ids)
            if query.lexical_weight > 0:
                top = np.argsort(-fused, kind="stable")[:RERANKED]
                fused[top] += query.lexical_weight * SENTENCE_SCALE * self.sentence_coverage_scores(query, ids[top])
        return ids, dense, fused

    def rank_fused(self, queries: Sequence[Query], k: int = 5, mode: str = "hybrid") -> list[Hit]:
        """Hits for several phrasings of one question (the question and its Korean translation): each
        chunk keeps its best score over the phrasings."""
        best: dict[int, Hit] = {}
        for query in queries:
            for hit in self.rank(query, k, mode):
                if hit.chunk_index not in best or hit.score > best[hit.chunk_index].score:
                    best[hit.chunk_index] = hit
        return sorted(best.values(), key=lambda h: (-h.score, h.chunk_index))[:k]

    def search(self, question: str, history: Sequence[str] = (), k: int = 5, mode: str = "hybrid") -> list[Hit]:
        return self.rank(self.prepare(question, history), k, mode)
