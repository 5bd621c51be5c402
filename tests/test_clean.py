"""Cleaning on the four real captured articles: boilerplate gone, every article line kept."""

from pathlib import Path

import pytest

from rag.clean import clean_capture, normalize

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FILES = sorted(CORPUS.glob("*.txt"))

BOILERPLATE = [
    "닫기", "본문 바로가기", "댓글0", "쇼핑 핫아이템", "지금 봐야할 뉴스", "서울경제 주요뉴스", "해당 언론사로 연결",
    "검찰도 김병기 아내에게", "슈퍼맨 초판본", "남극의 셰프", "1인 GDP 4만 달러",
    "음성재생 설정", "번역beta", "글자크기 설정", "이 글자크기로 변경됩니다", "(예시) 가장 빠른 뉴스가",
    "기사가 속한 카테고리는", "언론사는 한 기사를", "무단 전재", "무단전재", "Copyright", "ⓒ",
    "이 기사에 대해 어떻게 생각하시나요", "자동요약", "이미지 확대보기", "@sedaily.com", "@g-enews.com",
    "@hankookilbo.com",
]
# Lines of the raw captures that are page furniture (the test's own list, independent of the cleaner).
FURNITURE_LINES = {
    "닫기", "글로벌이코노믹", "본문 바로가기", "뉴스", "댓글0", "서울경제", "박윤선 기자 sepys@sedaily.com",
    "[ⓒ 서울경제, 무단 전재 및 재배포 금지]", "기사가 속한 카테고리는 언론사가 분류합니다.",
    "언론사는 한 기사를 두 개 이상의 카테고리로 분류할 수 있습니다.", "서울경제 주요뉴스", "해당 언론사로 연결",
    "지금 봐야할 뉴스", "쇼핑 핫아이템", "AD", "정재호 2023. 5. 8. 20:02",
    "자동요약 기사 제목과 주요 문장을 기반으로 자동요약한 결과입니다.", "전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.",
    "음성재생 설정", "번역beta Translated by kaka i", "글자크기 설정 파란원을 좌우로 움직이시면 글자크기가 변경 됩니다.",
    "이 글자크기로 변경됩니다.", "정재호 기자 next88@hankookilbo.com", "Copyright © 한국일보. 무단전재 및 재배포 금지.",
    "이 기사에 대해 어떻게 생각하시나요?", "박정한 글로벌이코노믹 기자 park@g-enews.com",
}


def _cleaned(path):
    return clean_capture(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:3])
def test_no_boilerplate_survives(path):
    text = _cleaned(path).text
    for junk in BOILERPLATE:
        assert junk not in text, f"{junk!r} survived in {path.name}"
    for line in text.split("\n"):
        assert line.strip() not in FURNITURE_LINES
        assert not line.lstrip().startswith("•")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:3])
def test_every_article_line_is_kept(path):
    text = " ".join(_cleaned(path).text.split())
    for raw_line in normalize(path.read_text(encoding="utf-8")).split("\n"):
        line = raw_line.strip().removesuffix("이미지 확대보기").removesuffix(" 김용원 기자").strip()
        if not line or line in FURNITURE_LINES or line.startswith(("•", "(예시)")):
            continue
        if line.startswith("•") or raw_line.startswith("  •"):
            continue
        assert " ".join(line.split()) in text, f"lost from {path.name}: {line[:60]!r}"


def test_related_news_bullets_are_removed_but_not_the_body():
    c = _cleaned(CORPUS / "001_059b92a04e5dc1f0.txt")
    assert "아시아투데이" not in c.text and "헤럴드경제" not in c.text
    assert c.text.rstrip().endswith("큰 도움이 될 것”이라고 당부했다.")


def test_metadata_read_from_the_capture():
    assert _cleaned(CORPUS / "002_89ef6dcf7f0acffa.txt").date == "2023-05-08 20:02"
    assert _cleaned(CORPUS / "002_89ef6dcf7f0acffa.txt").outlet == "한국일보"
    assert _cleaned(CORPUS / "001_059b92a04e5dc1f0.txt").outlet == "서울경제"
    assert _cleaned(CORPUS / "000_0ff4d9a7b0de7461.txt").author == "박정한"
    assert _cleaned(CORPUS / "003_faf59091394b998f.txt").author == "김용원"
    assert _cleaned(CORPUS / "003_faf59091394b998f.txt").title == ""
    assert _cleaned(CORPUS / "000_0ff4d9a7b0de7461.txt").title.startswith("중국, 30엑사플롭스")


def test_repeated_summary_and_caption_lines_appear_once():
    c = _cleaned(CORPUS / "002_89ef6dcf7f0acffa.txt")
    assert c.text.count("7일(현지시간) 미국 월스트리트저널(WSJ)에 따르면") == 1
    assert c.text.count("촉진하는 자극제가 되고 있다는 분석이 나왔다") == 1
    c0 = _cleaned(CORPUS / "000_0ff4d9a7b0de7461.txt")
    assert c0.text.count("딜마 호세프(Dilma Rousseff) 신개발은행 총재") == 1


def test_normalize_removes_control_characters_and_crlf():
    assert normalize("가\r\n나\u200b다\x07") == "가\n나다"
