"""The kind of answer a question expects, and whether a sentence holds one.

Classic answer typing (as in TREC question answering): "얼마를 조달했나?" / "How much did it raise?"
wants a sum of money, "인구는 몇 명인가?" / "What is its population?" a count of people, "언제" / "when" a
date, "몇 개" / "how many" / "how far" some number. A sentence that names no sum of money cannot answer
the first, however close its words are to the question (the article mentions the company, but not
what it raised). The composer uses this to pick the sentence that holds the answer and to abstain when
no sentence close enough to the question holds an answer of the expected kind.
"""

from __future__ import annotations

import re

MONEY, PEOPLE, DATE, NUMBER = "money", "people", "date", "number"

ASKS_FOR_NUMBER = re.compile(
    r"얼마|몇|언제|규모|금액|수치|비율|확률|연도|년도|날짜|기간|시기"
    r"|\bhow (?:much|many|large|big|long|far|often|old|fast|high|low)\b|\bwhen\b"
    r"|\b(?:what|which) (?:year|date|month|day|percentage|share|time)\b|\bprobability\b|\bnumber of\b",
    re.IGNORECASE,
)
_ASKS_FOR_AMOUNT = re.compile(r"얼마|규모|금액|\bhow much\b", re.IGNORECASE)
_MONEY_WORDS = re.compile(
    r"비용|가격|값|매출|수익|이익|투자|조달|자금|금액|연봉|임금|시가총액|몸값|판매액|예산"
    r"|\b(?:prices?|priced|costs?|revenues?|sales|profits?|earnings|raised?|raising|funding|funds?|invest\w*"
    r"|worth|valuation|valued|pay|paid|salary|salaries|spend\w*|spent|budget)\b",
    re.IGNORECASE,
)
# "What is/was the price of …", "What was Alibaba's revenue …": a money question without "how much".
_WHAT_IS_MONEY = re.compile(
    r"^\s*what\s+(?:is|was|are|were)\s+(?:the\s+)?(?:[\w-]+'s?\s+){0,3}"
    r"(?:prices?|costs?|revenues?|sales|profits?|earnings|valuation|worth|salary|budget)\b",
    re.IGNORECASE,
)
_ASKS_FOR_PEOPLE = re.compile(
    r"몇\s*명|인구|직원\s*수|인원|임직원\s*수|직원이\s*몇"
    r"|\bhow many (?:people|employees|staff|workers|residents|members|users|persons|engineers|researchers"
    r"|students|inhabitants)\b|\bpopulation\b|\bheadcount\b|\bworkforce\b",
    re.IGNORECASE,
)
_ASKS_FOR_DATE = re.compile(
    r"언제|몇\s*년도|몇\s*월|어느\s*해|시기|날짜|연도|년도"  # "몇 년", "며칠" may ask for a duration: NUMBER
    r"|\bwhen\b|\b(?:what|which) (?:year|date|month|day|time)\b|\bsince when\b|\bby when\b|\bon what day\b",
    re.IGNORECASE,
)

_NATIVE_COUNT = r"(?:하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|쉰|한|두|세|네)\s?(?:차례|개|번|명|곳|가지)"
_MENTIONS = {
    MONEY: re.compile(
        r"\d[\d,.]*\s*(?:조|억|만|천|백)?\s*(?:달러|원|위안|엔|유로|파운드|불)(?![가-힣])"
        r"|(?:조|억|만|천)\s*(?:달러|원|위안|엔|유로)(?![가-힣])|[$€£¥₩]\s?\d|\d\s*(?:dollars?|won|yuan|euros?)\b",
        re.IGNORECASE,
    ),
    PEOPLE: re.compile(
        r"(?:\d[\d,.]*\s*(?:만|천|백|억)?|수십|수백|수천|수만|수십만|수백만|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*명"
    ),
    DATE: re.compile(
        r"\d{4}\s*년|\d{1,2}\s*(?:월|일)|\d+\s*(?:세기|분기)|(?<!\d)(?:19|20)\d{2}(?!\d)|지난해|올해|작년|내년|지난달|이번\s*달"
        r"|이날|같은\s*날|전날|당일|어제|오늘|내일|지난\s*주|이번\s*주|이달|내달|상반기|하반기"
        r"|현지\s*시[각간]|초순|중순|하순|연초|연말"
        r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    ),
    NUMBER: re.compile(r"\d|" + _NATIVE_COUNT),
}


def expected_type(question: str) -> str | None:
    """The kind of answer ``question`` asks for: MONEY, PEOPLE, DATE or NUMBER; None for any other
    question (who, what, why, how)."""
    if _MONEY_WORDS.search(question) and (_ASKS_FOR_AMOUNT.search(question) or _WHAT_IS_MONEY.search(question)):
        return MONEY
    if _ASKS_FOR_PEOPLE.search(question):
        return PEOPLE
    if _ASKS_FOR_DATE.search(question):
        return DATE
    return NUMBER if ASKS_FOR_NUMBER.search(question) else None


def mentions(answer_type: str | None, text: str) -> bool:
    """Whether ``text`` holds an answer of ``answer_type`` (any text does for None)."""
    if answer_type is None:
        return True
    if answer_type not in _MENTIONS:
        raise ValueError(f"unknown answer type {answer_type!r}; expected one of {sorted(_MENTIONS)}")
    return bool(_MENTIONS[answer_type].search(text))
