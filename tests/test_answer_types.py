"""Answer typing: what kind of answer a question asks for, and whether a sentence holds one."""

import pytest

from rag.answer_types import DATE, MONEY, NUMBER, PEOPLE, expected_type, mentions


@pytest.mark.parametrize(("question", "kind"), [
    ("즈푸AI는 홍콩 상장으로 얼마를 조달했나?", MONEY),
    ("How much did MiniMax raise on the Hong Kong stock exchange?", MONEY),
    ("What is the price of one Nvidia H100 chip?", MONEY),
    ("What was Alibaba's revenue last year?", MONEY),
    ("삼성전자의 올해 반도체 투자 규모는?", MONEY),
    ("우한시의 인구는 몇 명인가?", PEOPLE),
    ("What is Wuhan's population?", PEOPLE),
    ("How many employees does Huawei have?", PEOPLE),
    ("딥시크는 언제 공개되었나?", DATE),
    ("Since what year has China set AI leadership as a government goal?", DATE),
    ("중국이 극자외선 리소그래피 기계 시제품을 만든 시기는?", DATE),
    ("중국 AI 모델은 미국보다 몇 년 뒤처졌나?", NUMBER),  # a duration, not a date
    ("CSET 보고서는 몇 년도에 나왔나?", DATE),
    ("How many domestic chip companies has the Chinese government supported through large funds?", NUMBER),
    ("How much larger is US computing power than China's?", NUMBER),
    ("중국 기업들은 저성능 칩 몇 개를 묶어 최신 칩 성능을 내려 하나?", NUMBER),
    ("Who is Valentin Weber?", None),
    ("중국 인공지능 산업의 민간 투자 상황은 어떤가?", None),
    ("What did Tang say about funding?", None),
])
def test_expected_type(question, kind):
    assert expected_type(question) == kind


@pytest.mark.parametrize(("kind", "text", "holds"), [
    (MONEY, "즈푸AI는 5억 5800만 달러(약 8100억 원)를 조달했다.", True),
    (MONEY, "It raised $558 million.", True),
    (MONEY, "딥시크는 이후 일곱 차례 모델 업데이트를 발표했다.", False),
    (MONEY, "74개 이상의 자국 반도체 기업을 지원해 왔다.", False),
    (MONEY, "원래 계획대로 3개 분야를 키운다.", False),
    (PEOPLE, "직원 1만 2천 명이 일한다.", True),
    (PEOPLE, "2,000개의 연구와 첨단기술 기업이 모인 중심지", False),
    (DATE, "중국은 지난해 12월 자체 시제품을 만들었다.", True),
    (DATE, "올해 초 공개된 딥시크", True),
    (DATE, "CSET가 지난 19(현지시각) 내놓은 보고서", True),
    (DATE, "엘 캐피탄은 1.7엑사플롭스의 계산능력을 가졌다.", False),
    (DATE, "회사는 지난주 상장 계획을 밝혔다.", True),
    (DATE, "성능이 3~6개월 정도 뒤처진 것으로 파악된다.", False),
    (NUMBER, "딥시크는 이후 일곱 차례 모델 업데이트를 발표했다.", True),
    (NUMBER, "성능이 3~6개월 정도 뒤처진 것으로 파악된다.", True),
    (NUMBER, "인식트그룹은 미국 국방부 공식 협력업체다.", False),
    (None, "아무 문장", True),
])
def test_mentions(kind, text, holds):
    assert mentions(kind, text) is holds


def test_unknown_type_is_named():
    with pytest.raises(ValueError, match="'colour'"):
        mentions("colour", "빨강")
