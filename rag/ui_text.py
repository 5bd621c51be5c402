"""Interface strings in Korean and English. The UI speaks the language of the last question unless the
person picks one with the toggle."""

from __future__ import annotations

from .text import detect_language

LANGUAGES = ("ko", "en")
AUTO = "auto"
LANGUAGE_CHOICES = [("자동 · Auto", AUTO), ("한국어", "ko"), ("English", "en")]

TEXT = {
    "title": {
        "ko": "## 한국어 뉴스 질의응답\n답변은 기사 문장을 인용하고 [n]으로 출처를 밝힙니다. "
              "출처 칩을 누르면 근거 문장이 강조된 단락이 열립니다.",
        "en": "## Korean news Q&A\nAnswers quote the articles and cite them [n]. Click a citation chip to open the passage "
              "with the supporting sentence highlighted.",
    },
    "placeholder": {"ko": "질문을 입력하세요 (한국어 또는 영어)", "en": "Ask a question (in Korean or English)"},
    "new_chat": {"ko": "새 대화", "en": "New chat"},
    "sources": {"ko": "### 출처", "en": "### Sources"},
    "no_sources": {"ko": "이 답변에는 출처가 없습니다.", "en": "No sources for this answer."},
    "view_article": {"ko": "기사 전체 보기", "en": "View article"},
    "sources_for": {"ko": "질문", "en": "Question"},
    "tab_chat": {"ko": "대화", "en": "Chat"},
    "tab_corpus": {"ko": "기사 모음", "en": "Corpus"},
    "tab_settings": {"ko": "설정", "en": "Settings"},
    "upload": {"ko": "기사 파일 올리기 (.txt .md .html .jsonl, 여러 개 가능)",
               "en": "Upload articles (.txt .md .html .jsonl, several at once)"},
    "add": {"ko": "색인에 추가", "en": "Add to the index"},
    "remove_pick": {"ko": "뺄 기사", "en": "Article to remove"},
    "remove": {"ko": "기사 빼기", "en": "Remove article"},
    "ui_language": {"ko": "화면 언어", "en": "Interface language"},
    "mode": {"ko": "검색 방식", "en": "Retrieval mode"},
    "passages": {"ko": "답변에 쓸 단락 수", "en": "Passages to answer from"},
    "answer_mode": {"ko": "답변 방식", "en": "Answer mode"},
    "answer_mode_info": {
        "ko": "오프라인 추출식 답변: 기사 문장을 그대로 인용합니다. "
              "LLM 답변을 쓰려면 RAG_LLM_BASE_URL과 RAG_LLM_MODEL을 설정하세요.",
        "en": "Offline extractive answers quote the articles' sentences. For LLM answers set RAG_LLM_BASE_URL and "
              "RAG_LLM_MODEL.",
    },
    "answer_mode_llm": {
        "ko": "llm: 설정한 LLM이 질문 언어로 답하고, 문장마다 인용한 단락과 대조해 근거 없는 문장은 ⚠로 표시합니다. "
              "extractive: 기사 문장 인용.",
        "en": "llm: the configured LLM answers in the question's language; each sentence is checked against the "
              "passages it cites and unsupported ones are marked ⚠. extractive: quoted sentences.",
    },
    "earlier": {"ko": "이전 대화", "en": "Earlier chats"},
    "thanks": {"ko": "의견을 저장했습니다. 고맙습니다.", "en": "Feedback saved. Thank you."},
    "no_files": {"ko": "올릴 파일을 고르세요.", "en": "Choose files to upload first."},
    "reading": {"ko": "기사 읽는 중", "en": "Reading articles"},
    "embedding": {"ko": "문장 벡터 만드는 중", "en": "Embedding passages"},
    "terms": {"ko": "새 낱말 벡터 만드는 중", "en": "Embedding new terms"},
    "saving": {"ko": "색인 저장 중", "en": "Saving the index"},
    "columns": {"ko": ["파일", "제목", "매체", "날짜", "단락 수"], "en": ["File", "Title", "Outlet", "Date", "Passages"]},
}


def t(key: str, language: str):
    """The string ``key`` in ``language`` ('ko' or 'en')."""
    if key not in TEXT:
        raise KeyError(f"no interface string {key!r}")
    return TEXT[key]["en" if language == "en" else "ko"]


def ui_language(choice: str, question: str = "", current: str = "ko") -> str:
    """The interface language: the person's choice, or with 'auto' the language of the question (the
    current one when there is no question)."""
    if choice in LANGUAGES:
        return choice
    if choice != AUTO:
        raise ValueError(f"unknown interface language {choice!r}; use one of auto, ko, en")
    return detect_language(question) if question.strip() else current
