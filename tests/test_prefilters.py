"""The cheap tests that decide which segments are tokenised and which rules run must never hide a
match: each prefilter is checked here against what the full matcher finds, on every example text of
every shipped pack and on the evaluation sets."""

import functools
import json
import unicodedata
from pathlib import Path

import pytest

from checker.engine import Checker
from checker.language import segment_languages
from checker.normalize import normalize
from checker.rules import load_rules, relaxed
from checker.rules.matcher import (
    LITERAL,
    MatcherSet,
    MatchSpec,
    Prefilter,
    compile_regex,
    per_language,
    required_literals,
)
from checker.rules.matching import MatchContext
from checker.rules.screen import Screen

_RULESET = load_rules()
_CHECKER = Checker(_RULESET)
_EVAL = Path(__file__).parent / "eval"


def _example_texts() -> list[str]:
    texts = []
    for rule in _RULESET.rules.values():
        for which in ("flag", "pass"):
            for ex in rule.examples[which]:
                texts.append(ex if isinstance(ex, str) else ex["text"])
    for name in ("sea.jsonl", "sea_holdout.jsonl"):
        with open(_EVAL / name, encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    return texts


TEXTS = _example_texts()


# --- literals derived from a regex ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"(?i)\b(?:turun|susut)\s+\d+\s*kg\b", ("susut", "turun")),
        (r"(?i)(?<![a-z0-9])(?:no\.\s?1|no1|top\s?1)(?![0-9])", ("no.", "no1", "top")),
        (r"(?:美白|变白)\s*\d+\s*天", ("变白", "美白")),
        (r"ขาว(?:ใส)?\s*ใน\s*\d+\s*วัน", ("วัน",)),  # one requirement of the sequence (ties: the last)
        (r"\d{7,}", None),  # no literal at all
        (r"(?:a|bc)\d", None),  # one branch needs only a single Latin letter: too weak to help
        (r"(?:colou?r)+ chart", (" chart",)),  # a literal run keeps its space
        (r"\p{Han}+好", ("好",)),  # a Unicode property is one character of a class: what follows still counts
        (r"[\p{L}\p{N}_.]+ from @", (" from @",)),
        (r"\\p{L}", ("\\p{l}",)),  # an escaped backslash before p: a literal, not a property
        (r"(?V1)[[a-z]--[aeiou]]+ing", None),  # other regex-module syntax: no derived prefilter, never a wrong one
    ],
)
def test_required_literals(source, expected):
    assert required_literals(source) == expected


@functools.cache
def _normalized() -> list[tuple[str, str, str, frozenset[str]]]:
    """Each of TEXTS normalized, that lower-cased, and the languages it is read in (a rule's pattern
    for a language only ever runs on text read in it): made once, as the regex tests read the texts
    with each of some seven hundred patterns."""
    out = []
    for text in TEXTS:
        norm = normalize(text).text
        out.append((text, norm, norm.lower(), _languages_read(norm)))
    return out


_LANGUAGES = ("en", "zh", "th", "id", "ms", "vi", "tl")


def _languages_read(norm: str) -> frozenset[str]:
    """The languages whose rules read a text in markets speaking them all, or with one of them
    declared (`--lang vi` reads plain Latin text, which alone is read as English)."""
    read = set()
    for declared in (None, *_LANGUAGES):
        read.update(segment_languages(norm, _LANGUAGES, declared)[0])
    return frozenset(read)


def _written_prefilters() -> dict:
    """{(pattern, rule): (its `prefilter` written in the pack, the languages it runs in)}."""
    found: dict = {}
    for rule in _RULESET.rules.values():
        if rule.kind == "regex" and rule.spec.get("prefilter"):
            for lang in rule.languages:
                source = per_language(rule.spec["regex"], lang, rule.languages)
                if source:
                    found.setdefault((source, rule.id), (Prefilter(rule.spec["prefilter"]), set()))[1].add(lang)
    return found


def _derived_regexes() -> dict:
    """{(a compiled Matcher's regex source as it runs, whether on lower-cased text, the literals the
    screen keys it on, derived from the regex; None where it has a written prefilter or the screen
    never skips it): (the Matcher, the languages it runs in)}: a pattern shared by several languages
    is searched once in each text."""
    found: dict = {}
    for lang in _LANGUAGES:
        for m in _CHECKER.compiled.for_language(lang).matchers.matchers.values():
            if m.regex_source is None:
                continue
            literals = (None if m.prefilter is not None or m.always  # (a written prefilter: the next test)
                        else tuple(sorted(needle for needle, mode in m.needles if mode == LITERAL)))
            found.setdefault((m.regex_source, m.folded, literals), (m, set()))[1].add(lang)
    return found


@pytest.mark.slow
def test_derived_regex_prefilters_never_hide_a_match():
    """Wherever a compiled regex matches one of the texts, one of the literals derived from it (which
    the screen looks for before letting it run) is there too, and its relaxed form (which RE2 runs
    before it: `checker.rules.relaxed`) matches the text too."""
    checked = relaxed_checked = 0
    for (source, folded, literals), (m, langs) in _derived_regexes().items():
        assert literals is None or literals, (m.owner, source[:80])  # (keyed on nothing: runs `always`)
        # (a pattern run as its alternatives is searched as them: it matches where one of them does)
        searches = [rx.search for rx, _, _ in m.branches] if m.branches else [m.regex.search]
        for text, norm, low, read in _normalized():
            if not read.isdisjoint(langs) and any(search(low if folded else norm) for search in searches):
                if literals is not None:
                    checked += 1
                    assert any(lit in low for lit in literals), (m.owner, langs, text)
                if m.relaxed is not None:
                    relaxed_checked += 1
                    data = (low if folded else norm).encode("utf-8", "surrogatepass")
                    assert relaxed.search(m.relaxed, data) is not False, (m.owner, langs, text)
    assert checked > 50  # the flag examples of some thirty rules at least
    assert relaxed_checked > 1000


def test_written_regex_prefilters_never_hide_a_match():
    """A `prefilter` written in a pack (strings, or a cheap regex) passes wherever its rule's regex
    matches one of the texts: the pack loader checks the rule's flag examples; this checks them all."""
    checked = 0
    for (source, rule_id), (prefilter, langs) in _written_prefilters().items():
        rx = compile_regex(source)
        for text, norm, low, read in _normalized():
            if not read.isdisjoint(langs) and rx.search(norm):
                checked += 1
                assert prefilter.passes(low), (rule_id, langs, text)
    assert checked > 20


# --- the screen -------------------------------------------------------------------------------------

def _segment_contexts(text: str):
    norm = normalize(text).text
    langs, _ = segment_languages(norm, _LANGUAGES, None)
    for lang in langs:
        yield lang, norm


def _everything(rules, lang: str, norm: str, screened: bool) -> list:
    """What every Matcher of the language (rules, evidence, unless contexts, signals) finds in one
    text, with the screen's answer or with every owner let through."""
    matchers: MatcherSet = rules.matchers
    ctx = MatchContext(lang, norm, frozenset())
    owners = frozenset(matchers.matchers)
    live = matchers.live(ctx, owners) if screened else owners
    return sorted((sp.owner, sp.start, sp.end) for sp in matchers.find(ctx, live))


@pytest.mark.slow
@pytest.mark.parametrize("part", range(4))  # (a quarter of the texts each: the suite's two processes share them)
def test_screen_never_hides_a_match(part):
    """The screen lets through only the Matchers whose needles are in the text: on every example and
    evaluation text, in every language it is read in, they find exactly what all of them find."""
    found = 0
    for text in TEXTS[part::4]:
        for lang, norm in _segment_contexts(text):
            rules = _CHECKER.compiled.for_language(lang)
            screened = _everything(rules, lang, norm, screened=True)
            assert screened == _everything(rules, lang, norm, screened=False), (lang, text)
            found += bool(screened)
    assert found > 250


def test_screen_finds_words_whole_and_literals_as_written():
    screen = Screen()
    screen.add("r.word", "ad", "word")
    screen.add("r.phrase", "link in bio", "compact")
    screen.add("r.literal", "ft.", "literal")
    screen.build()
    everyone = frozenset({"r.word", "r.phrase", "r.literal"})
    assert screen.scan("made it ready", everyone) == set()  # "ad" only inside words
    assert screen.scan("#ad: my honest take", everyone) == {"r.word"}
    assert screen.scan("link  in bio", everyone) == {"r.phrase"}  # (two spaces: the matcher decides)
    assert screen.scan("link in\nbio", everyone) == set()  # a line break is a token of its own
    assert screen.scan("gift, soft", everyone) == set()
    assert screen.scan("song ft. someone", everyone) == {"r.literal"}
    assert screen.scan("song ft. someone", frozenset({"r.word"})) == set()  # only what is asked about


def test_owners_asked_about_often_get_an_automaton_of_their_own_with_the_same_answers():
    # a post that declares nothing is first asked about a few rules and its signals: after some
    # posts, the screen scans for their needles alone (a tenth of the language's), answering the same
    screen = Screen()
    for i in range(40):
        screen.add(f"claim.{i}", f"miracle{i}", "word")
    screen.add("signal.shop", "shop now", "compact")
    screen.add("rule.ad", "ad", "word")
    screen.build()
    few = frozenset({"signal.shop", "rule.ad"})
    texts = ["#ad shop now, miracle3 cream", "shopnow miracle7", "made a miracle1 cake", "nothing here"]
    before = [screen.scan(t, few) for t in texts]
    for _ in range(Screen.AFTER):
        screen.scan(texts[0], few)
    assert screen._of[few] is not screen.automaton and len(screen._of[few]) == 2
    assert [screen.scan(t, few) for t in texts] == before == [{"signal.shop", "rule.ad"}, {"signal.shop"}, set(), set()]
    everyone = few | {f"claim.{i}" for i in range(40)}
    assert screen.scan(texts[0], everyone) == {"signal.shop", "rule.ad", "claim.3"}


def test_a_needle_the_screen_cannot_see_makes_its_matcher_run_always():
    """The screen reads the text without spaces: a regex whose only literal is spaces is not screened
    (it runs on every segment) rather than never found; so is one with no literal at all."""
    ms = MatcherSet("en")
    ms.add("team.two_spaces", MatchSpec(regex="a  b", prefilter=["  "]))
    ms.add("team.digits", MatchSpec(regex=r"\d{7,}"))
    ms.add("team.word", MatchSpec(terms=("serum",)))
    ms.build()
    assert ms.always == {"team.two_spaces", "team.digits"}
    ctx = MatchContext("en", "a  b 1234567", frozenset())
    live = ms.live(ctx, frozenset(ms.matchers))
    assert live == {"team.two_spaces", "team.digits"}
    assert [(sp.owner, sp.start, sp.end) for sp in ms.find(ctx, live)] == [
        ("team.two_spaces", 0, 4), ("team.digits", 5, 12)]
    assert Prefilter({"regex": r"\w@\w"}).needles == ("@",)


def test_a_regex_the_screen_cannot_key_on_still_needs_its_literals_before_it_runs():
    """A regex whose literals are too common to screen on ("from", "@") runs on every segment that
    holds them all, and on no other: a text without "from" is not searched at all (here the pattern
    would run out of time on it), and one with them is matched as before."""
    ms = MatcherSet("en")
    ms.add("signal.source", MatchSpec(regex=r"(?i)(?:a|a)+\s+from\s+@\w+"))
    ms.build()
    assert ms.always == {"signal.source"}
    hostile = MatchContext("en", "a" * 40 + " for @shop", frozenset())
    assert ms.find(hostile, {"signal.source"}) == [] and hostile.problems == []
    credited = MatchContext("en", "A lamp, aa from @glowlab", frozenset())
    assert [(sp.start, sp.end) for sp in ms.find(credited, {"signal.source"})] == [(8, 24)]


def test_a_two_word_phrase_is_screened_on_its_joined_words():
    ms = MatcherSet("en")
    ms.add("r.tonight", MatchSpec(terms=("only tonight",)))
    ms.build()
    near = MatchContext("en", "Only tonight: 20% off", frozenset())
    apart = MatchContext("en", "Tonight I cook the only pasta I know", frozenset())
    assert ms.live(near, frozenset({"r.tonight"})) == {"r.tonight"}
    assert ms.live(apart, frozenset({"r.tonight"})) == set()  # both words, but not next to each other
    assert [(sp.start, sp.end) for sp in ms.find(near, {"r.tonight"})] == [(0, 12)]


def test_chinese_phrases_ignore_spaces_like_the_matcher():
    ms = MatcherSet("zh")
    ms.add("r", MatchSpec(terms=("最好",)))
    ms.build()
    ctx = MatchContext("zh", "这是 最 好的", frozenset())
    assert ms.live(ctx, frozenset({"r"})) == {"r"}
    assert [(sp.start, sp.end) for sp in ms.find(ctx, {"r"})] == [(3, 6)]


# --- normalisation fast paths ------------------------------------------------------------------------

def test_full_width_punctuation_keeps_offsets():
    text = "最好的面霜，真的！你值得拥有：“第一”？"
    norm = normalize(text)
    assert norm.text == "最好的面霜,真的!你值得拥有:\"第一\"?"
    assert norm.span(5, 6) == (5, 6) and len(norm.text) == len(text)


def test_normalize_matches_nfkc_per_character():
    text = "ＷｈａｔｓＡｐｐ　１００％ ﬁne 𝐛𝐞𝐬𝐭 café ทำ"
    norm = normalize(text)
    assert norm.text == "WhatsApp 100% fine best café ทำ"
    start = norm.text.index("best")
    s, e = norm.span(start, start + 4)
    assert text[s:e] == "𝐛𝐞𝐬𝐭"
    assert unicodedata.is_normalized("NFC", norm.text)


def test_phrases_enter_the_matcher_only_when_a_segment_may_match_them():
    """An owner's phrases become spaCy Docs in the PhraseMatcher when a segment first lets it through,
    not when the rules compile; the matches do not depend on which owners went in first."""
    ms = MatcherSet("en")
    ms.add("r.cure", MatchSpec(terms=("cure acne",), mode="lemma"))
    ms.add("r.best", MatchSpec(terms=("best serum", "number one serum")))
    ms.build()
    assert set(ms.phrases._pending) == {"r.cure", "r.best"}
    ctx = MatchContext("en", "The best serum cures acne, number one serum", frozenset())

    def found(owners):
        return [(sp.owner, sp.tok_start, sp.tok_end) for sp in ms.find(ctx, owners)]

    assert found({"r.best"}) == [("r.best", 1, 3), ("r.best", 6, 9)]
    assert set(ms.phrases._pending) == {"r.cure"}
    everything = [("r.best", 1, 3), ("r.cure", 3, 5), ("r.best", 6, 9)]
    assert found({"r.cure", "r.best"}) == everything and not ms.phrases._pending
    fresh = MatcherSet("en")
    fresh.add("r.cure", MatchSpec(terms=("cure acne",), mode="lemma"))
    fresh.add("r.best", MatchSpec(terms=("best serum", "number one serum")))
    fresh.build()
    assert [(sp.owner, sp.tok_start, sp.tok_end) for sp in fresh.find(ctx, {"r.best", "r.cure"})] == everything


def test_whole_words_are_answered_alike_before_and_after_a_text_lists_its_words():
    """A context looks for a few words one at a time, then lists its words once it has looked for
    many: the answers are the same either way (whole words only: "serum" is not in "serums")."""
    from checker.rules.matching import WORD

    text = "New serums, and the best-selling cream for dry skin: $29 only"
    words_of_text = set(WORD.findall(text.lower()))
    ctx = MatchContext("en", text, frozenset())
    asks = [{"serum"}, {"serums", "gel"}, {"best"}, {"selling", "sell"}, {"29"}, {"2"}, {"dry", "oily"}, {"cre"}]
    for round_ in range(4):
        for words in asks:
            assert ctx.has_any_word(frozenset(words)) is bool(words & words_of_text), words
            assert ctx.has_words(frozenset(words)) is (words <= words_of_text), words
        if round_ == 0:
            assert ctx._words is None  # (a few words: looked for one at a time)
    assert ctx._words == words_of_text  # (then listed once)
