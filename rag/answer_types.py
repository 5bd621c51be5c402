"""The kind of answer a question expects, and whether a sentence holds one.

Classic answer typing (as in TREC question answering): "얼마를 조달했나?" / "How much did it raise?"
wants a sum of money, "인구는 몇 명인가?" / "What is its population?" a count of people, "언제" / "when" a
date, "몇 개" / "how many" / "how far" some number (not a date, not a model name like A100), "창업자는
누구인가?" / "Who is the CEO of …?" a person named with that title near the name asked about (Korean news
writes "문샷의 양즈린 창업자 겸 CEO"), "…모델의 이름은?" / "What is the name of …?" a name given next to the
noun asked about ("유사한 AI '어니봇'"). A sentence that names no sum of money cannot answer the first,
however close its words are to the question (the article mentions the company, but not what it
raised). Questions about an attribute news sentences name in fixed ways (founding, headquarters,
revenue, share price, a launch …) further need a sentence that names it, and "What did X say about Y?" one
that names Y. The composer uses this to pick the sentence that holds the answer and to abstain when no
sentence close enough to the question holds an answer of the expected kind.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .numbers import asked_currency
from .text import is_request

MONEY, PEOPLE, DATE, NUMBER, PERSON, PERCENT, NAME = "money", "people", "date", "number", "person", "percent", "name"

# "when" asking when: opening the question or a clause of it ("And when …?", "since when", "Tell me when …") or ending
# it ("zhipu listed when?"), not a time
# that frames another question ("What was Ri Sol-ju wearing when she came to the airport?" asks what)
_WHEN_ASKED = r"(?:^\W*|\b(?:and|but|so|then|or|since|by|until|till|me|know|knows)\s+)when\b|\bwhen\s*\?*\s*$"
ASKS_FOR_NUMBER = re.compile(
    r"얼마|몇|언제|규모|금액|수치|비율|확률|연도|년도|날짜|기간|시기"
    rf"|\bhow (?:much|many|large|big|long|far|often|old|fast|high|low)\b|{_WHEN_ASKED}"
    r"|\b(?:what|which) (?:year|date|month|day|percentage|share|time)\b|\bprobability\b"
    # "the number of …", not "What does the large number of registered models indicate?", which asks what it means
    r"|(?<!large )(?<!great )(?<!huge )(?<!growing )(?<!rising )(?<!increasing )(?<!small )\bnum(?:ber)? of\b"
    r"|\bwhat (?:chance|odds|likelihood)\b",
    re.IGNORECASE,
)
_ASKS_FOR_AMOUNT = re.compile(r"얼마|규모|금액|\bhow much\b", re.IGNORECASE)
_MONEY_WORDS = re.compile(
    r"비용|가격|값|매출|수익|이익|투자|조달|자금|금액|연봉|임금|시가총액|몸값|판매액|예산|국내총생산|GDP"
    r"|\b(?:prices?|priced|costs?|revenues?|sales|profits?|earn\w*|gross\w*|raised?|raising|funding|funds?|invest\w*|GDP"
    r"|worth|valuation|valued|pay|paid|salary|salaries|spend\w*|spent|budget)\b",
    re.IGNORECASE,
)
# "What is/was the price of …", "What was Alibaba's revenue …", "What is Samsung Electronics' operating
# profit …", "What did Tencent pay to hire …", "What salary does Tencent pay …": a money question without
# "how much" ("What did it invest in?" asks for a thing).
_WHAT_IS_MONEY = re.compile(
    r"^\s*what\s+(?:is|was|are|were)\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}"
    r"(?:prices?|costs?|revenues?|sales|profits?|earnings|valuation|worth|salary|budget|GDP)\b"
    # (not "What do Chinese firms spend their compute on?", whose stranded "on" asks for a thing)
    r"|^\s*what\s+(?:does|do|did|will|would)\s+(?:[\w'-]+\s+){1,6}(?:cost|pay|spend|charge|earn)\b"
    r"(?![^?]*\b(?:on|for)\s*\?*\s*$)"
    r"|^\s*what\s+(?:[\w'-]+\s+){0,2}(?:prices?|costs?|salary|salaries|fees?|budget|wages?)\s+(?:does|do|did|will|would|is|was)\b",
    re.IGNORECASE,
)
# "엔비디아 H100의 가격은?", "우한시의 AI 예산은?": a Korean question that ends on a money noun asks for a sum.
_KOREAN_MONEY_TOPIC = re.compile(
    r"(?:비용|가격|값|매출액?|수익|이익|투자액|투자\s*규모|자금|금액|연봉|임금|시가총액|몸값|판매액|예산|국내총생산"
    r"|(?<![가-힣])돈)"
    r"(?:은|는|이|가)?\s*(?:얼마\S*|무엇\S*|어느\s*정도\S*)?\s*\??\s*$"
)
# an English search-box query, no question word or auxiliary in it ("zhipu ipo date", "deepseek founder name")
_KEYWORD_QUERY = (r"^(?![^?]*\b(?:what|who|whom|whose|when|where|which|why|how|is|are|was|were|do|does|did|can|could|will"
                  r"|would|has|have|had|tell|list|show|give|explain|describe)\b)")
_ASKS_FOR_PEOPLE = re.compile(
    r"몇\s*명|인구|직원\s*수|인원|임직원\s*수|직원이\s*몇"
    r"|\bhow many (?:[\w-]+\s+){0,2}?(?:people|employees|staff|workers|residents|members|users|persons|engineers"
    r"|researchers|scientists|students|inhabitants)\b|\bpopulation\b|\bheadcount\b|\bworkforce\b"
    # a search-box query: "zhipu ai number of employees", "ernie bot user count"
    r"|\b(?:number|num|count) of (?:people|employees|staff|workers|users|members|engineers|researchers|students)\b"
    r"|\b(?:employee|staff|user|member|worker)s?\s+(?:count|numbers?|total)\b",
    re.IGNORECASE,
)
_ASKS_FOR_PERCENT = re.compile(
    r"퍼센트|몇\s*프로(?!그|젝|덕|세|듀|필|야구|모|토|파)|%|비율|확률|점유율|\bpercent(?:age)?\b|\bprobability\b"
    r"|\bwhat (?:chance|odds|likelihood|share)\b"
    r"|\bmarket share\b|\bshare of\b",
    re.IGNORECASE,
)
# "몇 개" is answered by "3개", not by "일곱 차례": the counter a Korean number question asks with, and the
# counters that answer it. "How many …" is answered by a number with any counter.
_KOREAN_COUNTERS = {"개": "개|가지|곳", "곳": "곳|개", "차례": "차례|번|회", "번": "번|차례|회", "배": "배", "대": "대",
                    "년": "년", "개월": "개월|달", "달": "개월|달", "일": "일", "시간": "시간", "종": "종|개",
                    "쪽": "쪽|페이지", "페이지": "페이지|쪽", "건": "건|차례|번|회|개", "편": "편|건|차례|번|회",
                    "권": "권", "층": "층", "위": "위"}
# "8일", "2017년" are dates unless asked for, and "17배" a ratio unless "how many times" is asked
_ANY_COUNTER = "개|가지|곳|차례|번|회|대|명|종|건|편|척|위"
_EN_UNITS = {"years": "년", "months": "개월|달", "weeks": "주", "days": "일", "hours": "시간", "times": "배|번|차례|회"}
# "10일(현지 시간)" is a date; "3일간", "3일이 더 필요할 것" a duration
# units of a duration, not the start of another word: 달러 is no month, 주가 no week, 3분기 no minutes
_DURATION = (r"년|개월|달(?!러)|주(?:간|일)?(?![가-힣])|시간|분(?!기|의)|초(?:간)?(?![가-힣])"
             r"|일\s*(?:간|동안|째|만|이?\s*(?:더\s*)?(?:필요|걸|소요))")
_ASKS_HOW_LONG = re.compile(r"\bhow long\b|얼마나\s*오래|얼마\s*동안|몇\s*시간|얼마나\s*걸|얼마\s*걸", re.IGNORECASE)
_ASKS_WITH_COUNTER = re.compile(r"몇\s*(" + "|".join(sorted(_KOREAN_COUNTERS, key=len, reverse=True)) + ")")
_ASKS_HOW_MANY = re.compile(r"\bhow many(?:\s+(years|months|weeks|days|hours|times)\b)?", re.IGNORECASE)
# Hangul syllables ending in ㄴ: a verb's past adnominal form ("쏜", "상장한", "설립된")
_N_FINAL = "".join(chr(0xAC00 + initial_vowel * 28 + 4) for initial_vowel in range(19 * 21))
_ASKS_FOR_DATE = re.compile(
    # "몇 년", "며칠" may ask for a duration (NUMBER), "몇 년부터" / "몇 년에" for a year
    r"언제|몇\s*년\s*(?:도|부터|에|까지|쯤)|몇\s*월|어느\s*해|시기|날짜|연도|년도"
    rf"|[{_N_FINAL}]\s+해(?:는|가|를|에|였어|였나|야|지)?\s*\?*\s*$"  # the year of an act: "인공위성을 쏜 해는?"
    rf"|{_WHEN_ASKED}|\b(?:what|which) (?:year|date|month|day|time)\b|\bon what day\b"
    # a search-box query ending on the date it wants: "zhipu ipo date", "insikt group report date"
    rf"|{_KEYWORD_QUERY}[^?가-힣]*\bdate\s*\??\s*$|\b(?:release|launch|listing|ipo|founding|publication)\s+date\b",
    re.IGNORECASE,
)

# "Who founded …?", "미니맥스의 창업자는 누구인가?": a question whose focus is a role asks for a person. A
# who-question about an act ("Who hosted the roundtable?") may be answered by an organisation, "Who is
# X?" by a description, and a title that only qualifies another name ("김정일 위원장의 … 대학생은 누구인가?")
# is not what is asked.
_TITLES = (r"창업자|창립자|설립자|최고경영자|CEO|대표(?!적)|회장|사장|총재|주석|대통령|총리|장관|책임자|저자|위원장|의장"
           r"|원장|소장|교수|과학자|분석가|연구원|진행자|사회자|의원|대변인|대사(?!관|업|전|회|적)|주주")
_EN_ROLES = (r"(?:co-?)?founders?|ceo|chief(?: executive)?|head|leader|lead|chair(?:man|woman)?|president|director"
             r"|author|professor|scientist|analyst|minister|executive|mayor|governor|moderator|senator|lawmaker"
             r"|legislator|spokes(?:man|woman|person)|ambassador|shareholder")
_ASKS_FOR_ROLE = re.compile(
    rf"(?:{_TITLES}|시장|도지사)\s*(?:은|는|이|가)?\s*(?:누구|누가)|(?:설립|창업|창립)한\s*(?:사람|인물)|누가\s.*(?:설립|창업|창립)"
    r"|(?:진행|사회)(?:은|는|을|를)\s*누가\s*맡"  # "진행은 누가 맡았어?": who moderated
    r"|(?:쓴|작성한|집필한)\s*(?:사람|인물)|\bwho\s+(?:wrote|authored)\b"  # "보고서를 쓴 사람은?": its author
    rf"|\bwho(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:(?:the|its|their|his|her)\s+)?(?:[\w'-]+\s+){{0,2}}?(?:{_EN_ROLES})\b"
    r"|\bwho\s+(?:co-?)?(?:founded|heads|headed|leads|led|runs|ran|chairs|chaired|moderated|moderates)\b"
    # "Which US senator criticized …?" ("Which Chinese leader appears in the photo?" asks for anyone leading)
    r"|\bwhich\s+(?:[\w'-]+\s+){0,2}?(?:(?:co-?)?founders?|ceos?|presidents?|directors?|authors?|professors?"
    r"|scientists?|analysts?|ministers?|mayors?|governors?|moderators?|senators?|lawmakers?|legislators?"
    r"|spokes(?:man|woman|person)|ambassadors?)\b"
    rf"|(?:{_TITLES})\s*(?:의\s*)?이름|\bname of\s+(?:[\w'-]+\s+){{0,3}}?(?:{_EN_ROLES})\b"
    rf"|{_KEYWORD_QUERY}[^?가-힣]*\b(?:{_EN_ROLES})(?:\s+name)?\s*\??\s*$",  # a search-box query: "deepseek founder name"
    re.IGNORECASE,
)
_ROLE_WORDS = re.compile(rf"(?:{_TITLES}|설립|창업|창립|쓴|작성한|집필한|\b(?:{_EN_ROLES}|(?:co-?)?founded|heads|headed|leads"
                         r"|led|runs|ran|chairs|chaired|moderated|moderates|wrote|authored)\b)(?:은|는|이|가|의|을|를|도)?",
                         re.IGNORECASE)


def _asked_and_named(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern, re.Pattern], ...]:
    """(how a question asks about a thing, how a sentence names it), compiled, case-insensitive."""
    return tuple((re.compile(asked, re.IGNORECASE), re.compile(named, re.IGNORECASE)) for asked, named in pairs)


# A role the question names, and how a sentence names the same role: the founder of a company is not
# answered by its analyst, nor its head by a title below it.
_ROLES = _asked_and_named((
    (r"창업|설립|창립|\b(?:co-?)?found", r"창업|설립|창립|\bfound"),
    (r"CEO|최고경영자|\bchief executive\b", r"CEO|최고경영자|\bchief executive\b"),
    (r"대표|회장|사장|총재|주석|대통령|총리|\bpresident\b|\bchair",
     r"대표(?!적)|회장|사장|총재|주석|대통령|총리|의장|위원장|이사장|\bpresident\b|\bchair"),
    # a co-author is not the main author ("CSET 보고서의 공동 저자는?" is not answered by "보고서 주 저자인 … 한나스")
    (r"공동\s*저자|공저자|\bco-?authors?\b|\bwho\s+co-?(?:wrote|authored)\b", r"공동\s*저자|공저자|\bco-?author"),
    (r"(?<!공동)(?<!공동\s)저자|(?:쓴|작성한|집필한)\s*(?:사람|인물)|(?<!co-)(?<!co)\bauthor\b|\bwho\s+(?:wrote|authored)\b",
     r"저자|필자|\bauthor\b"),
    (r"교수|\bprofessor\b", r"교수|\bprofessor\b"),
    (r"과학자|\bscientist\b", r"과학자|연구원|\bscientist\b"),
    (r"분석가|\banalyst\b", r"분석가|\banalyst\b"),
    (r"장관|\bminister\b", r"장관|\bminister\b"),
    (r"시장|\bmayor\b", r"시장|\bmayor\b"),  # a mayor: only asked as "시장은 누구" / "mayor", so not a market
    (r"진행자|사회자|(?:진행|사회)(?:은|는|을|를)\s*누가\s*맡|\bmoderat", r"진행자|진행을|사회자|사회를|\bmoderat"),
    # who leads or heads something: its head, not any title ("Who leads CSET?" is not answered by its senior analyst;
    # "PKU-우한 연구소 소장은 누구야?" not by its scientist)
    (r"수장|이끄|(?<![가-힣])(?:소장|원장|센터장)|\b(?:heads?|headed|leads?|led|leaders?|runs|ran|directors?)\b",
     r"대표(?!적)|회장|사장|총재|주석|대통령|총리|의장|위원장|이사장|원장|소장|센터장|단장|책임자|최고경영자|CEO|수장|이끄|이끌"
     r"|\b(?:head|lead|chief|director|president|chair)"),
    (r"도지사|\bgovernor\b", r"도지사|성장|\bgovernor\b"),
    (r"의원|\b(?:senator|lawmaker|legislator)s?\b", r"의원|\b(?:senator|lawmaker|legislator)"),
    (r"대변인|\bspokes(?:man|woman|person)\b", r"대변인|\bspokes"),
    (r"주주|\bshareholders?\b", r"주주|\bshareholder"),  # an owner, not any investor
    (r"대사(?!관|업|전|회|적)|\bambassadors?\b", r"대사(?!관|업|전|회|적)|\bambassador"),
))
# Attributes of an entity that questions ask about and news sentences name in a few fixed ways: when it
# was founded, where its headquarters are, its revenue, share price, market value, a model's parameters,
# a chip's clock speed, a yearly figure, an area, the weather, a person's age, height, weight or school. A
# sentence that holds a date or a number but not the attribute does not answer ("즈푸AI는 언제
# 설립되었나?" is not answered by the day it listed).
_ATTRIBUTES = _asked_and_named((
    # "When did Tang Jie found Zhipu AI?": after "did", "found" is founding, not finding
    (r"설립|창립|창업(?!자)|\b(?:founded|established|founding)\b|\b(?:did|does|do|will|to)\s+(?:[\w'-]+\s+){0,3}?found\b",
     r"설립|창립|창업|세워|세운|출범|\bfound|\bestablish"),
    (r"본사|\bheadquarter", r"본사|본부|\bheadquarter"),
    # where something is: "CSET는 어느 도시에 있나?" is not answered by the Beijing labs of its report
    # ("In which city was Xi photographed …?" asks where something happened, not where something is)
    # where headquarters are is the headquarters' attribute ("본사는 어디에 있나?": "베이징에 본사를 둔")
    (r"(?<!본사는 )(?<!본사가 )(?<!본부는 )(?:어디|어느\s*(?:도시|나라|국가|지역|곳))에\s*(?:있|위치)"
     r"|\bin which (?:city|country|town|region) (?:is|are|was|were)\b(?![^?]*\b(?!located\b|based\b|headquartered\b)[a-z]+ed\b)"
     r"|\bwhere\s+(?:is|are|was|were)\s+(?:[\w'-]+\s+){1,6}?(?:located|based)\b",
     # a person is where they work: "(야오순위는) 지금은 어디에 있어?" is answered by "최근 텐센트에 합류한"; a thing
     # is at the institution that has it ("엘 캐피탄은 어디에 있는 슈퍼컴퓨터야?": "로렌스 리버모어 국립연구소의 '엘 캐피탄'")
     r"위치|소재|에\s*있는|에\s*있다|자리\s*잡|자리한|합류|소속|근무|재직|몸담|\b(?:located|based)\b"
     r"|(?:연구소|연구원|연구센터|대학교|대학|기지|공장|본부)의\s"),
    (r"매출|영업이익|순이익|판매량|판매했|팔았|\b(?:revenues?|profits?|sales|earnings|sell|sells|sold)\b",
     r"매출|이익|수익|판매|팔았|팔리|팔린|팔려|\b(?:revenue|profit|sales|earnings|sold|sell)"),
    # a launch or release, not a listing: "즈푸AI의 다음 모델은 언제 출시되나?" is not answered by the day it
    # listed; "DeepSeek's release" (a noun) asks about no act of launching
    (r"출시|선보|공개(?:되|됐|했|한|된)"
     r"|(?<!'s )(?<!the )(?<!its )(?<!his )(?<!her )(?<!their )\b(?:launch|release|unveil|debut)(?:e?d|e?s)?\b",
     r"출시|공개|선보|내놓|내놨|발표|론칭|발사|\b(?:launch|releas|unveil|debut|introduc)"
     r"|보고서(?=\S*\s*(?:를\s*보면|에\s*따르면))"),  # a report's date: "11일 … 인식트그룹 보고서를 보면"
    # a nationality: "What is Hannas's nationality?" is not answered by his quote after the name
    (r"국적|시민권|\b(?:nationality|citizenship)\b", r"국적|시민권|\b(?:national|citizen)"),
    # energy: the 30 exaflops Wuhan will have say nothing of the electricity it uses
    (r"전력|전기|에너지|\b(?:electricity|energy|power consumption)\b",
     r"전력|전기|에너지|소비|소모|사용량|와트|\b(?:[kMG]W|kWh|electric|energy|consum|watts?)\b"),
    # a company's shares, not a stock exchange or market ("Which stock exchange did it list on?")
    (r"주가|종가|시초가|주식(?!\s*시장)|\b(?:share|stock|closing|opening) prices?\b|\bshares\b"
     r"|\bstocks?\b(?!\s+(?:exchange|market))",
     r"주가|주식|종가|시초가|\b(?:share|stock|closing|opening)"),
    # a company's worth; what a deal or listing is worth is its sum ("How much is MiniMax's IPO worth?")
    (r"시가총액|시총|기업\s*가치|\bmarket (?:cap|value)|\bvaluation\b"
     r"|\b(?:is|are|was|were)\s+(?!(?:[\w'-]+\s+){0,3}?(?:IPO|listing|deal|offering|round|sale|contract)\b)"
     r"(?:[\w'-]+\s+){1,4}worth\b",
     r"시가총액|시총|가치|\bmarket (?:cap|value)|\bvaluation|\bworth"),
    (r"파라미터|매개변수|\bparameters?\b", r"파라미터|매개변수|\bparameter"),
    (r"클럭|\bclock\b", r"클럭|\bclock\b|[GM]Hz|헤르츠"),
    # a winner: "Who won the AGI-Next roundtable debate?" is not answered by the debate held ("in won" is a currency)
    (r"\bwho\s+(?:won|wins)\b|\bwinners?\b|누가\s*(?:이겼|우승|승리)|우승(?:자|팀|한)|승자|이긴\s*(?:사람|쪽|팀|곳)",
     r"우승|승리|이긴|이겼|승자|당선|\b(?:won|wins?|winners?|victor\w*)\b"),
    # a fine: "How much was the company fined?" is not answered by the indictment
    (r"벌금|과징금|\bfine[sd]?\b(?!-)|\bpenalt(?:y|ies)\b", r"벌금|과징금|\bfine[sd]?\b|\bpenalt"),
    # pay: "How much did SK Hynix's former employee get paid by Huawei?" is not answered by the leak
    (r"연봉|급여|월급|\bsalar(?:y|ies)\b|\bwages?\b|\bcompensation\b|\b(?:get|got|gets|was|were|is|are) paid\b",
     r"연봉|급여|월급|보수|\bsalar|\bwage|\bcompensation|\bpaid\b"),
    # speed: "Is Huawei's Ascend chip faster than the A100?" is not answered by Baidu limiting its A100s in favour of
    # the Ascend; "가장 빠른 슈퍼컴퓨터", a chip's 성능 or a machine's flops say how fast ("Which is faster, …?" compares
    # two names, as ``COMPARES_NAMES`` checks, "Why is compute consumed faster …?" asks no speed, and "How fast did The
    # Dark Knight reach its milestone?" asks how soon)
    (r"^\s*(?:is|are|was|were)\b[^?]*\b(?:faster|slower|quicker)\s+than\b|\bspeeds?\b(?!\s+up)"
     r"|(?:보다|더)\s*(?:빠르|빨라|빠른가|느리|느려|느린가)|속도",
     r"속도|빠르|빠른|빨리|느리|느린|성능|플롭스|\b(?:fast|quick|slow|speed|performance)|flops"),
    (r"날씨|기온|\bweather\b|\btemperatures?\b", r"날씨|기온|℃|\bweather\b|\btemperature"),
    (r"면적|넓이|\b(?:land|surface|total) area\b|\bsquare (?:kilomet|mile)",
     r"면적|넓이|㎢|km2|제곱킬로|\barea\b|\bsquare (?:kilomet|mile)"),
    # a rate, not a span: "behind by more than a year" and "a year ago" ask for no yearly figure
    (r"연간|매년|해마다|\b(?:per|each) year\b|(?<!than )(?<!over )(?<!within )(?<!for )(?<!in )\ba year\b(?! ago| later| earlier)"
     r"|\bannual(?:ly)?\b|\byearly\b",
     r"연간|매년|해마다|한\s*해|1년|\b(?:per|a|each) year\b|\bannual|\byearly\b"),
    # Korean news gives an age in brackets after the name: "시게오(73)는"
    (r"나이|몇\s*살|\bhow old\b|\bage\b|\bborn\b",
     r"\d+\s*(?:세|살)|[가-힣]\(\d{1,3}\)|나이|출생|태어|\bborn\b|\baged?\b"),
    (r"졸업|학력|\bgraduat\w*|\balma mater\b", r"졸업|학위|동문|\bgraduat|\bdegree\b|\balumn"),
    # a person's university: "Which university does Lin Junyang come from?" is not answered by a sentence naming
    # another's ("베이징 대학교의 PKU-우한 인공지능연구소"); "칭화대 교수" names Tang's
    # ("Which university student said …?" asks for a student)
    # "Where did Lin Junyang study?", "그는 어디서 공부했어?" ask for a school too (not "Where did they study AGI?")
    (r"\b(?:which|what) (?:[\w'-]+\s+)?(?:university|college|school)\b"
     r"(?=\s+(?:did|does|do|is|was|are|were|has|have|had)\b|\s*\?)|어느\s*(?:대학|학교)|(?:대학|학교)(?:은|는)\s*어디"
     r"|\bwhere\s+(?:did|does|do)\b(?=\s+(?:[\w'-]+\s+){1,3}?(?:study|go\s+to\s+(?:school|college|university))\s*\?*\s*$)"
     r"|어디(?:서|에서)\s*공부",
     r"대학|학교|[가-힣]대(?![가-힣])|\b(?:university|college|school)"),
    # what someone owns: "How many H100 chips does Baidu own?" is not answered by how many H800s match 1,000 H100s
    # ("its own prototype" owns nothing; Korean asks "X가 보유한 …" of what "X의 …" answers)
    (r"(?<!its )(?<!their )(?<!his )(?<!her )(?<!our )(?<!my )(?<!your )\b(?:own|owns|owned)\b(?!\s+(?:version|brand))"
     r"|\bpossess(?:es|ed)?\b",
     r"보유|소유|가지|갖|가진|\b(?:own|owns|owned|has|have|had|hold|holds|possess)"),
    # joining or hiring ("joined forces" is cooperating): "When did Tencent hire Yao Shunyu?" is not answered by
    # the day of the roundtable
    (r"합류|영입|채용|입사|\b(?:join(?:s|ed)?(?!\s+(?:forces|hands))|hire[sd]?|hiring|recruit(?:s|ed)?)\b",
     r"합류|영입|채용|입사|\b(?:join|hire|hiring|recruit)"),
    # a starting point: "Since when …?" is not answered by "2030년까지"
    (r"\bsince (?:when|what)\b|\bfrom when\b|언제부터|몇\s*년\s*부터", r"부터|이래|이후|\bsince\b|\bfrom\b"),
    # a succession: "Who succeeded Dilma Rousseff at the bank?" is not answered by a caption naming her in office
    # ("succeeded in" is a success)
    (r"후임|후계|뒤를\s*이|\bsucceed(?:s|ed)?\b(?!\s+in\b)|\bsuccessors?\b", r"후임|후계|뒤를\s*이|물려받|승계|\bsucce"),
    # a construction: "When was El Capitan built?" is not answered by the year of the comparison naming it
    (r"건설|건립|건축|(?<![가-힣])(?:지어(?:졌|진)|지었|지은)|세워(?:졌|진)|만들어(?:졌|진)"
     r"|\b(?:built|constructed|construction)\b",
     r"건설|건립|건축|구축|지어|지은|지었|세워|세운|세웠|만들|\b(?:buil|construct)"),
    # a completion: "When will Wuhan's AGI project be finished?" is not answered by the year of a plan
    (r"완공|완료|완성|준공|마무리|\b(?:finish(?:es|ed)?|complet(?:e|ed|es|ion))\b",
     r"완공|완료|완성|준공|마무리|끝나|끝났|\b(?:finish|complet)"),
    # an opening ("open-source" is no opening, nor a film's "opening weekend")
    (r"개장|개소|개관|문을\s*열|(?<![\w-])open(?:s|ed|ing)?(?![\w-])(?!\s+(?:weekend|day|night|round|ceremony|remarks))",
     r"개장|개소|개관|가동|문을\s*열|열었|열린|오픈|\bopen"),
    # a speed: "How fast is Huawei's Ascend chip?" is not answered by how many H800s match an H100
    (r"\bhow fast\b|\bspeeds?\b|속도|얼마나\s*빠르", r"속도|빠르|빠른|빨라|빨리|플롭스|\bflops\b|\bspeed|\bfast"),
    (r"몸무게|체중|신장|\bheight\b|\bweight\b|\bhow tall\b",
     r"\d\s*(?:cm|㎝|센티|kg|㎏|킬로)|몸무게|체중|신장|\bheight\b|\bweight\b"),
    # an ordinal: "When did Insikt Group publish its first report?" is not answered by the world's first
    # satellite, nor by the day of the report the article quotes
    # "the first …", not "… reach AGI first?" (before the others: 먼저)
    (r"\bfirst\b(?!\s+(?:quarter|half))(?!\s*(?:[?!.,]|$))|최초|처음|(?<![가-힣])첫", r"최초|처음|(?<![가-힣])첫|\bfirst\b"),
    # a quantity superlative: "Which country has the most AI researchers?" is not answered by "중국 최고의 국영
    # AI 기관들" (the best, not the most)
    (r"\b(?:has|have|had|with|employs?|owns?|holds?)\s+the (?:most|largest number of)\b|가장\s*많(?:은|이)|최다",
     r"가장\s*많|최다|제일\s*많|\bmost\b"),
    # a partnership: "Which Korean company did DeepSeek partner with?" is not answered by what DeepSeek is
    (r"제휴|협력\s*(?:관계|사|업체)|손잡|손을\s*잡|\bpartner(?:s|ed|ing|ship)?\b|\bteam(?:s|ed)? up\b",
     r"제휴|협력|협업|공동|파트너|손잡|손을\s*잡|\bpartner|\bteam(?:s|ed)? up\b"),
    # a maker: "Which company built El Capitan?" is not answered by the lab that has it ("… 연구소의 '엘 캐피탄'");
    # the company named as one answers "Who makes them?" of chips ("미국 기업 엔비디아의 A100")
    (r"(?:\bwhich (?:[\w'-]+\s+)?(?:company|firm|maker|manufacturer)|\bwho)\s+(?:[\w'-]+\s+){0,2}?"
     r"(?:built|builds|made|makes|manufactur\w+|designed|designs|developed|develops|created|creates|produced|produces)\b"
     r"|(?:만든|만드는|만들었|제작한|제조한|개발한|설계한|생산한|생산하는)\s*(?:회사|기업|업체|곳|사람|이)",
     r"만들|만든|제작|제조|개발|설계|생산|구축|세운|세워|기업|회사|업체"
     r"|\b(?:buil|made|make|manufactur|develop|design|produc|creat|compan|firm|maker)"),
    # a departure: "Why did Yao Shunyu leave OpenAI?" is not answered by "오픈AI 출신으로 … 텐센트에 합류한" (he joined)
    # ("Which company did he join after leaving OpenAI?" asks about the joining; "the note Obama left at the Wall" and
    # "leave their phones" leave things, not a place of work)
    (r"떠나|떠난|떠났|퇴사|사임|사퇴|그만두|그만둔|그만뒀"
     r"|\b(?:quit|quits|resign\w*|depart(?:s|ed|ing|ure|ures)?|step(?:s|ped)? down)\b"
     r"|(?<!after )(?<!before )(?<!since )(?<!having )\b(?:leave|leaves|leaving|left)\s+(?:(?-i:[A-Z])|(?:the|his|her|their)\s+"
     r"(?:company|firm|job|post|office|party|government|country|board|team))",
     r"떠나|떠난|떠났|떠날|퇴사|사임|사퇴|그만두|그만둔|그만뒀|물러|\b(?:leav|left|quit|resign|depart(?!ment)|stepp?ed down)"),
    # a supplier: "알리바바에 AI 칩을 공급하는 기업은?" is not answered by the companies researching AI together
    (r"공급|납품|\bsuppl(?:y|ies|ied|ier|iers)\b", r"공급|납품|제공|수급|\b(?:suppl|provid)"),
    # an approval or a vote: "When did Wuhan's government approve its AI budget?" is not answered by its notice
    # what a government approved it has licensed or registered ("공식적으로 등록된 생성형 인공지능 모델")
    (r"승인|의결|가결|비준|\b(?:approv\w*|ratif\w*)\b",
     r"승인|의결|가결|비준|통과|허가|인가|등록(?:된|됐|되|한|했)|\b(?:approv|ratif|passed|licens|register)"),
    # who invested: "Which investors backed MiniMax's IPO?" is not answered by the sum it raised ("the fund backed" is
    # support, 지원)
    (r"투자(?:한|했|자|사)|\binvestors?\b|\bbackers?\b", r"투자|\binvest|\bback"),
    (r"번역|\btranslat\w*", r"번역|\btranslat"),
    # a parent or a subsidiary: "What is Insikt Group's parent company?" is not answered by what Insikt Group is
    (r"모회사|자회사|\bparent (?:company|firm)\b|\bsubsidiar\w*|\bowned by\b",
     r"모회사|자회사|계열|산하|\bparent\b|\bsubsidiar|\bowned by\b"),
    # economic indicators, each named in its own word: the won figures given for dollar sums ("5억 5800만
    # 달러(약 8100억 원)") state no exchange rate
    (r"환율|\bexchange rates?\b", r"환율|\bexchange rate"),
    (r"금리|이자율|\binterest rates?\b", r"금리|이자율|\binterest rate"),
    (r"물가|인플레이션|\binflation\b", r"물가|인플레이션|\binflation"),
    (r"실업률?|\bunemployment\b", r"실업|\bunemployment"),
    # a court's sentence: an indictment ("적발돼 기소된") says nothing of the prison term
    # ("What was SK Hynix's sentence for the leak?", "어떤 처벌을 받았나?")
    (r"형량|징역|실형|처벌|형벌|벌금|\b(?:prison|jail)\b|\bsentenced\b|\b(?:what|which) sentence\b|['’]s sentence\b"
     r"|\bpunish(?:ed|ment)?\b",
     r"형량|징역|실형|집행유예|선고|처벌|형벌|벌금|\b(?:prison|jail|sentenced|punish|fined?)\b"),
    # a unit the question names: "the H100's peak performance in teraflops" wants a figure in flops
    (r"플롭스|\b[kmgtpe]?flops\b|\b(?:giga|tera|peta|exa)flops\b", r"플롭스|flops\b"),
    (r"나노미터|\bnanomet(?:er|re)s?\b|\bnm\b", r"나노|\bnm\b|\bnanomet"),
    (r"자릿수|\borders? of magnitude\b", r"자릿수|\borders? of magnitude\b"),
    (r"바이트|\b[kmgtp]b\b|\b(?:kilo|mega|giga|tera|peta)?bytes?\b", r"바이트|\b[kmgtp]b\b|bytes?\b"),
    # a listing: "Is Tencent planning an IPO in Hong Kong?" is not answered by the roundtable naming Tencent's AI head
    # ("a list of scholars" lists nothing)
    (r"상장|\bIPO\b|\bgo(?:es|ing)? public\b|\bwent public\b|\blisting\b|\blist(?:s|ed)? (?:on|in)\b",
     r"상장|조달|\bIPO\b|\bpublic\b|\blist|\brais"),  # the sum raised tells of the listing too
    # a lifting: "Did the US lift its chip export controls?" is not answered by the controls themselves
    (r"해제|철회|폐지|\blift(?:s|ed|ing)?\b|\brescind\w*|\brepeal\w*|\bscrap(?:s|ped|ping)?\b",
     r"해제|철회|폐지|풀었|풀린|풀어|\blift|\brescind|\brepeal|\bscrap"),
    # a flight: "Which country did the SK Hynix employee flee to?" is not answered by his indictment
    (r"도주|도피|달아나|달아난|망명|\b(?:flee|flees|fled|fleeing|escap\w*|defect(?:s|ed|ing)?)\b",
     r"도주|도피|달아|망명|탈출|\b(?:fle[de]|escap|defect)"),
))
# What a sum of money was for, when a money question names it: a sum raised in an IPO is no investment
# or purchase ("How much did Samsung invest in AI chips?", "How much did Amazon pay for …?").
_TRANSACTIONS = _asked_and_named((
    (r"투자(?!자)|\binvest\w*", r"투자|\binvest"),
    (r"인수|매입|\b(?:acquir\w*|bought|buys?|pa(?:y|ys|id))\b",
     r"인수|매입|지불|지급|사들|치르|치렀|치른|냈|\b(?:acqui|bought|buy|pa(?:y|id))"),
    (r"지출|\bspen[dt]\w*", r"지출|투입|투자|쓰|썼|사용|들였|\bspen[dt]|\binvest"),
    # a cost or a price: a sum raised in a listing is neither
    (r"비용|가격|\bcost(?:s|ing)?\b|\bpric(?:e|es|ed)\b", r"비용|가격|값|원가|단가|\bcost|\bpric"),
))
# A native numeral is a word of its own ("저렴한 개발" is no count), and 개 a counter only when no word goes on.
_NATIVE = r"(?<![가-힣])(?:하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|쉰|한|두|세|네)"
_COUNTER_END = r"(?!발|선|최|방|혁|념|인|월|편|정|성|입|척|별)"
_NATIVE_COUNT = rf"{_NATIVE}\s?(?:차례|개{_COUNTER_END}|번|명|곳|가지)"
# "수년", "수십 개": a vague count, which answers "얼마나 걸려?" ("상용화까지는 최소 수년의 시간이 필요하다");
# "수명" is a lifespan, "수십 명" a count
_VAGUE = r"(?<![가-힣])(?:수(?:십|백|천)|수(?!\s?명))"
_VAGUE_COUNT = rf"{_VAGUE}\s?(?:년|개월|달|주일|시간|차례|개{_COUNTER_END}|번|명|곳|가지)"
# A unit of money ends its word or takes a particle ("1500달러의 몸값", "2700만 달러를"), not another syllable
# ("3원칙", "2엔진").
_UNIT_END = r"(?:(?![가-힣])|(?=(?:의|를|을|가|이|은|는|로|으로|에|와|과|씩|까지|도|만|나)(?![가-힣])))"
# a date on the calendar (a year, a month, a day), not "올해 초", "최근", "이날"
_CALENDAR = (r"\d{4}\s*년|\d{1,2}\s*(?:월|일)|(?<!\d)(?:19|20)\d{2}(?!\d)"
             r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")
CALENDAR_DATE = re.compile(_CALENDAR)
_MENTIONS = {
    MONEY: re.compile(
        rf"\d[\d,.]*\s*(?:조|억|만|천|백)?\s*(?:달러|원|위안|엔|유로|파운드|불){_UNIT_END}"
        rf"|(?:조|억|만|천)\s*(?:달러|원|위안|엔|유로){_UNIT_END}|[$€£¥₩]\s?\d|\d\s*(?:dollars?|won|yuan|euros?)\b",
        re.IGNORECASE,
    ),
    PEOPLE: re.compile(
        r"(?:\d[\d,.]*\s*(?:만|천|백|억)?|수십|수백|수천|수만|수십만|수백만|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*명"
    ),
    DATE: re.compile(
        _CALENDAR + r"|\d+\s*(?:세기|분기)|지난해|올해|작년|내년|지난달|이번\s*달"
        r"|이날|같은\s*날|전날|당일|어제|오늘|내일|지난\s*주|이번\s*주|이달|내달|상반기|하반기"
        r"|현지\s*시[각간]|초순|중순|하순|연초|연말"
        r"|(?<![가-힣])(?:수|몇|\d+)\s*(?:년|개월|달|주일?|일)\s*(?:전|뒤|후)(?!자|보|반)"  # "수 년 전부터"
    ),
    # A digit that is neither part of a date ("지난해 12월", "2017년") nor of a model name (A100, H800, R1).
    NUMBER: re.compile(r"(?<![\dA-Za-z])(?!(?:19|20)\d{2}(?!\d)|\d{1,2}\s*[월일](?![가-힣]))\d+(?![\dA-Za-z])|"
                       + _NATIVE_COUNT + "|" + _VAGUE_COUNT),
    PERCENT: re.compile(r"\d\s*(?:%|퍼센트|프로)"),
    PERSON: re.compile(_TITLES + r"|\b(?:founder|chief executive|chairman|chairwoman|president|director|professor"
                       r"|scientist|analyst|minister|senator|lawmaker|spokes(?:man|woman|person)|ambassador|Mr|Ms|Dr)\b",
                       re.IGNORECASE),
}


# "바이두가 개발한 챗GPT 유사 AI의 이름은?", "What is the name of the chatbot-style AI that Baidu developed?",
# "What is Moonshot's flagship model called?", "What is the title of the CSET report on …?": the name of a thing,
# which Korean news gives next to the noun ("유사한 AI '어니봇'", "모델 큐웬(Qwen)"). A person's title is a role
# ("What is Lin Junyang's title?" is no "title of").
_ASKS_FOR_NAME = re.compile(
    r"(?P<ko>\w+?)(?:의)?\s*(?:이름|제목|명칭)(?:은|이|을|는)?\s*(?:무엇|뭐)?\S*\s*\??\s*$"
    r"|\b(?:name|title) of\s+(?:the\s+|an?\s+)?(?P<en>.+?)"
    r"(?:\s+(?:that|which|who|whose|on|about|in|by|from|for)\b.*)?\s*\??\s*$"
    r"|\bwhat(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+|an?\s+)?(?P<called>[\w'’ -]+?)\s+called\s*\??\s*$",
    re.IGNORECASE,
)
# A name next to the noun: quoted after it, a word with its Latin spelling in brackets after it ("모델
# 큐웬(Qwen)"; "모델(LLM)" only glosses the noun), a Latin name after it, a quoted name owned by what
# follows the noun in its clause ("슈퍼컴퓨터 중 하나인 … 연구소의 '엘 캐피탄'"), or a quoted name before it,
# a word or two away ("'어니봇'이라는 AI", "'어센드' 등 중국산 칩").
_NAME_AFTER = re.compile(r"\s*(?:[‘'\"“「『<《]|[^\s(]+\([A-Za-z]|[A-Z])|[^,;:·‘'\"“「『<《]{0,40}?의\s*[‘'\"“「『<《]")
_NAME_BEFORE = re.compile(r"[’'\"”」』>》](?:이라는|라는|란|인)?(?:\s+\S+){0,2}?\s*$")


def name_asked_for(question: str) -> str:
    """The noun whose name a question asks for ("AI" in "…유사 AI의 이름은?", "model" in "What is the name
    of Moonshot's AI model?"); "" when it asks for no name."""
    m = _ASKS_FOR_NAME.search(question)
    words = ([m.group("ko")] if m.group("ko") else re.findall(r"\w[\w-]*", m.group("en") or m.group("called"))) if m else []
    return words[-1] if words else ""


# a quote opens after a space (the ' after '어니봇 closes one)
_LONG_QUOTE = re.compile(r"(?:(?<=\s)|^)([‘'\"“「『])[^‘’'\"“”」』]{20,}([’'\"”」』])")


def names_thing(text: str, spellings: tuple[str, ...], names: tuple[tuple[str, ...], ...] = ()) -> bool:
    """Whether ``text`` gives a name next to the noun spelt one of ``spellings`` (lower case), near the
    first of ``names`` (whose thing it is) when given, as ``names_role`` checks a title: the sentence
    naming Alibaba's model "큐웬(Qwen)" does not name Zhipu's. A quoted name that is one of ``names`` is
    no name of their thing ("‘딥시크’ 인공지능 모델" names no model of DeepSeek's but DeepSeek)."""
    spelled = "|".join(re.escape(s) for spellings in names for s in sorted(spellings, key=len, reverse=True))
    if spelled:
        text = re.sub(rf"[‘'\"“「『<《]\s*({spelled})\s*[’'\"”」』>》]", r"\1", text, flags=re.IGNORECASE)
    nouns = "|".join(re.escape(s) for s in spellings)
    named = re.compile(rf"(?:{nouns})(?:{_NAME_AFTER.pattern})|{_NAME_BEFORE.pattern[:-1]}(?:{nouns})", re.IGNORECASE)
    # a long quoted title is one name, however far its noun is from the owner: "WSJ는 이날 '미국 싱크탱크의 보고서가 …
    # 자극했다' 제하의 기사에서"
    text = _LONG_QUOTE.sub(r"\1…\2", text)
    if names and _is_topic(text.lower(), names[0]):  # "바이두는 … 제한하면서, 화웨이의 '어센드' 등 중국산 칩 활용 …"
        names = names[1:]
    return _near_each(text.lower(), names, [named]) if names else bool(named.search(text))


TOPIC_REACH = 12  # characters into a sentence within which its topic is marked ("일단 바이두는 …")


def _is_topic(text: str, spellings: tuple[str, ...]) -> bool:
    """Whether the lower-cased sentence opens with one of ``spellings`` as its topic or subject ("일단 바이두는 …"),
    whose clauses are all about it."""
    return any(re.search(rf"(?<![가-힣\w]){re.escape(s)}(?:은|는|이|가)\s", text[: TOPIC_REACH + len(s) + 2])
               for s in spellings)


def owner_first(question: str, subjects: tuple[tuple[str, ...], ...],
                thing: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """``subjects`` with the one named last before the thing whose name is asked first: that is whose
    thing it is ("바이두가 활용하려는 화웨이 칩의 이름은?" asks for Huawei's chip, "Moonshot's AI model" for
    Moonshot's); the others keep their order."""
    lowered = question.lower()
    end = max((lowered.rfind(t) for t in thing), default=-1)
    before = [max((lowered.rfind(n, 0, end) for n in spellings), default=-1) if end > 0 else -1
              for spellings in subjects]
    if not subjects or max(before) < 0:
        return subjects
    owner = before.index(max(before))
    return (subjects[owner],) + subjects[:owner] + subjects[owner + 1 :]


def expected_type(question: str) -> str | None:
    """The kind of answer ``question`` asks for: MONEY, PEOPLE, PERCENT, DATE, PERSON, NAME or NUMBER;
    None for any other question (what, why, how, who did what)."""
    # "What did the WSJ say about the cost of …?" asks what was said, not a sum
    if (_MONEY_WORDS.search(question) and (_ASKS_FOR_AMOUNT.search(question) or _WHAT_IS_MONEY.search(question)
                                           and not _ASKS_SPEECH.search(question))
            or _KOREAN_MONEY_TOPIC.search(question) or asked_currency(question)):  # "… in dollars?", "원화로는?"
        return MONEY
    if _ASKS_FOR_PEOPLE.search(question):
        return PEOPLE
    if _ASKS_FOR_PERCENT.search(question):
        return PERCENT
    if _ASKS_FOR_DATE.search(question):
        return DATE
    if _ASKS_FOR_ROLE.search(question):
        return PERSON
    if _ASKS_FOR_NAME.search(question):
        return NAME
    return NUMBER if ASKS_FOR_NUMBER.search(question) or _COUNTED_BY_NOUN.search(question) else None


# A question word of the question's own: "What was it compared to?" asks its own question, "그럼 미니맥스는?"
# and "What about MiniMax?" ask the earlier turn's again.
_OWN_QUESTION_WORD = re.compile(
    r"\b(?:who|whom|whose|when|where|which|why|how(?!\s+about)|what(?!\s+about))\b"
    r"|무엇|뭐|누구|누가|언제|어디|얼마|몇|어떻|어떤|어느|무슨|왜",
    re.IGNORECASE,
)


# A query may be a statement (a sentence searched for its counterpart, "… lost their chance to compete when a
# doping test …"), whose "when" asks for nothing.
_OPENS_AS_QUESTION = re.compile(
    r"^\W*(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|do|does|did|can|could|will|would|should"
    r"|has|have|had|may|might|must|shall)\b", re.IGNORECASE)
KOREAN_STATEMENT_END = re.compile(r"[가-힣]다[.”\"'」』)\s]*$")


def reads_as_question(text: str) -> bool:
    """Whether a query reads as a question: it ends with "?", opens with an English question word or
    auxiliary, is a request ("Tell me about …", "Explain …", ``is_request``), or is Korean and does not end as a
    statement ("…다.")."""
    stripped = text.strip()
    if stripped.endswith("?") or _OPENS_AS_QUESTION.match(stripped) or is_request(stripped):
        return True
    return bool(re.search(r"[가-힣]", stripped)) and not KOREAN_STATEMENT_END.search(stripped)


def asks_own_question(question: str) -> bool:
    """Whether ``question`` has a question word of its own (not only "what about …")."""
    return bool(_OWN_QUESTION_WORD.search(question))


# "What did Tang Jie say about Nvidia?", "탕제 CEO는 … 격차에 대해 어떻게 말했나?": what was said must be about
# the topic named, not just anything the speaker said.
_SAID_ABOUT = re.compile(
    r"\b(?:say|says|said|think|thinks|thought|tell|tells|told|claim\w*|comment\w*|write|wrote|warn\w*|predict\w*"
    r"|argue\w*|describe\w*)\b.*?\babout\s+(?P<en>\w.*?)\s*\??\s*$"
    # "What is Insikt Group's view of China's AI talent?": a view held is something said
    r"|'s?\s+(?:views?|opinion|position|stance|assessment|take|verdict)\s+(?:of|on|about)\s+(?P<view>\w.*?)\s*\??\s*$"
    r"|(?P<ko>(?:\S+(?<![은는])\s+){0,2}\S+?)에\s*(?:대해|대해서|관해|관해서|대하여|관하여)\s.*"
    r"(?:말했|밝혔|평가|언급|주장|설명|전망|지적|강조|분석|어떻게|무엇|뭐라)",
    re.IGNORECASE,
)


def said_about(question: str) -> str:
    """The topic of a question about what someone said about something ("the real gap with the US"); ""
    for other questions."""
    m = _SAID_ABOUT.search(question)
    return (m.group("en") or m.group("view") or m.group("ko")) if m else ""


def names_transaction(question: str, text: str) -> bool:
    """Whether ``text`` names the kind of transaction a money question asks about (``_TRANSACTIONS``);
    true when it asks about none."""
    return all(named.search(text) for asks, named in _TRANSACTIONS if asks.search(question))


# "What did Xi Jinping say when he visited …?": what someone said is answered by a sentence reporting speech (a
# quote, "…고 말했다", "…라며") or by what a report says ("보고서를 보면"), not by a photo caption showing the
# person applauding. The composer also prefers a sentence naming the speaker the question names, in it or in the one
# it points back to, by surname too (``Asked.persons``, ``speaker_bonus``): "What bottlenecks did Yao say …?" is
# answered by Yao's quote, not Tang's.
# The question may also ask what someone "pointed to" or "mentioned", and name what ("What bottlenecks did …").
_ASKS_SPEECH = re.compile(
    r"\bwhat(?:\s+[a-z]+){0,2}?\s+(?:did|does|do|has|have|had|will|would)\s+(?:[\w'.-]+\s+){1,5}?"
    r"(?:say|tell|claim|warn|argue|write|predict|stress|note|add|point\s+(?:to|out)|mention|describe|explain"
    r"|think(?!\s+tanks?\b)|believe|expect)\b"
    # why someone named holds a view: "Why does Lin think China lags behind?" ("Why does the speaker think …?" asks for
    # the reason the text gives, which need not be reported as said)
    r"|\bwhy\s+(?:did|does|do)\s+(?-i:[A-Z])[\w'.-]*\s+(?:[\w'.-]+\s+){0,2}?"
    r"(?:say|think(?!\s+tanks?\b)|believe|argue|claim|warn|expect)\b"
    # whether someone said something: "Did Yang Zhilin say China would lead …?", "…선도할 거라고 했어?"
    r"|^\s*(?:did|does|has|have|had|will|would)\s+(?:[\w'.-]+\s+){1,5}?"
    r"(?:say|tell|claim|warn|argue|predict|stress|mention|admit|deny)\b"
    # (not "얼마나 뒤처졌다고 했어?", which asks how far behind)
    r"|^(?![^?]*(?:얼마|몇|언제|어디|누가|누구|무엇|뭐|왜|어떻게|어떤|어느))[^?]*"
    r"(?:다|라)고\s*(?:했|말했|밝혔|주장했|예측했|전망했|경고했|말한|언급했)\S*\s*\??\s*$"
    # whose account is asked for: "Why is China's compute used up, according to Lin?"; not a report's or an
    # outlet's, whose article may say it without naming it ("according to Insikt Group", "according to the WSJ")
    r"|\baccording\s+to\s+(?-i:[A-Z][a-z][\w'.-]*)(?:\s+(?-i:[A-Z][a-z][\w'.-]*)){0,2}"
    r"(?<!Group)(?<!Institute)(?<!Center)(?<!Centre)(?<!University)(?<!Agency)(?<!Journal)(?<!Times)(?<!News)\?*\s*$"
    r"|뭐라고|무엇이라고|무슨\s*말|어떻게\s*말|어떤\s*말", re.IGNORECASE)
_REPORTS_SPEECH = re.compile(
    # a quote goes on into a speech verb ("…높다”며", "…있다"고 설명했다); a quoted term ("주입") reports nothing
    r"[”\"'’]\s*(?:라?고|이?라며|며|면서)|말했|말한|밝혔|밝힌|전했|전한|발표|강조|지적|설명|주장|평가|언급|경고|경계|전망|진단|당부|답했|답변|분석"
    r"|꼽혔|꼽았|제시했|내다봤|예측했|알렸|알린"
    r"|것으로\s*(?:보|봤|알려|전해|관측|예상|추정)"  # a view reported: "…난관에 부딪힌 것으로 보고 있다"
    r"|[다라]고\s|[다라]며|보고서(?:를\s*보면|에\s*따르면|에서)|\b(?:said|says|told|stated|warned|argued|wrote)\b")


def asks_speech(question: str) -> bool:
    """Whether the question asks what someone said (``_ASKS_SPEECH``)."""
    return bool(_ASKS_SPEECH.search(question))


def reports_speech_in(text: str) -> bool:
    """Whether ``text`` reports speech (``_REPORTS_SPEECH``)."""
    return bool(_REPORTS_SPEECH.search(text))


# a debate or discussion held: what was said there ("어떤 이야기가 오갔어?") is told by it, though it quotes no one
_REPORTS_TALK = re.compile(r"토론|논의")


def reports_talk_in(text: str) -> bool:
    """Whether ``text`` reports speech (``reports_speech_in``) or a debate or discussion held."""
    return reports_speech_in(text) or bool(_REPORTS_TALK.search(text))


def reports_speech(question: str, text: str) -> bool:
    """Whether ``text`` reports speech when the question asks what someone said (``asks_speech``); true for
    other questions."""
    return not asks_speech(question) or reports_speech_in(text)


# A verb in an English relative clause describes what is asked about, it is not asked: "Where are the two AI labs
# that opened branches in Wuhan headquartered?" asks for headquarters, not an opening.
_RELATIVE_VERB = re.compile(r"(?<=\w\s)(?:that|which|who)\s+[a-z]+ed\b")


def _asked_attributes(question: str) -> list[re.Pattern]:
    """The patterns naming each attribute the question asks about (``_ATTRIBUTES``)."""
    asked = _RELATIVE_VERB.sub(" ", question)
    return [named for asks, named in _ATTRIBUTES if asks.search(asked)]


def asks_attribute(question: str) -> bool:
    """Whether the question asks about one of the attributes news sentences name in fixed ways, or a person's
    organisation."""
    return bool(_asked_attributes(question) or affiliation_words(question))


def names_attributes(question: str, text: str, names: tuple[tuple[str, ...], ...] = ()) -> bool:
    """Whether ``text`` names every attribute the question asks about (``_ATTRIBUTES``), near the most
    specific of ``names`` when given, as ``names_role`` checks a title: the CSET sentence's "베이징에 본사를
    둔 … 연구소가 우한에 지사를 설립해" says nothing of when Insikt Group was founded; and the organisation of
    the first of ``names`` when the question asks for it (``names_affiliation``). True when the question asks
    about none of them."""
    lowered = text.lower()
    return (all(_near_each(lowered, names, [named]) if names else named.search(text)
                for named in _asked_attributes(question))
            and (not names or not affiliation_words(question) or names_affiliation(text, names[0])))


# A person's organisation, asked ("베버는 어느 기관 소속이야?", "What is Weber's affiliation?", "Where does Hannas
# work?", "Who does Lin work for?", "그가 일하는 회사는?", "그의 직장은?") and given as Korean news gives it, next to
# the name in its clause: before it ("… 기술 센터의 발렌틴 베버는", "텐센트에 합류한 야오순위", "즈푸AI 창업자이자 칭화대
# 교수이기도 한 탕제") or after it, as the organisation of a title ("윌리엄 C. 한나스 CSET 수석 분석가") or said so
# ("… 소속", "… 출신"). A quote after the name ("베버는 "사회적 통치는 …") gives none.
_ASKS_AFFILIATION = re.compile(r"소속|\baffiliat\w*|\bemployer\b(?!['’]s)|\bwork(?:s|ed|ing)?\s+(?:for|at)\b"
                               r"|어디(?:서|에서)\s*일(?:해|하|했)|(?:일|근무|재직)하는\s*(?:회사|곳|기관|기업|직장)|다니는\s*(?:회사|곳|직장)"
                               r"|직장", re.IGNORECASE)
_WHERE_WORKS = re.compile(r"^\s*where\s+(?:does|did|do)\s.*\s(work)(?:\s+(?:before|previously|earlier|now|currently|today))?"
                          r"\s*\?*\s*$", re.IGNORECASE)
_AFFILIATION_BEFORE = re.compile(rf"(?:의|소속(?:인|의)?|출신(?:인|의)?|에\s+(?:합류|근무|재직|몸담)\S*"
                                 rf"|(?:{_TITLES})(?:이자|이며|인|이기도\s+한)?)\s+(?:\S+\s+){{0,3}}$")
_AFFILIATION_AFTER = re.compile(rf"^\S*\s+(?:[A-Z][\w-]*\s+)+(?:[가-힣]+\s+)?(?:{_TITLES})"
                                r"|^[^.\"“]{0,25}?(?:소속|출신|에\s*(?:합류|근무|재직|몸담))")
# an acronym in brackets after its long form, which opens with the body it belongs to: "조지타운 대학교 보안 및 신흥
# 기술 센터(CSET)"
_PARENT_IN_LONG_FORM = re.compile(r"(?:대학교|대학|재단|그룹|연구원|위원회|협회|학회|정부|[부청])\s+(?:\S+\s+){0,5}\S+\($")
AFFILIATION_BEFORE = 30  # characters before a name in which its organisation is given


def affiliation_words(question: str) -> list[str]:
    """The words with which ``question`` asks for a person's organisation ("소속", "affiliation", "work for", the "work"
    of "Where does Hannas work?"); empty when it does not."""
    where = _WHERE_WORKS.search(question)
    return [m.group() for m in _ASKS_AFFILIATION.finditer(question)] + ([where.group(1)] if where else [])


def names_affiliation(text: str, spellings: tuple[str, ...]) -> bool:
    """Whether ``text`` gives the organisation of the person written as one of ``spellings`` (lower case), in the
    name's clause (``_AFFILIATION_BEFORE``, ``_AFFILIATION_AFTER``)."""
    bounds = [0] + [m.end() for m in _CLAUSE_END.finditer(text)]
    for name in spellings:
        for m in re.finditer(re.escape(name), text, re.IGNORECASE):
            clause_start = max(b for b in bounds if b <= m.start())
            before = text[max(clause_start, m.start() - AFFILIATION_BEFORE) : m.start()]
            if (_AFFILIATION_BEFORE.search(before) or _PARENT_IN_LONG_FORM.search(before)
                    or _AFFILIATION_AFTER.search(text[m.end() :])):
                return True
    return False


_NOT_A_NAME = re.compile(r"(?:(?<=\s)|^)(?:그|이|저|해당)\s+\S+|누구\S*|누가|사람\S*|인물\S*|이름\S*")
# whose account it is ("According to Newsweek, where did two Beijing AI labs open branches?", "뉴스위크에 따르면"): the
# source, not whose attribute is asked
_SOURCE = re.compile(r"\baccording to\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’.-]*\s*)+|\S+에\s*따르면", re.IGNORECASE)


def is_keyword_query(question: str) -> bool:
    """Whether ``question`` is an English search-box query, no question word or auxiliary in it ("deepseek founder
    name"): its first word is no question's capitalised opener but a word of what it asks about."""
    return not re.search(r"[가-힣]", question) and bool(re.match(_KEYWORD_QUERY, question))


def subject_words(question: str) -> str:
    """A role or attribute question without its role and attribute words, question words and what it
    points back to ("그 회사"): what is left names whose role or attribute is asked ("미니맥스의 창업자는
    누구인가?" -> "미니맥스의")."""
    rest = _ROLE_WORDS.sub(" ", _SOURCE.sub(" ", question))
    for asks in (*(asks for asks, _ in _ATTRIBUTES), _ASKS_AFFILIATION):
        rest = asks.sub(" ", rest)
    where = _WHERE_WORKS.search(rest)
    if where:
        rest = f"{rest[: where.start(1)]} {rest[where.end(1) :]}"
    return " ".join(_NOT_A_NAME.sub(" ", rest).split())


# A title belongs to a name when both are in one clause ("…탕제 최고경영자(CEO)가 진행자로 나섰고 | 알리바바의 …
# 린쥔양 기술책임자 | 문샷의 양즈린 창업자 겸 CEO") and close: after it ("문샷의 양즈린 창업자") or, less far,
# before it ("보고서 주 저자인 윌리엄 C. 한나스 CSET 수석 분석가").
_CLAUSE_END = re.compile(r"[,;:·]|(?<=[가-힣]고)\s|(?<=[가-힣]며)\s|(?<=면서)\s|(?<=지만)\s")
TITLE_AFTER, TITLE_BEFORE = 40, 25
OFFICE_AFTER = 8  # a country's office follows its name closely: "미국의 대통령", "중국 국가주석"


def names_by_surname(text: str, name: str) -> bool:
    """Whether ``text`` names the person ``name`` (Hangul, three syllables or more) the way Korean news does
    after the first mention: the surname (its first syllable, or two: 야오 of 야오순위) as a word of its
    own, then a title, maybe compounded ("린 기술책임자는", "야오 AI책임자는")."""
    return bool(_surname_pattern(name).search(text))


@lru_cache(maxsize=256)
def _surname_pattern(name: str) -> re.Pattern:
    """``names_by_surname``'s pattern, compiled once per name (it runs on every candidate sentence)."""
    surnames = "|".join(re.escape(name[:size]) for size in (2, 1))
    return re.compile(rf"(?<![가-힣])(?:{surnames})\s+(?:[A-Za-z]+\s*)?[가-힣]{{0,3}}(?:{_TITLES})")


# A speaker named by a role and whose it is: "What did Tencent's AI chief describe?", "What did the mayor of Wuhan
# say?", "알리바바의 CEO는 뭐라고 했어?"
_ROLE_SPEAKER = re.compile(
    rf"(?P<owner>(?:(?-i:[A-Z])[\w-]*\s+){{0,2}}(?-i:[A-Z])[\w-]*)['’]s?\s+(?:[\w-]+\s+){{0,2}}?(?P<role>{_EN_ROLES})s?\b"
    rf"|\bthe\s+(?:[\w-]+\s+){{0,2}}?(?P<role2>{_EN_ROLES})s?\s+(?:of|at)\s+(?:the\s+)?"
    rf"(?P<owner2>(?:(?-i:[A-Z])[\w-]*\s*)+)"
    rf"|(?P<owner3>[^\s의]+)의\s+(?:\S+\s+){{0,2}}?(?P<role3>(?:{_TITLES}|시장)(?=은|는|이|가|도|\s))",
    re.IGNORECASE)


def role_speaker(question: str) -> tuple[str, str]:
    """(whose, role) of a speaker a question asking what was said names by a role ("Tencent's AI chief": Tencent,
    chief); ("", "") when it names none so."""
    m = _ROLE_SPEAKER.search(question) if asks_speech(question) else None
    if not m:
        return "", ""
    owner = m.group("owner") or m.group("owner2") or m.group("owner3")
    return owner.strip(), m.group("role") or m.group("role2") or m.group("role3")


def _titles_asked(question: str) -> list[re.Pattern]:
    """How sentences name the role ``question`` asks about (``_ROLES``), any title when it names none."""
    return [named for asks, named in _ROLES if asks.search(question)] or [_MENTIONS[PERSON]]


# The name a title belongs to: right before it ("린쥔양 기술책임자", "양즈린 창업자 겸 CEO", "야오순위 AI 책임자"); the
# subject, titled, of a role taken ("탕제 최고경영자(CEO)가 진행자로 나섰고"); after a title said of it, titled again
# ("주 저자인 윌리엄 C. 한나스 CSET 수석 분석가": the one named, not 보고서; "즈푸AI 창업자이자 칭화대 교수이기도 한 탕제
# 최고경영자")
# a Hangul word not ending in a particle or copula ("문샷의", "창업자이자" are no names)
_NAMED = r"([가-힣]{2,5})(?<![을를은는의에와과로도들])(?<!이자)(?<!이며)"
# a Hangul name with its title ("린쥔양 기술책임자", "야오순위 AI 책임자"; not "중국을 대표하는")
NAME_WITH_TITLE = rf"{_NAMED}\s+(?:[A-Za-z]+\s+)?[가-힣]{{0,4}}(?:{_TITLES})(?!하)"
_NAME_BEFORE_TITLE = re.compile(rf"{_NAMED}\s+(?:[A-Za-z]+\s+)?(?:[가-힣]{{1,6}}\s+(?:겸\s+)?)?[가-힣]{{0,3}}$")
_TITLED_SUBJECT = re.compile(rf"{_NAMED}\s+(?:[A-Za-z]+\s+)?[가-힣]{{0,4}}(?:{_TITLES})(?:\([^)]*\))?(?:이|가|은|는)\s+$")
_NAME_AFTER_TITLE = re.compile(rf"^[가-힣]{{0,2}}(?:인|이자|이며|이기도\s+한)\s+(?:\S+\s+){{0,3}}?(?:[A-Z]\.\s+)?{_NAMED}"
                               rf"\s+(?:[A-Za-z]+\s+)?(?:[가-힣]+\s+)?[가-힣]{{0,4}}(?:{_TITLES})(?!이기도|이자|인\s)")


def role_holders(role: str, text: str, owner: tuple[str, ...]) -> list[str] | None:
    """The names ``text`` gives people holding ``role`` (an English or Korean title word) in a clause naming one of
    ``owner``'s spellings (``holders_asked``): 린쥔양 for Alibaba's lead, 야오순위 for Tencent's chief."""
    return holders_asked(f"who is the {role}" if role.isascii() else f"{role}는 누구", text, owner)


def holders_asked(question: str, text: str, owner: tuple[str, ...] = ()) -> list[str] | None:
    """The names ``text`` gives people holding the role the who-question ``question`` asks about, in a clause
    naming one of ``owner``'s spellings (in any clause without ``owner``): the Hangul word before the title
    ("알리바바의 오픈소스 모델 큐웬(Qwen)의 린쥔양 기술책임자" gives 린쥔양 for Alibaba's lead; "텐센트에 합류한 야오순위 AI
    책임자" 야오순위 for Tencent's chief), the titled subject of the role ("탕제 최고경영자(CEO)가 진행자로 나섰고" 탕제 for
    the moderator), the name after a title said of it ("주 저자인 윌리엄 C. 한나스" 한나스 for the author; "즈푸AI 창업자이자
    칭화대 교수이기도 한 탕제 최고경영자" 탕제 for Zhipu's founder); None when such a clause holds the title but no name
    next to it ("즈푸AI 창업자는 …"), [] when none holds the title."""
    titles = _titles_asked(question)
    lowered = text.lower()
    bounds = [0] + [m.end() for m in _CLAUSE_END.finditer(lowered)] + [len(lowered)]
    found, titled = [], False
    for start, end in zip(bounds, bounds[1:]):
        clause = text[start:end]
        if owner and not any(o in clause.lower() for o in owner):
            continue
        for title in titles:
            for m in title.finditer(clause):
                titled = True
                after = _NAME_AFTER_TITLE.search(clause[m.end() :])
                before = None if after else (_NAME_BEFORE_TITLE.search(clause[: m.start()])
                                             or _TITLED_SUBJECT.search(clause[: m.start()]))
                name = after or before
                if name:
                    found.append(name.group(1))
    return list(dict.fromkeys(found)) if found or not titled else None


# "Who said the real gap may be widening?": the person a sentence reports speaking, named at its opening ("탕 CEO는 "…"",
# "린 기술책임자는", "베버는")
_SPEAKER_OPENING = re.compile(rf"^\s*(?:(?:한편|특히|또|이어)\s+)?([가-힣]{{1,5}}?)"
                              rf"(?:\s+(?:[A-Za-z]+\s*)?(?:[가-힣]+\s+)?[가-힣]{{0,6}}(?:{_TITLES}))?(?:은|는|도)\s")


def speaker_of(text: str, article_text: str) -> str:
    """The person ``text`` reports speaking, as the article names them in full (탕제 for "탕 CEO는 "…"", from "탕제
    최고경영자"); "" when it reports no speech or opens with no name."""
    m = _SPEAKER_OPENING.match(text)
    if not (m and _REPORTS_SPEECH.search(text)):
        return ""
    name = m.group(1)
    if len(name) >= 3:  # a full name already
        return name
    return next((n.group(1) for n in re.finditer(NAME_WITH_TITLE, article_text)
                 if n.group(1).startswith(name) and len(n.group(1)) > len(name)), name)


def names_role(question: str, text: str, names: tuple[tuple[str, ...], ...] = ()) -> bool:
    """Whether ``text`` names someone by a title that answers the role question ``question``: the role it
    asks about when it names one (founder, CEO, president, author …), else any title. With ``names``
    (each the lower-case spellings of one name, the most specific first), the text must name them all and
    the title must be near the first, in the same clause: a sentence listing panelists names many
    companies and titles ("…탕제 최고경영자(CEO)가 진행자로 나섰고 알리바바의 … 린쥔양 기술책임자, …"), and
    the CEO it names is not Alibaba's."""
    titles = _titles_asked(question)
    if not names:
        return any(t.search(text) for t in titles)
    return _near_each(text.lower(), names, titles)


def names_office_of(question: str, text: str, country: tuple[str, ...]) -> bool:
    """Whether ``text`` gives the title the role question asks about (as ``names_role``) right after one of
    ``country``'s Korean names: Korean writes a country's office as "미국 대통령", "중국 국가주석", "일본의
    총리", so a bank's 총재 in a sentence that names 미국 elsewhere is no American president."""
    titles = _titles_asked(question)
    return any(title.search(text[m.end() : m.end() + OFFICE_AFTER])
               for name in country for m in re.finditer(re.escape(name), text) for title in titles)


def _near_each(text: str, names: tuple[tuple[str, ...], ...], patterns: list[re.Pattern]) -> bool:
    """Whether the lower-cased ``text`` names every one of ``names`` (each given as its spellings, the most
    specific first) and one of ``patterns`` occurs near the first: in its clause, ``TITLE_BEFORE``
    characters before it or ``TITLE_AFTER`` after ("브릭스(BRICS) 회원국 다자간 은행을 방문한 딜마 호세프
    신개발은행 총재": 신개발은행 is next to the title, 브릭스 further back)."""
    if not all(any(name in text for name in spellings) for spellings in names):
        return False
    bounds = [0] + [m.end() for m in _CLAUSE_END.finditer(text)] + [len(text) + 1]
    return any(_near(text, name, patterns, bounds) for name in names[0])


def _near(text: str, name: str, patterns: list[re.Pattern], bounds: list[int]) -> bool:
    start = text.find(name)
    glosses = [(m.start(), m.end()) for m in _GLOSS.finditer(text)] if start >= 0 else []
    while start >= 0:
        clause_start = max(b for b in bounds if b <= start)
        clause_end = min(b for b in bounds if b > start)
        near = text[max(clause_start, _reach(glosses, start, -TITLE_BEFORE))
                    : min(clause_end, _reach(glosses, start + len(name), TITLE_AFTER))]
        if any(p.search(near) for p in patterns):
            return True
        start = text.find(name, start + 1)
    return False


# a name's spelling in another script, in brackets after it ("브릭스(BRICS)", "딜마 호세프(Dilma Rousseff)", "시진핑(習近平)"):
# it adds no words between a name and its title
_GLOSS = re.compile(r"\([A-Za-z\u4e00-\u9fff][^()]{0,40}\)")


def _reach(glosses: list[tuple[int, int]], at: int, chars: int) -> int:
    """The index ``chars`` characters after ``at`` in a text (before it when negative), not counting its bracketed
    glosses (``_GLOSS``, as (start, end) in order) on the way."""
    if chars >= 0:
        end = at + chars
        for g_start, g_end in glosses:
            if at <= g_start < end:
                end += g_end - g_start
        return end
    begin = at + chars
    for g_start, g_end in reversed(glosses):
        if begin < g_end <= at:
            begin -= g_end - g_start
    return max(begin, 0)


_COUNT_NUMBER = rf"(?:\d[\d,.]*\s*(?:~\s*\d[\d,.]*)?\s*(?:경|조|억|만|천|백)*|{_NATIVE}|{_VAGUE})"


# "몇 번째로 상장했나?" asks for an ordinal: "최초로", "두 번째로"
_ASKS_ORDINAL = re.compile(r"몇\s*번\s*째")
_ORDINAL = re.compile(rf"최초|처음|(?<![가-힣])첫|마지막|(?:\d+|{_NATIVE})\s*번\s*째")


def asks_ordinal(question: str) -> bool:
    return bool(_ASKS_ORDINAL.search(question))


# "How much bigger will Wuhan's capacity be?", "몇 배 더 크나?": a comparison, answered by a ratio or a sentence
# comparing ("엘 캐피탄 … 비교하면 … 약 17배 더 크다"), not by the figure itself ("30엑사플롭스")
_ASKS_COMPARED = re.compile(
    r"\bhow (?:much|many times) (?:bigger|larger|faster|higher|greater|smaller|slower|lower|stronger|more powerful)\b"
    r"|\bhow many orders of magnitude\b|\bby how (?:much|many)\b[^?]*\b(?:exceed|surpass|outpace|outnumber)"
    r"|얼마나\s*더\s*(?:크|많|빠르|높|강)|몇\s*(?:배|자릿수)", re.IGNORECASE)
_COMPARES = re.compile(rf"{_COUNT_NUMBER}\s*(?:배|자릿수)|보다|비교|\b(?:than|times)\b")


def answers_count(question: str, text: str) -> bool:
    """Whether ``text`` holds a number counted the way the question counts: "몇 개" by "3개" (not by
    "일곱 차례"), "How many …" by a number with a counter ("4만~5만 개", "일곱 차례", not "5억 달러"),
    "How long …" by a duration, "몇 번째" by an ordinal ("최초로", "두 번째로"), "How much bigger …" by a
    comparison (``_ASKS_COMPARED``); true for a question that asks for no count."""
    if asks_ordinal(question):
        return bool(_ORDINAL.search(text))
    if _ASKS_COMPARED.search(question):
        return bool(_COMPARES.search(text))
    if _ASKS_HOW_LONG.search(question) and not (_ASKS_WITH_COUNTER.search(question) or _ASKS_HOW_MANY.search(question)):
        # a year ("2025년") is a date, not a duration
        return bool(re.search(rf"(?<![\d,.])(?!(?:19|20)\d\d\s*년){_COUNT_NUMBER}\s*(?:{_DURATION})", text))
    count = _count_asked(question)
    if count is None and _COUNTED_BY_NOUN.search(question):  # "생성형 AI 모델 수는?": a count, not "3~6개월" nor "2위"
        return bool(_NOUN_COUNT.search(text))
    return count is None or bool(count.search(text))


@lru_cache(maxsize=256)
def _count_asked(question: str) -> re.Pattern | None:
    """A number with the counter the question counts by: "몇 개" by "3개" (not by "일곱 차례"), "How many …" by any
    counter ("4만~5만 개", "일곱 차례", not "5억 달러"), "How many years …" by years; None when it asks for no count."""
    asked, how_many = _ASKS_WITH_COUNTER.search(question), _ASKS_HOW_MANY.search(question)
    if asked:
        counters = _KOREAN_COUNTERS[asked.group(1)]
    elif how_many:
        counters = _EN_UNITS[how_many.group(1).lower()] if how_many.group(1) else _ANY_COUNTER
    else:
        return None
    counters = "|".join(f"개{_COUNTER_END}" if c == "개" else c for c in counters.split("|"))  # not 개월
    return re.compile(rf"{_COUNT_NUMBER}\s*(?:{counters})")


# a number with any counter but a rank (not "3~6개월", "2위"): what "… 수는?" asks for
_NOUN_COUNTERS = "|".join(f"개{_COUNTER_END}" if c == "개" else c for c in _ANY_COUNTER.split("|") if c != "위")
_NOUN_COUNT = re.compile(rf"{_COUNT_NUMBER}\s*(?:{_NOUN_COUNTERS})")
COUNT_REACH = 20  # characters between a count and what it counts: "3개의 국가 개발 구역", "A100가 5,000~1만 개"


def measured_in(spellings: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` writes a number in what a count question counts, as a unit right after it: "1.7엑사플롭스"
    answers "How many exaflops does El Capitan have?", though a unit is no counter."""
    lowered = text.lower()
    return any(re.search(rf"{_COUNT_NUMBER}\s*{re.escape(s)}", lowered) for s in spellings if s)


def count_of_counted(question: str, spellings: tuple[str, ...], text: str) -> bool:
    """Whether a count the question asks for (``answers_count``) stands within ``COUNT_REACH`` characters of what it
    counts, named by one of ``spellings`` (``names_counted``): the 30 exaflops Wuhan's "여러 컴퓨팅 중심지" will have,
    "초당 3천경 번의 연산", count no computing centres. ``names_counted`` alone for a question asking for no count."""
    count = _count_asked(question)
    if count is None or not spellings:
        return names_counted(spellings, text.lower())
    lowered = text.lower()
    return any(names_counted(spellings, lowered[max(0, m.start() - COUNT_REACH) : m.end() + COUNT_REACH])
               for m in count.finditer(text))


# What a count question counts: "사용자 수는?", "구역이 몇 개", "How many GPUs …". Korean news names it next to
# the number ("3개의 국가 개발 구역"), so the answering sentence must name it too: the roundtable's "4대 AI
# 기업" does not say how many GPUs Zhipu owns. An English noun reaches the Korean text only through the
# noisy term bridge, so only a Latin-script one (GPUs, A100 chips) is required.
_COUNTED_BY_NOUN = re.compile(r"(?P<noun>[가-힣A-Za-z0-9]+)(?:의\s*|\s+)수(?:는|가|를|은)?\s*(?:몇\S*|얼마\S*)?\s*\??\s*$")
# Not 몇 배: "엘 캐피탄보다 몇 배" compares, it counts nothing, nor 몇 위 (a rank); nor pieces of writing and
# pages, which news names otherwise ("기고문을 몇 편" is answered by "반박문을 7차례").
_COUNTED_BY_COUNTER = re.compile(
    r"(?P<noun>[가-힣A-Za-z0-9]+?)(?:이|가|을|를)?\s+(?:(?:모두|전부|총|대략|약)\s+)?몇\s*(?:"
    + "|".join(sorted(set(_KOREAN_COUNTERS) - {"배", "위", "쪽", "페이지", "건", "편", "권", "층"}, key=len, reverse=True))
    # the counter ends its word, or a particle or a question's ending does ("몇 개야?", "몇 명이나"; not 몇 개월)
    + r")(?=(?:야|이야|인가|인가요|인지|예요|이에요|에요|요|냐|이냐|니|나|이나|지|쯤|정도|가량|의|를|을|이|가)?(?![가-힣]))")
_COUNTED_EN = re.compile(r"\b[Hh]ow many\s+(?P<noun>[A-Z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*)(?=[\s?])")
# "How many chip companies has …": the words before the verb; the last is the noun counted ("companies")
_AUXILIARIES = "do|does|did|is|are|was|were|has|have|had|will|would|can|could|should|may|might|must"
_COUNTED_PHRASE_EN = re.compile(
    rf"\b[Hh]ow many\s+(?P<phrase>(?:(?!(?:{_AUXILIARIES}|of|in|on|at|by|for|from|to|with)\b)[A-Za-z][\w-]*\s+)+?)"
    rf"(?=(?:{_AUXILIARIES})\b)")
# counts of these are not named by a noun next to the number: "몇 명", "3년", "17배"
_NOT_COUNTED_EN = frozenset({"people", "persons", "person", "times", "more", "fewer", "less", "years", "months",
                             "weeks", "days", "hours", "minutes", "ones", "orders"})
# "우한 컴퓨팅 중심지의 전력 소비량은?", "중국의 GDP 성장률은 얼마인가?": a measure named by a noun with a measure
# suffix (-량 amount, -률/-율 rate, -액 sum) is answered only by a sentence naming what is measured (소비, 성장):
# the 30 exaflops Wuhan will have say nothing of its consumption.
_MEASURED = re.compile(r"(?P<stem>[가-힣]{2,}?)(?:량|률|율|액)(?:은|는|이|가)?\s*(?:얼마\S*|몇\S*|어느\s*정도\S*)?\s*\??\s*$")
# "딥시크는 몇 차례": the subject, not what is counted; other particles mark no counted noun either
MODEL_CODE = re.compile(r"[A-Za-z]+\d[A-Za-z0-9-]*")  # a model's code: V3, H800, A100s, R1
_MODEL_CODE_TOPIC = re.compile(rf"({MODEL_CODE.pattern})(?:은|는)")
# nor does a verb's connective form ("… 성능을 내려면 몇 개가 필요해?"), nor a pronoun ("중국은 그걸 몇 개 갖고 있어?"
# counts what the turn before named)
_NOT_COUNTED = re.compile(r"(?:은|는|에|엔|에서|에는|도|로|으로|보다|처럼|만큼|까지|부터|와|과|의|에게|한테"
                          r"|려면|으면|하면|해서|는데|지만|도록|하고|하며)$|^(?:그|이|저)(?:걸|것|거|것을|거를|들|건|게|것은|것이|거는)$")


def measured_word(question: str) -> str:
    """What a Korean question asking for a measure measures ("소비" in "…전력 소비량은?", "성장" in "GDP
    성장률은 얼마인가?"); "" for other questions."""
    m = _MEASURED.search(question)
    return m.group("stem") if m else ""


def counted_word(question: str) -> str:
    """The word for what a count question counts, lower-cased ("사용자" in "딥시크의 사용자 수는?", "구역" in
    "…국가 개발 구역이 몇 개 있나?", "gpu" in "How many GPUs …"); "" when it names none the rule checks."""
    m = _COUNTED_BY_NOUN.search(question) or _COUNTED_BY_COUNTER.search(question)
    if m:
        noun = m.group("noun")
        # a model code is what is counted even as the topic: "중국이 보유한 H100은 몇 개야?"
        code = _MODEL_CODE_TOPIC.fullmatch(noun)
        return code.group(1).lower() if code else "" if _NOT_COUNTED.search(noun) else noun.lower()
    m = _COUNTED_EN.search(question)
    if not m:
        return ""
    # an acronym before the phrase's noun only says which kind ("How many AI chip patents has …" counts patents);
    # a model code still names what is counted ("How many A100 chips …")
    if counted_noun_en(question) not in ("", m.group("noun").lower()) and not re.search(r"\d", m.group("noun")):
        return ""
    return re.sub(r"(?<=[A-Z0-9])s$", "", m.group("noun")).lower()


def counted_noun_en(question: str) -> str:
    """The lower-case noun an English "How many …" question counts ("companies" in "How many chip companies
    has the government funded?"), for checking through the term bridge; "" when the counted phrase has a
    word whose count no noun names (people, times, years: ``_NOT_COUNTED_EN``) or the question has none."""
    m = _COUNTED_PHRASE_EN.search(question)
    if not m:
        return ""
    words = m.group("phrase").lower().split()
    return "" if set(words) & _NOT_COUNTED_EN else words[-1]


# "How much money did China's semiconductor fund raise?": the noun whose sum is asked for (the fund), which
# the answering sentence must name; MiniMax's $619 million is no fund's. A name (MiniMax, Zhipu AI, H100)
# is left to the names check, a pronoun to the conversation.
_OWNER_PHRASE_EN = re.compile(
    rf"\b[Hh]ow much\s+(?:money\s+)?(?:{_AUXILIARIES})\s+(?P<phrase>(?:[\w'-]+\s+){{1,5}}?)"
    r"(?=(?:raise|invest|spend|spent|pay|paid|cost|earn|make|made|receive|lose|lost|generate|charge|get|got)\w*\b)")
# "How large is the Chinese government's semiconductor fund in dollars?": the same noun, asked for by size
_SIZED_PHRASE_EN = re.compile(
    r"\b[Hh]ow (?:large|big) (?:is|was|are|were) (?P<phrase>(?:[\w'-]+\s+){1,5}?)"
    r"in (?:U\.?S\.? )?(?:dollars|won|yuan|euros)\b")
_NOT_OWNER_EN = frozenset({"it", "they", "he", "she", "we", "you", "i", "this", "that", "these", "those", "them",
                           "one", "ones", "each"})


def owner_phrase_en(question: str) -> str:
    """The words naming whose sum an English "How much … <verb>?" or "How large is … in dollars?" question
    asks for ("China's semiconductor fund", "Moonshot"); "" when the question is not of that form."""
    m = _OWNER_PHRASE_EN.search(question) or _SIZED_PHRASE_EN.search(question)
    return " ".join(m.group("phrase").split()) if m else ""


def owner_noun_en(question: str) -> str:
    """The lower-case common noun whose sum an English "How much … <verb>?" question asks for ("fund" in
    "How much money did China's semiconductor fund raise?"); "" when the owner is a name (capitalised, a
    code) or a pronoun, or the question is not of that form."""
    phrase = owner_phrase_en(question)
    head = phrase.split()[-1] if phrase else ""
    return head if re.fullmatch(r"[a-z][a-z-]*", head) and head not in _NOT_OWNER_EN else ""


def names_counted(spellings: tuple[str, ...], text: str) -> bool:
    """Whether the lower-cased ``text`` names what is counted or measured (``counted_word``,
    ``measured_word``, or the Korean terms of ``counted_noun_en`` or ``owner_noun_en``), by one of its ``spellings``: the word
    itself or, for a Hangul word of three syllables or more, its first two (소각장 as "소각 설비 3곳", 사용자
    as 사용자 수); always for no spelling."""
    return not spellings or any((w[:2] if len(w) >= 3 and re.fullmatch(r"[가-힣]+", w) else w) in text
                                for w in spellings)


# "When will … be commercialized?", "다음 모델은 언제 출시되나?": a time to come. A date the sentence puts in the past
# does not give it ("지난해 12월 자체 시제품을 만들었다"); a date it looks ahead to ("올해 … 갖출 예정", "마지막 방송은
# 내년 5월 29일이며"), a date it does not put in the past, or a wait does ("상용화까지는 최소 수년의 시간이 필요하다").
_ASKS_TIME_TO_COME = re.compile(
    r"\bwhen\s+(?:will|would|(?:is|are)\s.+\s(?:expected|due|set|scheduled|planned|going)\s+to)\b"
    r"|언제(?:쯤)?\s*(?:\S+\s+){0,2}?\S*(?:될까|할까|예정|될지|할지|되나|하나|될\s*것|할\s*것|되는지|하는지)",
    re.IGNORECASE)
_LOOKS_AHEAD = re.compile(r"예정|계획|목표|전망|예상|까지|이내|앞으로|향후|내년|내달|오는\s|다음\s*(?:달|주|해)|연내|겠"
                          r"|[될할갖출]\s*것")
_IN_THE_PAST = re.compile(r"지난|작년|전날|어제|[았었였했됐]다")
_WAIT = re.compile(rf"(?:{_VAGUE}|몇|\d+(?:\s*~\s*\d+)?)\s*(?:년|개월|달|주일?)(?:의|이|가|은|는)?\s*(?:시간|기간)?\S*"
                   r"\s*(?:필요|걸리|걸릴|소요|뒤|후|내|안|이내)")


def answers_when(question: str, text: str) -> bool:
    """Whether ``text`` gives the time ``question`` asks: any date, or for a time to come (``_ASKS_TIME_TO_COME``) a
    date the sentence looks ahead to or does not put in the past, or a wait."""
    if not _ASKS_TIME_TO_COME.search(question):
        return mentions(DATE, text)
    dated = mentions(DATE, text) and bool(_LOOKS_AHEAD.search(text) or not _IN_THE_PAST.search(text))
    return dated or bool(_WAIT.search(text))


def mentions(answer_type: str | None, text: str) -> bool:
    """Whether ``text`` holds an answer of ``answer_type`` (any text does for None)."""
    if answer_type is None:
        return True
    if answer_type not in _MENTIONS:
        raise ValueError(f"unknown answer type {answer_type!r}; expected one of {sorted(_MENTIONS)}")
    return bool(_MENTIONS[answer_type].search(text))
