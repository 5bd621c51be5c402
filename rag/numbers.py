"""Numbers in Korean and English text as values, so a claim can be matched against its source across
languages: "5억 5800만 달러" and "$558 million" are both 558,000,000; "12조3천억" and "12.3 trillion"
are both 12.3e12; "20%" and "20 percent" are both 20.

``claimed`` gives the values a sentence asserts (compound amounts read whole); ``mentioned`` gives every
value a passage could be quoted for (its amounts and bare digit strings), so a claim is checked with
``claimed(sentence) <= mentioned(passage)`` up to rounding.
"""

from __future__ import annotations

import math
import re

KO_SMALL = {"십": 10.0, "백": 100.0, "천": 1e3}
KO_LARGE = {"만": 1e4, "억": 1e8, "조": 1e12}
EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}
NUMBER = re.compile(
    r"(?<![A-Za-z\d.,])(\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![A-Za-z])"  # the digits, not inside codes (A100, 3D)
    r"(?:\s?([십백천]?[만억조]|[십백천](?![가-힣]))"  # Korean unit: 만, 천만, 억, 천억, 조 ... or 천 alone
    r"|\s?(thousand|million|billion|trillion|bn)\b)?",
    re.IGNORECASE,
)
MARKER = re.compile(r"\[\d+(?:\s*[,;]\s*\d+)*\]")
RELATIVE_TOLERANCE = 1e-6


def _scale(korean: str | None, english: str | None) -> float:
    if english:
        return EN_SCALE[english.lower()]
    if not korean:
        return 1.0
    small = KO_SMALL.get(korean[0], 1.0)
    large = KO_LARGE.get(korean[-1], 1.0)
    return small * large


def _values(text: str) -> tuple[list[float], list[float]]:
    """(amounts, digits): amounts join Korean compounds ("5억 5800만" -> 5.58e8); digits are the bare
    digit strings (5, 5800). A compound's scaled parts (5억) are not values of their own: "6억 1900만"
    does not support "600 million"."""
    text = MARKER.sub(" ", text)
    amounts: list[float] = []
    parts: list[float] = []
    previous_end, previous_scale = -10, 0.0
    for m in NUMBER.finditer(text):
        digits = float(m.group(1).replace(",", ""))
        scale = _scale(m.group(2), m.group(3))
        value = digits * scale
        parts.append(digits)
        joins = bool(amounts) and m.start() - previous_end <= 1 and scale < previous_scale  # "27만5000", "5억 5800만"
        if joins:
            amounts[-1] += value
        else:
            amounts.append(value)
        previous_end = m.end()
        previous_scale = scale if m.group(2) else 0.0  # only a Korean unit takes a smaller part after it
    return amounts, parts


def claimed(text: str) -> list[float]:
    """The values a sentence asserts (citation markers like [2] are not numbers)."""
    return _values(text)[0]


def mentioned(text: str) -> set[float]:
    """Every value a passage can support: its amounts and its bare digit strings ("8일" supports "the 8th")."""
    amounts, parts = _values(text)
    return set(amounts) | set(parts)


def same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-9)


def unsupported_numbers(claim: str, sources: str) -> list[float]:
    """The values ``claim`` asserts that ``sources`` never mention."""
    available = mentioned(sources)
    return [v for v in claimed(claim) if not any(same(v, s) for s in available)]


_KO_AMOUNT = r"\d[\d,.]*\s?[십백천]?[만억조]?(?:\s?\d[\d,.]*\s?[십백천]?[만억조]?)*"
MONEY = re.compile(rf"({_KO_AMOUNT})\s?(달러|원|위안|엔|유로)(?![가-힣])")
_CURRENCY = {"달러": ("$", ""), "원": ("₩", ""), "위안": ("", " yuan"), "엔": ("¥", ""), "유로": ("€", "")}
_EN_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


# "How much did it raise in won?", "원화로는 얼마야?": the currency a question asks a sum in, as Korean writes it
_ASKED_CURRENCY = (("달러", re.compile(r"\bin (?:U\.?S\.? )?dollars\b|\bin usd\b|달러로", re.IGNORECASE)),
                   ("원", re.compile(r"\bin (?:Korean )?won\b|\bin krw\b|원화로", re.IGNORECASE)),
                   ("위안", re.compile(r"\bin (?:Chinese )?(?:yuan|renminbi)\b|\bin (?:cny|rmb)\b|위안화?로",
                                     re.IGNORECASE)),
                   ("엔", re.compile(r"\bin (?:Japanese )?yen\b|\bin jpy\b|엔화로", re.IGNORECASE)),
                   ("유로", re.compile(r"\bin (?:euros?|eur)\b|유로화?로", re.IGNORECASE)))


def asked_currency(question: str) -> str:
    """The currency (as Korean writes it: 달러, 원 …) a question asks a sum in; "" for none."""
    return next((korean for korean, asks in _ASKED_CURRENCY if asks.search(question)), "")


def english_amount(text: str, currency: str = "") -> str | None:
    """The first sum of money in Korean ``text`` (in ``currency`` when there is one: "원" reads "5억 5800만
    달러(약 8100억 원)" as its won) written the English way ("5억 5800만 달러" -> "$558 million", "8100억 원"
    -> "₩810 billion"); None when the text names none."""
    sums = list(MONEY.finditer(text))
    m = next((m for m in sums if m.group(2) == currency), sums[0] if sums else None)
    if not m:
        return None
    values = claimed(m.group(1))
    if not values:
        return None
    value = values[0]
    prefix, suffix = _CURRENCY[m.group(2)]
    for scale, word in _EN_WORDS:
        if value >= scale:
            return f"{prefix}{value / scale:,.3f}".rstrip("0").rstrip(".") + f" {word}{suffix}"
    return f"{prefix}{format_value(value)}{suffix}"


def format_value(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


_PERCENT_FIGURE = re.compile(r"(약\s*)?(\d+(?:\.\d+)?)(?:\s*[~\-–]\s*(\d+(?:\.\d+)?))?\s*(?:%|퍼센트|프로(?![가-힣]))")


def english_percent(text: str) -> str | None:
    """The first percentage in Korean ``text`` written the English way ("확률은 약 20%" -> "about 20%",
    "3~5%" -> "3–5%"); None when the text names none."""
    m = _PERCENT_FIGURE.search(text)
    if not m:
        return None
    about, low, high = m.groups()
    return f"{'about ' if about else ''}{low}{'–' + high if high else ''}%"
