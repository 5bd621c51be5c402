"""The corpus folder as a library people edit from the UI: add uploaded files, remove articles.

Every uploaded file is checked and parsed before anything is written, so a bad file (unsupported type,
empty, undecodable, too large, no article text) gets its own message and changes nothing. A file
is written under its own base name only (``../x.txt`` and ``/etc/x.txt`` both become ``x.txt``),
atomically, and ``Staged.rollback`` puts the folder back as it was if indexing then fails.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .documents import ARTICLE_SUFFIXES, check_file, decode_bytes, parse_file_bytes
from .errors import IngestError

STATUSES = ("added", "updated", "duplicate", "removed", "error")
REMOVED_DIR = ".removed"
_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class FileResult:
    """What happened to one uploaded file (or removed article)."""

    name: str  # the name it was uploaded under, or the removed article's source
    status: str  # one of STATUSES
    message: str
    sources: tuple[str, ...] = ()  # the articles it holds, as corpus sources


@dataclass
class Staged:
    """Changes written into the corpus folder, with what they replaced (for a rollback)."""

    results: list[FileResult]
    written: dict[Path, bytes | None] = field(default_factory=dict)  # path -> previous bytes (None: new)

    @property
    def changed(self) -> bool:
        return bool(self.written)

    def rollback(self) -> None:
        for path, previous in self.written.items():
            if previous is None:
                path.unlink(missing_ok=True)
            else:
                _write_atomic(path, previous)
        self.written.clear()


def corpus_name(uploaded: str) -> str:
    """The name an uploaded file gets in the corpus folder: its base name, no leading dots or control
    characters."""
    base = PurePosixPath(str(uploaded).replace("\\", "/")).name
    base = _UNSAFE.sub("", base).lstrip(". ").strip()
    if not base or not Path(base).stem:
        raise IngestError(f"{uploaded!r}: not a usable file name")
    return base


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def stage_uploads(corpus_dir: Path, uploads: Sequence[tuple[str, Path]], indexed: Mapping[str, str]) -> Staged:
    """Check each (name, file) upload and write the good ones into ``corpus_dir``; a file's size is
    checked before it is read. ``indexed`` maps the text hash of every indexed article to its source.

    A file is a duplicate when the corpus already holds the same bytes under its name, or when every
    article in it has the text of an indexed article (or of an earlier file of this batch).
    """
    corpus_dir = Path(corpus_dir)
    known = dict(indexed)
    staged = Staged([])
    for uploaded, file in uploads:
        try:
            name = corpus_name(uploaded)
            check_file(name, Path(file).stat().st_size)
            data = Path(file).read_bytes()
            articles, line_errors = parse_file_bytes(data, name)
        except OSError as exc:
            staged.results.append(FileResult(uploaded, "error", f"{uploaded}: cannot read the file ({exc.strerror})"))
            continue
        except IngestError as exc:
            staged.results.append(FileResult(uploaded, "error", str(exc)))
            continue
        path = corpus_dir / name
        previous = path.read_bytes() if path.is_file() else None
        sources = tuple(a.source for a in articles)
        same = [known.get(a.text_hash) for a in articles]
        if previous == data or all(same):
            where = name if previous == data else ", ".join(dict.fromkeys(s for s in same if s))
            staged.results.append(FileResult(uploaded, "duplicate", f"already in the corpus as {where}", sources))
            continue
        _write_atomic(path, data)
        staged.written.setdefault(path, previous)
        known.update((a.text_hash, a.source) for a in articles)
        skipped = f"; {len(line_errors)} unreadable lines skipped" if line_errors else ""
        status = "updated" if previous is not None else "added"
        staged.results.append(FileResult(uploaded, status, f"{len(articles)} article(s) as {name}{skipped}", sources))
    return staged


def _keep_removed(corpus_dir: Path, name: str, data: bytes) -> Path:
    """A copy of what was removed in ``corpus/.removed/`` (hidden folders are not indexed)."""
    folder = corpus_dir / REMOVED_DIR
    folder.mkdir(exist_ok=True)
    copy = folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}-{PurePosixPath(name).name}"
    _write_atomic(copy, data)
    return copy


def remove_article(corpus_dir: Path, source: str) -> Staged:
    """Take one article out of the corpus folder: move its file to ``.removed/``, or blank its line of a
    .jsonl file (the other lines keep their numbers, so their sources do not change) and keep that line
    in ``.removed/``. Nothing is lost: a removed article can be put back by hand."""
    corpus_dir = Path(corpus_dir).resolve()
    name, _, line = str(source).partition("#")
    path = (corpus_dir / name).resolve()
    if corpus_dir not in path.parents or not path.is_file() or path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise IngestError(f"{source!r} is not an article file in the corpus folder {corpus_dir}")
    previous = path.read_bytes()
    if not line:
        kept = _keep_removed(corpus_dir, name, previous)
        path.unlink()
        return Staged([_removed(source, corpus_dir, kept)], {path: previous})
    lines = decode_bytes(previous, name).splitlines()
    number = int(line) if line.isdigit() else 0
    if not 1 <= number <= len(lines) or not lines[number - 1].strip():
        raise IngestError(f"{source!r}: {name} has no article on line {line}")
    kept = _keep_removed(corpus_dir, f"{path.stem}-line{number}.jsonl", (lines[number - 1] + "\n").encode("utf-8"))
    lines[number - 1] = ""
    if any(x.strip() for x in lines):
        _write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))
    else:
        path.unlink()
    return Staged([_removed(source, corpus_dir, kept)], {path: previous})


def _removed(source: str, corpus_dir: Path, kept: Path) -> FileResult:
    return FileResult(source, "removed", f"removed from the index; a copy is kept in {kept.relative_to(corpus_dir)}",
                      (source,))
