from rag.answer import Answer, Citation
from rag.library import FileResult
from rag.render import ChatTurn, answer_html, article_view, chip_label, sources_html, upload_results_html

ARTICLE = "머리 문장이다.\n앞 문장. <script>alert(1)</script> 인용 문장이다. 뒤 문장.\n꼬리 문장이다."
PASSAGE = "앞 문장. <script>alert(1)</script> 인용 문장이다. 뒤 문장."
QUOTE = "<script>alert(1)</script> 인용 문장이다."


def _citation(n=1, outlet="서울경제", date="2025-01-08", title="<b>제목</b>"):
    start = PASSAGE.index(QUOTE)
    return Citation(n, "x.txt", "x.txt::0", title, outlet, "박윤선", date, "", PASSAGE, QUOTE,
                    ((start, start + len(QUOTE)),), ARTICLE.index(PASSAGE))


def _turn(turn=1, citations=None):
    citations = (_citation(),) if citations is None else citations
    answer = Answer("q", "ko", "<img src=x onerror=alert(1)> 인용 문장이다. [1]", False, citations)
    return ChatTurn(turn, f"질문 {turn} <i>", (), answer, 2 * turn - 1)


def test_answer_chips_show_outlet_and_date_and_name_their_target():
    html = answer_html(_turn(3).answer, 3)
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "class='cite-chip cite-t3-n1'" in html and ">[1] 서울경제 · 2025-01-08</span>" in html
    assert "[1]" not in html.replace("[1] 서울경제", "")  # the marker became the chip


def test_chip_falls_back_to_the_title_without_outlet_or_date():
    assert chip_label(_citation(outlet="", date="", title="중국, 30엑사플롭스 컴퓨팅 능력으로 인공일반지능 개발")) == \
        "[1] 중국, 30엑사플롭스 컴퓨팅 능…"


def test_sources_escape_markup_and_highlight_the_quote():
    html = sources_html([_turn()], {"x.txt": ARTICLE}, "ko")
    assert "<script>" not in html and "<b>제목</b>" not in html
    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt; 인용 문장이다.</mark>" in html
    assert "질문 1 &lt;i&gt;" in html


def test_only_the_latest_turn_is_current_and_each_card_is_addressable():
    html = sources_html([_turn(1), _turn(2)], {}, "en")
    assert "class='turn-sources' data-turn='1'" in html and "class='turn-sources current' data-turn='2'" in html
    assert "id='source-1-1'" in html and "id='source-2-1'" in html
    assert "View article" not in html  # no article text given, no article view


def test_article_view_frames_the_passage_inside_the_whole_article():
    view = article_view(ARTICLE, _citation())
    assert view.startswith("<div class='article-text'>머리 문장이다.<br><span class='cited-passage'>앞 문장.")
    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt; 인용 문장이다.</mark>" in view
    assert view.endswith("뒤 문장.</span><br>꼬리 문장이다.</div>")
    stale = article_view("다른 기사로 바뀌었다.", _citation())  # the article changed since the answer
    assert "cited-passage" not in stale and "다른 기사로 바뀌었다." in stale


def test_no_sources_message_in_the_interface_language():
    assert "No sources" in sources_html([], {}, "en")
    assert "출처가 없습니다" in sources_html([_turn(1, citations=())], {}, "ko")


def test_upload_results_one_line_per_file_escaped():
    html = upload_results_html([FileResult("a.txt", "added", "1 article(s) as a.txt"),
                                FileResult("<b>.pdf", "error", "unsupported file type .pdf")])
    assert html.count("<li") == 2
    assert "<li class='upload-added'><span class='status-badge'>added</span> <b>a.txt</b>: 1 article(s)" in html
    assert "&lt;b&gt;.pdf" in html and "<li class='upload-error'>" in html
