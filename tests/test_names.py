"""Whether Korean articles name what an English question names (by Latin letters, the bridge or sound)."""

import pytest

from rag.names import (
    city_spellings,
    heard_after,
    heard_in,
    is_country_pair,
    is_peoples_adjective,
    is_place_name,
    is_translated_word,
    question_names,
    sound_similarity,
    sounds_in,
    spelt_like,
    territory_spellings,
)


def test_question_names_are_runs_of_capitalised_words():
    assert question_names("Who is the CEO of Google?") == [("CEO",), ("Google",)]  # an acronym stands alone
    assert question_names("What did the Cyberspace Administration of China say?") == [
        ("Cyberspace", "Administration", "China")]
    assert question_names("What did Sam Altman's firm say about Wuhan, Hubei?") == [
        ("Sam", "Altman"), ("Wuhan",), ("Hubei",)]  # a possessive and a comma end a name
    assert question_names("DeepSeek: who raised more, Zhipu and MiniMax?") == [("DeepSeek",), ("Zhipu", "MiniMax")]
    assert question_names("Who organized the AGI-Next Frontier roundtable?") == [("AGI", "Next", "Frontier")]
    assert question_names("How many GPUs does Zhipu AI own?") == [("GPU",), ("Zhipu",), ("AI",)]
    assert question_names("When did it list?") == []


@pytest.mark.parametrize(("english", "text"), [
    ("Moonshot", "문샷의 양즈린 창업자"), ("Tsinghua", "칭화대 교수"), ("Hunter", "헌터는"),
    ("Bloomberg", "블룸버그통신과 중국"), ("Reuters", "로이터 연합뉴스"), ("Georgetown", "조지타운 대학교"),
    ("OpenAI", "오픈AI 출신"), ("Trump", "트럼프 행정부"), ("McCain", "매케인은"), ("Kamchatka", "캄차카 툰드라"),
    ("Brownsville", "브론즈빌부터"), ("Sarkozy", "니콜라 사르코지 대통령"),
])
def test_a_name_is_heard_at_the_start_of_a_korean_word(english, text):
    assert sounds_in(english, [text]) is True


def test_names_the_text_does_not_spell_are_not_heard_and_short_ones_are_undecided():
    text = "즈푸AI 창업자이자 칭화대 교수이기도 한 탕제 최고경영자(CEO)가 진행자로 나섰고 문샷의 양즈린 창업자"
    assert sounds_in("Google", [text]) is False and sounds_in("Tesla", [text]) is False
    assert sounds_in("Samsung", [text]) is False
    assert sounds_in("Sam", [text]) is None  # three letters begin too many Korean words to tell


def test_heard_in_gives_how_the_text_spells_a_name():
    text = "10일 블룸버그통신과 중국 현지 매체에 따르면 … 문샷의 양즈린 창업자 겸 CEO, 오픈AI 출신으로"
    assert heard_in("Moonshot", [text]) == ("문샷",)
    assert heard_in("Bloomberg", [text]) == ("블룸버그",)
    assert heard_in("Google", [text]) == () and heard_in("Sam", [text]) == ()


def test_a_key_of_four_letters_is_heard_only_exactly_in_a_proper_noun():
    text = "… \"사회 모의 실험기\" 배포를 목표로 삼고 있다. 베버는 \"사회적 통치는 …\""
    assert heard_in("Weber", [text]) == ("베버",)  # pepo: 배포 has the same key, and Kiwi reads it as no name
    assert heard_in("Weber", ["… 실험기 배포를 목표로 삼고 있다."]) == ()


def test_heard_in_a_common_word_hears_only_proper_nouns():
    text = "10일 블룸버그통신과 중국 현지 매체에 따르면 … 문샷의 양즈린 창업자 겸 CEO, 시장조사기관인 '윈드'도"
    assert heard_in("Wind", [text], proper_only=True) == ("윈드",)
    assert heard_in("Moonshot", [text], proper_only=True) == ()  # 문샷 is no word Kiwi knows as a name


def test_heard_after_gives_the_second_word_of_a_name_next_to_the_first():
    text = "독일 외교관계위원회 … 센터의 발렌틴 베버는 \"미국의 상대적 강점은 …\" 베버는 \"사회적 통치는 …\""
    assert heard_after("Weber", ("valentin", "발렌틴"), [text]) == ("베버",)
    assert heard_after("Smith", ("발렌틴",), [text]) == ()  # the word after is no reading of it
    assert heard_after("Weber", ("한나스",), [text]) == ()  # nor after a name the text does not put before it


def test_words_korean_may_translate_are_told_from_names():
    for word in ("President", "Blue", "House", "Recorded", "Sciences", "March", "Chinese", "Western", "Korea"):
        assert is_translated_word(word), word
    for word in ("Google", "Tesla", "Samsung", "Zhipu", "Moonshot", "ByteDance"):
        assert not is_translated_word(word), word


def test_a_large_city_is_spelt_by_its_korean_name():
    assert city_spellings(("Boston",)) == ("보스턴",)  # boston is a word of Webster's too
    assert "뉴욕" in city_spellings(("New", "York"))
    assert "우한" in city_spellings(("Wuhan",))  # GeoNames writes "우한 시"
    assert city_spellings(("Samsung",)) is None and city_spellings(("Reading", "Room")) is None


def test_a_foreign_name_spelt_another_way_is_spelt_like_it():
    assert spelt_like("브론즈빌", city_spellings(("Brownsville",)))  # GeoNames: 브라운즈빌
    assert spelt_like("미네아폴리스", city_spellings(("Minneapolis",)))  # 미니애폴리스
    assert not spelt_like("향후", city_spellings(("Hangzhou",)))  # heard alike, spelt otherwise: 항저우, 항주


def test_sound_similarity_needs_a_term_long_enough_to_tell():
    assert sound_similarity("Ascend", "어센드") >= 80
    assert sound_similarity("Samsung", "소프트웨어") < 50
    assert sound_similarity("Sam", "사") == 0.0


def test_a_country_or_region_is_spelt_by_its_korean_name():
    assert territory_spellings(("Japan",)) == ("일본",)
    assert {"유럽 연합", "유럽연합", "EU"} <= set(territory_spellings(("European", "Union")))
    assert "한국" in territory_spellings(("South", "Korea"))
    assert territory_spellings(("Hong", "Kong")) == ("홍콩",)
    assert territory_spellings(("Samsung",)) is None and territory_spellings(("Japanese",)) is None
    # the adjective of a people stands for its country only when asked for (the absent-name check); "Korean" never
    assert territory_spellings(("Japanese",), peoples=True) == ("일본",)
    assert territory_spellings(("North", "Korean"), peoples=True) == ("북한",)
    assert territory_spellings(("Korean",), peoples=True) is None


def test_a_term_sounding_like_the_start_of_a_word_sounds_like_it():
    assert sound_similarity("Cyberspace", "사이버") == 100.0  # 국가사이버정보판공실: a loanword of its first part
    assert sound_similarity("Samsung", "소프트웨어") < 50


@pytest.mark.parametrize(("word", "pair"), [("미중", True), ("한미일", True), ("남북", True), ("중러", True),
                                            ("미미", False), ("미국", False), ("한중일러", False), ("삼성", False)])
def test_countries_joined_by_their_one_syllable_names_are_a_pair(word, pair):
    assert is_country_pair(word) is pair


def test_countries_have_their_common_english_short_names_too():
    assert territory_spellings(("US",)) == territory_spellings(("United", "States")) == ("미국", "美")
    assert territory_spellings(("UK",)) == territory_spellings(("United", "Kingdom"))
    assert territory_spellings(("Korea",)) is None  # which Korea is not said


def test_peoples_adjectives_are_told_from_names():
    assert is_peoples_adjective("Korean") and is_peoples_adjective("North Korean") and is_peoples_adjective("Japanese")
    assert not is_peoples_adjective("Korea") and not is_peoples_adjective("Brian")  # a country, a name in -ian


def test_place_names_in_english_and_korean():
    assert all(is_place_name(n) for n in ("us", "China", "south korea", "미국", "중국", "中"))
    assert not any(is_place_name(n) for n in ("minimax", "미니맥스", "zhipu", "즈푸ai"))
