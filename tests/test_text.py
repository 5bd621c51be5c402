import pytest

from rag.text import (
    QuestionWords,
    analyze,
    detect_language,
    is_proper_noun,
    is_request,
    question_words,
    tokenize,
    without_request,
)


def test_particles_are_split_off_nouns():
    tokens = tokenize("우한시가 올해 갖출 컴퓨팅 능력은?")
    assert "우한" in tokens and "컴퓨팅" in tokens and "능력" in tokens
    assert not any(t.endswith(("가", "은")) and len(t) > 1 and t not in ("우한",) for t in tokens if t != "우한")


def test_codes_and_numbers_join_and_english_stopwords_go():
    assert "a100" in tokenize("A100가 5,000개 필요") and "5000" in tokenize("A100가 5,000개 필요")
    assert tokenize("How many H100s does China have?") == ["h100", "china"]


def test_an_english_ordinal_is_its_number_as_korean_writes_the_day():
    assert tokenize("What happened on the 8th?") == ["happened", "8"] and tokenize("즈푸AI는 8일") == ["즈푸", "ai", "8"]
    assert tokenize("the 21st and 3rd") == ["21", "3"]


def test_an_acronym_is_no_stop_word():
    assert tokenize("다른 중국 IT기업들도") == ["중국", "it", "기업"]
    assert tokenize("What is it?") == []


def test_an_interjection_glued_to_a_noun_is_the_start_of_that_word():
    # Kiwi reads "야오" as the interjection 야 + 오, "오전" as 오 + 전
    assert tokenize("야오 AI책임자는 병목현상을 지적했다.")[:2] == ["야오", "ai"]
    assert tokenize("오전 10시에 예포를 쐈다")[:3] == ["오전", "10", "예포"]
    assert "아" not in tokenize("아, 그렇군요")


def test_sentences_keep_offsets():
    text = "첫 문장입니다. 두 번째 문장은 A100을 다룹니다."
    [spans] = analyze([text])
    assert [text[s.start : s.end] for s in spans] == ["첫 문장입니다.", "두 번째 문장은 A100을 다룹니다."]
    assert "a100" in spans[1].tokens


def test_a_sentence_goes_on_after_a_quoted_clause_kiwi_cut_it_at():
    text = "중국은 수위를 끌어올리고 있다. WSJ는 이날 '미국 싱크탱크의 보고서가 자극했다' 제하의 기사에서 이같이 보도했다."
    [spans] = analyze([text])
    assert [text[s.start : s.end] for s in spans] == [
        "중국은 수위를 끌어올리고 있다.",
        "WSJ는 이날 '미국 싱크탱크의 보고서가 자극했다' 제하의 기사에서 이같이 보도했다.",  # one sentence
    ]
    assert {"싱크탱크", "제하", "보도"} <= set(spans[1].tokens)  # the tokens of both parts
    [spans] = analyze(["'제목이다'\n본문이다."])
    assert len(spans) == 2  # a line break ends a sentence whatever comes before it


def test_language_detection():
    assert detect_language("즈푸AI는 얼마를 조달했나?") == "ko"
    assert detect_language("How much did Zhipu AI raise?") == "en"


def test_one_kiwi_pass_gives_the_search_tokens_and_the_names():
    words = question_words("삼성전자의 올해 반도체 투자 규모는?")
    assert list(words.tokens) == tokenize("삼성전자의 올해 반도체 투자 규모는?") and "삼성전자" in words.names
    assert question_words("우한의 GDP는?").names[0] == "GDP"  # an acronym followed by a particle
    assert question_words("US 기업의 매출은?").names == ()  # two capitals are not enough
    assert question_words("딥시크 R1은 언제 공개됐어?").names[0] == "R1"  # a model code is
    assert "오픈AI" in question_words("오픈AI의 최고경영자는 누구인가?").names  # Kiwi reads 오픈 as a common word
    assert question_words("   ") == QuestionWords((), ())


def test_nouns_kiwi_splits_into_syllables_are_given_as_written():
    words = question_words("주송춘은 누구인가? 김정은 위원장의 직함은?")
    assert words.split_nouns == ("주송춘",)  # 주 + 송 + 춘 + 은; 김정은 and 위원장 are one noun each
    assert question_words("야오순위의 현재 직함은?").split_nouns == ("야오순위",)  # 야 (IC) + 오 (NR) + 순위
    assert "우한시" in question_words("우한시가 올해 갖출 능력은?").split_nouns  # 우한 + 시
    assert question_words("탕제는 어떤 사람이야?").split_nouns == ("탕제",)  # 탕 + the noun suffix 제 + 는


def test_a_proper_noun_is_one_nnp_morpheme():
    assert is_proper_noun("러시아") and is_proper_noun("화웨이")
    assert not is_proper_noun("소프트웨어") and not is_proper_noun("중국 정부")


def test_noun_words_keep_a_name_kiwi_cuts_wrongly_whole_and_drop_particles():
    words = question_words("발루치스탄 총격전으로 몇 명이 숨졌나?")
    assert "발루치스탄" in words.noun_words and "총격전" in words.noun_words
    assert "숨졌나" not in " ".join(words.noun_words)


@pytest.mark.parametrize(("question", "asked"), [
    ("원탁회의 참석자들을 알려줘.", "원탁회의 참석자들을"),  # 알려줘 is Kiwi's 알리, as in 알리바바
    ("H800 칩의 비용 문제를 설명해 주세요", "H800 칩의 비용 문제를"),
    ("Tell me about Samsung's AI chips.", "Samsung's AI chips."),
    ("List the four tech leads at the roundtable.", "the four tech leads at the roundtable."),
    ("What did the reports list?", "What did the reports list?"),  # a question, no request
    ("알려줘", "알려줘"),  # nothing asked but the request: kept
])
def test_without_request_leaves_what_is_asked_about(question, asked):
    assert without_request(question) == asked
    assert is_request(question) is (asked != question)


@pytest.mark.parametrize(("text", "has"), [
    ("중국이 2030년까지 이루려는 목표는?", True),  # 이루
    ("딥시크가 주목받은 이유는?", True),
    ("화웨이 어센드 칩 성능은?", False),  # a noun phrase
    ("야오순위의 현재 직함은?", False),
])
def test_question_words_say_whether_kiwi_finds_a_verb_or_adjective(text, has):
    assert question_words(text).has_predicate is has


@pytest.mark.parametrize(("text", "pieces"), [
    ("AI 과학자 우즈창은", ("우즈", "창")), ("문샷의 양즈린", ("문", "샷")), ("시장조사기관인 윈드도", ("윈", "드"))])
def test_a_word_kiwi_cut_with_a_single_syllable_piece_is_a_token_whole_too(text, pieces):
    tokens = tokenize(text)
    assert "".join(pieces) in tokens and all(piece in tokens for piece in pieces)


def test_nouns_cut_into_longer_pieces_only_are_not_joined():
    assert "기술책임자" not in tokenize("린 기술책임자는")
    assert tokenize("야오순위는 누구야?") == ["야오", "순위"]  # the interjection joins; no 오순위
