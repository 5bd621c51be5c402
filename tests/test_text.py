from rag.text import analyze, detect_language, tokenize, tokens_and_names


def test_particles_are_split_off_nouns():
    tokens = tokenize("우한시가 올해 갖출 컴퓨팅 능력은?")
    assert "우한" in tokens and "컴퓨팅" in tokens and "능력" in tokens
    assert not any(t.endswith(("가", "은")) and len(t) > 1 and t not in ("우한",) for t in tokens if t != "우한")


def test_codes_and_numbers_join_and_english_stopwords_go():
    assert "a100" in tokenize("A100가 5,000개 필요") and "5000" in tokenize("A100가 5,000개 필요")
    assert tokenize("How many H100s does China have?") == ["h100", "china"]


def test_sentences_keep_offsets():
    text = "첫 문장입니다. 두 번째 문장은 A100을 다룹니다."
    [spans] = analyze([text])
    assert [text[s.start : s.end] for s in spans] == ["첫 문장입니다.", "두 번째 문장은 A100을 다룹니다."]
    assert "a100" in spans[1].tokens


def test_language_detection():
    assert detect_language("즈푸AI는 얼마를 조달했나?") == "ko"
    assert detect_language("How much did Zhipu AI raise?") == "en"


def test_one_kiwi_pass_gives_the_search_tokens_and_the_names():
    tokens, names = tokens_and_names("삼성전자의 올해 반도체 투자 규모는?")
    assert list(tokens) == tokenize("삼성전자의 올해 반도체 투자 규모는?") and "삼성전자" in names
    assert tokens_and_names("우한의 GDP는?")[1][0] == "GDP"  # an acronym followed by a particle
    assert tokens_and_names("US 기업의 매출은?")[1] == ()  # two capitals are not enough
    assert tokens_and_names("   ") == ((), ())
