"""Load articles from a corpus folder: decode, clean, and attach metadata -> Article.

Supported files: .txt (UTF-8 or CP949/EUC-KR web captures), .md, .html/.htm (main text by
trafilatura) and .jsonl (one article per line with text and optional title/outlet/author/date/url).
An optional ``metadata.json`` in the corpus folder overrides metadata per file name.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .clean import clean_capture, normalize
from .errors import IngestError
from .text import detect_language

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
METADATA_FILE = "metadata.json"
METADATA_FIELDS = ("title", "outlet", "author", "date", "url")
MAX_FILE_BYTES = 20 * 1024 * 1024
MIN_TEXT_CHARS = 20
UNTITLED_CHARS = 60


@dataclass(frozen=True)
class Article:
    """One cleaned article. ``source`` is its file name relative to the corpus folder
    (``name.jsonl#N`` for line N of a .jsonl file)."""

    source: str
    text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    language: str = "ko"

    @property
    def content_hash(self) -> str:
        """Hash of everything indexed for this article: text and metadata."""
        payload = json.dumps(
            [self.text, self.title, self.outlet, self.author, self.date, self.url], ensure_ascii=False
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]

    @property
    def text_hash(self) -> str:
        """Hash of the text alone: the same article under other metadata has the same one."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:24]

    @property
    def display_title(self) -> str:
        """The title; for an article captured without one, its opening words (a caption's "▲" mark
        dropped, cut at ``UNTITLED_CHARS``); the file name when it has no text either."""
        if self.title:
            return self.title
        lead = " ".join(self.text.split("\n", 1)[0].lstrip("▲△■□◆◇▶►●○※ ").split())
        if not lead:
            return self.source
        return lead if len(lead) <= UNTITLED_CHARS else lead[: UNTITLED_CHARS - 1].rstrip() + "…"


def decode_bytes(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), then CP949/EUC-KR; anything else is an IngestError."""
    if b"\x00" in data[:8192]:
        raise IngestError(f"{name}: looks like binary data, not text")
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in {"utf_16", "utf_32"}:
        raise IngestError(f"{name}: cannot decode the text (not UTF-8, CP949 or another known encoding)")
    return str(best)


def _check_text(article: Article, min_chars: int = MIN_TEXT_CHARS) -> Article:
    """A page whose cleaned text is shorter than ``min_chars`` held no article; a .jsonl record is the
    text its author chose, so any non-empty text is kept."""
    size = len(article.text.strip())
    if size < max(min_chars, 1):
        found = f"only {size} characters" if size else "no article text"
        raise IngestError(f"{article.source}: {found} left after cleaning")
    return replace(article, language=detect_language(article.text))


def parse_text(raw: str, source: str) -> Article:
    cleaned = clean_capture(raw)
    return _check_text(
        Article(source, cleaned.text, cleaned.title, cleaned.outlet, cleaned.author, cleaned.date)
    )


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)|[*_`]{1,3}", re.MULTILINE)


def parse_markdown(raw: str, source: str) -> Article:
    title = next((ln.lstrip("# ").strip() for ln in raw.splitlines() if ln.startswith("# ")), "")
    plain = _MD_MARKUP.sub("", _MD_LINK.sub(lambda m: "" if m.group(0)[0] == "!" else m.group(1), raw))
    article = parse_text(plain, source)
    return replace(article, title=title or article.title)


def parse_html(raw: str, source: str) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, favor_precision=True)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body:
        raise IngestError(f"{source}: no article text found in the HTML")
    cleaned = clean_capture(body)
    return _check_text(
        Article(
            source,
            cleaned.text,
            title=getattr(doc, "title", None) or cleaned.title,
            outlet=getattr(doc, "sitename", None) or cleaned.outlet,
            author=getattr(doc, "author", None) or cleaned.author,
            date=getattr(doc, "date", None) or cleaned.date,
            url=getattr(doc, "url", None) or "",
        )
    )


@dataclass(frozen=True)
class LineError:
    """A .jsonl line that could not be read; the other lines still load."""

    source: str
    line: int
    message: str


def parse_jsonl(raw: str, source: str) -> tuple[list[Article], list[LineError]]:
    articles, errors = [], []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError('expected an object with a "text" string')
            fields = {k: str(record.get(k) or "") for k in METADATA_FIELDS}
            cleaned = clean_capture(record["text"])
            fields["title"] = fields["title"] or cleaned.title
            articles.append(_check_text(Article(f"{source}#{number}", cleaned.text, **fields), min_chars=1))
        except (ValueError, IngestError) as exc:
            errors.append(LineError(source, number, str(exc)))
    if not articles:
        detail = "; ".join(f"line {e.line}: {e.message}" for e in errors[:5]) or "no lines"
        raise IngestError(f"{source}: no readable article ({detail})")
    return articles, errors


def check_file(source: str, size: int) -> None:
    """Refuse a file by its name and size, before reading it."""
    suffix = Path(source).suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise IngestError(f"{source}: unsupported file type {suffix or '(none)'}; use {', '.join(ARTICLE_SUFFIXES)}")
    if size > MAX_FILE_BYTES:
        raise IngestError(f"{source}: {size / 1e6:.1f} MB is larger than {MAX_FILE_BYTES // 2**20} MiB")


def parse_file_bytes(data: bytes, source: str) -> tuple[list[Article], list[LineError]]:
    """Parse one file's bytes by its suffix into articles (several for .jsonl)."""
    check_file(source, len(data))
    if not data.strip():
        raise IngestError(f"{source}: the file is empty")
    suffix = Path(source).suffix.lower()
    raw = decode_bytes(data, source)
    if suffix == ".jsonl":
        return parse_jsonl(raw, source)
    parser = {".md": parse_markdown, ".html": parse_html, ".htm": parse_html}.get(suffix, parse_text)
    return [parser(raw, source)], []


def load_metadata(corpus_dir: Path) -> dict[str, dict[str, str]]:
    path = corpus_dir / METADATA_FILE
    if not path.exists():
        return {}
    try:
        data = json.loads(normalize(path.read_text(encoding="utf-8")))
    except (ValueError, UnicodeDecodeError) as exc:
        raise IngestError(f"{path}: invalid metadata JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise IngestError(f"{path}: expected an object mapping file names to metadata")
    return {
        str(name): {k: str(v) for k, v in fields.items() if k in METADATA_FIELDS and v is not None}
        for name, fields in data.items()
        if isinstance(fields, dict)
    }


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Every visible file under the corpus folder except the metadata sidecar (unsupported types
    included, so they can be reported)."""
    if not corpus_dir.is_dir():
        raise IngestError(f"corpus folder {corpus_dir} does not exist")
    return sorted(
        p for p in corpus_dir.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(corpus_dir).parts)
        and p.relative_to(corpus_dir).as_posix() != METADATA_FILE
    )


@dataclass(frozen=True)
class LoadReport:
    """Articles read from a corpus, with the files and lines that could not be read. ``files`` maps each
    readable file to the digest of its bytes (with ``METADATA_FILE``'s digest under that name), and
    ``reused`` lists the files left unread because ``unchanged`` said so."""

    articles: list[Article]
    errors: list[str]
    files: dict[str, str] = field(default_factory=dict)
    reused: list[str] = field(default_factory=list)


def file_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def load_corpus(corpus_dir: Path, unchanged: Callable[[str, str], bool] | None = None) -> LoadReport:
    """Read, clean and check every file of the corpus folder. ``unchanged(name, digest)`` may say that a
    file is known with these bytes: it is then not parsed (its name goes to ``reused``); a change to
    the metadata sidecar makes every file count as changed."""
    corpus_dir = Path(corpus_dir)
    overrides = load_metadata(corpus_dir)
    meta = corpus_dir / METADATA_FILE
    report = LoadReport([], [], {METADATA_FILE: file_digest(meta.read_bytes()) if meta.exists() else ""})
    same_metadata = unchanged is not None and unchanged(METADATA_FILE, report.files[METADATA_FILE])
    for path in corpus_files(corpus_dir):
        source = path.relative_to(corpus_dir).as_posix()
        try:
            check_file(source, path.stat().st_size)
            data = path.read_bytes()
            digest = file_digest(data)
            if same_metadata and unchanged(source, digest):
                report.files[source] = digest
                report.reused.append(source)
                continue
            articles, line_errors = parse_file_bytes(data, source)
        except IngestError as exc:
            report.errors.append(str(exc))
            continue
        report.files[source] = digest
        report.errors.extend(f"{e.source} line {e.line}: {e.message}" for e in line_errors)
        report.articles.extend(replace(a, **overrides.get(a.source, {})) for a in articles)
    return report
