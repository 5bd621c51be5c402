"""Hits -> a short cited answer, without any LLM (extractive), or an honest abstention.

The composer scores every sentence of the retrieved passages against the question: cosine to the
question (and, for a follow-up, to the question in its context), the IDF-weighted share of the
question's words the sentence contains (English words through the term bridge; a sentence that points
back, "이는 …", also counts the words of the sentence before it), the rank of its passage, whether it
holds the kind of answer the question asks for (a sum, a count of people, a date, a number, a name:
``rag.answer_types``), whether it defines the subject of a "What/Who is X?" question ("X은 …
기관이다."), and whether it says a reason ("… 탓이다") when the question asks why. It quotes the best
sentence that holds the asked-for kind of answer and up to two more close behind it (never the same
sentence twice, though overlapping chunks share sentences), typed and
definition sentences first, each followed by a citation marker [n]; citations are numbered in order of
first use and point at the passage that contains the quoted sentence, with the sentence's offsets for
highlighting. An English answer to a money, date or percentage question leads with the sum, date or share
written in English.

It abstains (no citations) when no retrieved sentence holds the asked-for kind of answer, or when the
best one that does is not close enough to the question; see ``AnswerConfig`` and the README for how the
thresholds were set.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import cached_property, lru_cache, partial
from typing import Protocol

import numpy as np

from .answer_types import (
    CALENDAR_DATE,
    DATE,
    KOREAN_STATEMENT_END,
    MODEL_CODE,
    MONEY,
    NAME,
    NAME_WITH_TITLE,
    NUMBER,
    PEOPLE,
    PERCENT,
    PERSON,
    affiliation_words,
    answers_count,
    answers_when,
    asks_attribute,
    asks_ordinal,
    asks_own_question,
    asks_speech,
    count_of_counted,
    counted_noun_en,
    counted_word,
    expected_type,
    holders_asked,
    is_keyword_query,
    measured_in,
    measured_word,
    mentions,
    name_asked_for,
    names_attributes,
    names_by_surname,
    names_office_of,
    names_role,
    names_thing,
    names_transaction,
    owner_first,
    owner_noun_en,
    owner_phrase_en,
    reads_as_question,
    reports_speech,
    reports_talk_in,
    role_holders,
    role_speaker,
    said_about,
    speaker_of,
    subject_words,
)
from .bridge import (
    TermMatch,
    counted,
    english_words,
    is_hangul_term,
    korean_synonyms_of,
    synonyms_of,
    with_synonyms,
)
from .bylines import byline_answer, byline_asked, named_outlet, other_outlet
from .chunking import ChunkedArticle, Sentence
from .conversation import KO_TOPIC_ONLY, ORDINAL_PLACES, ORDINAL_REFERENCE, points_at_answer
from .dates import english_date, holds_year_offsets, holds_years, year_offsets_named, years_named
from .documents import Article
from .errors import QueryError
from .glossary import korean_synonyms, senses
from .names import (
    capital_country,
    city_spellings,
    heard_after,
    heard_in,
    is_acronym,
    is_country_pair,
    is_place_name,
    is_translated_word,
    question_names,
    sound_similarity,
    sounds_in,
    spelt_like,
    territory_spellings,
)
from .numbers import asked_currency, english_amount, english_percent
from .retrieval import Hit, Query, Retriever, idf_coverage, idf_weights, sentence_closeness, with_surnamed
from .store import Store
from .text import ENGLISH_STOPWORDS, detect_language, is_proper_noun, question_words, tokenize

NOT_FOUND = {
    "ko": "기사에서 근거를 찾지 못했습니다. 이 질문에 답할 내용이 기사에 없습니다.",
    "en": "The articles don't say. I found nothing in them that answers this question.",
}
ENGLISH_READINGS = {MONEY: english_amount, DATE: english_date, PERCENT: english_percent}  # what an English answer leads with
# Korean names are looked up in the whole index, English ones in the articles retrieved (``absent_names``)
NO_METADATA = {"ko": "기사에 {} 정보가 없습니다.", "en": "The article gives no {}."}
NOT_MENTIONED = {"ko": "기사 어디에도 ‘{}’ 언급이 없습니다.", "en": "None of the articles found mentions “{}”."}
NOTHING_POINTED_AT = {"ko": "앞 질문의 답을 기사에서 찾지 못해, 이 질문이 가리키는 대상이 없습니다.",
                      "en": "The question before found no answer in them, so there is nothing for this one to refer to."}
EN_FRAME = "From the Korean articles (quoted in Korean):"
ASKS_FOR_DEFINITION = re.compile(
    r"^\s*(?:what|who)\s+(?:is|are|was|were)\s+(?:the\s+|an?\s+)?[\w .'-]{2,60}\?*\s*$"
    r"|(?:은|는)\s*(?:무엇|뭐|누구|어떤\s*\S{1,6})(?:인가|이야|야|입니까|인가요|예요|이에요)?\s*\??\s*$"
    # what someone does: "인식트그룹이 하는 일은?", "What does Insikt Group do?"
    r"|(?:이|가)\s*하는\s*일(?:은|이)?\s*(?:무엇|뭐)?\S*\s*\??\s*$|(?:은|는)\s*(?:뭐|무엇을)\s*하는\s*\S+\s*\??\s*$"
    r"|^\s*what\s+(?:does|do)\s+[\w .'-]{2,60}\s+do\s*\??\s*$",
    re.IGNORECASE,
)
# A two-letter acronym a Korean question writes in Latin letters ("EU", "UN"; not the AI of 즈푸AI), which Kiwi takes
# for no proper noun: named when the index has it or, for a country or union, its Korean name (US 미국, EU 유럽 연합)
SHORT_ACRONYM = re.compile(r"(?<![A-Za-z0-9가-힣])[A-Z]{2}(?![A-Za-z0-9])")
# A follow-up asking what a person said, who was named the turn before ("What did he say?", "그는 뭐라고 했어?"), or
# asking about the person ("Which university did he study at?", "그의 직책은?")
SPEAKER_PRONOUN = re.compile(r"\b(?:he|she|they)\b|(?:^|\s)(?:그는|그가|그녀는|그녀가|그들은|그들이)(?=\s)", re.IGNORECASE)
PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|his|her)\b|(?:^|\s)(?:그는|그가|그의|그녀는|그녀가|그녀의)(?=\s)", re.IGNORECASE)
KOREAN_OWNER = re.compile(r"\s*(\S+?)의\s")  # the word a Korean question opens with as an owner ("문샷의 …")
# what a name of an organisation ends on in Korean ("인식트그룹", "조지타운 대학교", "외교관계위원회")
ORGANISATION = re.compile(r"(?:그룹|연구소|연구원|센터|재단|협회|위원회|대학교|대학|당국|은행)")
SETTING = re.compile(r"(?:in|at|during|on)\s", re.IGNORECASE)  # where something was said, not what about
NOBODY = "\x00"  # the spelling of a person no text names: "What did Alibaba's CEO say?" when no one is named so
MIN_STATEMENT_CHARS = 12  # a full Korean statement this long is quoted ("실제 성과도 거둔 것으로 전해졌다.")
# The word a Korean question opens with as its subject or topic ("베이징이 …", "텐센트는 …")
OPENING_NAME = re.compile(r"\s*(\S+?)(?:이|가|은|는)\s")
OPENING_TWO_WORDS = re.compile(r"\s*(\S+\s\S+?)(?:이|가|은|는)\s")  # a name of two words ("엘 캐피탄은 …")
# A sentence that opens with a demonstrative or pronoun is about what the sentence before it names ("이와 별개로",
# apart from this, turns away from it).
POINTS_BACK = re.compile(r"^\W*(?:이는|이것은|이것이|이에|이러한|이런|이와(?!\s*별개로)|이들은|이들이|그는|그녀는|그들은|해당)"
                         r"(?=\s)")
# A sentence that opens with "that day / at the time" is dated by the sentence before it ("연평도 포격 사건은 2010년
# 11월 23일 … 이날 포격으로 해병 2명이 사망하고"), though it may be about something else ("같은 날 미니맥스도").
DATED_BACK = re.compile(r"^\W*(?:이날|당시|그날|같은\s*날|그해|이듬해|이튿날|다음\s*날)(?=\s)")
THAT_DAY = re.compile(r"(?:^|\s)(?:이날|그날|당일)(?=\s)")  # "WSJ는 이날 … 보도했다": the day last dated
NOT_A_DAY_BACK = re.compile(r"^\W*(?:당시|그해|이듬해)(?=\s)")  # of ``DATED_BACK``, the words no day dates
DAY_DATE = re.compile(r"(?<!\d)\d{1,2}\s*일(?![가-힣])")  # a day of the month: "7일(현지시간)", not "지난 3월"
DATING_REACH = 16  # sentences back in which "이날" finds the date it means
NAME_AND_MEANING_MIN_SOUND = 80.0  # a term near an English word by meaning names it when it sounds this alike
# an organisation owned by a name, in capitalised words: "China's Cyberspace Administration", "the Cyberspace
# Administration of China"
_TRANSLATED_ORGANISATION = re.compile(r"\b[A-Z][\w-]*(?:'s|’s)\s+(?P<word>[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)+"
                                      r"|\bthe\s+(?P<of>[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)+\s+of\s+[A-Z]")
THING_PRONOUN = re.compile(r"\b(?:it|its|they|their|them)\b", re.IGNORECASE)  # what an English follow-up points back to
COMPOUND_NAME_PIECES = 3  # a word of this many common nouns the articles write whole is a name (국가사이버정보판공실)
COUNTED_MIN_MEANING = 0.9  # a counted noun's Korean term by meaning this close is required (below: zones ~ 선도)
NAME_MIN_WEIGHT = 0.97  # a sound match this close is taken as the name's spelling when a name must be present
_CODE = re.compile(rf"[A-Z][A-Z0-9-]+|{MODEL_CODE.pattern}")  # CSET, IPO, A100, H800, R1
# what a why-question asks for ("그 이유는?"), not a word the sentence giving the reason should hold
REASON_WORDS = ("이유", "원인", "까닭")
# what someone said or thought, asked in words no quote writes ("어디와 나눈 대화에서 발언했습니까?", "베버의 발언은?",
# "…할 수 있다고 봤습니까?", "어떤 이야기가 오갔어?"): a sentence reporting speech ("…"고 뉴스위크와 나눈 대화에서
# 말했다", "…”라며 … 평가했다", "… 난상 토론을 벌였다") holds them
SPEECH_WORDS = frozenset({"발언", "언급", "말", "보", "오가"})
# the kind of thing asked for: the noun of "어느 X", the 일 of "X가 하는 일은?", the kind of "참여 기관은 어디야?"
# (which ones; "본사는 어디야?" asks where), the 곳 of "주최한 곳은 어디야?" (the place asked for), and the kind a
# question ends on after a clause ("원탁회의를 주최한 곳은?", "투자한 기업은?": a verb's adnominal form, whose last
# syllable ends in ㄴ or ㄹ, and not "그럼 기업은?", which asks about companies)
_ADNOMINAL = "".join(chr(c) for c in range(0xAC00, 0xD7A4) if (c - 0xAC00) % 28 in (4, 8))
_KINDS = "기관|기업|회사|업체|단체|나라|국가|도시|매체|언론사|곳"
ASKED_CATEGORY = re.compile(rf"어느\s*([가-힣]{{2,}})|하는\s*(일)(?=(?:은|이|을)?(?![가-힣]))"
                            rf"|(?<![가-힣])({_KINDS})(?:은|는|이|가)\s*어디"
                            rf"|(?<=[{_ADNOMINAL}]\s)({_KINDS})(?:은|는|이|가)?\s*[?？]?\s*$")
# a trigger is asked as one and given as one ("…한 계기는?": "… 보고서가 결정적 계기가 됐다"), so 계기 stays a word to cover
ASKS_WHY = re.compile(r"\bwhy\b|왜|계기|\bwhat (?:triggered|prompted|sparked)\b|" + "|".join(REASON_WORDS), re.IGNORECASE)
GIVES_REASON = re.compile(r"때문|탓|이유|원인|계기|촉발|\bbecause\b")  # a reason said as one (not every "…로" is a cause)
# a question comparing what it names: "Did MiniMax raise more than Zhipu AI?", "Which raised more, Zhipu AI or
# MiniMax?", "Did Zhipu AI list before MiniMax?" (not "after leaving OpenAI"), "미니맥스가 즈푸AI보다 더 많이
# 조달했어?", "둘 중 어디가 …"
_FIGURE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:\s*[~∼\-–]\s*\d+(?:[.,]\d+)*)?(?![\d])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_RANGE_DASHES = str.maketrans({"∼": "~", "-": "~", "–": "~"})
RATIO = re.compile(r"\d\s*배|\d\s*times\b|\d\s*-fold\b", re.IGNORECASE)  # "17배 더 크다", "ten times more"
COMPARES_NAMES = re.compile(r"\b(?:more|less|fewer|larger|bigger|higher|lower|smaller|better|worse)\b[^?]*\b(?:than|or)\b"
                            r"|\bwhich\b[^?]*\bor\b|\bcompared? (?:to|with)\b|\b(?:before|after)\s+(?-i:[A-Z])"
                            r"|보다|중\s*(?:어디|누가|어느|무엇|뭐)|비교",
                            re.IGNORECASE)
# what a comparison of two names compares: a time ("Did Zhipu AI list before MiniMax?") or a size ("Which is
# bigger, Tencent or Alibaba?", "…보다 더 많이 조달했어?")
# ("Where did Yao Shunyu work before Tencent?" compares nothing)
COMPARES_TIME = re.compile(r"^(?!\W*(?:where|what|who|whom|why|how)\b).*\b(?:before|after|earlier|later)\b|먼저|나중|앞서",
                           re.IGNORECASE)
COMPARES_MEASURE = re.compile(r"\b(?:more|less|fewer|larger|bigger|higher|lower|smaller|faster|slower)\b"
                              r"|더\s*(?:많|크|큰|높|적|작|빠르|빨리|느리)", re.IGNORECASE)
# a question asking who holds a role, whose names are the role's owners or the act's object ("Who is Alibaba's Qwen
# tech lead?", "Who is the founder of Zhipu AI?", "Who moderated the roundtable?", "원탁회의 진행자는 누구야?"), not
# "Who is Valentin Weber?"
ASKS_WHO_HOLDS = re.compile(r"^\s*who\s+(?!(?:is|was)\s+(?!the\s|its\s|their\s)[^'’?]+\?*\s*$)|누가"
                            r"|의\s+[^?]*누구|(?:자|장|책임자|대표|위원)(?:은|는|이|가)?\s*누구", re.IGNORECASE)
# a question asking who said something ("Who said the real gap may be widening?", "…라고 말한 사람은?"): "he" after it is
# the speaker its answer quoted
ASKS_WHO_SAID = re.compile(r"^\s*who\s+(?:said|says|warned|claimed|argued|told|predicted|stressed|noted|pointed|described)\b"
                           r"|(?:말한|발언한|주장한|경고한|지적한|밝힌|평가한|전망한|강조한)\s*(?:사람|인물|이)"
                           r"|누가\s[^?]*(?:말했|주장했|경고했|밝혔|지적했|평가했|강조했)", re.IGNORECASE)
# a question asking what something means or shows ("What does that indicate?", "이는 무슨 의미야?")
ASKS_MEANING = re.compile(r"\b(?:indicat\w*|mean|means|signif\w*|impl(?:y|ies|ication\w*))\b|의미|뜻하|시사", re.IGNORECASE)
# a question asking who took part in something, or for a list ("원탁회의 참석자들을 알려줘", "List the tech leads …")
ASKS_MEMBERS = re.compile(r"참석자|참석한|참가자|참가한|토론자|패널|명단|\b(?:attend\w*|participants?|panel(?:ists?)?"
                          r"|members?|line-?up)\b|^\W*list\b", re.IGNORECASE)
# a sentence naming several people by name and title: "… 탕제 최고경영자(CEO)가 … 린쥔양 기술책임자, 문샷의 양즈린 창업자 …"
ROSTER = re.compile(rf"{NAME_WITH_TITLE}.*{NAME_WITH_TITLE}")
# a question asking which ones, in the plural ("Which Chinese AI startups listed in Hong Kong?", "상장한 기업들은?"),
# and a sentence adding one more to the one before it ("같은 날 미니맥스도 6억 1900만 달러를 …")
ASKS_SEVERAL = re.compile(r"\b(?i:which)\s+(?:[\w'-]+\s+){0,3}?[a-z]{2,}[^su\W]s\b|[가-힣]들(?:은|는|이|가|을|를)?(?:\s|\?|$)")
ADDS_ONE = re.compile(r"^\s*(?:(?:같은\s*날|이날|또한|또|한편)\s+)?[^\s,]+도\s")
# a sentence explaining the one before it: "… 충족하기는 역부족이라는 것이다.", "… 높이려 한다는 얘기다."
EXPLAINS = re.compile(r"(?:다는|라는|는|란)\s*(?:것|얘기|뜻|의미)(?:이다|다)[.\s”\"']*$")
DEFINES = re.compile(r"(?:이다|였다|이었다|이다\))[.\s”\"']*$")


@dataclass(frozen=True)
class AnswerConfig:
    """Weights of the sentence score and the abstention thresholds (tuned on eval/ question sets)."""

    passages: int = 5  # passages given to the composer by default
    max_sentences: int = 3
    # Weight of the question's words a sentence contains: higher for Korean questions, whose words are the
    # article's own, than for English ones, whose Korean words come through the noisier term bridge.
    lexical_weight: dict = field(default_factory=lambda: {"ko": 0.16, "en": 0.08})
    latent_weight: float = 0.05
    rank_weight: float = 0.3
    type_bonus: float = 0.02  # a sentence holding the kind of answer asked for (a sum, a date, a number)
    definition_bonus: float = 0.03  # "What is X?": a sentence that opens with X and ends "…이다."
    # "Why …?": a sentence giving a reason ("… 수출 규제로 … 들여올 수 없게 된 탓이다"); tried at 0.03 too
    reason_bonus: float = 0.05
    # "What did Yao say …?": a sentence naming the speaker (by surname too), over another person's quote
    speaker_bonus: float = 0.03
    # a sentence writing every specific figure the question writes ("3~5년 안에": "향후 3~5년 내 …", ``figures``)
    figure_bonus: float = 0.1
    # A follow-up: a sentence next to one the earlier answer quoted (``retrieval.sentence_closeness`` 1), or
    # in the same article (0.5).
    anchor_bonus: float = 0.03
    # A further sentence is quoted when it scores within this margin of the best. Korean scores spread
    # wider (twice the lexical weight); English ones (cross-lingual) separate the answer from its
    # neighbours less, so a close runner-up is worth quoting.
    extra_sentence_margin: dict = field(default_factory=lambda: {"ko": 0.025, "en": 0.02})
    min_sentence_chars: int = 25  # headline fragments and captions ("미중 갈등 이미지.") are not quoted
    # a subheading on a line of its own ("중국 AI 다룬 미 싱크탱크 보고서에 '발칵'") repeats the words of the story
    # below it; the sentence saying what happened is the better quote
    heading_penalty: float = 0.05
    # Abstention: support = similarity + coverage_weight * coverage + latent_support * min(latent, latent_cap)
    # of the best sentence holding the asked-for kind of answer, compared with a per-language floor
    # (calibrated with `rag eval --calibrate` on the dev set and the eval/ sets; README, "Abstention rule").
    min_support: dict = field(default_factory=lambda: {"ko": 0.875, "en": 0.79})
    coverage_support: dict = field(default_factory=lambda: {"ko": 0.05, "en": 0.1})
    latent_support: dict = field(default_factory=lambda: {"ko": 0.002, "en": 0.004})
    latent_cap: float = 25.0


SUPPORT_ENV = "RAG_MIN_SUPPORT"


def config_from_env(environ: dict | None = None) -> AnswerConfig:
    """``AnswerConfig`` with abstention floors from ``RAG_MIN_SUPPORT`` ("ko=0.93,en=0.85"), for a corpus
    calibrated with ``python -m rag eval SET --calibrate``."""
    raw = (os.environ if environ is None else environ).get(SUPPORT_ENV, "").strip()
    if not raw:
        return AnswerConfig()
    floors = dict(AnswerConfig().min_support)
    for part in raw.split(","):
        lang, _, value = part.partition("=")
        try:
            if lang.strip() not in floors:
                raise ValueError(f"unknown language {lang.strip()!r}")
            floors[lang.strip()] = float(value)
        except ValueError as exc:
            raise QueryError(f"{SUPPORT_ENV}={raw!r}: expected e.g. 'ko=0.93,en=0.85' ({exc})") from exc
    return AnswerConfig(min_support=floors)


@dataclass(frozen=True)
class Citation:
    n: int
    source: str
    chunk_id: str
    title: str
    outlet: str
    author: str
    date: str
    url: str
    text: str
    quote: str
    quote_spans: tuple[tuple[int, int], ...]
    passage_start: int

    def to_json(self) -> dict:
        out = asdict(self)
        out["quote_spans"] = [list(s) for s in self.quote_spans]
        return out


@dataclass(frozen=True)
class SentenceSupport:
    """A sentence of a generated answer, the citations it carries and whether they support it."""

    text: str
    citations: tuple[int, ...]
    supported: bool
    reason: str = ""


def with_markers(text: str, numbers: Sequence[int]) -> str:
    """A generated sentence with its citation markers before the closing punctuation: "… IPO [1]."."""
    markers = "".join(f" [{n}]" for n in numbers)
    if text and text[-1] in ".!?。":
        return f"{text[:-1]}{markers}{text[-1]}"
    return text + markers


@dataclass(frozen=True)
class Answer:
    question: str
    language: str
    answer: str
    abstained: bool
    citations: tuple[Citation, ...] = ()
    follow_up_context: tuple[str, ...] = ()
    notice: str = ""
    support: float | None = None  # the abstention rule's score of the best sentence (None: nothing retrieved)
    mode: str = "extractive"  # or "llm"
    sentences: tuple[SentenceSupport, ...] = ()  # LLM answers: each sentence and whether its citations support it
    queries: dict = field(default_factory=dict)  # LLM mode: the rewritten / translated search queries
    # extractive: the index's ids of the quoted sentences from the lead sentence's article (a follow-up's anchors)
    quoted: tuple[int, ...] = field(default=(), compare=False)

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "language": self.language,
            "abstained": self.abstained,
            "citations": [c.to_json() for c in self.citations],
            "follow_up_context": list(self.follow_up_context),
            "notice": self.notice,
            "support": None if self.support is None else round(self.support, 4),
            "mode": self.mode,
            **({"sentences": [asdict(x) for x in self.sentences]} if self.sentences else {}),
            **({"queries": self.queries} if self.queries else {}),
        }


class AnswerComposer(Protocol):
    def compose(self, query: Query, hits: Sequence[Hit]) -> Answer: ...


@dataclass(frozen=True)
class ScoredSentence:
    sentence_id: int
    hit_rank: int
    score: float
    similarity: float
    coverage: float
    latent: float
    typed: bool  # holds an answer of the kind the question asks for (any full sentence does when it asks no kind)
    defines: bool = False


# How much the earlier turns' words count in a follow-up's sentence coverage: a Korean follow-up's own
# words pick the sentence within the topic; an English one's reach Korean only through the bridge, so the
# names of its context weigh more.
CONTEXT_COVERAGE = {"ko": 0.25, "en": 0.5}
# Share of the coverage a sentence gains from the question's words that only the sentence before it in its
# paragraph holds (``ExtractiveComposer._window_coverage``); 1.0 let a "… 탓이다" sentence after the answer
# take its words and its place, 0.5 did not (docs/EVALUATION.md).
WINDOW_COVERAGE = 0.5
ELLIPTIC_TOKENS = 2  # "그럼 미니맥스는?", "What about MiniMax?": the question type comes from the earlier turn


# a Korean question that is a noun phrase ending on what it asks about: "화웨이 어센드 칩 성능은?", and a follow-up's "그
# 보고서 분량은?", which asks another attribute of what it points back to, not the earlier question about another
# subject ("그럼 미니맥스는?")
_NOUN_PHRASE_QUESTION = re.compile(r"^\s*(?P<before>(?:[가-힣A-Za-z0-9]+\s+){1,3})(?P<attribute>[가-힣]{2,}?)(?:은|는)"
                                   r"\s*[?？]?\s*$")
_POINTING = re.compile(r"(?:^|\s)(?:그|이|저|해당)\s")


def answer_type(query: Query) -> str | None:
    """The kind of answer the question asks for (``rag.answer_types``); an elliptic follow-up asks what
    its context asked, unless it names another attribute of what it points back to."""
    own = expected_type(query.text)
    if own is not None or asks_own_question(query.text) or not (
            query.turn.is_follow_up and len(query.tokens) <= ELLIPTIC_TOKENS) or attribute_words(query):
        return own
    return expected_type(query.turn.search_text)


def _noun_phrase(query: Query) -> re.Match | None:
    """A Korean question that is a noun phrase (no verb), with the noun it ends on: 성능 of "화웨이 어센드 칩 성능은?"."""
    return _NOUN_PHRASE_QUESTION.match(query.text) if query.language == "ko" and not query.has_predicate else None


NAME_NOUNS = frozenset({"이름", "명칭", "이르"})  # "이름은?" (Kiwi also reads 이르 in it): the name is the answer


def attribute_words(query: Query) -> tuple[str, ...]:
    """The tokens of the noun a follow-up asks for after the noun it points back with (분량 of "그 보고서 분량은?", 가격
    of "그 칩의 가격은?", 분량 of "보고서 분량은?" after a question about the report); empty for other questions."""
    phrase = _noun_phrase(query) if query.turn.is_follow_up else None
    if not phrase:
        return ()
    # pointing back with a demonstrative, or by naming again what the turns before named ("보고서 분량은?" after
    # "인식트그룹 보고서는 언제 나왔어?")
    before = phrase.group("before")
    again = set(tokenize(before)) <= set(query.context_tokens) and bool(tokenize(before))
    # a name asked is the kind of answer, which no sentence calls so ("그 회사의 칩 이름은?": "화웨이의 '어센드'")
    words = tuple(t for t in tokenize(phrase.group("attribute")) if t not in NAME_NOUNS)
    return words if _POINTING.search(before) or again else ()


# A follow-up with one word of its own or none ("Where does he work?") multiplies ``anchor_bonus`` by this: it asks
# about what was just quoted. 3 fixed one question of our sets, 5 two, with nothing lost; excluding the quoted
# sentence itself lost seven ("그 회사는 얼마를 조달했어?" is answered by the listing sentence quoted before).
ELLIPTIC_ANCHOR_FACTOR = 5.0
UNBRIDGED_WEIGHT = 0.5  # an English word with no Korean counterpart counts this share of the highest IDF


def question_weights(store: Store, query: Query) -> dict[str, float]:
    """IDF weights of what a supporting sentence should contain (``term_weights`` of the question)."""
    return term_weights(store, query.tokens, query.bridged, query.language)


def context_weights(store: Store, query: Query) -> dict[str, float]:
    """``term_weights`` of a follow-up's earlier turns."""
    context = " ".join(query.turn.context)
    return term_weights(store, query.context_tokens, query.context_bridged, detect_language(context)) if context else {}


def term_weights(store: Store, tokens: Sequence[str], bridged: Sequence[TermMatch], language: str) -> dict[str, float]:
    """IDF weights of the words of a text a sentence should contain. Korean: its own tokens
    (``idf_weights``). Another language: the tokens the index knows (numbers, Latin names), the Korean
    terms bridged from its other words (IDF times match similarity), and, at ``UNBRIDGED_WEIGHT``, the
    words nothing matched."""
    weights = idf_weights(store, tokens)
    if language == "ko":
        return weights
    vocab, idf = store.bm25.vocab, store.bm25.idf
    bridged_words = {m.word.lower() for m in bridged}  # a name run ("yaoshunyu") covers its words
    unbridged = UNBRIDGED_WEIGHT * (float(idf.max()) if len(idf) else 1.0)
    weights = {t: w if t in vocab else (0.0 if any(t in word for word in bridged_words) else unbridged)
               for t, w in weights.items()}
    for m in counted(bridged):
        if m.how != "surname":  # a surname stands in for its full name (``with_full_names``), not beside it
            weights[m.term] = max(weights.get(m.term, 0.0), float(idf[vocab[m.term]]) * m.weight)
    return weights


def with_full_names(tokens: tuple[str, ...], text: str, bridged: Sequence[TermMatch]) -> tuple[str, ...]:
    """A sentence's tokens plus the full name of each person it names by surname only ("린 기술책임자는"
    names 린쥔양 for a question about Lin Junyang): one syllable before a title (Xi's 시 is also a token of
    우한시), or, when it has two syllables, in the text (Kiwi splits "야오" into 야 + 오)."""
    named = {m.word for m in bridged if m.how == "surname"
             and (names_by_surname(text, m.term) if len(m.term) == 1 else m.term in text)}
    full = tuple(dict.fromkeys(m.term for m in bridged if m.how == "sound" and m.word in named))
    return tokens + full


def names_spelling(text: str, spelling: str) -> bool:
    """Whether ``text`` writes a name's lower-case ``spelling`` (two letters or more), or, for a Hangul name, gives
    its surname and a title ("야오 AI책임자는" for 야오순위, "린 기술책임자는" for 린)."""
    return (len(spelling) > 1 and spelling in text.lower()) or (is_hangul_term(spelling) and names_by_surname(text, spelling))


@dataclass(frozen=True)
class Asked:
    """What a question asks for: the kind of answer (``rag.answer_types``; None: any sentence may answer),
    the names whose role or attribute it asks about (most specific first), the names the article
    holding a typed answer must contain, each name as the lower-case spellings that count for it; for
    "What did X say about Y?", the spellings of Y's most specific word, one of which the answer must
    contain; for "What is the name of X's Y?", the spellings of Y, which the answer must name."""

    question: str
    kind: str | None
    subjects: tuple[tuple[str, ...], ...] = ()
    names: tuple[tuple[str, ...], ...] = ()
    topic: tuple[str, ...] = ()
    thing: tuple[str, ...] = ()
    # spellings of what a count or measure question counts, or of what an English sum belongs to ("fund"), one of
    # which the sentence must name
    counted: tuple[str, ...] = ()
    years: tuple[str, ...] = ()  # the years the question names ("the 2024 election")
    year_offsets: tuple[int, ...] = ()  # and those it names relative to now ("next year": 1)
    # the spellings of each person the sentence (or the one before it) must name, and a sentence naming one scores
    # higher: who a question asks what they said, or who a follow-up's "he" or "그는" is
    persons: tuple[tuple[str, ...], ...] = ()
    country: tuple[str, ...] = ()  # the Korean names of the country whose office a role question asks about
    # the proper noun a Korean question opens with as its subject or topic ("베이징이 올해 갖출 컴퓨팅 능력은?"): the
    # sentence holding the answer, or the one before it in its paragraph, must name it (Wuhan's capacity is not Beijing's);
    # given as its spellings, its glossary synonyms too (소련, 소비에트)
    opening_name: tuple[str, ...] = ()

    def answered_by(self, text: str, covered: str, article: Article, dated_by: str = "", before: str = "") -> bool:
        """Whether a sentence (``text``; with the sentence it points back to, ``covered``) of an article
        holds an answer of the asked kind: a sum, count, date … (the count with the asked counter, and
        what is counted named there), or the asked title near the person's subject, or a name next to the
        thing whose name is asked; every asked attribute named near the subject; the topic asked about;
        for "What did X say …?", speech reported by the sentence itself (not by the one it points back to:
        "이러한 반응은 …" after Lin's quote reports nothing Tang said);
        every year the question names (``holds_years``; in the sentence, or in ``dated_by``, the sentence
        before it when it opens "이날 …"); the opening name in it or in ``before``, the sentence before it in its
        paragraph; and every name of the question somewhere in the article."""
        q = self.question
        # a number written in the unit counted: "1.7엑사플롭스" for "How many exaflops …?", though a unit is no counter
        in_unit = self.kind == NUMBER and measured_in(self.counted, text)
        if self.kind == PERSON:
            in_role = names_role(q, covered, self.subjects) or self.role_of_subject_before(covered, before)
            # whose role it is unsaid ("Who founded it?"): the title must come with a holder's name (the CSET
            # sentence's "연구소가 우한에 지사를 설립해" founds branches, and names nobody)
            in_role = in_role and (bool(self.subjects) or holders_asked(q, covered) is not None)
            holds = in_role and (not self.country or names_office_of(q, covered, self.country))
        elif self.kind == NAME:
            holds = not self.thing or names_thing(text, self.thing, self.subjects)
        else:
            ordinal = self.kind == NUMBER and asks_ordinal(q)  # "몇 번째로 …?": "최초로", no digit needed
            holds = ((answers_when(q, text) if self.kind == DATE else mentions(self.kind, text) or ordinal)
                     and (self.kind != NUMBER or answers_count(q, text) or in_unit)
                     and (self.kind != MONEY or names_transaction(q, covered)))
        about = not self.topic or any(t in covered.lower() for t in self.topic)
        counts = in_unit or count_of_counted(q, self.counted, covered)
        opens = not self.opening_name or any(names_spelling(t, n) for t in (covered, before) for n in self.opening_name)
        return (holds and about and counts and opens and names_attributes(q, covered, self.subjects)
                and reports_speech(q, text)
                and holds_years(self.years, f"{dated_by} {covered}", article.date)
                and holds_year_offsets(self.year_offsets, f"{dated_by} {covered}", article.date)
                and self.named_in(article.text))

    def role_of_subject_before(self, covered: str, before: str) -> bool:
        """Whether a sentence (``covered``) names the role a person question asks about, of a subject only the
        sentence before it in its paragraph (``before``) names: "… ‘범용인공지능(AGI)·넥스트프런티어 원탁회의’에서 …"
        then "… 탕제 최고경영자(CEO)가 진행자로 나섰고 …"."""
        return (self.kind == PERSON and bool(self.subjects) and names_role(self.question, covered)
                and any(n in before.lower() for n in self.subjects[0])
                and not any(n in covered.lower() for n in self.subjects[0]))

    def names_person(self, covered: str, tokens: Sequence[str]) -> bool:
        """Whether a sentence (``covered``, its ``tokens`` with full names added for surnames) names one of
        ``persons``; a one-syllable Hangul spelling only as a surname before a title ("린 기술책임자는"; 린 is in
        양즈린, and Xi's 시 is a token of 우한시), a Hangul name also by surname and title ("탕 CEO도" for 탕제)."""
        return bool(self.persons_named(covered, tokens))

    def persons_named(self, covered: str, tokens: Sequence[str]) -> tuple[str, ...]:
        """The spellings of each of ``persons`` the sentence names (``names_person``)."""
        return tuple(s for spellings in self.persons
                     if any((s in tokens and (len(s) > 1 or not is_hangul_term(s))) or names_spelling(covered, s)
                            for s in spellings)
                     for s in spellings)

    def organisations_reporting(self, article_text: str) -> bool:
        """Whether every one of ``persons`` is an organisation the article names (``ORGANISATION``: 인식트그룹, heard
        as "Insikt"): an article on a report goes on giving its findings without naming it in each sentence ("… 민간
        투자가 제한적이라 … 중요한 변수로 꼽혔다." three sentences after "다만 인식트그룹은 …")."""
        lowered = _lowered(article_text)
        return bool(self.persons) and all(any(re.search(rf"{re.escape(s)}\s*{ORGANISATION.pattern}", lowered)
                                              for s in spellings if s != NOBODY)
                                          for spellings in self.persons)

    def named_in(self, article_text: str) -> bool:
        """Whether the article names every one of ``names`` (by one of its spellings each)."""
        if not self.names:
            return True
        lowered = _lowered(article_text)
        return all(any(n in lowered for n in spellings) for spellings in self.names)


# how a sentence ends, not a heading: a full stop, a question or exclamation mark, a quote closed, or "…다"
SENTENCE_END = re.compile(r"(?:[.!?。…]|다)[”\"'’」』)\]]*\s*$")


def is_heading(article: str, start: int, end: int) -> bool:
    """Whether the sentence at ``article[start:end]`` is a heading: alone on its line and ending as no sentence
    does (a title, a subheading "◇ 우한, 중국 최대 AI 컴퓨팅 중심지로 성장")."""
    line_start = article.rfind("\n", 0, start) + 1
    line_end = article.find("\n", end)
    rest = article[end:] if line_end < 0 else article[end:line_end]
    return not article[line_start:start].strip() and not rest.strip() and not SENTENCE_END.search(article[start:end])


def figures(text: str) -> set[str]:
    """The specific figures ``text`` writes, spaces and thousands separators dropped and a range's dash read as
    Korean's tilde: a range ("3~5년", "3-5 years": 3~5), a decimal (1.7) or a number of three digits or more
    (1,000: 1000). Not a year, which Korean often writes relative to now ("2025 capacity target": 올해), nor a
    day or small count ("March 12" is no "12월")."""
    found = {re.sub(r"\s+|(?<=\d),(?=\d{3})", "", m.group(0)).translate(_RANGE_DASHES) for m in _FIGURE.finditer(text)}
    return {f for f in found if "~" in f or "." in f or (len(f) >= 3 and not _YEAR.fullmatch(f))}


def korean_spellings(query: Query, name: str) -> tuple[str, ...]:
    """The spellings that count for a Korean question's name: itself, as the index spells it
    (``TermBridge.by_spelling``: 리버모어 as 리버모아) or glosses it (EUV 극자외선), and its glossary synonyms
    (소련: 소비에트)."""
    return tuple(dict.fromkeys((name.lower(), *(m.term for m in query.bridged if m.how in ("spelling", "glossary")
                                                and m.word.startswith(name)),
                                *sorted(korean_synonyms().get(name.lower(), ())))))


def owns(question: str, name: str) -> bool:
    """Whether ``question`` writes ``name`` (lower case) as an owner: "What did Tencent's AI chief say?" and
    "텐센트의 AI 책임자는 …" ask what the chief said, not Tencent."""
    return bool(re.search(rf"(?<![\w]){re.escape(name)}(?:'s|’s|s'|의)(?![\w])", question.lower()))


@lru_cache(maxsize=64)
def _lowered(text: str) -> str:
    """An article's text lower-cased once, not once per candidate sentence."""
    return text.lower()


class ExtractiveComposer:
    """The offline default: quotes the sentences that best answer the question, with citations."""

    def __init__(self, retriever: Retriever, config: AnswerConfig = AnswerConfig()):
        self.retriever = retriever
        self.store = retriever.store
        self.config = config

    def score_sentences(self, query: Query, hits: Sequence[Hit]) -> list[ScoredSentence]:
        store, cfg = self.store, self.config
        language = "ko" if query.language == "ko" else "en"
        wanted = answer_type(query)
        subjects = self._definition_subjects(query)
        texts = tuple(dict.fromkeys(hit.article.text for hit in hits))
        asked = self.asked(query, wanted, texts)
        why = bool(ASKS_WHY.search(query.text))
        top = hits[0].score if hits else 0.0
        seen: dict[int, ScoredSentence] = {}
        reported: dict[str, bool] = {}  # article source -> whether its article reports the asked organisations
        candidates = [(rank, sid) for rank, hit in enumerate(hits)
                      for sid in store.chunk_sentence_ids(hit.chunk_index)]
        ids = np.array(sorted({sid for _, sid in candidates}), dtype=np.int64)
        latent = dict(zip(ids.tolist(), self.retriever.sentence_latent_scores(query, ids)))
        best_latent = max(latent.values(), default=0.0) or 1.0
        own_weights = self._with_heard_names(query, question_weights(store, query), texts)
        if why:  # "그 이유는?" asks for a reason: a sentence saying "이유가 있다" does not give one
            own_weights = {t: w for t, w in own_weights.items() if t not in REASON_WORDS}
        # "어느 기관 소속이야?" asks which one: the sentence naming it ("독일 외교관계위원회 … 센터의 발렌틴 베버") need
        # not say "기관"
        categories = [next(filter(None, found)) for found in ASKED_CATEGORY.findall(query.text)]
        categories += [w.lower() for words in affiliation_words(query.text) for w in words.split()]  # "소속", "work for"
        # and an English category word's Korean renderings ("affiliation" 소속) are not to cover either
        renderings = {m.term for m in query.bridged if m.word.lower() in categories}
        own_weights = {t: w for t, w in own_weights.items()
                       if not any(c.startswith(t) for c in categories) and t not in renderings}
        if not own_weights and asked.subjects and affiliation_words(query.text):  # "그의 소속은?": his name is asked
            own_weights = idf_weights(store, [s for s in asked.subjects[0] if s in store.bm25.vocab])
        bridged = query.bridged + query.context_bridged
        # a Korean word's glossary synonym written in a sentence covers it (경계 for 경고); a bridged English word's
        # other renderings cover its counted one
        synonyms = {**korean_synonyms_of(query.tokens + query.context_tokens), **synonyms_of(bridged)}
        # a follow-up that says almost nothing of its own ("Where does he work?") asks about what was just quoted;
        # one naming something ("And Zhipu?") asks the earlier question about another subject
        elliptic = len(query.tokens) <= 1 and not (query.names if language == "ko" else question_names(query.text))
        anchor_bonus = cfg.anchor_bonus * (ELLIPTIC_ANCHOR_FACTOR if elliptic else 1.0)
        earlier_weights = context_weights(store, query)
        event_weights = self._event_weights(query, wanted, asked, own_weights, texts)
        speech_words = tuple(t for t in own_weights if t in SPEECH_WORDS)
        asked_figures = figures(query.text)
        for rank, sid in candidates:
            hit = hits[rank]
            if sid in seen:
                continue
            vec = store.sentence_vectors[sid]
            search_similarity = float(vec @ query.search_vector)
            similarity = float(vec @ query.question_vector)
            if query.turn.is_follow_up:  # "When did it list?" means little without its context
                similarity = max(similarity, search_similarity)
            doc, sentence = store.sentence(sid)
            text = doc.article.text[sentence.start : sentence.end]
            tokens, covered = self._with_antecedent(sid, doc, sentence, text)
            tokens = with_synonyms(with_full_names(tokens, covered, bridged), synonyms)
            if language == "ko":
                tokens = with_surnamed(tokens, covered, query.tokens)
            if speech_words and reports_talk_in(text):
                tokens += speech_words
            spoken_by = asked.persons_named(covered, tokens)
            if doc.article.source not in reported:  # its findings, named or not: once per article
                reported[doc.article.source] = asked.organisations_reporting(doc.article.text)
            reporting = reported[doc.article.source]
            tokens += spoken_by  # "탕 CEO는 …" covers 탕제 of "What did Tang Jie say?"
            before = self._paragraph_previous(sid, doc, sentence)
            before_text = doc.article.text[before.start : before.end] if before is not None else ""
            # the role of a subject the sentence before names: that sentence's words count in full
            window = 1.0 if asked.role_of_subject_before(covered, before_text) else WINDOW_COVERAGE
            own = self._window_coverage(own_weights, before, before_text, tokens, covered, window)
            coverage = own + CONTEXT_COVERAGE[language] * idf_coverage(earlier_weights, tokens, covered)
            # the sentence just quoted is no answer to a follow-up asking about something it does not hold ("And what
            # weakness could hurt it?" after the goal): its neighbours keep the bonus
            anchored = query.anchors and (elliptic or own > 0 or sid not in query.anchors)
            # a caption or headline fragment ("미중 갈등 이미지.") answers nothing
            typed = self._quotable(text) and asked.answered_by(
                text, covered, doc.article, self._dated_by(sid, doc, text), before_text)
            if typed and event_weights:
                typed = all(idf_coverage(w, tokens, covered) > 0 for w in event_weights if w)
            if typed and asked.persons:
                typed = reporting or asked.names_person(f"{covered} {before_text}", tokens)
            defines = bool(subjects) and text.lstrip().startswith(subjects) and bool(DEFINES.search(text))
            score = (
                (similarity + search_similarity) / 2
                + cfg.lexical_weight[language] * coverage
                + cfg.latent_weight * latent[sid] / best_latent
                + cfg.rank_weight * (hit.score - top)
                + (cfg.type_bonus if wanted is not None and typed else 0.0)
                + (cfg.definition_bonus if defines else 0.0)
                + (cfg.reason_bonus if why and GIVES_REASON.search(covered) else 0.0)
                + (cfg.speaker_bonus if spoken_by or reporting else 0.0)
                + (cfg.figure_bonus if asked_figures and asked_figures <= figures(text) else 0.0)
                + (anchor_bonus * sentence_closeness(store, query.anchors, sid) if anchored else 0.0)
                - (cfg.heading_penalty if is_heading(doc.article.text, sentence.start, sentence.end) else 0.0)
            )
            seen[sid] = ScoredSentence(sid, rank, score, similarity, coverage, latent[sid], typed, defines)
        return sorted(seen.values(), key=lambda s: (-s.score, s.sentence_id))

    def _event_weights(self, query: Query, wanted: str | None, asked: Asked, weights: dict[str, float],
                       texts: Sequence[str]) -> list[dict[str, float]]:
        """Groups of the question's words (with their weights) of each of which a sentence holding the answer must
        hold one. For a date question asked on its own, its words other than its names ("When will Wuhan's social
        simulator be deployed nationwide?" is not answered by a dated photo caption in Wuhan's article). Almost
        every news sentence holds a date; sums and counts are tied to what they measure by ``Asked.counted`` and
        the attribute and transaction checks instead (requiring a word here refused "How much is MiniMax's IPO
        worth in Korean won?", whose other words are a currency). For a Korean question that is a noun phrase
        and asks for no kind ("화웨이 어센드 칩 성능은?"), the noun it ends on (성능), when the retrieved articles
        (``texts``) write it, and the rarest word of its names (화웨이; "최고" of "미국 최고 슈퍼컴퓨터는?" is no
        name): the sentence on H800s giving "최신 칩의 성능" says nothing of Huawei's chip, and the one naming the
        Ascend nothing of its performance (a noun no article writes is said otherwise: "야오순위의 현재 직함은?" is
        answered by "야오순위 AI 책임자"). None for other
        questions, and for a follow-up ("As of when?"), whose words are in the turn before, except one asking
        another attribute of what it points back to: a sentence answering "그 보고서 분량은?" must name the 분량
        (``attribute_words``)."""
        attribute = attribute_words(query)
        if attribute:
            return [{t: w for t, w in weights.items() if t in attribute}]
        phrase = _noun_phrase(query) if wanted is None and not query.turn.is_follow_up else None
        if phrase:
            words = tokenize(phrase.group("attribute"))
            named = [n.lower() for n in query.names]
            others = {t: w for t, w in weights.items() if t not in words and any(t in n for n in named)}
            rarest = max(others, key=others.get) if others else None
            written = {t: w for t, w in weights.items() if t in words and any(t in _lowered(text) for text in texts)}
            return [group for group in (written, {rarest: others[rarest]} if rarest else {}) if group]
        if wanted != DATE or query.turn.is_follow_up:
            return []
        spelled = {spelling for name in asked.names for spelling in name}
        group = {t: w for t, w in weights.items() if t not in spelled}
        # a glossed English word by the renderings of all its senses: the one picked by the question's vector may be
        # another's ("When did Zhipu list in Hong Kong?": 명단, a list of names, where the sentence says 상장)
        vocab = self.store.bm25.vocab
        for m in query.bridged:
            if m.how == "glossary" and m.term in group:
                group.update({t: group[m.term] for synonyms in senses(m.word.lower()) for t in synonyms
                              if t in vocab and t not in group})
        return [group]

    def _with_heard_names(self, query: Query, weights: dict[str, float], texts: Sequence[str]) -> dict[str, float]:
        """``weights`` with each English name the index has no term for but ``texts`` spell by sound
        (``_english_names``: Moonshot 문샷, which Kiwi splits into 문 + 샷) counted under that spelling, so
        a sentence holding it covers the name."""
        if query.language == "ko":
            return weights
        out = dict(weights)
        for word, *spellings in self._english_names(query, query.text, texts=texts):  # the word itself first
            if word in out and spellings and word not in self.store.bm25.vocab and spellings[0] not in out:
                out[spellings[0]] = out.pop(word)
        return out

    def rank_passages(self, query: Query, hits: Sequence[Hit]) -> list[Hit]:
        """The hits reordered by the best sentence each holds (``score_sentences``: its cosine with the
        question, the question's words and latent terms it holds, its passage's retrieval score and the
        kind of answer asked for), retrieval order breaking ties: a second stage that reads sentences
        where the first compared passages. Cross-lingual passage scores are close and noisy ("Who is
        Insikt Group an official contractor for?" ranked the passage saying "미국 국방부 공식 협력업체"
        third); the sentence that answers tells the passages apart. Passages holding a sentence that would
        answer (of the asked kind, ``typed``, and above the abstention floor) come first, ranked by that
        sentence: "What odds did Alibaba's Qwen lead give China …?" ranks the panel roster naming Alibaba,
        Qwen and Lin Junyang below the passage giving his 20%."""
        language = "ko" if query.language == "ko" else "en"
        # no sentence answers a question naming what the articles never mention, nor a statement searched for
        answerable = reads_as_question(query.text) and not self.absent_names(query, hits)
        floor = self.config.min_support[language] if answerable else float("inf")
        best: dict[int, tuple[bool, float]] = {}  # hit rank -> (holds an answer, score of its best such sentence)
        for s in self.score_sentences(query, hits):  # best first
            answers = s.typed and self.support(language, s) >= floor
            if s.hit_rank not in best or (answers and not best[s.hit_rank][0]):
                best[s.hit_rank] = (answers, s.score)
        missing = (False, float("-inf"))
        order = sorted(range(len(hits)), key=lambda i: (not best.get(i, missing)[0], -best.get(i, missing)[1], i))
        return [hits[i] for i in order]

    def _with_antecedent(self, sentence_id: int, doc: ChunkedArticle, sentence: Sentence,
                         text: str) -> tuple[tuple[str, ...], str]:
        """The tokens and text that count for a sentence's coverage: its own, plus the previous
        sentence's when it opens by pointing back ("이는 1957년 … 스푸트니크 …" is about the DeepSeek of
        the sentence before) and that sentence is in the same article."""
        previous = self._previous(sentence_id, doc) if self._leans_back(sentence_id, text) else None
        if previous is None:
            return sentence.tokens, text
        return sentence.tokens + previous.tokens, doc.article.text[previous.start : previous.end] + " " + text

    def _paragraph_previous(self, sentence_id: int, doc: ChunkedArticle, sentence: Sentence) -> Sentence | None:
        """The sentence before ``sentence_id`` in its paragraph (sentences never cross a line break)."""
        before = self._previous(sentence_id, doc)
        return None if before is None or "\n" in doc.article.text[before.end : sentence.start] else before

    @staticmethod
    def _window_coverage(weights: dict[str, float], before: Sentence | None, before_text: str,
                         tokens: tuple[str, ...], covered: str, window: float = WINDOW_COVERAGE) -> float:
        """``idf_coverage`` of the sentence, plus ``window`` of what ``before``, the sentence before it in its
        paragraph, adds: a news paragraph names its event once ("… 원탁회의에서 … 토론을 벌였다. 탕제 CEO가
        진행자로 나섰고 …"), and a question about the event's moderator names the event."""
        own = idf_coverage(weights, tokens, covered)
        if own >= 1.0 or before is None:
            return own
        return own + window * (idf_coverage(weights, tokens + before.tokens, f"{before_text} {covered}") - own)

    def _dated_by(self, sentence_id: int, doc: ChunkedArticle, text: str) -> str:
        """The text of the sentence that dates one (``_dating``); ""."""
        dating = self._dating(sentence_id, text)
        return self.store.sentence_text(dating) if dating is not None else ""

    def _dating(self, sentence_id: int, text: str) -> int | None:
        """The sentence that dates one opening "이날 …" / "당시 …" or saying "이날" and giving no date of its own: the
        nearest before it in its article that gives a calendar date (a day for "이날"), within ``DATING_REACH``
        sentences (Korean news dates an event once: "7일(현지시간) 미국 월스트리트저널(WSJ)에 따르면, …", then two
        paragraphs on "WSJ는 이날 … 보도했다."), else the one right before it; None for other sentences and an
        article's first."""
        if not (DATED_BACK.match(text) or THAT_DAY.search(text) and not CALENDAR_DATE.search(text)):
            return None
        article = self.store.sentence_article[sentence_id]
        earlier = [i for i in range(sentence_id - 1, max(sentence_id - 1 - DATING_REACH, -1), -1)
                   if self.store.sentence_article[i] == article]
        # "이날" is a day (a caption's "지난 3월" is none), "당시" and "그해" any date
        date = CALENDAR_DATE if NOT_A_DAY_BACK.match(text) and not THAT_DAY.search(text) else DAY_DATE
        return next((i for i in earlier if date.search(self.store.sentence_text(i))), earlier[0] if earlier else None)

    def _previous(self, sentence_id: int, doc: ChunkedArticle) -> Sentence | None:
        """The sentence before ``sentence_id`` when the same article holds it."""
        if sentence_id == 0:
            return None
        previous_doc, previous = self.store.sentence(sentence_id - 1)
        return previous if previous_doc.article.source == doc.article.source else None

    def _antecedent_to_quote(self, sentence_id: int, hit: Hit, hits: Sequence[Hit],
                             quoted: set[int]) -> tuple[tuple[int, Hit], ...]:
        """The sentence before a quoted one that needs it (``_leans_back``: "이는 … 때문이다.", the end of a quote),
        with the passage to cite it from (``_holder``), when the same article holds it and it is not quoted
        already: quoted alone, "이는" says nothing."""
        before = sentence_id - 1
        if sentence_id == 0 or before in quoted or not self._leans_back(sentence_id, self.store.sentence_text(sentence_id)):
            return ()
        if self.store.sentence_article[before] != self.store.sentence_article[sentence_id]:
            return ()
        quoted.add(before)
        return ((before, self._holder(before, hit, hits)),)

    def _leans_back(self, sentence_id: int, text: str) -> bool:
        """Whether a sentence needs the one before it: it opens by pointing back ("이는 …"), or it goes on with a
        quotation the sentence before left open ("미국 기업들은 …"고 뉴스위크와 나눈 대화에서 말했다." names no
        speaker; the sentence before, which opened 한나스's quote, does)."""
        return bool(POINTS_BACK.match(text)) or (sentence_id > 0 and self._quote_goes_on(sentence_id - 1))

    def _quote_goes_on(self, sentence_id: int) -> bool:
        """Whether a sentence ends inside a quotation (an odd number of '"', or more “ than ”) that the next
        sentence of its article goes on with: Kiwi may split a quote in two, 한나스's '…"더 큰 문제는 양측이 같은
        경기를 하지 않는다는 것이다.' goes on '미국 기업들은 …"고 … 말했다.'."""
        text = self.store.sentence_text(sentence_id)
        after = sentence_id + 1
        return ((text.count('"') % 2 == 1 or text.count("“") > text.count("”"))
                and after < len(self.store.sentence_article)
                and self.store.sentence_article[after] == self.store.sentence_article[sentence_id])

    def _rest_of_quote(self, sentence_id: int, hit: Hit, hits: Sequence[Hit],
                       quoted: set[int]) -> tuple[tuple[int, Hit], ...]:
        """The sentence after a quoted one that ends inside a quotation (``_quote_goes_on``), with the passage to
        cite it from, when it is not quoted already: quoted alone, the quote is cut short."""
        after = sentence_id + 1
        if after in quoted or not self._quote_goes_on(sentence_id):
            return ()
        quoted.add(after)
        return ((after, self._holder(after, hit, hits)),)

    def _byline(self, query: Query, hits: Sequence[Hit], field: str, language: str) -> Answer:
        """The author, outlet or date (``field``) of the retrieved article whose outlet the question names, or
        else of the best retrieved one, cited with its passage; an abstention saying so when it has none, and
        when the question names another outlet's article (``other_outlet``), whose byline no article holds."""
        if other_outlet(query.text, self._outlet_sources):  # "Who wrote the WSJ article?": no article's metadata
            return Answer(query.text, language, NOT_FOUND[language], True, (), query.turn.context)
        outlet = named_outlet(query.text, self._outlet_sources)
        hit = hits[0] if not outlet else next(
            (h for h in hits if h.article.outlet == outlet), None) or self._first_passage(self._outlet_sources[outlet])
        answer = byline_answer(field, hit.article, language)
        if answer.text is None:
            text = f"{NOT_FOUND[language]} {NO_METADATA[language].format(answer.missing)}"
            return Answer(query.text, language, text, True, (), query.turn.context)
        return Answer(query.text, language, answer.text, False, (cite(self.store, hit, None, 1),), query.turn.context)

    @cached_property
    def _outlet_sources(self) -> dict[str, str]:
        """Each outlet the articles name, with the first article from it (read once per index, on the first
        question about an article's metadata)."""
        out: dict[str, str] = {}
        for doc in self.store.articles:
            out.setdefault(doc.article.outlet, doc.article.source)
        out.pop("", None)
        return out

    def _first_passage(self, source: str) -> Hit:
        """The first passage of the article from ``source``, as a hit with no scores."""
        index = self.store.by_source[source]
        chunk_index = int(self.store.article_first_chunk[index])
        return Hit(chunk_index, self.store.chunks[chunk_index], self.store.articles[index].article, 0.0, 0.0, 0.0)

    def _holder(self, sentence_id: int, hit: Hit, hits: Sequence[Hit]) -> Hit:
        """The passage to cite a sentence from: ``hit`` when it holds it, else a retrieved one that does, else
        the article's passage that does (a passage boundary may fall between two sentences quoted together)."""
        return next((h for h in (hit, *hits) if sentence_id in self.store.chunk_sentence_ids(h.chunk_index)),
                    None) or self._passage_of(sentence_id)

    def _passage_of(self, sentence_id: int) -> Hit:
        """The passage holding a sentence that retrieval did not return, as a hit with no scores."""
        chunk_index = self.store.sentence_chunks(sentence_id)[-1]
        return Hit(chunk_index, self.store.chunks[chunk_index], self.store.article_of_chunk(chunk_index).article,
                   0.0, 0.0, 0.0)

    def _definition_subjects(self, query: Query) -> tuple[str, ...]:
        """For "What/Who is X?" questions, the index terms naming X (the question's own terms the index
        knows, and the Korean terms bridged from its words); empty for other questions."""
        if not ASKS_FOR_DEFINITION.search(query.text):
            return ()
        vocab = self.store.bm25.vocab
        return tuple({t for t in query.tokens if t in vocab and len(t) > 1} | {m.term for m in query.bridged})

    def absent_names(self, query: Query, hits: Sequence[Hit]) -> tuple[str, ...]:
        """Names the question uses that the articles never do; they cannot answer a question about
        something they never mention. A Korean question's proper nouns ("삼성전자") and acronyms ("GDP") are
        looked up in the whole index: no index term contains them or their glossary renderings (EUV 극자외선),
        nor their parts as Kiwi splits them, nor
        spells them or their parts alike (``TermBridge.by_spelling``: 리버모어 / 리버모아; ``spelt_alike``:
        화롄 / 화련, 실리콘밸리 / 실리콘 + 벨리), nor do the retrieved articles write them; countries joined by
        their one-syllable names ("미중", ``is_country_pair``) are no names. An
        English question's names (``question_names``) reach the Korean text only by sound or meaning, so
        they are looked for in the retrieved articles (``_english_name_absent``)."""
        texts = tuple(dict.fromkeys(hit.article.text for hit in hits))
        if query.language == "ko":
            bm25, bridge = self.store.bm25, self.retriever.bridge
            respelled = {m.word for m in query.bridged if m.how == "spelling"}
            return tuple(name for name in query.names
                         if not bm25.mentions(name.lower())
                         # an acronym Korean text writes in its own words ("EUV": 극자외선)
                         and not any(bm25.mentions(t) for synonyms in senses(name.lower()) for t in synonyms)
                         # or a Korean synonym of it (소련: 소비에트)
                         and not any(bm25.mentions(t) for t in korean_synonyms().get(name.lower(), ()))
                         and not all(bm25.mentions(t) or bridge.spelt_alike(t) for t in tokenize(name))
                         # or two words the index knows, written without the space ("어센드칩": 어센드 + 칩; a
                         # syllable after three or more only: 샤오미 is no 샤오 + 미)
                         and not any(bm25.mentions(name[:i].lower()) and bm25.mentions(name[i:])
                                     for i in range(2, len(name)) if is_hangul_term(name[i:])
                                     and (len(name) - i > 1 or i > 2))
                         and not any(w.startswith(name) for w in respelled)
                         and not any(name in text for text in texts) and not is_country_pair(name)) + tuple(
                acronym for acronym in dict.fromkeys(SHORT_ACRONYM.findall(query.text))
                if not bm25.mentions(acronym.lower())
                and not any(all(bm25.mentions(t) for t in tokenize(k)) for k in territory_spellings((acronym,)) or ()))
        if not texts:
            return ()
        return tuple(" ".join(name) for name in question_names(query.text)
                     if self._english_name_absent(name, query, texts))

    def _english_name_absent(self, name: tuple[str, ...], query: Query, texts: Sequence[str]) -> bool:
        """Whether none of ``texts`` names an English name: some word of it could have been heard there by
        sound and was not, and no word of it (nor its words run together: "ErnieBot" 어니봇) is written there
        in Latin letters, bridged to a term there (by sound, or by meaning to a proper noun: Russia 러시아;
        Samsung's nearest term by meaning, 소프트웨어, says nothing) or heard there (``sounds_in``). Words
        Korean may translate (``is_translated_word``: "Blue House" 청와대) and acronyms (EUV 극자외선) prove
        nothing when they are not found, except the whole English name of a country or region, which
        Korean writes by its own name, and the adjective of its people (``territory_spellings``: Japan and
        Japanese 일본, European Union 유럽 연합)."""
        verdicts = [self._english_word_named(w, query, texts) for w in name]
        if len(name) > 1:
            whole = self._english_word_named("".join(name), query, texts)
            if whole:
                return False
            # a person's name of capitalised words is heard whole or not at all: "Elon Musk" (머스크 is in no article),
            # though Elon is too short to tell and musk is a word Korean translates; "Chinese-style" is no name, and
            # "September Brent" opens with a word Korean translates
            if all(w[:1].isupper() for w in name) and not is_translated_word(name[0]):
                verdicts.append(whole)
        # a name Korean writes as one word with the word after it ("Ernie bot": 어니봇)
        after = re.search(rf"(?<![\w-]){re.escape(name[-1])}\s+([A-Za-z]+)", query.text)
        if after and False in verdicts and self._english_word_named("".join(name) + after.group(1), query, texts):
            return False
        korean = territory_spellings(name, peoples=True)
        if korean is not None:  # a country or region: named by its Korean name, not heard
            return True not in verdicts and not any(k in t for k in korean for t in texts)
        city = city_spellings(name)
        if city is not None:  # a city, by its Korean name or in Latin letters: Hangzhou is 항저우, though it sounds like 향후
            written = re.compile(rf"(?<![a-z]){re.escape(' '.join(name).lower())}(?![a-z])")
            # or as an index term spells it alike (GeoNames' 미니애폴리스, the article's 미네아폴리스), or as a word heard in
            # the texts that is spelt somewhat like it (브론즈빌 for Brownsville's 브라운즈빌; 향후 is no 항저우)
            spelled = [m.term for m in self.retriever.bridge.by_spelling([k.replace(" ", "") for k in city])]
            heard = [h for h in heard_in("".join(name), texts) if spelt_like(h, city)]
            return (not any(written.search(_lowered(t)) for t in texts) and not heard
                    and not any(k in t for k in (*city, *spelled) for t in texts))
        return False in verdicts and True not in verdicts

    @staticmethod
    def _names(word: str, term: str) -> bool:
        """Whether a term the bridge matched to an English word by meaning names it: a proper noun of two
        syllables or more (Russia 러시아; Xiaomi's 미, 美, is too short to say), or a term that also sounds like
        it (Ascend 어센드); Samsung's nearest term, 소프트웨어, is neither."""
        return (is_proper_noun(term) and len(term) > 1) or sound_similarity(word, term) >= NAME_AND_MEANING_MIN_SOUND

    def _english_word_named(self, word: str, query: Query, texts: Sequence[str]) -> bool | None:
        """Whether ``texts`` name an English word (None: they may translate it, or it is too short to hear)."""
        lowered = word.lower()
        latin = re.compile(rf"(?<![a-z]){re.escape(lowered)}(?![a-z])")
        if any(latin.search(_lowered(t)) for t in texts):
            return True
        if any(lowered in m.word.lower() and any(m.term in t for t in texts) and (m.how != "meaning" or self._names(word, m.term))
               for m in query.bridged):
            return True
        if MODEL_CODE.fullmatch(word):  # Korean writes a model's code as it is (R1, H800s: H800): V3 is not there
            code = re.sub(r"(?<=\d)s$", "", lowered)
            return any(re.search(rf"(?<![a-z0-9]){re.escape(code)}(?![a-z0-9])", _lowered(t)) for t in texts)
        if is_acronym(word) or is_translated_word(word):
            return None
        return sounds_in(word, texts)

    def _subjects(self, query: Query, texts: Sequence[str]) -> tuple[tuple[str, ...], ...]:
        """For a question about someone's role or something's attribute ("미니맥스의 창업자는 누구인가?",
        "When was Insikt Group founded?"), the names whose role or attribute is asked, each as the
        spellings that count for it: the Korean question's other words that are its proper nouns or
        acronyms ("엘 캐피탄을 보유한 연구소의 이름은?" is about 캐피탄; 보유 need not be in the answer), or
        the English question's names (``_english_names``); ``names_role`` and ``names_attributes`` check
        that the title or attribute is named near them."""
        rest = subject_words(query.text)
        if query.language == "ko":  # the question's tokens that stand in ``rest``, so Kiwi runs once per question
            proper, rest_lowered = {n.lower() for n in query.names}, rest.lower()
            for m in query.bridged:  # a name in Latin letters as the articles write it ("Alibaba의 CEO는?": 알리바바)
                if m.how == "sound" and m.term in proper:
                    rest_lowered = rest_lowered.replace(m.word.lower(), m.term)
            names = []
            for t in dict.fromkeys(query.tokens):
                whole = [n for n in proper if t == n or len(t) > 1 and t in n]
                if t in rest_lowered and whole:
                    # a token Kiwi cut from a longer name stands for the whole name (오픈 of 오픈AI is no 오픈소스)
                    spelled = [n for n in whole if n in rest_lowered]
                    names.append((max(spelled, key=len) if spelled else t,))
            # the owner a question opens with, which Kiwi may cut into common words ("문샷의 AI 모델 이름은?": 문 + 샷),
            # when the articles write it
            owner = KOREAN_OWNER.match(query.text)
            word = owner.group(1).lower() if owner else ""
            if word and len(tokenize(word)) > 1 and any(word in _lowered(text) for text in texts):
                names.append((word,))
            # the person whose organisation it asks for, named by the word it opens with, which Kiwi may take for no
            # proper noun ("한나스는 어디 소속이야?")
            opening = OPENING_NAME.match(query.text) if affiliation_words(query.text) and not names else None
            opener = opening.group(1).lower() if opening else ""
            if (any(t in opener for t in query.tokens if len(t) > 1 or opener.startswith(t))  # 탕제 -> 탕 + 제
                    and any(opener in _lowered(text) for text in texts)):
                names.append((opener,))
            # a compound name Kiwi reads as common nouns, which the articles write whole ("국가사이버정보판공실 책임자는
            # 누구야?": 국가 + 사이버 + 정보 + 판공실)
            names += [(word.lower(),) for word in query.noun_words if word.lower() in rest_lowered
                      and any(word.lower() in _lowered(t) for t in texts) and len(tokenize(word)) >= COMPOUND_NAME_PIECES]
            # a name counts as the index spells it and by its glossary synonyms too ("소련이 … 쏜 해는?": "소비에트 연방이 …")
            names = list(dict.fromkeys(korean_spellings(query, n[0]) for n in names))
        else:  # the first word left is a name unless it opened the question ("Which company makes Huawei's chips?")
            opens = (bool(rest) and query.text.lstrip().lower().startswith(rest.split()[0].lower())
                     and not is_keyword_query(query.text))
            names = list(self._english_names(query, rest, first_word=not opens, texts=texts))
            # an organisation named in words Korean translates ("China's Cyberspace Administration"): by the renderings
            # of its first word that the articles write (사이버 of 국가사이버정보판공실), the most specific name
            owned = _TRANSLATED_ORGANISATION.search(query.text)
            word = (owned.group("word") or owned.group("of")) if owned else ""
            terms = tuple(t for synonyms in senses(word) for t in synonyms if any(t in _lowered(x) for x in texts))
            if terms and not any(word.lower() in spellings for spellings in names):
                names.append((word.lower(), *terms))
        return self._most_specific_first(names)

    def _most_specific_first(self, names: Sequence[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
        """``names`` (each as its spellings) without those almost every article has (``_everywhere``, as for
        the article's names, ``_question_names``), the most specific first: highest IDF (a term the index
        lacks counts as rarest), then longer."""
        vocab, idf = self.store.bm25.vocab, self.store.bm25.idf
        names = [n for n in names if not self._everywhere(n)]
        specificity = [max((float(idf[vocab[n]]) if n in vocab else float("inf"), len(n)) for n in spellings)
                       for spellings in names]
        return tuple(n for _, n in sorted(zip(specificity, names), key=lambda pair: pair[0], reverse=True))

    def _owner_name(self, query: Query, texts: Sequence[str]) -> tuple[str, ...]:
        """The spellings of the name whose sum an English money question asks for ("How much did Moonshot
        raise?": moonshot, 문샷), its most specific name when it has several; empty when the owner is no name.
        A sum the articles give for another company does not answer it."""
        if query.language == "ko":
            return ()
        names = self._most_specific_first(self._english_names(query, owner_phrase_en(query.text), first_word=True,
                                                              texts=texts))
        return names[0] if names else ()

    def asked(self, query: Query, wanted: str | None, texts: Sequence[str] = ()) -> Asked:
        """What the question asks for (``Asked``), worked out once for all its candidate sentences; ``texts``,
        the retrieved articles, tell how they spell an English question's names by sound."""
        thing = self._thing(query) if wanted == NAME else ()
        subjects = self._subjects(query, texts) if wanted in (PERSON, NAME) or asks_attribute(query.text) else ()
        subjects = tuple(s for s in subjects if not set(s) & set(thing))  # whose thing: not the thing itself
        if thing:
            subjects = owner_first(query.text, subjects, thing)
        phrase = said_about(query.text)  # "What did X say about Y?": X's article, a sentence about Y
        speech = asks_speech(query.text)
        names = self._question_names(query, texts) if wanted is not None or phrase or speech else ()
        measured = measured_word(query.text)
        # "그 회사" or "the company" after a question asking which one: the one its answer named, as its spellings
        pointed = self._pointed_at(query)
        pointed_at = (pointed,) if pointed else ()
        counted = ((measured,) if measured else self._counted(query) if wanted in (NUMBER, PEOPLE)
                   else pointed if pointed  # "How much did the company raise?": that company's sum
                   else (self._bridged_noun(query, owner_noun_en(query.text)) or self._owner_name(query, texts))
                   if wanted == MONEY else ())
        if wanted == MONEY and not counted and query.turn.is_follow_up and not asks_own_question(query.text):
            counted = self._asked_instead(query, names)  # "What about Moonshot?" after "How much did MiniMax raise?"
        country = (next(filter(None, map(territory_spellings, question_names(query.text))), ())
                   if wanted == PERSON and query.language != "ko" else ())
        topic = self._topic(query, phrase, texts) if phrase else ()
        # or whose count it is ("미국의 생성형 AI 모델 수는?": America's, not the 302 of China's; in "앤비디아의 A100은 중국에
        # 몇 개 있나?" the owner names the maker of the thing counted, a name itself)
        owner = KOREAN_OWNER.match(query.text) if wanted in (NUMBER, PEOPLE) else None
        owned = query.text[owner.end():].lstrip() if owner else ""
        if owned[:1].isascii() and owned[:1].isalnum() or any(owned.startswith(n) for n in query.names):
            owner = None
        opening = ((OPENING_NAME.match(query.text) or owner)
                   if query.language == "ko" and not query.turn.is_follow_up else None)
        opening_name = next((korean_spellings(query, n) for n in query.names
                             if opening and n.lower() == opening.group(1).lower()), ())
        # who is asked to have spoken: the names, but not what they spoke about ("What did Tang Jie say about MiniMax?"),
        # and the word a Korean question opens with, which Kiwi often takes for no proper noun ("양즈린은 … 뭐라고 했어?")
        opener = (opening.group(1).lower(),) if opening and opening.group(1).lower() in query.tokens else ()
        persons = tuple(n for n in (*names, *([opener] if opener and not self._everywhere(opener) else []))
                        if not set(n) & set(topic) and not owns(query.text, n[0])
                        and not any(is_place_name(x) for x in n)) if speech else ()  # China says nothing
        # "What did he say …?" after "Who is Yang Zhilin?"; "Which university did he study at?" after "Who is Valentin
        # Weber?" is not answered by the PKU-Wuhan institute's Peking University
        if not persons and query.turn.is_follow_up and (SPEAKER_PRONOUN if speech else PERSON_PRONOUN).search(query.text):
            persons = self._earlier_persons(query, texts)
        if not persons and speech and pointed_at:  # "What does the firm say about …?" after "Which firm is …?"
            persons = pointed_at
        owner, role = role_speaker(query.text)
        if owner:  # "What did Tencent's AI chief describe?": whoever the articles name as its chief (야오순위), or nobody
            persons = self._role_holders(query, owner, role, texts)
        if not subjects and affiliation_words(query.text):  # "What is his affiliation?": the organisation of "he"
            subjects = persons
        # "Who founded it?" after "What is MiniMax?": MiniMax's founder, not Moonshot's named in the roster; "it" is the
        # first name of the earlier question ("What did the CSET report find about Wuhan?": CSET)
        # so is the thing whose attribute a follow-up asks ("When was it built?" after "What is El Capitan?"; "본사는
        # 어디야?" after "인식트그룹은 뭐하는 곳이야?"): the Korean question's opening name
        if not subjects and query.turn.context and (
                query.language == "ko" and asks_attribute(query.text)
                or query.language != "ko" and (wanted == PERSON or asks_attribute(query.text))
                and (THING_PRONOUN.search(query.text) or pointed_at)):
            # "그는 어느 대학 교수야?": his; "그 회사 본사는 어디야?" after "… 조달한 곳은?": the company its answer named
            subjects = persons or pointed_at or self._earlier_subject(query, texts)
        return Asked(query.text, wanted, subjects, names, topic, thing, counted, years_named(query.text),
                     year_offsets_named(query.text), persons, country, opening_name)

    def _asked_instead(self, query: Query, names: Sequence[tuple[str, ...]]) -> tuple[str, ...]:
        """The spellings of what a follow-up asking the earlier question again names instead ("What about Moonshot?":
        its first name; "그럼 문샷은?": the word it is about, which Kiwi may take for no proper noun); empty when
        none."""
        if query.language != "ko":
            return names[0] if names else ()
        topic = KO_TOPIC_ONLY.match(query.text)
        word = topic.group("topic").lower() if topic else ""
        # a word the index writes, not a phrase with a particle ("그럼 원화로는?" asks the sum in won)
        return korean_spellings(query, word) if word and self.store.bm25.mentions(word) else ()

    def _role_holders(self, query: Query, owner: str, role: str, texts: Sequence[str]) -> tuple[tuple[str, ...], ...]:
        """The names the retrieved articles give whoever holds ``role`` at ``owner`` (``role_holders``), each as
        its own spelling; nobody (``NOBODY``) when no article gives the title at ``owner`` ("Alibaba's CEO": the
        roundtable names Zhipu's); empty, no one required, when one does without a name right before it."""
        spellings = ((owner.lower(),) if query.language == "ko" else
                     tuple(s for name in self._english_names(query, owner, first_word=True, texts=texts) for s in name))
        found = [role_holders(role, text, spellings) for text in texts]
        if any(f is None for f in found):
            return ()
        holders = tuple((h,) for h in dict.fromkeys(h for f in found for h in f))
        return holders or ((NOBODY,),)

    def _earlier_subject(self, query: Query, texts: Sequence[str]) -> tuple[tuple[str, ...], ...]:
        """The first name of the turn before, as its spellings: an English question's (by sound), a Korean question's
        opening word (``_opening_word``); none when it names nothing."""
        earlier = query.turn.context[-1]
        if detect_language(earlier) != "ko":  # the earlier turn's language, whatever this one's ("Who is its CEO?")
            return self._english_names(replace(query, bridged=query.context_bridged), earlier, first_word=True,
                                       texts=texts)[:1]
        return self._opening_word(query, earlier)

    def _opening_word(self, query: Query, earlier: str) -> tuple[tuple[str, ...], ...]:
        """The word an earlier Korean turn opens with as its topic or subject, when it is one of that turn's
        words or one Kiwi split there that the articles write whole as a term (야오순위), and no word of half the
        passages."""
        opening = OPENING_NAME.match(earlier) or OPENING_TWO_WORDS.match(earlier)  # "엘 캐피탄은 뭐야?"
        word = opening.group(1).lower() if opening else ""
        heard = all(w in query.context_tokens or w in self.store.bm25.vocab for w in word.split())
        # a name of two words by its last too, as articles name a person after the first mention ("발렌틴 베버": 베버)
        spellings = tuple(dict.fromkeys((word, word.split()[-1]))) if word else ()
        return (spellings,) if word and heard and not self._everywhere(spellings) else ()

    def _earlier_persons(self, query: Query, texts: Sequence[str]) -> tuple[tuple[str, ...], ...]:
        """Who a follow-up's "he" or "그는" is: the names of the turn before (an English question's by sound, a
        Korean question's opening word), when it names someone; when it asked who holds a role ("Who moderated the
        roundtable?", "Who is Alibaba's Qwen tech lead?"), whose names are the role's owners, the person its answer
        gave (``_holder_quoted``)."""
        earlier = query.turn.context[-1]
        if ASKS_WHO_SAID.search(earlier):
            return self._speaker_quoted(query)
        korean = detect_language(earlier) == "ko"  # the earlier turn's language, whatever this one's
        if not korean:
            with_context = replace(query, bridged=query.bridged + query.context_bridged)
            named = tuple(n for n in self._english_names(with_context, earlier, texts=texts) if not self._everywhere(n))
        else:
            named = self._opening_word(query, earlier)
        if not ASKS_WHO_HOLDS.search(earlier):
            return named
        if korean:  # the role's owner: "즈푸AI의 창업자는 누구야?" (Kiwi: 즈푸 + AI), "원탁회의 진행자는 …"
            opening = KOREAN_OWNER.match(earlier) or OPENING_NAME.match(earlier)
            owner = opening.group(1).lower() if opening else ""
            named = tuple((t,) for t in query.context_tokens if owner and len(t) > 1 and owner.startswith(t))
        return self._holder_quoted(query, earlier, named)

    def pronoun_meant(self, query: Query) -> str:
        """Whom a follow-up's "he" or "그는" means (``_earlier_persons``): the person the turn before named ("What does he
        say China must do?" after "Who is Lin Junyang?"), or, when it asked who holds a role or who said something,
        the one its answer gave (탕제 for "What did he warn about?" after "Who moderated the roundtable?"); "" when
        none. Searched with the question, so his sentences outrank the earlier topic's."""
        ordinal = ORDINAL_REFERENCE.search(query.text) if query.anchors else None
        if ordinal:
            return self._listed(query, ORDINAL_PLACES[next(g for g in ordinal.groups() if g).lower()])
        if query.anchors and PERSON_PRONOUN.search(query.text):
            persons = self._earlier_persons(query, ())
            return persons[0][0] if persons else ""
        return ""

    def _pointed_at(self, query: Query) -> tuple[str, ...]:
        """What a follow-up's "그 회사" or "the company" may mean when the turn before asked which one: any name its
        answer quoted, lower-cased ("미니맥스보다 많이 조달한 곳은?" answered by "같은 날 미니맥스도 …": its headquarters
        are MiniMax's; which of several a sentence names, "텐센트에 합류한 야오순위" in a roster, is not told apart);
        empty otherwise. (The person an answer named is who a follow-up's "he" means: ``_earlier_persons``.)"""
        earlier = query.turn.context[-1] if query.turn.context else ""
        if not (query.anchors and points_at_answer(query.text, earlier, someone=False)):
            return ()
        return tuple(dict.fromkeys(n.lower() for sid in query.anchors
                                   for n in question_words(self.store.sentence_text(sid)).names
                                   if not is_place_name(n) and not self._everywhere((n.lower(),))))

    def _listed(self, query: Query, place: int) -> str:
        """The name a follow-up points at by its ``place`` among those the answer before quoted ("How much did the
        second one raise?" after "Which Chinese AI startups listed in Hong Kong?": 미니맥스 of "같은 날 미니맥스도 …"):
        the first name of each quoted sentence, in order, that is no place and not in half the passages; "" when there
        is no such place."""
        firsts: list[str] = []
        for sid in query.anchors:
            text = self.store.sentence_text(sid)
            names = [n for n in question_words(text).names if not is_place_name(n) and not self._everywhere((n.lower(),))]
            first = min(names, key=lambda n: (text.find(n), -len(n)), default="")
            if first and not any(first in f or f in first for f in firsts):
                firsts.append(first)
        return firsts[place] if -len(firsts) <= place < len(firsts) else ""

    def _speaker_quoted(self, query: Query) -> tuple[tuple[str, ...], ...]:
        """The one person the answer to a who-said question quoted speaking (``speaker_of``: 탕제 of "탕 CEO는 "…""), or no
        one when its quotes report several or none."""
        speakers = []
        for sid in query.anchors:
            doc, _ = self.store.sentence(sid)
            speakers.append(speaker_of(self.store.sentence_text(sid), doc.article.text))
        named = list(dict.fromkeys(filter(None, speakers)))
        return ((named[0],),) if len(named) == 1 else ()

    def _holder_quoted(self, query: Query, earlier: str, owners: Sequence[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
        """The one person the answer to ``earlier``, a who-question about a role, quoted as holding it (``holders_asked``),
        in a clause naming one of ``owners`` (알리바바's 린쥔양 in the panel's roster), else in any clause when none
        names them (탕제 of "… 탕제 최고경영자(CEO)가 진행자로 나섰고 …" for "Who moderated the roundtable?"); no one
        when the quotes give several, or give the role in an owner's clause to no name next to it (then another
        clause's holder is no answer: the roster's founder 양즈린 is not Zhipu's)."""
        texts = [self.store.sentence_text(sid) for sid in query.anchors]
        spellings = tuple(s for name in owners for s in name)
        for owner in dict.fromkeys((spellings, ())):
            found = [holders_asked(earlier, text, owner) for text in texts]
            if any(f is None for f in found):
                return ()
            names = list(dict.fromkeys(h for f in found for h in f))
            if names:
                return ((names[0],),) if len(names) == 1 else ()
        return ()

    def _counted(self, query: Query) -> tuple[str, ...]:
        """The spellings of what a count question counts, one of which the sentence holding the count must
        name: the Korean word, or an English question's Latin code (GPUs), or the Korean terms an English
        counted noun is bridged to by sound or closely by meaning (``COUNTED_MIN_MEANING``: supercomputers
        슈퍼컴퓨터, employees 직원; not zones ~ 선도) with the noun itself. Empty when there are none, and the
        count is not checked. Korean often leaves the noun to an earlier sentence ("A100가 5,000~1만 개",
        two sentences after "칩"); such a count does not lead the answer to "How many chips …?", but is
        still quoted when it scores close to the best."""
        word = counted_word(query.text)
        if word or query.language == "ko":
            return (word,) if word else ()
        return self._bridged_noun(query, counted_noun_en(query.text))

    def _bridged_noun(self, query: Query, noun: str) -> tuple[str, ...]:
        """An English ``noun``'s singular and the Korean terms it is bridged to by sound, through the
        glossary or closely by meaning (``COUNTED_MIN_MEANING``); the singular alone, which a Korean sentence
        never writes, when the glossary translates the noun and the index has none of its renderings
        ("patents": no 특허); empty when nothing matched (or no noun), and the noun is not checked."""
        terms = tuple(dict.fromkeys(m.term for m in query.bridged if noun and m.word.lower() == noun
                                    and (m.how != "meaning" or m.weight >= COUNTED_MIN_MEANING)))
        singular = re.sub(r"ies$", "y", noun) if noun.endswith("ies") else re.sub(r"(?<!s)s$", "", noun)
        return (singular, *terms) if noun and (terms or self._untranslatable(noun)) else ()

    def _untranslatable(self, word: str) -> bool:
        """Whether the glossary translates an English word and the index has none of its renderings as a term
        the bridge would match (``TermBridge.by_glossary``; 제품 inside 시제품 is no product): the articles never
        speak of it."""
        return bool(senses(word)) and not self.retriever.bridge.by_glossary([word])

    def _thing(self, query: Query) -> tuple[str, ...]:
        """The spellings of the noun whose name a question asks for (``name_asked_for``) that the index
        knows: the Korean word, or the English word and the Korean terms bridged from it ("model" 모델);
        the English word alone when the glossary translates it and the index has none of its renderings
        ("chatbot": no 챗봇), so no sentence names one; empty when the index knows none otherwise, and the
        name is not checked."""
        noun = name_asked_for(query.text).lower()
        spellings = {noun} | {m.term for m in query.bridged if m.word.lower() == noun}
        known = tuple(sorted(t for t in spellings if self.store.bm25.mentions(t)))
        return known or ((noun,) if noun and query.language != "ko" and self._untranslatable(noun) else ())

    def _topic(self, query: Query, phrase: str, texts: Sequence[str] = ()) -> tuple[str, ...]:
        """The spellings of the most specific word of the topic ``phrase`` of "What did X say about Y?"
        ("…격차에 대해 어떻게 말했나?") that the index knows: a Korean token, or the Korean terms an English
        name sounds like (with the name itself), or, for an English phrase naming nothing, the glossary renderings
        of all its words in all their senses ("AI chips": 칩, 반도체; "computing power": 연산 of 연산 능력); empty
        when no word of Y reaches the index or when its most specific word is in half the passages or more, and
        tells nothing apart ("AI" in "private investment in Chinese AI", which the article writes 인공지능). An
        English name heard in ``texts`` that the index holds in pieces only (OpenAI: 오픈AI, which Kiwi splits)
        is the most specific of all."""
        vocab, idf = self.store.bm25.vocab, self.store.bm25.idf
        if query.language == "ko":
            words = [(t,) for t in query.tokens if t in phrase.lower() and t in vocab and len(t) > 1]
        else:  # its names, by any sound match: meaning is too loose here ("gap" ~ 걸음), and each sound
            # match counts as a spelling (Nvidia ~ 엔비디아 0.92); else its words' glossary renderings ("AI chips": 칩)
            words = [n for n in self._english_names(query, phrase, first_word=True, min_weight=0.0, texts=texts)
                     if not self._everywhere(n)]
            # (any word's), unless the phrase is a setting ("warn about in the roundtable")
            in_phrase = () if SETTING.match(phrase) else english_words(phrase)
            glossed = tuple(dict.fromkeys(t for w in in_phrase for synonyms in senses(w.lower()) for t in synonyms
                                          if t in vocab))
            words = words or ([glossed] if glossed else [])
        known = [(max((float(idf[vocab[t]]) for t in spellings if t in vocab), default=float("inf")), spellings)
                 for spellings in words]
        if not known:
            return ()
        spellings = max(known)[1]
        return () if self._everywhere(spellings) else spellings

    def _question_names(self, query: Query, texts: Sequence[str]) -> tuple[tuple[str, ...], ...]:
        """The names a question asking for a sum, count, date or person is about, each as the spellings
        that count for it: a Korean question's proper nouns and acronyms, an English question's names
        (``_english_names``). The article holding the answer must name them all (the sentence
        itself often leaves to the one before it what it is about; a Korean name also counts as the index
        spells it, ``TermBridge.by_spelling``: 리버모어 as 리버모아): the A100 counts of an article that
        never names DeepSeek do not say how many chips DeepSeek R1 used. A name in half the passages or
        more is left out: it tells no article apart, and an article may write it otherwise (AI 인공지능)."""
        names = (tuple(korean_spellings(query, n) for n in query.names) if query.language == "ko"
                 else self._english_names(query, query.text, texts=texts))
        return tuple(n for n in names if not self._everywhere(n))

    def _everywhere(self, spellings: tuple[str, ...]) -> bool:
        """Whether every spelling of a name that the index knows is in half its passages or more (and it
        knows one)."""
        bm25 = self.store.bm25
        known = [int(bm25.df[bm25.vocab[t]]) for t in spellings if t in bm25.vocab]
        return bool(known) and min(known) >= bm25.size / 2

    def _english_names(self, query: Query, text: str, first_word: bool = False,
                       min_weight: float = NAME_MIN_WEIGHT, texts: Sequence[str] = ()) -> tuple[tuple[str, ...], ...]:
        """The capitalised words of an English ``text`` (after its first word, unless ``first_word``: a
        question capitalises its first word whatever it is) that name something the
        index spells: as the Korean terms they sound almost exactly like (``min_weight``: "Kim Jong-un"
        sounds 0.95 like 김정훈, a wrong name that must not be required), with
        the surname of a Chinese name and the word itself as other spellings, or, for a code or acronym
        (CSET, A100), as the index term itself, or, for a name the index has no term for, as the beginnings
        of words in ``texts`` that sound like it (``heard_in``: Moonshot 문샷, which Kiwi splits). Other
        capitalised words are not checked: a Korean corpus may hold the English word in some other article
        ("Moon"), and Korean may translate a common word (``is_translated_word``)."""
        names: list[tuple[str, ...]] = []
        given: tuple[str, ...] = ()  # how the texts spell the word before, when it was a name
        words = english_words(text)
        capitalised = [w[0].isupper() and w.lower() not in ENGLISH_STOPWORDS for w in words]
        for i in range(0 if first_word else 1, len(words)):
            word = words[i]
            if not capitalised[i]:
                given = ()
                continue
            # a name of one word: a common word is heard as one only then ("What did Weber say?", not "the AGI Next
            # roundtable")
            alone = not (i > 0 and capitalised[i - 1]) and not (i + 1 < len(words) and capitalised[i + 1])
            # a hyphenated name whose every part is a name is its names ("the PKU-Wuhan institute": PKU, 우한;
            # "AGI-Next" is one name, "Jong-il" too)
            parts = ([self._english_name(query, part, given, min_weight, texts, alone=False) for part in word.split("-")]
                     if "-" in word else [])
            found = parts if parts and all(parts) else [self._english_name(query, word, given, min_weight, texts, alone)]
            if not found[-1] and i + 1 < len(words) and capitalised[i + 1]:
                # a name Korean writes as one Hangul word with the word after it ("Ernie Bot": 어니봇)
                joined = self._english_name(query, word + words[i + 1], given, min_weight, texts)
                found = [joined if joined and any(is_hangul_term(s) for s in joined[1:]) else None]
            names += [f for f in found if f]
            given = found[-1][1:] if found[-1] else ()
        return tuple(dict.fromkeys(names))

    def _english_name(self, query: Query, word: str, given: tuple[str, ...], min_weight: float,
                      texts: Sequence[str], alone: bool = True) -> tuple[str, ...] | None:
        """One capitalised word's spellings as ``_english_names`` finds them (``given``: the word before's, when
        it was a name; ``alone``: no capitalised word next to it, when a common word may be heard as a name the
        texts write as a proper noun: Weber 베버, Wind 윈드); None when it is not found."""
        lowered = word.lower()
        sounded = {m.word for m in query.bridged if m.how == "sound" and m.weight >= min_weight
                   and lowered in m.word.lower()}
        if sounded:  # a capital stands for its country's government too ("Beijing": 베이징, 중국)
            heard = sorted({m.term for m in query.bridged if m.word in sounded and m.how in ("sound", "surname")} - {lowered})
            return (lowered, *heard, *(k for k in capital_country(word) if k not in heard))
        korean = territory_spellings((word,))
        if korean:  # a country by its Korean names too: "US" is 미국 where English text in the index writes "US"
            return (lowered, *(k.lower() for k in korean))
        # an acronym Korean translates names no one ("IPO": 상장, as "the MiniMax IPO" is "조달")
        if _CODE.fullmatch(word) and lowered in self.store.bm25.vocab and not senses(lowered):
            return (lowered,)
        if texts and word[:1].isupper() and not is_acronym(word):
            # heard by itself, or right after the name before it, even when a common word ("Valentin Weber":
            # 발렌틴 베버; weber is a unit), or, a common word in a run of capitalised words, as the term the bridge heard
            # it as ("El Capitan": 캐피탄)
            common = is_translated_word(word)
            bridged = {m.term for m in query.bridged if m.how == "sound" and lowered in m.word.lower()}
            heard = ((heard_in(word, texts, proper_only=common) if alone or not common
                      else tuple(h for h in heard_in(word, texts) if h in bridged))
                     or heard_after(word, given, texts))
            if heard:
                return (lowered, *(h.lower() for h in heard))
        return None

    def _quotable(self, text: str) -> bool:
        """Whether a sentence is long enough to quote: a headline fragment or caption ("미중 갈등 이미지.") answers
        nothing (``min_sentence_chars``); a short statement does ("그러나 중국의 보유 물량이 턱없이 부족하다.")."""
        return len(text) >= self.config.min_sentence_chars or (
            len(text) >= MIN_STATEMENT_CHARS and bool(KOREAN_STATEMENT_END.search(text)))

    def support(self, language: str, best: ScoredSentence) -> float:
        """How well the best sentence supports an answer: the quantity the abstention floor applies to."""
        cfg = self.config
        lang = "ko" if language == "ko" else "en"
        return float(best.similarity + cfg.coverage_support[lang] * min(best.coverage, 1.0)
                     + cfg.latent_support[lang] * min(best.latent, cfg.latent_cap))

    def select(self, scored: list[ScoredSentence], best: ScoredSentence, language: str) -> list[ScoredSentence]:
        """``best`` and up to ``max_sentences - 1`` more sentences scoring within the margin of it (no
        repeats, no fragments); sentences holding the asked-for kind of answer and definitions first."""
        cfg = self.config
        chosen = [best]
        texts = {self.store.sentence_text(best.sentence_id)}
        for s in scored:
            if len(chosen) >= cfg.max_sentences or s.score < best.score - cfg.extra_sentence_margin[language]:
                break
            text = self.store.sentence_text(s.sentence_id)
            if text in texts or not self._quotable(text):
                continue
            texts.add(text)
            chosen.append(s)
        chosen.sort(key=lambda s: (not s.typed, not s.defines))
        return chosen

    def _with_calendar_date(self, chosen: list[ScoredSentence], answering: list[ScoredSentence],
                            scored: list[ScoredSentence], language: str) -> list[ScoredSentence]:
        """For a date question whose chosen answers date it only loosely, ``chosen`` with a sentence giving the calendar
        date quoted too: the one that dates the lead ("7일(현지시간) … WSJ에 따르면 …" for "WSJ는 이날 … 보도했다.",
        ``_dating``) when it was retrieved, else the best answering sentence that gives one ("중국은 지난 1월 …
        ‘딥시크’를 선보이며 …" for "올해 초 공개된 ‘딥시크’ …") when it is supported (over the abstention floor) and not
        quoted already."""
        if any(CALENDAR_DATE.search(self.store.sentence_text(s.sentence_id)) for s in chosen if s.typed):
            return chosen
        lead = chosen[0].sentence_id
        dating = self._dating(lead, self.store.sentence_text(lead))
        dated_by = next((s for s in scored if s.sentence_id == dating and s not in chosen), None)
        if dated_by is not None and CALENDAR_DATE.search(self.store.sentence_text(dated_by.sentence_id)):
            return [*chosen[: self.config.max_sentences - 1], dated_by]
        floor = self.config.min_support[language]
        dated = next((s for s in answering if s not in chosen and CALENDAR_DATE.search(self.store.sentence_text(s.sentence_id))
                      and self.support(language, s) >= floor), None)
        return chosen if dated is None else [*chosen[: self.config.max_sentences - 1], dated]

    def _both_sides(self, query: Query, hits: Sequence[Hit], chosen: list[ScoredSentence],
                    answering: list[ScoredSentence], scored: list[ScoredSentence]) -> list[ScoredSentence]:
        """For a question comparing what it names ("Did MiniMax raise more than Zhipu AI?", "즈푸AI와 미니맥스 중
        어디가 더 많이 조달했어?"), or a follow-up comparing what it names with the earlier question's subject
        (``_earlier_subject``), one side per chosen sentence: ``chosen``'s sentences naming one of the names,
        and for a name none of them names, the best answering sentence naming it alone ("이러한 반응은 … 즈푸AI와
        미니맥스가 ‘초대박 상장’을 한 직후에 …" names both and tells neither side)."""
        names: list[set[str]] = []  # 즈푸AI and 즈푸 are one name
        texts = tuple(dict.fromkeys(hit.article.text for hit in hits))
        for spellings in self._question_names(query, texts):
            same = next((n for n in names if any(a in b or b in a for a in spellings for b in n)), None)
            if same is None:
                names.append(set(spellings))
            else:
                same.update(spellings)
        if len(names) == 1 and query.turn.is_follow_up:  # "즈푸AI보다 많이 조달했어?" after a question about MiniMax
            names += [set(spellings) for spellings in self._earlier_subject(query, texts)
                      if not any(a in b or b in a for a in spellings for b in names[0])]
        # two companies or people; countries ("How many times more compute does the US have than China?") are
        # compared in one sentence
        if len(names) != 2 or any(is_place_name(n) for spellings in names for n in spellings):
            return chosen
        # a ratio compares the two in one sentence ("… '엘 캐피탄'과 비교하면 그 규모가 약 17배 더 크다", Wuhan's
        # capacity in the sentence before)
        if any(s.typed and RATIO.search(self.store.sentence_text(s.sentence_id)) for s in chosen):
            return chosen

        def side(s: ScoredSentence) -> int | None:  # the one name a sentence names, or None
            text = _lowered(self.store.sentence_text(s.sentence_id))
            named = [i for i, spellings in enumerate(names) if any(n in text for n in spellings)]
            return named[0] if len(named) == 1 else None

        sides = [s for s in chosen if side(s) is not None]
        told = {side(s) for s in sides}
        # an answering sentence, else the best full one: the attribute asked ("먼저 상장했어?") is said near one side
        # at a time, so neither side's sentence holds it near both
        full = [s for s in scored if self._quotable(self.store.sentence_text(s.sentence_id))]
        added = [next((s for s in [*answering, *full] if side(s) == i and s not in sides), None)
                 for i in range(len(names)) if i not in told]
        both = (sides + [s for s in added if s is not None])[: max(self.config.max_sentences, len(names))]
        # a comparison in size or time is told only by each side's own figure or date
        told_by = ((DATE,) if COMPARES_TIME.search(query.text)
                   else (NUMBER, MONEY, PERCENT) if COMPARES_MEASURE.search(query.text) else ())
        if told_by and not all(any(side(s) == i and any(mentions(k, self.store.sentence_text(s.sentence_id))
                                                        for k in told_by) for s in both) for i in range(len(names))):
            return []
        return both if any(added) else chosen

    def _continuation(self, query: Query, chosen: list[ScoredSentence],
                      scored: list[ScoredSentence]) -> tuple[int, ScoredSentence] | None:
        """The sentence to quote after one of ``chosen`` (its place in ``chosen`` and the sentence), or None.

        For a follow-up whose best sentence is the one just quoted, the sentence after it, when a retrieved
        passage holds it: a follow-up with one word of its own or none ("What does that show?" after the count
        of registered models), or one asking no kind of answer ("Which companies sent their tech leads?" after
        the roundtable's hosts), asks what comes next. A sum, date or count asked of the quote ("그 회사는 얼마를
        조달했어?") is in the quote itself.

        For a why-question whose quotes give no reason, the sentence after the best or the next quote when it
        gives one or explains it: "What prompted China to restrict foreign access to its information?" is best
        matched by the sentence telling of the restriction, and the next one says "… 보고서가 결정적 계기가
        됐다"; "… 치명적 약점으로 남게 될 수 있다는 관측도 제시했다." is followed by "… 충족하기는 역부족이라는
        것이다."."""
        quoted = {s.sentence_id for s in chosen}
        by_id = {s.sentence_id: s for s in scored}

        def following(place: int, reasons: tuple[re.Pattern, ...] = ()) -> tuple[int, ScoredSentence] | None:
            after = chosen[place].sentence_id + 1
            if (after in quoted or after not in by_id
                    or not self._quotable(self.store.sentence_text(after))
                    or self.store.sentence_article[after] != self.store.sentence_article[after - 1]):
                return None
            return (place, by_id[after]) if not reasons or any(r.search(self.store.sentence_text(after))
                                                               for r in reasons) else None

        # what is wanted after a quote that does not say it: a reason or what explains it for a why-question, what
        # it means for a question asking that ("What does the large number of registered AI models indicate?": "…
        # 참여한다는 의미다."), the people named one by one for a question asking who took part ("원탁회의 참석자들을
        # 알려줘": "… 기술책임자들이 모여 …" then "… 탕제 최고경영자(CEO)가 진행자로 나섰고 … 린쥔양 기술책임자, …"), one
        # more of several asked for ("Which Chinese AI startups listed …?": "같은 날 미니맥스도 …")
        wanted = ((GIVES_REASON, EXPLAINS) if ASKS_WHY.search(query.text)
                  else (EXPLAINS,) if ASKS_MEANING.search(query.text)
                  else (ROSTER,) if ASKS_MEMBERS.search(query.text)
                  else (ADDS_ONE,) if ASKS_SEVERAL.search(query.text) else ())
        if wanted and not any(wanted[0].search(self.store.sentence_text(s.sentence_id)) for s in chosen):
            for place in range(min(len(chosen), self.config.max_sentences - 1)):
                reason = following(place, wanted)
                if reason is not None:
                    return reason
        # a why-question whose best sentence is the very claim asked about ("H800은 왜 실효성이 떨어져?": "… 실효성이
        # 떨어진다.") and gives no reason: what follows it backs it ("WSJ는 "1,000개의 H100 성능 구현을 위해선 3,000개
        # 이상의 H800이 필요하다"며 …"); Korean, whose words the sentence writes (an English question's are only
        # bridged: "Why did China tighten such controls?" is covered by "… 규제를 점차 강화하고 있는 점도 영향을 미쳤다.")
        if (query.language == "ko" and ASKS_WHY.search(query.text) and chosen[0].coverage >= 1.0
                and not GIVES_REASON.search(self.store.sentence_text(chosen[0].sentence_id))):
            return following(0)
        if (len(query.tokens) <= 1 or answer_type(query) is None) and chosen[0].sentence_id in query.anchors:
            return following(0)
        return None

    def compose(self, query: Query, hits: Sequence[Hit]) -> Answer:
        """Quotes the best sentences, or abstains: when the question has no words, when a Korean question
        names something the corpus never mentions (saying what), when nothing was retrieved, when the
        question asks for a kind of answer (a sum, a date, a number, a person in a role, a named
        attribute) that no retrieved sentence holds, or when the best sentence that does hold one is not
        close enough to the question."""
        language = "ko" if query.language == "ko" else "en"
        if not any(ch.isalnum() for ch in query.text):  # "?!", emoji: nothing was asked
            return Answer(query.text, language, NOT_FOUND[language], True, (), query.turn.context)
        field = byline_asked(query.text)
        if field is not None and hits:  # "이 기사를 쓴 기자는?": the article's metadata, not a sentence
            return self._byline(query, hits, field, language)
        if query.earlier_unanswered and points_at_answer(query.text, query.turn.context[-1]):
            # "그 회사 본사는 어디야?" after "미니맥스보다 많이 조달한 곳은?", which found no such company
            text = f"{NOT_FOUND[language]} {NOTHING_POINTED_AT[language]}"
            return Answer(query.text, language, text, True, (), query.turn.context)
        absent = self.absent_names(query, hits)
        if absent:
            text = f"{NOT_FOUND[language]} {NOT_MENTIONED[language].format(', '.join(absent))}"
            return Answer(query.text, language, text, True, (), query.turn.context)
        scored = self.score_sentences(query, hits)
        answering = [s for s in scored if s.typed]
        chosen = self.select(scored, answering[0], language) if answering else []
        # the best supported of the sentences to be quoted that hold the kind asked: "이는 … 스푸트니크 … 사건과
        # 유사하다는 평가도 받는다." leads, and the sentence it points back to, quoted too, names DeepSeek
        support = max((self.support(language, s) for s in chosen if s.typed), default=None)
        if support is None or support < self.config.min_support[language]:
            return Answer(query.text, language, NOT_FOUND[language], True, (), query.turn.context, support=support)
        if COMPARES_NAMES.search(query.text):
            chosen = self._both_sides(query, hits, chosen, answering, scored)
            if not chosen:  # "Which is bigger, Tencent or Alibaba?": no sentence measures either
                return Answer(query.text, language, NOT_FOUND[language], True, (), query.turn.context, support=support)
        if answer_type(query) == DATE:
            chosen = self._with_calendar_date(chosen, answering, scored, language)
        following = self._continuation(query, chosen, scored)
        if following is not None:
            place, sentence = following
            chosen = (chosen[: place + 1] + [sentence] + chosen[place + 1 :])[: self.config.max_sentences]
        citations: dict[int, Citation] = {}
        parts = []
        lead = ""
        in_english = ENGLISH_READINGS.get(answer_type(query)) if language == "en" else None
        if in_english is english_amount:  # "How much did it raise in won?": the won of "… 달러(약 8100억 원)"
            in_english = partial(english_amount, currency=asked_currency(query.text))
        quoted = {s.sentence_id for s in chosen}
        for s in chosen:
            hit = hits[s.hit_rank]
            for sentence_id, source in (*self._antecedent_to_quote(s.sentence_id, hit, hits, quoted),
                                        (s.sentence_id, hit), *self._rest_of_quote(s.sentence_id, hit, hits, quoted)):
                citation = citations.get(source.chunk_index)
                citation = cite(self.store, source, sentence_id, len(citations) + 1, citation)
                citations[source.chunk_index] = citation
                text = self.store.sentence_text(sentence_id)
                parts.append(f"{text} [{citation.n}]" if language == "ko" else f"“{text}” [{citation.n}]")
                # "How much did it raise?" -> "$558 million [1]." and "When …?" -> "October last year [1]."
                # before the quotes, read from the best sentence holding the answer (``chosen`` puts it first)
                if in_english and s is chosen[0] and sentence_id == s.sentence_id:
                    reading = in_english(text)
                    lead = f"{reading[0].upper()}{reading[1:]} [{citation.n}]. " if reading else ""
        body = " ".join(parts)
        answer = body if language == "ko" else f"{lead}{EN_FRAME} {body}"
        ordered = tuple(sorted(citations.values(), key=lambda c: c.n))
        # what a follow-up is anchored to: the quotes from the lead's article (a runner-up from another article, "핵심
        # 인력들이 한자리에 모인 …" after Insikt Group's view of talent, is not the topic)
        lead_article = self.store.sentence_article[chosen[0].sentence_id]
        anchors = tuple(sorted(sid for sid in quoted if self.store.sentence_article[sid] == lead_article))
        return Answer(query.text, language, answer, False, ordered, query.turn.context, support=support,
                      quoted=anchors)


def cite(store: Store, hit: Hit, sentence_id: int | None, n: int, existing: Citation | None = None) -> Citation:
    """Citation [n] of a hit's passage quoting one of its sentences (added to ``existing``'s quotes);
    ``sentence_id`` None quotes nothing."""
    spans = set(existing.quote_spans) if existing is not None else set()
    if sentence_id is not None:
        _, sentence = store.sentence(sentence_id)
        spans.add((sentence.start - hit.chunk.start, sentence.end - hit.chunk.start))
    spans = tuple(sorted(spans))
    quote = " ".join(hit.chunk.text[a:b] for a, b in spans)
    if existing is not None:
        return Citation(**{**asdict(existing), "quote": quote, "quote_spans": spans})
    a = hit.article
    return Citation(n, a.source, hit.chunk.chunk_id, a.display_title, a.outlet, a.author, a.date, a.url,
                    hit.chunk.text, quote, spans, hit.chunk.start)
