import pytest

from rag.conversation import Turn, points_at_answer, resolve_turn
from rag.text import tokenize


@pytest.mark.parametrize(
    ("question", "history", "context"),
    [
        ("그 회사는 얼마를 조달했어?", ["즈푸AI는 언제 홍콩증권거래소에 상장했나?"],
         ["즈푸AI는 언제 홍콩증권거래소에 상장했나?"]),
        ("And what about MiniMax?", ["How much did Zhipu AI raise in its IPO?"], ["How much did Zhipu AI raise in its IPO?"]),
        ("How much computing power does it have?", ["What is El Capitan?"], ["What is El Capitan?"]),
        ("우한시가 올해 갖출 컴퓨팅 능력은?", ["즈푸AI는 언제 상장했나?"], []),
        ("그 회사는 얼마를 조달했어?", [], []),
        ("How much money did Zhipu AI raise in its Hong Kong IPO?", ["우한시가 올해 갖출 컴퓨팅 능력은?"], []),
        ("What is its revenue?", ["What is Insikt Group?"], ["What is Insikt Group?"]),
        ("What weakness of China did it point out?", ["What did Insikt Group report?"], ["What did Insikt Group report?"]),
        ("즈푸AI는?", ["미니맥스는 얼마를 조달했나?"], ["미니맥스는 얼마를 조달했나?"]),
        ("그럼 기술 단지는?", ["우한에는 국가 개발 구역이 몇 개 있나?"], ["우한에는 국가 개발 구역이 몇 개 있나?"]),
        ("우한시 정부가 공지에서 밝힌 5개 핵심 분야는?", ["즈푸AI는 언제 상장했나?"], []),
        ("그 목표를 위해 언제부터 준비했어?", ["중국은 언제까지 AI 1위 국가가 되려고 해?"],
         ["중국은 언제까지 AI 1위 국가가 되려고 해?"]),  # a demonstrative before any noun
        ("다른 IT 기업들은 어떻게 대응했어?", ["바이두는 어떤 칩을 쓰려 하나?"], ["바이두는 어떤 칩을 쓰려 하나?"]),
        ("How did other IT companies respond?", ["Which chip does Baidu use?"], ["Which chip does Baidu use?"]),
        ("그는 뭐라고 했어?", ["린쥔양은 누구야?"], ["린쥔양은 누구야?"]),
        ("그건 어떤 사건에 비유됐어?", ["딥시크는 왜 주목받았어?"], ["딥시크는 왜 주목받았어?"]),  # 그건 = 그것은
        ("이건 어느 회사가 개발했어?", ["바이두가 만든 AI는?"], ["바이두가 만든 AI는?"]),  # two words of its own
        ("중국은 다른 국가와 어떤 격차를 보이나?", ["즈푸AI는 언제 상장했나?"], []),  # "다른" inside: no reference
        # one of what the earlier turn named, and a comparison with it
        ("Which one raised more?", ["Which AI startups listed in Hong Kong?"], ["Which AI startups listed in Hong Kong?"]),
        ("Which company raised more, Zhipu AI or MiniMax?", ["What is El Capitan?"], []),
        ("둘 중 어디가 더 많이 조달했어?", ["홍콩에 상장한 AI 기업은?"], ["홍콩에 상장한 AI 기업은?"]),
        ("우한은 그보다 몇 배 커?", ["엘 캐피탄은 어디 슈퍼컴퓨터야?"], ["엘 캐피탄은 어디 슈퍼컴퓨터야?"]),
        ("중국에서 어느 곳이 AI 컴퓨팅 중심지야?", ["엘 캐피탄은 어디 슈퍼컴퓨터야?"], []),  # a question word, no reference
        # no subject of its own: the earlier question's (m15 of holdout55, abstained standing alone)
        ("원화로 얼마를 조달했어?", ["즈푸AI는 언제 홍콩증권거래소에 상장했나?"], ["즈푸AI는 언제 홍콩증권거래소에 상장했나?"]),
        ("H800을 수입할 수 있어?", ["즈푸AI는 언제 홍콩증권거래소에 상장했나?"], []),  # names what it is about
        # "그는" with two words of its own, "그렇게" pointing at what was said, the kind asked for as the only noun
        ("그는 전에 어디서 일했어?", ["야오순위는 어떤 병목현상을 지적했어?"], ["야오순위는 어떤 병목현상을 지적했어?"]),
        ("누가 그렇게 말했어?", ["H800이 몇 개 필요해?"], ["H800이 몇 개 필요해?"]),
        ("어느 나라가 쐈어?", ["스푸트니크 1호는 언제 발사됐어?"], ["스푸트니크 1호는 언제 발사됐어?"]),
        ("어느 나라가 인공위성을 처음 쐈어?", ["즈푸AI는 언제 상장했나?"], []),
        ("성능은 어느 정도야?", ["엘 캐피탄은 어디 거야?"], ["엘 캐피탄은 어디 거야?"]),  # 어느 정도: how much, no word
        # in place of what the earlier turn said
        ("What are China's companies doing instead?", ["Which chips did the US ban?"], ["Which chips did the US ban?"]),
        ("중국 기업들은 대신 뭘 하고 있어?", ["미국은 어떤 칩을 막았어?"], ["미국은 어떤 칩을 막았어?"]),
        ("What did Baidu use instead of A100 chips?", ["즈푸AI는 언제 상장했나?"], []),
        # a time as the only topic ("now", against the earlier turn's past), a count with nothing counted
        ("지금은 어디서 일해?", ["야오순위는 어디 출신이야?"], ["야오순위는 어디 출신이야?"]),
        ("현재 중국 AI 모델 수는?", ["즈푸AI는 언제 상장했나?"], []),
        ("챗GPT 같은 AI엔 몇 개가 필요해?", ["중국은 A100을 몇 개 갖고 있어?"], ["중국은 A100을 몇 개 갖고 있어?"]),
        ("몇 명이 참석했어?", ["원탁회의는 누가 주최했어?"], ["원탁회의는 누가 주최했어?"]),
        ("우한엔 기술 단지가 몇 개 있어?", ["즈푸AI는 언제 상장했나?"], []),
        # a definite noun and no name of its own; one that names something stands alone
        ("Which company was the data meant for?", ["What did the SK Hynix employee do?"],
         ["What did the SK Hynix employee do?"]),
        ("Which company makes the Ascend chips?", ["What did the SK Hynix employee do?"], []),
        # one of those the answer before listed, by its place; a rank of its own stands alone
        ("How much did the second one raise?", ["Which AI startups listed in Hong Kong?"],
         ["Which AI startups listed in Hong Kong?"]),
        ("두 번째 회사는 얼마를 조달했어?", ["홍콩에 상장한 AI 기업들은?"], ["홍콩에 상장한 AI 기업들은?"]),
        ("두 번째로 큰 AI 컴퓨팅 중심지는 어디야?", ["즈푸AI는 언제 상장했나?"], []),
        # a comparison naming one side as the question opens: the other is the earlier subject
        ("즈푸AI보다 많이 조달했어?", ["미니맥스는 언제 상장했어?"], ["미니맥스는 언제 상장했어?"]),
        ("미니맥스는 즈푸AI보다 많이 조달했어?", ["우한은 어디야?"], []),
    ],
)
def test_follow_up_context(question, history, context):
    assert list(resolve_turn(question, history, tokenize).context) == context


def test_the_person_a_pronoun_means_is_searched_with_the_question():
    turn = Turn("What did he say?", ("Who moderated the roundtable?",), meant="탕제")
    assert turn.search_text == "Who moderated the roundtable? 탕제 What did he say?"
    assert Turn("What did he say?", ("Who moderated the roundtable?",)).search_text == (
        "Who moderated the roundtable? What did he say?")


def test_context_reaches_back_to_the_question_that_set_the_topic():
    history = ["즈푸AI는 언제 홍콩증권거래소에 상장했나?", "그 회사는 얼마를 조달했어?"]
    turn = resolve_turn("그럼 그 회사의 CEO는 누구야?", history, tokenize)
    assert turn.context == tuple(history)
    assert turn.search_text.startswith("즈푸AI")


@pytest.mark.parametrize(("question", "earlier", "points"), [
    ("그 회사 본사는 어디야?", "미니맥스보다 많이 조달한 곳은?", True),
    ("When did he join?", "Who is the CEO of Samsung?", True),
    ("How much did the company raise?", "Which company listed first, Zhipu AI or MiniMax?", True),
    ("그 회사 본사는 어디야?", "미니맥스는 언제 상장했어?", False),  # the earlier question named its company
    ("Who moderated it?", "Who hosted the AGI-Next roundtable?", False),  # "it" is the roundtable
])
def test_a_follow_up_points_at_the_answer_of_a_question_asking_which_one(question, earlier, points):
    assert points_at_answer(question, earlier) is points
