"""`rag bench` at a tiny size, to prove it runs and reports every figure (timings are not asserted)."""

import json
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

from rag.bench import BenchConfig, BenchError, percentiles

pytestmark = pytest.mark.slow
FIELDS = {"chunks", "retrieval_ms", "answer_ms", "load_s", "add_article_s", "peak_rss_mb", "non_neural_chunks_per_s",
          "embed_chunks_per_s", "ann_recall_at_10", "bm25_top10_agreement", "cached_vectors"}


def test_bench_json_has_every_figure(tmp_path, real_index):
    work = tmp_path / "work"
    shutil.copytree(real_index / "cache", work / "base-index" / "cache")  # the seed articles' vectors
    out = subprocess.run([sys.executable, "-m", "rag", "bench", "--chunks", "40", "--questions", "12", "--json",
                          "--work", str(work), "--data", str(tmp_path / "no-shared-data")],
                         capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert set(result) >= FIELDS
    assert result["base"] == "corpus" and result["chunks"] >= 40 and result["questions"] == 12
    assert result["cached_vectors"] is True and result["base_vectors_were_cached"] is True
    assert result["ann_recall_at_10"] == 1.0 and result["bm25_top10_agreement"] == 1.0  # exact search at this size
    assert result["retrieval_ms"]["p50"] <= result["retrieval_ms"]["p95"] <= result["answer_ms"]["p95"]
    assert {"encoding", "bm25", "dense", "fusion", "answer"} <= set(result["stage_ms"])
    assert {"cleaning", "analysis", "bm25", "faiss"} <= set(result["indexing_s"])


def test_bad_sizes_are_refused():
    with pytest.raises(BenchError, match=r"\[5\]"):
        BenchConfig(sizes=(5,))
    assert percentiles([1, 2, 3, 4]) == {"p50": 2.5, "p95": 3.85}
