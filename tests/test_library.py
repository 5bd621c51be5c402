import pytest

from rag.documents import Article, load_corpus
from rag.errors import IngestError
from rag.library import corpus_name, remove_article, stage_uploads

NEW = "서울시는 내년부터 양자컴퓨터 연구소를 세운다고 밝혔다. 연구소에는 500억 원이 투입된다.\n"


def _file(tmp_path, name, data):
    path = tmp_path / "uploads" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.mark.parametrize("uploaded, expected", [
    ("new.txt", "new.txt"), ("../../etc/new.txt", "new.txt"), ("/abs/path/new.md", "new.md"),
    ("C:\\Users\\me\\new.html", "new.html"), ("..hidden.txt", "hidden.txt"), ("a\x00b.txt", "ab.txt"),
])
def test_uploads_keep_only_a_safe_base_name(uploaded, expected):
    assert corpus_name(uploaded) == expected


@pytest.mark.parametrize("uploaded", ["", "..", "../", "   "])
def test_unusable_names_are_refused(uploaded):
    with pytest.raises(IngestError, match="not a usable file name"):
        corpus_name(uploaded)


def test_each_file_gets_its_own_result_and_bad_files_write_nothing(corpus_copy, tmp_path):
    before = {p.name: p.read_bytes() for p in corpus_copy.iterdir()}
    indexed = {a.text_hash: a.source for a in load_corpus(corpus_copy).articles}
    uploads = [
        ("../new.txt", _file(tmp_path, "new.txt", NEW)),
        ("scan.pdf", _file(tmp_path, "scan.pdf", b"%PDF-1.4")),
        ("empty.txt", _file(tmp_path, "empty.txt", b"")),
        ("binary.txt", _file(tmp_path, "binary.txt", b"\x00\x01\x02" * 100)),
        ("copy.txt", _file(tmp_path, "copy.txt", (corpus_copy / "002_89ef6dcf7f0acffa.txt").read_bytes())),
        ("again.txt", _file(tmp_path, "again.txt", NEW)),
        ("002_89ef6dcf7f0acffa.txt", _file(tmp_path, "same.txt", (corpus_copy / "002_89ef6dcf7f0acffa.txt").read_bytes())),
    ]
    staged = stage_uploads(corpus_copy, uploads, indexed)
    got = [(r.name, r.status) for r in staged.results]
    assert got == [("../new.txt", "added"), ("scan.pdf", "error"), ("empty.txt", "error"), ("binary.txt", "error"),
                   ("copy.txt", "duplicate"), ("again.txt", "duplicate"), ("002_89ef6dcf7f0acffa.txt", "duplicate")]
    messages = [r.message for r in staged.results]
    assert "unsupported file type .pdf" in messages[1] and "empty" in messages[2] and "binary" in messages[3]
    assert "002_89ef6dcf7f0acffa.txt" in messages[4] and "new.txt" in messages[5]
    assert staged.results[0].sources == ("new.txt",)
    after = {p.name: p.read_bytes() for p in corpus_copy.iterdir()}
    assert after == {**before, "new.txt": NEW.encode("utf-8")}  # only the good new file was written


def test_updated_file_and_rollback_restore_the_folder(corpus_copy, tmp_path):
    old = (corpus_copy / "000_0ff4d9a7b0de7461.txt").read_bytes()
    staged = stage_uploads(corpus_copy, [("000_0ff4d9a7b0de7461.txt", _file(tmp_path, "a.txt", NEW)),
                                         ("brand-new.md", _file(tmp_path, "b.md", "# 제목\n\n" + NEW.replace("서울", "부산")))],
                           {a.text_hash: a.source for a in load_corpus(corpus_copy).articles})
    assert [r.status for r in staged.results] == ["updated", "added"]
    assert (corpus_copy / "000_0ff4d9a7b0de7461.txt").read_bytes() == NEW.encode("utf-8")
    staged.rollback()
    assert (corpus_copy / "000_0ff4d9a7b0de7461.txt").read_bytes() == old
    assert not (corpus_copy / "brand-new.md").exists()
    assert not [p for p in corpus_copy.iterdir() if p.name.endswith(".tmp")]


def test_too_large_file_is_refused_before_reading(corpus_copy, tmp_path, monkeypatch):
    import rag.library

    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    monkeypatch.setattr(rag.library.Path, "read_bytes", lambda self: pytest.fail("read a file that is too large"))
    staged = stage_uploads(corpus_copy, [("big.txt", big)], {})
    assert staged.results[0].status == "error" and "larger than 20 MiB" in staged.results[0].message


def test_remove_a_file_article(corpus_copy):
    original = (corpus_copy / "003_faf59091394b998f.txt").read_bytes()
    staged = remove_article(corpus_copy, "003_faf59091394b998f.txt")
    assert not (corpus_copy / "003_faf59091394b998f.txt").exists()
    assert staged.results[0].status == "removed" and ".removed/" in staged.results[0].message
    kept = list((corpus_copy / ".removed").iterdir())
    assert len(kept) == 1 and kept[0].read_bytes() == original  # nothing is lost
    assert "003_faf59091394b998f.txt" not in {a.source for a in load_corpus(corpus_copy).articles}
    staged.rollback()
    assert (corpus_copy / "003_faf59091394b998f.txt").exists()


def test_remove_a_jsonl_record_keeps_the_other_sources(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    lines = ['{"text": "첫째 기사 본문이다. 충분히 긴 문장이다."}', '{"text": "둘째 기사 본문이다. 충분히 긴 문장이다."}',
             '{"text": "셋째 기사 본문이다. 충분히 긴 문장이다."}']
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    remove_article(corpus, "feed.jsonl#2")
    assert [a.source for a in load_corpus(corpus).articles] == ["feed.jsonl#1", "feed.jsonl#3"]
    assert [p.read_text(encoding="utf-8") for p in (corpus / ".removed").iterdir()] == [lines[1] + "\n"]
    with pytest.raises(IngestError, match="no article on line 2"):
        remove_article(corpus, "feed.jsonl#2")
    remove_article(corpus, "feed.jsonl#1")
    remove_article(corpus, "feed.jsonl#3")
    assert not (corpus / "feed.jsonl").exists()  # the last record took the file with it


@pytest.mark.parametrize("source", ["../outside.txt", "missing.txt", "metadata.json"])
def test_remove_refuses_anything_but_an_article_file_in_the_corpus(corpus_copy, source):
    (corpus_copy.parent / "outside.txt").write_text(NEW, encoding="utf-8")
    with pytest.raises(IngestError, match="not an article file"):
        remove_article(corpus_copy, source)
    assert (corpus_copy.parent / "outside.txt").exists() and (corpus_copy / "metadata.json").exists()


def test_articles_compare_by_text_for_duplicates(corpus_copy, tmp_path):
    old = Article("old.txt", NEW.strip(), title="다른 제목")
    indexed = {old.text_hash: old.source}
    staged = stage_uploads(corpus_copy, [("x.txt", _file(tmp_path, "x.txt", NEW))], indexed)
    assert staged.results[0].status == "duplicate" and "old.txt" in staged.results[0].message
