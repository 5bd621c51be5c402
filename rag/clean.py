"""Remove the web boilerplate captured with a news article and read the metadata it states.

Captures of Korean news pages carry navigation, comment counters, ad blocks, related-news lists,
text-size and audio widgets, category notes, bylines and copyright lines around the article. The
cleaner works line by line: it drops what is page furniture, reads the outlet, author and date from
the bylines and copyright lines it drops, and keeps every line of the article itself.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

NAV_LINES = frozenset(
    {
        "닫기", "본문 바로가기", "뉴스", "AD", "광고", "쇼핑 핫아이템", "해당 언론사로 연결",
        "음성재생 설정", "이 글자크기로 변경됩니다.", "이미지 확대보기", "공유하기", "스크랩",
        "프린트", "인쇄", "좋아요", "구독", "구독하기", "로그인", "메뉴", "검색", "홈", "전체메뉴",
        "기사 스크랩", "URL 복사", "링크 복사", "글자크기", "본문 듣기", "다른 기사 보기",
    }
)

LINE_PATTERNS = tuple(
    re.compile(p)
    for p in (
        r"^댓글\s*\d*$",
        r"^번역\s*beta",
        r"^Translated by",
        r"^글자\s*크기",
        r"^\(예시\)",
        r"^자동요약",
        r"^기사 제목과 주요 문장을 기반으로 자동요약",
        r"^전체 맥락을 이해하기 위해서는 본문 보기를",
        r"^기사가 속한 카테고리는",
        r"^언론사는 한 기사를",
        r"^이 기사에 대해 어떻게 생각하시나요",
        r"^\[?\s*(?:ⓒ|©|\(c\)|Copyright|COPYRIGHT)",
        r"무단\s*전재.{0,20}금지",
        r"^(?:입력|수정|승인|기사입력|최종수정)\s*:?\s*\d{4}",
    )
)

# Headers of related-news lists; the bullet lines that follow them go too.
SECTION_HEADERS = tuple(
    re.compile(p)
    for p in (
        r"^지금 봐야할 뉴스$",
        r"^\S{1,15}\s*주요\s*뉴스$",
        r"^많이 본 뉴스$",
        r"^(?:관련|추천|인기|최신)\s*(?:기사|뉴스)$",
        r"^이 시각\s",
    )
)
BULLET = re.compile(r"^\s*(?:[•·▶■□◆◇○●\-–]|\d+\.)\s*")

_NAME = r"(?P<author>[가-힣]{2,4})"
BYLINE = re.compile(
    _NAME + r"\s*(?:(?P<outlet>[가-힣A-Za-z]{2,15})\s+)?(?:선임|수석|객원|인턴)?기자"
    r"(?:\s*(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+))?$"
)
TRAILING_BYLINE = re.compile(r"(?<=[.!?”\"'’])\s+" + _NAME + r"\s*기자$")
DATE_LINE = re.compile(
    r"^(?:" + _NAME + r"\s+)?(?P<y>\d{4})\.\s*(?P<m>\d{1,2})\.\s*(?P<d>\d{1,2})\.?"
    r"(?:\s*(?P<hh>\d{1,2}):(?P<mm>\d{2}))?$"
)
COPYRIGHT_OUTLET = re.compile(r"(?:ⓒ|©|Copyright\s*©?)\s*(?P<outlet>[^,.\]\s][^,.\]]*?)\s*(?:[,.\]]|무단|$)")
CAPTION_SUFFIX = re.compile(r"\s*이미지 확대보기$")
MIN_DUPLICATE_LEN = 20


@dataclass(frozen=True)
class CleanText:
    """Cleaned article text and the metadata the capture states (empty string when it doesn't)."""

    text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    date: str = ""


def normalize(raw: str) -> str:
    """NFC, unified newlines, no zero-width or control characters, trimmed line ends."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _is_furniture(line: str) -> bool:
    return line in NAV_LINES or any(p.search(line) for p in LINE_PATTERNS)


def _drop_related_lists(lines: list[str]) -> list[str]:
    kept: list[str] = []
    in_list = False
    for line in lines:
        if any(h.search(line) for h in SECTION_HEADERS):
            in_list = True
            continue
        if in_list and (not line or BULLET.match(line)):
            continue
        in_list = False
        kept.append(line)
    return kept


def _drop_duplicates(lines: list[str]) -> list[str]:
    """Drop repeated lines (keeping the last) and summary lines repeated inside a longer line."""
    stripped = [line.strip() for line in lines]
    last_index = {s: i for i, s in enumerate(stripped)}
    long_lines = [s for s in stripped if len(s) >= MIN_DUPLICATE_LEN]
    kept = []
    for i, (line, s) in enumerate(zip(lines, stripped)):
        if s and last_index[s] != i:
            continue
        if len(s) >= MIN_DUPLICATE_LEN and any(s != other and s in other for other in long_lines):
            continue
        kept.append(line)
    return kept


def _guess_title(lines: list[str]) -> str:
    """The headline: a short first line that is not a sentence, caption or byline."""
    for line in [s for s in lines if s][:3]:
        s = line.strip()
        if len(s) <= 100 and not s.startswith(("▲", "△", "사진", "[사진")) and not s.endswith((".", "다.")):
            return s
    return ""


def clean_capture(raw: str) -> CleanText:
    """Clean a captured news page given as plain text; see the module docstring."""
    meta = {"outlet": "", "author": "", "date": ""}
    lines: list[str] = []
    for line in normalize(raw).split("\n"):
        s = CAPTION_SUFFIX.sub("", line.strip())
        if m := COPYRIGHT_OUTLET.search(s):
            meta["outlet"] = meta["outlet"] or m.group("outlet").strip()
        if m := BYLINE.match(s):
            meta["author"] = meta["author"] or m.group("author")
            meta["outlet"] = meta["outlet"] or (m.group("outlet") or "")
            continue
        if m := DATE_LINE.match(s):
            meta["author"] = meta["author"] or (m.group("author") or "")
            meta["date"] = meta["date"] or _iso_date(m)
            continue
        if _is_furniture(s):
            continue
        if m := TRAILING_BYLINE.search(s):
            meta["author"] = meta["author"] or m.group("author")
            s = s[: m.start()]
        lines.append(s)
    lines = _drop_related_lists(lines)
    if meta["outlet"]:
        lines = [s for s in lines if s != meta["outlet"]]
    lines = _drop_duplicates(lines)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return CleanText(text=text, title=_guess_title(lines), **meta)


def clean_plain(raw: str) -> str:
    """Light clean for text that is already article-only (HTML extractor output, .jsonl bodies)."""
    return clean_capture(raw).text


def _iso_date(m: re.Match) -> str:
    date = f"{int(m.group('y')):04d}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"
    if m.group("hh"):
        date += f" {int(m.group('hh')):02d}:{m.group('mm')}"
    return date
