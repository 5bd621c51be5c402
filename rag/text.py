"""Sentence splitting, search tokens and language detection for Korean and English (kiwipiepy)."""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# Morpheme tags that carry meaning for search: nouns, numerals, foreign words, hanja, roots and
# verb/adjective stems. Particles, endings and punctuation are dropped.
CONTENT_TAGS = frozenset({"NNG", "NNP", "NR", "SN", "SL", "SH", "XR", "VV", "VA"})
_JOINABLE_TAGS = frozenset({"SL", "SN"})
_NOUN_TAGS = frozenset({"NNG", "NNP", "NR"})

ENGLISH_STOPWORDS = frozenset(
    """a about above according after again against all also am an and any are as at be because been
    before being between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just me
    mentioned more most much my no nor not now of off on once only or other our out over own said
    same say says she should so some such than that the their them then there these they this those
    through to too under until up very was we were what when where which while who whom why will
    with would you your many s""".split()  # noqa: SIM905 (a word list reads better as text)
)
# Light verbs and question words carry no topic: "어떻게 말했나", "얼마를 조달했나", "하려 하나".
KOREAN_STOPWORDS = frozenset(["하", "있", "되", "같", "어떻", "얼마", "위하", "대하", "말하", "이러하", "그러하"])
STOPWORDS = ENGLISH_STOPWORDS | KOREAN_STOPWORDS

# Raised whenever the search tokens of a text change (2: acronyms are no stop words; 3: an interjection glued to a
# noun joins it; 5: an English ordinal is its number; 6: a word Kiwi cut with a single-syllable piece is also a token
# whole): an index built with other tokens is analysed again, its vectors taken from the cache.
TOKENS_VERSION = 6
# Raised whenever the sentences a text is split into change (4: a quoted headline's sentence goes on after the
# quote): the chunks and sentences embedded change, so vectors cached for other sentences are not used. Until 6 one
# number counted both; this one starts at 6, so the vectors cached then stay valid.
SENTENCES_VERSION = 6

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-z]")
_KIWI_LOCK = threading.Lock()
_PLURAL_CODE = re.compile(r"^([a-z]+\d+)s$")  # "h100s" -> "h100"
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")  # "the 8th" is Korean "8일", "8위", "8번째": "8"


@dataclass(frozen=True)
class SentenceSpan:
    """A sentence as character offsets into the analysed text, with its search tokens."""

    start: int
    end: int
    tokens: tuple[str, ...]


@lru_cache(maxsize=1)
def _kiwi():
    from kiwipiepy import Kiwi

    # Without the multi-word dictionary, "모리 요시로" is two search tokens (a query for "모리" finds it)
    # and Kiwi takes 180 MB less memory.
    return Kiwi(load_multi_dict=False)


_HANGUL_FORM = re.compile(r"[가-힣]+")


def _flush_split_word(run: list[str], out: list[str]) -> None:
    """Appends the word a run of nouns makes when Kiwi cut it with a single-syllable piece (``_search_tokens``)."""
    if len(run) > 1 and any(len(piece) == 1 for piece in run):
        out.append("".join(run))


def _search_tokens(kiwi_tokens) -> tuple[str, ...]:
    """Content morphemes, lower-cased; adjacent Latin letters and digits join ("A"+"100" -> "a100"). An
    acronym is no stop word: "IT기업" keeps "it", "US" keeps "us". An interjection written together with
    the noun after it is the start of that word, which Kiwi misread ("야오" -> 야 + 오, "오전" -> 오 + 전,
    "예포" -> 예 + 포): it joins the noun. A run of nouns written as one word that Kiwi cut into pieces, one of
    them a single syllable, is also a token whole after its pieces: an unknown name splits so before some
    particles ("우즈창은" -> 우즈 + 창, "문샷의" -> 문 + 샷), and an English name is heard by the whole."""
    out: list[str] = []
    acronyms: set[int] = set()  # positions in ``out`` of tokens written in capitals
    prev_end = -1
    prev_joinable = False
    interjection = None  # an interjection just before, as (form, end)
    run: list[str] = []  # the Hangul nouns of the word so far, written together
    run_end = -1
    for tok in kiwi_tokens:
        tag = str(tok.tag).split("-")[0]
        joinable = tag in _JOINABLE_TAGS
        glued = interjection is not None and interjection[1] == tok.start and tag in _NOUN_TAGS
        head = interjection[0] if glued else ""
        noun = tag in _NOUN_TAGS and bool(_HANGUL_FORM.fullmatch(tok.form))
        if not (noun and tok.start == run_end and not glued):
            _flush_split_word(run, out)
            run = []
        if noun:
            run.append(head + tok.form)
            run_end = tok.start + tok.len
        interjection = (tok.form, tok.start + tok.len) if tag == "IC" else None
        if tag not in CONTENT_TAGS:
            prev_joinable = False
            continue
        form = tok.form.lower().replace(",", "").strip(".") if joinable else head + tok.form
        if joinable and prev_joinable and tok.start == prev_end and out:
            out[-1] += form
        else:
            out.append(form)
            if len(tok.form) > 1 and tok.form.isupper():
                acronyms.add(len(out) - 1)
        prev_end = tok.start + tok.len
        prev_joinable = joinable
    _flush_split_word(run, out)
    return tuple(_ORDINAL.sub(r"\1", _PLURAL_CODE.sub(r"\1", t)) for i, t in enumerate(out)
                 if t and (t not in STOPWORDS or i in acronyms))


def analyze(texts: Iterable[str]) -> list[list[SentenceSpan]]:
    """Split each text into sentences with offsets and search tokens, in one Kiwi pass."""
    texts = list(texts)
    if not texts:
        return []
    with _KIWI_LOCK:
        results = _kiwi().split_into_sents(texts, return_tokens=True)
        spans = [[SentenceSpan(s.start, s.end, _search_tokens(s.tokens)) for s in sents if s.text.strip()]
                 for sents in results]
    return [_with_quotes_continued(text, sentences) for text, sentences in zip(texts, spans)]


# A quote closed right after a sentence ending, without a full stop: "…자극했다' 제하의 기사에서 …"
_OPEN_QUOTE_END = re.compile(r"[가-힣]['’\"”]\s*$")


def _with_quotes_continued(text: str, sentences: list[SentenceSpan]) -> list[SentenceSpan]:
    """``sentences`` with each one Kiwi ends at the closing quote of a quoted clause joined to the rest of
    its sentence: "WSJ는 이날 '미국 싱크탱크의 보고서가 … 자극했다' 제하의 기사에서 이같이 보도했다." is one
    sentence (Kiwi cuts after the quote, and "제하의 기사에서 …" alone says nothing). A quote closed after a
    full stop ('…했다.') or at the end of a line ends its sentence."""
    out: list[SentenceSpan] = []
    for s in sentences:
        last = out[-1] if out else None
        if last and _OPEN_QUOTE_END.search(text[last.start : last.end]) and not text[last.end : s.start].strip(" \t"):
            out[-1] = SentenceSpan(last.start, s.end, last.tokens + s.tokens)
        else:
            out.append(s)
    return out


def tokenize(text: str) -> list[str]:
    """Search tokens of a query or passage (same normalisation as the index)."""
    if not text.strip():
        return []
    with _KIWI_LOCK:
        return list(_search_tokens(_kiwi().tokenize(text)))


_ACRONYM = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z][A-Z0-9]{2,}|[A-Z]\d)(?![A-Za-z0-9])")
# Hangul glued to a capitalised Latin part is a brand ("오픈AI", "즈푸AI"), though Kiwi reads 오픈 as a common word
_GLUED_NAME = re.compile(r"(?<![가-힣])[가-힣]+[A-Z][A-Za-z0-9]*(?![A-Za-z0-9])")


_WORD_END_TAGS = frozenset("JEVSX")  # Kiwi tags of particles, endings, verbs, symbols, affixes


_PREDICATE_TAGS = ("VV", "VA", "VX", "XSV", "XSA")  # Kiwi's verbs, adjectives and the suffixes that make them


@dataclass(frozen=True)
class QuestionWords:
    """What one Kiwi pass over a question gives the retriever."""

    tokens: tuple[str, ...]  # search tokens (``tokenize``)
    # acronyms of three or more capitals ("GDP"), model codes ("R1", "H800"), Hangul-Latin brands ("오픈AI") and Kiwi's
    # proper nouns ("삼성전자")
    names: tuple[str, ...]
    # Words Kiwi split into pieces of which one is a single syllable, as written without their particle:
    # an unknown name splits before some particles ("주송춘은" -> 주 + 송 + 춘 + 은, "야오순위의" -> 야 + 오 +
    # 순위 + 의) and not before others.
    split_nouns: tuple[str, ...] = ()
    # Words that begin with a noun, as written up to their first particle or symbol: a name Kiwi cuts
    # wrongly stays whole here ("발루치스탄" -> 발루치스 + 타 + ㄴ), for ``TermBridge.by_spelling``.
    noun_words: tuple[str, ...] = ()
    # whether Kiwi finds a verb or adjective ("중국이 2030년까지 이루려는 목표는?" has 이루; "화웨이 어센드 칩 성능은?" is a
    # noun phrase)
    has_predicate: bool = False


# A request wrapped around a question ("Tell me about …", "Explain …", "List …", "…에 대해 알려줘", "…을 설명해줘"): its
# verb asks for an answer, it is no word the answer holds ("알려줘" is Kiwi's 알리, as in 알리바바)
_REQUEST_EN = re.compile(r"^\W*(?:please\s+)?(?:tell\s+me(?:\s+about)?|explain|describe|summari[sz]e|list|give\s+me"
                         r"|show\s+me|name)\s+", re.IGNORECASE)
_REQUEST_KO = re.compile(r"(?:^|\s+)(?:좀\s+)?(?:알려|말해|설명해|요약해|정리해|소개해|보여|찾아|가르쳐|얘기해|이야기해)"
                         r"\s*(?:줘|줄래|주세요|주십시오|주시겠어요|주실래요|봐)\W*$")


def is_request(question: str) -> bool:
    """Whether ``question`` is a request wrapped around what it asks about ("Explain the social simulator.")."""
    return without_request(question) != question.strip()


def without_request(question: str) -> str:
    """``question`` without the request wrapped around it (``_REQUEST_EN``, ``_REQUEST_KO``): what it asks about."""
    return _REQUEST_KO.sub("", _REQUEST_EN.sub("", question)).strip() or question


def question_words(text: str) -> QuestionWords:
    """A question's search tokens, names and split nouns (``QuestionWords``), from one Kiwi pass."""
    if not text.strip():
        return QuestionWords((), ())
    with _KIWI_LOCK:
        analysed = _kiwi().tokenize(text)
    nouns = [t.form for t in analysed if str(t.tag) == "NNP" and len(t.form) > 1]
    words: dict[int, list] = {}
    for t in analysed:
        words.setdefault(t.word_position, []).append(t)
    split, noun_words = [], []
    for word in words.values():
        # the word's pieces before its first particle, ending, verb or symbol; a noun suffix is a piece ("탕제는" ->
        # 탕 + the suffix 제 + 는, while the article's "탕제 최고경영자" gives 탕제)
        run = list(itertools.takewhile(lambda t: str(t.tag)[0] not in _WORD_END_TAGS or str(t.tag) == "XSN", word))
        if len(run) > 1 and any(len(t.form) == 1 for t in run):
            split.append(text[run[0].start : run[-1].start + run[-1].len])
        if str(word[0].tag).startswith("NN"):  # as written up to its first particle or symbol
            end = next((t.start for t in word if str(t.tag)[0] in "JS"), word[-1].start + word[-1].len)
            noun_words.append(text[word[0].start : end])
    return QuestionWords(_search_tokens(analysed),
                         tuple(dict.fromkeys(_ACRONYM.findall(text) + _GLUED_NAME.findall(text) + nouns)),
                         tuple(dict.fromkeys(split)), tuple(dict.fromkeys(noun_words)),
                         any(str(t.tag).startswith(_PREDICATE_TAGS) for t in analysed))


@lru_cache(maxsize=4096)
def is_proper_noun(term: str) -> bool:
    """Whether Kiwi reads a term on its own as one proper noun (러시아, not 소프트웨어)."""
    with _KIWI_LOCK:
        tokens = _kiwi().tokenize(term)
    return len(tokens) == 1 and str(tokens[0].tag) == "NNP"


def detect_language(text: str) -> str:
    """'ko' when Hangul makes up at least a fifth of the letters, else 'en'."""
    hangul = len(_HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    if hangul and hangul >= 0.2 * (hangul + latin):
        return "ko"
    return "en"
