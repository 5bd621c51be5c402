import json

import pytest

from rag.documents import load_corpus, parse_file_bytes
from rag.errors import IngestError

KO = "중국 인공지능 기업들이 홍콩 증시에 잇달아 상장했다. 투자자들의 관심이 커지고 있다."


def test_real_corpus_loads_with_sidecar_metadata(corpus_copy):
    report = load_corpus(corpus_copy)
    assert report.errors == []
    by = {a.source: a for a in report.articles}
    assert set(by) == {p.name for p in corpus_copy.glob("*.txt")}
    a = by["002_89ef6dcf7f0acffa.txt"]
    assert (a.outlet, a.author, a.date, a.language) == ("한국일보", "정재호", "2023-05-08 20:02", "ko")
    assert by["003_faf59091394b998f.txt"].outlet == ""
    assert by["003_faf59091394b998f.txt"].display_title.startswith("중국이 2030년까지 미국을 제치고")
    assert by["003_faf59091394b998f.txt"].display_title.endswith("…") and by["003_faf59091394b998f.txt"].title == ""


def test_sidecar_overrides_detected_metadata(corpus_copy):
    meta = json.loads((corpus_copy / "metadata.json").read_text(encoding="utf-8"))
    meta["000_0ff4d9a7b0de7461.txt"]["date"] = "2025-05-20"
    (corpus_copy / "metadata.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    a = {x.source: x for x in load_corpus(corpus_copy).articles}["000_0ff4d9a7b0de7461.txt"]
    assert a.date == "2025-05-20"


def test_cp949_text_is_decoded():
    [article], _ = parse_file_bytes(KO.encode("cp949"), "a.txt")
    assert "홍콩 증시에 잇달아 상장했다" in article.text


def test_html_main_text_is_extracted_without_navigation():
    body = "".join(f"<p>{KO} 문단 {i}번째 내용입니다.</p>" for i in range(5))
    page = (f"<html><head><title>중국 AI 상장</title></head><body><nav><a href='/'>홈</a> 메뉴 로그인</nav>"
            f"<article><h1>중국 AI 상장</h1>{body}</article><footer>Copyright 2025 무단전재 금지</footer></body></html>")
    [article], _ = parse_file_bytes(page.encode(), "page.html")
    assert "홍콩 증시에 잇달아 상장했다" in article.text
    assert "로그인" not in article.text and "Copyright" not in article.text
    assert article.title == "중국 AI 상장"


def test_markdown_title_and_text():
    [article], _ = parse_file_bytes(f"# 제목입니다\n\n{KO} [링크](http://x.y)".encode(), "n.md")
    assert article.title == "제목입니다"
    assert "링크" in article.text and "http" not in article.text


def test_jsonl_keeps_good_lines_and_reports_bad_ones():
    lines = [json.dumps({"text": KO, "title": "t1", "outlet": "o"}, ensure_ascii=False), "{broken", json.dumps({"x": 1})]
    articles, errors = parse_file_bytes("\n".join(lines).encode(), "batch.jsonl")
    assert [a.source for a in articles] == ["batch.jsonl#1"]
    assert articles[0].outlet == "o"
    assert [e.line for e in errors] == [2, 3]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"\x00\x01\x02binary", "x.txt", "binary"),
        (b"   \n", "x.txt", "empty"),
        (KO.encode(), "x.pdf", "unsupported"),
        ("짧다".encode(), "x.txt", "only 2 characters left after cleaning"),
        ("ⓒ 연합뉴스 무단전재 재배포 금지".encode(), "x.txt", "no article text left"),
    ],
)
def test_bad_files_get_a_clear_error(data, name, message):
    with pytest.raises(IngestError, match=message):
        parse_file_bytes(data, name)


def test_a_short_jsonl_record_is_kept_whole():
    articles, errors = parse_file_bytes('{"text": "어선 50만여척이 항구로 대피했다."}\n'.encode(), "s.jsonl")
    assert [a.text for a in articles] == ["어선 50만여척이 항구로 대피했다."] and not errors


def test_content_hash_changes_with_text_and_metadata(corpus_copy):
    a = load_corpus(corpus_copy).articles[0]
    from dataclasses import replace

    assert a.content_hash != replace(a, text=a.text + " 추가").content_hash
    assert a.content_hash != replace(a, date="2020-01-01").content_hash
