"""Questions about an article itself: who wrote it, which outlet ran it, when it was published.

Bylines and datelines are cleaned out of the text (``rag.clean``) and kept as the article's metadata, so no
sentence answers "이 기사를 쓴 기자는 누구야?". The answer is the metadata of the article the question names by
its outlet, or else of the one its other words retrieve, cited with that article's passage. Only a question
that says it asks about the article does ("Who wrote the report?" asks for the report's author, and "Which
newspaper reported Wuhan's plans?" for the paper an article quotes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .documents import Article

AUTHOR, OUTLET, DATE = "author", "outlet", "date"
_ARTICLE_EN = r"(?:article|story|piece)"
_ASKS = (
    (AUTHOR, re.compile(
        rf"\bwho\s+(?:wrote|authored|penned)\b[^?]*\b{_ARTICLE_EN}\b"
        rf"|\b(?:author|writer|reporter|byline)\s+of\s+(?:the|this|that)\b[^?]*\b{_ARTICLE_EN}\b"
        r"|(?:기사|글)(?:을|를)?\s*(?:쓴|작성한)|기자(?:는|가)?\s*누구|(?:기사|글)의?\s*(?:작성자|필자)"
        r"|누가\s*(?:이\s*|그\s*)?기사(?:를|을)?\s*(?:썼|작성)|기사(?:는|를)?\s*누가\s*(?:썼|작성)", re.IGNORECASE)),
    (OUTLET, re.compile(
        rf"\bwhich\s+(?:outlet|newspaper|paper|publication|news\s+outlet|media\s+outlet)\b[^?]*\b{_ARTICLE_EN}\b"
        rf"|\b{_ARTICLE_EN}\b[^?]*\bwhich\s+(?:outlet|newspaper|paper|publication)\b"
        rf"|\bwhere\s+was\s+(?:the|this|that)\s+{_ARTICLE_EN}\b[^?]*\bpublished\b"
        r"|어느\s*(?:언론사?|매체|신문사?)(?:의|에)?\s*(?:실린\s*)?기사|기사(?:는|가)?\s*어느\s*(?:언론사?|매체|신문)"
        r"|기사(?:는|가)?\s*어디(?:에|서)?\s*(?:실렸|나왔|보도)", re.IGNORECASE)),
    (DATE, re.compile(
        rf"\bwhen\s+was\s+(?:the|this|that)\s+{_ARTICLE_EN}\b[^?]*\b(?:published|written|posted|run)\b"
        rf"|\b(?:publication|publishing)\s+date\s+of\b[^?]*\b{_ARTICLE_EN}\b"
        r"|기사(?:는|가)?\s*언제\s*(?:나왔|보도|게재|작성|발행|실렸|쓰였)"
        r"|언제\s*(?:나온|보도된|게재된|작성된|발행된|실린|쓰인)\s*기사", re.IGNORECASE)),
)
_TEMPLATES = {
    ("ko", AUTHOR): "‘{title}’ 기사는 {value} 기자가 썼습니다{outlet_ko} [1].",
    ("ko", OUTLET): "‘{title}’ 기사는 {value}에 실렸습니다 [1].",
    ("ko", DATE): "‘{title}’ 기사는 {value}에 게재됐습니다 [1].",
    ("en", AUTHOR): "The article “{title}” was written by {value}{outlet_en} [1].",
    ("en", OUTLET): "The article “{title}” was published by {value} [1].",
    ("en", DATE): "The article “{title}” was published on {value} [1].",
}
_MISSING = {"ko": {AUTHOR: "작성자", OUTLET: "언론사", DATE: "게재일"},
            "en": {AUTHOR: "author", OUTLET: "outlet", DATE: "date"}}


@dataclass(frozen=True)
class BylineAnswer:
    """The answer to a question about an article's metadata: its text, or None when the article lacks it
    (``missing``: what it lacks, in the question's language)."""

    text: str | None
    missing: str = ""


def byline_asked(question: str) -> str | None:
    """Which of an article's author, outlet and date the question asks for; None for other questions."""
    return next((field for field, asks in _ASKS if asks.search(question)), None)


def named_outlet(question: str, outlets: Iterable[str]) -> str:
    """The one of ``outlets`` the question names ("글로벌이코노믹 기사는 누가 썼어?"); "" for none."""
    return next((o for o in outlets if o and o in question), "")


# an article the question names by another outlet ("Who wrote the WSJ article?", "블룸버그 기사는 누가 썼어?"): a
# capitalised name or an acronym right before the article word, or a Korean outlet's name (…통신, …일보, …저널)
_OUTLETS_ARTICLE = re.compile(
    rf"(?:\bthe\s+)?(?-i:([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*))(?:['’]s)?\s+{_ARTICLE_EN}\b"
    r"|([A-Za-z][\w.&-]*|[가-힣]+(?:통신|일보|신문|저널|타임스|뉴스|위크|방송))\s*(?:의\s*)?(?:기사|보도)", re.IGNORECASE)


def other_outlet(question: str, outlets: Iterable[str]) -> str:
    """The outlet the question names as the article's that none of ``outlets`` (the articles' own) is: its
    reporter is in no article's metadata. "" when it names none or one of ``outlets``."""
    own = [o.lower() for o in outlets if o]
    for m in _OUTLETS_ARTICLE.finditer(question):
        name = (m.group(1) or m.group(2)).strip()
        if name.lower() not in {"this", "that", "the", "which", "an", "a"} and not any(
                name.lower() in o or o in name.lower() for o in own):
            return name
    return ""


def byline_answer(field: str, article: Article, language: str) -> BylineAnswer:
    """The sentence answering ``field`` of ``article`` in ``language`` ("ko" or "en"), citing it as [1]."""
    lang = "ko" if language == "ko" else "en"
    value = getattr(article, field)
    if not value:
        return BylineAnswer(None, _MISSING[lang][field])
    outlet = article.outlet if field == AUTHOR else ""
    return BylineAnswer(_TEMPLATES[(lang, field)].format(
        title=article.display_title, value=value, outlet_ko=f"({outlet})" if outlet else "",
        outlet_en=f" ({outlet})" if outlet else ""))
