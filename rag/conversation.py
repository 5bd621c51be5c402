"""Follow-up questions without an LLM: detect them and carry the topic of earlier turns.

A question is a follow-up when it leans on an earlier turn: pronouns and demonstratives ("그 회사",
"it", "they"), openers ("그럼", "And what about ..."), a bare topic ("즈푸AI는?"), an ordinal ("the second
one"), a comparison naming one side ("즈푸AI보다 많이 조달했어?"), an English question naming nothing but a
definite noun ("Which company was the data meant for?") or too few words of its own. A possessive that
follows a name in the same question ("How much did Zhipu AI raise in its IPO?") points at that name,
not at an earlier turn. Its context is
the run of earlier questions back to the last one that stood on its own (at most three).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# A demonstrative word before any noun ("그 목표", "이 보고서", "해당 기업"), a few nouns it is written
# together with ("그곳", "이들"), pronouns and openers, and "다른 …" opening the question ("다른 IT 기업들은
# 어떻게 대응했어?": other than the one just asked about).
KO_REFERENCE = re.compile(
    r"(?:^|[\s(\"'])(?:그|이|저|해당)\s+[가-힣A-Za-z0-9]"
    r"|(?:^|[\s(\"'])(?:그|이|저)(?:회사|기업|사람|곳|것|거|걸|게|분|때|보다|만큼)"
    r"|(?:^|\s)(?:그녀|그들|그곳|거기|그것|그거|그걸|그게|그건|이것|이걸|이거|이게|이건|이들|저것|저건|"
    r"그런데|그래서|그럼|그러면|그리고|또|그밖에|그 외|그렇게|이렇게|그런|이런|그때)(?=\s|$|[?은는이가을를의도])"
    # "그는 전에 어디서 일했어?": he, with his particle
    r"|(?:^|\s)그(?:는|가|의|를|에게|한테|도|와|랑)(?=\s|$|\?)"
    r"|^\s*(?:(?:그럼|그러면|그리고|또)\s+)?(?:다른|나머지)\s"
    # in place of what the earlier turn said: "중국 기업들은 대신 뭘 하고 있어?"
    r"|(?:^|\s)대신(?=\s|$)"
    # one of two just named: "둘 중 어디가 더 많이 조달했어?", "어느 쪽이 더 커?" ("어느 곳이 …?" asks on its own)
    r"|(?:^|\s)(?:둘|두\s*곳|두\s*회사)\s*(?:중|가운데)|어느\s*쪽"
)
EN_REFERENCE = re.compile(
    r"\b(?:it|its|it's|they|them|their|theirs|he|him|his|she|her|hers|this|that|these|those|there|"
    r"the company|the firm|the group|the report|the city|the same)\b"
    r"|(?<!each )\bothers?\b(?!\s+than)"
    # in place of what the earlier turn said: "What are China's companies doing instead?"
    r"|\binstead\b(?!\s+of)"
    # one of what the earlier turn named: "Which one raised more?", "the latter"
    r"|\bwhich\s+one\b|\bthe\s+(?:former|latter)\b"
    r"|^(?:and|but|so|what about|how about|also|then|and what|what else)\b",
    re.IGNORECASE,
)
# "즈푸AI는?", "그럼 기술 단지는?": a topic with no predicate asks the earlier question about it.
KO_TOPIC_ONLY = re.compile(r"^\s*(?:그럼|그러면|그리고|또)?\s*(?P<topic>(?:\S+\s+)?\S+?)(?:은|는)\s*\?\s*$")
# one of the things the answer before listed, by its place ("How much did the second one raise?", "the latter", "두
# 번째 회사는 얼마를 조달했어?"; "the second largest" and "두 번째로 큰" rank things of their own); the group holding the
# ordinal word
ORDINAL_REFERENCE = re.compile(r"\bthe\s+(?:(first|second|third|last)\s+one|(former|latter))\b"
                               r"|(?:^|\s)(첫|두|세|마지막)\s*번째\s*(?:것|거|곳|회사|기업|사람|분)?(?:은|는|이|가|의)(?=\s|\?|$)",
                               re.IGNORECASE)
ORDINAL_PLACES = {"first": 0, "former": 0, "첫": 0, "second": 1, "두": 1, "third": 2, "세": 2, "last": -1, "latter": -1,
                  "마지막": -1}
EN_DEFINITE = re.compile(r"\bthe\b", re.IGNORECASE)
EN_POSSESSIVES = {"its", "their", "theirs", "his", "her", "hers"}
NAME = re.compile(r"[A-Z][\w.-]*")
MIN_OWN_TOKENS = 2
# A Korean question that leaves its subject to the conversation: no word marked as topic or subject, no Latin name
# ("원화로 얼마를 조달했어?" after Zhipu AI's listing), where a question of its own names one ("미니맥스는 …", "우한시가 …")
KO_SUBJECTLESS = re.compile(r"^(?![^?]*[가-힣A-Za-z0-9](?:은|는|이|가)(?:\s|\?|$))(?![^?]*[A-Za-z])[^?]*[가-힣][^?]*\??\s*$")
# a time a question opens with as its topic ("지금은 어디서 일해?"): no subject of its own
KO_TIME_TOPIC = re.compile(r"(?:^|\s)(?:지금|현재|요즘|최근|당시|이후|앞으로|향후|그동안|올해|작년|내년|예전|과거)"
                           r"(?:은|는|엔|에는)(?=\s)")
# a count with nothing counted ("챗GPT 같은 AI엔 몇 개가 필요해?", "몇 명이 참석했어?"): what is counted is in the
# conversation; "A100을 몇 개 갖고 있어?" and "기술 단지는 몇 개야?" say it
KO_BARE_COUNT = re.compile(r"(?:^\s*|[가-힣A-Za-z0-9](?:에|엔|에는|에서|에게|한테|으로|로)\s+)몇\s*"
                           r"(?:개|명|곳|번|대|건|가지|차례|배)(?:가|이|를|을|나|씩)?(?:\s+[가-힣]+)*\s*\?*\s*$")
# a comparison with one side named, as the question opens ("즈푸AI보다 많이 조달했어?"): the other is in the conversation
KO_COMPARED_ONLY = re.compile(r"^\s*\S+보다\s")
MAX_CONTEXT_TURNS = 3
# a question asking for something by its name ("미니맥스보다 많이 조달한 곳은?", "Which company raised more?") or for
# someone ("Who is the CEO of Samsung?"), and a follow-up pointing at what its answer named ("그 회사 본사는 어디야?",
# "When did he join?"; "it" and "they" may as well mean what the earlier question named: "Who moderated it?" after "Who
# hosted the roundtable?", and "he" after a question asking which company is who that question named)
ASKS_WHICH_ONE = re.compile(r"^\s*which\b|^\s*what\s+(?:company|firm|startup|organi[sz]ation|institute|lab|country|city)\b"
                            r"|어디가|(?:어느|어떤)\s*(?:곳|회사|기업|기관|나라|도시)"
                            r"|(?:곳|회사|기업|업체|기관|연구소|연구원|대학|단체|나라|국가|도시)(?:은|는|이|가)\s*\?*\s*$",
                            re.IGNORECASE)
ASKS_WHO = re.compile(r"^\s*(?:who|whom|whose)\b|누구|누가|어떤\s*사람", re.IGNORECASE)
POINTS_AT_ONE = re.compile(r"(?:^|\s)그\s*(?:회사|기업|곳|기관|나라|도시)|거기"
                           r"|\b(?:the|that)\s+(?:company|firm|startup|organi[sz]ation|country|city)\b", re.IGNORECASE)
POINTS_AT_SOMEONE = re.compile(r"(?:^|\s)그\s*(?:사람|분)|(?:^|\s)그(?:는|가|의|녀)(?=\s|$|\?)|\b(?:he|him|his|she|her)\b"
                               r"|\b(?:the|that)\s+person\b", re.IGNORECASE)
# the kind a question asks for ("어느 나라가 쐈어?", "무슨 역할을 했어?", the 정도 of "성능은 어느 정도야?") is none of
# its own words: what it asks about is in the conversation
_ASKED_KIND = re.compile(r"(?:어느|어떤|무슨)\s*([가-힣]+?)"
                         r"(?:가|이|를|을|은|는|에|에서|의|로|야|이야|인가|일까|예요|이에요|에요)?(?=\s|\?|$)")


@dataclass(frozen=True)
class Turn:
    """A question as it will be searched: the question itself plus the earlier turns it relies on."""

    question: str
    context: tuple[str, ...] = ()
    # the person the question's "he" or "그는" means, when only the answer to the turn before names them ("Who moderated
    # the roundtable?" -> 탕제): searched with the question
    meant: str = ""

    @property
    def is_follow_up(self) -> bool:
        return bool(self.context)

    @property
    def search_text(self) -> str:
        return " ".join([*self.context, *filter(None, [self.meant]), self.question])


def _names_before(text: str) -> bool:
    """Whether ``text`` (the start of a question) names something: a capitalised word after the first."""
    return any(NAME.match(word) for word in text.split()[1:])


def refers_back_en(question: str) -> bool:
    """An English reference to an earlier turn: an opener, or a pronoun with no name before it to point at
    (possessives only; "it"/"they" after a name still usually mean an earlier subject)."""
    return any(
        not (m.group(0).lower() in EN_POSSESSIVES and _names_before(question[: m.start()]))
        for m in EN_REFERENCE.finditer(question)
    )


def names_nothing_en(question: str) -> bool:
    """An English question that points at something definite ("the data") but names nothing of its own: no
    capitalised word after the first, no number, no Hangul ("Which company was the data meant for?" after the
    SK Hynix employee's leak)."""
    return (bool(EN_DEFINITE.search(question)) and not re.search(r"[0-9가-힣]", question)
            and not _names_before(question))


def points_at_answer(question: str, earlier: str, someone: bool = True) -> bool:
    """Whether a follow-up points at what the answer to ``earlier`` named: ``earlier`` asked which one and
    ``question`` refers to one ("그 회사 본사는 어디야?" after "미니맥스보다 많이 조달한 곳은?"), or, with ``someone``,
    ``earlier`` asked who and ``question`` refers to a person ("When did he join?" after "Who is the CEO of Samsung?").
    When that answer found nothing, there is nothing to point at."""
    return bool(ASKS_WHICH_ONE.search(earlier) and POINTS_AT_ONE.search(question)
                or someone and ASKS_WHO.search(earlier) and POINTS_AT_SOMEONE.search(question))


def is_follow_up(question: str, own_tokens: Sequence[str]) -> bool:
    kinds = set(_ASKED_KIND.findall(question))
    own = [t for t in own_tokens if t not in kinds]
    return bool(KO_REFERENCE.search(question) or KO_TOPIC_ONLY.match(question)
                or KO_SUBJECTLESS.match(KO_TIME_TOPIC.sub(" ", question)) or KO_BARE_COUNT.search(question)
                or KO_COMPARED_ONLY.match(question)
                or ORDINAL_REFERENCE.search(question) or refers_back_en(question) or names_nothing_en(question)
                or len(own) < MIN_OWN_TOKENS)


def resolve_turn(question: str, history: Sequence[str], tokenize) -> Turn:
    """The question with the earlier questions it depends on (empty context when it stands alone)."""
    history = [h.strip() for h in history if h and h.strip()]
    if not history or not is_follow_up(question, tokenize(question)):
        return Turn(question)
    context: list[str] = []
    for earlier in reversed(history):
        context.insert(0, earlier)
        if len(context) >= MAX_CONTEXT_TURNS or not is_follow_up(earlier, tokenize(earlier)):
            break
    return Turn(question, tuple(context))
