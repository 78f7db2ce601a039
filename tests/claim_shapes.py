"""Shared checks for the claim-shape tests: a shape flagged over its words, ordinary wording left alone."""

from __future__ import annotations

import pytest

import checker


def claim_findings(text: str, market: str, commercial: bool | None, language: str = "en") -> list:
    """Claim findings of warning or error severity for `text` checked as a caption in `market`."""
    findings = checker.check_text(text, markets=[market], language=language, commercial=commercial)
    return [f for f in findings if f.category == "claim" and f.severity in ("warning", "error")]


def rule_words(findings: list, text: str) -> list[tuple[str, str]]:
    """(rule, words) of what each rule found, at its own words also where its finding was merged into
    another's around it (`Finding.rule_spans`)."""
    return [(rule, text[start:end]) for f in findings for rule, start, end in f.rule_spans()]


def assert_reported(text: str, market: str, rule: str, words: str, language: str = "en") -> None:
    """A post that sells gets a claim finding of `rule` (or one it was merged with) whose text holds `words`."""
    found = claim_findings(text, market, True, language)
    assert any(rule in (f.rule, *(f.related or ())) and words in f.text for f in found), [
        (f.rule, f.text) for f in found]


def assert_quiet(text: str, market: str, language: str = "en") -> None:
    """No claim finding in a post that sells."""
    found = claim_findings(text, market, True, language)
    assert not found, [(f.rule, f.text) for f in found]


def assert_flagged_over(text: str, words: str, market: str) -> None:
    """A post that sells gets a claim finding that covers `words`."""
    start = text.index(words)
    found = claim_findings(text, market, True)
    assert any(f.start <= start and f.end >= start + len(words) for f in found), (
        f"{market}: no claim finding over {words!r} in {text!r}: "
        f"{[(f.rule, text[f.start:f.end]) for f in found]}")


def assert_left_alone(text: str, market: str, language: str = "en") -> None:
    """No claim finding, whether or not the post sells."""
    for commercial in (True, None):
        found = claim_findings(text, market, commercial, language)
        assert not found, f"{market}: {[(f.rule, text[f.start:f.end]) for f in found]} on {text!r}"


def shape_tests(claims: list, innocent: list, left_alone=assert_left_alone):
    """The two tests of a session's shape file, to bind to module names starting with `test_`: each
    (market, language, text, rule, words) of `claims` reported by its rule over its words, each (market,
    language, text) of `innocent` left alone (`left_alone`: `assert_left_alone`, whether or not the post
    sells, or `assert_quiet`, in a post that sells)."""

    @pytest.mark.parametrize(("market", "language", "text", "rule", "words"), claims)
    def test_claim_is_reported(market, language, text, rule, words):
        assert_reported(text, market, rule, words, language)

    @pytest.mark.parametrize(("market", "language", "text"), innocent)
    def test_innocent_use_stays_clean(market, language, text):
        left_alone(text, market, language)

    return test_claim_is_reported, test_innocent_use_stays_clean
