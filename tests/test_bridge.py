"""English words -> Korean index terms: by sound (names, loanwords) and by meaning (embedded terms)."""

import numpy as np
import pytest
from rapidfuzz import fuzz

from rag.bridge import (
    TermBridge,
    closed_a_key,
    english_candidates,
    english_key,
    english_words,
    er_key,
    korean_key,
    korean_name_key,
    loanword_key,
    name_candidates,
    pinyin_key,
    respelled_keys,
)
from rag.retrieval import Retriever
from rag.store import Store


@pytest.mark.parametrize(
    ("hangul", "english"),
    [("발렌틴", "Valentin"), ("바이두", "Baidu"), ("텐센트", "Tencent"), ("딥시크", "DeepSeek"),
     ("알리바바", "Alibaba"), ("판문점", "Panmunjom"), ("인식트그룹", "InsiktGroup"), ("엔비디아", "Nvidia")],
)
def test_names_written_in_hangul_share_the_english_key(hangul, english):
    from rapidfuzz import fuzz

    assert fuzz.ratio(korean_key(hangul), english_key(english)) >= 85


def test_keys_of_unrelated_words_differ():
    from rapidfuzz import fuzz

    assert fuzz.ratio(korean_key("지나"), english_key("China")) < 85
    assert korean_key("A100") == ""


def test_candidates_skip_stopwords_known_terms_and_join_names():
    known = {"qwen": 0}
    assert english_candidates("Who is the CEO of Qwen?", known) == ["CEO"]
    names = name_candidates("What did Lee Hae-chan say about computing?", known)
    assert "Hae-chan" in names and "LeeHae-chan" in names and "computing" in names
    assert "What" not in names and "say" not in names
    parts = name_candidates("Where did two Beijing-based labs set up branches?", {"based": 1})
    assert "Beijing" in parts and "based" not in parts  # the capitalised part of a hyphenated word
    bridge = TermBridge(["베이징", "지사"])
    assert [(m.word, m.term) for m in bridge.by_sound(parts)] == [("Beijing", "베이징")]


def test_by_sound_finds_names_and_not_common_words():
    bridge = TermBridge(["발렌틴", "베버", "지나", "공개", "바이두", "컴퓨팅"])
    found = {(m.word, m.term) for m in bridge.by_sound(["Valentin", "China", "Baidu's", "computing"])}
    assert found == {("Valentin", "발렌틴"), ("Baidu's", "바이두"), ("computing", "컴퓨팅")}


def test_respelled_keys_read_a_name_as_korean_writes_it():
    assert "munsyot" in respelled_keys("Moonshot")  # 문샷
    assert "mekein" in respelled_keys("McCain")  # 매케인
    assert english_key("Moonshot") not in respelled_keys("Moonshot")  # the plain reading is left out


def test_a_chinese_name_matched_whole_also_gives_its_surname():
    bridge = TermBridge(["린쥔양", "린", "야오순위", "발렌틴", "베버"])
    found = {(m.term, m.how) for m in bridge.by_sound(["LinJunyang", "YaoShunyu", "ValentinWeber"])}
    assert ("린쥔양", "sound") in found and ("린", "surname") in found
    assert ("야오", "surname") in found  # two syllables: matched in the text, though not an index term
    assert not any(term in {"발", "발렌"} for term, _ in found)  # not a pinyin surname


def test_a_one_syllable_surname_must_be_an_index_term():
    assert [m.how for m in TermBridge(["린쥔양"]).by_sound(["LinJunyang"])] == ["sound"]


def test_possessives_are_dropped_from_words():
    assert english_words("What is China's goal and the US' plan?") == ["What", "is", "China", "goal", "and", "the", "US", "plan"]
    assert english_words("When was DeepSeek's R1 released on A100s?") == ["When", "was", "DeepSeek", "R1", "released",
                                                                           "on", "A100s"]  # codes are words
    assert "Alibaba" in name_candidates("What was Alibaba's revenue?", {})


@pytest.mark.parametrize(("hangul", "pinyin"), [("즈푸", "Zhipu"), ("야오순위", "YaoShunyu"), ("화웨이", "Huawei"),
                                                 ("쑤저우", "Suzhou"), ("린쥔양", "LinJunyang"), ("즈왕", "Zhiwang"),
                                                 ("우한", "Wuhan"), ("탕제", "TangJie")])
def test_chinese_names_read_as_pinyin_match_their_hangul_spelling(hangul, pinyin):
    assert pinyin_key(pinyin) == korean_key(hangul)


def test_pinyin_reading_applies_only_to_pinyin_words_and_near_exact_matches():
    assert pinyin_key("Tencent") == "" and pinyin_key("Nvidia") == ""  # not runs of pinyin syllables
    bridge = TermBridge(["즈푸", "주입", "칩", "지나", "중국", "캐피탄", "차단"])
    found = {(m.word, m.term) for m in bridge.by_sound(["Zhipu", "China", "Capitan"])}
    assert found == {("Zhipu", "즈푸"), ("Capitan", "캐피탄")}


@pytest.mark.parametrize(("hangul", "english"), [("싱크탱크", "thinktank"), ("소프트웨어", "software"),
                                                  ("슈퍼컴퓨터", "supercomputer"), ("컴퓨팅", "computing")])
def test_loanwords_read_the_korean_way_match_their_hangul_spelling(hangul, english):
    from rapidfuzz import fuzz

    assert fuzz.ratio(loanword_key(english), korean_key(hangul)) >= 90
    assert loanword_key("Thomas") == ""  # names keep their own reading


def test_a_pair_of_lower_case_words_is_a_loanword_candidate():
    assert "thinktank" in name_candidates("What did the think tank report?", {})
    bridge = TermBridge(["싱크탱크", "생각"])
    assert [(m.word, m.term) for m in bridge.by_sound(["thinktank"])] == [("thinktank", "싱크탱크")]


def test_by_meaning_takes_the_nearest_term_above_the_floor():
    vectors = np.eye(3, dtype=np.float32)
    bridge = TermBridge([], ["경찰", "여성", "기자"], vectors, similarity_floor=0.9)
    words = np.array([[0.0, 0.0, 1.0], [0.6, 0.8, 0.0]], dtype=np.float32)
    assert [(m.word, m.term) for m in bridge.by_meaning(["journalist", "vague"], words)] == [("journalist", "기자")]
    assert TermBridge([], ["경찰"], vectors[:1], similarity_floor=None).by_meaning(["police"], words[:1]) == []


def test_index_embeds_frequent_hangul_terms(real_index, default_encoder):
    store = Store.load(real_index)
    assert store.term_vectors is not None and store.term_vectors.shape == (len(store.terms), default_encoder.dim)
    assert "우한" in store.terms and all(any("가" <= ch <= "힣" for ch in t) for t in store.terms)
    i = store.terms.index("기자") if "기자" in store.terms else store.terms.index("보고서")
    np.testing.assert_allclose(store.term_vectors[i], default_encoder.encode([store.terms[i]], is_query=True)[0], atol=2e-3)


def test_bridge_lifts_the_passage_naming_the_person(real_index, default_encoder):
    store = Store.load(real_index)
    retriever = Retriever(store, default_encoder)
    query = retriever.prepare("Who is Valentin Weber?")
    assert ("Valentin", "발렌틴") in {(m.word, m.term) for m in query.bridged}
    with_bridge = retriever.rank(query, k=3)
    assert "발렌틴 베버" in with_bridge[0].chunk.text
    from dataclasses import replace

    without = retriever.rank(replace(query, bridged=()), k=3)
    assert with_bridge[0].score > without[0].score or "발렌틴 베버" not in without[0].chunk.text


def test_a_follow_up_bridges_the_names_of_its_earlier_turns_at_context_weight(real_index, default_encoder):
    retriever = Retriever(Store.load(real_index), default_encoder)
    query = retriever.prepare("Which company did he join?", ["Who is Yao Shunyu?"])
    assert ("YaoShunyu", "야오순위") in {(m.word, m.term) for m in query.context_bridged}
    assert not any(m.term == "야오순위" for m in query.bridged)
    alone = retriever.prepare("Which company did he join?")
    gold = next(i for i, c in enumerate(retriever.store.chunks) if "야오순위" in c.text)
    assert retriever.bridged_scores(query)[gold] > retriever.bridged_scores(alone)[gold]


def test_english_question_is_searched_with_its_bridged_names_but_scored_as_asked(real_index, default_encoder):
    retriever = Retriever(Store.load(real_index), default_encoder)
    query = retriever.prepare("What did a Chinese IT analyst tell the WSJ about overcoming the sanctions?")
    plain = default_encoder.encode_query(query.text)
    # the support floor sees the question, through the primary model alone
    np.testing.assert_allclose(query.question_vector, default_encoder.primary(plain), atol=1e-6)
    from rag.retrieval import BLEND_WEIGHTS, with_bridged_terms

    searched = with_bridged_terms(query.text, query.bridged)
    assert searched != query.text
    expected = default_encoder.reweighted(default_encoder.encode_query(searched), BLEND_WEIGHTS["en"])
    np.testing.assert_allclose(query.vector, expected, atol=1e-6)
    assert not np.allclose(query.vector, plain)


def test_word_vector_cache_stays_bounded_and_correct(real_index, default_encoder, monkeypatch):
    import rag.retrieval

    monkeypatch.setattr(rag.retrieval, "WORD_CACHE_SIZE", 3)
    retriever = Retriever(Store.load(real_index), default_encoder)
    first = retriever.word_vectors(["police", "women"])
    again = retriever.word_vectors(["women", "journalists", "ambulance"])
    assert len(retriever._word_vectors) <= 3
    np.testing.assert_allclose(again[0], first[1], atol=1e-6)
    expected = default_encoder.primary(default_encoder.encode(["journalists"], is_query=True))[0]
    np.testing.assert_allclose(again[1], expected, atol=1e-6)


def test_a_closed_syllable_a_is_also_read_as_korean_writes_it():
    assert closed_a_key("MiniMax") == korean_key("미니맥스")
    assert closed_a_key("Alibaba") == ""  # every "a" open: no other reading


def test_an_er_is_also_read_as_korean_writes_it_and_hears_a_two_word_name():
    assert er_key("ErnieBot") != english_key("ErnieBot") and er_key("Baidu") == ""
    bridge = TermBridge(["어니봇", "바이두", "어센드"])
    assert [m.term for m in bridge.by_sound(["ErnieBot"])] == ["어니봇"]


def test_a_possessive_ends_a_run_of_capitalised_words():
    candidates = name_candidates("What is the name of Tencent's AI model?", {})
    assert "Tencent" in candidates and "TencentAI" not in candidates
    assert "ZhipuAI" in name_candidates("How much did Zhipu AI raise?", {})



def test_a_hangul_word_the_index_lacks_matches_a_variant_spelling_jamo_by_jamo():
    bridge = TermBridge(["발로치스탄", "리버모아", "운전자", "도시", "중국어", "톡스", "우환"])
    words = ["발루치스탄", "리버모어", "유전자", "토스", "중국", "우한"]
    found = {(m.word, m.term, m.how) for m in bridge.by_spelling(words)}
    assert found == {("발루치스탄", "발로치스탄", "spelling"), ("리버모어", "리버모아", "spelling"),
                     ("토스", "톡스", "spelling")}  # two syllables: one jamo more only (우한 ~ 우환 is 80)
    assert bridge.by_spelling(["발로치스탄"]) == []  # the index has it: nothing to respell


def test_a_korean_question_searches_a_name_under_the_articles_spelling(tmp_path, default_encoder):
    from rag.indexer import update_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("파키스탄 발로치스탄에서 발생한 총격전으로 20명이 숨졌다.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("파키스탄 정부는 총격전 이후 국경 경비를 강화했다고 밝혔다.\n", encoding="utf-8")
    update_index(corpus, tmp_path / "index", default_encoder, show_progress=False)
    retriever = Retriever(Store.load(tmp_path / "index", encoder_id=default_encoder.id), default_encoder)
    query = retriever.prepare("발루치스탄 총격전으로 몇 명이 숨졌나?")
    assert "발로치스탄" in query.tokens
    assert retriever.rank(query, k=1)[0].article.source == "a.txt"


def test_spelt_alike_allows_only_vowels_foreign_names_mix_up():
    bridge = TermBridge(["화련", "벨리", "일반", "엔비디아"])
    assert bridge.spelt_alike("화롄") and bridge.spelt_alike("밸리") and bridge.spelt_alike("앤비디아")
    assert not bridge.spelt_alike("일본")  # ㅗ / ㅏ make another word
    assert not bridge.spelt_alike("엔비디아")  # the same spelling is no other one


def test_by_glossary_takes_the_sense_nearest_the_question_with_all_its_synonyms():
    from rag.bridge import counted, synonyms_of, with_synonyms

    vectors = np.eye(4, dtype=np.float32)
    bridge = TermBridge(["자본", "자금", "수도", "연구자"], ["자본", "자금", "수도", "연구자"], vectors, similarity_floor=0.9)
    city = np.array([0.1, 0.0, 0.9, 0.0], dtype=np.float32)
    assert [m.term for m in bridge.by_glossary(["capital"], city)] == ["수도"]
    funding = np.array([0.0, 0.9, 0.1, 0.0], dtype=np.float32)
    matches = bridge.by_glossary(["capital", "researchers", "zyzzyva"], funding)
    # the chosen sense's synonyms the index has, the counted one first; no other sense, no unknown word
    assert [(m.word, m.term, m.how) for m in matches] == [
        ("capital", "자본", "glossary"), ("capital", "자금", "glossary"), ("researchers", "연구자", "glossary")]
    assert [m.term for m in counted(matches)] == ["자본", "연구자"]
    # a sentence writing a synonym covers the counted rendering
    assert synonyms_of(matches) == {"자금": "자본"}
    assert with_synonyms(("자금", "조달"), synonyms_of(matches)) == ("자금", "조달", "자본")
    assert with_synonyms(("수도",), synonyms_of(matches)) == ("수도",)
    # without the question's vector, the first sense listed
    assert [m.term for m in bridge.by_glossary(["capital"])] == ["자본", "자금"]


def test_glossary_words_are_not_matched_by_meaning_and_names_are_not_looked_up(real_index, default_encoder):
    retriever = Retriever(Store.load(real_index), default_encoder)
    query = retriever.prepare("What does Insikt Group say about private investment and talent?")
    how = {(m.word, m.term): m.how for m in query.bridged}
    assert how[("private", "민간")] == "glossary" and how[("talent", "인재")] == "glossary"
    assert not any(m.how == "meaning" and m.word in ("private", "talent", "investment") for m in query.bridged)
    states = retriever.prepare("Who is the current president of the United States?")
    assert not any(m.word == "States" and m.how == "glossary" for m in states.bridged)


def test_countries_named_in_english_match_their_korean_names_the_index_has():
    bridge = TermBridge(["미국", "중국", "우한"])
    assert [(m.word, m.term, m.how) for m in bridge.by_territory("And what about the US?")] == [("US", "미국", "glossary")]
    assert [(m.word, m.term) for m in bridge.by_territory("Who is the president of the United States?")] == [
        ("UnitedStates", "미국")]
    assert bridge.by_territory("What did Japan say?") == []  # 일본 is not in this index
    assert bridge.by_territory("What did Moonshot say?") == []  # no country


def test_korean_synonyms_of_a_question_map_each_synonym_to_the_question_word():
    from rag.bridge import korean_synonyms_of, with_synonyms

    synonyms = korean_synonyms_of(("경고", "경계"))
    assert "경계" not in synonyms  # the question's own word stays its own
    assert korean_synonyms_of(("경고",))["경계"] == "경고"
    assert "경고" in with_synonyms(("낙관", "경계"), korean_synonyms_of(("경고",)))


def test_a_glossary_rendering_the_index_holds_only_as_a_verb_stem_matches_the_stem():
    """"결론지었다" is indexed as Kiwi's 결론짓, "저렴한" as 저렴하: conclude 결론 and cheap 저렴 find them."""
    bridge = TermBridge(["결론짓", "저렴하", "결론짓기"])
    assert [m.term for m in bridge.by_glossary(["concluded", "cheap"])] == ["결론짓", "저렴하"]
    assert [m.term for m in bridge.by_glossary(["conclusion"])] == ["결론짓"]  # not 결론짓기: 하 and 짓 only


@pytest.mark.parametrize(("name", "hangul"), [
    ("LeeHae-chan", "이해찬"), ("RohMoo-hyun", "노무현"), ("ChoiSoon-sil", "최순실"), ("ParkGeun-hye", "박근혜"),
])
def test_a_romanized_korean_name_reads_its_surname_as_korean_writes_it(name, hangul):
    assert english_key(name) != korean_key(hangul)  # Lee is no 리, Roh no 로
    assert fuzz.ratio(korean_name_key(name), korean_key(hangul)) >= 85  # the bridge's sound floor


def test_a_word_opening_with_no_korean_surname_has_no_korean_name_key():
    assert korean_name_key("KimJong-un") == ""  # Kim reads as it is written
    assert korean_name_key("Lee") == "" and korean_name_key("Leeds") == ""


def test_by_sound_finds_a_korean_name_by_its_romanized_surname():
    bridge = TermBridge(["이해찬", "회한", "대표"], ["이해찬", "회한", "대표"], None, None)
    assert [(m.word, m.term) for m in bridge.by_sound(["LeeHae-chan"])][:1] == [("LeeHae-chan", "이해찬")]
