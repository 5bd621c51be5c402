import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

from rag.encoders import BaseEncoder

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DEV_SET = ROOT.parent / "shared" / "eval" / "dev.jsonl"
OWN_SET = ROOT / "eval" / "questions.jsonl"
FOLLOWUP_SET = ROOT / "eval" / "followups.jsonl"


def eval_set(name: str) -> Path:
    """One of our question sets, ``eval/<name>.jsonl``."""
    return ROOT / "eval" / f"{name}.jsonl"


class FakeEncoder(BaseEncoder):
    """Deterministic bag-of-character-bigrams vectors: exact, fast, no model."""

    id = "fake/bigram-hash-64"
    dim = 64

    def __init__(self):
        self.calls = 0
        self.texts = 0

    def embed_batch(self, texts, is_query):
        self.calls += 1
        self.texts += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            compact = "".join(text.lower().split())
            for a, b in zip(compact, compact[1:]):
                h = int(hashlib.md5((a + b).encode()).hexdigest()[:8], 16)
                out[row, h % self.dim] += 1.0
        out[:, 0] += 0.01
        return out


@pytest.fixture
def fake_encoder():
    return FakeEncoder()


@pytest.fixture
def corpus_copy(tmp_path):
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture(scope="session")
def e5_encoder():
    from rag.encoders import E5SmallEncoder

    return E5SmallEncoder()


@pytest.fixture(scope="session")
def default_encoder(e5_encoder):
    """The default encoder (e5 alone)."""
    return e5_encoder


@pytest.fixture(scope="session")
def blended_service(tmp_path_factory, e5_encoder):
    """The four real articles indexed with the e5 + USE blend, sharing the session's e5 model."""
    from rag.encoders import USE_WEIGHT, BlendedEncoder, UseEncoder
    from rag.indexer import update_index
    from rag.service import Paths, RagService

    blend = BlendedEncoder([(e5_encoder, 1 - USE_WEIGHT), (UseEncoder(), USE_WEIGHT)])
    index_dir = tmp_path_factory.mktemp("blend") / "index"
    update_index(CORPUS, index_dir, blend, show_progress=False)
    return RagService(Paths(CORPUS, index_dir), blend)


@pytest.fixture(scope="session")
def real_index(tmp_path_factory, default_encoder):
    """The four real articles indexed with the default encoder (built once per test session)."""
    from rag.indexer import update_index

    index_dir = tmp_path_factory.mktemp("real") / "index"
    update_index(CORPUS, index_dir, default_encoder, show_progress=False)
    return index_dir


@pytest.fixture(scope="session")
def service(real_index, default_encoder):
    from rag.service import Paths, RagService

    return RagService(Paths(CORPUS, real_index), default_encoder)


@pytest.fixture
def llm_server():
    from tests.llm_server import ScriptedLLM

    server = ScriptedLLM()
    yield server
    server.close()


@pytest.fixture
def llm_service(real_index, default_encoder, llm_server):
    """The real index with LLM answers from the scripted server (timeout 2 s)."""
    from rag.llm import LLMConfig
    from rag.service import Paths, RagService

    return RagService(Paths(CORPUS, real_index), default_encoder, llm=LLMConfig(llm_server.url, "test-model", timeout=2))
