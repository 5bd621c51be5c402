"""The English -> Korean glossary: its file format, base forms of inflected words, and the shipped data."""

import pytest

from rag.bridge import english_words
from rag.glossary import GlossaryError, base_forms, glossary, korean_synonyms, parse_glossary, phrases, senses
from rag.text import tokenize


def test_a_line_is_a_headword_and_senses_of_synonyms():
    entries = parse_glossary("# comment\n\nraise 조달 인상 제기\nresearchers 연구진/연구자/연구원\n")
    assert entries == {"raise": (("조달",), ("인상",), ("제기",)), "researchers": (("연구진", "연구자", "연구원"),)}


@pytest.mark.parametrize("text", ["raise\n", "Raise 조달\n", "raise raise\n", "raise 조달/\n"])
def test_a_bad_line_is_named_with_its_number(text):
    with pytest.raises(GlossaryError, match=r"(?i)glossary line 1 .*raise"):
        parse_glossary(text)


def test_a_headword_may_appear_once():
    with pytest.raises(GlossaryError, match="line 2: 'raise' is already a headword"):
        parse_glossary("raise 조달\nraise 인상\n")


@pytest.mark.parametrize(
    ("word", "base"),
    [("companies", "company"), ("raised", "raise"), ("hiring", "hire"), ("planned", "plan"), ("quickly", "quick"),
     ("researchers", "researcher"), ("Investors", "investor"), ("supplied", "supply")],
)
def test_base_forms_undo_regular_endings(word, base):
    assert base in base_forms(word)
    assert base_forms(word)[0] == word.lower()  # the word as written is looked up first


def test_senses_of_an_inflected_word_come_from_its_base_form():
    assert senses("hiring") == senses("hire") == (("채용", "영입"),)
    assert senses("Moderators") == (("진행자", "사회자"),)
    assert senses("zyzzyva") == ()


# how a rendering is written in running text: a noun alone or with a particle (단지 alone is an adverb), a stem with
# its ending, a root with 하다, 적 or 화
_FORMS = ("", "다", "하다", "적", "화", "에서")


def test_the_shipped_glossary_renders_words_as_single_kiwi_tokens():
    """A rendering that Kiwi splits or drops could never match an index term."""
    entries = glossary()
    assert len(entries) > 1000
    bad = [(head, term) for head, found in entries.items() for synonyms in found for term in synonyms
           if not any(tokenize(term + ending) == [term] for ending in _FORMS)]
    assert bad == []


def test_korean_synonyms_are_the_other_renderings_of_a_shared_sense_one_step_away():
    table = korean_synonyms()
    assert "경계" in table["경고"] and "경고" in table["경계"]  # warn 경고/경계, both ways
    assert "신중" in table["경계"] and "신중" not in table["경고"]  # caution 경계/신중: no second step
    assert "경고" not in table["경고"]
    assert "개발" in table["만들"] and "개발" in table["개발사"]  # "어니봇은 누가 만들었어?", "어니봇 개발사는?"
    assert all(others for others in table.values())


def test_a_phrase_korean_says_in_one_word_is_found_in_a_questions_words():
    words = english_words("When did the plane carrying Moon take off from Seoul Air Base according to the Blue House?")
    assert phrases(words) == [("seoul-air-base", ("Seoul", "Air", "Base")), ("take-off", ("take", "off")),
                              ("blue-house", ("Blue", "House"))]
    assert senses("blue-house") == (("청와대",),)
    assert phrases(english_words("The plane is taking off")) == [("take-off", ("taking", "off"))]  # by a base form
    assert phrases(english_words("He cut costs off")) == []  # the words must run together
