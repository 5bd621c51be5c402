"""Questions about an article itself: its author, outlet and date, from its metadata."""

import pytest

from rag.bylines import AUTHOR, DATE, OUTLET, byline_answer, byline_asked, named_outlet, other_outlet
from rag.documents import Article


@pytest.mark.parametrize(("question", "field"), [
    ("이 기사를 쓴 기자는 누구야?", AUTHOR),
    ("글로벌이코노믹 기사는 누가 썼어?", AUTHOR),
    ("Who wrote the article about Wuhan's AGI push?", AUTHOR),
    ("Who is the author of the article on Zhipu's IPO?", AUTHOR),
    ("한국일보 기사는 언제 나왔어?", DATE),
    ("When was the article about US sanctions published?", DATE),
    ("이 기사는 어느 언론사 기사야?", OUTLET),
    ("Which newspaper published the article on Insikt Group's report?", OUTLET),
    # about what the articles report, not about an article
    ("Who wrote the report?", None),
    ("CSET 보고서의 주 저자는 누구인가?", None),
    ("Which newspaper reported Wuhan's computing plans?", None),
    ("Which outlet reported on the AGI-Next roundtable?", None),
    ("딥시크는 언제 공개되었나?", None),
])
def test_byline_asked_only_of_the_article(question, field):
    assert byline_asked(question) == field


ARTICLE = Article("001.txt", "본문.", title="시장서 환호한 중국 AI", outlet="서울경제", author="박윤선")


def test_byline_answer_reads_the_metadata_and_says_what_is_missing():
    assert byline_answer(AUTHOR, ARTICLE, "ko").text == "‘시장서 환호한 중국 AI’ 기사는 박윤선 기자가 썼습니다(서울경제) [1]."
    assert byline_answer(OUTLET, ARTICLE, "en").text == "The article “시장서 환호한 중국 AI” was published by 서울경제 [1]."
    missing = byline_answer(DATE, ARTICLE, "ko")
    assert missing.text is None and missing.missing == "게재일"


def test_named_outlet_is_the_outlet_the_question_names():
    assert named_outlet("글로벌이코노믹 기사는 누가 썼어?", ["서울경제", "", "글로벌이코노믹"]) == "글로벌이코노믹"
    assert named_outlet("이 기사를 쓴 기자는?", ["서울경제", "글로벌이코노믹"]) == ""


@pytest.mark.parametrize(("question", "other"), [
    ("Who wrote the WSJ article?", "WSJ"),
    ("Who wrote Newsweek's article?", "Newsweek"),
    ("블룸버그통신 기사를 쓴 기자는?", "블룸버그통신"),
    ("한국일보 기사는 누가 썼어?", ""),  # one of the articles' own outlets
    ("Who wrote this article?", ""),
    ("이 기사를 쓴 기자는 누구야?", ""),
])
def test_other_outlet_is_an_outlet_named_that_no_article_is_from(question, other):
    assert other_outlet(question, ["서울경제", "", "한국일보"]) == other


def test_another_outlet_s_reporter_is_no_article_s_byline(service):
    answer = service.ask("Who wrote the WSJ article?", ["What did the WSJ report?"])
    assert answer.abstained and "한국일보" not in answer.answer


def test_byline_questions_are_answered_from_the_real_articles_metadata(service):
    answer = service.ask("글로벌이코노믹 기사는 누가 썼어?")  # the byline is cleaned out of the text
    assert not answer.abstained and "박정한" in answer.answer and answer.citations[0].author == "박정한"
    answer = service.ask("When was the article about US sanctions published?")
    assert not answer.abstained and "2023-05-08" in answer.answer and answer.citations[0].outlet == "한국일보"
    answer = service.ask("서울경제 기사는 언제 나왔어?")  # no date in its metadata
    assert answer.abstained and "게재일" in answer.answer


def test_an_outlet_named_is_found_among_all_articles_and_cited_from_its_first_passage(service):
    composer = service.composer
    assert composer._outlet_sources["한국일보"].startswith("002_")
    hit = composer._first_passage(composer._outlet_sources["한국일보"])
    assert hit.article.outlet == "한국일보" and hit.chunk.start == 0
