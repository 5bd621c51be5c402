from pathlib import Path

import pytest

from rag.numbers import asked_currency, claimed, english_amount, english_percent, mentioned, unsupported_numbers

PARALLEL = Path(__file__).resolve().parents[2] / "shared" / "data" / "parallel_ko_en"


@pytest.mark.parametrize("text, values", [
    ("5억 5800만 달러(약 8100억 원)를 조달했다 [1]", [558e6, 8100e8]),
    ("raised $558 million (about 810 billion won)", [558e6, 810e9]),
    ("초당 12조3천억 번", [12.3e12]), ("12.3 trillion calculations", [12.3e12]),
    ("1억1천만 달러", [110e6]), ("주민 27만5000명", [275000]), ("1만8500메가와트", [18500]),
    ("1~2자릿수(10~100배)", [1, 2, 10, 100]), ("20% 확률", [20]), ("2,500명과 1,234.5원", [2500, 1234.5]),
    ("A100과 H800 칩, 3D 기술", []), ("6-3 6-2로 이겼다", [6, 3, 6, 2]), ("천 명", []),
])
def test_claimed_values(text, values):
    assert claimed(text) == pytest.approx(values)


def test_a_passage_supports_parts_of_its_amounts():
    passage = "즈푸AI는 5억 5800만 달러(약 8100억 원)를 조달했다."
    assert mentioned(passage) == {5.0, 5800.0, 8100.0, 558e6, 810e9}
    assert unsupported_numbers("Zhipu raised $558 million [2].", passage) == []
    assert unsupported_numbers("Zhipu raised $500 million.", passage) == [500e6]  # 5억 is only part of 5억 5800만


@pytest.mark.skipif(not PARALLEL.exists(), reason="needs ../shared/data/parallel_ko_en")
def test_english_numbers_are_found_in_their_korean_translation_not_in_others():
    en = (PARALLEL / "korean-english-park.dev.en").read_text(encoding="utf-8").splitlines()
    ko = (PARALLEL / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()
    pairs = [(e, k) for e, k in zip(en, ko) if claimed(e)]
    matched = sum(not unsupported_numbers(e, k) for e, k in pairs) / len(pairs)
    shifted = sum(not unsupported_numbers(e, ko[(i + 7) % len(ko)]) for i, (e, _) in enumerate(pairs)) / len(pairs)
    assert len(pairs) > 200 and matched > 0.7 and shifted < 0.05  # measured: 0.74 and 0.01


@pytest.mark.parametrize(("text", "english"), [
    ("상장해 5억 5800만 달러(약 8100억 원)를 조달했다", "$558 million"),
    ("약 8100억 원", "₩810 billion"),
    ("12조3천억 원 규모", "₩12.3 trillion"),
    ("1,500만 위안", "15 million yuan"),
    ("300달러", "$300"),
    ("3개 분야를 키운다", None),
])
def test_english_amount(text, english):
    assert english_amount(text) == english


def test_english_amount_reads_the_sum_in_the_currency_asked():
    text = "상장해 5억 5800만 달러(약 8100억 원)를 조달했다"
    assert english_amount(text, asked_currency("How much did it raise in won?")) == "₩810 billion"
    assert english_amount(text, asked_currency("How much did it raise in US dollars?")) == "$558 million"
    assert english_amount(text, asked_currency("How much did it raise in yen?")) == "$558 million"  # none: the first
    assert asked_currency("Who won the race?") == ""  # the verb
    assert english_amount(text, asked_currency("what's its ipo size in krw")) == "₩810 billion"


@pytest.mark.parametrize(("text", "english"), [
    ("향후 3~5년 내 중국 팀이 글로벌 선두에 오를 확률은 약 20%”라며", "about 20%"),  # 3~5년 is no share
    ("성장률은 3~5%로", "3–5%"),
    ("성능은 A100의 60퍼센트", "60%"),
    ("30프로젝트", None),
    ("20개 기업", None),
])
def test_english_percent(text, english):
    assert english_percent(text) == english
