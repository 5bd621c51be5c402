"""An English -> Korean glossary of general news words, for the term bridge (``rag.bridge``).

The encoder's word vectors rank the right Korean term first for only about half of common English
words (private 민간, talent 인재, weakness 약점 and moderator 진행자 are not), and no offline bilingual
lexicon is published on PyPI, so the project ships its own: ``data/glossary_en_ko.txt``, one headword
per line with its senses, most common first; a sense is one Korean rendering or several synonyms
("researchers 연구진/연구자/연구원"), as Kiwi tokens (nouns, and stems of native verbs and adjectives).
It was written for news vocabulary in general, not for any corpus.

A phrase Korean renders as one word is a headword of its words joined by hyphens ("blue-house 청와대",
"take-off 이륙"), looked up in a question's runs of words (``phrases``).

An inflected word is looked up by its base forms (``base_forms``): plural, past and -ing endings and
-ly adverbs are undone by rule; irregular forms, and comparatives (not undone: "no longer" is no 장기),
are headwords of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

GLOSSARY_FILE = Path(__file__).parent / "data" / "glossary_en_ko.txt"
_HEADWORD = re.compile(r"[a-z][a-z-]*")
_HANGUL_TERM = re.compile(r"[\uac00-\ud7a3]+")
_DOUBLED = re.compile(r"([bdgklmnprt])\1$")


Senses = tuple[tuple[str, ...], ...]  # each sense as its synonyms


class GlossaryError(ValueError):
    """The glossary file has a line that is not a headword followed by Korean senses."""


def parse_glossary(text: str) -> dict[str, Senses]:
    """Headword -> senses from the glossary's text; '#' lines are comments. A headword may appear once,
    with at least one sense."""
    entries: dict[str, Senses] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        head, *fields = line.split()
        synonyms = tuple(tuple(field.split("/")) for field in fields)
        if not _HEADWORD.fullmatch(head) or not fields or not all(_HANGUL_TERM.fullmatch(t) for s in synonyms for t in s):
            raise GlossaryError(f"glossary line {number} is not 'english 한국어 한국어/한국어 …': {line!r}")
        if head in entries:
            raise GlossaryError(f"glossary line {number}: {head!r} is already a headword")
        entries[head] = synonyms
    return entries


@lru_cache(maxsize=1)
def glossary() -> dict[str, Senses]:
    return parse_glossary(GLOSSARY_FILE.read_text(encoding="utf-8"))


def base_forms(word: str) -> list[str]:
    """The word lower-cased, then the forms it may be an inflection of, likeliest first: "companies" ->
    company, "raised" -> raise, "hiring" -> hire, "planned" -> plan, "quickly" -> quick."""
    w = word.lower()
    forms = [w]
    for suffix, replacements in (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "e")), ("s", ("",)),
                                 ("ed", ("e", "")), ("ing", ("e", "")), ("ily", ("y",)), ("ly", ("",))):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)]
            forms += [stem + r for r in replacements]
            if _DOUBLED.search(stem):  # planned -> plan
                forms.append(stem[:-1])
    return list(dict.fromkeys(forms))


def phrases(words: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The runs of two or three of ``words`` that are one headword, hyphen-joined ("Blue House": blue-house
    청와대, "took off": took-off 이륙), longest first and not overlapping, each with the words it joins; the
    first word is looked up by its base forms too ("taking off")."""
    entries, found, used = glossary(), [], set()
    for n in (3, 2):
        for i in range(len(words) - n + 1):
            if used & set(range(i, i + n)):
                continue
            rest = "-".join(w.lower() for w in words[i + 1 : i + n])
            head = next((f"{f}-{rest}" for f in base_forms(words[i]) if f"{f}-{rest}" in entries), "")
            if head:
                found.append((head, tuple(words[i : i + n])))
                used |= set(range(i, i + n))
    return found


def senses(word: str) -> Senses:
    """The Korean senses of the first base form of ``word`` the glossary has; () when it has none."""
    entries = glossary()
    return next((entries[f] for f in base_forms(word) if f in entries), ())


@lru_cache(maxsize=1)
def korean_synonyms() -> dict[str, frozenset[str]]:
    """Each Korean rendering -> the other renderings of the senses it is one of (warn 경고/경계: 경고 ->
    {경계}): a Korean question's word and an article's synonym of it ("그는 뭐라고 경고했어?" and "…
    낙관론을 경계했다"). One step only: 경계 is also caution's 신중, which is no synonym of 경고."""
    out: dict[str, set[str]] = {}
    for senses_of_word in glossary().values():
        for synonyms in senses_of_word:
            for term in synonyms:
                out.setdefault(term, set()).update(t for t in synonyms if t != term)
    return {term: frozenset(others) for term, others in out.items() if others}
