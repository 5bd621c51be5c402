"""Korean dates read in English, for the lead of an English answer to a date question; the years a question
names, which its answer must speak of."""

import pytest

from rag.dates import english_date, holds_year_offsets, holds_years, year_offsets_named, years_named


@pytest.mark.parametrize(("text", "english"), [
    ("지난해 10월 미국 정부의 반도체 수출 규제로", "October last year"),
    ("시진핑 주석이 2025년 4월 29일 중국 상하이에서", "April 29, 2025"),
    ("즈푸AI는 8일 중국 AI 스타트업으로는 최초로 상장해", "on the 8th"),
    ("중국은 2017년부터 인공지능 기술 패권 확보를", "since 2017"),
    ("중국은 지난 1월 생성형 AI 모델 '딥시크'를 선보이며", "last January"),
    ("등록된 모델은 올해 1월 기준 302개", "January this year"),
    ("1957년 소비에트 연방이", "1957"),
    ("올해 초 공개된 딥시크", None),  # no year, month or day
    ("2025년 4월 29일 방문했고 지난 3월 보도했다", None),  # two dates: which answers is not for a pattern
    ("우한시 정부는 지난 312일 낸 공지에서", None),  # a garbled capture, not the 12th
    ("성능이 3~6개월 정도 뒤처진", None),  # a duration
    ("A100가 5,000~1만 개가 필요한데", None),
])
def test_english_date(text, english):
    assert english_date(text) == english


@pytest.mark.parametrize(("question", "years"), [
    ("Who won the 2024 US presidential election?", ("2024",)),
    ("중국은 2017년부터 2030년까지 무엇을 하려 하나?", ("2017", "2030")),
    ("How many A100 chips does China have?", ()),  # A100 is no year
    ("What did 20,000 companies do?", ()),
])
def test_years_named_are_the_four_digit_years_of_a_question(question, years):
    assert years_named(question) == years


@pytest.mark.parametrize(("text", "date", "holds"), [
    ("2025년 4월 29일 상하이에서", "", False),  # another year
    ("2024년 대선에서 승리했다", "", True),
    ("지난해 10월 미국 정부의 반도체 수출 규제", "2025-01-08", True),  # relative to the article's date: 2024
    ("지난해 10월 미국 정부의 반도체 수출 규제", "2023-05-08", False),  # 2022
    ("올해 초 공개된 딥시크", "", True),  # an undated article's "this year" may be 2024
    ("올해 초 공개된 딥시크", "2025-01-08", False),  # a dated one's is its own year
    ("그해 이듬해 상장했다", "", True),  # relative to another year of the text
    ("WSJ에 따르면 공동 연구에 나섰다", "2024-05-08", True),  # the article is of that year
    ("WSJ에 따르면 공동 연구에 나섰다", "2023-05-08", False),
])
def test_holds_years_wants_the_year_or_a_relative_one(text, date, holds):
    assert holds_years(("2024",), text, date) is holds
    assert holds_years((), text, date)  # a question naming no year


def test_year_offsets_named_are_years_relative_to_now():
    assert year_offsets_named("How much will Zhipu AI raise next year?") == (1,)
    assert year_offsets_named("내년 우한시 컴퓨팅 능력 목표는?") == (1,)
    assert year_offsets_named("What did China build last year?") == (-1,)
    assert year_offsets_named("How much did Zhipu AI raise?") == ()


@pytest.mark.parametrize(("offsets", "text", "date", "holds"), [
    ((1,), "우한시는 … 올해 총 30엑사플롭스의 컴퓨팅 능력을 갖출 예정이며", "", False),  # this year, not next
    ((1,), "즈푸AI는 8일 … 5억 5800만 달러를 조달했다.", "", False),  # no year: the article's own
    ((0,), "즈푸AI는 8일 … 5억 5800만 달러를 조달했다.", "", True),
    ((0,), "우한시는 … 올해 총 30엑사플롭스의 컴퓨팅 능력을 갖출 예정이며", "", True),
    ((-1,), "중국은 지난해 12월 자체 시제품을 만들었다.", "", True),
    ((1,), "2024년 목표는 …", "2023-05-08", True),  # the year after the article's
    ((1,), "2025년 목표는 …", "2023-05-08", False),
])
def test_holds_year_offsets_wants_the_same_relative_year(offsets, text, date, holds):
    assert holds_year_offsets(offsets, text, date) is holds
