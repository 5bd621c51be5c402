"""Capitals restored to an English question typed all in lower case ("zhipu ai ipo amount").

The name checks read capitals: a capitalised word may name something the articles must mention
("Who supplies HBM to Samsung?" abstains when they never do), and "What did Lin Junyang say?" asks for
a person. A question typed without any capital would name nothing, so its words get back the capitals
they would have had:

- a word the articles write with capitals in Latin letters takes their spelling when it is no common
  word or the spelling is more than a capitalised common word ("cset" CSET, "qwen" Qwen, "ai" AI;
  "world" stays, though a title writes "World");
- a code takes capitals on its letters ("a100" A100), a word without vowels is an acronym ("hbm" HBM);
- a word that is no common word (Webster's lower-case entries, the glossary's headwords, by their base
  forms, comparatives and prefixes too: "larger", "preprogrammed") is a name ("samsung" Samsung,
  "zhipu" Zhipu);
- a short word next to such a name that only Webster has (no news word of the glossary) is part of it
  ("lin junyang" Lin Junyang, "yang zhilin" Yang Zhilin; "moonshot use" stays);
- the names of places and peoples are capitalised ("south korea" South Korea, "japanese" Japanese; "the
  world", CLDR's region 001, is no name here).

Stopwords and other common words stay as typed; a question with any capital is left as its writer
cased it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from .glossary import base_forms, glossary, senses
from .names import is_peoples_adjective, is_translated_word, territory_spellings
from .text import ENGLISH_STOPWORDS

_WORD = re.compile(r"(?<![A-Za-z0-9'’])[A-Za-z][A-Za-z0-9]*")  # "couldn't": "couldn", not the "t"
_NO_VOWEL = re.compile(r"[^aeiouy]+")  # "hbm", "tsmc": an acronym
_CODE_LETTERS = re.compile(r"^[a-z]+(?=\d)")  # the letters of a code: "a100" A100, "h800s" H800s
_PREFIXES = ("pre", "non", "co", "anti", "multi", "re", "sub", "semi", "post", "self", "inter", "mid", "over", "under")
_COMPARATIVE = re.compile(r"(?:er|est)$")
_NAME_JOINERS = frozenset({"of", "and", "the"})  # "united states of america" keeps them lower-case
_NAME_PART_MAX_CHARS = 4  # a common word this short next to a name is part of it (Lin, Tang, Yang, Bot)


def latin_spellings(texts: Iterable[str]) -> dict[str, str]:
    """Each Latin word the texts write with a capital ("CSET", "Qwen", "AI"), lower-cased, mapped to its
    most frequent such spelling; stopwords and single letters are left out ("IT" is no spelling of "it")."""
    counts: Counter[str] = Counter(w for text in texts for w in _WORD.findall(text) if not w.islower() and len(w) > 1)
    spellings: dict[str, str] = {}
    for word, _ in counts.most_common():
        lowered = word.lower()
        if lowered not in ENGLISH_STOPWORDS:
            spellings.setdefault(lowered, word)
    return spellings


def is_common_word(word: str) -> bool:
    """Whether a lower-case word is a common English word: Webster's or the glossary's, by its base forms,
    as a comparative ("larger", "weaker") or after a prefix ("preprogrammed", "pre" before a hyphen)."""
    if is_translated_word(word) or word in _PREFIXES:
        return True
    entries = glossary()
    stems = [word]
    if _COMPARATIVE.search(word):
        cut = len(_COMPARATIVE.search(word).group(0))
        stems += [word[:-cut], word[: -cut + 1], word[: -cut - 1]]  # newer, larger, bigger
    stems += [word[len(p):] for p in _PREFIXES if word.startswith(p) and len(word) - len(p) >= 4]
    return any(is_translated_word(form) or form in entries for stem in stems for form in base_forms(stem))


def is_uncased(question: str) -> bool:
    """Whether ``question`` has Latin letters and no capital."""
    return bool(re.search(r"[a-z]", question)) and not any(ch.isupper() for ch in question)


def truecased(question: str, spellings: Mapping[str, str]) -> str:
    """``question`` with the capitals its words would have had, when it has none (``is_uncased``;
    ``spellings``: the articles' own Latin spellings, ``latin_spellings``); as it is otherwise."""
    if not is_uncased(question):
        return question
    matches = list(_WORD.finditer(question))
    words = [m.group(0) for m in matches]

    def joined(i: int, n: int) -> bool:  # words i … i+n-1 with single spaces between
        return i + n <= len(words) and all(question[matches[j].end() : matches[j + 1].start()] == " "
                                           for j in range(i, i + n - 1))

    common = [is_common_word(w) for w in words]
    # "couldn't": a contraction, not a name
    cased = [w if question[m.end() : m.end() + 2] in ("'t", "’t") else _cased(w, spellings, c)
             for m, w, c in zip(matches, words, common)]
    # the words taken for names: no common word, stopword, code or word the articles spell
    names = [c != w and not com and not _CODE_LETTERS.search(w) and w not in spellings
             for w, c, com in zip(words, cased, common)]
    for i, word in enumerate(words):
        if cased[i] != word or word in ENGLISH_STOPWORDS or len(word) > _NAME_PART_MAX_CHARS or senses(word):
            continue
        if (i > 0 and names[i - 1] and joined(i - 1, 2)) or (i + 1 < len(words) and names[i + 1] and joined(i, 2)):
            cased[i] = word[:1].upper() + word[1:]
    for i in range(len(words)):  # places and peoples
        n = next((n for n in (3, 2, 1) if joined(i, n) and _is_place(words[i : i + n])), 0)
        if n:
            cased[i : i + n] = [w if w in _NAME_JOINERS else w[:1].upper() + w[1:] for w in words[i : i + n]]
    replacements = iter(cased)
    return _WORD.sub(lambda _: next(replacements), question)


def _is_place(words: list[str]) -> bool:
    """Whether ``words`` name a country, territory or region, or are the adjective of a people."""
    return words != ["world"] and (territory_spellings(tuple(words)) is not None
                                   or len(words) == 1 and is_peoples_adjective(words[0]))


def _cased(word: str, spellings: Mapping[str, str], common: bool) -> str:
    """One word as ``truecased`` writes it before looking at its neighbours (``common``: ``is_common_word``)."""
    if word in ENGLISH_STOPWORDS:
        return word
    spelling = spellings.get(word) or (spellings[word[:-1]] + "s" if word.endswith("s") and word[:-1] in spellings else None)
    if spelling is not None and (not common or sum(ch.isupper() for ch in spelling) > 1):
        return spelling
    if _CODE_LETTERS.search(word):
        return _CODE_LETTERS.sub(lambda m: m.group(0).upper(), word)
    if not common and _NO_VOWEL.fullmatch(word):
        return word.upper()
    return word if common else word[:1].upper() + word[1:]
