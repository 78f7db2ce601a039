"""A regular expression's relaxed form (`checker.rules.relaxed`): RE2 runs it before the pattern, and a
text it finds nothing in is not searched with the pattern. It must match wherever the pattern does
(checked on every shipped pattern in `test_prefilters.py`), and turn texts away where it can."""

import re2
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.rules import relaxed
from checker.rules.matcher import MatcherSet, MatchSpec
from checker.rules.matching import MatchContext


def _search(relaxed_source: str, text: str) -> bool:
    found = relaxed.search(relaxed_source, text.encode("utf-8"))
    assert found is not None, relaxed_source  # (RE2 runs it)
    return found


# (pattern, a text it matches, a text its relaxed form finds nothing in)
CASES = [
    # look-arounds hold everywhere: what they ask of the text around a match is not asked
    (r"(?<![\p{L}\p{N}])cure[sd]?(?!\w)", "it cured me", "a curtain"),
    (r"(?<=\b(?:made|earned)\b[^.!?\n]{0,30})\$\d+", "I made over $500", "it costs 5 dollars"),
    # a word edge that begins the pattern: a character that is no word character before, or the start
    (r"\bhealth\s+claims?\b", "no health claims here", "wealthhealth"),
    (r"(?i)\b(?:clinically|medically)\s+proven\b", "Clinically PROVEN formula", "unproven"),
    # a word edge before what may begin with no word character: left out (here a word character is
    # before the edge: "US$5")
    (r"\b\$\d+", "only US$5", "US 5"),
    (r"\b(?:no|-)\s?1\b", "top-1 pick", "top 2"),
    # possessive repeats and atomic groups: read as the plain ones
    (r"#[\p{L}\p{N}_]{4,}+(?<=TH)", "#GlowLabTH", "# TH"),
    (r"(?>ab|a)c", "abc", "xyz"),
    # classes: the ASCII members exactly, and anything from U+0080 on when the class holds some
    (r"[\p{Han}]{2}\d", "最好1", "ab1"),
    (r"\p{Lu}\p{Ll}+ Street", "Baker Street", "baker street"),
    (r"[^\s.!?]+@[a-z]+\.com", "mail me@shop.com", "me @ shop"),
    # a global flag anywhere holds for the whole relaxed pattern; a flag turned off in a group stays on
    (r"abc(?i)def", "abcDEF", "abxdef"),
    (r"(?i)best (?-i:Ever)", "BEST Ever", "best never"),
    # quantifiers: {,n}, a bound over RE2's 1,000, lazy ones
    (r"ab{,2}c", "ac", "adc"),
    (r"a.{0,2000}?z", "a and z", "zebra"),
    # escapes of characters
    (r"\u00e9t\u00e9\x20\.", "été .", "ete ."),
    (r"\$\d+\s*\-\s*\$\d+", "$5 - $10", "$5 to $10"),
]


def test_a_relaxed_form_matches_where_its_pattern_does_and_turns_other_texts_away():
    for pattern, matched, turned_away in CASES:
        form = relaxed.relax(pattern)
        assert form is not None, pattern
        assert regex.search(pattern, matched), pattern
        assert _search(form, matched), (pattern, form)
        assert not regex.search(pattern, turned_away), pattern
        assert not _search(form, turned_away), (pattern, form)


def test_a_word_edge_read_as_a_character_keeps_a_match_at_the_start_of_the_text():
    form = relaxed.relax(r"\bcure")
    assert form.startswith("(?:^|[")
    for pattern in (r"\b(?:cure|heal)s?", r"\b\w+ly", r"(?:\b(?:t(?:r|x)|y))"):
        assert "(?:^|[" in relaxed.relax(pattern), pattern
    for pattern in (r"\b\$", r"\ba?c", r"\b(?:a|-b)", r"\b\d{0,2}x"):  # (may begin with no word character)
        assert "(?:^|[" not in relaxed.relax(pattern), pattern
    assert _search(form, "cure all") and _search(form, "a cure") and _search(form, "(cure")
    assert not _search(form, "secure")


def test_a_repeated_group_that_would_hold_an_edge_read_as_a_character_is_relaxed_without_it():
    # `(?:\bab)+` matches "abab" (one repetition); reading the edge as a character in each repetition
    # would ask for one before the second: the edge is left out instead
    form = relaxed.relax(r"(?:\bab)+c")
    assert "(?:^|" not in form
    assert _search(form, "ababc") and _search(form, "xababc")


def test_what_it_does_not_read_gives_no_relaxed_form():
    for pattern in [
        r"(\w)\1",  # a back-reference
        r"(?x) a b c  # verbose",
        r"(?(1)a|b)",  # a conditional
        r"(?:cure){e<=1}",  # fuzzy matching
        r"foo\Kbar",
        r"(?V1)[[a-z]--[aeiou]]",  # nested sets
        r"(?P<w>a)(?P=w)",
    ]:
        assert relaxed.relax(pattern) is None, pattern


def test_a_text_with_a_lone_surrogate_is_never_turned_away():
    form = relaxed.relax(r"cure")
    assert relaxed.utf8("a cure \ud800") is None
    assert relaxed.search(form, None) is None
    assert relaxed.may_match(form, None)


def test_a_pattern_too_large_for_a_dfa_is_not_run_through_re2(monkeypatch):
    monkeypatch.setattr(relaxed, "MAX_PROGRAM", 10)
    monkeypatch.setattr(relaxed, "_RE2", {})
    monkeypatch.setattr(relaxed, "WARM_UP", 0)
    form = relaxed.relax("|".join(f"word{i}" for i in range(50)))
    assert relaxed.search(form, b"nothing of it") is None
    assert relaxed.may_match(form, b"nothing of it")  # (not run: the pattern runs)
    monkeypatch.setattr(relaxed, "MAX_LENGTH", 100)
    assert relaxed.relax("|".join(f"word{i}" for i in range(50))) is None


def test_a_pattern_meets_a_few_texts_before_its_relaxed_form_is_compiled(monkeypatch):
    monkeypatch.setattr(relaxed, "_RE2", {})
    form = relaxed.relax(r"\bcure")
    for _ in range(relaxed.WARM_UP):
        assert relaxed.may_match(form, b"nothing to find")  # (searched as written: a check of one caption)
    assert form not in relaxed._RE2 or isinstance(relaxed._RE2[form], int)
    assert not relaxed.may_match(form, b"nothing to find")
    assert relaxed.may_match(form, b"a cure")


_TRICKY = [
    r"(?<!\w)(?:no|top)\s?1(?!\d)",
    r"\b(?:100|hundred)\s*%\s+(?:natural|safe)\b",
    r"(?i)\bfree\b(?!\s+from)",
    r"[\p{L}]+(?<=ing)\b",
    r"(?:^|[.!?]\s+)(?:buy|get)\s+(?:it|one)\b",
    r"\d{1,3}(?:[.,]\d{3})*\s?(?:k|rb|ribu)\b",
    r"(?i)(?<![a-z])w\W*h\W*a\W*t\W*s\W*a\W*p\W*p",
    r"(?=.*\d)[a-z]+\d+$",
    r"#\w{3,}+(?<=[a-z]TH)",
    r"\b(?:#|no\.?)\s?1\b",
    r"\b\w?[!.]\w",
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_TRICKY), st.text(alphabet="abchinopstwTHN10 .!?%#-\u00e9\u0e01\n", max_size=40))
def test_a_relaxed_form_never_turns_away_a_text_its_pattern_matches(pattern, text):
    form = relaxed.relax(pattern)
    assert form is not None
    if regex.search(pattern, text):
        assert re2.search(form, text), (pattern, form, text)
        assert relaxed.search(form, text.encode()) is not False


def test_a_regex_its_relaxed_form_turns_away_is_not_run(monkeypatch):
    # a pattern that backtracks for ever on a run of a's it cannot match, with no literal the screen
    # could key it on: before the relaxed form, it ran out of time on such a text and the rule was
    # reported as given up; RE2 now shows there is nothing to find (no upper-case letter)
    monkeypatch.setattr(relaxed, "WARM_UP", 0)
    spec = MatchSpec(regex=r"(a|a)+\p{Lu}", examples=("aaB",))
    matchers = MatcherSet("en")
    matchers.add("team.rule", spec)
    matchers.build()
    ctx = MatchContext("en", "a" * 40 + " call me", frozenset())
    assert matchers.find(ctx, ["team.rule"]) == []
    assert ctx.problems == []
    found = matchers.find(MatchContext("en", "call aaB", frozenset()), ["team.rule"])
    assert [(s.start, s.end) for s in found] == [(5, 8)]
