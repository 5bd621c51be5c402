"""Korean dates read in English, for the lead of an English answer to a date question."""

import pytest

from rag.dates import english_date


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
