"""HTML for the UI: answers with citation chips, the sources panel (passages with the supporting
sentences highlighted, and the whole article on demand), upload results.

Everything that comes from an article or a person is escaped here, once: a ``<script>`` in an article
or a question is shown as text. The chips and cards carry ``data-turn``/``data-n`` attributes that the
page script (``PAGE_JS``) uses to bring the clicked citation's passage forward.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .answer import Answer, Citation, with_markers
from .library import FileResult
from .ui_text import t

MARKER = re.compile(r"\[(\d+)\]")
MAX_TURNS_SHOWN = 10  # the sources panel keeps the last ten answers' passages


@dataclass(frozen=True)
class ChatTurn:
    """One answered question of a chat: its number, the earlier questions it was asked after, the answer,
    and the position of the answer among the chat messages (for feedback clicks)."""

    turn: int
    question: str
    history: tuple[str, ...]
    answer: Answer
    message_index: int


CHIP_TITLE_CHARS = 18


def chip_label(c: Citation) -> str:
    """"[n] outlet · date", or the start of the title when the article names neither."""
    meta = " · ".join(x for x in (c.outlet, c.date) if x)
    if not meta:
        meta = c.title if len(c.title) <= CHIP_TITLE_CHARS else c.title[: CHIP_TITLE_CHARS - 1] + "…"
    return f"[{c.n}] {meta}"


def citation_chip(c: Citation, turn: int) -> str:
    """A chip for marker [n] of answer ``turn``. The chat's HTML sanitiser drops data attributes, so the
    target is named by a class, ``cite-t<turn>-n<n>``."""
    title = html.escape(c.title, quote=True)
    return (f"<span class='cite-chip cite-t{turn}-n{c.n}' role='button' tabindex='0' "
            f"title='{title}'>{html.escape(chip_label(c))}</span>")


def answer_html(answer: Answer, turn: int) -> str:
    """The answer for the chat: escaped text with each [n] turned into a chip showing outlet and date; in an
    LLM answer, a sentence its citations do not support is marked (⚠ with the reason on hover)."""
    chips = {c.n: citation_chip(c, turn) for c in answer.citations}

    def chipped(raw: str) -> str:
        return MARKER.sub(lambda m: chips.get(int(m.group(1)), m.group(0)), html.escape(raw, quote=False))

    if answer.sentences and not answer.abstained:
        text = " ".join(
            chipped(with_markers(s.text, s.citations)) if s.supported else
            f"<span class='unsupported' title='{html.escape(s.reason, quote=True)}'>⚠ "
            f"{chipped(with_markers(s.text, s.citations))}</span>"
            for s in answer.sentences
        )
    else:
        text = chipped(answer.answer)
    if answer.notice:
        text = f"{text}\n\n<i>{html.escape(answer.notice)}</i>"
    return text


def highlight(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Escaped ``text`` with the spans wrapped in <mark>; newlines kept."""
    out, pos = [], 0
    for start, end in sorted(spans):
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def article_view(article_text: str, c: Citation) -> str:
    """The whole article, the cited passage framed and its quoted sentences marked."""
    start, end = c.passage_start, c.passage_start + len(c.text)
    if article_text[start:end] != c.text:
        return f"<div class='article-text'>{highlight(article_text, ())}</div>"
    return (f"<div class='article-text'>{highlight(article_text[:start], ())}"
            f"<span class='cited-passage'>{highlight(c.text, c.quote_spans)}</span>"
            f"{highlight(article_text[end:], ())}</div>")


def source_card(c: Citation, turn: int, article_text: str | None, language: str) -> str:
    meta = " · ".join(html.escape(x) for x in (c.outlet, c.author, c.date) if x)
    view = ""
    if article_text:
        view = (f"<details class='article-view'><summary>{t('view_article', language)}</summary>"
                f"{article_view(article_text, c)}</details>")
    return (f"<div class='source-card' id='source-{turn}-{c.n}' data-turn='{turn}' data-n='{c.n}'>"
            f"<div class='source-head'><span class='source-n'>[{c.n}]</span> <b>{html.escape(c.title)}</b></div>"
            f"<div class='source-meta'>{meta or '&nbsp;'} <span class='source-file'>{html.escape(c.source)}</span></div>"
            f"<div class='source-text'>{highlight(c.text, c.quote_spans)}</div>{view}</div>")


def sources_html(turns: Sequence[ChatTurn], articles: Mapping[str, str], language: str) -> str:
    """The sources panel: the passages of the last answers, the latest shown; a chip click shows its own."""
    if not turns:
        return f"<div class='sources-empty'>{t('no_sources', language)}</div>"
    blocks = []
    shown = turns[-MAX_TURNS_SHOWN:]
    for r in shown:
        current = " current" if r is shown[-1] else ""
        cards = "".join(source_card(c, r.turn, articles.get(c.source), language) for c in r.answer.citations)
        cards = cards or f"<div class='sources-empty'>{t('no_sources', language)}</div>"
        blocks.append(f"<div class='turn-sources{current}' data-turn='{r.turn}'>"
                      f"<div class='turn-question'>{t('sources_for', language)}: {html.escape(r.question)}</div>"
                      f"{cards}</div>")
    return "".join(blocks)


def upload_results_html(results: Sequence[FileResult]) -> str:
    """One line per file: a status badge, the file name and what happened."""
    rows = "".join(
        f"<li class='upload-{r.status}'><span class='status-badge'>{html.escape(r.status)}</span> "
        f"<b>{html.escape(r.name)}</b>: {html.escape(r.message)}</li>"
        for r in results
    )
    return f"<ul class='upload-results'>{rows}</ul>"


PAGE_CSS = """
.cite-chip {display:inline-block; background:#e7f0ff; color:#0b4fa8; border:1px solid #9dbdf2; border-radius:10px;
  padding:0 7px; margin:0 2px; font-size:0.82em; cursor:pointer; white-space:nowrap;}
.cite-chip:hover, .cite-chip:focus {background:#cfe0ff;}
.turn-sources {display:none;} .turn-sources.current {display:block;}
.turn-question {color:#57606a; font-size:0.85em; margin-bottom:6px;}
.source-card {border:1px solid #d0d7de; border-radius:8px; padding:10px; margin-bottom:10px;}
.source-card.active {border:2px solid #0b4fa8; box-shadow:0 0 0 3px #cfe0ff;}
.source-meta {color:#57606a; font-size:0.9em; margin:4px 0;}
.source-file {color:#8c959f; font-size:0.85em;}
.source-text mark, .article-text mark {background:#fff3a3; padding:0 2px;}
.article-text {max-height:360px; overflow:auto; border-top:1px dashed #d0d7de; margin-top:6px; padding-top:6px;}
.cited-passage {background:#f3f8ff; outline:1px solid #9dbdf2;}
.unsupported {text-decoration: underline wavy #cf222e; color:#6e7781;}
.upload-results {list-style:none; padding-left:0;} .upload-results li {margin:4px 0;}
.status-badge {display:inline-block; min-width:5.5em; text-align:center; border-radius:4px; padding:0 6px;
  font-size:0.85em; font-weight:600; color:#fff; background:#57606a;}
.upload-added .status-badge {background:#1a7f37;} .upload-updated .status-badge {background:#0969da;}
.upload-duplicate .status-badge {background:#8c959f;} .upload-removed .status-badge {background:#9a6700;}
.upload-error .status-badge {background:#cf222e;}
"""

PAGE_JS = r"""
<script>
(() => {
  const show = (chip) => {
    const target = [...chip.classList].map(c => c.match(/^cite-t(\d+)-n(\d+)$/)).find(Boolean);
    if (!target) return;
    const turn = target[1], n = target[2];
    document.querySelectorAll('.turn-sources').forEach(el => el.classList.toggle('current', el.dataset.turn === turn));
    document.querySelectorAll('.source-card.active').forEach(el => el.classList.remove('active'));
    const card = document.getElementById(`source-${turn}-${n}`);
    if (card) { card.classList.add('active'); card.scrollIntoView({behavior: 'smooth', block: 'center'}); }
  };
  document.addEventListener('click', (e) => {
    const chip = e.target.closest && e.target.closest('.cite-chip');
    if (chip) { e.preventDefault(); show(chip); }
  });
  document.addEventListener('keydown', (e) => {
    const chip = e.target.closest && e.target.closest('.cite-chip');
    if (chip && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); show(chip); }
  });
  document.addEventListener('toggle', (e) => {
    const view = e.target;
    if (view.classList && view.classList.contains('article-view') && view.open) {
      const passage = view.querySelector('.cited-passage');
      const box = view.querySelector('.article-text');
      if (passage && box) { box.scrollTop = passage.offsetTop - box.offsetTop - box.clientHeight / 3; }
    }
  }, true);
})();
</script>
"""
