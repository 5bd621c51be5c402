"""Answer typing: what kind of answer a question asks for, and whether a sentence holds one."""

import pytest

from rag.answer_types import (
    DATE,
    MONEY,
    NAME,
    NUMBER,
    PEOPLE,
    PERCENT,
    PERSON,
    affiliation_words,
    answers_count,
    answers_when,
    asks_attribute,
    asks_own_question,
    asks_speech,
    count_of_counted,
    counted_noun_en,
    counted_word,
    expected_type,
    holders_asked,
    measured_in,
    measured_word,
    mentions,
    name_asked_for,
    names_affiliation,
    names_attributes,
    names_by_surname,
    names_counted,
    names_office_of,
    names_role,
    names_thing,
    names_transaction,
    owner_first,
    owner_noun_en,
    reads_as_question,
    reports_speech,
    role_holders,
    role_speaker,
    said_about,
    speaker_of,
    subject_words,
)


@pytest.mark.parametrize(("question", "kind"), [
    ("즈푸AI는 홍콩 상장으로 얼마를 조달했나?", MONEY),
    ("How much did MiniMax raise on the Hong Kong stock exchange?", MONEY),
    ("What is the price of one Nvidia H100 chip?", MONEY),
    ("What was Alibaba's revenue last year?", MONEY),
    ("What is Samsung Electronics' semiconductor operating profit for 2018?", MONEY),
    ("What does Huawei's Ascend chip cost?", MONEY),
    ("What did Tencent pay to hire Yao Shunyu?", MONEY),  # paid, spent or earned: a sum
    ("What salary does Tencent pay Yao Shunyu?", MONEY),  # "what salary/price/fee …": a sum
    ("What sales does Baidu expect?", None),  # not a money noun that asks for a sum here
    ("What did Alibaba invest in?", None),  # invested in: a thing
    ("What do Chinese firms spend much of their compute on?", None),  # spent on: a thing
    ("What does China spend on AI?", MONEY),
    ("엔비디아 H100의 가격은?", MONEY),  # ends on a money noun
    ("How large is the Chinese government's semiconductor fund in dollars?", MONEY),  # a currency to answer in
    ("원화로는 얼마야?", MONEY),
    ("what's minimax's ipo size in usd", MONEY),
    ("바이두가 어센드 칩 구매에 쓴 돈은?", MONEY),  # 돈 is money; 판돈 too, not 돈독
    ("우한시의 AI 예산은?", MONEY),
    ("삼성전자의 올해 반도체 투자 규모는?", MONEY),
    ("우한시의 인구는 몇 명인가?", PEOPLE),
    ("What is Wuhan's population?", PEOPLE),
    ("How many employees does Huawei have?", PEOPLE),
    ("How many AI researchers work in Wuhan?", PEOPLE),  # people, whatever the words before them
    ("딥시크는 언제 공개되었나?", DATE),
    ("Since what year has China set AI leadership as a government goal?", DATE),
    ("중국이 극자외선 리소그래피 기계 시제품을 만든 시기는?", DATE),
    ("중국 AI 모델은 미국보다 몇 년 뒤처졌나?", NUMBER),  # a duration, not a date
    ("CSET 보고서는 몇 년도에 나왔나?", DATE),
    ("How many domestic chip companies has the Chinese government supported through large funds?", NUMBER),
    ("How much larger is US computing power than China's?", NUMBER),
    ("중국 기업들은 저성능 칩 몇 개를 묶어 최신 칩 성능을 내려 하나?", NUMBER),
    ("What chance did he give China of taking the lead?", PERCENT),
    ("What percentage of Chinese AI investment comes from the government?", PERCENT),
    ("화웨이 어센드 칩의 성능은 A100의 몇 퍼센트인가?", PERCENT),
    ("What is Samsung Electronics' share of the memory chip market?", PERCENT),
    ("삼성전자의 메모리 반도체 점유율은?", PERCENT),
    ("우한시 시장은 누구인가?", PERSON),  # a mayor
    ("Which US senator criticized China's AI plans?", PERSON),  # "which" and a title
    ("Which Chinese leader appears in the photo?", None),  # anyone leading
    ("What is the name of Wuhan's mayor?", PERSON),
    ("즈푸AI 창업자의 이름은?", PERSON),  # a role's name is a person's
    ("What is the name of Baidu's ChatGPT-like AI?", NAME),
    ("바이두가 개발한 챗GPT 유사 AI의 이름은?", NAME),
    ("중국 AI 시장은 어떤가?", None),  # a market
    ("중국 정부는 몇 년부터 AI 기술 패권을 정부 목표로 삼았나?", DATE),  # a year, not a duration
    ("Who is Valentin Weber?", None),
    ("미니맥스의 창업자는 누구인가?", PERSON),
    ("Who founded DeepSeek?", PERSON),
    ("Who is the CEO of Baidu?", PERSON),
    ("Who heads the New Development Bank?", PERSON),
    ("Who hosted the AGI Next Frontier roundtable?", None),  # an organisation may have
    ("Who moderated the roundtable?", PERSON),
    ("원탁회의 진행자는 누구야?", PERSON),
    ("원탁회의 진행은 누가 맡았어?", PERSON),  # who took on the moderation
    ("개발은 누가 맡았어?", None),  # a task may be an organisation's
    ("PKU-우한 AI 연구소에서 가치 중심 AGI를 목표로 한다고 밝힌 사람은?", None),
    ("중국 인공지능 산업의 민간 투자 상황은 어떤가?", None),
    ("What did Tang say about funding?", None),
    ("What did the WSJ say about the cost of using H800 chips?", None),  # what was said, not what it costs
    ("석유-식량 프로그램에서 활동한 혐의를 받는 사람은?", None),  # 프로그램 asks for no percentage
    ("지지율은 몇 프로야?", PERCENT),
    ("How much did the film Bolt earn in its opening weekend?", MONEY),
    ("What is the number of registered AI models in China?", NUMBER),
    ("What does the large number of registered AI models indicate?", None),  # what it means, not how many
    # search-box queries, no question word: the kind they end on
    ("zhipu ai number of employees", PEOPLE),
    ("ernie bot user count", PEOPLE),
    ("num of genAI models registered in china", NUMBER),
    ("zhipu ipo date", DATE),
    ("deepseek founder name", PERSON),
    ("minimax ceo", PERSON),
    ("What did the report say about the date?", None),  # a question: "date" is what it was said about
    ("Tell me about the roundtable date", None),
    # "when" asks when only opening the question or a clause of it, or ending it
    ("What was Ri Sol-ju wearing when she came to the airport?", None),
    ("What did Tang say when asked about the gap?", None),
    ("And when did MiniMax list?", DATE),
    ("Since when has China aimed for AI leadership?", DATE),
    ("zhipu listed when?", DATE),
])
def test_expected_type(question, kind):
    assert expected_type(question) == kind


@pytest.mark.parametrize(("kind", "text", "holds"), [
    (MONEY, "즈푸AI는 5억 5800만 달러(약 8100억 원)를 조달했다.", True),
    (MONEY, "It raised $558 million.", True),
    (MONEY, "가족들이 1500달러의 몸값을 치르고 나서야", True),  # a particle may follow the unit
    (MONEY, "3원칙을 세웠다", False),  # another syllable may not
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
    (DATE, "중국 정부는 수 년 전부터 대규모 펀드를 조성해", True),  # "Since when?": a time before now
    (DATE, "그 전에 수년 동안", False),  # a span, not a time
    (NUMBER, "딥시크는 이후 일곱 차례 모델 업데이트를 발표했다.", True),
    (NUMBER, "성능이 3~6개월 정도 뒤처진 것으로 파악된다.", True),
    (NUMBER, "인식트그룹은 미국 국방부 공식 협력업체다.", False),
    (NUMBER, "중국은 지난해 12월 자체 시제품을 만들었다.", False),  # a date is not a count
    (NUMBER, "바이두는 A100 사용을 극도로 제한했다.", False),  # nor is a model name
    (NUMBER, "중국엔 A100가 4만~5만 개밖에 없다.", True),
    (NUMBER, "2,000개의 연구와 첨단기술 기업", True),
    (PERSON, "문샷의 양즈린 창업자 겸 CEO", True),
    (PERCENT, "확률은 약 20%", True),
    (PERCENT, "1~2자릿수(10~100배) 높다", False),
    (NUMBER, "저렴한 개발 비용으로", False),  # 한 + 개발 is no count
    (PERSON, "딥시크는 비용 효율성이 뛰어난 기술로 주목을 받았다.", False),
    (PERSON, "대표적인 사례로 꼽힌다.", False),
    (None, "아무 문장", True),
    (NUMBER, "상용화까지는 최소 수년의 시간이 필요하다", True),  # a vague count
    (NUMBER, "수출 규제로 칩을 들여올 수 없게 된 탓이다", False),  # 수 is no count here
    (NUMBER, "배터리 수명이 짧다", False),  # a lifespan
])
def test_mentions(kind, text, holds):
    assert mentions(kind, text) is holds


def test_unknown_type_is_named():
    with pytest.raises(ValueError, match="'colour'"):
        mentions("colour", "빨강")


ROUNDTABLE = ("즈푸AI 창업자이자 칭화대 교수이기도 한 탕제 최고경영자(CEO)가 진행자로 나섰고 알리바바의 오픈소스 모델 "
              "큐웬(Qwen)의 린쥔양 기술책임자, 문샷의 양즈린 창업자 겸 CEO, 오픈AI 출신으로 최근 텐센트에 합류한 "
              "야오순위 AI 책임자가 참석했다.")


@pytest.mark.parametrize(("question", "names", "holds"), [
    ("문샷의 CEO는 누구인가?", (("문샷",),), True),
    ("즈푸AI의 창업자는 누구인가?", (("즈푸",), ("ai",)), True),
    ("큐웬의 기술책임자는 누구인가?", (("큐웬",), ("기술",)), True),  # no particular role: any title
    ("알리바바의 CEO는 누구인가?", (("알리바바",),), False),  # the CEO is in another clause
    ("Who is the CEO of Tencent?", (("텐센트",),), False),
    ("Who founded it?", (), True),  # nobody named: the title anywhere
    ("Who is the president?", (), False),
    ("Who leads Alibaba's Qwen?", (("큐웬",),), True),  # a head: 기술책임자
    ("오픈AI의 최고경영자는 누구인가?", (("오픈ai",),), False),  # OpenAI is where Yao came from, in another clause
])
def test_names_role_wants_the_asked_title_near_each_name(question, names, holds):
    assert names_role(question, ROUNDTABLE, names) is holds


@pytest.mark.parametrize(("question", "text", "holds"), [
    ("PKU-우한 연구소 소장은 누구야?", "PKU-우한 AI 연구소의 주송춘과 AI 과학자 우즈창은", False),  # a head, not a scientist
    ("PKU-우한 연구소 소장은 누구야?", "PKU-우한 AI 연구소의 주송춘 소장은", True),
    ("Which US senator criticized China's AI plans?", "미국 싱크탱크가 중국의 AI 개발 동향 등을 상세히 분석", False),
    ("Which US senator criticized China's AI plans?", "마코 루비오 상원의원은 중국의 계획을 비판했다", True),
    ("Who is the foreign ministry's spokesperson?", "루캉(陸慷) 대변인 명의의 성명", True),
    # a co-author is not the main author, nor the main author a co-author
    ("CSET 보고서의 공동 저자는 누구야?", "보고서 주 저자인 윌리엄 C. 한나스 CSET 수석 분석가는", False),
    ("Who co-authored the CSET report?", "보고서 주 저자인 윌리엄 C. 한나스 CSET 수석 분석가는", False),
    ("CSET 보고서의 공동 저자는 누구야?", "보고서 공동 저자인 헬렌 토너는", True),
    ("CSET 보고서의 저자는 누구야?", "보고서 주 저자인 윌리엄 C. 한나스 CSET 수석 분석가는", True),
])
def test_names_role_wants_the_title_asked(question, text, holds):
    assert names_role(question, text) is holds


@pytest.mark.parametrize(("question", "text", "holds"), [
    ("Who leads the CSET research center?", "보고서 주 저자인 윌리엄 C. 한나스 CSET 수석 분석가는", False),  # no head
    ("Who heads the New Development Bank?", "딜마 호세프(Dilma Rousseff) 신개발은행 총재 옆에서", True),
    ("Who is the lead author of the CSET report?", "보고서 주 저자인 윌리엄 C. 한나스 CSET 수석 분석가는", True),
])
def test_who_leads_wants_a_head_not_any_title(question, text, holds):
    assert names_role(question, text) is holds


_CAPTION = ("AI부문에서 미국 추월을 노리는 시진핑(習近平) 중국 국가주석이 2025년 4월 29일 중국 상하이에서 열린 브릭스(BRICS) "
            "회원국 다자간 은행을 방문한 딜마 호세프(Dilma Rousseff) 신개발은행 총재 옆에서 박수를 보내고 있다.")


@pytest.mark.parametrize(("question", "text", "names", "holds"), [
    ("브릭스 은행 총재 이름은?", _CAPTION, (("브릭스",),), True),  # the bracketed spellings add no words between them
    ("Who is the president of the BRICS bank?", _CAPTION, (("brics", "브릭스"),), True),
    # words, not glosses, between them: too far
    ("브릭스 은행 총재 이름은?", "브릭스 회원국들이 올해 상하이에서 열린 회의에서 새 협력 방안과 투자 계획을 두고 "
     "오래 논의한 끝에 신개발은행 총재를 뽑았다.", (("브릭스",),), False),
])
def test_a_bracketed_gloss_adds_no_distance_between_a_name_and_its_title(question, text, names, holds):
    assert names_role(question, text.lower(), names) is holds


def test_a_countrys_office_is_the_title_right_after_its_name():
    caption = ("AI부문에서 미국 추월을 노리는 시진핑 중국 국가주석이 브릭스 회원국 다자간 은행을 방문한 "
               "딜마 호세프 신개발은행 총재 옆에서 박수를 보내고 있다.")
    assert names_office_of("Who is China's president?", caption, ("중국",))
    assert not names_office_of("Who is the president of the United States?", caption, ("미국",))
    assert names_office_of("Who is the president of the United States?", "미국의 대통령은 말했다.", ("미국",))


def test_names_role_accepts_a_title_just_before_the_name():
    text = "보고서 주 저자인 윌리엄 C. 한나스 CSET 수석 분석가는 말했다."
    assert names_role("CSET 보고서의 주 저자는 누구인가?", text.lower(), (("cset",),))
    assert not names_role("CSET의 창업자는 누구인가?", text.lower(), (("cset",),))


@pytest.mark.parametrize(("question", "rest"), [
    ("미니맥스의 창업자는 누구인가?", "미니맥스의"),
    ("그 회사의 창업자는 누구야?", ""),  # what it points back to is not a name to look for
    ("Who is the CEO of Baidu?", "Who is the of Baidu?"),
    ("즈푸AI는 언제 설립되었나?", "즈푸AI는 언제 되었나?"),
    # whose account it is, not whose attribute is asked
    ("According to Newsweek, who is Hannas?", ", who is Hannas?"),
    ("뉴스위크에 따르면 한나스는 누구야?", "한나스는"),
])
def test_subject_words(question, rest):
    assert subject_words(question) == rest


CSET_SENTENCE = ("CSET가 지난 19(현지시각) 내놓은 보고서에서는 베이징에 본사를 둔 두 개 주요 AI 연구소가 우한에 지사를 설립해 "
                 "차세대 인공지능 개발을 함께 진행하고 있다고 밝혔다.")


@pytest.mark.parametrize(("question", "names", "holds"), [
    ("When was Insikt Group founded?", (("인식트그룹",),), False),  # a founding, but of branches of other labs
    ("두 AI 연구소는 우한에 무엇을 설립했나?", (("우한",),), True),
    ("Where is Baidu's headquarters?", (("바이두",),), False),
    ("두 연구소의 본사는 어디에 있나?", (), True),  # headquarters: "베이징에 본사를 둔", no 위치 needed
    ("CSET는 어디에 있나?", (), False),  # where something is: 위치, 소재 …
    ("Where are the labs that set up branches in Wuhan headquartered?", (("우한",),), True),
    ("즈푸AI의 주가는 얼마나 올랐나?", (), False),  # no share price named at all
    ("How much did Zhipu AI's shares rise on their first day?", (), False),
    ("Which stock exchange did the labs list on?", (), False),  # a listing, none named (an exchange: no share price)
    ("How much did the film earn in its opening weekend?", (), True),  # no opening is asked
    ("How fast is Huawei's Ascend chip?", (), False),  # a speed is asked, none is named
    ("How much ransom did his family pay for his release?", (), True),  # nor a launch
    ("What did the CSET report say?", (), True),  # no attribute asked
    ("How many iPhones did Apple sell last year?", (), False),  # a sale is asked, none is named
    ("When was the CSET report released?", (("cset",),), True),  # "내놓은 보고서"
    ("When will Wuhan's new supercomputing center open?", (), False),  # an opening is asked
    ("Since when has the CSET report existed?", (), False),  # a starting point: none named
    ("중국은 언제부터 AI 패권을 목표로 삼았나?", (), False),
    ("What did the open-source labs set up in Wuhan?", (), True),  # "open-source" asks for no opening
    ("When did Tencent hire Yao Shunyu?", (), False),  # the labs' branches: no joining or hiring
    # a verb in a relative clause describes, it is not asked: headquarters, no opening
    ("Where are the two AI labs that opened branches in Wuhan headquartered?", (("우한",),), True),
    ("When did the two AI labs open branches in Wuhan?", (("우한",),), False),  # an opening is asked
    ("When will Wuhan's AGI project be finished?", (), False),  # a completion: none named
    ("How much is the lab worth?", (), False),  # a valuation: none named
    ("How much was the labs' IPO worth?", (), False),  # a listing, none named (what it is worth: no valuation)
    ("When did the labs open their first branch?", (), False),  # the first: none named
    ("Which lab set up a branch in Wuhan first?", (), True),  # before the others: no "first" asked
    ("In which city is the lab located?", (), False),  # where it is: the sentence names no 위치
    ("In which city was the report published?", (), True),  # where something happened asks no location
    ("Who succeeded the labs' director?", (), False),  # a succession: none named
    ("What did the labs succeed in?", (), True),  # a success asks no succession
])
def test_names_attributes_wants_each_asked_attribute_near_the_names(question, names, holds):
    assert names_attributes(question, CSET_SENTENCE, names) is holds


@pytest.mark.parametrize(("question", "text", "names", "holds"), [
    ("Which Chinese university does Lin Junyang come from?", "베이징 대학교의 PKU-우한 인공지능연구소, 화웨이가 …",
     (("lin", "린쥔양"),), False),  # another's university
    ("Which university does Tang Jie teach at?", "즈푸AI 창업자이자 칭화대 교수이기도 한 탕제 최고경영자(CEO)가",
     (("tang", "탕제"),), True),  # 칭화대
    ("Which university student said the TV images shocked him?", "대학생 박철현 씨는 … 충격을 받을 정도였다", (), True),
])
def test_a_person_s_university_is_named_near_the_person(question, text, names, holds):
    assert names_attributes(question, text, names) is holds


GAP = "현재 중국의 생성형 인공지능 모델은 미국보다 성능이 3~6개월 정도 뒤처진 것으로 파악되지만"
ASCEND = "바이두는 … A100 사용을 극도로 제한하면서, 화웨이의 '어센드' 등 중국산 칩 활용 방안 연구에 나섰다."


def test_joining_forces_is_no_joining():
    wsj = "월스트리트저널(WSJ)에 따르면, 최근 화웨이·바이두·알리바바 등 중국 IT 기업들은 AI 기술의 공동 연구·개발에 나섰다."
    assert names_attributes("Which Chinese tech companies joined forces on AI research, according to the WSJ?", wsj,
                            (("wsj",),))


def test_a_joining_is_named_near_the_person_who_joined():
    assert names_attributes("Which company did Yao Shunyu join?", ROUNDTABLE, (("야오순위",),))  # "텐센트에 합류한"
    assert not names_attributes("Which company did Tang Jie join?", ROUNDTABLE, (("탕제",),))  # another clause


LISTING_SENTENCE = "즈푸AI는 8일 중국 AI 스타트업으로는 최초로 홍콩증권거래소에 상장해 5억 5800만 달러를 조달했다."


@pytest.mark.parametrize(("question", "holds"), [
    ("즈푸AI의 다음 모델은 언제 출시되나?", False),  # a launch is asked: a listing is not one
    ("When did Zhipu AI launch its next model?", False),
    ("When did Zhipu AI list in Hong Kong?", True),
    ("Which historical event is DeepSeek's release compared to?", True),  # a noun: no launch is asked
])
def test_a_launch_question_is_not_answered_by_another_event(question, holds):
    assert names_attributes(question, LISTING_SENTENCE) is holds


@pytest.mark.parametrize(("question", "topic"), [
    ("What did Tang Jie say about Nvidia?", "Nvidia"),
    ("What did a Chinese IT analyst tell the WSJ about overcoming the sanctions?", "overcoming the sanctions"),
    ("탕제 CEO는 중국 AI와 미국의 격차에 대해 어떻게 말했나?", "AI와 미국의 격차"),
    ("인식트그룹은 중국 반도체에 대해 어떤 평가를 내렸나?", "중국 반도체"),  # not the speaker
    ("And what about MiniMax?", ""),  # a follow-up, not a question about what was said
    ("How much did Zhipu AI raise?", ""),
    ("What did he say about ?", ""),
])
def test_said_about_finds_the_topic_of_what_was_said(question, topic):
    assert said_about(question) == topic


@pytest.mark.parametrize(("question", "text", "holds"), [
    ("딥시크 R1 개발에 사용된 칩은 몇 개인가?", "딥시크는 이후 일곱 차례 모델 업데이트를 발표했다", False),
    ("딥시크는 몇 차례 업데이트를 발표했나?", "딥시크는 이후 일곱 차례 모델 업데이트를 발표했다", True),
    ("중국 AI 모델은 미국보다 몇 개월 뒤처져 있나?", "미국보다 성능이 3~6개월 정도 뒤처진", True),  # 개월 is no 개
    ("How many months behind are China's models?", "미국보다 성능이 3~6개월 정도 뒤처진", True),
    ("중국 기업들은 저성능 칩 몇 개를 묶나?", "H800 같은 저성능 칩 3, 4개를 묶어", True),
    ("우한에는 국가 개발 구역이 몇 개 있나?", "성능이 3~6개월 정도 뒤처진", False),  # months are not a count of things
    ("How many GPUs does Zhipu AI own?", "즈푸AI는 8일 상장해 5억 5800만 달러를 조달했다", False),  # a date, a sum
    ("How many A100 chips does China have?", "중국엔 4만~5만 개밖에 없다", True),
    ("How many years did it take?", "3~5년 내", True),
    ("How long did the roundtable last?", "10일(현지 시간) 블룸버그통신과", False),  # a date, not a duration
    ("How long did the roundtable last?", "3일간 열렸다", True),
    ("What did he say?", "아무 문장", True),  # no count asked
    ("슈퍼컴퓨터는 1초에 몇 번 계산할 수 있나?", "초당 12조3천억 번의 계산을 수행할", True),
    ("How many operations per second is that?", "초당 3천경 번의 연산을 처리할 수 있는 능력", True),  # 경: 10^16
    ("By how many orders of magnitude does it exceed China's?", "초당 3천경 번의 연산을 처리할", False),  # compares
    ("미국 연산 능력은 중국보다 몇 자릿수 높아?", "미국의 연산 능력은 중국보다 1~2자릿수(10~100배) 높다", True),
    ("소각장을 몇 개 더 지을 계획인가?", "소각 설비 3곳을 추가로 설립", True),  # places are counted in 곳
    ("How many supercomputers does Wuhan operate?", "그 규모가 약 17배 더 크다", False),  # a ratio, no count
    ("How many times larger is it than El Capitan?", "그 규모가 약 17배 더 크다", True),
    ("상용화까지는 얼마나 걸려?", "상용화까지는 최소 수년의 시간이 필요하다는 분석이다", True),  # a vague duration
    ("상용화까지는 얼마나 걸려?", "즈푸AI는 8일 홍콩증권거래소에 상장해", False),  # a date
    ("수습 작업은 얼마나 걸리나?", "구조에는 최소한 3일이 더 필요할 것이라고 말했다", True),  # N일 needed: a duration
    ("How long did it take Zhipu AI to train its model?", "5억 5800만 달러(약 8100억 원)를 조달했다", False),  # 달러
    ("How long did the visit last?", "2025년 4월 29일 상하이에서", False),  # a year is a date
    ("How long did the training take?", "3개월 만에, 2주간, 40시간", True),
    ("즈푸AI는 몇 번째로 상장했나?", "중국 AI 스타트업으로는 최초로 홍콩증권거래소에 상장해", True),  # an ordinal
    ("즈푸AI는 몇 번째로 상장했나?", "두 번째로 상장한 미니맥스", True),
    ("즈푸AI는 몇 번째로 상장했나?", "딥시크는 이후 일곱 차례 모델 업데이트를 발표했다", False),  # a count, no ordinal
    # a comparison: the ratio or a comparing sentence, not the figure compared
    ("How much bigger will Wuhan's capacity be?", "올해 총 30엑사플롭스의 컴퓨팅 능력을 갖출 예정이며", False),
    ("How much bigger will Wuhan's capacity be?", "'엘 캐피탄'과 비교하면 그 규모가 약 17배 더 크다", True),
    ("미국의 연산 능력은 중국보다 얼마나 더 높아?", "미국의 연산 능력은 중국보다 1~2자릿수(10~100배) 높다", True),
])
def test_answers_count_wants_the_counter_asked_for(question, text, holds):
    assert answers_count(question, text) is holds



@pytest.mark.parametrize(("question", "text", "holds"), [
    ("When did Zhipu AI list?", "즈푸AI는 8일 홍콩증권거래소에 상장해", True),
    ("When will China's EUV machine be commercialized?", "중국은 지난해 12월 자체 시제품을 만들었다", False),  # past
    ("When will China's EUV machine be commercialized?", "상용화까지는 최소 수년의 시간이 필요하다는 분석이다", True),
    ("When is Wuhan expected to reach 30 exaflops?", "올해 총 30엑사플롭스의 컴퓨팅 능력을 갖출 예정이며", True),
    ("즈푸AI의 다음 모델은 언제 출시되나?", "즈푸AI는 8일 홍콩증권거래소에 상장해 … 조달했다", False),
    ("즈푸AI는 언제 상장했나?", "즈푸AI는 8일 홍콩증권거래소에 상장해", True),  # asked in the past tense
    ("중국은 언제 1위에 오를 예정이야?", "2030년까지 전 세계 인공지능 선두 국가로 오르겠다는 목표", True),
    ("When will Leno host his last show?", "리노의 마지막 방송은 금요일인 내년 5월 29일이며", True),
    ("When will O'Brien take over?", "오브라이언은 6월 1일부터 그 뒤를 잇는다고", True),  # not put in the past
])
def test_answers_when_wants_a_time_to_come_for_a_future_question(question, text, holds):
    assert answers_when(question, text) is holds

WUHAN_CAPACITY = ("우한시는 여러 컴퓨팅 중심지와 그리드망을 세워 올해 총 30엑사플롭스(초당 3천경 번의 연산을 처리할 "
                  "수 있는 능력)의 컴퓨팅 능력을 갖출 예정")


@pytest.mark.parametrize(("question", "counted", "text", "holds"), [
    ("How many data centers does Wuhan plan to build?", ("center", "중심지"), WUHAN_CAPACITY, False),  # counts no centres
    ("우한에는 국가 개발 구역이 몇 개 있나?", ("구역",), "3개의 국가 개발 구역, 4개의 기술 단지", True),
    ("How many A100 chips are needed?", ("a100",), "챗GPT 같은 AI 개발엔 A100가 5,000~1만 개가 필요한데", True),
    ("How much did the fund raise?", ("fund", "펀드"), "펀드는 5억 달러를 모았다", True),  # no count asked: named is enough
])
def test_a_count_stands_next_to_what_it_counts(question, counted, text, holds):
    assert count_of_counted(question, counted, text) is holds


@pytest.mark.parametrize(("question", "noun"), [
    ("What is the name of Moonshot's AI model?", "model"),
    ("What is the name of the chatbot-style AI that Baidu developed?", "AI"),
    ("SK하이닉스 전직 직원의 이름은?", "직원"),
    ("바이두가 개발한 챗GPT 유사 AI의 이름은?", "AI"),
    ("How much did Zhipu AI raise?", ""),
    ("What is Moonshot's flagship model called?", "model"),
    ("What is the title of the CSET report on China's AGI push?", "report"),  # not "push": "on …" is no name
    ("CSET 보고서의 제목은?", "보고서"),
    ("What is Lin Junyang's title?", ""),  # a person's title is a role
    ("What is the name of ???", ""),  # no noun: nothing to check, and no error
    ("?? 이름은?", ""),
])
def test_name_asked_for_is_the_noun_whose_name_is_asked(question, noun):
    assert name_asked_for(question) == noun


PANEL_SENTENCE = ("즈푸AI 창업자이자 칭화대 교수이기도 한 탕제 최고경영자(CEO)가 진행자로 나섰고 알리바바의 오픈소스 모델 "
                  "큐웬(Qwen)의 린쥔양 기술책임자가 참석했다.")


@pytest.mark.parametrize(("text", "spellings", "names", "holds"), [
    ("바이두는 챗GPT와 유사한 AI '어니봇' 개발을 위해", ("ai",), (("바이두",),), True),  # quoted after the noun
    ("'어니봇'이라는 AI를 개발했다", ("ai",), (), True),  # quoted before it
    (PANEL_SENTENCE, ("모델",), (("알리바바",),), True),  # a word with its Latin spelling
    (PANEL_SENTENCE, ("모델",), (("즈푸",),), False),  # Alibaba's model, in another clause than Zhipu
    ("즈푸AI는 대규모언어모델(LLM) 개발사다", ("모델",), (), False),  # the bracket glosses the noun
    ("SK하이닉스 전직 직원이 기술 정보를 화웨이에 유출하려다 적발됐다", ("직원",), (), False),
    ("올해 초 공개된 ‘딥시크’ 인공지능 모델이 가장 중요한 성과로 꼽힌다", ("모델",), (("딥시크",),), False),  # its own name
    ("딥시크가 공개한 ‘R1’ 모델", ("모델",), (("딥시크",),), True),
    # a name quoted after another owner's noun is no name of this one's ("화웨이의 '어센드'" names no 모델)
    ("바이두는 챗GPT와 유사한 AI '어니봇' 개발을 위해 … 화웨이의 '어센드' 등 중국산 칩", ("모델",), (("화웨이",),), False),
    # a long quoted title is one name however far from the owner its noun is
    ("WSJ는 이날 '미국 싱크탱크의 보고서가 베이징이 중국 정보를 비밀에 부치도록 자극했다' 제하의 기사에서 이같이 보도했다.",
     ("기사",), (("wsj",),), True),
    # the quote of one name closes before the next opens: '어니봇' … '어센드' is no title of Huawei's
    ("바이두는 챗GPT와 유사한 AI '어니봇' 개발을 위해 A100 사용을 극도로 제한하면서, 화웨이의 칩", ("칩",), (("화웨이",),),
     False),
    # the sentence's topic owns what every clause names
    ("일단 바이두는 … A100 사용을 극도로 제한하면서, 화웨이의 '어센드' 등 중국산 칩 활용 방안 연구에 나섰다.", ("칩",),
     (("바이두",),), True),
    ("즈푸AI 창업자이자 … 탕제 최고경영자(CEO)가 진행자로 나섰고 알리바바의 오픈소스 모델 큐웬(Qwen)의 린쥔양", ("모델",),
     (("즈푸",),), False),  # no topic: 즈푸AI only qualifies a title
])
def test_names_thing_wants_a_name_next_to_the_noun(text, spellings, names, holds):
    assert names_thing(text, spellings, names) is holds


def test_owner_first_puts_whose_thing_it_is_first():
    subjects = (("바이두",), ("화웨이",))
    assert owner_first("바이두가 활용하려는 화웨이 칩의 이름은?", subjects, ("칩",))[0] == ("화웨이",)
    assert owner_first("화웨이 칩을 활용하려는 바이두의 AI 이름은?", subjects, ("ai",))[0] == ("바이두",)
    assert owner_first("이름은?", subjects, ("칩",)) == subjects  # no noun in the question: order kept


@pytest.mark.parametrize(("question", "text", "holds"), [
    ("How much did Samsung invest in AI chips?", "미니맥스도 6억 1900만 달러를 조달했다", False),  # raised, not invested
    ("How much did Amazon pay for the startup?", "미니맥스도 6억 1900만 달러를 조달했다", False),
    ("텐센트는 AI에 얼마를 투자했나?", "텐센트는 AI에 1조 원을 투자했다", True),
    ("How much did Zhipu AI raise?", "즈푸AI는 5억 5800만 달러를 조달했다", True),  # no transaction asked
    ("How much did Alibaba spend on AI research?", "즈푸AI는 5억 5800만 달러를 조달했다", False),  # raised, not spent
    ("How much did Alibaba spend on AI research?", "알리바바는 AI 연구에 1조 원을 투입했다", True),
    ("How much does one exaflop of computing cost?", "즈푸AI는 5억 5800만 달러를 조달했다", False),  # raised, no cost
    ("H100 한 개의 가격은 얼마인가?", "H100 가격은 개당 3만 달러에 이른다", True),
])
def test_names_transaction_wants_the_kind_of_transaction_asked(question, text, holds):
    assert names_transaction(question, text) is holds


@pytest.mark.parametrize(("question", "word"), [
    ("딥시크의 사용자 수는?", "사용자"),
    ("우한에는 국가 개발 구역이 몇 개 있나?", "구역"),
    ("엔비디아 A100을 몇 개 보유했나?", "a100"),
    ("How many GPUs does Zhipu AI own?", "gpu"),
    ("How many A100 chips does China have?", "a100"),
    ("딥시크는 몇 차례 업데이트했나?", ""),  # the subject, not what is counted
    ("우한의 컴퓨팅 능력은 엘 캐피탄보다 몇 배 큰가?", ""),  # a comparison counts nothing
    ("How many national development zones does Wuhan have?", ""),  # English words: the bridge is too noisy
    ("How many times has DeepSeek updated its model?", ""),
    ("딥시크 R1 공개 이후 모델 업데이트 횟수는?", ""),
    ("How many AI chip patents has Huawei filed?", ""),  # AI says which patents; the noun is patents
    ("중국이 보유한 H100은 몇 개야?", "h100"),  # a model code is counted even as the topic; 개 then 야
    ("우한에 기술 단지가 몇 개인가?", "단지"),
    ("우한시가 지정한 AI 핵심 분야는 모두 몇 개인가?", ""),  # 모두 is no noun
    ("그걸로 H100 1,000개 성능을 내려면 몇 개가 필요해?", ""),  # nor is a verb's 내려면
    ("몇 개월이 걸려?", ""),
    ("중국은 그걸 몇 개 갖고 있어?", ""),  # a pronoun: what the turn before named is counted
    ("그건 몇 년 계획이야?", ""),  # 그건 = 그것은
    ("챗GPT 같은 AI엔 몇 개가 필요해?", ""),  # 엔 = 에는: for which, not what is counted
])
def test_the_word_for_what_a_count_question_counts(question, word):
    assert counted_word(question) == word


def test_a_question_ending_on_the_number_of_something_asks_for_a_number():
    assert expected_type("딥시크의 사용자 수는?") == NUMBER
    assert expected_type("그렇게 할 수 있나?") is None


@pytest.mark.parametrize(("question", "own"), [
    ("What was it compared to?", True),
    ("그 목표를 위해 언제부터 준비했어?", True),
    ("And what about MiniMax?", False),
    ("그럼 미니맥스는?", False),
    ("그는 무슨 경고를 했어?", True),  # not the "who" of "원탁회의 진행자는 누구였어?" before it
])
def test_asks_own_question_tells_a_question_from_a_bare_topic(question, own):
    assert asks_own_question(question) is own


@pytest.mark.parametrize(("question", "stem"), [
    ("우한 컴퓨팅 중심지의 전력 소비량은?", "소비"),
    ("중국의 GDP 성장률은 얼마인가?", "성장"),
    ("즈푸AI의 조달 금액은?", ""),  # a one-syllable stem (금) says nothing
    ("우한시가 올해 갖출 컴퓨팅 능력은?", ""),
])
def test_measured_word_is_what_a_measure_noun_measures(question, stem):
    assert measured_word(question) == stem


def test_an_age_in_brackets_after_a_name_gives_the_age():
    assert names_attributes("배우 도쿠다 시게오는 몇 살인가?", "그러나 시게오(73)는 카메라 앞에서")
    assert not names_attributes("배우 도쿠다 시게오는 몇 살인가?", "시게오는 카메라 앞에서 연기를 한다")


@pytest.mark.parametrize(("spellings", "text", "named"), [
    (("소각장",), "소각 설비 3곳", True),  # the first two syllables of a longer word
    (("구역",), "3개의 국가 개발 구역", True),
    (("사용자",), "이용자 수", False),
    (("supercomputer", "슈퍼컴퓨터"), "엘 캐피탄 슈퍼컴퓨터보다", True),  # any one spelling
    (("supercomputer", "슈퍼컴퓨터"), "3개의 국가 개발 구역, 4개의 기술 단지", False),
    ((), "아무 문장", True),
])
def test_names_counted_accepts_the_head_of_a_longer_word(spellings, text, named):
    assert names_counted(spellings, text) is named


@pytest.mark.parametrize(("question", "noun"), [
    ("How many supercomputers does Wuhan operate?", "supercomputers"),
    ("How many chip companies has the Chinese government supported?", "companies"),  # the phrase's head
    ("How many generative AI models were registered as of January?", "models"),
    ("How many people live in Beijing?", ""),  # counted in 명: no noun next to the number
    ("How many times larger is Wuhan's computing power?", ""),
    ("How many of them does China have?", ""),
    ("What does Wuhan have?", ""),
])
def test_counted_noun_en_is_the_head_of_the_counted_phrase(question, noun):
    assert counted_noun_en(question) == noun


@pytest.mark.parametrize(("question", "text", "holds"), [
    ("How much electricity does the Wuhan computing center consume?", "올해 총 30엑사플롭스의 컴퓨팅 능력을 갖출 예정", False),
    ("How much electricity does the Wuhan computing center consume?", "연간 전력 소비량은 100메가와트시", True),
    ("우한 데이터센터의 전기 사용량은?", "전력 및 비용 효율성이 뛰어난 기술", True),
    ("In Lin Junyang's view, what is consuming much of China's compute?", "많은 연산 자원이 소모", True),
])
def test_an_energy_question_wants_a_sentence_about_energy(question, text, holds):
    assert names_attributes(question, text) is holds


@pytest.mark.parametrize(("question", "text", "holds"), [
    ("CSET는 어느 도시에 있나?", "CSET가 내놓은 보고서에서는 베이징에 본사를 둔 두 개 주요 AI 연구소가", False),
    ("화웨이 5GtoB 연구소는 어느 도시에 있나?", "중국 쑤저우에 위치한 '화웨이 5GtoB' 연구소에서", True),
    ("Where is the Huawei 5GtoB lab located?", "중국 쑤저우에 위치한 '화웨이 5GtoB' 연구소에서", True),
    ("In which city is Insikt Group based?", "11일 미국 보안 전문 분석업체 인식트그룹 보고서를 보면", False),
    ("Where did two Beijing-based AI labs set up branches?", "우한에 지사를 설립해", True),  # asks no location
])
def test_a_where_is_question_wants_a_sentence_saying_where_it_is(question, text, holds):
    assert names_attributes(question, text) is holds


@pytest.mark.parametrize(("text", "name", "named"), [
    ("린 기술책임자는 “제한된 자원이 혁신을 촉진했다”며", "린쥔양", True),  # surname, then a compounded title
    ("야오 AI책임자는 “리소그래피 기계를", "야오순위", True),  # a two-syllable surname, a Latin word before the title
    ("탕 CEO도 “연구자들이", "탕제", True),
    ("린쥔양 기술책임자, 문샷의 양즈린 창업자", "린쥔양", False),  # the full name is no surname mention
    ("양 기관은 협력했다", "양즈린", False),  # no title after it
    ("시진핑 주석", "린쥔양", False),
])
def test_names_by_surname_wants_the_surname_then_a_title(text, name, named):
    assert names_by_surname(text, name) is named


@pytest.mark.parametrize(("question", "text", "holds"), [
    # an indictment is no sentence
    ("What prison sentence did the former SK Hynix employee receive?",
     "SK하이닉스 전직 직원이 반도체 기술 정보를 화웨이에 유출하려다 적발돼 기소된 사례", False),
    ("What prison sentence did the former SK Hynix employee receive?", "전직 직원은 징역 2년을 선고받았다", True),
    # a unit the question names
    ("What is the peak performance of Nvidia's H100 in teraflops?", "1,000개의 H100 성능 구현을 위해선", False),
    ("What is the peak performance of Nvidia's H100 in teraflops?", "H100의 성능은 67테라플롭스다", True),
    ("How many exaflops will Wuhan have?", "올해 총 30엑사플롭스의 컴퓨팅 능력을 갖출 예정", True),
    # an ordinal
    ("When did Insikt Group publish its first report?", "11일 미국 보안 전문 분석업체 인식트그룹 보고서를 보면", False),
    ("What was Samsung's profit in the first quarter?", "삼성전자의 1분기 영업이익은 6조 원", True),  # no ordinal
    ("Which company was the first Chinese AI startup to list in Hong Kong?",
     "즈푸AI는 8일 중국 AI 스타트업으로는 최초로 홍콩증권거래소에 상장해", True),
    # a quantity superlative: the best is not the most
    ("Which country has the most AI researchers?", "중국 최고의 국영 AI 기관들은", False),
    ("Which country has the most AI researchers?", "AI 연구자가 가장 많은 나라는 중국이다", True),
    ("What is China's largest academic database?", "중국 최대 학술정보 사이트 '즈왕'", True),  # asks no quantity
    # a partnership, or a joint project
    ("Which Korean company did DeepSeek partner with?", "딥시크는 전력 및 비용 효율성이 뛰어난 기술로 주목을 받았다", False),
    ("What is the social simulator that Wuhan's partners want to deploy?", "화웨이가 우한에서 공동 사업을 추진하고 있으며", True),
    # an economic indicator: a sum given in both currencies states no exchange rate
    ("What is the exchange rate between the US dollar and the Korean won?", "5억 5800만 달러(약 8100억 원)를 조달했다", False),
    ("원·달러 환율은 얼마인가?", "원·달러 환율은 1,300원대로 올랐다", True),
    # a maker: the lab that has El Capitan did not build it
    ("엘 캐피탄을 만든 회사는 어디야?", "로렌스 리버모어 국립연구소의 '엘 캐피탄'이 1.7엑사플롭스의 계산능력을 가진 것", False),
    ("Which company built El Capitan?", "로렌스 리버모어 국립연구소의 '엘 캐피탄'", False),  # a lab has it
    ("Who makes them?", "현재 인기가 많은 칩으로는 미국 기업 엔비디아의 A100, H100 등이 꼽힌다", True),  # a company's
    ("Which company developed Ernie Bot?", "바이두는 챗GPT와 유사한 AI '어니봇' 개발을 위해", True),
    ("Where is El Capitan?", "로렌스 리버모어 국립연구소의 '엘 캐피탄'", True),  # asks for no maker
    # a punishment or a prison term: an indictment names neither
    ("SK하이닉스 전직 직원은 어떤 처벌을 받았나?", "SK하이닉스 전직 직원이 … 유출하려다 적발돼 기소된 사례", False),
    ("What was SK Hynix's sentence for the leak?", "SK하이닉스 전직 직원이 … 유출하려다 적발돼 기소된 사례", False),
    ("전직 직원은 어떤 처벌을 받았나?", "법원은 전직 직원에게 징역 1년 6개월을 선고했다", True),
    ("What does that sentence mean?", "SK하이닉스 전직 직원이 … 유출하려다 적발돼 기소된 사례", True),  # no term asked
    # founding after "did" ("found" is no finding there); owning, not "its own"
    ("When did Tang Jie found Zhipu AI?", "10일 … 칭화대 … 즈푸AI가 주최한 원탁회의에서", False),
    ("When did Tang Jie found Zhipu AI?", "즈푸AI는 2019년 설립됐다", True),
    ("How many H100 chips does Baidu own?", "1,000개의 H100 성능 구현을 위해선 3,000개 이상의 H800이 필요하다", False),
    ("When did China build its own lithography prototype?", "중국은 지난해 12월 자체 시제품을 만들었다", True),
    # where a person is: where they work or belong
    ("지금은 어디에 있어?", "오픈AI 출신으로 최근 텐센트에 합류한 야오순위 AI 책임자가 참석했다", True),
    ("지금은 어디에 있어?", "야오순위 AI 책임자가 참석했다", False),
    # leaving (not "after leaving", which asks about what came next), supplying, approving, investing, translating,
    # a parent company
    ("Why did Yao Shunyu leave OpenAI?", "오픈AI 출신으로 최근 텐센트에 합류한 야오순위", False),
    ("야오순위는 왜 오픈AI를 떠났어?", "야오순위는 지난해 오픈AI를 떠나 텐센트로 옮겼다", True),
    ("Which company did Yao Shunyu join after leaving OpenAI?", "오픈AI 출신으로 최근 텐센트에 합류한 야오순위", True),
    ("What happened to the prayer note Obama left at the Western Wall?", "벽 틈 사이에 자필 기도노트를 꽂아뒀다", True),
    # a report's release: the day it is cited from ("11일 … 보고서를 보면")
    ("When was its report on China released?", "11일 미국 보안 전문 분석업체 인식트그룹 보고서를 보면 중국은 …", True),
    ("When was DeepSeek's model released?", "인식트그룹은 딥시크 모델이 … 성과라고 분석했다", False),
    # a unit asked: orders of magnitude are 자릿수, not the 17배 of a comparison
    ("By how many orders of magnitude does US computing power exceed China's?",
     "엘 캐피탄이 1.7엑사플롭스의 계산능력을 가진 것과 비교하면 그 규모가 약 17배 더 크다", False),
    ("By how many orders of magnitude does US computing power exceed China's?",
     "미국의 연산 능력은 중국보다 1~2자릿수(10~100배) 높다", True),
    # a listing, told by the sum raised too; a lifting of what is in force
    ("Is Tencent planning an IPO in Hong Kong?", "오픈AI 출신으로 최근 텐센트에 합류한 야오순위 AI 책임자가 참석했다", False),
    ("텐센트는 홍콩 상장을 계획하고 있어?", "오픈AI 출신으로 최근 텐센트에 합류한 야오순위 AI 책임자가 참석했다", False),
    ("Did MiniMax go public in Hong Kong?", "같은 날 미니맥스도 6억 1900만 달러를 성공적으로 조달하며", True),
    ("Which stock exchange did Zhipu AI list on?", "즈푸AI는 8일 홍콩증권거래소에 상장해 5억 5800만 달러를 조달했다", True),
    ("Which reports listed Chinese scholars?", "중국의 학자 명단 … 이 기재됐다", True),  # a list, not a listing
    ("Did the US lift its chip export controls?", "지난해 10월 미국 정부의 반도체 수출 규제로 … 들여올 수 없게 된 탓이다", False),
    ("미국은 반도체 수출 규제를 해제했어?", "미국 정부가 중국을 대상으로 인공지능 반도체 규제를 점차 강화하고 있는", False),
    # a flight: an indictment names none
    ("Which country did the SK Hynix employee flee to?", "SK하이닉스 전직 직원이 … 유출하려다 적발돼 기소된 사례", False),
    ("전직 직원은 어느 나라로 도주했어?", "전직 직원은 중국으로 도주했다", True),
    ("How many fans were made to leave their phones at the concert?", "팬들은 휴대전화를 맡겨야 했다", True),
    ("알리바바에 AI 칩을 공급하는 중국 기업은?", "화웨이·바이두·알리바바 등 중국 IT 기업들은 AI 공동 연구에 나섰다", False),
    ("What supply problems did the panel blame on US sanctions?", "미국의 제재로 인한 칩과 반도체 장비 수급 문제", True),
    ("When did Wuhan's government approve its AI budget?", "우한시 정부는 지난 3월 12일 낸 공지에서 … 계획을 알렸다", False),
    ("Which investors backed MiniMax's IPO?", "같은 날 미니맥스도 6억 1900만 달러를 성공적으로 조달하며", False),
    ("How many chip companies has the government fund backed?", "74개 이상의 자국 반도체 기업을 지원해 왔다", True),
    ("Who translated the Newsweek article into Korean?", "한나스 수석 분석가는 … 뉴스위크와 나눈 대화에서 말했다", False),
    ("What is Insikt Group's parent company?", "인식트그룹은 미국 국방부 공식 협력업체로 … 기여하는 기관이다", False),
    # "more than a year" is a span, no yearly figure; "a year" after an amount is one
    ("Is Chinese generative AI behind the US by more than a year?", GAP, True),
    ("How much does China spend a year on AI chips?", GAP, False),
    # a speed asked is not answered by a sentence naming both chips and no speed, but by one giving 성능
    ("Is Huawei's Ascend chip faster than the A100?", ASCEND, False),
    ("Is the H800 slower than the H100?", "1,000개의 H100 성능 구현을 위해선 3,000개 이상의 H800이 필요하다", True),
    ("Why is China's compute consumed faster than America's?", GAP, True),  # an adverb: no speed asked
    # pay is not answered by the leak, nor a salary by the IPO
    ("How much did SK Hynix's former employee get paid by Huawei?",
     "SK하이닉스 전직 직원이 반도체 기술 정보를 화웨이에 유출하려다 적발돼 기소된 사례", False),
    ("tencent ai chief salary", "오픈AI 출신으로 최근 텐센트에 합류한 야오순위 AI 책임자", False),
    ("What is Yao Shunyu's salary?", "야오순위 AI 책임자의 연봉은 1억 달러로 알려졌다", True),
    ("How much did Baidu pay for its chips?", "바이두는 칩 구매에 10억 달러를 썼다", True),  # a price paid is no salary
    # a winner
    ("Who won the AGI-Next roundtable debate?", "… 원탁회의’에서 … 기술책임자들이 모여 … 난상 토론을 벌였다.", False),
    ("Who won the 2024 US presidential election?", "트럼프 전 대통령이 대선에서 승리했다", True),
    ("How much did Zhipu AI raise in won?", "5억 5800만 달러(약 8100억 원)를 조달했다", True),  # a currency, no winner
])
def test_sentences_must_name_the_attribute_asked(question, text, holds):
    assert names_attributes(question, text) is holds


@pytest.mark.parametrize(("question", "text", "holds"), [
    ("인식트그룹 보고서는 몇 쪽 분량인가?", "미국 트럼프 2기 정부에서 과학 분야 연구개발 지원을 축소하고", False),
    ("인식트그룹 보고서는 몇 쪽 분량인가?", "보고서는 모두 48페이지로", True),
    ("뉴욕타임스는 매케인의 기고문을 몇 편 실었나?", "1996년부터 매케인의 반박문을 7차례 개재했었고", True),
    ("중국 생성형 AI 모델은 세계 몇 위 수준인가?", "생성형 인공지능 모델은 올해 1월 기준 302개에 이르는 것으로", False),
    ("중국 생성형 AI 모델은 세계 몇 위 수준인가?", "3~6개월 정도 뒤처진 것으로 파악되지만 확실한 2위 자리를", True),
])
def test_pages_pieces_and_ranks_are_counted_in_their_counters(question, text, holds):
    assert answers_count(question, text) is holds


def test_pieces_of_writing_and_ranks_need_not_be_named_next_to_their_count():
    assert counted_word("뉴욕타임스는 매케인의 기고문을 몇 편 실었나?") == ""  # 반박문을 7차례: named otherwise
    assert counted_word("중국 생성형 AI 모델은 세계 몇 위 수준인가?") == ""  # a rank counts no 세계
    assert counted_word("우한에는 국가 개발 구역이 몇 개 있나?") == "구역"


@pytest.mark.parametrize(("question", "noun"), [
    ("How much money did China's semiconductor fund raise?", "fund"),
    ("How much did the Chinese government invest in Wuhan's AI hub?", "government"),
    ("How much did MiniMax raise on the Hong Kong stock exchange?", ""),  # a name: the names check's
    ("How much did Zhipu AI raise in its IPO?", ""),
    ("How much did it raise?", ""),  # a pronoun: the conversation's
    ("How much larger is US computing power than China's?", ""),
    ("How large is the Chinese government's semiconductor fund in dollars?", "fund"),  # a size in a currency
])
def test_owner_noun_en_is_whose_sum_is_asked(question, noun):
    assert owner_noun_en(question) == noun


@pytest.mark.parametrize(("text", "question"), [
    ("How much did Zhipu AI raise?", True),
    ("Zhipu AI raised how much", False),  # neither "?" nor a question word first
    ("Tell me about Wuhan", True),
    ("Explain the social simulator.", True),  # a request
    ("Summarize Lin Junyang's view of China's chances.", True),
    ("Five hopefuls lost their chance to compete when a doping test came back positive.", False),
    ("우한시가 올해 갖출 컴퓨팅 능력은", True),  # Korean without "?": not a statement
    ("우한시는 올해 30엑사플롭스의 컴퓨팅 능력을 갖출 예정이다.", False),
])
def test_reads_as_question_tells_questions_from_statements(text, question):
    assert reads_as_question(text) is question


@pytest.mark.parametrize(("question", "text", "holds"), [
    ("What did Xi Jinping say when he visited the BRICS bank?",
     "시진핑 중국 국가주석이 2025년 4월 29일 신개발은행 총재 옆에서 박수를 보내고 있다.", False),  # a photo caption
    ("What did he warn about?", "“하지만 실제 격차는 오히려 커지고 있을 가능성이 있다”며 낙관론을 경계했다.", True),
    ("린쥔양은 미국의 연산 능력에 대해 뭐라고 했나?", "미국의 연산 능력은 중국보다 1~2자릿수 높다고 지적했다", True),
    ("Who is Tang Jie?", "탕제 최고경영자(CEO)가 진행자로 나섰고", True),  # asks for no speech
    ("What bottlenecks did he point to?", "탕제 최고경영자(CEO)가 진행자로 나섰고", False),  # "what X did he point to"
    ("What problems did Lin mention?", "린쥔양 기술책임자, 문샷의 양즈린 창업자 겸 CEO", False),
    ("What company did Yao Shunyu join?", "오픈AI 출신으로 최근 텐센트에 합류한 야오순위", True),  # joining is no speech
    ("What does the Insikt Group report say about China's goal?",
     "인식트그룹 보고서를 보면 중국은 2030년까지 전 세계 인공지능 선두 국가로 오르겠다는 목표를", True),  # a report
    ("딥시크가 난관에 부딪힌 이유는 뭐라고 보나?",
     "업계에서는 딥시크가 … 국산 칩 사용을 권장하면서 난관에 부딪힌 것으로 보고 있다.", True),  # a view reported
    ("딥시크는 뭐라고 했나?", "딥시크는 이후 일곱 차례 모델 업데이트를 했다.", False),
    # a quoted term reports no speech; a quote going on into "…며" or "…고" does, and an announcement
    ("What did the mayor of Wuhan say about AI?", '화웨이가 우한의 산업과 상업 기업에 AI"주입"하고, "사회 모의 실험기" 배포를',
     False),
    ("What did Lin say?", "“미국의 연산 능력은 중국보다 1~2자릿수(10~100배) 높다”며 “미국은 …", True),
    ("우한시 정부는 뭐라고 했어?", '우한시 정부는 공지에서 "…산업을 키우겠다"는 계획을 알렸다.', True),
    # whether someone said something
    ("Did Yang Zhilin say China would lead AI within five years?", "문샷의 양즈린 창업자 겸 CEO가 참석했다", False),
    ("양즈린은 중국이 5년 안에 AI를 선도할 거라고 했어?", "문샷의 양즈린 창업자 겸 CEO가 참석했다", False),
    ("Did Lin say the odds were 20%?", "린 기술책임자는 “… 확률은 약 20%”라며 …라고 평가했다", True),
    # how far behind, not whether it was said
    ("그 보고서는 중국 AI가 얼마나 뒤처졌다고 했어?", "중국 모델은 미국보다 3~6개월 정도 뒤처진 것으로 파악되지만", True),
    # whose account: a person's is speech, a report's or an outlet's need not be quoted
    ("Why is China's compute used up, according to Lin?", "중국은 이미 납품·상용화 업무만으로도 많은 연산 자원이 소모", False),
    ("How far behind are Chinese models, according to Insikt Group?", "현재 중국 모델은 미국보다 3~6개월 정도 뒤처진", True),
])
def test_a_question_about_what_was_said_wants_reported_speech(question, text, holds):
    assert reports_speech(question, text) is holds


@pytest.mark.parametrize(("question", "owner", "role"), [
    ("What did Tencent's AI chief describe?", "Tencent", "chief"),
    ("What did the mayor of Wuhan say about AI?", "Wuhan", "mayor"),
    ("알리바바의 CEO는 뭐라고 했어?", "알리바바", "CEO"),
    ("What did Tang Jie say about the gap?", "", ""),  # a name, not a role
    ("Who is Tencent's AI chief?", "", ""),  # asks for the person, not what was said
])
def test_role_speaker_is_whose_role_a_speech_question_names(question, owner, role):
    assert role_speaker(question) == (owner, role)


@pytest.mark.parametrize(("role", "owner", "holders"), [
    ("chief", ("텐센트",), ["야오순위"]),  # "텐센트에 합류한 야오순위 AI 책임자"
    ("lead", ("알리바바",), ["린쥔양"]),  # "알리바바의 … 큐웬(Qwen)의 린쥔양 기술책임자"
    ("CEO", ("즈푸",), ["탕제"]),
    ("CEO", ("문샷",), ["양즈린"]),  # "양즈린 창업자 겸 CEO"
    ("CEO", ("알리바바",), []),  # the CEO in the sentence is Zhipu's, in another clause
    ("founder", ("즈푸",), ["탕제"]),  # "즈푸AI 창업자이자 칭화대 교수이기도 한 탕제 최고경영자": the name titled after it
    ("professor", ("즈푸",), ["탕제"]),  # "칭화대 교수이기도 한 탕제 최고경영자", not 창업자이자 before it
    ("chairman", ("즈푸",), []),  # no such title
])
def test_role_holders_are_the_names_before_the_title_in_the_owners_clause(role, owner, holders):
    assert role_holders(role, ROUNDTABLE, owner) == holders


@pytest.mark.parametrize(("question", "text", "holders"), [
    ("Who moderated the roundtable?", ROUNDTABLE, ["탕제"]),  # "탕제 최고경영자(CEO)가 진행자로 나섰고": the titled subject
    ("원탁회의 진행자는 누구였어?", ROUNDTABLE, ["탕제"]),
    ("Who is the lead author of the CSET report?", "보고서 주 저자인 윌리엄 C. 한나스 CSET 수석 분석가는 \"미국이 …\"",
     ["한나스"]),  # the name after "저자인", not 보고서 before it
    ("Who is the founder of Moonshot?", "문샷의 양즈린 창업자 겸 CEO", ["양즈린"]),
    ("Who moderated the roundtable?", "토론자들은 격차가 크다고 입을 모았다.", []),
])
def test_holders_asked_are_whom_a_sentence_gives_the_asked_role(question, text, holders):
    assert holders_asked(question, text) == holders
    assert holders_asked("Who is the founder of Zhipu AI?", ROUNDTABLE, ("즈푸",)) == ["탕제"]  # not 문샷's 양즈린
    assert holders_asked("Who founded Zhipu AI?", "즈푸AI 창업자는 이렇게 말했다.") is None  # the title, no name



@pytest.mark.parametrize(("question", "words"), [
    ("베버는 어느 기관 소속이야?", ["소속"]),
    ("What is Weber's affiliation?", ["affiliation"]),
    ("Who does Lin Junyang work for?", ["work for"]),
    ("Where does Hannas work?", ["work"]),
    ("Where did he work before?", ["work"]),
    ("탕제는 어디서 일해?", ["어디서 일해"]),
    ("그가 일하는 회사는?", ["일하는 회사"]),
    ("그의 직장은 어디야?", ["직장"]),
    ("How does the social simulator work?", []),  # how it works, not where someone works
    ("Which former employer's technology did an ex-worker try to leak to Huawei?", []),  # a company, not a person's
])
def test_affiliation_words_are_how_a_question_asks_for_a_person_s_organisation(question, words):
    assert affiliation_words(question) == words


WEBER = "독일 외교관계위원회 지정학·지정경제학·기술 센터의 발렌틴 베버는 \"미국의 상대적 강점은 AI 칩과 컴퓨팅 중심지에 있다.\""


@pytest.mark.parametrize(("text", "name", "holds"), [
    (WEBER, "베버", True),  # "… 센터의 발렌틴 베버"
    ("베버는 \"사회적 통치는 사회적 통제를 완곡하게 표현한 말이다. 중국의 …\"", "베버", False),  # a quote, no organisation
    ("보고서 주 저자인 윌리엄 C. 한나스 CSET 수석 분석가는 \"미국이 …\"", "한나스", True),  # the title's organisation
    ("한편 한나스 수석 분석가는 \"글로벌 기술 생태계에서 …\"", "한나스", False),  # a title of no organisation
    (ROUNDTABLE, "야오순위", True),  # "텐센트에 합류한 야오순위"
    (ROUNDTABLE, "양즈린", True),  # "문샷의 양즈린"
    (ROUNDTABLE, "탕제", True),  # "즈푸AI 창업자이자 칭화대 교수이기도 한 탕제"
    ("조지타운 대학교 보안 및 신흥 기술 센터(CSET)가 지난 19일 내놓은 보고서", "cset", True),  # its long form's body
    ("CSET 연구진은 \"중국 최고의 국영 AI 기관들은 …\"", "cset", False),
])
def test_names_affiliation_finds_the_organisation_next_to_the_name(text, name, holds):
    assert names_affiliation(text, (name,)) is holds
    assert names_attributes("그의 소속은?", text, ((name,),)) is holds


ROUNDTABLE_ARTICLE = "탕제 최고경영자(CEO)가 진행자로 나섰고 … 린쥔양 기술책임자, … 야오순위 AI 책임자가 참석했다."


@pytest.mark.parametrize(("text", "speaker"), [
    ("탕 CEO는 “하지만 실제 격차는 오히려 커지고 있을 가능성이 있다”며 낙관론을 경계했다.", "탕제"),  # in full
    ("린 기술책임자는 “제한된 자원이 혁신을 촉진했다”며", "린쥔양"),
    ("야오 AI책임자는 “리소그래피 기계를 포함한 …”고 지적했다.", "야오순위"),
    ("베버는 \"사회적 통치는 …\"고 설명했다.", "베버"),  # no fuller name in the article
    ("그러나 중국 AI 업계가 직면한 현실은 냉혹하다는 것이 공통된 견해다.", ""),  # no speaker at its opening
])
def test_speaker_of_is_the_person_a_sentence_reports_speaking(text, speaker):
    assert speaker_of(text, ROUNDTABLE_ARTICLE) == speaker


@pytest.mark.parametrize(("question", "kind"), [
    ("소련이 세계 최초 인공위성을 쏜 해는?", DATE), ("즈푸AI가 상장한 해는?", DATE), ("무엇을 해야 해?", None)])
def test_the_year_of_an_act_is_a_date(question, kind):
    assert expected_type(question) == kind


def test_a_construction_is_an_attribute_a_plan_s_verb_is_not():
    assert not names_attributes("When was El Capitan built?", "2024년 엘 캐피탄이 1위에 올랐다", (("캐피탄",),))
    assert names_attributes("When was El Capitan built?", "2024년 건설된 엘 캐피탄", (("캐피탄",),))
    assert not asks_attribute("인식트그룹은 미국이 무엇을 해야 한다고 결론지었어?")  # 결론지었: no building


@pytest.mark.parametrize(("question", "speech"), [
    ("Why does Lin think China lags behind?", True), ("Why does the speaker think encryption will fail?", False),
    ("What does Lin think about compute?", True),
    ("What did Weber believe?", True), ("What did the think tank reports contain?", False)])
def test_a_view_held_is_asked_as_said(question, speech):
    assert asks_speech(question) is speech


def test_a_number_in_the_unit_counted_answers_a_count():
    assert measured_in(("exaflop", "엑사플롭스"), "'엘 캐피탄'이 1.7엑사플롭스의 계산능력을 가진 것")
    assert not measured_in(("exaflop", "엑사플롭스"), "초당 3천경 번의 연산을 처리할 수 있는 능력")
