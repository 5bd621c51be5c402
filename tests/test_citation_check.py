import pytest

from rag.citation_check import CitationChecker, split_sentences


@pytest.mark.parametrize("answer, expected", [
    ("A는 5억 달러를 조달했다 [1]. B는 상장했다 [2].", [("A는 5억 달러를 조달했다.", [1]), ("B는 상장했다.", [2])]),
    ("It raised $558 million. [1] It listed in Hong Kong. [2][3]",
     [("It raised $558 million.", [1]), ("It listed in Hong Kong.", [2, 3])]),
    ("Both said so [1, 3].\n\nNo citation here.", [("Both said so.", [1, 3]), ("No citation here.", [])]),
    ("[2]", []),
])
def test_split_sentences(answer, expected):
    assert split_sentences(answer) == expected


@pytest.fixture(scope="module")
def checker(service):
    return CitationChecker(service.store, service.encoder)


@pytest.fixture(scope="module")
def zhipu_hits(service):
    hits = service.search("즈푸AI 홍콩 상장 조달 금액", k=4)
    number = next(i for i, h in enumerate(hits, 1) if "5억 5800만 달러" in h.chunk.text)
    other = next(i for i, h in enumerate(hits, 1) if "5억 5800만" not in h.chunk.text)
    return hits, number, other


def test_a_faithful_english_sentence_is_supported_and_quotes_its_evidence(checker, zhipu_hits, service):
    hits, n, _ = zhipu_hits
    checked = checker.check(f"Zhipu AI raised $558 million in its Hong Kong IPO [{n}].", hits, "en")
    (s,) = checked.sentences
    assert s.supported and s.cited == (n,) and s.similarity >= 0.79
    assert "5억 5800만 달러" in service.store.sentence_text(s.evidence[0])


def test_wrong_number_invalid_marker_and_missing_citation(checker, zhipu_hits):
    hits, n, other = zhipu_hits
    checked = checker.check(f"Zhipu AI raised $600 million [{n}]. It raised $558 million [{other}]. "
                            f"It was founded in China [7]. 즈푸AI는 홍콩에 상장했다.", hits, "en")
    wrong, elsewhere, invalid, uncited = checked.sentences
    assert not wrong.supported and "number 600,000,000 not in the cited passage" in wrong.reason
    assert not elsewhere.supported and "558,000,000" in elsewhere.reason  # its passage lacks the number
    assert invalid.cited == () and checked.invalid_markers == (7,) and invalid.reason == "cites no passage"
    assert not uncited.supported


def test_an_unrelated_claim_is_not_supported_by_similarity(checker, zhipu_hits):
    hits, n, _ = zhipu_hits
    (s,) = checker.check(f"The weather in Paris was sunny and warm all week [{n}].", hits, "en").sentences
    assert not s.supported and "not close enough" in s.reason
