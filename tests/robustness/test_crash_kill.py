"""SIGKILL the indexer at random moments: the index must always load and answer, in the old or the new
state; temporary files must not pile up; concurrent writers are serialised by the lock.

The CI run kills an indexing loop driven by the deterministic fake encoder (the save path is the same
code as with any encoder). ``RAG_LONG_TESTS=1`` (``make robustness``) also kills the real CLI,
``python -m rag index`` with the default e5 encoder, 20 times."""

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, FakeEncoder

from rag.errors import IndexNotFoundError
from rag.retrieval import Retriever
from rag.store import Store

LONG = os.environ.get("RAG_LONG_TESTS") == "1"
KILLS = 20

LOOP = """
import sys
sys.path[:0] = [{tests!r}, {root!r}]
from pathlib import Path
from conftest import FakeEncoder
from rag.indexer import update_index
corpus, index = Path(sys.argv[1]), Path(sys.argv[2])
for i in range(1000):
    text = "즈푸AI 추가 기사 " + str(i) + "번째 판. 상장 조달 금액은 5억 달러다. " * 20
    (corpus / "extra.txt").write_text(text, encoding="utf-8")
    update_index(corpus, index, FakeEncoder(), show_progress=False)
"""


def assert_index_usable(index: Path, encoder) -> None:
    try:
        store = Store.load(index)
    except IndexNotFoundError:
        return  # killed before the first generation was ever saved: the old state is "no index"
    assert len(store.articles) in (4, 5)
    hits = Retriever(store, encoder).search("즈푸AI 상장 조달", k=3)
    assert hits and hits[0].score > 0
    leftovers = [p for p in index.iterdir() if p.name.startswith(".tmp-")]
    assert len(leftovers) <= 1, leftovers


def kill_at_random(command: list[str], seconds: float, rng: random.Random) -> None:
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "HF_HUB_OFFLINE": "1"})
    time.sleep(rng.uniform(0.05, seconds))
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_sigkill_during_indexing_leaves_a_loadable_index(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(CORPUS, corpus)
    encoder, rng = FakeEncoder(), random.Random(7)
    script = LOOP.format(tests=str(ROOT / "tests"), root=str(ROOT))
    for _ in range(KILLS):
        kill_at_random([sys.executable, "-c", script, str(corpus), str(index)], 4.0, rng)
        assert_index_usable(index, encoder)
    from rag.indexer import update_index

    update_index(corpus, index, encoder, show_progress=False)
    assert not [p for p in index.iterdir() if p.name.startswith(".tmp-")]
    assert len([p for p in index.iterdir() if p.name.startswith("gen-")]) == 1


def test_two_indexers_at_once_are_serialised(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(CORPUS, corpus)
    script = LOOP.replace("range(1000)", "range(3)").format(tests=str(ROOT / "tests"), root=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", script, str(corpus), str(index)], cwd=ROOT,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    assert any("waiting for another indexer" in e for e in errors)
    assert_index_usable(index, FakeEncoder())


@pytest.mark.skipif(not LONG, reason="long run: make robustness (RAG_LONG_TESTS=1)")
def test_sigkill_the_real_cli_20_times(tmp_path, default_encoder):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(CORPUS, corpus)
    rng = random.Random(11)
    command = [sys.executable, "-m", "rag", "index", "--corpus", str(corpus), "--index", str(index)]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    full_run = time.perf_counter() - started
    for i in range(KILLS):
        shutil.rmtree(index / "cache", ignore_errors=True)  # make every run embed again
        (corpus / "extra.txt").write_text(f"즈푸AI 추가 기사 {i}판. 상장 조달 금액은 5억 달러다.", encoding="utf-8")
        kill_at_random([*command, "--rebuild"], full_run, rng)
        assert_index_usable(index, default_encoder)
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    assert_index_usable(index, default_encoder)
