"""Bad files in the corpus get their own clear message; good articles still index; a failed file leaves
the index untouched."""

import json
import shutil

import pytest

from rag.documents import MAX_FILE_BYTES, parse_file_bytes
from rag.errors import IngestError
from rag.indexer import update_index
from rag.store import Store, live_generation

GOOD = "즈푸AI는 8일 홍콩증권거래소에 상장해 5억 5800만 달러를 조달했다. 같은 날 미니맥스도 상장했다.\n"

BAD_FILES = {
    "binary.txt": (b"\x00\x01\x02\x03PK\x05\x06" * 64, "binary"),
    "empty.txt": (b"", "empty"),
    "blank.md": (b"  \n\n \t", "empty"),
    "huge.txt": (b"a" * (MAX_FILE_BYTES + 1), "larger than"),
    "scripts.html": (b"<html><body><script>alert(1)</script><script>steal()</script></body></html>", "no article text"),
    "table.pdf": (b"%PDF-1.4", "unsupported file type .pdf"),
    "broken.jsonl": (b"{not json\n[1, 2]\n", "no readable article"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_gets_its_own_message(name):
    data, message = BAD_FILES[name]
    with pytest.raises(IngestError, match=message) as err:
        parse_file_bytes(data, name)
    assert name in str(err.value)


def test_legacy_encoding_decodes_and_mixed_encodings_are_refused():
    articles, _ = parse_file_bytes(GOOD.encode("cp949"), "legacy.txt")
    assert "5억 5800만 달러" in articles[0].text
    with pytest.raises(IngestError, match="mixed.txt: cannot decode"):
        parse_file_bytes(GOOD.encode("utf-8") + "깨진 바이트".encode("cp949"), "mixed.txt")


def test_jsonl_keeps_good_lines_and_reports_bad_ones_by_number():
    data = "\n".join([json.dumps({"text": GOOD}, ensure_ascii=False), "{broken", json.dumps({"title": "no text"}),
                      json.dumps({"text": "두 번째 기사는 짧지만 괜찮다."}, ensure_ascii=False)]).encode()
    articles, errors = parse_file_bytes(data, "batch.jsonl")
    assert [a.source for a in articles] == ["batch.jsonl#1", "batch.jsonl#4"]
    assert [(e.line, e.source) for e in errors] == [(2, "batch.jsonl"), (3, "batch.jsonl")]


def test_failed_files_change_nothing_in_the_index(corpus_copy, tmp_path, fake_encoder):
    index = tmp_path / "index"
    update_index(corpus_copy, index, fake_encoder, show_progress=False)
    manifest = (live_generation(index) / "manifest.json").read_text()
    for name, (data, _) in BAD_FILES.items():
        (corpus_copy / name).write_bytes(data)
    report = update_index(corpus_copy, index, fake_encoder, show_progress=False)
    assert len(report.errors) == len(BAD_FILES) and not report.added and len(report.unchanged) == 4
    for name in BAD_FILES:
        assert any(name in e for e in report.errors), name
    assert (live_generation(index) / "manifest.json").read_text() == manifest
    (corpus_copy / "good.txt").write_text(GOOD, encoding="utf-8")
    report = update_index(corpus_copy, index, fake_encoder, show_progress=False)
    assert report.added == ["good.txt"] and len(Store.load(index).articles) == 5


def test_corrupt_index_file_names_itself_and_rebuild_recovers(corpus_copy, tmp_path, fake_encoder):
    index = tmp_path / "index"
    update_index(corpus_copy, index, fake_encoder, show_progress=False)
    [vectors] = live_generation(index).glob("*.chunk_vectors.npy")
    vectors.write_bytes(vectors.read_bytes()[:100])
    from rag.errors import IndexMismatchError

    with pytest.raises(IndexMismatchError, match="chunk_vectors.npy.*--rebuild"):
        Store.load(index)
    update_index(corpus_copy, index, fake_encoder, rebuild=True, show_progress=False)
    assert len(Store.load(index).articles) == 4
    shutil.rmtree(index)
