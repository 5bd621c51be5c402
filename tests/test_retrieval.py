import numpy as np
import pytest

from rag.answer_types import names_by_surname
from rag.errors import QueryError
from rag.indexer import update_index
from rag.retrieval import ANCHOR_REACH, Retriever, in_anchored_article, sentence_closeness, with_surnamed
from rag.store import Store


@pytest.fixture
def fake_store(corpus_copy, tmp_path, fake_encoder):
    update_index(corpus_copy, tmp_path / "index", fake_encoder, show_progress=False)
    return Store.load(tmp_path / "index")


def brute_force_dense(store, vector):
    sent = store.sentence_vectors @ vector
    best = np.array([sent[a : b + 1].max() for a, b in store.chunk_sentences])
    return (store.chunk_vectors @ vector + best) / 2


@pytest.mark.parametrize("question", ["즈푸AI 상장 조달", "우한 컴퓨팅 능력", "H800 칩 성능", "인식트그룹 보고서"])
def test_faiss_candidates_match_brute_force(fake_store, fake_encoder, question):
    exact = Retriever(fake_store, fake_encoder, candidates=10_000)
    narrow = Retriever(fake_store, fake_encoder, candidates=8)
    query = exact.prepare(question)
    reference = brute_force_dense(fake_store, query.vector)
    expected = list(np.lexsort((np.arange(len(reference)), -reference))[:5])
    assert [h.chunk_index for h in exact.rank(query, 5, "dense")] == expected
    assert [h.chunk_index for h in narrow.rank(query, 5, "dense")] == expected
    np.testing.assert_allclose([h.dense for h in narrow.rank(query, 5, "dense")], reference[expected], rtol=1e-5)


def test_bm25_mode_ranks_by_lexical_score(fake_store, fake_encoder):
    r = Retriever(fake_store, fake_encoder)
    hits = r.search("엘 캐피탄 계산능력", k=3, mode="bm25")
    scores = [h.lexical for h in hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    assert "엘 캐피탄" in hits[0].chunk.text


def test_lexical_weight_follows_vocabulary_match(fake_store, fake_encoder):
    r = Retriever(fake_store, fake_encoder)
    assert r.prepare("우한시의 컴퓨팅 능력은?").lexical_weight == 1.0
    assert r.prepare("What computing capacity will Wuhan have?").lexical_weight == 0.0
    assert 0 < r.prepare("How many H800 chips match H100s?").lexical_weight < 1


def test_follow_up_uses_the_earlier_question(fake_store, fake_encoder):
    r = Retriever(fake_store, fake_encoder)
    alone = r.prepare("그 회사는 얼마를 조달했어?")
    follow = r.prepare("그 회사는 얼마를 조달했어?", ["즈푸AI는 언제 홍콩증권거래소에 상장했나?"])
    assert alone.context_tokens == () and "즈푸" in follow.context_tokens
    assert "5억 5800만 달러" in r.rank(follow, 1, "bm25")[0].chunk.text


def test_closeness_to_an_earlier_answer_is_one_next_to_it_a_half_in_its_article(fake_store):
    store = fake_store
    anchor = int(store.sentence_offset[1]) + 3  # a sentence of the second article
    second = range(int(store.sentence_offset[1]), int(store.sentence_offset[2]))
    assert [sentence_closeness(store, (anchor,), s) for s in range(anchor, anchor + ANCHOR_REACH + 1)] == \
        [1.0] * (ANCHOR_REACH + 1)
    assert sentence_closeness(store, (anchor,), anchor - 1) == 0.5
    assert sentence_closeness(store, (anchor,), second[-1]) == 0.5
    assert sentence_closeness(store, (anchor,), 0) == 0.0
    chunks = np.arange(len(store.chunks))
    reference = [any(sentence_closeness(store, (anchor,), s) > 0 for s in store.chunk_sentence_ids(c)) for c in chunks]
    np.testing.assert_array_equal(in_anchored_article(store, (anchor,), chunks), reference)
    assert any(reference) and not all(reference)


def test_a_follow_up_anchored_to_an_earlier_answer_ranks_its_article_higher(fake_store, fake_encoder):
    from dataclasses import replace

    r = Retriever(fake_store, fake_encoder)
    query = r.prepare("그 이유는 뭐야?", ["중국 기업들은 어떻게 AI를 개발하나?"])
    anchor = int(fake_store.sentence_offset[2]) + 5
    plain = {h.chunk_index: h.score for h in r.rank(query, len(fake_store.chunks))}
    anchored = {h.chunk_index: h.score for h in r.rank(replace(query, anchors=(anchor,)), len(fake_store.chunks))}
    anchored_article = in_anchored_article(fake_store, (anchor,), np.arange(len(fake_store.chunks)))
    for chunk, score in plain.items():
        assert anchored[chunk] >= score - 1e-9
        if not anchored_article[chunk]:
            assert anchored[chunk] == pytest.approx(score)
    assert any(anchored[c] > plain[c] + 1e-6 for c in plain if anchored_article[c])


@pytest.mark.parametrize(("question", "k", "mode"), [("   ", 5, "hybrid"), ("질문", 0, "hybrid"), ("질문", 5, "magic")])
def test_bad_requests(fake_store, fake_encoder, question, k, mode):
    with pytest.raises(QueryError):
        Retriever(fake_store, fake_encoder).search(question, k=k, mode=mode)


def test_search_text_adds_the_confidently_bridged_korean_terms():
    from rag.bridge import TermMatch
    from rag.retrieval import with_bridged_terms

    matches = [TermMatch("YaoShunyu", "야오순위", 1.0, "sound"), TermMatch("think", "생각", 0.88, "meaning"),
               TermMatch("company", "기업", 0.92, "meaning"), TermMatch("firm", "기업", 0.91, "meaning")]
    assert with_bridged_terms("Which company did Yao Shunyu join?", matches) == "Which company did Yao Shunyu join? 야오순위 기업"
    assert with_bridged_terms("질문?", []) == "질문?"


def test_sentence_coverage_is_the_best_share_of_the_question_words_one_sentence_holds(fake_store, fake_encoder):
    r = Retriever(fake_store, fake_encoder)
    query = r.prepare("야오순위는 최근 어느 회사에 합류했나?")
    idf = {t: max(float(fake_store.bm25.idf[fake_store.bm25.vocab[t]]), 0.05) if t in fake_store.bm25.vocab
           else float(fake_store.bm25.idf.max()) for t in set(query.tokens)}
    ids = np.arange(len(fake_store.chunks))
    expected = []
    for c in ids:
        shares = []
        for s in fake_store.chunk_sentence_ids(int(c)):
            doc, sentence = fake_store.sentence(s)
            text = doc.article.text[sentence.start : sentence.end]
            surnamed = [n for n in idf if len(n) >= 3 and names_by_surname(text, n)]  # "야오 AI책임자는"
            held = sum(w for t, w in idf.items() if t in sentence.tokens or (len(t) > 1 and t in text)
                       or any(n.startswith(t) and len(t) > 1 for n in surnamed))
            shares.append(held / sum(idf.values()))
        expected.append(max(shares))
    np.testing.assert_allclose(r.sentence_coverage_scores(query, ids), expected)
    best = ids[int(np.argmax(expected))]
    assert "최근 텐센트에 합류한 야오순위" in fake_store.chunks[best].text


def test_a_korean_question_whose_words_one_sentence_holds_ranks_that_passage_first(service):
    # without the sentence signal, the passage quoting 야오 on bottlenecks ranked first; one sentence holds all the words
    hits = service.search("야오순위는 최근 어느 회사에 합류했나?", k=3)
    assert "최근 텐센트에 합류한 야오순위" in hits[0].chunk.text


def test_a_name_kiwi_splits_in_the_question_but_not_in_the_articles_is_searched_whole(service):
    query = service.retriever.prepare("주송춘은 누구인가?")  # Kiwi: 주 + 송 + 춘; the article's "주송춘과": 주송춘
    assert "주송춘" in query.tokens and "송" not in query.tokens
    assert "우한" in service.retriever.prepare("우한시가 올해 갖출 컴퓨팅 능력은?").tokens  # a real word is kept


def test_a_request_s_verb_is_no_search_word(service):
    assert "알리" not in service.retriever.prepare("원탁회의 참석자들을 알려줘.").tokens
    query = service.retriever.prepare("Tell me about Wuhan's AI computing plans.")
    terms = {m.word.lower(): m.term for m in query.bridged}
    assert "tell" not in terms and terms.get("wuhan") == "우한"  # the name that opens what is asked is still heard


def test_a_currency_kiwi_takes_for_a_proper_noun_is_no_name(service):
    query = service.retriever.prepare("원화로는?")  # Kiwi: the proper noun 원화로, which no article writes
    assert "원화로" not in query.names


def test_a_country_s_korean_name_is_not_respelled(service):
    query = service.retriever.prepare("일본의 AI 전략은?")  # 일본 is no 일보 of 양쯔일보
    assert "일보" not in query.tokens and not any(m.how == "spelling" for m in query.bridged)


def test_an_english_word_of_a_korean_question_the_articles_write_in_korean_is_glossed(service):
    query = service.retriever.prepare("중국이 EUV 시제품을 만든 시기는?")  # the article: 극자외선 리소그래피 기계
    assert "극자외선" in query.tokens and "euv" not in query.tokens
    assert any(m.word == "EUV" and m.term == "극자외선" and m.how == "glossary" for m in query.bridged)
    assert "ai" in service.retriever.prepare("중국 AI 전략은?").tokens  # a word the index has stays


def test_a_particle_kiwi_reads_as_part_of_an_unknown_name_is_cut_off(service):
    query = service.retriever.prepare("발렌틴 베버의 소속은?")  # Kiwi: the proper noun 베버의; the articles: 베버는
    assert "베버" in query.tokens and "베버의" not in query.tokens and "베버" in query.names
    assert "분석가" in service.retriever.prepare("CSET 수석 분석가는 누구야?").tokens  # a word the index has stays whole


@pytest.mark.parametrize("question, language", [("즈푸AI는 얼마를 조달했나?", "ko"), ("How much did Zhipu AI raise?", "en")])
def test_a_blended_encoder_scores_passages_with_the_language_s_blend_weights(blended_service, question, language):
    from rag.retrieval import BLEND_WEIGHTS, with_bridged_terms

    retriever = blended_service.retriever
    encoder, store = retriever.encoder, retriever.store
    (e5, w_e5), (use, w_use) = encoder.parts
    query = retriever.prepare(question)
    assert query.language == language
    searched = with_bridged_terms(query.text, query.bridged)  # English: with the Korean names bridged

    def cosines(text):
        return (store.chunk_vectors[:, : e5.dim] @ e5.encode_query(text) / np.sqrt(w_e5),
                store.chunk_vectors[:, e5.dim :] @ use.encode_query(text) / np.sqrt(w_use))

    e5_cos, use_cos = cosines(searched)
    a, b = BLEND_WEIGHTS[language]
    np.testing.assert_allclose(store.chunk_vectors @ query.vector, a * e5_cos + b * use_cos, atol=1e-4)
    np.testing.assert_allclose(store.chunk_vectors @ query.question_vector, cosines(query.text)[0], atol=1e-4)


def test_answer_scoring_sees_the_primary_model_s_cosine_of_the_searched_text(blended_service):
    from rag.retrieval import with_bridged_terms

    retriever = blended_service.retriever
    e5 = retriever.encoder.parts[0][0]
    query = retriever.prepare("How much did Zhipu AI raise?")
    searched = e5.encode_query(with_bridged_terms(query.text, query.bridged))
    sentences = np.asarray(retriever.store.sentence_vectors)
    e5_cos = sentences[:, : e5.dim] @ searched / np.sqrt(retriever.encoder.parts[0][1])
    np.testing.assert_allclose(sentences @ query.search_vector, e5_cos, atol=1e-4)


def test_with_surnamed_adds_a_korean_questions_full_name_a_surname_stands_for():
    question_tokens = ("린쥔", "중국", "한계", "돌파", "린쥔양")
    assert with_surnamed(("린", "기술", "책임자"), "린 기술책임자는 …", question_tokens) == (
        "린", "기술", "책임자", "린쥔", "린쥔양")
    assert with_surnamed(("린쥔양",), "린쥔양 기술책임자", question_tokens) == ("린쥔양",)  # named in full


def test_a_people_s_adjective_is_not_bridged_by_sound(service, monkeypatch):
    from rag.bridge import TermBridge

    bridge = TermBridge(["걸리", "고리", "문재인"])
    assert bridge.by_sound(["Korean"])  # "Korean" sounds like 걸리 and 고리 ...
    monkeypatch.setattr(service.retriever, "bridge", bridge)
    matches = service.retriever.bridge_matches("How many North Korean spectators did Moon address?", "ko")
    assert not [m for m in matches if m.word in ("Korean", "NorthKorean")]  # ... but Korean writes it 한국, 북한


def test_a_capitalised_word_of_a_translated_name_is_glossed_when_the_index_renders_it(service):
    matches = service.retriever.bridge_matches("What does the Center for Security and Emerging Technology study?", "en")
    assert ("Security", "보안") in [(m.word, m.term) for m in matches]  # 보안 및 신흥 기술 센터, not meaning's 안전
    assert ("Technology", "기술") in [(m.word, m.term) for m in matches]
    # "Wind" (the data firm 윈드): the glossary's 바람 is no index term, so it is matched by meaning, not dropped
    assert [m.how for m in service.retriever.bridge_matches("What is Wind?", "en")] == ["meaning"]
