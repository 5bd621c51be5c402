import pytest

from rag.ui_text import TEXT, t, ui_language


def test_every_string_exists_in_both_languages():
    for key, versions in TEXT.items():
        assert set(versions) == {"ko", "en"}, key
        assert type(versions["ko"]) is type(versions["en"]), key
    assert t("new_chat", "en") == "New chat" and t("new_chat", "ko") == "새 대화"


def test_language_follows_the_question_unless_chosen():
    assert ui_language("auto", "How much did Zhipu raise?") == "en"
    assert ui_language("auto", "즈푸AI는 얼마를 조달했나?") == "ko"
    assert ui_language("auto", "", current="en") == "en"
    assert ui_language("ko", "How much did Zhipu raise?") == "ko"
    with pytest.raises(ValueError, match="'fr'"):
        ui_language("fr", "bonjour")
    with pytest.raises(KeyError, match="'nope'"):
        t("nope", "ko")
