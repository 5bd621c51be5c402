"""English question words -> Korean index terms, so BM25 can help English questions over Korean text.

Two bridges, both over the Hangul terms of the BM25 vocabulary:

* Transliteration. Names and loanwords are written in Hangul by sound (Valentin -> 발렌틴,
  Tencent -> 텐센트, DeepSeek -> 딥시크). Each Hangul term is romanised syllable by syllable
  (anyascii), each English word or run of capitalised words is respelled, and both are reduced to
  the same rough phonetic key (r=l, v=b, f=p, voiced=voiceless, no epenthetic ㅡ, no doubled
  letters); keys at least ``TRANSLIT_MIN_SCORE`` similar (rapidfuzz ratio) are matches. A word that is
  a run of pinyin syllables is also read as Mandarin, the way Korean writes Chinese names (Zhipu 즈푸,
  Yao Shunyu 야오순위, Huawei 화웨이); that reading wins only when it is near-exact and clearly closer.
  Lower-case words (and pairs of them) are also read the way Korean spells borrowed English words
  (think tank 싱크탱크, software 소프트웨어, supercomputer 슈퍼컴퓨터), and any word with the "a" of a closed
  syllable read ㅐ (MiniMax 미니맥스), again only when clearly closer.
* Glossary. Common English words are looked up in the project's English -> Korean glossary
  (``rag.glossary``: private 민간, talent 인재, moderator 진행자); of a word's senses the index has, the
  one nearest the question's meaning counts, with weight ``GLOSSARY_WEIGHT``.
* Meaning. For words the glossary lacks, the encoder embeds every Hangul term once at indexing time (``term_vectors`` in the
  store); an English word's nearest term counts when their cosine reaches the encoder's
  ``term_similarity_floor`` (multilingual encoders only).

A match carries its similarity as a weight; the retriever scores the matched terms with BM25.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from .glossary import korean_synonyms, senses
from .text import ENGLISH_STOPWORDS

TRANSLIT_MIN_SCORE = 85.0
PINYIN_MIN_SCORE = 95.0  # pinyin reads many short English words too ("China" ~ 지나): only near-exact
MIN_KEY_CHARS = 5  # shorter keys match common words by accident ("Kong" ~ 공개)
SOUND_TIE = 3.0  # keep second-best sound matches only this close to the best
LOANWORD_KEY_CHARS = 7  # a lower-case word this long may be a loanword ("computing" ~ 컴퓨팅)
SPELLING_MIN_SCORE = 84.0  # Hangul words this alike, jamo by jamo, spell one name (발루치스탄 ~ 발로치스탄 92,
# 미니애폴리스 ~ 미네아폴리스 84.6)
MIN_SPELLING_SYLLABLES = 2  # single syllables have too many near neighbours
# Two-syllable words have many neighbours at 80–85 (유전자 ~ 운전자 80 is three); only one jamo more or less
# counts for them (토스 ~ 톡스 89; 토스 ~ 도시 is 50).
SHORT_SPELLING_MIN_SCORE = 88.0
# Vowels Korean spellings of foreign names mix up (밸리 / 벨리, 화롄 / 화련, 웨이 / 왜이), as Hangul vowel indices
# (ㅏ = 0 … ㅣ = 20): ㅐ ㅔ, ㅒ ㅖ, ㅕ ㅖ, ㅙ ㅞ ㅚ.
_CONFUSED_VOWELS = ({1, 5}, {3, 7}, {6, 7}, {10, 15, 11})
GLOSSARY_WEIGHT = 0.95  # a glossary rendering is a translation, but maybe of another sense of the word
GLOSSARY_VERB_SUFFIXES = ("하", "짓")  # a rendering the index holds only as a Kiwi verb stem: 결론짓, 저렴하
SURNAME_WEIGHT = 0.9  # a Chinese surname alone ("린") is a weaker sign of the person than the full name
ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]*[A-Za-z0-9]|[A-Za-z]")  # codes too: A100, R1
POSSESSIVE = re.compile(r"'s?$")
_SYLLABLE = re.compile(r"[A-Z][a-z]*")
_SYLLABLE_PARTS = re.compile(r"^(kk|tt|pp|ss|jj|ch|[gkndtlmbpsjh]?)([aeiouwy]+)([a-z]*)$")
_FINAL_SOUND = {"g": "k", "kk": "k", "s": "t", "ss": "t", "d": "t", "j": "t", "ch": "t", "h": "t", "b": "p"}
_ENGLISH_SPELLING = (("ph", "p"), ("th", "t"), ("sh", "s"), ("ck", "k"), ("qu", "kw"), ("q", "k"), ("x", "ks"),
                     ("v", "b"), ("f", "p"), ("z", "j"), ("ee", "i"), ("ea", "i"), ("oo", "u"), ("ou", "u"),
                     ("ew", "yu"))
_SHARED_SOUNDS = (("r", "l"), ("eo", "o"), ("eu", "e"), ("ae", "e"), ("oe", "e"), ("ui", "i"),
                  ("g", "k"), ("d", "t"), ("b", "p"), ("j", "ch"))


_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")

def is_hangul_term(term: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in term)


def _shared_key(spelling: str) -> str:
    for a, b in _SHARED_SOUNDS:
        spelling = spelling.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", spelling)


@lru_cache(maxsize=65536)
def korean_key(term: str) -> str:
    """Rough phonetic key of a Hangul term ("" when it has other characters)."""
    from anyascii import anyascii

    if not all("\uac00" <= ch <= "\ud7a3" for ch in term):
        return ""
    parts = []
    for syllable in _SYLLABLE.findall(anyascii(term)):
        m = _SYLLABLE_PARTS.match(syllable.lower())
        if not m:
            return ""
        initial, vowel, final = m.groups()
        if vowel == "eu" and not final:
            vowel = ""  # the ㅡ Korean inserts between consonants of a foreign word: 그룹 = group
        parts.append(initial + vowel + _FINAL_SOUND.get(final, final))
    return _shared_key("".join(parts))


def english_key(word: str) -> str:
    """Rough phonetic key of an English word or name (letters only)."""
    w = re.sub(r"[^a-z]", "", word.lower())
    for a, b in _ENGLISH_SPELLING:
        w = w.replace(a, b)
    w = re.sub(r"c(?=[eiy])", "s", w).replace("c", "k")
    w = re.sub(r"aw(?![aeiou])", "o", w)  # Lawrence -> 로렌스
    w = re.sub(r"^n(?=[^aeiouy])", "en", w)  # an initial N before a consonant is spelt out: Nvidia -> 엔비디아
    w = re.sub(r"(?<=[^aeiou])e$", "", w)  # silent final e
    w = re.sub(r"(?<=[aeiou])r(?=[^aeiou]|$)", "", w)  # Korean spelling follows non-rhotic speech
    return _shared_key(w)


_LOANWORD_SPELLING = (
    (r"th", "s"),  # think 싱크, thriller 스릴러
    (r"(?<=[bcdfgklmnpst])u(?=[bcdfgklmnpst][aeiouy])", "yu"),  # computer 컴퓨터, super 슈퍼
    (r"are$", "eo"), (r"er$", "eo"),  # software 소프트웨어, computer 컴퓨터
    (r"a(?=n[kg])", "ae"),  # tank 탱크, bank 뱅크
)


def closed_a_key(word: str) -> str:
    """Rough phonetic key of an English word or name with the "a" of a closed syllable read as Korean
    writes it, ㅐ (MiniMax 미니맥스, Jackson 잭슨); "" when it has none."""
    w = re.sub(r"[^a-z]", "", word.lower())
    read = re.sub(r"a(?=[bcdfgklmnpstvxz](?:[bcdfgklmnpstvxz]|$))", "e", w)
    return english_key(read) if read != w else ""


def er_key(word: str) -> str:
    """Rough phonetic key of an English word or name with the "er" before a consonant or at the end read as
    Korean writes it, ㅓ (Ernie Bot 어니봇, Bernie 버니, Herbert 허버트); "" when it has none."""
    w = re.sub(r"[^a-z]", "", word.lower())
    read = re.sub(r"e(?=r(?:[^aeiouyr]|$))", "eo", w)
    return english_key(read) if read != w else ""


def loanword_key(word: str) -> str:
    """Rough phonetic key of an English common word as Korean spells it when borrowed (think tank
    싱크탱크, supercomputer 슈퍼컴퓨터, software 소프트웨어); "" for capitalised names."""
    if word[:1].isupper():
        return ""
    w = re.sub(r"[^a-z]", "", word.lower())
    for pattern, replacement in _LOANWORD_SPELLING:
        w = re.sub(pattern, replacement, w)
    return english_key(w)


_PINYIN_SYLLABLES = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ong|ian|iao|ing|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|a|o|e|i|u))+"
)
_PINYIN_SYLLABLE = re.compile(_PINYIN_SYLLABLES.pattern[:-1])  # exactly one syllable
_PINYIN_SPELLING = (
    (r"w(?=u)|y(?=i)", ""),  # wu, yi: w and y only spell the vowel (Wuhan 우한)
    (r"(?<=[jq])ie", "e"),  # Jie 제, Qie 체 (Tang Jie 탕제)
    (r"(zh|ch|sh|[zcsr])i(?![aeiou])", r"\1"),  # zhi, shi, zi, ri: the vowel Korean writes as ㅡ (즈, 스)
    (r"yu|(?<=[jqx])u", "wi"),  # ü: Yu 위, Jun 쥔, Xu 쉬
    (r"zh", "j"), (r"sh", "s"), (r"x", "s"), (r"q", "ch"), (r"c(?!h)", "ch"), (r"z", "j"),
    (r"ui", "wei"), (r"iu", "yu"), (r"uo", "wo"), (r"ua", "wa"), (r"ian", "yen"), (r"ong", "ung"),
)


# Optional respellings of a name, tried in every combination: how Korean writes sounds that English
# spelling hides (Reuters 로이터, Tsinghua 칭화, Georgetown 조지타운, Bloomberg 블룸버그, Google 구글, Tesla
# 테슬라, Weber 베버, Ernie 어니, Moonshot 문샷, Charlie 찰리, Brown 브라운, Trump 트럼프, McCain 매케인,
# Kamchatka 캄차카, Brownsville 브론즈빌, Sarkozy 사르코지, Tauxe 톡스, Cyber 사이버, Hyper 하이퍼). In this
# order: the ㅡ inserted into "Google" makes no soft "ge", and "ch" becomes ㅊ (j, which the shared key reads
# ch) before "c" is read k.
_NAME_RESPELLINGS = (
    (r"eu", "oi"), (r"^ts", "j"), (r"g(?=[eiy])", "j"), (r"([bcdfgkpst])([lr])", r"\1eu\2"), (r"^w", "b"),
    (r"er(?![aeiou])", "eo"), (r"sh(?=[aeiou])", "sy"), (r"ie$", "i"), (r"own", "aun"),
    (r"u(?=[bcdfgkmnpst](?:[bcdfgkmnpst]|$))", "eo"),
    (r"^mcc?", "mek"), (r"ai", "ei"), (r"au", "o"), (r"t?ch", "j"), (r"(?<=[aeioun])s(?=[bdglmnvw])", "z"),
    (r"(?<=[aeiou])r(?=[bcdfgkpstvz])", "l"), (r"y$", "i"),
    (r"cy(?=[bcdfgklmnprst])", "sai"), (r"(?<=[bdfghklmnprstv])y(?=[bcdfgklmnprst])", "ai"),
)


# Korean surnames as they are romanized (customary, McCune-Reischauer and Revised spellings) where the letters
# read otherwise: Lee Hae-chan 이해찬, Roh Moo-hyun 노무현, Choi 최, Chung 정, Rhee 이
_KOREAN_SURNAMES = {
    "lee": "이", "rhee": "이", "yi": "이", "yee": "이", "roh": "노", "noh": "노", "choi": "최", "choe": "최",
    "chung": "정", "jung": "정", "jeong": "정", "cheong": "정", "jeon": "전", "chun": "전", "kang": "강", "gang": "강",
    "cho": "조", "jo": "조", "jang": "장", "chang": "장", "lim": "임", "rim": "임", "im": "임", "oh": "오", "suh": "서",
    "seo": "서", "shin": "신", "kwon": "권", "hwang": "황", "ahn": "안", "ryu": "유", "yoo": "유", "yu": "유", "koh": "고",
    "ko": "고", "go": "고", "sohn": "손", "bae": "배", "pae": "배", "baek": "백", "paik": "백", "paek": "백", "heo": "허",
    "huh": "허", "hur": "허", "woo": "우", "pak": "박", "bak": "박", "park": "박", "yoon": "윤", "yun": "윤",
}


def korean_name_key(word: str) -> str:
    """Rough phonetic key of a romanized Korean name that opens with its surname, the surname read as Korean
    writes it and the given name as romanized, not as English is read ("LeeHae-chan" -> 이 + haechan ~ 이해찬,
    "RohMoo-hyun" ~ 노무현); "" for other words."""
    m = re.match(r"([A-Z][a-z]+)(?=[A-Z])", word)
    surname = _KOREAN_SURNAMES.get(m.group(1).lower()) if m else None
    if not surname:
        return ""
    given = re.sub(r"[^a-z]", "", word[m.end():].lower()).replace("oo", "u").replace("ee", "i")
    return _shared_key(korean_key(surname) + given)


@lru_cache(maxsize=4096)
def respelled_keys(word: str) -> frozenset[str]:
    """Phonetic keys of a name with the respellings of ``_NAME_RESPELLINGS`` in every combination, the
    plain reading (``english_key``) left out."""
    variants = {word.lower()}
    for pattern, replacement in _NAME_RESPELLINGS:
        variants |= {re.sub(pattern, replacement, v) for v in variants}
    plain = english_key(word)
    return frozenset(k for k in map(english_key, variants) if k and k != plain)


def pinyin_key(word: str) -> str:
    """Rough phonetic key of a word read as Mandarin pinyin, the way Korean writes Chinese names
    (Zhipu 즈푸, Shunyu 순위, Huawei 화웨이); "" when the word is not a run of pinyin syllables."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if not _PINYIN_SYLLABLES.fullmatch(w):
        return ""
    for pattern, replacement in _PINYIN_SPELLING:
        w = re.sub(pattern, replacement, w)
    return _shared_key(w)


def english_words(question: str) -> list[str]:
    """The question's English words without possessive endings ("China's" -> "China")."""
    return [POSSESSIVE.sub("", w) for w in ENGLISH_WORD.findall(question)]


def english_candidates(question: str, known: set[str] | dict) -> list[str]:
    """Words of the question worth matching by meaning: longer than two letters, not stopwords, not
    already index terms."""
    words = english_words(question)
    return list(dict.fromkeys(w for w in words if len(w) > 2 and w.lower() not in ENGLISH_STOPWORDS
                              and w.lower() not in known))


def name_candidates(question: str, known: set[str] | dict, first_word: bool = False) -> list[str]:
    """The words worth matching by sound, longest first: runs of 3 and 2 capitalised words joined as one
    name ("Lee Hae-chan" -> "LeeHae-chan"), pairs of lower-case words that may be one loanword ("think
    tank" ~ 싱크탱크), capitalised words after the first word (and the first, with ``first_word``: a run of
    Latin words in a Korean question opens no sentence), long words that may be loanwords ("computing" ~ 컴퓨팅),
    and the capitalised parts of hyphenated words ("Beijing-based" -> "Beijing")."""
    words = english_words(question)
    possessive = [bool(POSSESSIVE.search(w)) for w in ENGLISH_WORD.findall(question)]
    out = []
    for n in (3, 2):
        for i in range(len(words) - n + 1):
            run = words[i : i + n]
            # a possessive ends a name: "Tencent's AI model" names Tencent, not "TencentAI"
            if all(w[0].isupper() for w in run) and not any(possessive[i : i + n - 1]):
                out.append("".join(run))
    out += [a + b for a, b in zip(words, words[1:])  # "think tank" -> "thinktank" ~ 싱크탱크
            if a.islower() and b.islower() and not {a, b} & ENGLISH_STOPWORDS]
    out += [
        w for i, w in enumerate(words)
        if w.lower() not in ENGLISH_STOPWORDS and w.lower() not in known
        and (((i > 0 or first_word) and w[0].isupper()) or len(english_key(w)) >= LOANWORD_KEY_CHARS)
    ]
    out += [part for w in words if "-" in w and w[0].isupper()  # "Beijing-based" -> "Beijing"
            for part in w.split("-") if part[:1].isupper() and part.lower() not in known]
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class TermMatch:
    word: str
    term: str
    weight: float
    how: str  # "sound", "glossary", "meaning", "spelling" (a Hangul variant), or "surname" (of a name matched by sound)


def counted(bridged: Sequence[TermMatch]) -> list[TermMatch]:
    """The matches a word counts by: all but the second and later glossary synonyms of a word (one
    sense's renderings, ``TermBridge.by_glossary``)."""
    seen: set[str] = set()
    out = []
    for m in bridged:
        if m.how != "glossary" or m.word not in seen:
            out.append(m)
        if m.how == "glossary":
            seen.add(m.word)
    return out


def synonyms_of(bridged: Sequence[TermMatch]) -> dict[str, str]:
    """Each glossary rendering that is not the counted one of its word (``counted``) -> the counted one
    (연구자 -> 연구진 for "researchers"): worked out once per question."""
    first = {m.word: m.term for m in counted(bridged) if m.how == "glossary"}
    return {m.term: first[m.word] for m in bridged if m.how == "glossary" and m.term != first[m.word]}


def korean_synonyms_of(tokens: Sequence[str]) -> dict[str, str]:
    """Each glossary synonym of a Korean question's word (``glossary.korean_synonyms``) -> that word (경계 ->
    경고 for "그는 뭐라고 경고했어?"), so a sentence writing the synonym covers the word. A synonym that is
    itself one of the question's words stays its own."""
    own = set(tokens)
    table = korean_synonyms()
    return {synonym: t for t in dict.fromkeys(tokens) for synonym in sorted(table.get(t, ())) if synonym not in own}


def with_synonyms(tokens: tuple[str, ...], synonyms: dict[str, str]) -> tuple[str, ...]:
    """A text's tokens plus the counted rendering of each word whose synonym the text holds (``synonyms_of``:
    연구진 counted for "researchers", 연구자 written)."""
    present = set(tokens)
    return tokens + tuple(sorted({synonyms[t] for t in present if t in synonyms} - present))


class TermBridge:
    """Maps English words to the Hangul terms of one index: by sound over all of them, by meaning over
    those with vectors."""

    def __init__(self, sound_terms: Sequence[str], meaning_terms: Sequence[str] = (),
                 term_vectors: np.ndarray | None = None, similarity_floor: float | None = None):
        self.sound_terms = list(sound_terms)
        self.meaning_terms = list(meaning_terms)
        if term_vectors is not None and len(term_vectors) != len(self.meaning_terms):
            raise ValueError(f"{len(term_vectors)} term vectors for {len(self.meaning_terms)} terms")
        self.term_vectors = term_vectors
        self.similarity_floor = similarity_floor

    @property
    def translates_meaning(self) -> bool:
        return self.term_vectors is not None and self.similarity_floor is not None and bool(self.meaning_terms)

    @cached_property
    def _keys(self) -> tuple[list[str], list[str]]:
        keys, terms = [], []
        for term in self.sound_terms:
            key = korean_key(term)
            if len(key) >= MIN_KEY_CHARS - 1:
                keys.append(key)
                terms.append(term)
        return keys, terms

    def by_sound(self, words: Sequence[str]) -> list[TermMatch]:
        """Matches for each candidate (best first, ties within ``SOUND_TIE`` kept); a candidate inside a
        longer one that already matched is skipped ("Jong-il" once "KimJong-il" matched 김정일)."""
        from rapidfuzz import fuzz, process

        keys, terms = self._keys
        matches: list[TermMatch] = []
        matched: list[str] = []
        for word in words:
            key = english_key(word)
            if len(key) < MIN_KEY_CHARS or not keys or any(word in longer for longer in matched):
                continue
            found = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=TRANSLIT_MIN_SCORE, limit=3)
            # Other readings count only when they sound clearly closer: Mandarin pinyin (near-exact only)
            # the Korean spelling of English loanwords, a closed-syllable "a" read ㅐ, an "er" read ㅓ, and a Korean surname.
            for reading, cutoff in ((pinyin_key(word), PINYIN_MIN_SCORE), (loanword_key(word), TRANSLIT_MIN_SCORE),
                                    (closed_a_key(word), TRANSLIT_MIN_SCORE), (er_key(word), TRANSLIT_MIN_SCORE),
                                    (korean_name_key(word), TRANSLIT_MIN_SCORE)):
                if not reading or reading == key:
                    continue
                other = process.extract(reading, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3)
                if other and other[0][1] > (found[0][1] if found else 0.0) + SOUND_TIE:
                    found = other
            if found:
                matched.append(word)
                best = found[0][1]
                matches.extend(TermMatch(word, terms[j], score / 100, "sound")
                               for _, score, j in found if score >= best - SOUND_TIE)
                matches.extend(self._surname(word, terms[found[0][2]], best / 100))
        return matches

    def _surname(self, name: str, term: str, weight: float) -> list[TermMatch]:
        """The surname of a Chinese name matched whole ("LinJunyang" 린쥔양 -> 린): after the first mention,
        Korean news names the person by surname and title ("린 기술책임자는", "야오 AI책임자는"). Only for a
        name whose first word is one pinyin syllable; a one-syllable surname must be an index term (two
        syllables are matched in the text even when Kiwi splits them: "야오" -> 야 + 오)."""
        words = _SYLLABLE.findall(name)
        if len(words) < 2 or not _PINYIN_SYLLABLE.fullmatch(words[0].lower()) or len(term) < 3:
            return []
        surname = pinyin_key(words[0])
        for size in (1, 2):
            prefix = term[:size]
            if korean_key(prefix) == surname and (size > 1 or prefix in self._sound_term_set):
                return [TermMatch(name, prefix, weight * SURNAME_WEIGHT, "surname")]
        return []

    @cached_property
    def _spellings(self) -> tuple[list[str], list[str]]:
        """(jamo strings, terms) of the Hangul terms of ``MIN_SPELLING_SYLLABLES`` syllables or more."""
        terms = [t for t in self.sound_terms if len(t) >= MIN_SPELLING_SYLLABLES and _HANGUL_WORD.fullmatch(t)]
        return [unicodedata.normalize("NFD", t) for t in terms], terms

    def by_spelling(self, words: Sequence[str]) -> list[TermMatch]:
        """The term spelt most like each Hangul word the index lacks, jamo by jamo, when they are at least
        ``SPELLING_MIN_SCORE`` alike (two-syllable words ``SHORT_SPELLING_MIN_SCORE``): Korean writes foreign
        names several ways (발루치스탄 / 발로치스탄, 리버모어 / 리버모아, 미니애폴리스 / 미네아폴리스, 토스 /
        톡스). Words shorter than ``MIN_SPELLING_SYLLABLES`` are not matched."""
        from rapidfuzz import fuzz, process

        jamo, terms = self._spellings
        matches = []
        for word in words:
            if len(word) < MIN_SPELLING_SYLLABLES or word in self._sound_term_set or not _HANGUL_WORD.fullmatch(word):
                continue
            found = process.extractOne(unicodedata.normalize("NFD", word), jamo, scorer=fuzz.ratio,
                                       score_cutoff=SPELLING_MIN_SCORE if len(word) > 2 else SHORT_SPELLING_MIN_SCORE)
            if found:
                matches.append(TermMatch(word, terms[found[2]], found[1] / 100, "spelling"))
        return matches

    def spelt_alike(self, word: str) -> bool:
        """Whether the index has a Hangul term spelt like ``word`` but for one vowel Korean spellings of
        foreign names mix up (``_CONFUSED_VOWELS``): a question naming 화롄 or 실리콘밸리 is about what an
        article writes 화련 or 실리콘벨리, not about something it never mentions. Other vowels make other
        words (일본 / 일반)."""
        if not _HANGUL_WORD.fullmatch(word):
            return False
        for i, syllable in enumerate(word):
            code = ord(syllable) - 0xAC00
            vowel = code // 28 % 21
            for group in _CONFUSED_VOWELS:
                for other in group - {vowel} if vowel in group else ():
                    swapped = chr(0xAC00 + code - (vowel - other) * 28)
                    if word[:i] + swapped + word[i + 1 :] in self._sound_term_set:
                        return True
        return False

    @cached_property
    def _sound_term_set(self) -> frozenset[str]:
        return frozenset(self.sound_terms)

    @cached_property
    def _meaning_rows(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self.meaning_terms)}

    def by_territory(self, question: str) -> list[TermMatch]:
        """The Korean names the index has of each country or region the question names in English (CLDR:
        "the US" 미국, "South Korea" 한국, "Japan" 일본), as glossary matches of the name's words run together:
        Korean never writes them by sound."""
        from .names import question_names, territory_spellings

        matches = []
        for name in question_names(question):
            present = [k for k in territory_spellings(name) or () if k in self._sound_term_set]
            matches += [TermMatch("".join(name), k, GLOSSARY_WEIGHT, "glossary") for k in present]
        return matches

    def _index_form(self, rendering: str) -> str:
        """How the index writes a glossary rendering: itself, or the verb or adjective Kiwi makes of it with 하
        or 짓 ("결론지었다" is 결론짓, "저렴한" 저렴하); "" when the index has neither."""
        return next((f for f in (rendering, *(rendering + suffix for suffix in GLOSSARY_VERB_SUFFIXES))
                     if f in self._sound_term_set), "")

    def by_glossary(self, words: Sequence[str], sense: np.ndarray | None = None) -> list[TermMatch]:
        """Each word's renderings in one of its glossary senses (``rag.glossary``) that the index has: of
        several senses, the one with a term nearest ``sense``, the question's vector ("capital" in a
        question about a city is 수도, in one about funding 자본), else the first listed. All the chosen
        sense's synonyms are matched (researchers 연구진, 연구자, 연구원); the first is the one counted in
        coverage (``counted``) and searched densely."""
        matches = []
        for word in words:
            present = [kept for synonyms in senses(word)
                       if (kept := [f for t in synonyms if (f := self._index_form(t))])]
            if not present:
                continue
            chosen = present[0]
            if sense is not None and self.term_vectors is not None and len(present) > 1:
                nearness = [max((float(self.term_vectors[self._meaning_rows[t]] @ sense) for t in terms
                                 if t in self._meaning_rows), default=float("-inf")) for terms in present]
                chosen = present[int(np.argmax(nearness))]
            matches += [TermMatch(word, term, GLOSSARY_WEIGHT, "glossary") for term in chosen]
        return matches

    def by_meaning(self, words: Sequence[str], word_vectors: np.ndarray) -> list[TermMatch]:
        """Each word's nearest term, when their cosine reaches the floor."""
        if not self.translates_meaning or not len(words):
            return []
        sims = word_vectors @ self.term_vectors.T
        best = sims.argmax(axis=1)
        return [
            TermMatch(word, self.meaning_terms[int(j)], float(sims[i, j]), "meaning")
            for i, (word, j) in enumerate(zip(words, best))
            if sims[i, j] >= self.similarity_floor
        ]

