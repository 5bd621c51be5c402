"""Korean dates in English, so an English answer to "When …?" can lead with the date it quotes:
"지난해 10월" -> "October last year", "2025년 4월 29일" -> "April 29, 2025", "8일" -> "on the 8th"; and
the years a question names, which a sentence must name to answer it.

Only a sentence that holds exactly one date is read: with two ("2025년 4월 29일 … 지난 3월"), which one
answers the question is not for a pattern to decide, and the quoted Korean sentence stands alone.
"""

from __future__ import annotations

import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

_DATE = re.compile(
    r"(?:(?P<rel>지난해|작년|올해|지난)\s*)?"
    r"(?:(?<!\d)(?P<year>(?:19|20)\d{2})\s*년\s*)?"
    r"(?:(?<!\d)(?P<month>1[0-2]|0?[1-9])\s*월(?![가-힣])\s*)?"
    r"(?:(?<!\d)(?P<day>3[01]|[12]\d|0?[1-9])\s*일(?![가-힣]))?"
    r"(?P<since>부터)?"
)
_RELATIVE = {"지난해": "last year", "작년": "last year", "올해": "this year"}


def _dates(text: str) -> list[re.Match]:
    """The date expressions of ``text`` that name a year, a month or a day."""
    return [m for m in _DATE.finditer(text) if m.group("year") or m.group("month") or m.group("day")]


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def english_date(text: str) -> str | None:
    """The one date of a Korean sentence, in English; None when it holds none or more than one."""
    found = _dates(text)
    if len(found) != 1:
        return None
    m = found[0]
    year, month, day, rel = m.group("year"), m.group("month"), m.group("day"), m.group("rel")
    if month:
        name = MONTHS[int(month) - 1]
        if rel == "지난" and not year:
            name = f"last {name}"
        words = f"{name} {int(day)}" if day else name
        if year:
            words = f"{words}, {year}" if day else f"{words} {year}"
        elif rel in _RELATIVE:
            words = f"{words} {_RELATIVE[rel]}"
    elif year:
        words = year
    else:
        words = f"on the {_ordinal(int(day))}"
    return f"since {words}" if m.group("since") else words


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# a year named relative to the article's date, and how far from the article's year it is (None: relative to
# another year of the text, which the sentence alone may not say)
_RELATIVE_YEAR = re.compile(r"올해|금년|지난해|작년|재작년|내년|이듬해|그해|전년|\b(?:this|last|next) year\b", re.IGNORECASE)
_YEAR_OFFSET = {"올해": 0, "금년": 0, "this year": 0, "지난해": -1, "작년": -1, "last year": -1, "재작년": -2,
                "내년": 1, "next year": 1}


def years_named(question: str) -> tuple[str, ...]:
    """The years a question names ("Who won the 2024 US presidential election?" -> ("2024",))."""
    return tuple(dict.fromkeys(_YEAR.findall(question)))


def holds_years(years: tuple[str, ...], text: str, article_date: str = "") -> bool:
    """Whether a sentence may speak of every one of ``years``: it names each (or its article is dated
    that year), or names it relative to the article's date ("지난해 10월" in an article of 2024 is 2023), or
    names a year relative to another ("이듬해"), or, in an undated article, any relative year ("올해" may
    be the year asked about). A sentence about 2025 does not say who won in 2024."""
    if all(y in text or y in article_date for y in years):
        return True
    dated = _YEAR.match(article_date)
    for m in _RELATIVE_YEAR.finditer(text):
        offset = _YEAR_OFFSET.get(m.group(0).lower())
        if offset is None or not dated or str(int(dated.group(0)) + offset) in years:
            return True
    return False


def year_offsets_named(question: str) -> tuple[int, ...]:
    """The years a question names relative to now, as offsets from the year it speaks in ("How much will Zhipu AI raise
    next year?" -> (1,), "내년 … 목표는?" -> (1,), "this year" -> (0,))."""
    return tuple(dict.fromkeys(offset for m in _RELATIVE_YEAR.finditer(question)
                               if (offset := _YEAR_OFFSET.get(m.group(0).lower())) is not None))


def holds_year_offsets(offsets: tuple[int, ...], text: str, article_date: str = "") -> bool:
    """Whether a sentence may speak of every year ``offsets`` names relative to now, taking the article's time for
    now: it names the same relative year ("올해" for "this year"; not "올해" for "내년"), or, in a dated article, an
    absolute year that is it; a sentence naming no year speaks of its article's year, so of "this year" only."""
    named = [o for m in _RELATIVE_YEAR.finditer(text) if (o := _YEAR_OFFSET.get(m.group(0).lower())) is not None]
    dated = _YEAR.match(article_date)
    absolute = [int(y) - int(dated.group(0)) for y in _YEAR.findall(text)] if dated else []
    return all(offset in named or offset in absolute or (offset == 0 and not named and not _YEAR.search(text))
               for offset in offsets)
