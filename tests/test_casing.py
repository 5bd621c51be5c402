"""Capitals restored to English questions typed in lower case."""

import pytest

from rag.casing import is_common_word, is_uncased, latin_spellings, truecased

SPELLINGS = latin_spellings([
    "조지타운 대학교 보안 및 신흥 기술 센터(CSET)가 … 큐웬(Qwen)의 린쥔양 … 홍콩 IPO … AI 기술 … GPU 기반 … "
    "World Economic Forum … IT 기업",
])


def test_latin_spellings_are_the_articles_capitalised_words_but_stopwords():
    assert SPELLINGS["cset"] == "CSET" and SPELLINGS["qwen"] == "Qwen" and SPELLINGS["ipo"] == "IPO"
    assert "it" not in SPELLINGS  # "IT 기업" is no spelling of the pronoun


@pytest.mark.parametrize(("question", "cased"), [
    ("zhipu ai ipo amount", "Zhipu AI IPO amount"),  # a name, and the articles' own spellings
    ("samsung hbm supply to nvidia", "Samsung HBM supply to Nvidia"),  # no vowel: an acronym
    ("how many a100s does china have", "how many A100s does China have"),  # a code; a country
    ("what did lin junyang say about cset?", "what did Lin Junyang say about CSET?"),  # a surname next to a name
    ("how many gpus does moonshot use to train its models?", "how many GPUs does Moonshot use to train its models?"),
    ("who is the president of south korea?", "who is the president of South Korea?"),
    ("which japanese firms are working with huawei?", "which Japanese firms are working with Huawei?"),
    ("leading the world within five years", "leading the world within five years"),  # "World" is capitalised text
    ("how much larger is it, and why couldn't they import newer chips?",
     "how much larger is it, and why couldn't they import newer chips?"),  # comparatives, a contraction
    ("what are the ai systems pre-programmed with?", "what are the AI systems pre-programmed with?"),  # a prefix
    ("What did lin say?", "What did lin say?"),  # the writer cased it
])
def test_truecased_restores_the_capitals_of_names(question, cased):
    assert truecased(question, SPELLINGS) == cased


def test_common_words_are_found_by_their_base_forms_comparatives_and_prefixes():
    assert all(is_common_word(w) for w in ("chips", "computing", "larger", "weaker", "preprogrammed", "roundtable"))
    assert not any(is_common_word(w) for w in ("zhipu", "samsung", "junyang", "hbm"))


def test_only_a_question_without_capitals_is_uncased():
    assert is_uncased("zhipu ipo?") and not is_uncased("Zhipu ipo?") and not is_uncased("즈푸AI는?")


def test_lower_case_questions_are_answered_and_refused_as_cased_ones(service):
    assert service.ask("samsung hbm supply to nvidia").abstained  # Samsung and HBM: never mentioned
    answer = service.ask("which chinese company developed ernie bot?")
    assert not answer.abstained and "바이두" in answer.answer.split(" [1]")[0]
    answer = service.ask("what probability did lin junyang give for a chinese team leading globally?")
    assert not answer.abstained and "20%" in answer.answer
