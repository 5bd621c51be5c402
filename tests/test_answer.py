"""Extractive answers on the real index (default encoder)."""

import re

import pytest

from rag.answer import ASKED_CATEGORY, COMPARES_NAMES, Asked, answer_type, figures, is_heading, owns, with_full_names
from rag.answer_types import NUMBER, PEOPLE, PERSON, expected_type
from rag.bridge import TermMatch
from rag.documents import Article


def _norm(s):
    return re.sub(r"\s+", " ", s)


def test_korean_question_cites_the_30_exaflops_passage(service):
    answer = service.ask("우한시가 올해 갖출 예정인 총 컴퓨팅 능력은?")
    assert not answer.abstained and answer.language == "ko"
    assert "30엑사플롭스" in answer.answer
    assert any(c.source == "000_0ff4d9a7b0de7461.txt" and "30엑사플롭스" in c.text for c in answer.citations)


def test_english_question_gets_english_frame_and_the_ipo_passage(service):
    answer = service.ask("How much money did Zhipu AI raise in its Hong Kong IPO?")
    assert not answer.abstained and answer.language == "en"
    assert answer.answer.startswith("$558 million [1]. From the Korean articles")  # the sum in English, cited
    assert "5억 5800만 달러" in answer.answer
    assert any(c.source == "001_059b92a04e5dc1f0.txt" and "5억 5800만 달러" in c.text for c in answer.citations)


@pytest.mark.parametrize("question", ["What is the capital of Australia?", "애플의 2024년 아이폰 판매량은?",
                                      # the lab has it; no maker is named, nor near Huawei ("…으로 만드는")
                                      "엘 캐피탄을 만든 회사는 어디야?", "Which Korean company makes HBM memory for Huawei?",
                                      # no product: 제품 is only inside 시제품; the director of "PKU-Wuhan" (PKU, 우한)
                                      "What is Moonshot's main AI product called?",
                                      "What is the name of the PKU-Wuhan institute's director?",
                                      # "올해 초 공개된 ‘딥시크’": R1 is in another article
                                      "딥시크 R1은 언제 공개됐어?", "When was DeepSeek's R1 released?"])
def test_unanswerable_questions_abstain_without_citations(service, question):
    answer = service.ask(question)
    assert answer.abstained and answer.citations == ()
    assert "don't say" in answer.answer or "찾지 못했습니다" in answer.answer


@pytest.mark.parametrize("question", [
    "How much did Moonshot raise in its IPO?",  # the IPO sentences name other companies' sums
    "우한시의 인구는 몇 명인가?",  # Wuhan's institutions are counted, its people are not
    "What was Alibaba's revenue last year?",
    "엘 캐피탄은 언제 가동을 시작했나?",  # its speed is given, not a date
    "How much did Alibaba spend on AI research last year?",  # a sum raised is no spending
    "How much did Zhipu AI's shares rise on their first trading day?",  # nor a share price
    "When was Moonshot AI founded?",  # the labs' branches were founded: the article naming Moonshot says nothing
    "우한 컴퓨팅 중심지의 전력 소비량은?",  # its computing capacity is given, not what it consumes
    "How much electricity does Wuhan's computing grid consume?",  # nor the electricity it uses
    "How many supercomputers does Wuhan operate?",  # its zones and parks are counted, not supercomputers
    "Who became US president in 2024?",  # the president named is in a photo caption of 2025
    "CSET는 어디에 있나?",  # the labs its report is about are in Beijing; where CSET is, no sentence says
    "How much money did China's semiconductor fund raise?",  # the fund sentence names no sum, MiniMax's no fund
    "How many AI researchers work in Wuhan?",  # its institutions and firms are counted, no people
    "What prison sentence did the former SK Hynix employee receive?",  # indicted, no sentence given
    "What is the peak performance of Nvidia's H100 in teraflops?",  # no figure in flops
    "When did Insikt Group publish its first report?",  # Sputnik was the first satellite
    "Which country has the most AI researchers?",  # "중국 최고의 국영 AI 기관들": the best, not the most
    "인식트그룹 보고서는 몇 쪽 분량인가?",  # no page count
    "What is the exchange rate between the US dollar and the Korean won?",  # sums in both currencies are no rate
    "Which Korean company did DeepSeek partner with?",  # no partnership
    "What did Xi Jinping say when he visited the BRICS bank?",  # a photo caption: he applauds, says nothing
    "What is Moonshot's flagship model called?",  # the model named is Alibaba's, in another clause
    "What is the title of the CSET report on China's AGI push?",  # the report is quoted, never titled
    "When did Tencent hire Yao Shunyu?",  # "최근 텐센트에 합류한": no date; the roundtable's day is no hiring
    "Who leads the CSET research center?",  # its senior analyst is no head
    "오픈AI의 최고경영자는 누구인가?",  # the CEOs named are Zhipu's and Moonshot's
    "Who is the current president of the United States?",  # the caption's 총재 is a bank's; 미국 is elsewhere
    "How much did Moonshot raise when it listed in Hong Kong?",  # the listing sums are Zhipu's and MiniMax's
    # the glossary translates patents (특허) and chatbot (챗봇), and the articles use neither: none is counted or named
    "How many AI chip patents has Huawei filed?",
    "What is the name of Zhipu AI's flagship chatbot?",
    "How long did it take Zhipu AI to train its model?",  # "5800만 달러": 달러 is no month
    "How much does one exaflop of computing cost?",  # a listing's sum is no cost
    "When will Wuhan's AGI project be finished?",  # the plan's year is no completion
    "Who succeeded Dilma Rousseff at the New Development Bank?",  # the caption names her in office
])
def test_near_topic_questions_asking_for_a_kind_of_answer_the_articles_lack_abstain(service, question):
    answer = service.ask(question)
    assert answer.abstained and answer.citations == ()


@pytest.mark.parametrize("question", [
    "Who is the CEO of Baidu?",  # the roundtable sentence names a CEO, but Zhipu's
    "Who founded DeepSeek?",
    "미니맥스의 창업자는 누구인가?",
    "알리바바의 CEO는 누구인가?",  # Alibaba and a CEO in one sentence, in different clauses
    "즈푸AI는 언제 설립되었나?",  # the day it listed is not the day it was founded
    "When was Insikt Group founded?",  # the founding named is of other labs' branches
    "What is Hannas's nationality?",  # his quote after his name says none
    "What is the clock speed of Huawei's Ascend chip?",
    "What is the GDP of Wuhan?",  # a sum of money, and no sentence gives Wuhan's
    "What is the weather in Wuhan?",
    "딥시크 R1 개발에 사용된 칩은 몇 개인가?",  # the chip counts are in an article that never names DeepSeek
    "화웨이 어센드 칩의 성능은 A100의 몇 퍼센트인가?",  # the one percentage is Lin Junyang's estimate
    "When did Baidu launch Ernie Bot to the public?",  # the article's date is of a photo of Baidu's office
    "우한시 시장은 누구인가?",
    "What does Huawei's Ascend chip cost?",
    "How many iPhones did Apple sell last year?",  # no sale is named anywhere
    "즈푸AI의 다음 모델은 언제 출시되나?",  # the day Zhipu listed is no launch
    "Which university did Yao Shunyu graduate from?",
    "How much did OpenAI invest in Wuhan?",  # the IPO sums are in an article that never names Wuhan
    "What did Tang Jie say about Nvidia?",  # he said nothing about it; others did
    "즈푸AI의 대표 AI 모델 이름은?",  # the model named beside Zhipu is Alibaba's
    "SK하이닉스 전직 직원의 이름은?",  # never named
    "What is the name of Tencent's AI model?",  # Tencent is named, and models, but not Tencent's
    "Who is the CEO of MiniMax?",  # MiniMax 미니맥스: the CEO named in the panel sentence is Moonshot's
    "엔비디아 H100의 가격은?",  # the sentence naming H100 gives no price
    "What is the name of Nvidia's CEO?",  # Nvidia 엔비디아: the CEO named is Zhipu's
    "When will Wuhan's new supercomputing center open?",
    "즈푸AI 주식의 상장 첫날 종가는?",  # a closing price is a share price, which no sentence gives
    "How much did Samsung invest in AI chips?",  # the sums are raised in IPOs, not invested
    "How much did Amazon pay for its AI startup?",
    "베이징이 올해 갖출 컴퓨팅 능력은?",  # the capacity is Wuhan's
    "What did Tang Jie say about MiniMax's listing?",  # "이러한 반응은 … 미니맥스가 ‘초대박 상장’ …" reports no speech
    "When will Wuhan's social simulator be deployed nationwide?",  # the only date near Wuhan is a photo caption's
    "오픈AI의 최고경영자는 누구인가?",  # "탕 CEO는 … 오픈소스": 오픈 is a piece of 오픈AI, no 오픈소스
])
def test_role_and_attribute_questions_about_what_the_articles_do_not_say_abstain(service, question):
    answer = service.ask(question)
    assert answer.abstained and answer.citations == ()


def test_an_organisation_korean_translates_is_not_called_unmentioned(service):
    answer = service.ask("When did China's Cyberspace Administration order providers not to share data abroad?")
    assert not answer.abstained and "국가사이버정보판공실" in answer.answer.split("[1]")[1]


def test_a_country_the_articles_never_name_is_said_to_be_unmentioned(service):
    answer = service.ask("What is Japan's AI strategy?")  # China's strategy is no answer
    assert answer.abstained and "“Japan”" in answer.answer
    assert not service.ask("What did Germany say about Chinese AI?").abstained  # 독일 외교관계위원회
    japanese = service.ask("Which Japanese companies joined the AGI-Next roundtable?")  # Japanese 일본: never named
    assert japanese.abstained and "“Japanese”" in japanese.answer
    assert not service.ask("How much is MiniMax's IPO worth in Korean won?").abstained  # "Korean" is the currency


def test_a_korean_question_about_one_place_is_not_answered_with_another_places_figure(service):
    """"베이징이 …": the capacity sentence is Wuhan's, and neither it nor the one before it names 베이징."""
    assert service.ask("베이징이 올해 갖출 컴퓨팅 능력은?").abstained
    assert "30엑사플롭스" in service.ask("우한시가 올해 갖출 컴퓨팅 능력은?").answer


def test_first_at_the_end_of_a_question_is_no_ordinal(service):
    """"… reaching AGI first?" (before the others) asks for no "first" (최초) the sentence must name."""
    assert not service.ask("What does Weber say gives China a better chance of reaching AGI first?").abstained


@pytest.mark.parametrize(("question", "name"), [
    ("Who is the technical lead of Alibaba's Qwen?", "린쥔양"),
    ("문샷의 창업자는 누구인가?", "양즈린"),
    ("CSET 보고서의 주 저자는 누구인가?", "한나스"),  # the title before the name
    ("Who founded Zhipu AI?", "탕제"),
    ("Where is Baidu's headquarters?", "베이징"),
    ("What is the name of the chatbot-style AI that Baidu developed?", "어니봇"),
    ("알리바바의 오픈소스 모델 이름은?", "큐웬"),
    ("바이두가 활용하려는 화웨이 칩의 이름은?", "어센드"),  # "화웨이의 '어센드' 등 중국산 칩": Huawei's chip
    ("엘 캐피탄을 보유한 연구소의 이름은?", "로렌스 리버모어"),  # "보유" need not be in the answer
    ("What is the name of the Lawrence Livermore supercomputer?", "엘 캐피탄"),  # "…연구소의 '엘 캐피탄'"
    ("두 AI 연구소는 우한에 무엇을 설립했나?", "지사"),
])
def test_role_and_attribute_questions_quote_the_sentence_naming_them(service, question, name):
    answer = service.ask(question)
    assert not answer.abstained and name in answer.answer


@pytest.mark.parametrize(("question", "name"), [
    ("우한의 GDP는?", "GDP"),
    ("삼성전자의 올해 반도체 투자 규모는?", "삼성전자"),
])
def test_a_question_naming_something_the_articles_never_mention_abstains_and_says_so(service, question, name):
    answer = service.ask(question)
    assert answer.abstained and answer.citations == () and name in answer.answer


@pytest.mark.parametrize(("question", "name"), [
    ("Who is the CEO of Google?", "Google"),  # typed, but Zhipu's CEO is no answer
    ("When was Amazon founded?", "Amazon"),
    ("What did Sam Altman say about DeepSeek?", "Sam Altman"),
    ("How much did ByteDance raise?", "ByteDance"),  # MiniMax's sum is no answer
])
def test_an_english_question_naming_something_the_articles_found_never_spell_abstains(service, question, name):
    answer = service.ask(question)
    assert answer.abstained and answer.citations == () and f"“{name}”" in answer.answer


@pytest.mark.parametrize(("question", "quoted"), [
    ("What does Yang Zhilin do at Moonshot?", "문샷의 양즈린"),  # Kiwi splits 문샷: heard in the text
    ("According to Weber, what is social governance a euphemism for?", "베버"),  # German W: 베버
    ("Which Chinese company developed Ernie Bot?", "어니봇"),  # run together: ErnieBot 어니봇
    ("How does Tsinghua University relate to Zhipu AI?", "칭화대"),
    ("What did the Cyberspace Administration of China tell information providers in March?", "판공실"),
])
def test_english_names_the_articles_spell_by_sound_or_translate_are_found(service, question, quoted):
    answer = service.ask(question)
    assert not answer.abstained and quoted in answer.answer


@pytest.mark.parametrize(("question", "quoted"), [
    ("What did Tang Jie say about the gap with the US?", "실제 격차는 오히려 커지고"),  # his, not Hannas's
    ("탕제 CEO는 중국 AI와 미국의 격차에 대해 어떻게 말했나?", "실제 격차는 오히려 커지고"),
    ("What did CNBC say about DeepSeek's model updates?", "일곱 차례 모델 업데이트"),
])
def test_what_someone_said_about_something_is_quoted_from_their_article(service, question, quoted):
    answer = service.ask(question)
    assert not answer.abstained and quoted in answer.answer.split("[1]")[0]


def test_a_korean_name_spelt_with_a_confusable_vowel_is_not_called_unmentioned(service):
    answer = service.ask("앤비디아의 A100은 중국에 몇 개 있나?")  # the article writes 엔비디아
    assert not answer.abstained and "4만~5만 개" in answer.answer


def test_a_name_heard_only_by_sound_is_the_subject_of_its_role(service):
    answer = service.ask("Who founded Moonshot?")  # Kiwi splits 문샷 into 문 + 샷: no index term to bridge to
    assert not answer.abstained and "양즈린" in answer.answer.split("[1]")[0]


def test_a_person_named_by_surname_only_counts_as_named(service):
    answer = service.ask("What chance did he give China of taking the lead?", ["Who is Lin Junyang?"])
    assert not answer.abstained and "20%" in answer.answer.split("[1]")[0]  # "린 기술책임자는 … 20%"


def test_with_full_names_adds_the_person_a_surname_stands_for():
    bridged = (TermMatch("LinJunyang", "린쥔양", 1.0, "sound"), TermMatch("LinJunyang", "린", 0.9, "surname"),
               TermMatch("YaoShunyu", "야오순위", 1.0, "sound"), TermMatch("YaoShunyu", "야오", 0.9, "surname"))
    assert with_full_names(("린", "기술", "책임자"), "린 기술책임자는", bridged) == ("린", "기술", "책임자", "린쥔양")
    assert with_full_names(("오", "ai"), "야오 AI책임자는", bridged) == ("오", "ai", "야오순위")
    assert with_full_names(("탕",), "탕 CEO는", bridged) == ("탕",)


def test_a_korean_question_naming_a_person_in_full_finds_the_sentence_naming_them_by_surname(service):
    answer = service.ask("린쥔양은 중국이 어떻게 한계를 넘어야 한다고 했나?")
    assert not answer.abstained
    assert answer.answer.startswith("린 기술책임자는 “제한된 자원이")  # not the panel roster naming him in full


def test_only_names_the_bridge_spells_almost_exactly_must_be_in_the_answer_article(service):
    query = service.retriever.prepare("When did Baidu launch Ernie Bot, according to CSET and Moonshot?")
    names = service.composer._english_names(query, query.text)
    assert ("baidu", "바이두") in [tuple(sorted(n)) for n in names]
    assert ("cset",) in names  # an acronym the index has
    assert not any("moonshot" in n for n in names)  # 문샷 is split by Kiwi: no spelling, not checked


def test_asked_wants_the_kind_the_counter_the_names_and_the_years():
    def article(text: str, date: str = "") -> Article:
        return Article("a.txt", text, date=date)

    a100 = "예컨대 챗GPT 같은 대화형 AI 개발·구동엔 A100가 5,000~1만 개가 필요한데, 중국엔 4만~5만 개밖에 없다."
    chips = Asked("딥시크 R1 개발에 사용된 칩은 몇 개인가?", NUMBER, (), (("딥시크",), ("r1",)))
    assert not chips.answered_by(a100, a100, article("바이두 … " + a100))  # the article never names DeepSeek
    assert chips.answered_by(a100, a100, article("딥시크 R1 … " + a100))
    updates = "딥시크는 이후 일곱 차례 모델 업데이트를 발표했다."
    assert not chips.answered_by(updates, updates, article("딥시크 R1 … " + updates))  # 차례 does not count 개
    ceo = Asked("알리바바의 CEO는 누구인가?", PERSON, (("알리바바",),), (("알리바바",),))
    panel = "탕제 최고경영자(CEO)가 진행자로 나섰고 알리바바의 오픈소스 모델 큐웬(Qwen)의 린쥔양 기술책임자가 참석했다."
    assert not ceo.answered_by(panel, panel, article(panel))
    assert Asked("What did he say?", None).answered_by(updates, updates, article(updates))
    xi = "시진핑 중국 국가주석이 2025년 4월 29일 중국 상하이에서 박수를 보내고 있다."
    election = Asked("Who won the 2024 US presidential election?", None, years=("2024",))
    assert not election.answered_by(xi, xi, article(xi))  # a sentence about 2025 says nothing of 2024
    wsj = "7일(현지시간) 미국 월스트리트저널(WSJ)에 따르면 중국 IT 기업들은 공동 연구에 나섰다."
    report = Asked("What did the WSJ report in 2023?", None, years=("2023",))
    assert report.answered_by(wsj, wsj, article(wsj, date="2023-05-08 20:02"))  # the article is of that year
    assert not report.answered_by(wsj, wsj, article(wsj))
    plan = "우한시는 올해 총 30엑사플롭스의 컴퓨팅 능력을 갖출 예정이다."
    assert Asked("What is Wuhan's 2025 capacity target?", None, years=("2025",)).answered_by(plan, plan, article(plan))
    dated = "연평도 포격 사건은 2010년 11월 23일 북한이 연평도 해병대 기지에 포를 발사한 사건이다."
    killed = "이날 포격으로 해병 2명이 사망하고, 16명이 중경상을 입었다."
    shelling = Asked("2010년 연평도 포격으로 해병은 몇 명이 사망했나?", PEOPLE, years=("2010",))
    assert shelling.answered_by(killed, killed, article(dated + " " + killed, date="2018"), dated_by=dated)  # "이날"
    assert not shelling.answered_by(killed, killed, article(dated + " " + killed, date="2018"))


def test_a_sentence_opening_that_day_is_dated_by_the_one_before(service):
    composer, store = service.composer, service.store
    minimax = next(sid for sid in range(store.sentence_vectors.shape[0])
                   if store.sentence_text(sid).startswith("같은 날 미니맥스도"))
    doc, _ = store.sentence(minimax)
    assert "5억 5800만 달러" in composer._dated_by(minimax, doc, store.sentence_text(minimax))
    zhipu = minimax - 1
    assert composer._dated_by(zhipu, doc, store.sentence_text(zhipu)) == ""  # opens with no "that day"


def test_an_english_percentage_answer_leads_with_the_share_in_english(service):
    answer = service.ask("What chance did Lin Junyang give China of leading within 3 to 5 years?")
    assert answer.answer.startswith("About 20% [1]. ")


def test_passages_holding_an_answer_of_the_asked_kind_rank_first(service):
    """The panel roster (Alibaba, Qwen, Lin Junyang by name) scores higher than the passage with his 20%."""
    hits = service.search("What odds did Alibaba's Qwen lead give China of leading AI within five years?")
    assert "20%" in hits[0].chunk.text
    assert "30엑사플롭스" in service.search("What computing capacity is Wuhan expected to reach this year?")[0].chunk.text


def test_a_why_question_is_answered_by_the_sentence_giving_the_reason(service):
    answer = service.ask("Why can Chinese firms no longer bring in high-end US chips?")
    assert not answer.abstained and "반도체 수출 규제로" in answer.answer.split(" [1]")[0]


def test_a_follow_up_opening_with_geugeon_keeps_the_topic(service):
    answer = service.ask("그건 어떤 사건에 비유됐어?", ["딥시크는 어떤 점에서 주목받았어?"])
    assert not answer.abstained and "스푸트니크" in answer.answer


def test_where_something_happened_is_no_question_of_where_something_is(service):
    answer = service.ask("In which city was Xi Jinping photographed at the BRICS bank?")
    assert not answer.abstained and "상하이" in answer.citations[0].text


def test_a_follow_up_asking_what_he_said_needs_the_person_of_the_turn_before(service):
    assert service.ask("What did he say about Chinese AI?", ["Who is Yang Zhilin?"]).abstained  # he never speaks
    answer = service.ask("What did he say?", ["Who is Yao Shunyu?"])
    assert not answer.abstained and "병목현상" in answer.answer.split(" [1]")[0]  # "야오 AI책임자는 …"


def test_a_follow_up_asking_about_him_needs_a_sentence_naming_him(service):
    # Peking University is the PKU-Wuhan institute's, not where Weber studied
    assert service.ask("Which university did he study at?", ["Who is Valentin Weber?"]).abstained
    assert service.ask("Which university did he study at?", ["What did Weber say about social governance?"]).abstained
    answer = service.ask("Which company did he join recently?", ["Who is Yao Shunyu?"])
    assert not answer.abstained and "텐센트에 합류한" in answer.answer


def test_a_verb_the_article_says_with_a_synonym_is_bridged_by_the_glossary(service):
    answer = service.ask("What is eating up much of China's computing resources?")  # eat: 먹, 소모
    assert not answer.abstained and "납품·상용화 업무만으로도" in answer.answer


def test_a_count_of_one_model_is_not_answered_by_a_count_of_another(service):
    assert service.ask("중국이 보유한 H100은 몇 개야?").abstained  # the articles count China's A100s
    answer = service.ask("중국이 보유한 A100은 몇 개야?")
    assert not answer.abstained and "4만~5만 개" in answer.answer


def test_building_something_is_making_it(service):
    answer = service.ask("What did it build in response?", ["Why is China struggling to get lithography machines?"])
    assert not answer.abstained and "자체 시제품을 만들었다" in answer.answer.split(" [1]")[0]  # build: 만들 too


def test_calling_for_something_is_urging_it(service):
    answer = service.ask("What kind of environment did Tang Jie call for?")  # call: 요청/촉구/당부
    assert not answer.abstained and "시간을 할애할 수 있는 환경" in answer.answer.split(" [1]")[0]


def test_what_someone_does_is_asked_as_a_definition(service):
    """"하는 일은?": the sentence defining Insikt Group ("… 기여하는 기관이다."), not one with 일 in it."""
    answer = service.ask("인식트그룹이 하는 일은?")
    assert not answer.abstained and "정보를 수집하고 분석해" in answer.answer.split(" [1]")[0]


def test_a_korean_owner_kiwi_cuts_into_common_words_still_owns_the_thing_asked(service):
    assert service.ask("문샷의 AI 모델 이름은?").abstained  # 큐웬 is Alibaba's; Kiwi reads 문샷 as 문 + 샷
    answer = service.ask("알리바바의 AI 모델 이름은?")
    assert not answer.abstained and "큐웬" in answer.answer


def test_a_why_question_quotes_the_reason_given_after_the_best_sentence(service):
    answer = service.ask("What prompted China to restrict foreign access to its information?")
    assert not answer.abstained and "결정적 계기가 됐다" in answer.answer


def test_a_why_question_quotes_the_explanation_after_a_quote_right_after_it(service):
    """"… 치명적 약점으로 남게 될 수 있다는 관측도 제시했다." is explained by the next sentence ("… 역부족이라는 것이다.")."""
    answer = service.ask("Why is semiconductor capability considered China's weak point in the AI race?")
    quotes = answer.answer.split("” [")
    assert any("치명적 약점" in q for q in quotes[:-1])
    follows = next(i for i, q in enumerate(quotes) if "치명적 약점" in q) + 1
    assert "역부족이라는 것이다" in quotes[follows]


def test_a_roles_subject_may_be_named_in_the_sentence_before_the_title(service):
    """The roundtable is named in the sentence before Tang's ("… 진행자로 나섰고 …"); Next of "AGI-Next", a common
    word, is no name of its own the moderator's sentence must hold."""
    assert not service.ask("Who moderated the AGI-Next roundtable?").abstained
    answer = service.ask("Who moderated the AGI Next roundtable?")
    assert not answer.abstained and "탕제" in answer.answer
    # the sentence before counts in full for the coverage of the moderator's sentence (support 0.861 -> 0.879)
    answer = service.ask("원탁회의 진행자는 누구였어?")
    assert not answer.abstained and answer.answer.startswith("즈푸AI 창업자이자 칭화대 교수이기도 한 탕제")


def test_a_model_code_no_retrieved_article_writes_is_absent(service):
    answer = service.ask("When did DeepSeek release its V3 model?")  # Korean writes R1 and H800 as they are
    assert answer.abstained and "V3" in answer.answer
    assert not service.ask("How many H800s match the performance of 1,000 H100s?").abstained


def test_a_country_an_index_term_spells_in_english_is_named_by_its_korean_name_too(service):
    composer = service.composer
    query = service.retriever.prepare("What share of Americans trust the US government?")
    names = composer._english_names(query, query.text)
    assert ("us", "미국", "美") in names  # "US" is no word of a Korean article: 미국 is


def test_a_one_syllable_surname_names_a_person_only_before_a_title(service):
    # Xi's 시 is a token of 우한시: the Wuhan government's notice is nothing Xi said
    assert service.ask("What did Xi Jinping say about Wuhan?").abstained
    answer = service.ask("What did Lin Junyang say about computing power?")
    assert not answer.abstained and answer.answer.split(" [1]")[0].find("린 기술책임자는") >= 0


def test_a_speaker_named_by_a_role_is_whoever_the_articles_name_in_it(service):
    assert service.ask("What did Alibaba's CEO say at the roundtable?").abstained  # Tang is Zhipu's CEO
    assert service.ask("What did the mayor of Wuhan say about AI?").abstained  # no mayor is named
    answer = service.ask("What bottlenecks did Tencent's AI chief describe?")  # 야오순위, "야오 AI책임자는 …"
    assert not answer.abstained and "리소그래피" in answer.answer.split(" [1]")[0]
    # the clause gives Zhipu's founder, but no name right before the title ("즈푸AI 창업자이자 … 탕제 최고경영자"): no
    # one is required, and Zhipu itself is no speaker
    answer = service.ask("What did Zhipu AI's founder say about the gap?")
    assert not answer.abstained and "탕 CEO는" in answer.answer.split(" [1]")[0]


def test_providing_is_no_supplying(service):
    assert not service.ask("Which country provides the A100 and H100 chips?").abstained  # "미국 기업 엔비디아의"


def test_the_kind_asked_for_after_eoneu_is_no_word_a_sentence_should_contain(service):
    """"어느 기관 소속이야?": "독일 외교관계위원회 … 센터의 발렌틴 베버는" names the body without saying 기관."""
    answer = service.ask("발렌틴 베버는 어느 기관 소속이야?")
    assert not answer.abstained and "독일 외교관계위원회" in answer.answer


def test_the_kind_asked_for_with_eodi_is_no_word_a_sentence_should_contain(service):
    """"참여 기관은 어디야?" asks which ones: the sentence naming them leads, not "수십 개의 … 기관"."""
    answer = service.ask("우한 공동 사업 참여 기관은 어디야?")
    assert answer.answer.startswith("중국과학원 자동화 연구소")


def test_a_size_asked_in_dollars_needs_the_sum_of_what_is_asked_about(service):
    """The fund's size is not given; MiniMax's $619 million is no fund's."""
    assert service.ask("How large is the Chinese government's semiconductor fund in dollars?").abstained


def test_an_acronym_korean_translates_is_no_name_a_sentence_must_write(service):
    """"IPO" is written once, in a headline; the sentences about MiniMax's listing say 상장 or 조달."""
    answer = service.ask("Tell me about the MiniMax IPO")
    assert not answer.abstained and "미니맥스" in answer.answer


@pytest.mark.parametrize("question", ["Did MiniMax raise more than Zhipu AI?", "미니맥스가 즈푸AI보다 더 많이 조달했어?",
                                      "Did Zhipu AI list before MiniMax?", "즈푸AI가 미니맥스보다 먼저 상장했어?"])
def test_a_comparison_of_two_names_quotes_each_sides_sentence(service, question):
    """Not "이러한 반응은 … 즈푸AI와 미니맥스가 ‘초대박 상장’을 한 직후에 …", which names both and tells neither sum."""
    answer = service.ask(question)
    assert "6억 1900만 달러" in answer.answer and "5억 5800만 달러" in answer.answer
    assert "이러한 반응은" not in answer.answer


@pytest.mark.parametrize("question", ["Which is bigger, Tencent or Alibaba?", "Which has more users, Baidu or Tencent?"])
def test_a_comparison_no_sentence_measures_abstains(service, question):
    assert service.ask(question).abstained  # each side's sentence was quoted, neither with a figure


def test_a_comparison_each_side_measures_quotes_both(service):
    answer = service.ask("Did MiniMax raise more than Zhipu AI?")
    assert "6억 1900만 달러" in answer.answer and "5억 5800만 달러" in answer.answer
    assert "오픈AI" in service.ask("Where did Yao Shunyu work before Tencent?").answer  # "before Tencent" compares nothing


def test_a_comparison_in_time_is_no_comparison_of_names():
    assert not COMPARES_NAMES.search("Which company did Yao Shunyu join after leaving OpenAI?")
    assert COMPARES_NAMES.search("Did Zhipu AI list before MiniMax?")


def test_whether_a_person_said_something_needs_their_speech_and_a_country_says_nothing(service):
    assert service.ask("Did Yang Zhilin say China would lead AI within five years?").abstained  # never quoted
    assert service.ask("양즈린은 중국이 5년 안에 AI를 선도할 거라고 했어?").abstained
    answer = service.ask("Did Lin Junyang say China's chance of leading is about 20%?")
    assert not answer.abstained and "20%" in answer.answer


def test_he_after_asking_who_holds_a_role_is_not_the_roles_owner(service):
    """"Who is Alibaba's Qwen tech lead?" names Alibaba and Qwen as the role's owners: "he" is Lin, whose compute
    quote never names them (it was required to, and the follow-up abstained)."""
    answer = service.ask("What did he say about compute?", ["Who is Alibaba's Qwen tech lead?"])
    assert not answer.abstained and "10~100배" in answer.answer
    assert service.ask("Which university did he study at?", ["Who is Valentin Weber?"]).abstained  # Weber is "he"


@pytest.mark.parametrize(("question", "earlier", "quoted"), [
    # "he" is the person the earlier answer gave in the role, searched for with the question ("탕 CEO는 …")
    ("What did he say?", "Who moderated the roundtable?", "실제 격차는 오히려 커지고"),
    ("그는 무슨 경고를 했어?", "원탁회의 진행자는 누구였어?", "실제 격차는 오히려 커지고"),  # abstained (support 0.866)
    ("What did he say?", "Who joined Tencent from OpenAI?", "리소그래피"),  # abstained: Yao's quote was not retrieved
])
def test_he_after_asking_who_holds_a_role_is_the_person_the_answer_gave(service, question, earlier, quoted):
    answer = service.ask(question, [earlier])
    assert not answer.abstained and quoted in answer.answer.split("[1]")[0]


def test_he_is_never_quoted_when_the_person_the_answer_gave_said_nothing(service):
    assert service.ask("What did he say?", ["Who is the founder of Moonshot?"]).abstained  # 양즈린 is never quoted


def test_a_speech_question_s_person_named_by_surname_and_title_covers_the_name(service):
    answer = service.ask("What did Tang Jie say?")  # "탕 CEO는 “…”": abstained, 탕제 counted as a word not held
    assert not answer.abstained and "탕 CEO" in answer.answer.split("[1]")[0]


@pytest.mark.parametrize(("question", "quoted"), [
    ("Why is China's compute consumed faster than America's, according to Lin?", "납품·상용화"),  # Lin's words
    ("What does the large number of registered AI models indicate?", "참여한다는 의미"),  # and what it means
    ("How mature is China's AI ecosystem, according to Insikt Group?", "성숙한 단계"),  # mature 성숙 (glossary)
])
def test_paraphrased_english_questions_quote_the_sentence_that_answers(service, question, quoted):
    answer = service.ask(question)
    assert not answer.abstained and quoted in answer.answer


@pytest.mark.parametrize("question", ["원탁회의 참석자들을 알려줘.", "List the four tech leads at the roundtable.",
                                      "Who attended the AGI roundtable?"])
def test_a_question_asking_who_took_part_gets_the_roster_after_the_sentence_announcing_them(service, question):
    answer = service.ask(question)  # the roster ("… 린쥔양 기술책임자, 문샷의 양즈린 창업자 …") follows "… 기술책임자들이 모여"
    assert not answer.abstained and "린쥔양 기술책임자" in answer.answer and "4대 AI 기업" in answer.answer


def test_a_roster_names_several_people_by_title():
    from rag.answer import ROSTER

    assert ROSTER.search("알리바바의 오픈소스 모델 큐웬(Qwen)의 린쥔양 기술책임자, 문샷의 양즈린 창업자 겸 CEO")
    assert not ROSTER.search("중국을 대표하는 4대 AI 기업 기술책임자들이 모여 …")  # 대표하는 is no title, nor 기업 a name


def test_a_count_of_something_else_answers_no_how_many_question(service):
    assert service.ask("How many data centers does Wuhan plan to build this year?").abstained  # "30엑사플롭스"


@pytest.mark.parametrize(("question", "named"), [
    ("일본의 AI 전략을 설명해줘.", "일본"),  # answered from China's strategy: 일본 was respelled 일보
    ("딥시크에 대한 EU의 반응을 요약해줘.", "EU"),  # a two-letter acronym Kiwi takes for no name
])
def test_a_korean_request_about_what_the_articles_never_name_abstains_saying_so(service, question, named):
    answer = service.ask(question)
    assert answer.abstained and f"‘{named}’" in answer.answer


def test_a_korean_request_is_answered_like_the_question_it_wraps(service):
    answer = service.ask("바이두가 검토하는 중국산 칩 이름을 말해줘.")  # abstained: "이름을 말해" asked for 말
    assert not answer.abstained and "어센드" in answer.answer.split("[1]")[0]
    assert not service.ask("US의 반도체 규제는 언제 시작됐어?").abstained  # US is 미국


def test_a_korean_questions_acronym_is_found_by_its_korean_rendering(service):
    answer = service.ask("중국은 EUV 장비를 수입할 수 있어?")  # the article writes 극자외선
    assert not answer.abstained and "극자외선 리소그래피 기계 수입이 불가능" in answer.answer


def test_a_name_korean_writes_as_one_word_with_the_next_is_heard_joined(service):
    answer = service.ask("Which Chinese company developed Ernie bot?")  # 어니봇
    assert not answer.abstained and "바이두" in answer.answer.split(" [1]")[0]


def test_the_person_a_korean_question_opens_with_may_be_named_by_surname_and_title(service):
    answer = service.ask("야오순위가 지적한 병목현상은 어디서 생기고 있어?")  # "야오 AI책임자는 …"
    assert not answer.abstained and "소프트웨어 생태계" in answer.answer


def test_a_follow_up_asking_something_new_does_not_lead_with_the_quote_just_given(service):
    answer = service.ask("And what weakness could hurt it?", ["What does Insikt Group say about China's 2030 goal?"])
    assert not answer.abstained and "치명적 약점" in answer.answer.split(" [1]")[0]


def test_a_follow_up_stays_with_the_article_the_earlier_answer_quoted(service):
    """"How many does China have?" shares no word with the A100 sentence; the chips question's answer came from
    the same article (``ANCHOR_SCALE``)."""
    answer = service.ask("How many does China have?", ["What chips did the US stop selling to China?"])
    assert not answer.abstained and "4만~5만 개" in answer.answer


def test_a_follow_up_saying_almost_nothing_of_its_own_stays_next_to_the_earlier_quote(service):
    """"Where does he work?" has one word of its own; the sentence next to the Weber quote just given says
    where he works (``ELLIPTIC_ANCHOR_FACTOR``)."""
    answer = service.ask("Where does he work?", ["What did Valentin Weber say about China's AGI goals?"])
    assert not answer.abstained and "외교관계위원회" in answer.answer


def test_a_follow_up_asking_what_comes_next_also_gets_the_sentence_after_the_quote(service):
    answer = service.ask("What does that show?", ["How many generative AI models are registered in China?"])
    assert not answer.abstained and "302개" in answer.answer and "다수의 기업 및 기관이" in answer.answer
    assert len(answer.answer.split("” [")) - 1 <= service.answer_config.max_sentences
    roster = service.ask("Which companies sent their tech leads?", ["Who hosted the AGI-Next Frontier roundtable?"])
    assert "알리바바" in roster.answer and "문샷" in roster.answer  # no kind asked: what comes next
    listing = service.ask("그 회사는 얼마를 조달했어?", ["즈푸AI는 언제 홍콩증권거래소에 상장했나?"])
    assert "미니맥스" not in listing.answer  # a sum asked of the quote is in the quote itself


def test_a_korean_synonym_in_the_article_covers_the_question_word(service):
    """"경고했어?" and Tang's "… 낙관론을 경계했다": warn 경고/경계 in the glossary."""
    answer = service.ask("그는 뭐라고 경고했어?", ["즈푸AI의 창업자는 누구야?"])
    assert not answer.abstained and "커지고 있을 가능성" in answer.answer


def test_the_sentence_before_in_the_paragraph_lends_half_its_words(service):
    """"…칩과 반도체 장비 수급 문제가 걸림돌로 지목됐다" follows "중국 AI 업계가 직면한 현실은 냉혹하다" in its
    paragraph: the question's 중국 AI 업계 is there (``WINDOW_COVERAGE``)."""
    answer = service.ask("중국 AI 업계의 걸림돌로 지목된 것은?")
    assert not answer.abstained and "반도체 장비 수급" in answer.answer.split("[1]")[0]


def test_a_sentence_pointing_back_is_quoted_with_its_antecedent_from_the_passage_before(service):
    """"이는 … 장점을 약화시키는 결과로 이어질 수 있기 때문이다." opens a passage; what "이는" is (the visa policy)
    ends the passage before it, which is cited for it."""
    answer = service.ask("What could weaken America's key advantage over China in AI?")
    assert not answer.abstained and "비자 취득" in answer.answer
    antecedent = next(c for c in answer.citations if "비자 취득" in c.quote)
    assert "비자 취득" in antecedent.text[antecedent.quote_spans[0][0] : antecedent.quote_spans[0][1]]


def test_english_follow_ups_about_one_of_two_or_a_conclusion(service):
    both = service.ask("Which one raised more?", ["Which two Chinese AI startups listed in Hong Kong?"])
    assert "6억 1900만 달러" in both.answer and "5억 5800만 달러" in both.answer  # both sums, to compare
    conclusion = service.ask("What did it conclude?", ["What is Insikt Group?"])  # conclude 결론, written 결론짓
    assert "결론지었다" in conclusion.answer.split("[1]")[0]
    contents = service.ask("What did those reports contain?", ["Which US think tanks' reports did China react to?"])
    assert "학자 명단" in contents.answer  # contain 기재


def test_a_follow_up_naming_another_subject_is_not_held_to_the_earlier_quote(service):
    """"And Zhipu?" has one word of its own, a name: it asks the earlier question about Zhipu, not about what
    was just quoted (MiniMax's sum)."""
    answer = service.ask("And Zhipu?", ["How much did MiniMax raise?"])
    assert answer.answer.startswith("$558 million")


def test_a_quote_split_in_two_sentences_is_quoted_whole(service):
    """Kiwi ends a sentence inside 한나스's quote ('…같은 경기를 하지 않는다는 것이다.'); the reason follows it."""
    answer = service.ask("한나스는 미국과 중국이 같은 경기를 하지 않는다고 왜 말했나?")
    assert "같은 경기를 하지 않는다" in answer.answer and "대규모 통계 모델에만 매달리는" in answer.answer


def test_korean_ordinal_and_whose_name_questions(service):
    assert "최초로" in service.ask("즈푸AI는 중국 AI 스타트업 중 몇 번째로 홍콩에 상장했나?").answer
    assert service.ask("딥시크의 최신 모델 이름은?").abstained  # "‘딥시크’ 인공지능 모델" names DeepSeek itself
    assert "베이징에 본사를 둔" in service.ask("우한에 지사를 설립한 연구소들의 본사는 어디에 있나?").answer


def test_the_floor_applies_to_the_best_supported_sentence_quoted(service):
    """"이는 … ‘스푸트니크 1호 발사’ 사건과 유사하다는 평가도 받는다." leads (compared 비교/비유/유사) but alone
    scores under the Korean floor; the DeepSeek sentence it points back to, quoted with it, does not."""
    answer = service.ask("딥시크의 등장은 어떤 역사적 사건과 비교되나?")
    assert not answer.abstained and "스푸트니크" in answer.answer
    assert answer.support >= service.answer_config.min_support["ko"]
    english = service.ask("Which historical event is DeepSeek's release compared to?")  # compared: 유사 too
    assert "스푸트니크" in english.answer


def test_the_reason_asked_for_is_no_word_a_sentence_should_contain(service):
    """"그 이유는?" asks why; "… 따라잡은 데는 분명한 이유가 있다는 의미다." names a reason and gives none."""
    answer = service.ask("그 이유는?", ["인식트그룹은 중국의 어떤 약점을 지적했어?"])
    assert "역부족" in answer.answer and "분명한 이유가 있다" not in answer.answer


def test_a_photo_caption_fragment_is_never_the_answer(service):
    answer = service.ask("Who hosted the roundtable discussion?")  # "미중 갈등 이미지." shares "갈등" by meaning
    assert "미중 갈등 이미지" not in answer.answer


def test_what_a_named_person_said_is_quoted_from_that_person(service):
    answer = service.ask("What bottlenecks did Yao Shunyu say China faces?")  # Tang's quote scores close
    assert not answer.abstained and answer.answer.split(" [1]")[0].endswith("병목현상을 겪고 있다”고 지적했다.”")


@pytest.mark.parametrize(("question", "quoted"), [
    ("What did Valentin Weber say about social control?", "베버는 \"사회적 통치는"),  # 베버 heard after 발렌틴
    ("What did Tang Jie say researchers need?", "탕 CEO도 “연구자들이"),  # by surname and title
])
def test_what_a_named_person_said_is_quoted_only_from_a_sentence_naming_them(service, question, quoted):
    answer = service.ask(question)
    assert not answer.abstained and answer.answer.split("“", 1)[1].startswith(quoted)


def test_the_end_of_a_quote_kiwi_split_comes_with_its_beginning(service):
    # "미국 기업들은 …"고 뉴스위크와 나눈 대화에서 말했다." ends Hannas's quote; the sentence before names him
    answer = service.ask("뉴스위크는 누구와 대화했어?")
    assert not answer.abstained and "한나스" in answer.answer


def test_a_follow_up_asking_how_much_bigger_quotes_the_comparison(service):
    answer = service.ask("How much bigger will Wuhan's capacity be?", ["What is El Capitan?"])
    assert not answer.abstained and "17배" in answer.answer.split(" [1]")[0]  # not the 30엑사플롭스 sentence


@pytest.mark.parametrize("question", [
    "What did Yao Shunyu say about OpenAI?",  # his quote never names 오픈AI (a name the index holds in pieces)
    "What did Dilma Rousseff say about Chinese AI?",  # only a caption names her; the CSET report's "…고 밝혔다" is not hers
    "양즈린은 미국 제재에 대해 뭐라고 했어?",  # Kiwi takes 양즈린 for no proper noun; the sanctions quotes are others'
])
def test_what_a_person_never_quoted_said_is_not_answered_with_another_quote(service, question):
    assert service.ask(question).abstained


@pytest.mark.parametrize(("question", "said"), [
    ("중국이 정보 통제를 강화한 계기는?", "싱크탱크 보고서가 결정적 계기가 됐다"),  # a trigger asked, a trigger given
    ("How is China spreading its bets on AGI?", "판돈을 분산하고 있다"),  # the glossary's spread 분산
])
def test_the_sentence_saying_what_is_asked_is_quoted(service, question, said):
    answer = service.ask(question)
    assert not answer.abstained and said in answer.answer


def test_what_a_company_s_chief_said_is_not_required_to_name_the_company(service):
    answer = service.ask("What bottlenecks did Tencent's AI chief describe?")  # "야오 AI책임자는 …" names no 텐센트
    assert not answer.abstained and "병목현상" in answer.answer.split(" [1]")[0]


def test_the_name_a_maker_question_asks_about_is_found_after_the_asked_words(service):
    # "Huawei's" opens what is left of the question once "Which company manufactures" is taken out; the sentence
    # making a lithography prototype does not name Huawei
    assert service.ask("Which company manufactures Huawei's chips?").abstained


def test_a_quoted_sentence_that_points_back_comes_with_the_sentence_before(service):
    answer = service.ask("트럼프 2기 정부의 어떤 정책이 미국의 장점을 약화시킬 수 있나?")
    first, second = answer.answer.split(" [1] ")[:2]
    assert "연구개발 지원을 축소" in first and second.startswith("이는 중국과 인공지능 경쟁에서")
    assert len(answer.citations[0].quote_spans) == 2


def test_english_answer_to_a_date_question_leads_with_the_date_in_english(service):
    answer = service.ask("When did the US government impose its chip export restrictions?")
    assert answer.answer.startswith("October last year [1]. From the Korean articles")
    assert "지난해 10월" in answer.answer


def test_date_question_quotes_a_sentence_with_a_date(service):
    answer = service.ask("중국이 극자외선 리소그래피 기계 시제품을 만든 시기는?")
    assert not answer.abstained and "지난해 12월" in answer.answer.split("[1]")[0]


def test_citations_are_numbered_in_order_and_quotes_highlight_real_sentences(service):
    answer = service.ask("중국 기업들은 저성능 칩 몇 개를 묶어 최신 칩 성능을 내려 하나?")
    numbers = [int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)]
    assert numbers and numbers[0] == 1
    assert sorted(set(numbers)) == list(range(1, max(numbers) + 1))
    for c in answer.citations:
        assert " ".join(c.text[a:b] for a, b in c.quote_spans) == c.quote
        assert _norm(c.quote) in _norm(answer.answer)


def test_follow_up_answers_from_the_right_passage(service):
    answer = service.ask("그 회사는 얼마를 조달했어?", ["즈푸AI는 언제 홍콩증권거래소에 상장했나?"])
    assert "5억 5800만 달러" in answer.answer
    assert answer.follow_up_context == ("즈푸AI는 언제 홍콩증권거래소에 상장했나?",)


def test_english_follow_up_keeps_the_topic(service):
    answer = service.ask("And what about MiniMax?", ["How much did Zhipu AI raise in its IPO?"])
    assert not answer.abstained and "6억 1900만 달러" in answer.answer
    assert answer.citations[0].source == "001_059b92a04e5dc1f0.txt"


def test_follow_up_asking_its_own_question_keeps_its_own_kind(service):
    answer = service.ask("Who moderated it?", ["Who organised the AGI-Next Frontier roundtable?"])
    assert "진행자로 나섰고" in answer.answer.split("[1]")[0]


def test_number_question_leads_with_the_number_sentence(service):
    answer = service.ask("미니맥스는 상장으로 얼마를 조달했나?")
    first = answer.answer.split("[1]")[0]
    assert "6억 1900만 달러" in first


def test_support_is_reported_and_abstention_follows_the_floor(service):
    answered = service.ask("우한시가 올해 갖출 예정인 총 컴퓨팅 능력은?")
    assert answered.support >= service.answer_config.min_support["ko"]
    assert answered.to_json()["support"] == round(answered.support, 4)
    declined = service.ask("What is the boiling point of water?")
    assert declined.abstained and declined.support < service.answer_config.min_support["en"]


def test_floors_can_be_set_per_corpus_from_the_environment():
    from rag.answer import AnswerConfig, config_from_env
    from rag.errors import QueryError

    assert config_from_env({}) == AnswerConfig()
    assert config_from_env({"RAG_MIN_SUPPORT": "ko=0.93, en=0.85"}).min_support == {"ko": 0.93, "en": 0.85}
    with pytest.raises(QueryError, match="RAG_MIN_SUPPORT"):
        config_from_env({"RAG_MIN_SUPPORT": "fr=0.9"})


@pytest.mark.parametrize("question", ["What is Insikt Group?", "인식트그룹은 어떤 기관인가?"])
def test_definition_question_quotes_the_defining_sentence(service, question):
    answer = service.ask(question)
    assert "미국 국방부 공식 협력업체" in answer.answer.split("[1]")[0]


def test_elliptic_follow_up_inherits_the_number_question(service):
    answer = service.ask("그럼 미니맥스는?", ["즈푸AI는 홍콩 상장으로 얼마를 조달했나?"])
    assert "6억 1900만 달러" in answer.answer.split("[1]")[0]


@pytest.mark.parametrize(("question", "earlier", "quoted", "source"), [
    ("What weakness of China did it point out?", "What is Insikt Group?", "치명적 약점", "003_faf59091394b998f.txt"),
    # "other than the one just asked about": the earlier article, not 003's firms responding to export rules
    ("다른 IT 기업들은 어떻게 대응했어?", "바이두는 어니봇 개발에 어떤 칩을 쓰려 하나?", "3, 4개를 묶어",
     "002_89ef6dcf7f0acffa.txt"),
])
def test_follow_up_referring_back_answers_from_its_context(service, question, earlier, quoted, source):
    answer = service.ask(question, [earlier])
    assert quoted in answer.answer and answer.citations[0].source == source


@pytest.mark.parametrize(("question", "history", "organisation"), [
    ("베버는 어느 기관 소속이야?", (), "독일 외교관계위원회"),  # abstained: 기관 and 소속 are no words the sentence holds
    ("발렌틴 베버의 소속은?", (), "독일 외교관계위원회"),  # Kiwi reads 베버의 as one proper noun
    ("What is Weber's affiliation?", (), "독일 외교관계위원회"),
    ("Where does Hannas work?", (), "CSET"),  # not his quote naming him by title only
    ("그의 소속은?", ("베버는 사회적 통치에 대해 뭐라고 했어?",), "독일 외교관계위원회"),  # not his quote just given
    ("What is his affiliation?", ("What did Weber say about social governance?",), "독일 외교관계위원회"),
    ("CSET는 어느 대학 소속 기관인가요?", (), "조지타운 대학교"),  # the long form before "(CSET)" opens with it
])
def test_a_question_asking_for_a_person_s_organisation_quotes_where_the_article_gives_it(
        service, question, history, organisation):
    answer = service.ask(question, list(history))
    assert not answer.abstained and organisation in answer.answer.split("[1]")[0]


def test_an_answer_records_the_sentences_it_quotes(service):
    answer = service.ask("즈푸AI는 얼마를 조달했나?")
    assert answer.quoted and all(service.store.sentence_text(s) in answer.answer for s in answer.quoted)


def test_a_day_named_in_english_finds_the_sentence_of_that_korean_day(service):
    answer = service.ask("What did the host's company do on the 8th?", ["Who hosted the roundtable?"])
    assert not answer.abstained and "즈푸AI는 8일" in answer.citations[0].text


def test_a_follow_up_searches_next_to_what_the_earlier_answer_quoted(service):
    # "they ... that" is the WSJ sentence the first answer quoted; the reason is the sentence after it
    earlier = "Which Chinese companies are jointly developing AI according to the WSJ?"
    _, hits = service.ask_with_hits("Why did they start doing that?", [earlier])
    assert "수출 규제로" in hits[0].chunk.text and "공동 연구·개발에 나섰다" in hits[0].chunk.text


def test_a_follow_up_asking_for_the_sum_in_won_reads_the_won(service):
    answer = service.ask("원화로는?", ["미니맥스는 얼마를 조달했어?"])  # abstained: 원화로 was a name never written
    assert not answer.abstained and "9000억 원" in answer.answer


def test_bare_topic_follow_up_asks_the_earlier_question_about_it(service):
    answer = service.ask("즈푸AI는?", ["미니맥스는 얼마를 조달했나?"])
    assert "5억 5800만 달러" in answer.answer.split("[1]")[0]


def test_english_follow_up_bridges_the_names_of_its_context(service):
    answer = service.ask("When did it list?", ["How much did Zhipu AI raise in its IPO?"])
    lead, quote = answer.answer.split("[1]")[:2]
    assert lead == "On the 8th " and "즈푸AI는 8일" in quote


def test_coverage_finds_a_name_kiwi_split_differently_in_the_sentence():
    from rag.answer import idf_coverage

    weights = {"인식트그룹": 2.0, "기관": 1.0}
    text = "인식트그룹은 미국 국방부 공식 협력업체로 … 기여하는 기관이다."
    assert idf_coverage(weights, ["인식트", "그룹", "기관"], text) == 1.0
    assert idf_coverage(weights, ["인식트", "그룹", "기관"]) == 1 / 3


def test_a_sentence_pointing_back_is_covered_by_the_words_of_the_one_before(service):
    # "이는 1957년 … ‘스푸트니크 1호 발사’ 사건과 유사하다는 평가도 받는다." follows the DeepSeek sentence
    answer = service.ask("딥시크 공개는 어떤 역사적 사건과 비슷하다는 평가를 받나?")
    assert "스푸트니크" in answer.citations[0].quote


@pytest.mark.parametrize(("text", "points_back"), [
    ("이는 1957년 소비에트 연방이 …", True), ("그는 “중미 간에 …", True), ("“이러한 기업들이 …", True),
    ("이번 보고서에서 인식트그룹은 …", False), ("그러나 중국 AI 업계가 …", False),
    ("이와 관련해 …", True), ("이와 별개로, 중국 인터넷 감독 당국이 …", False),  # "apart from this" turns away
])
def test_points_back(text, points_back):
    from rag.answer import POINTS_BACK

    assert bool(POINTS_BACK.match(text)) is points_back


@pytest.mark.parametrize("question", ["What is the name of ???", "What did Tang Jie say about ???", "?? 이름은?"])
def test_odd_name_and_topic_questions_get_an_answer_or_an_abstention_not_an_error(service, question):
    answer = service.ask(question)
    assert answer.abstained or answer.citations


@pytest.mark.parametrize(("question", "quoted"), [
    ("중국 AI 모델은 미국보다 몇 개월 뒤처져 있나?", "3~6개월"),
    ("How many months behind US AI models are Chinese AI models?", "3~6개월"),  # the article writes 인공지능
    ("What did Insikt Group say about private investment in Chinese AI?", "인식트그룹"),
])
def test_a_name_in_most_passages_need_not_be_in_the_answers_article(service, question, quoted):
    answer = service.ask(question)
    assert not answer.abstained and quoted in answer.answer and answer.citations[0].source.startswith("003")


@pytest.mark.parametrize("question", ["Since what year has China set AI leadership as a government goal?",
                                      "중국은 언제부터 AI 패권을 정부 목표로 삼았나?"])
def test_a_since_question_is_answered_by_a_starting_point_not_a_deadline(service, question):
    answer = service.ask(question)  # "2017년부터", not "2030년까지"
    assert not answer.abstained and "2017" in answer.answer and "2030" not in answer.answer.split("[1]")[0]


@pytest.mark.parametrize(("question", "quoted"), [("주송춘은 누구인가?", "주송춘"), ("야오순위의 현재 직함은?", "야오순위")])
def test_a_question_about_a_name_kiwi_splits_is_answered(service, question, quoted):
    answer = service.ask(question)
    assert not answer.abstained and quoted in answer.answer


def test_passages_are_reordered_by_the_sentence_that_answers(service):
    query = service.retriever.prepare("Who is Insikt Group an official contractor for?")
    hits = service.retriever.rank(query, k=5)
    reranked = service.composer.rank_passages(query, hits)
    assert sorted(h.chunk_index for h in reranked) == sorted(h.chunk_index for h in hits)
    assert "미국 국방부 공식 협력업체" not in hits[0].chunk.text  # the first stage ranked it lower
    assert "미국 국방부 공식 협력업체" in reranked[0].chunk.text


def test_search_lists_passages_in_the_order_the_answer_reads_them(service):
    question = "Which other AI company listed in Hong Kong on the same day as Zhipu AI?"
    _, hits = service.ask_with_hits(question, k=5)
    assert [h.chunk_index for h in service.search(question, k=5)] == [h.chunk_index for h in hits]
    assert "같은 날 미니맥스도" in hits[0].chunk.text


@pytest.mark.parametrize("question", ["How many GPUs does Zhipu AI own?", "딥시크의 사용자 수는?"])
def test_a_count_of_something_else_does_not_answer_a_count_question(service, question):
    answer = service.ask(question)  # the roundtable's "4대 AI 기업", DeepSeek's "일곱 차례" updates
    assert answer.abstained and answer.citations == ()


def test_a_count_question_is_answered_by_the_sentence_counting_what_it_asks(service):
    answer = service.ask("우한에는 국가 개발 구역이 몇 개 있나?")
    assert not answer.abstained and "3개의 국가 개발 구역" in answer.answer


@pytest.mark.parametrize(("question", "quoted"), [
    ("What is the US advantage in attracting talent, according to Insikt Group?", "우수한 인재를 끌어들이는"),
    ("Which wearable product is among Wuhan's five core AI areas?", "AI와 안경"),
    ("Who moderated the AGI-Next roundtable?", "진행자로 나섰고"),
    ("When did the US impose its chip export rules on China?", "지난해 10월 미국 정부의 반도체 수출 규제"),  # rules 규제
])
def test_english_words_only_the_glossary_translates_reach_the_answering_sentence(service, question, quoted):
    """talent 인재, wearable 안경, moderate 진행자: the encoder's nearest terms are other words."""
    answer = service.ask(question)
    assert not answer.abstained and quoted in answer.citations[0].text


def test_countries_joined_by_one_syllable_names_are_not_a_name_the_articles_lack(service):
    """Kiwi keeps the question's 미중 whole and splits the articles' into 미 + 중: no index term is 미중."""
    answer = service.ask("인식트그룹은 미중 인공지능 기술 경쟁이 앞으로 어떻게 될 것으로 예측했나?")
    assert not answer.abstained and "치열해질 것" in answer.citations[0].text


def test_owns_tells_the_speaker_from_whom_the_speaker_belongs_to():
    assert owns("What did Tencent's AI chief say?", "tencent") and owns("텐센트의 AI 책임자는 뭐라고 했어?", "텐센트")
    assert not owns("What did Tang Jie say about Tencent?", "tencent") and not owns("텐센트는 뭐라고 했어?", "텐센트")


def test_a_question_for_a_time_to_come_is_not_answered_by_a_past_date(service):
    answer = service.ask("When will China's EUV lithography machine be commercialized?")
    # the prototype's "지난해 12월 … 만들었다" is the past; the wait is the answer
    assert not answer.abstained and "최소 수년의 시간이 필요" in answer.citations[0].text


def test_the_place_a_korean_question_asks_for_is_no_word_to_cover(service):
    """The 곳 of "주최한 곳은 어디야?" is the place asked for: the sentence naming the hosts need not say 곳."""
    answer = service.ask("원탁회의를 공동 주최한 곳은 어디야?")
    assert not answer.abstained and "즈푸AI가 주최한" in answer.citations[0].text


@pytest.mark.parametrize(("question", "kinds"), [
    ("원탁회의를 공동 주최한 곳은 어디야?", ["곳"]),
    ("원탁회의를 주최한 곳은?", ["곳"]),  # the kind a question ends on after a clause
    ("화웨이 칩을 쓰는 기업은?", ["기업"]),
    ("그럼 기업은?", []),  # asks about companies: no clause before the kind
    ("이 회사는?", []),
])
def test_asked_category_is_the_kind_a_korean_question_asks_for(question, kinds):
    assert [next(filter(None, found)) for found in ASKED_CATEGORY.findall(question)] == kinds


def test_the_kind_a_question_ends_on_is_no_word_to_cover(service):
    """"원탁회의를 주최한 곳은?" asks which: its 곳 left uncovered put the hosts' sentence under the floor."""
    answer = service.ask("원탁회의를 주최한 곳은?")
    assert not answer.abstained and "즈푸AI가 주최한" in answer.citations[0].text


def test_a_short_statement_is_quoted_but_not_a_caption(service):
    assert service.composer._quotable("사실 중국의 정보 통제는 새삼스럽지 않다.")  # 22 characters, a statement
    assert not service.composer._quotable("미중 갈등 이미지.") and not service.composer._quotable("화웨이 제공")
    answer = service.ask("Is China's information control something new?")
    assert not answer.abstained and "새삼스럽지 않다" in answer.answer


def test_a_role_of_no_one_named_wants_a_holder_s_name(service):
    """"Who founded it?" after DeepSeek: the CSET sentence's "연구소가 우한에 지사를 설립해" names no founder."""
    answer = service.ask("Who founded it?", ["What is DeepSeek?"])
    assert answer.abstained


def test_a_date_question_answered_loosely_also_quotes_a_calendar_date(service):
    """"올해 초 공개된 ‘딥시크’" answers "언제?" loosely; the other article's "지난 1월 … ‘딥시크’를 선보이며" says when."""
    answer = service.ask("딥시크는 언제 공개되었나?")
    assert not answer.abstained and "올해 초" in answer.answer and "지난 1월" in answer.answer


def test_where_he_works_asked_in_korean_is_his_organisation(service):
    answer = service.ask("그가 일하는 회사는?", ["린쥔양은 뭐라고 했어?"])
    assert not answer.abstained and "알리바바의 오픈소스 모델 큐웬(Qwen)의 린쥔양" in answer.citations[0].text


@pytest.mark.parametrize(("question", "quoted"), [
    ("한나스는 어디와 나눈 대화에서 발언했습니까?", "뉴스위크와 나눈 대화에서 말했다"),  # 발언: no quote says it
    ("린쥔양은 몇 년 안에 미국을 추월할 수 있다고 봤습니까?", "3~5년 내"),  # 봤습니까: what he thought
    ("원탁회의에서는 어떤 이야기가 오갔어?", "난상 토론을 벌였다"),  # 오가: what was said, a debate reports it
])
def test_words_for_speech_are_held_by_a_sentence_reporting_speech(service, question, quoted):
    answer = service.ask(question)
    assert not answer.abstained and quoted in answer.answer


def test_where_someone_worked_before_is_the_organisation_next_to_his_name(service):
    answer = service.ask("Where did he work before?", ["What did Yao Shunyu say about bottlenecks?"])
    assert not answer.abstained and "오픈AI 출신" in answer.citations[0].text


@pytest.mark.parametrize(("question", "history"), [
    ("What is his role at the roundtable?", ["Who said the real gap may be widening?"]),
    ("그는 원탁회의에서 무슨 역할을 했어?", ["실제 격차가 커지고 있을 가능성이 있다고 말한 사람은?"]),
])
def test_he_after_who_said_is_the_speaker_the_answer_quoted(service, question, history):
    answer = service.ask(question, history)  # 탕제, quoted as "탕 CEO는 …": the roster gives his role
    assert not answer.abstained and "탕제 최고경영자(CEO)가 진행자로" in answer.citations[0].text


def test_he_after_a_question_naming_him_is_searched_with_the_question(service):
    answer = service.ask("What does he say China must do from now on?", ["Who is Lin Junyang?"])
    assert not answer.abstained and "하드웨어 공동 설계" in answer.answer


@pytest.mark.parametrize(("question", "quoted"), [
    ("브릭스 은행 총재 이름은?", "딜마 호세프"),  # the title is a gloss or two past the name
    ("중국이 EUV 시제품을 만든 시기는?", "지난해 12월"),  # EUV: the article writes 극자외선
    ("어니봇은 누가 만들었어?", "바이두는"),  # made: the article says 개발
    ("Who made Ernie Bot?", "바이두는"),  # Ernie Bot: 어니봇
])
def test_a_question_in_other_words_than_the_articles_is_answered(service, question, quoted):
    answer = service.ask(question)
    assert not answer.abstained and quoted in answer.citations[0].text


@pytest.mark.parametrize(("question", "history", "quoted"), [
    ("지금은 어디서 일해?", ["야오순위는 어디 출신이야?"], "텐센트에 합류한"),  # 지금 is no word to find
    ("챗GPT 같은 AI엔 몇 개가 필요해?", ["중국은 A100을 몇 개 갖고 있어?"], "5,000~1만 개"),
])
def test_a_follow_up_leaving_its_subject_to_the_conversation_is_answered(service, question, history, quoted):
    answer = service.ask(question, history)
    assert not answer.abstained and quoted in answer.answer


@pytest.mark.parametrize(("question", "history", "quoted"), [
    ("What about Moonshot?", ["How much did MiniMax raise?"], None),  # no article gives Moonshot's sum
    ("문샷은?", ["즈푸AI는 얼마를 조달했어?"], None),  # Kiwi takes 문샷 for no proper noun
    ("And what about MiniMax?", ["How much did Zhipu AI raise in its IPO?"], "6억 1900만"),
    ("그럼 미니맥스는?", ["즈푸AI는 얼마를 조달했어?"], "6억 1900만"),
    ("그럼 원화로는?", ["즈푸AI는 얼마를 조달했어?"], "8100억"),  # a currency, no company
])
def test_a_sum_asked_again_of_another_is_that_one_s(service, question, history, quoted):
    answer = service.ask(question, history)
    assert answer.abstained is (quoted is None) and (quoted is None or quoted in answer.answer)


@pytest.mark.parametrize(("question", "history", "quoted"), [
    # "그곳" is the lab the answer before named (로렌스 리버모어 국립연구소): when it was founded no article says, and CSET's
    # labs founding branches in Wuhan are other labs
    ("그곳은 언제 설립됐어?", ["엘 캐피탄을 보유한 연구소는?"], None),
    ("How much was the company fined?", ["Which company's former employee was indicted?"], None),  # a fine: none
    ("그 회사의 칩 이름은?", ["바이두가 어니봇 개발에 쓰려는 칩을 만든 회사는?"], "어센드"),  # no sentence says "이름"
    ("What did the company's AI chief say about bottlenecks?", ["Which company did Yao Shunyu join recently?"], "병목"),
])
def test_a_follow_up_about_the_one_an_answer_named(service, question, history, quoted):
    answer = service.ask(question, history)
    assert answer.abstained is (quoted is None) and (quoted is None or quoted in answer.answer)


def test_a_department_is_no_departure(service):
    answer = service.ask("Which firm is an official contractor of the US Defense Department?")
    assert not answer.abstained and "인식트그룹" in answer.citations[0].text


def test_a_follow_up_pointing_at_an_answer_that_found_nothing_abstains(service):
    answer = service.ask("When did he join?", ["Who is the CEO of Samsung?"])
    assert answer.abstained and "nothing for this one to refer to" in answer.answer


def test_a_follow_up_pointing_at_the_one_an_answer_named_asks_about_that_one(service):
    # "미니맥스보다 많이 조달한 곳은?" is answered by MiniMax's own sum: "그 회사" is MiniMax, whose headquarters no article gives
    assert service.ask("그 회사 본사는 어디야?", ["미니맥스보다 많이 조달한 곳은?"]).abstained
    # "the company" is no owner of the sum to find: it is the one the answer before named first (즈푸AI)
    answer = service.ask("How much did the company raise?", ["Which company listed first, Zhipu AI or MiniMax?"])
    assert not answer.abstained and "5억 5800만" in answer.citations[0].text


def test_a_name_korean_writes_as_one_word_is_the_subject_a_follow_up_asks_about(service):
    # Ernie Bot is heard whole (어니봇): "When was it launched?" is not answered by the March order to disclose nothing
    assert service.ask("When was it launched?", ["What is Ernie Bot?"]).abstained


def test_a_follow_up_asking_another_attribute_of_what_it_points_to_needs_a_sentence_naming_it(service):
    history = ["인식트그룹 보고서는 언제 나왔어?"]
    assert answer_type(service.retriever.prepare("그 보고서 분량은?", history)) is None  # not the date asked before
    assert service.ask("그 보고서 분량은?", history).abstained  # no sentence gives its length
    answer = service.ask("그 보고서는 언제 나왔어?", ["인식트그룹은 어떤 곳이야?"])
    assert not answer.abstained and "11일" in answer.answer


def test_a_name_of_capitalised_words_no_article_names_is_absent_as_a_whole(service):
    # Elon is too short to hear and musk is a word Korean translates, but 머스크 is in no article
    for question in ("What did Elon Musk say about Chinese AI?", "what did elon musk say about chinese ai"):
        answer = service.ask(question)
        assert answer.abstained and "Elon Musk" in answer.answer
    # a hyphenated word is no name: "Chinese-style" need not be heard
    answer = service.ask("What are Chinese firms building to train Chinese-style AI models?")
    assert not answer.abstained and "클러스터" in answer.answer


@pytest.mark.parametrize(("question", "absent"), [
    ("Is Insikt Group based in Boston?", "Boston"),  # boston is a word of Webster's too, but a city Korean writes 보스턴
    ("Does MiniMax plan to list in New York?", "New York"),  # New and York are words of Webster's
])
def test_a_city_no_article_names_is_absent(service, question, absent):
    answer = service.ask(question)
    assert answer.abstained and absent in answer.answer


def test_a_city_is_named_by_its_korean_name_not_by_sounding_like_a_word(service):
    # Hangzhou sounds like 향후 ("in future"), which the articles write; 항저우 they do not
    answer = service.ask("How many AI firms are based in Hangzhou?")
    assert answer.abstained and "Hangzhou" in answer.answer


def test_a_city_an_article_names_in_korean_is_no_absent_name(service):
    answer = service.ask("Which Huawei research site is in Suzhou?")  # 쑤저우
    assert not answer.abstained and "5GtoB" in answer.answer


def test_a_heading_is_a_heading_only_alone_on_its_line_and_ending_as_no_sentence_does():
    article = "제목\n\n◇ 우한, 중국 최대 AI 컴퓨팅 중심지로 성장\n\n우한시는 연구 중심지로 자리잡았다.\n"
    assert is_heading(article, article.index("◇"), article.index("성장") + 2)
    assert not is_heading(article, article.index("우한시"), article.index("잡았다.") + 4)
    line = "보고서가 나왔다. 그러나 결론은 없다"  # a sentence sharing its line is no heading
    assert not is_heading(line, line.index("그러나"), len(line))


def test_a_sentence_saying_what_happened_is_quoted_over_the_subheading_repeating_the_question(service):
    answer = service.ask("미 싱크탱크 보고서에 무엇이 기재됐어?")
    assert not answer.abstained and "학자 명단" in answer.answer and "'발칵'" not in answer.answer


def test_that_day_is_the_day_last_dated_before_it(service):
    # "WSJ는 이날 … 보도했다." two paragraphs after "7일(현지시간) … WSJ에 따르면": that sentence is quoted for its day, not
    # the nearer caption's "지난 3월"
    answer = service.ask("WSJ 보도는 언제 나왔어?")
    assert not answer.abstained and "7일(현지시간)" in answer.answer and "지난 3월" not in answer.answer


@pytest.mark.parametrize(("question", "quoted"), [
    ("zhipu ipo date", "8일"),
    ("deepseek founder name", None),  # no article names DeepSeek's founder: not the roundtable's founders
    ("zhipu ai number of employees", None),
    ("ernie bot user count", None),
])
def test_a_search_box_query_asks_for_the_kind_it_ends_on(service, question, quoted):
    answer = service.ask(question)
    assert answer.abstained is (quoted is None) and (quoted is None or quoted in answer.answer)


@pytest.mark.parametrize(("question", "quoted"), [
    ("MiniMax는 얼마를 모았나요?", "6억 1900만"),  # a name in Latin letters counts as the articles write it (미니맥스)
    ("Huawei의 AI 칩 이름은 무엇입니까?", "어센드"),
    ("Alibaba의 CEO는 누구인가요?", None),  # 알리바바's CEO: no article names one
    ("Zhipu AI의 최대 주주는 누구입니까?", None),  # a shareholder is a role no sentence gives
])
def test_a_korean_question_naming_in_latin_letters(service, question, quoted):
    answer = service.ask(question)
    assert answer.abstained is (quoted is None) and (quoted is None or quoted in answer.answer)


def test_a_capital_stands_for_its_government(service):
    # "Beijing" is China's government: the count of models it registered is in an article not naming 베이징
    answer = service.ask("How many generative AI models had Beijing approved as of January?")
    assert not answer.abstained and "302개" in answer.answer


@pytest.mark.parametrize("question", ["How much will Zhipu AI raise next year?", "내년 우한시 컴퓨팅 능력 목표는?"])
def test_a_year_relative_to_now_must_be_the_one_a_sentence_speaks_of(service, question):
    assert service.ask(question).abstained  # the sum raised on the 8th, this year's 30 exaflops


@pytest.mark.parametrize(("question", "history"), [
    ("Who is its CEO?", ["미니맥스는 얼마를 조달했어?"]),  # its: 미니맥스, the Korean turn's opening word
    ("본사는 어디야?", ["What is Wind?"]),  # Wind's, not Baidu's in a caption
    ("When was it built?", ["엘 캐피탄은 뭐야?"]),
])
def test_a_follow_up_in_the_other_language_asks_about_the_earlier_subject(service, question, history):
    assert service.ask(question, history).abstained  # no article gives it


def test_a_korean_count_of_someone_s_needs_a_sentence_naming_them(service):
    # "미국의 … 모델 수는?": the 302 registered models are China's, and "3~6개월", "2위" count nothing
    assert service.ask("미국의 생성형 AI 모델 수는?").abstained
    answer = service.ask("중국의 생성형 AI 모델 수는?")
    assert not answer.abstained and "302개" in answer.answer


def test_a_date_question_s_word_counts_in_any_of_its_senses(service):
    # "list" glossed as 명단 (a list of names) by the question's vector; the sentence says 상장
    answer = service.ask("When did Zhipu list in Hong Kong?")
    assert not answer.abstained and "8일" in answer.answer


def test_two_known_words_written_without_a_space_are_no_absent_name(service):
    answer = service.ask("화웨이 어센드칩은 누가 쓰려고 해?")  # 어센드 + 칩
    assert not answer.abstained and "바이두" in answer.answer
    assert service.ask("샤오미폰은 얼마야?").abstained  # 샤오미 is in no article


def test_a_co_author_is_not_the_main_author(service):
    assert service.ask("CSET 보고서의 공동 저자는 누구야?").abstained
    answer = service.ask("CSET 보고서의 저자는 누구야?")
    assert not answer.abstained and "한나스" in answer.answer


def test_who_wrote_a_report_asks_for_its_author(service):
    assert expected_type("CSET 보고서를 쓴 사람은?") == PERSON and expected_type("Who wrote the CSET report?") == PERSON
    for question in ("CSET 보고서를 쓴 사람은?", "Who wrote the CSET report?"):
        answer = service.ask(question)
        assert not answer.abstained and "한나스" in answer.citations[0].text
    # the sentence naming Georgetown's report names no author: no answer rather than that sentence
    assert service.ask("조지타운대 보고서를 쓴 사람은?").abstained


def test_a_noun_phrase_question_needs_a_sentence_naming_its_noun_and_its_subject(service):
    # the sentence naming Baidu's Ernie Bot says nothing of its 성능, the H800 sentence's 성능 is no Baidu's
    assert service.ask("바이두 어니봇 성능은?").abstained
    answer = service.ask("우한시 컴퓨팅 능력은?")
    assert not answer.abstained and "30엑사플롭스" in answer.answer
    answer = service.ask("미국 최고 슈퍼컴퓨터는?")  # 최고 is no name: "가장 빠른 슈퍼컴퓨터 중 하나인 … '엘 캐피탄'"
    assert not answer.abstained and "엘 캐피탄" in answer.answer


@pytest.mark.parametrize("question", ["탕제는 어떤 사람이야?", "탕제는 누구야?"])
def test_who_someone_is_is_answered_by_the_sentence_introducing_them(service, question):
    answer = service.ask(question)  # Kiwi reads 탕제는 as 탕 + the suffix 제; the article's 탕제 is one name
    assert not answer.abstained and "칭화대 교수이기도 한 탕제" in answer.citations[0].text


def test_a_compound_name_kiwi_reads_as_common_nouns_is_whose_role_is_asked(service):
    # 국가사이버정보판공실: 국가 + 사이버 + 정보 + 판공실; Xi's title near 중국 in a caption is no head of the office
    assert service.ask("중국 국가사이버정보판공실 책임자는 누구야?").abstained
    answer = service.ask("국가사이버정보판공실은 뭘 지시했어?")
    assert not answer.abstained and "공개하지 말라" in answer.answer


def test_a_question_with_a_verb_is_no_noun_phrase_question(service):
    answer = service.ask("중국이 2030년까지 이루려는 목표는?")  # 이루 is in no answer: "… 오르겠다는 목표"
    assert not answer.abstained and "2030년까지" in answer.answer


def test_an_organisation_named_in_translated_words_is_whose_role_is_asked(service):
    # Cyberspace: 사이버 of 국가사이버정보판공실, named near no title; China's president is another question
    assert service.ask("Who heads China's Cyberspace Administration?").abstained
    assert service.ask("Who is the head of the Cyberspace Administration of China?").abstained
    answer = service.ask("Who is China's president?")
    assert not answer.abstained and "시진핑" in answer.citations[0].text


@pytest.mark.parametrize(("history", "question", "named"), [
    (["What is MiniMax?"], "Who founded it?", None),  # the roster's founder is Moonshot's
    (["What is Moonshot?"], "Who founded it?", "문샷의 양즈린 창업자"),
    (["What did the CSET report find about Wuhan?"], "Who wrote it?", "한나스"),  # the earlier question's first name
    # an attribute asked with no subject of its own
    (["What is El Capitan?"], "When was it built?", None),  # no sentence says when El Capitan was built
    (["인식트그룹은 뭐하는 곳이야?"], "본사는 어디야?", None),  # Baidu's headquarters are not Insikt Group's
    (["Who is Valentin Weber?"], "Where does he work?", "외교관계위원회"),
])
def test_a_role_or_attribute_follow_up_asks_about_the_earlier_question_s_subject(service, history, question, named):
    answer = service.ask(question, history)
    if named is None:
        assert answer.abstained
    else:
        assert not answer.abstained and named in answer.citations[0].text


def test_a_name_opening_with_a_word_korean_translates_is_not_required_whole(service):
    # "September Brent" (a parallel_passages question): September is translated (9월물), Brent too short to hear
    texts = ("뉴욕상업거래소에서 9월물 브렌트유는 배럴당 75달러에 거래를 마쳤다.",)
    query = service.retriever.prepare("At what price did September Brent crude settle?")
    assert not service.composer._english_name_absent(("September", "Brent"), query, texts)
    query = service.retriever.prepare("What did Elon Musk say about crude prices?")
    assert service.composer._english_name_absent(("Elon", "Musk"), query, texts)


@pytest.mark.parametrize("question", ["Where did Lin Junyang study?", "린쥔양은 어디서 공부했어?"])
def test_where_someone_studied_asks_for_their_school(service, question):
    assert service.ask(question).abstained  # 칭화대 is Tang's, in another clause of the roster


def test_a_thing_is_where_the_institution_that_has_it_is(service):
    # "로렌스 리버모어 국립연구소의 '엘 캐피탄'": the lab's, though no word of place is written
    answer = service.ask("엘 캐피탄은 어디에 있는 슈퍼컴퓨터야?")
    assert not answer.abstained and "로렌스 리버모어" in answer.citations[0].text


def test_a_glossary_synonym_names_a_country_by_its_other_name(service):
    # 소련 is written 소비에트 연방 in the article; "쏜 해는?" asks for a year
    answer = service.ask("소련이 세계 최초 인공위성을 쏜 해는?")
    assert not answer.abstained and "1957년" in answer.answer


def test_an_event_held_is_said_by_its_other_verbs(service):
    # "… 원탁회의’에서 … 토론을 벌였다": held (열리) and 벌이 are one sense of the glossary
    answer = service.ask("원탁회의는 언제 열렸나?")
    assert not answer.abstained and "10일(현지 시간)" in answer.answer


def test_he_is_the_person_an_earlier_korean_question_opened_with_though_kiwi_split_it(service):
    # Kiwi reads "야오순위는" as 야오 + 순위; the articles write 야오순위 whole
    answer = service.ask("그는 이전에 어디서 일했어?", ["야오순위는 어떤 병목현상을 지적했어?"])
    assert not answer.abstained and "오픈AI 출신" in answer.answer


def test_a_ratio_compares_two_names_in_one_sentence(service):
    answer = service.ask("How much larger is Wuhan's computing power than El Capitan's?")
    assert not answer.abstained and "17배" in answer.answer


def test_a_question_asking_which_ones_quotes_the_sentence_adding_another(service):
    answer = service.ask("Which Chinese AI startups listed in Hong Kong?")
    assert "즈푸AI" in answer.answer and "미니맥스도" in answer.answer


@pytest.mark.parametrize(("question", "amount"), [
    ("How much did the second one raise?", "$619 million"), ("How much did the first one raise?", "$558 million")])
def test_an_ordinal_follow_up_means_that_one_of_the_names_quoted_before(service, question, amount):
    answer = service.ask(question, ["Which Chinese AI startups listed in Hong Kong?"])
    assert answer.answer.startswith(amount)


def test_a_nameless_english_question_with_a_definite_noun_leans_on_the_conversation(service):
    answer = service.ask("Which company was the data meant for?", ["What did the former SK Hynix employee do?"])
    assert not answer.abstained and "화웨이에 유출" in answer.citations[0].text


@pytest.mark.parametrize(("text", "found"), [
    ("중국 AI 리더들은 3~5년 안에", {"3~5"}), ("within 3-5 years", {"3~5"}), ("1,000개의 H100", {"1000"}),
    ("1.7엑사플롭스", {"1.7"}), ("2030년까지", set()), ("on March 12", set()), ("H800 칩", set())])
def test_figures_are_ranges_decimals_and_numbers_of_three_digits_but_no_years(text, found):
    assert figures(text) == found


def test_a_sentence_writing_the_figure_a_question_writes_answers_it(service):
    # Insikt Group's "2030년 안에 … 추월하기는 어렵겠지만" matches more words; Lin's sentence writes the 3~5년 asked
    answer = service.ask("중국 AI 리더들은 3~5년 안에 미국을 추월할 가능성을 어떻게 봤어?")
    assert "약 20%" in answer.citations[0].text


@pytest.mark.parametrize(("history", "question"), [
    (["엘 캐피탄은 뭐야?"], "언제 만들어졌어?"),  # a name of two words is the subject; no sentence dates its building
    (["인식트그룹 보고서는 언제 나왔어?"], "보고서 분량은?"),  # the report named again: its length must be named
])
def test_a_korean_follow_up_asking_an_attribute_the_articles_never_give_abstains(service, history, question):
    assert service.ask(question, history).abstained


def test_he_is_the_two_word_name_an_earlier_question_opened_with_by_its_last_word_too(service):
    answer = service.ask("그는 사회적 통치를 뭐라고 했어?", ["발렌틴 베버는 누구야?"])
    assert not answer.abstained and "완곡하게" in answer.answer


def test_a_follow_up_comparing_with_one_name_compares_it_with_the_earlier_subject(service):
    answer = service.ask("즈푸AI보다 많이 조달했어?", ["미니맥스는 언제 상장했어?"])
    assert "5억 5800만 달러" in answer.answer and "6억 1900만 달러" in answer.answer


def test_an_organisation_s_findings_are_quoted_where_its_article_does_not_name_it(service):
    # "중국 인공지능 산업에 민간 투자가 제한적이라 …" is three sentences after Insikt Group is last named
    answer = service.ask("What does Insikt say about private investment in Chinese AI?")
    assert "민간 투자가 제한적" in answer.citations[0].text


def test_a_why_question_answered_by_its_own_claim_quotes_what_backs_it(service):
    answer = service.ask("H800은 왜 실효성이 떨어져?")
    assert "실효성이 떨어진다" in answer.answer and "3,000개 이상의 H800이 필요하다" in answer.answer


def test_an_english_name_kiwi_cuts_in_the_article_is_heard_whole(service):
    # "우즈창은" is 우즈 + 창 to Kiwi: the index holds 우즈창 whole too
    answer = service.ask("Who is Wu Zhichang?")
    assert not answer.abstained and "우즈창" in answer.citations[0].text


def test_what_someone_said_about_a_topic_of_common_words_must_be_about_it(service):
    # "AI chips": 칩 / 반도체, which the sentence naming Wu Zhichang does not write
    assert service.ask("What did Wu Zhichang say about AI chips?").abstained
    answer = service.ask("What did he say about computing power?",
                         ["What did Lin Junyang estimate about China's chances of leading?"])
    assert "연산 능력" in answer.answer


def test_a_count_in_a_unit_is_answered_by_the_number_written_in_it(service):
    answer = service.ask("How many exaflops does El Capitan have?")
    assert not answer.abstained and "1.7엑사플롭스" in answer.answer
